"""Candidate pairs as a table: ids of the filtered list, rows fetched in pages on demand."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ...domain.duplicates import DuplicatePair, PairFilter
from ...domain.enums import DuplicateKind, PairStatus
from ...services.dedup import DedupService

COLUMNS = ("Score", "Kind", "Languages", "Release A", "Release B", "Evidence", "Status",
           "Group")
KIND_LABELS = {DuplicateKind.EXACT: "exact copy", DuplicateKind.NEAR: "near-duplicate",
               DuplicateKind.CROSS_LANGUAGE: "other language"}
STATUS_COLOURS = {PairStatus.CONFIRMED: QColor("#d8f0d8"), PairStatus.REJECTED: QColor("#eeeeee")}
PAGE = 200
PAIR_ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class PairTableModel(QAbstractTableModel):
    def __init__(self, service: DedupService, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.service = service
        self.filter = PairFilter()
        self._ids: list[int] = service.pair_ids(self.filter)
        self._rows: dict[int, DuplicatePair] = {}

    # --- loading -------------------------------------------------------------------------

    def set_service(self, service: DedupService) -> None:
        self.service = service
        self.reload()

    def set_filter(self, flt: PairFilter) -> None:
        self.filter = flt
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._ids = self.service.pair_ids(self.filter)
        self._rows = {}
        self.endResetModel()

    def refresh_pairs(self, pair_ids: set[int]) -> None:
        """Re-read some rows in place (after a decision) without resetting the view."""
        fresh = self.service.pairs_by_id([i for i in pair_ids if i in self._rows])
        self._rows.update(fresh)
        for pid in fresh:
            row = self._ids.index(pid)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def loaded(self) -> dict[int, DuplicatePair]:
        """The rows fetched so far, by pair id."""
        return dict(self._rows)

    def pair_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, pair_id: int) -> int | None:
        try:
            return self._ids.index(pair_id)
        except ValueError:
            return None

    def pair(self, row: int) -> DuplicatePair | None:
        pid = self.pair_id(row)
        if pid is None:
            return None
        if pid not in self._rows:
            start = (row // PAGE) * PAGE
            page = [i for i in self._ids[start:start + PAGE] if i not in self._rows]
            self._rows.update(self.service.pairs_by_id(page))
        return self._rows.get(pid)

    # --- Qt model ------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(COLUMNS)):
            return QCoreApplication.translate("PairTableModel", COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        p = self.pair(index.row())
        if p is None:
            return None
        col = index.column()
        if role == PAIR_ID_ROLE:
            return p.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(p, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == 5:
            # Tooltips guess rich text; names come from imported text, so escape them.
            return "<qt>" + html.escape(p.evidence.summary(20)) + "</qt>"
        if role == Qt.ItemDataRole.BackgroundRole and p.status in STATUS_COLOURS:
            return QBrush(STATUS_COLOURS[p.status])
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(p: DuplicatePair, col: int) -> str:
        if col == 0:
            return f"{p.score:.3f}"
        if col == 1:
            return QCoreApplication.translate("PairTableModel", KIND_LABELS[p.kind])
        if col == 2:
            return f"{p.lang_a or '?'} ↔ {p.lang_b or '?'}"
        if col == 3:
            return p.title_a or f"#{p.release_a}"
        if col == 4:
            return p.title_b or f"#{p.release_b}"
        if col == 5:
            return p.evidence.summary()
        if col == 6:
            return QCoreApplication.translate("PairStatus", p.status.value)
        group = p.group_a if p.group_a is not None and p.group_a == p.group_b else None
        return f"G{group}" if group is not None else ""
