"""Import from the main window: file dialogs, the background task, progress, report, refresh."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog

from ..domain.changes import ChangeSet
from ..domain.releases import ImportReport
from ..workers import ImportTask
from .errors import show_error
from .import_dialogs import ImportProgressDialog, ImportReportDialog
from .settings import Keys

if TYPE_CHECKING:
    from .main_window import MainWindow

IMPORT_FILTER = "Releases (*.txt *.md *.html *.htm *.jsonl *.csv);;All files (*)"


class ImportFlow(QObject):
    finished = Signal(object)     # ImportReport, once the list shows the new releases
    busy_changed = Signal(bool)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.task: ImportTask | None = None
        self.progress_dialog: ImportProgressDialog | None = None
        self.report_dialog: ImportReportDialog | None = None

    @property
    def busy(self) -> bool:
        return self.task is not None

    def start(self, paths: Sequence[Path]) -> ImportTask | None:
        w = self.window
        if self.task is not None:
            w.statusBar().showMessage(QCoreApplication.translate("ImportFlow", "An import is already running."), 5000)
            return None
        task = ImportTask(w.ctx.ingest, paths)
        dialog = ImportProgressDialog(w)
        task.progress.connect(dialog.update_progress)
        task.finished.connect(self._done)
        task.failed.connect(self._failed)
        # Direct: the task's thread is busy working and would only see a queued call at the end.
        dialog.cancel_requested.connect(task.cancel, Qt.ConnectionType.DirectConnection)
        self.task, self.progress_dialog = task, dialog
        self.busy_changed.emit(True)
        dialog.show()
        w.runner.start(task)
        return task

    def choose_files(self) -> None:
        settings = self.window.settings
        files, _ = QFileDialog.getOpenFileNames(
            self.window, QCoreApplication.translate("ImportFlow", "Import releases"), settings.get(Keys.LAST_IMPORT_FOLDER), IMPORT_FILTER)
        if files:
            settings.set(Keys.LAST_IMPORT_FOLDER, str(Path(files[0]).parent))
            self.start([Path(f) for f in files])

    def choose_folder(self) -> None:
        settings = self.window.settings
        folder = QFileDialog.getExistingDirectory(
            self.window, QCoreApplication.translate("ImportFlow", "Import a folder of releases"), settings.get(Keys.LAST_IMPORT_FOLDER))
        if folder:
            settings.set(Keys.LAST_IMPORT_FOLDER, folder)
            self.start([Path(folder)])

    def _close_progress(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
        self.progress_dialog = None
        self.task = None
        self.busy_changed.emit(False)

    def _done(self, report: ImportReport) -> None:
        self._close_progress()
        w = self.window
        w.refresh(ChangeSet(release_list=True))
        w.statusBar().showMessage(report.summary(), 10000)
        self.report_dialog = ImportReportDialog(report, w)
        self.report_dialog.show()
        self.finished.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self._close_progress()
        self.window.refresh(ChangeSet(release_list=True))  # batches committed before stay
        show_error(self.window, exc)
