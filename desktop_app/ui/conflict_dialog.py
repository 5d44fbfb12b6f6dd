"""A refused save (someone else changed the record meanwhile): what changed, theirs against
yours, and a Reload button. Nothing is overwritten; the reviewer reloads and decides again.

The window registers how to reload (`set_reload_handler`); errors.show_error routes every
ConflictError here, so each caller that reports errors gets this dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import ConflictError

Reload = Callable[[ConflictError], None]
_state: dict[str, Reload | None] = {"reload": None}


def set_reload_handler(reload: Reload | None) -> None:
    """What "Reload" does (the main window refreshes the affected release and lists)."""
    _state["reload"] = reload


def _text(value: object) -> str:
    if value is None:
        return "—"
    return " ".join(str(value).split()) or "—"


class ConflictDialog(QDialog):
    def __init__(self, exc: ConflictError, parent: QWidget | None = None,
                 reload: Reload | None = None) -> None:
        super().__init__(parent)
        self.exc = exc
        self.reload_handler = reload
        self.reloaded = False
        self.setObjectName("conflict_dialog")
        self.setWindowTitle(self.tr("Changed by someone else"))
        if exc.deleted:
            intro = self.tr("Someone else deleted this record meanwhile. Nothing was "
                            "overwritten; reload to see the current state.")
        else:
            intro = self.tr("Someone else changed this record meanwhile, so your change was "
                            "not saved. Nothing was overwritten; reload and decide again.")
        self.label = QLabel(intro)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)

        self.table = QTableWidget(len(exc.changes), 3, self)
        self.table.setObjectName("conflict_changes")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Theirs (now)"), self.tr("Yours")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row, change in enumerate(exc.changes):
            for col, value in enumerate((change.field, change.theirs, change.yours)):
                self.table.setItem(row, col, QTableWidgetItem(_text(value)))
        self.table.setVisible(bool(exc.changes))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.reload_button = buttons.addButton(self.tr("Reload"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.reload_button.setDefault(True)
        self.reload_button.clicked.connect(self.reload)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 260 if exc.changes else 140)

    def rows(self) -> list[tuple[str, str, str]]:
        """The table as shown: field, theirs, yours."""
        return [tuple(self.table.item(r, c).text() for c in range(3))  # type: ignore[misc]
                for r in range(self.table.rowCount())]

    def reload(self) -> None:
        handler = self.reload_handler or _state["reload"]
        if handler is not None:
            handler(self.exc)
        self.reloaded = True
        self.accept()


def show_conflict(parent: QWidget | None, exc: ConflictError) -> ConflictDialog:
    """Open the dialog window-modal without blocking: callers may be mid undo-stack push."""
    dialog = ConflictDialog(exc, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal if parent is not None
                             else Qt.WindowModality.ApplicationModal)
    dialog.open()
    return dialog
