"""Edit the annotation schema: entity types and event types, each with a colour and a one-key
shortcut; event types with their roles. Saved type by type; every refusal is explained."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import ReleaseReviewError
from ...services.annotate import AnnotateService

ID_ROLE = Qt.ItemDataRole.UserRole + 1
# Keys the tagging flow uses for itself; a type cannot take them.
RESERVED_KEYS = frozenset("arnejkuARNEJKU?")


class _TypeTable(QWidget):
    def __init__(self, events: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.events = events
        headers = [QCoreApplication.translate("_TypeTable", "Name"), QCoreApplication.translate("_TypeTable", "Colour"), QCoreApplication.translate("_TypeTable", "Key")] + (
            [QCoreApplication.translate("_TypeTable", "Roles (comma-separated)")] if events else [])
        self.table = QTableWidget(0, len(headers), self)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.removed: list[int] = []
        add = QPushButton(QCoreApplication.translate("_TypeTable", "Add type"), self)
        add.clicked.connect(lambda: self.add_row(None, "", "#808080", "", ()))
        remove = QPushButton(QCoreApplication.translate("_TypeTable", "Remove type"), self)
        remove.clicked.connect(self.remove_current)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def add_row(self, type_id: int | None, name: str, colour: str, key: str,
                roles: tuple[str, ...]) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        item = QTableWidgetItem(name)
        item.setData(ID_ROLE, type_id)
        self.table.setItem(row, 0, item)
        swatch = QPushButton(colour, self.table)
        swatch.setStyleSheet(f"background: {colour};")
        swatch.clicked.connect(lambda _c=False, b=swatch: self._pick_colour(b))
        self.table.setCellWidget(row, 1, swatch)
        key_edit = QLineEdit(key or "", self.table)
        key_edit.setMaxLength(1)
        self.table.setCellWidget(row, 2, key_edit)
        if self.events:
            self.table.setItem(row, 3, QTableWidgetItem(", ".join(roles)))
        return row

    def _pick_colour(self, button: QPushButton) -> None:
        colour = QColorDialog.getColor(QColor(button.text()), self, "Type colour")
        if colour.isValid():
            set_swatch(button, colour.name())

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        type_id = self.table.item(row, 0).data(ID_ROLE)
        if type_id is not None:
            self.removed.append(type_id)
        self.table.removeRow(row)

    def rows(self) -> list[tuple[int | None, str, str, str, list[str]]]:
        out = []
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            colour = self.table.cellWidget(r, 1).text()  # type: ignore[union-attr]
            key = self.table.cellWidget(r, 2).text()  # type: ignore[union-attr]
            roles = []
            if self.events:
                cell = self.table.item(r, 3)
                roles = [x.strip() for x in (cell.text() if cell else "").split(",") if x.strip()]
            out.append((item.data(ID_ROLE), item.text(), colour, key, roles))
        return out


def set_swatch(button: QPushButton, colour: str) -> None:
    button.setText(colour)
    button.setStyleSheet(f"background: {colour};")


class SchemaDialog(QDialog):
    def __init__(self, annotate: AnnotateService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("SchemaDialog", "Annotation schema"))
        self.setObjectName("schema_dialog")
        self.annotate = annotate
        schema = annotate.schema(reload=True)
        self.entity_table = _TypeTable(False, self)
        for t in schema.entity_types:
            self.entity_table.add_row(t.id, t.name, t.colour, t.shortcut or "", ())
        self.event_table = _TypeTable(True, self)
        for t in schema.event_types:
            self.event_table.add_row(t.id, t.name, t.colour, t.shortcut or "", t.roles)
        tabs = QTabWidget(self)
        tabs.addTab(self.entity_table, QCoreApplication.translate("SchemaDialog", "Entity types"))
        tabs.addTab(self.event_table, QCoreApplication.translate("SchemaDialog", "Event types"))
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(620, 420)

    def save(self) -> bool:
        """Save every row; stays open with the reason when one is refused."""
        try:
            for table, events in ((self.entity_table, False), (self.event_table, True)):
                for type_id in table.removed:
                    self.annotate.delete_type(type_id, events=events)
                table.removed.clear()
            for table, events in ((self.entity_table, False), (self.event_table, True)):
                for pos, (type_id, name, colour, key, roles) in enumerate(table.rows()):
                    if key and key in RESERVED_KEYS:
                        raise ReleaseReviewError(
                            f"The key {key!r} is used by the tagging flow; choose another for "
                            f"{name or 'the new type'}.")
                    if events:
                        new_id = self.annotate.save_event_type(type_id, name, colour, key or None,
                                                               roles, pos)
                    else:
                        new_id = self.annotate.save_entity_type(type_id, name, colour,
                                                                key or None, pos)
                    table.table.item(pos, 0).setData(ID_ROLE, new_id)
        except (ReleaseReviewError, ValueError) as exc:
            self.message.setText(str(exc))
            return False
        self.accept()
        return True
