"""Light and dark palettes, and the choice between them and the system's look.

Native styles (GTK, Windows 11, macOS) may ignore an application palette, so an explicit
light or dark choice switches to Fusion, which paints with the palette everywhere; "system"
restores the style and palette the app started with.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from .settings import Key, Settings

SYSTEM, LIGHT, DARK = "system", "light", "dark"
THEMES = (SYSTEM, LIGHT, DARK)
THEME_LABELS = {
    SYSTEM: QT_TRANSLATE_NOOP("Palette", "Same as the system"),
    LIGHT: QT_TRANSLATE_NOOP("Palette", "Light"),
    DARK: QT_TRANSLATE_NOOP("Palette", "Dark"),
}
THEME_KEY = Key("ui/theme", SYSTEM)

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

# (active/inactive colour, disabled colour) per role; contrast checked by the tests.
_LIGHT = {
    Role.Window: ("#f3f4f6", "#eceef1"),
    Role.WindowText: ("#1b1f24", "#8b929b"),
    Role.Base: ("#ffffff", "#f3f4f6"),
    Role.AlternateBase: ("#f0f3f7", "#eceef1"),
    Role.ToolTipBase: ("#fffbe6", "#fffbe6"),
    Role.ToolTipText: ("#1b1f24", "#8b929b"),
    Role.PlaceholderText: ("#6b7280", "#a3a9b1"),
    Role.Text: ("#1b1f24", "#8b929b"),
    Role.Button: ("#e8eaee", "#eceef1"),
    Role.ButtonText: ("#1b1f24", "#8b929b"),
    Role.BrightText: ("#b00020", "#b00020"),
    Role.Light: ("#ffffff", "#ffffff"),
    Role.Midlight: ("#f5f6f8", "#f5f6f8"),
    Role.Mid: ("#c4c9d0", "#c4c9d0"),
    Role.Dark: ("#9aa1ab", "#9aa1ab"),
    Role.Shadow: ("#5f6670", "#5f6670"),
    Role.Highlight: ("#2f6fb3", "#c4c9d0"),
    Role.HighlightedText: ("#ffffff", "#6b7280"),
    Role.Link: ("#1d5fa8", "#8b929b"),
    Role.LinkVisited: ("#6a3fa0", "#8b929b"),
    Role.Accent: ("#2f6fb3", "#c4c9d0"),
}
_DARK = {
    Role.Window: ("#202327", "#1c1f22"),
    Role.WindowText: ("#e6e8eb", "#7c838c"),
    Role.Base: ("#17191c", "#1c1f22"),
    Role.AlternateBase: ("#1f2226", "#1c1f22"),
    Role.ToolTipBase: ("#2b2f34", "#2b2f34"),
    Role.ToolTipText: ("#e6e8eb", "#7c838c"),
    Role.PlaceholderText: ("#9097a0", "#6b727b"),
    Role.Text: ("#e6e8eb", "#7c838c"),
    Role.Button: ("#2b2f34", "#24272b"),
    Role.ButtonText: ("#e6e8eb", "#7c838c"),
    Role.BrightText: ("#ff6b6b", "#ff6b6b"),
    Role.Light: ("#3a3f45", "#3a3f45"),
    Role.Midlight: ("#30343a", "#30343a"),
    Role.Mid: ("#24272b", "#24272b"),
    Role.Dark: ("#121416", "#121416"),
    Role.Shadow: ("#000000", "#000000"),
    Role.Highlight: ("#2f6aa8", "#3a3f45"),
    Role.HighlightedText: ("#ffffff", "#7c838c"),
    Role.Link: ("#7cb4f0", "#7c838c"),
    Role.LinkVisited: ("#b79ae6", "#7c838c"),
    Role.Accent: ("#2f6aa8", "#3a3f45"),
}


def _build(colours: dict[QPalette.ColorRole, tuple[str, str]]) -> QPalette:
    palette = QPalette()
    for role, (normal, disabled) in colours.items():
        palette.setColor(Group.Active, role, QColor(normal))
        palette.setColor(Group.Inactive, role, QColor(normal))
        palette.setColor(Group.Disabled, role, QColor(disabled))
    return palette


def light_palette() -> QPalette:
    return _build(_LIGHT)


def dark_palette() -> QPalette:
    return _build(_DARK)


def is_dark(palette: QPalette) -> bool:
    """Whether text is lighter than its background (true for any dark theme, ours or not)."""
    return palette.color(Role.WindowText).lightness() > palette.color(Role.Window).lightness()


def theme_label(theme: str) -> str:
    return QCoreApplication.translate("Palette", THEME_LABELS[theme])


class ThemeManager:
    """Remembers the style the app started with, so "system" can go back to it."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.original_style = app.style().name()
        self.original_palette = QPalette(app.palette())
        self.theme = SYSTEM

    def apply(self, theme: str) -> str:
        if theme not in THEMES:
            theme = SYSTEM
        if theme == SYSTEM:
            self.app.setStyle(self.original_style)
            self.app.setPalette(self.original_palette)
            QGuiApplication.styleHints().unsetColorScheme()
        else:
            if self.app.style().name().lower() != "fusion" and "Fusion" in QStyleFactory.keys():
                self.app.setStyle("Fusion")
            self.app.setPalette(dark_palette() if theme == DARK else light_palette())
            QGuiApplication.styleHints().setColorScheme(
                Qt.ColorScheme.Dark if theme == DARK else Qt.ColorScheme.Light)
        self.theme = theme
        return theme

    def apply_saved(self, settings: Settings) -> str:
        return self.apply(settings.get(THEME_KEY))

    def choose(self, theme: str, settings: Settings) -> str:
        applied = self.apply(theme)
        settings.set(THEME_KEY, applied)
        return applied
