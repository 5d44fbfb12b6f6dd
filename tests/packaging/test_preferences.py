"""Preferences: theme previewed and kept or undone, language saved for the next start."""

from __future__ import annotations

import os
import subprocess
import sys

from desktop_app.ui.annotate.small_dialogs import REVIEWER
from desktop_app.ui.i18n import LANGUAGE_KEY
from desktop_app.ui.palette import SYSTEM, THEME_KEY
from desktop_app.ui.preferences import PreferencesDialog
from desktop_app.ui.settings import Settings


def test_ok_keeps_theme_language_and_name(qtbot, tmp_path) -> None:
    settings = Settings.at_path(tmp_path / "s.ini")
    dialog = PreferencesDialog(settings, None, languages=["en", "ru"])
    qtbot.addWidget(dialog)
    dialog.theme_box.setCurrentIndex(dialog.theme_box.findData("dark"))
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("ru"))
    assert not dialog.restart_note.isHidden()
    assert dialog.language_box.currentText() == "Русский"
    dialog.name_edit.setText("  Samir  Quliyev ")
    dialog.accept()
    again = Settings.at_path(tmp_path / "s.ini")
    assert again.get(THEME_KEY) == "dark"
    assert again.get(LANGUAGE_KEY) == "ru"
    assert again.get(REVIEWER) == "Samir Quliyev"


def test_cancel_keeps_nothing(qtbot, tmp_path) -> None:
    settings = Settings.at_path(tmp_path / "s.ini")
    dialog = PreferencesDialog(settings, None, languages=["en", "ru"])
    qtbot.addWidget(dialog)
    dialog.theme_box.setCurrentIndex(dialog.theme_box.findData("dark"))
    dialog.reject()
    assert settings.get(THEME_KEY) == SYSTEM
    assert settings.get(LANGUAGE_KEY) == ""


# Restyling re-polishes every widget of the process: the live preview runs in its own app.
PREVIEW_SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication
from desktop_app.ui.palette import DARK, ThemeManager, is_dark
from desktop_app.ui.preferences import PreferencesDialog
from desktop_app.ui.settings import Settings

app = QApplication([])
themes = ThemeManager(app)
settings = Settings.at_path(sys.argv[1])
dialog = PreferencesDialog(settings, themes, languages=["en"])
dialog.theme_box.setCurrentIndex(dialog.theme_box.findData(DARK))
assert is_dark(app.palette()), "previewed at once"
dialog.reject()
assert not is_dark(app.palette()), "cancel undoes the preview"
dialog = PreferencesDialog(settings, themes, languages=["en"])
dialog.theme_box.setCurrentIndex(dialog.theme_box.findData(DARK))
dialog.accept()
assert is_dark(app.palette()), "OK keeps it"
print("preview ok")
"""


def test_theme_preview_applies_and_cancel_undoes(tmp_path) -> None:
    proc = subprocess.run([sys.executable, "-c", PREVIEW_SCRIPT, str(tmp_path / "s.ini")],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert proc.returncode == 0, proc.stderr
    assert "preview ok" in proc.stdout
