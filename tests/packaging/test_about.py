"""Help ▸ About: versions and paths as copyable plain text, log folder at hand."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from desktop_app import APP_NAME, __version__
from desktop_app.ui.about import AboutDialog, about_box, about_text


def test_about_text_names_versions_and_locations(qapp) -> None:
    text = about_text("/data/releases.sqlite3", "/data/logs")
    assert f"{APP_NAME} {__version__}" in text
    for part in ("Qt ", "PySide6 ", "SQLite ", "Python ", "Database: /data/releases.sqlite3",
                 "Logs: /data/logs"):
        assert part in text


def test_dialog_copies_details_and_knows_log_folder(qtbot, tmp_path) -> None:
    dialog = about_box(None, "db.sqlite3", tmp_path)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, AboutDialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert "Database: db.sqlite3" in dialog.details.toPlainText()
    assert dialog.tabs.count() == 2
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.report
    assert dialog.logs_button.isEnabled()


def test_dialog_without_log_folder_disables_the_button(qtbot) -> None:
    dialog = AboutDialog(None, "")
    qtbot.addWidget(dialog)
    assert not dialog.logs_button.isEnabled()
    assert "Database:" not in dialog.report
