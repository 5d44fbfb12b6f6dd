"""Merge conflicts: both readings side by side; the reviewer keeps ours, takes theirs, or both.

Also the File ▸ Import annotations… flow: pick a native export, merge it on a worker thread,
show what was added, then the conflicts it left.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.changes import ChangeSet
from ...domain.errors import ReleaseReviewError
from ...domain.export import MergeConflict, MergeReport, Resolution
from ...services.library import LibraryService
from ...services.merge import MergeService
from ...workers.base import TaskRunner
from ..reader import plain_label
from ..relay import GuiRelay
from .tasks import MergeTask

Index = QModelIndex | QPersistentModelIndex


def _reading(values: dict) -> str:
    shown = {k: v for k, v in values.items() if k not in ("span_id", "pair_id", "created_at")
             and v not in (None, "")}
    return "; ".join(f"{k.replace('_', ' ')}: {v}" for k, v in shown.items())


class ConflictModel(QAbstractTableModel):
    HEADERS = ("Kind", "Release", "Ours", "Theirs", "By", "From")

    def __init__(self, conflicts: list[MergeConflict], parent=None) -> None:
        super().__init__(parent)
        self.conflicts = conflicts
        self.titles: dict[int, str] = {}

    def reset(self, conflicts: list[MergeConflict], titles: dict[int, str] | None = None) -> None:
        self.beginResetModel()
        self.conflicts = conflicts
        self.titles = titles or {}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.conflicts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        c = self.conflicts[index.row()]
        col = index.column()
        if col == 0:
            return c.kind.label
        if col == 1:
            if c.release_id is None:
                return ""
            title = self.titles.get(c.release_id)
            return f"{c.release_id}: {title}" if title else str(c.release_id)
        if col == 2:
            return _reading(c.local)
        if col == 3:
            return _reading(c.incoming)
        if col == 4:
            return c.reviewer or ""
        return c.origin

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("ConflictModel", self.HEADERS[section]) if 0 <= section < len(self.HEADERS) else None
        return None


class ConflictsDialog(QDialog):
    """Lists open conflicts; each choice is one committed change, recorded in the audit log."""

    changed = Signal(object)   # ChangeSet of each resolution, for views to refresh

    def __init__(self, service: MergeService, parent: QWidget | None = None,
                 reviewer: str | None = None, library: LibraryService | None = None) -> None:
        super().__init__(parent)
        self.service, self.reviewer, self.library = service, reviewer, library
        self.setWindowTitle(QCoreApplication.translate("ConflictsDialog", "Merge conflicts"))
        self.resize(900, 360)
        layout = QVBoxLayout(self)
        self.info = plain_label(self, "conflict_info")
        layout.addWidget(self.info)
        self.model = ConflictModel([], self)
        self.view = QTableView(self)
        self.view.setObjectName("conflict_table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setColumnWidth(0, 190)
        self.view.setColumnWidth(2, 220)
        self.view.setColumnWidth(3, 220)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.buttons: dict[Resolution, QPushButton] = {}
        for choice, text in ((Resolution.KEEP_LOCAL, "Keep ours"),
                             (Resolution.TAKE_INCOMING, "Take theirs"),
                             (Resolution.KEEP_BOTH, "Keep both spans")):
            button = QPushButton(text, self)
            button.setObjectName(f"resolve_{choice.value}")
            button.clicked.connect(lambda _=False, c=choice: self.resolve(c))
            row.addWidget(button)
            self.buttons[choice] = button
        row.addStretch(1)
        layout.addLayout(row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.reload()

    def reload(self) -> None:
        conflicts = self.service.conflicts()
        titles = {}
        if self.library is not None:
            ids = {c.release_id for c in conflicts if c.release_id is not None}
            titles = {i: r.title for i, r in self.library.rows(ids).items()}
        self.model.reset(conflicts, titles)
        n = self.model.rowCount()
        self.info.setText(f"{n} conflict{'s' if n != 1 else ''} to resolve. Nothing was "
                          "overwritten: choose, for each, which reading to keep."
                          if n else "No conflicts left to resolve.")
        if n:
            self.view.selectRow(0)
        self._selection_changed()

    def current(self) -> MergeConflict | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.conflicts[rows[0].row()] if rows else None

    def _selection_changed(self, *_args) -> None:
        c = self.current()
        for choice, button in self.buttons.items():
            button.setEnabled(c is not None and choice in c.choices)

    def resolve(self, choice: Resolution) -> ChangeSet | None:
        c = self.current()
        if c is None:
            return None
        try:
            change = self.service.resolve(c.id, choice, self.reviewer)
        except ReleaseReviewError as exc:
            QMessageBox.warning(self, QCoreApplication.translate("ConflictsDialog", "Cannot resolve"), str(exc))
            self.reload()
            return None
        row = self.model.conflicts.index(c)
        self.reload()
        if self.model.rowCount():
            self.view.selectRow(min(row, self.model.rowCount() - 1))
        self.changed.emit(change)
        return change


def import_annotations(service: MergeService, runner: TaskRunner, parent: QWidget,
                       path: Path | None = None, on_done=None,
                       library: LibraryService | None = None) -> MergeTask | None:
    """Ask for a native export (unless `path` is given) and merge it in the background.

    `on_done(report)` runs on the GUI thread when the merge ends; the report dialog offers the
    conflicts dialog when there are conflicts.
    """
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(
            parent, QCoreApplication.translate("conflicts_dialog", "Import annotations"), str(Path.home()),
            QCoreApplication.translate("conflicts_dialog", "Release Review export (*.jsonl);;All files (*)"))
        if not chosen:
            return None
        path = Path(chosen)
    progress = QProgressDialog("", QCoreApplication.translate("conflicts_dialog", "Cancel"), 0, 0, parent)
    label = QLabel(progress)
    label.setTextFormat(Qt.TextFormat.PlainText)   # file names are never markup
    progress.setLabel(label)
    progress.setLabelText(QCoreApplication.translate("conflicts_dialog", "Checking the file…"))
    progress.setWindowTitle(QCoreApplication.translate("conflicts_dialog", "Importing annotations"))
    progress.setMinimumDuration(300)
    task = MergeTask(service, path)
    progress.canceled.connect(task.cancel)

    def show_progress(done: int, total: int, message: str) -> None:
        progress.setMaximum(max(total, 1))
        progress.setValue(min(done, max(total, 1)))
        progress.setLabelText(message)

    def finished(report: MergeReport) -> None:
        progress.reset()
        if on_done is not None:
            on_done(report)
        text = report.summary()
        if report.cancelled:
            text += "\nImport the same file again to complete it; nothing is added twice."
        box = QMessageBox(QMessageBox.Icon.Information, "Annotations imported", text,
                          QMessageBox.StandardButton.Close, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        review = None
        if report.conflicts:
            review = box.addButton(QCoreApplication.translate("conflicts_dialog", "Resolve conflicts…"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        if review is not None and box.clickedButton() is review:
            ConflictsDialog(service, parent, library=library).exec()

    def failed(exc: BaseException) -> None:
        progress.reset()
        box = QMessageBox(QMessageBox.Icon.Warning, "Import failed", str(exc),
                          QMessageBox.StandardButton.Close, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    # Through relays owned by the progress dialog: these functions touch widgets, so they must
    # run on the GUI thread, not on the worker that emits the signals.
    # The task keeps the relays' Python side alive as long as it can emit.
    task.relays = [GuiRelay(progress, fn) for fn in (show_progress, finished, failed)]
    task.progress.connect(task.relays[0].progress)
    task.finished.connect(task.relays[1].one)
    task.failed.connect(task.relays[2].one)
    runner.start(task)
    return task
