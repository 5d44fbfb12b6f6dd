"""What the bundle leaves out of PySide6: unused Qt libraries, plugins and catalogues.

Shared by release-review.spec (filtering) and the tests (so a needed piece is never
dropped by a too-broad pattern). Patterns match destination paths inside the bundle.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Qt libraries only reachable from modules the app does not import.
_QT_LIBS = (
    "Qml|Quick|Network|Sql|Pdf|VirtualKeyboard|Designer|Help|Test|UiTools|Lottie|LabsStyleKit|"
    "WaylandCompositor|OpenGLWidgets|PrintSupport|Concurrent|Xml|ShaderTools|SvgWidgets|"
    "EglFS|EglFsKms"
)
# Plugins: other platforms than X11/Wayland/offscreen, network, SQL, printing, QML, input
# devices handled by the display server, image formats nobody imports, and the GTK theme
# (it would pull GTK into the bundle; the portal theme gives native file dialogs).
_PLUGINS = (
    r"platforms/(lib)?q(eglfs|linuxfb|vnc|vkkhrdisplay|minimalegl)"
    r"|platformthemes/(lib)?qgtk3|platforminputcontexts/(lib)?qtvirtualkeyboard"
    r"|imageformats/(lib)?q(pdf|tiff|webp|tga|wbmp)"
    r"|generic/|egldeviceintegrations/|sqldrivers/|tls/|networkinformation/|printsupport/"
    r"|qmltooling/|designer/|wayland-graphics-integration-server/|vectorimageformats/"
)


def drop_pattern(ui_languages: Iterable[str]) -> re.Pattern[str]:
    catalogues = "|".join(sorted(ui_languages)) or "none"
    return re.compile(
        rf"(/(lib)?Qt6({_QT_LIBS})\w*\.(so|dll|dylib)"
        rf"|/plugins/({_PLUGINS})"
        # Linux/macOS wheels keep these under PySide6/Qt/, Windows wheels under PySide6/.
        r"|/PySide6/(Qt/)?(qml|libexec|metatypes|include)/"
        rf"|/PySide6/(Qt/)?translations/(?!qtbase_({catalogues})\.qm$))",
        re.IGNORECASE,
    )


def is_dropped(pattern: re.Pattern[str], dest: str) -> bool:
    return pattern.search("/" + dest.replace("\\", "/")) is not None
