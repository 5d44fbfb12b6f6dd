"""Remembered window state, the error dialogs and hook, About, and the self-test."""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app import app_selftest
from desktop_app.domain.errors import SchemaTooNewError
from desktop_app.services.logging_setup import setup_logging
from desktop_app.ui import errors
from desktop_app.ui.about import about_text
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.settings import MAX_RECENT, Keys, Settings


def test_settings_are_typed_and_kept_in_the_given_file(tmp_path) -> None:
    path = tmp_path / "s.ini"
    s = Settings.at_path(path)
    assert s.store.fileName() == str(path)
    assert s.store.fileName() != QSettings().fileName()
    assert s.get(Keys.RECENT_DATABASES) == [] and s.get(Keys.LAST_IMPORT_FOLDER) == ""
    for i in range(MAX_RECENT + 3):
        s.remember_database(f"/data/db{i}.sqlite3")
    s.remember_database("/data/db5.sqlite3")
    s.sync()
    again = Settings.at_path(path)
    recent = again.recent_databases
    assert recent[0] == "/data/db5.sqlite3" and len(recent) == MAX_RECENT
    assert len(set(recent)) == len(recent)
    again.set(Keys.RECENT_DATABASES, ["only-one"])  # INI files return one item as a string
    again.sync()
    assert Settings.at_path(path).recent_databases == ["only-one"]
    again.store.setValue(Keys.WINDOW_GEOMETRY.name, "garbage")
    assert isinstance(again.get(Keys.WINDOW_GEOMETRY), QByteArray)


def test_window_layout_is_restored(qtbot, ctx, tmp_path) -> None:
    settings = Settings.at_path(tmp_path / "layout.ini")
    first = MainWindow(ctx, settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(640, 480)
    first.splitter.setSizes([300, 700])
    first.table.horizontalHeader().setSortIndicator(2, Qt.SortOrder.AscendingOrder)
    sizes = first.splitter.sizes()
    size = (first.width(), first.height())  # at least the minimum size
    first.close()
    assert not settings.get(Keys.SPLITTER_STATE).isEmpty()

    second = MainWindow(ctx, Settings.at_path(tmp_path / "layout.ini"))
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == size
    assert second.splitter.sizes() == sizes
    assert second.model.sort_key == "title" and not second.model.descending


def test_plain_language_errors_and_unexpected_ones(qapp, tmp_path) -> None:
    box = errors.error_box(None, SchemaTooNewError("A newer <b>version</b> wrote this."))
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text() == "A newer <b>version</b> wrote this."
    assert box.icon() == QMessageBox.Icon.Warning and not box.detailedText()
    try:
        raise ValueError("boom")
    except ValueError as exc:
        box = errors.error_box(None, exc)
    assert box.icon() == QMessageBox.Icon.Critical
    assert "ValueError: boom" in box.detailedText()


def test_excepthook_logs_to_the_file_and_shows_a_dialog(qapp, tmp_path, monkeypatch, app_paths) -> None:
    logs = setup_logging(app_paths, stderr=False)
    shown = []

    class FakeBox:
        def __init__(self, exc) -> None:
            self.exc = exc

        def exec(self) -> int:
            shown.append(self.exc)
            return 0

    monkeypatch.setattr(errors, "error_box", lambda parent, exc: FakeBox(exc))
    old = sys.excepthook
    try:
        errors.install_excepthook()
        try:
            raise RuntimeError("a slot failed")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = old
        for h in logging.getLogger().handlers:
            h.flush()
        text = logs.log_file.read_text(encoding="utf-8")
        logs.close()
    assert len(shown) == 1 and str(shown[0]) == "a slot failed"
    assert "RuntimeError: a slot failed" in text and "Traceback" in text


def test_about_lists_versions(qapp) -> None:
    text = about_text("/data/releases.sqlite3")
    for name in ("Release Review", "Qt", "PySide6", "SQLAlchemy", "SQLite", "Python"):
        assert name in text
    assert sqlite3.sqlite_version in text


def test_self_test_passes_here(qapp, tmp_path, capsys) -> None:
    rc = app_selftest.run(argparse.Namespace(db=None, data_dir=str(tmp_path)))
    out = capsys.readouterr().out
    assert rc == 0, out
    assert "ok    fonts" in out and "ok    database and FTS5 search" in out
    assert "ok    main window" in out and "self-test passed" in out


def test_self_test_reports_a_failed_check(qapp, tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(app_selftest, "MIN_SQLITE", (99, 0, 0))
    rc = app_selftest.run(argparse.Namespace(db=None, data_dir=str(tmp_path)))
    out = capsys.readouterr().out
    assert rc == 1 and "FAIL  SQLite" in out
