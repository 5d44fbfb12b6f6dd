"""Mount the versions panel in the main window through its public extension points.

The main window calls `mount_duplicates(self)` once: the panel becomes a dock, decisions
refresh the release list, detection runs after each import (new releases against the
corpus), and "Also in: az, ru" follows the release in the reader.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt

from .also_in import AlsoInLabel
from .panel import DuplicatesPanel

if TYPE_CHECKING:
    from ..main_window import MainWindow


def mount_duplicates(window: MainWindow) -> DuplicatesPanel:
    panel = DuplicatesPanel(window.ctx, window.runner)
    window.add_dock(panel, Qt.DockWidgetArea.BottomDockWidgetArea, QCoreApplication.translate("mount", "Versions"), "dock_versions")
    also_in = AlsoInLabel(window.ctx.dedup, window)
    window.statusBar().addPermanentWidget(also_in)

    def context_changed(ctx) -> None:  # noqa: ANN001
        panel.set_context(ctx)
        also_in.set_service(ctx.dedup)

    def imported(report) -> None:  # noqa: ANN001 - ImportReport
        if report.new_release_ids:
            panel.detect_later(report.new_release_ids)

    panel.changes.connect(window.refresh)
    panel.release_activated.connect(window.select_release)
    window.context_changed.connect(context_changed)
    window.import_finished.connect(imported)
    window.release_changed.connect(also_in.show_release)
    window.changes_applied.connect(
        lambda _changes: also_in.show_release(window.current_release_id() or 0))
    also_in.release_activated.connect(window.select_release)
    menu = window.menu("&Review")
    menu.addSeparator()
    menu.addAction(QCoreApplication.translate("mount", "Find &versions of all releases"), lambda: panel.detect())
    menu.addAction(QCoreApplication.translate("mount", "Show the versions &panel"), lambda: (panel.parentWidget().show(),
                                                         panel.table.setFocus()))
    window.duplicates_panel = panel
    window.also_in = also_in
    return panel
