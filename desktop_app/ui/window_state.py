"""Save and restore the main window's layout through the settings registry."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from .release_model import COLUMNS
from .settings import Keys

if TYPE_CHECKING:
    from .main_window import MainWindow

DEFAULT_SPLIT = (760, 520)


def restore(window: MainWindow) -> None:
    s = window.settings
    geometry = s.get(Keys.WINDOW_GEOMETRY)
    if not geometry.isEmpty():
        window.restoreGeometry(geometry)
    state = s.get(Keys.WINDOW_STATE)
    if not state.isEmpty():
        window.restoreState(state)
    splitter = s.get(Keys.SPLITTER_STATE)
    if splitter.isEmpty() or not window.splitter.restoreState(splitter):
        window.splitter.setSizes(list(DEFAULT_SPLIT))
    header = s.get(Keys.LIST_HEADER_STATE)
    if not header.isEmpty():
        hh = window.table.horizontalHeader()
        hh.blockSignals(True)  # the restored sort is applied once, by the first load
        ok = hh.restoreState(header)
        hh.blockSignals(False)
        column = hh.sortIndicatorSection()
        if ok and 0 <= column < len(COLUMNS):
            window.model.set_sort(COLUMNS[column].key,
                                  hh.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder,
                                  reload=False)


def save(window: MainWindow) -> None:
    s = window.settings
    s.set(Keys.WINDOW_GEOMETRY, window.saveGeometry())
    s.set(Keys.WINDOW_STATE, window.saveState())
    s.set(Keys.SPLITTER_STATE, window.splitter.saveState())
    s.set(Keys.LIST_HEADER_STATE, window.table.horizontalHeader().saveState())
    s.sync()
