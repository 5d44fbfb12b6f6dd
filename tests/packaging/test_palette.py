"""Light and dark palettes: readable contrast, and the choice applied and remembered."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from desktop_app.ui.palette import (
    DARK,
    LIGHT,
    SYSTEM,
    THEME_KEY,
    ThemeManager,
    dark_palette,
    is_dark,
    light_palette,
)
from desktop_app.ui.settings import Settings

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


def test_theme_choice_applies_and_persists(qapp: QApplication, tmp_path) -> None:
    settings = Settings.at_path(tmp_path / "settings.ini")
    manager = ThemeManager(qapp)
    try:
        assert manager.apply_saved(settings) == SYSTEM
        assert manager.choose(DARK, settings) == DARK
        assert is_dark(qapp.palette()) and qapp.style().name().lower() == "fusion"
        assert Settings.at_path(tmp_path / "settings.ini").get(THEME_KEY) == DARK
        manager.choose(LIGHT, settings)
        assert not is_dark(qapp.palette())
        assert qapp.palette().color(Role.Base) == QColor("#ffffff")
        assert manager.apply("no-such-theme") == SYSTEM
        assert qapp.palette().color(Role.Window) == manager.original_palette.color(Role.Window)
    finally:
        manager.apply(SYSTEM)
