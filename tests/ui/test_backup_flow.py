"""Backups in the window: taken after open, made on demand, restored from File ▸ Restore."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QDialog, QMessageBox

from desktop_app.ui import backup_flow
from desktop_app.ui.backup_flow import RestoreDialog
from desktop_app.ui.main_window import MainWindow

from .conftest import MULTILINGUAL, add_releases


def wait_open_check(qtbot, win) -> None:
    qtbot.waitUntil(lambda: win.backups.last_verdict is not None, timeout=10000)


def test_open_runs_the_check_and_takes_a_backup(qtbot, ctx, settings, monkeypatch):
    threads = []
    original = backup_flow.BackupService.start_periodic
    monkeypatch.setattr(backup_flow.BackupService, "start_periodic", lambda self, **kw: (
        threads.append(threading.current_thread()), original(self, **kw)))
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    wait_open_check(qtbot, window)
    window.runner.wait_all()
    window.backups.stop()
    # The result is handled on the GUI thread, not on the worker that computed it.
    assert threads == [threading.main_thread()]
    assert window.backups.last_verdict == "ok"
    assert [b.reason for b in window.backups.service.list()] == ["open"]


def test_restore_brings_back_the_chosen_copy(qtbot, window, monkeypatch):
    wait_open_check(qtbot, window)
    add_releases(window.ctx, MULTILINGUAL[:2])
    window.backups.backup_now()
    add_releases(window.ctx, MULTILINGUAL[2:])
    assert window.ctx.library.count() == len(MULTILINGUAL)

    def choose_manual(dialog: RestoreDialog) -> int:
        labels = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        dialog.list.setCurrentRow(next(i for i, t in enumerate(labels) if "manual" in t))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RestoreDialog, "exec", choose_manual)
    window.backups.restore_dialog()
    assert window.ctx.library.count() == 2
    assert window.model.rowCount() == 2
    # The content replaced by the restore was itself backed up first.
    assert any(b.reason == "before-restore" for b in window.backups.service.list())


def test_damage_found_after_open_offers_the_restore(qtbot, ctx, settings, monkeypatch):
    asked = []
    monkeypatch.setattr(backup_flow.BackupService, "verify", lambda self: "page 3: corrupt")
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    ctx.db.integrity_checked = False
    win = MainWindow(ctx, settings)
    qtbot.addWidget(win)
    try:
        qtbot.waitUntil(lambda: bool(asked), timeout=10000)
        assert "page 3: corrupt" in asked[0]
        assert win.backups.service.list() == []  # no backup taken of a damaged file
    finally:
        win.runner.wait_all()
        win.backups.stop()
