"""The release list: ordered ids from SQL, rows fetched lazily in pages and kept in an LRU cache.

Only the id list (a few hundred kB at 100,000 releases) lives in memory; filtering and sorting
are SQL queries (`LibraryService.list_ids`), and a page of rows is read the first time a view
asks for one of them.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from ..domain.errors import ReleaseReviewError
from ..domain.holds import Hold
from ..domain.releases import ReleaseFilter, ReleaseRow
from ..services.library import LibraryService

log = logging.getLogger(__name__)

PAGE_SIZE = 200
CACHE_ROWS = 5000
ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex
HoldsOf = Callable[[list[int]], dict[int, Hold]]  # who holds which of these releases (team)


@dataclass(frozen=True, slots=True)
class Column:
    key: str        # sort key understood by LibraryService.list_ids
    title: str
    width: int      # initial width in characters
    numeric: bool = False


COLUMNS = (
    Column("date", "Date", 11),
    Column("language", "Lang", 5),
    Column("title", "Title", 60),
    Column("source", "Source", 16),
    Column("status", "Status", 11),
    Column("tags", "Tags", 5, numeric=True),
    Column("duplicates", "Dups", 5, numeric=True),
    Column("held", QT_TRANSLATE_NOOP("ReleaseTableModel", "Held by"), 12),
)
COLUMN_KEYS = tuple(c.key for c in COLUMNS)
_TITLE_COL = COLUMN_KEYS.index("title")
_HELD_COL = COLUMN_KEYS.index("held")
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole.value)
_ID = int(ID_ROLE)
_ROLES = frozenset((_DISPLAY, _TOOLTIP, _ALIGN, _ID))
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)


def _cell(row: ReleaseRow, key: str) -> str:
    if key == "date":
        return row.date_iso or ""
    if key == "language":
        return row.language or ""
    if key == "title":
        return " ".join(row.title.split()) or "(untitled)"
    if key == "source":
        return row.source or ""
    if key == "status":
        return QCoreApplication.translate("ReviewStatus", row.review_status.label)
    if key == "tags":
        return str(row.tag_count) if row.tag_count else ""
    if key == "duplicates":
        return str(row.duplicate_count) if row.duplicate_count else ""
    return ""


class ReleaseTableModel(QAbstractTableModel):
    def __init__(self, library: LibraryService, parent=None) -> None:
        super().__init__(parent)
        self._library = library
        self._filter = ReleaseFilter()
        self._sort_key = "date"
        self._descending = True
        self._ids: list[int] = []
        self._row_of: dict[int, int] | None = None
        self._cache: OrderedDict[int, ReleaseRow] = OrderedDict()
        self._cells: dict[int, tuple[str, ...]] = {}  # display strings of cached rows
        self._holds_of: HoldsOf | None = None
        self._held: dict[int, str] = {}  # holder of each cached row ("" when free)
        self.fetches = 0  # pages read from the store (for tests and profiling)

    def set_holds_source(self, holds_of: HoldsOf | None) -> None:
        """Fill "Held by" from `holds_of`, asked once per page of rows like the rows."""
        self._holds_of = holds_of
        self.refresh_holds()

    def refresh_holds(self) -> None:
        """Holds changed (taken, released, expired): re-read them as rows are painted."""
        self._cache.clear()
        self._cells.clear()
        self._held.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, _HELD_COL),
                                  self.index(len(self._ids) - 1, _HELD_COL))

    # --- query ----------------------------------------------------------------------

    @property
    def release_filter(self) -> ReleaseFilter:
        return self._filter

    @property
    def sort_key(self) -> str:
        return self._sort_key

    @property
    def descending(self) -> bool:
        return self._descending

    def set_library(self, library: LibraryService) -> None:
        """Another database: the caller reloads once the filters are set."""
        self.beginResetModel()
        self._library = library
        self._filter = ReleaseFilter()
        self._ids = []
        self._row_of = None
        self._cache.clear()
        self._cells.clear()
        self._held.clear()
        self.endResetModel()

    def set_filter(self, flt: ReleaseFilter) -> None:
        self._filter = flt
        self.reload()

    def set_sort(self, key: str, descending: bool, reload: bool = True) -> None:
        self._sort_key = key if key in COLUMN_KEYS else "date"
        self._descending = descending
        if reload:
            self.reload()

    def reload(self) -> None:
        """Run the query again (rows added, removed or re-sorted)."""
        ids = self._library.list_ids(self._filter, self._sort_key, self._descending)
        self.beginResetModel()
        self._ids = ids
        self._row_of = None
        self._cache.clear()
        self._cells.clear()
        self._held.clear()
        self.endResetModel()

    def refresh_releases(self, ids: Iterable[int]) -> None:
        """Forget cached rows of these releases and repaint them."""
        changed = [i for i in ids if i in self.row_index()]
        for i in changed:
            self._cache.pop(i, None)
            self._cells.pop(i, None)
            self._held.pop(i, None)
        last = len(COLUMNS) - 1
        for i in changed:
            r = self.row_index()[i]
            self.dataChanged.emit(self.index(r, 0), self.index(r, last))

    # --- lookup ---------------------------------------------------------------------

    @property
    def ids(self) -> list[int]:
        return self._ids

    def release_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_index(self) -> dict[int, int]:
        if self._row_of is None:
            self._row_of = {rid: r for r, rid in enumerate(self._ids)}
        return self._row_of

    def row_of(self, release_id: int) -> int | None:
        return self.row_index().get(release_id)

    def cached_rows(self, ids: list[int]) -> dict[int, ReleaseRow]:
        """The rows of `ids` as shown (read when their page was fetched)."""
        return {rid: self._cache[rid] for rid in ids if rid in self._cache}

    def release_row(self, row: int) -> ReleaseRow | None:
        rid = self.release_id(row)
        if rid is None:
            return None
        cached = self._cache.get(rid)
        if cached is not None:
            self._cache.move_to_end(rid)
            return cached
        self._fetch_page(row)
        return self._cache.get(rid)

    def _fetch_page(self, row: int) -> None:
        start = (row // PAGE_SIZE) * PAGE_SIZE
        wanted = [i for i in self._ids[start:start + PAGE_SIZE] if i not in self._cache]
        try:
            rows = self._library.rows(wanted)
        except ReleaseReviewError as exc:  # a locked database must not break painting
            log.warning("cannot read list rows: %s", exc)
            return
        holds: dict[int, Hold] = {}
        if self._holds_of is not None and wanted:
            try:
                holds = self._holds_of(wanted)
            except ReleaseReviewError as exc:  # the column stays empty, the list still works
                log.warning("cannot read holds: %s", exc)
        self.fetches += 1
        for rid in wanted:
            if rid in rows:
                self._cache[rid] = rows[rid]
                hold = holds.get(rid)
                self._held[rid] = hold.reviewer if hold is not None else ""
        while len(self._cache) > CACHE_ROWS:
            evicted, _ = self._cache.popitem(last=False)
            self._cells.pop(evicted, None)
            self._held.pop(evicted, None)

    # --- Qt model API ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        # Called thousands of times per repaint: unhandled roles leave first, as plain ints.
        role = int(role)
        if role not in _ROLES or not index.isValid():
            return None
        r = index.row()
        if r >= len(self._ids):
            return None
        if role == _ID:
            return self._ids[r]
        col = index.column()
        if role == _ALIGN:
            return _RIGHT if COLUMNS[col].numeric else None
        cells = self.cells(r)
        if cells is None:
            return None
        if role == _TOOLTIP:
            return cells[col] if col == _TITLE_COL else None
        return cells[col]

    def cells(self, row: int) -> tuple[str, ...] | None:
        """The display strings of one row, computed once per fetch."""
        rid = self._ids[row]
        cells = self._cells.get(rid)
        if cells is None:
            release = self.release_row(row)
            if release is None:
                return None
            cells = tuple(self._held.get(rid, "") if c.key == "held" else _cell(release, c.key)
                          for c in COLUMNS)
            self._cells[rid] = cells
        return cells

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("ReleaseTableModel", COLUMNS[section].title)
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            self.set_sort(COLUMNS[column].key, order == Qt.SortOrder.DescendingOrder)
