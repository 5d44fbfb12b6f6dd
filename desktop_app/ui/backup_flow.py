"""Backups in the window: a check and a backup after each open, periodic backups, and
File ▸ Back up now / Restore from backup….

The integrity check and the backup read the whole file, so they run on a worker after the
first rows are shown; a damaged database is reported with the way back (restore).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ..services.backups import BackupInfo, BackupService
from ..workers.base import Task
from .errors import show_error

if TYPE_CHECKING:
    from ..domain.progress import CancelToken, ProgressCallback
    from .main_window import MainWindow

log = logging.getLogger(__name__)


class OpenCheckTask(Task):
    """PRAGMA quick_check (when the open did not run it), then the backup taken at open."""

    def __init__(self, service: BackupService, check: bool) -> None:
        super().__init__()
        self.service = service
        self.check = check

    def work(self, progress: ProgressCallback, cancel: CancelToken) -> tuple[str, BackupInfo | None]:
        verdict = self.service.verify() if self.check else "ok"
        cancel.raise_if_cancelled()
        if verdict != "ok":
            return verdict, None  # never back up a damaged file over good backups
        return verdict, self.service.on_open()


class RestoreDialog(QDialog):
    """Lists the backups of the open database, newest first; restores the chosen one."""

    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Backups", "Restore from backup"))
        self.list = QListWidget(self)
        for b in backups:
            item = QListWidgetItem(b.label)
            item.setData(Qt.ItemDataRole.UserRole, b)
            self.list.addItem(item)
        if backups:
            self.list.setCurrentRow(0)
        note = QLabel(QCoreApplication.translate("Backups", "The database goes back to the chosen copy. Its current content is "
                         "backed up first, so this can be undone by restoring that copy."), self)
        note.setWordWrap(True)
        note.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = buttons.addButton(QCoreApplication.translate("Backups", "Restore"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(bool(backups))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(520, 320)

    def chosen(self) -> BackupInfo | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


class BackupFlow(QObject):
    """A QObject on the GUI thread, so the task's results arrive here queued, not on the
    worker thread that emits them."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.service: BackupService | None = None
        self.task: OpenCheckTask | None = None
        self.last_verdict: str | None = None
        menu = window.menu("&File")
        first = menu.actions()[-1] if menu.actions() else None  # before Quit
        self.backup_action = menu.addAction(QCoreApplication.translate("Backups", "&Back up now"), self.backup_now)
        self.restore_action = menu.addAction(QCoreApplication.translate("Backups", "&Restore from backup…"), self.restore_dialog)
        if first is not None:
            menu.removeAction(self.backup_action)
            menu.removeAction(self.restore_action)
            menu.insertActions(first, [self.backup_action, self.restore_action])
            menu.insertSeparator(first)
        window.context_changed.connect(lambda _ctx: self.start())
        window.destroyed.connect(lambda *_: self.stop())

    def start(self) -> None:
        """Called for every database the window opens."""
        self.stop()
        ctx = self.window.ctx
        self.service = BackupService(ctx.db, ctx.paths.backup_dir)
        enabled = self.service.enabled
        self.backup_action.setEnabled(enabled)
        self.restore_action.setEnabled(enabled)
        if not enabled:
            return
        self.task = OpenCheckTask(self.service, check=not ctx.db.integrity_checked)
        self.task.finished.connect(self._opened)
        self.task.failed.connect(self._failed)
        self.window.runner.start(self.task)

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self.task = None
        log.warning("backup at open failed: %s", exc)

    def stop(self) -> None:
        if self.service is not None:
            self.service.stop()

    @Slot(object)
    def _opened(self, result: tuple[str, BackupInfo | None]) -> None:
        verdict, backup = result
        self.last_verdict = verdict
        self.task = None
        if verdict != "ok":
            self._report_damage(verdict)
            return
        if backup is not None:
            log.info("backup at open: %s", backup.path)
        if self.service is not None:
            self.service.start_periodic(on_error=lambda exc: log.warning("backup failed: %s", exc))

    def _report_damage(self, verdict: str) -> None:
        answer = QMessageBox.warning(
            self.window, QCoreApplication.translate("Backups", "The database is damaged"),
            QCoreApplication.translate("Backups", "The check of this database found damage:\n{0}\n\nRestore it from a backup now? "
               "Nothing is changed unless you choose a backup.").format(verdict[:300]),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_dialog()

    def backup_now(self) -> None:
        if self.service is None:
            return
        try:
            made = self.service.backup_now("manual")
        except Exception as exc:  # shown, never lost
            show_error(self.window, exc)
            return
        self.window.statusBar().showMessage(QCoreApplication.translate("Backups", "Backed up to {0}").format(made.path.name), 8000)

    def restore_dialog(self) -> None:
        if self.service is None:
            return
        writers = (self.window.import_task, getattr(self.window.duplicates_panel, "task", None))
        if any(task is not None for task in writers):
            QMessageBox.information(self.window, QCoreApplication.translate("Backups", "Restore from backup"),
                                    QCoreApplication.translate("Backups", "Wait for the running work to finish first."))
            return
        dialog = RestoreDialog(self.service.list(), self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
            return
        try:
            changes = self.service.restore(dialog.chosen().path)
        except Exception as exc:
            show_error(self.window, exc)
            return
        self.window.undo_stack.clear()  # undo entries point at rows of the replaced content
        self.window.refresh(changes)
        self.window.statusBar().showMessage(QCoreApplication.translate("Backups", "Restored from {0}").format(
            dialog.chosen().path.name), 8000)


def mount_backups(window: MainWindow) -> BackupFlow:
    flow = BackupFlow(window)
    flow.start()
    return flow
