"""The duplicates panel: candidate pairs by score, filters, side-by-side view, decisions.

Self-contained: give it a context with a `dedup` service and, optionally, the window's
TaskRunner; it reports what changed through `changes` (a ChangeSet) and asks for a release to
be shown through `release_activated`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.changes import ChangeSet
from ...domain.duplicates import DetectionReport, PairFilter
from ...domain.enums import DuplicateKind, PairStatus
from ...domain.errors import ConflictError, ReleaseReviewError
from ...workers.base import TaskRunner
from ...workers.dedup_worker import DetectTask
from ..errors import show_error
from .pair_model import KIND_LABELS, PairTableModel
from .side_by_side import SideBySideView

ALL = "all"


class DuplicatesPanel(QWidget):
    changes = Signal(object)            # ChangeSet after a decision or a detection run
    release_activated = Signal(int)     # the reviewer wants this release in the reader
    detection_finished = Signal(object)  # DetectionReport

    def __init__(self, ctx, runner: TaskRunner | None = None,  # noqa: ANN001 - AppContext-like
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("DuplicatesPanel", "Versions and duplicates"))
        self.ctx = ctx
        self.runner = runner or TaskRunner(self)
        self.task: DetectTask | None = None
        self._pending: list[int] = []
        self.model = PairTableModel(ctx.dedup, self)

        self.kind_box = QComboBox(self)
        self.kind_box.addItem("All kinds", ALL)
        for kind in DuplicateKind:
            self.kind_box.addItem(KIND_LABELS[kind], kind.value)
        self.lang_box = QComboBox(self)
        self.status_box = QComboBox(self)
        self.status_box.addItem("All statuses", ALL)
        for status in PairStatus:
            self.status_box.addItem(status.value, status.value)
        self.detect_button = QPushButton(QCoreApplication.translate("DuplicatesPanel", "Find versions"), self)
        self.cancel_button = QPushButton(QCoreApplication.translate("DuplicatesPanel", "Cancel"), self)
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.status_label = QLabel(self)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.view = SideBySideView(ctx.dedup, self)

        bar = QHBoxLayout()
        for w in (self.kind_box, self.lang_box, self.status_box):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.detect_button)
        bar.addWidget(self.cancel_button)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.view)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        hint = QLabel(QCoreApplication.translate("DuplicatesPanel", "C confirm · X reject · U reopen · Enter open release A"), self)
        hint.setTextFormat(Qt.TextFormat.PlainText)
        status = QHBoxLayout()
        status.addWidget(self.status_label, 1)
        status.addWidget(self.progress)
        status.addWidget(hint)
        layout.addLayout(status)

        for key, slot in (("C", self.confirm_current), ("X", self.reject_current),
                          ("U", self.reopen_current), ("Return", self.activate_current)):
            sc = QShortcut(QKeySequence(key), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)
        self.kind_box.currentIndexChanged.connect(self._filters_changed)
        self.lang_box.currentIndexChanged.connect(self._filters_changed)
        self.status_box.currentIndexChanged.connect(self._filters_changed)
        self.detect_button.clicked.connect(lambda: self.detect())
        self.cancel_button.clicked.connect(self.cancel)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.doubleClicked.connect(lambda _i: self.activate_current())
        self.reload()

    # --- public API ----------------------------------------------------------------------

    def set_context(self, ctx) -> None:  # noqa: ANN001
        """Another database was opened."""
        self.cancel()
        self.ctx = ctx
        self.model.service = ctx.dedup
        self.view.set_service(ctx.dedup)
        self.reload()

    def reload(self) -> None:
        """Re-read the language pairs and the list, keeping the selected pair when listed."""
        keep = self.current_pair_id()
        self.lang_box.blockSignals(True)
        chosen = self.lang_box.currentData()
        self.lang_box.clear()
        self.lang_box.addItem("All languages", ALL)
        for pair in self.ctx.dedup.language_pairs():
            self.lang_box.addItem(pair, pair)
        found = self.lang_box.findData(chosen)
        self.lang_box.setCurrentIndex(found if found >= 0 else 0)
        self.lang_box.blockSignals(False)
        self.model.set_filter(self.current_filter())
        self._select(keep)

    def current_filter(self) -> PairFilter:
        kind, lang, status = (self.kind_box.currentData(), self.lang_box.currentData(),
                              self.status_box.currentData())
        return PairFilter(
            kinds=() if kind in (ALL, None) else (DuplicateKind(kind),),
            statuses=() if status in (ALL, None) else (PairStatus(status),),
            language_pair=None if lang in (ALL, None) else lang)

    def current_pair_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.pair_id(index.row()) if index.isValid() else None

    def confirm_current(self) -> None:
        self._decide(PairStatus.CONFIRMED)

    def reject_current(self) -> None:
        self._decide(PairStatus.REJECTED)

    def reopen_current(self) -> None:
        self._decide(PairStatus.CANDIDATE)

    def activate_current(self) -> None:
        pid = self.current_pair_id()
        if pid is not None:
            pair = self.model.pair(self.table.currentIndex().row())
            if pair is not None:
                self.release_activated.emit(pair.release_a)

    def detect(self, release_ids: Sequence[int] | None = None) -> DetectTask | None:
        """Run detection in the background (all releases, or new ones against the corpus)."""
        if self.task is not None:
            return None
        self.task = DetectTask(self.ctx.dedup, release_ids)
        self.task.progress.connect(self._progress)
        self.task.finished.connect(self._finished)
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(self._cancelled)
        self.detect_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.status_label.setText(QCoreApplication.translate("DuplicatesPanel", "Finding versions…"))
        self.runner.start(self.task)
        return self.task

    def detect_later(self, release_ids: Sequence[int]) -> None:
        """Detection of new releases now, or after the run in progress."""
        if self.task is None:
            self.detect(release_ids)
        else:
            self._pending.extend(release_ids)

    def cancel(self) -> None:
        self._pending.clear()
        if self.task is not None:
            self.task.cancel()

    # --- slots ---------------------------------------------------------------------------

    def _decide(self, status: PairStatus) -> None:
        row = self.table.currentIndex().row()
        pair = self.model.pair(row) if row >= 0 else None
        if pair is None or pair.status is status:
            return
        try:
            changes = self.ctx.dedup.decide(pair.id, status, expected_version=pair.version)
        except ReleaseReviewError as exc:
            self.status_label.setText(str(exc))
            self.model.refresh_pairs({pair.id})
            if isinstance(exc, ConflictError):  # what the other reviewer decided, with Reload
                show_error(self, exc)
            return
        self._after_decision(pair.id, changes)

    def _after_decision(self, pair_id: int, changes: ChangeSet) -> None:
        # Groups may have changed for other pairs of the same releases: refresh what is loaded.
        touched = {pid for pid, p in self.model.loaded().items()
                   if {p.release_a, p.release_b} & set(changes.releases)}
        self.model.refresh_pairs(touched | {pair_id})
        self.view.show_pair(pair_id)
        pair = self.model.pair(self.model.row_of(pair_id) or 0)
        self.status_label.setText(QCoreApplication.translate("DuplicatesPanel", "Pair {pair_id}: {value}").format(pair_id=pair_id, value=pair.status.value if pair else ''))
        self.changes.emit(changes)
        row = self.model.row_of(pair_id)
        if row is not None and row + 1 < self.model.rowCount():
            self.table.selectRow(row + 1)   # on to the next candidate

    def _filters_changed(self, _index: int) -> None:
        self.model.set_filter(self.current_filter())
        if self.model.rowCount():
            self.table.selectRow(0)
        else:
            self.view.clear()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        pid = self.model.pair_id(current.row()) if current.isValid() else None
        if pid is None:
            self.view.clear()
            return
        try:
            self.view.show_pair(pid)
        except ReleaseReviewError as exc:
            self.view.clear()
            self.status_label.setText(str(exc))

    def _select(self, pair_id: int | None) -> None:
        row = self.model.row_of(pair_id) if pair_id is not None else None
        if row is not None:
            self.table.selectRow(row)

    def _progress(self, done: int, total: int, message: str) -> None:
        if total > 1:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        else:
            self.progress.setRange(0, 0)
        self.status_label.setText(message)

    def _end_task(self) -> None:
        self.task = None
        self.detect_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.setVisible(False)
        if self._pending:   # releases imported while the last run was going
            pending, self._pending = self._pending, []
            self.detect(pending)

    def _finished(self, result: object) -> None:
        report, changes = result  # type: ignore[misc]
        self._end_task()
        self.status_label.setText(report.summary())
        self.reload()
        self.changes.emit(changes)
        self.detection_finished.emit(report)

    def _failed(self, exc: object) -> None:
        self._end_task()
        self.status_label.setText(QCoreApplication.translate("DuplicatesPanel", "Detection failed: {exc}").format(exc=exc))
        self.detection_finished.emit(DetectionReport())

    def _cancelled(self) -> None:
        self._end_task()
        self.status_label.setText(QCoreApplication.translate("DuplicatesPanel", "Detection cancelled; nothing was changed."))
        self.detection_finished.emit(DetectionReport(cancelled=True))


class DuplicatesDock(QDockWidget):
    """The panel in a dock, for windows that mount docks themselves."""

    def __init__(self, ctx, runner: TaskRunner | None = None,  # noqa: ANN001
                 parent: QWidget | None = None) -> None:
        super().__init__("Versions and duplicates", parent)
        self.setObjectName("dock_duplicates")
        self.panel = DuplicatesPanel(ctx, runner, self)
        self.setWidget(self.panel)
