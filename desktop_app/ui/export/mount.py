"""Mount export and merge in the main window: File ▸ Export…, File ▸ Import annotations…,
Tools ▸ Merge conflicts…. The main window calls `mount_export(self)` once.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from .conflicts_dialog import ConflictsDialog, import_annotations
from .export_dialog import ExportDialog

if TYPE_CHECKING:
    from ..main_window import MainWindow


class ExportActions:
    """The three actions, always acting on the window's current database."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.dialog: ExportDialog | None = None
        file_menu = window.menu("&File")
        self.export_action = self._add(file_menu, QCoreApplication.translate("ExportActions", "&Export annotated releases…"), self.export)
        self.import_action = self._add(file_menu, QCoreApplication.translate("ExportActions", "Import &annotations…"), self.import_file)
        self.conflicts_action = self._add(window.menu("&Tools"), QCoreApplication.translate("ExportActions", "Merge &conflicts…"),
                                          self.conflicts)

    def _add(self, menu, text: str, slot) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(lambda _=False: slot())
        menu.addAction(action)
        return action

    def export(self) -> ExportDialog:
        """Non-modal, so the reviewer keeps reading while a large export runs."""
        folder = Path(self.window.ctx.db.path).parent if self.window.ctx.db.path else None
        self.dialog = ExportDialog(self.window.ctx, self.window.runner, self.window, folder)
        self.dialog.show()
        return self.dialog

    def import_file(self, path: Path | None = None):
        ctx = self.window.ctx
        return import_annotations(ctx.merge, self.window.runner, self.window, path,
                                  on_done=lambda report: self.window.refresh(report.changes),
                                  library=ctx.library)

    def conflicts(self) -> ConflictsDialog:
        ctx = self.window.ctx
        dialog = ConflictsDialog(ctx.merge, self.window, library=ctx.library)
        dialog.changed.connect(self.window.refresh)
        dialog.show()
        return dialog


def mount_export(window: MainWindow) -> ExportActions:
    return ExportActions(window)
