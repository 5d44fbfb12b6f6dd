"""Preferences: theme previewed and kept or undone, language saved for the next start."""

from __future__ import annotations

import pytest

from desktop_app.ui.annotate.small_dialogs import REVIEWER
from desktop_app.ui.i18n import LANGUAGE_KEY
from desktop_app.ui.palette import DARK, SYSTEM, THEME_KEY, ThemeManager, is_dark
from desktop_app.ui.preferences import PreferencesDialog
from desktop_app.ui.settings import Settings


@pytest.fixture
def themes(qapp):
    manager = ThemeManager(qapp)
    yield manager
    manager.apply(SYSTEM)


def test_ok_keeps_theme_language_and_name(qtbot, qapp, tmp_path, themes) -> None:
    settings = Settings.at_path(tmp_path / "s.ini")
    dialog = PreferencesDialog(settings, themes, languages=["en", "ru"])
    qtbot.addWidget(dialog)
    dialog.theme_box.setCurrentIndex(dialog.theme_box.findData(DARK))
    assert is_dark(qapp.palette())  # previewed at once
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("ru"))
    assert not dialog.restart_note.isHidden()
    assert dialog.language_box.currentText() == "Русский"
    dialog.name_edit.setText("  Samir  Quliyev ")
    dialog.accept()
    again = Settings.at_path(tmp_path / "s.ini")
    assert again.get(THEME_KEY) == DARK
    assert again.get(LANGUAGE_KEY) == "ru"
    assert again.get(REVIEWER) == "Samir Quliyev"


def test_cancel_undoes_the_preview(qtbot, qapp, tmp_path, themes) -> None:
    settings = Settings.at_path(tmp_path / "s.ini")
    dialog = PreferencesDialog(settings, themes, languages=["en", "ru"])
    qtbot.addWidget(dialog)
    dialog.theme_box.setCurrentIndex(dialog.theme_box.findData(DARK))
    dialog.reject()
    assert not is_dark(qapp.palette())
    assert settings.get(THEME_KEY) == SYSTEM
    assert settings.get(LANGUAGE_KEY) == ""
