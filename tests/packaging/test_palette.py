"""Light and dark palettes: readable contrast, and the choice applied and remembered."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QColor, QPalette

from desktop_app.ui.palette import (
    dark_palette,
    is_dark,
    light_palette,
)

Role = QPalette.ColorRole


def _luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


PAIRS = [(Role.WindowText, Role.Window), (Role.Text, Role.Base), (Role.Text, Role.AlternateBase),
         (Role.ButtonText, Role.Button), (Role.HighlightedText, Role.Highlight),
         (Role.ToolTipText, Role.ToolTipBase), (Role.Link, Role.Base)]


def test_text_contrast_meets_wcag_aa(qapp) -> None:
    for palette in (light_palette(), dark_palette()):
        for fg, bg in PAIRS:
            ratio = contrast(palette.color(QPalette.ColorGroup.Active, fg),
                             palette.color(QPalette.ColorGroup.Active, bg))
            assert ratio >= 4.5, (fg, bg, ratio)
        placeholder = contrast(palette.color(Role.PlaceholderText), palette.color(Role.Base))
        assert placeholder >= 3.0
    assert is_dark(dark_palette()) and not is_dark(light_palette())


def test_disabled_text_is_dimmer_than_enabled(qapp) -> None:
    for palette in (light_palette(), dark_palette()):
        enabled = contrast(palette.color(QPalette.ColorGroup.Active, Role.Text),
                           palette.color(QPalette.ColorGroup.Active, Role.Base))
        disabled = contrast(palette.color(QPalette.ColorGroup.Disabled, Role.Text),
                            palette.color(QPalette.ColorGroup.Disabled, Role.Base))
        assert disabled < enabled


THEME_SCRIPT = """
import sys
from pathlib import Path
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from desktop_app.ui.palette import DARK, LIGHT, SYSTEM, THEME_KEY, ThemeManager, is_dark
from desktop_app.ui.settings import Settings

app = QApplication([])
ini = Path(sys.argv[1])
settings = Settings.at_path(ini)
manager = ThemeManager(app)
assert manager.apply_saved(settings) == SYSTEM
assert manager.choose(DARK, settings) == DARK
assert is_dark(app.palette()) and app.style().name().lower() == "fusion"
assert Settings.at_path(ini).get(THEME_KEY) == DARK
manager.choose(LIGHT, settings)
assert not is_dark(app.palette())
assert app.palette().color(QPalette.ColorRole.Base) == QColor("#ffffff")
assert manager.apply("no-such-theme") == SYSTEM
assert app.palette().color(QPalette.ColorRole.Window) == \\
    manager.original_palette.color(QPalette.ColorRole.Window)
print("themes ok")
"""


def test_theme_choice_applies_and_persists(tmp_path) -> None:
    # Restyling re-polishes every widget in the process: run it in an application of its own,
    # so widgets other tests left behind cannot take part.
    proc = subprocess.run([sys.executable, "-c", THEME_SCRIPT, str(tmp_path / "settings.ini")],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert proc.returncode == 0, proc.stderr
    assert "themes ok" in proc.stdout
