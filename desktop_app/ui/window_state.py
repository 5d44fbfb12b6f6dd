"""Save and restore the main window's layout through the settings registry."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from .release_model import COLUMNS
from .settings import Keys

if TYPE_CHECKING:
    from .main_window import MainWindow

DEFAULT_SPLIT = (760, 520)


def default_dock_sizes(window: MainWindow) -> None:
    """First start (no saved layout): docks take a share of the window, the reader the rest."""
    from PySide6.QtWidgets import QDockWidget

    docks = [d for d in window.findChildren(QDockWidget) if d.isVisible() and not d.isFloating()]
    bottom = [d for d in docks
              if window.dockWidgetArea(d) == Qt.DockWidgetArea.BottomDockWidgetArea]
    side = [d for d in docks if window.dockWidgetArea(d) in (
        Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.LeftDockWidgetArea)]
    if bottom:
        window.resizeDocks(bottom, [int(window.height() * 0.4)] * len(bottom),
                           Qt.Orientation.Vertical)
    if side:
        window.resizeDocks(side, [int(window.width() * 0.24)] * len(side),
                           Qt.Orientation.Horizontal)


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
