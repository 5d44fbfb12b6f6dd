"""Create or edit an event: type, trigger, normalised date, location, participants with roles;
and choose the events of other releases that tell the same happening."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.annotations import (
    AnnotationSchema,
    Entity,
    Event,
    EventDraft,
    EventType,
    Span,
    check_date,
)

# Opens the entity search and returns (entity id, name), or None when cancelled.
EntityPicker = Callable[[], tuple[int, str] | None]
PICK = "pick"


class EventDialog(QDialog):
    """Accepted with `draft` holding the event to save."""

    def __init__(self, schema: AnnotationSchema, spans: Sequence[Span],
                 entities: dict[int, Entity], pick_entity: EntityPicker | None = None,
                 initial: EventDraft | None = None, release_date: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("EventDialog", "Event"))
        self.setObjectName("event_dialog")
        self.schema = schema
        self.spans = list(spans)
        self.entities = dict(entities)
        self.pick_entity = pick_entity
        self.draft: EventDraft | None = None
        init = initial or EventDraft(schema.event_types[0].id if schema.event_types else 0)

        self.type_box = QComboBox(self)
        for t in schema.event_types:
            self.type_box.addItem(f"{t.name}  ({t.shortcut})" if t.shortcut else t.name, t.id)
        self.type_box.setCurrentIndex(max(0, self.type_box.findData(init.type_id)))
        self.type_box.currentIndexChanged.connect(self._type_changed)
        self.trigger_box = QComboBox(self)
        self.trigger_box.addItem("(whole release)", None)
        for sp in self.spans:
            self.trigger_box.addItem(sp.text, sp.id)
        if init.trigger_span_id is not None:
            self.trigger_box.setCurrentIndex(max(0, self.trigger_box.findData(init.trigger_span_id)))
        self.date_edit = QLineEdit(init.date_iso or release_date or "", self)
        self.date_edit.setPlaceholderText(QCoreApplication.translate("EventDialog", "2023-03-01, 2023-03 or 2023"))
        self.location_box = QComboBox(self)
        self.location_box.setEditable(True)
        self.location_box.addItem("")
        location_type = next((t.id for t in schema.entity_types if t.name == "LOCATION"), None)
        for sp in self.spans:
            if sp.type_id == location_type:
                self.location_box.addItem(sp.text)
        self.location_box.setEditText(init.location or "")

        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("participants")
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("EventDialog", "Role"), QCoreApplication.translate("EventDialog", "Filled by"), ""])
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setColumnWidth(1, 280)
        add = QPushButton(QCoreApplication.translate("EventDialog", "Add participant"), self)
        add.clicked.connect(lambda: self.add_participant())
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #b00020;")

        form = QFormLayout()
        form.addRow(QCoreApplication.translate("EventDialog", "Type:"), self.type_box)
        form.addRow(QCoreApplication.translate("EventDialog", "Trigger:"), self.trigger_box)
        form.addRow(QCoreApplication.translate("EventDialog", "Date:"), self.date_edit)
        form.addRow(QCoreApplication.translate("EventDialog", "Location:"), self.location_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(QCoreApplication.translate("EventDialog", "Participants:"), self))
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(560, 480)
        for role, span_id, entity_id in init.participants:
            self.add_participant(role, span_id, entity_id)

    def event_type(self) -> EventType | None:
        return self.schema.event_type(self.type_box.currentData())

    def _type_changed(self, _index: int) -> None:
        roles = self.event_type().roles if self.event_type() else ()
        for r in range(self.table.rowCount()):
            box: QComboBox = self.table.cellWidget(r, 0)  # type: ignore[assignment]
            current = box.currentText()
            box.clear()
            box.addItems(list(roles))
            box.setCurrentIndex(max(0, box.findText(current)))

    def add_participant(self, role: str | None = None, span_id: int | None = None,
                        entity_id: int | None = None) -> int:
        etype = self.event_type()
        row = self.table.rowCount()
        self.table.insertRow(row)
        role_box = QComboBox(self.table)
        role_box.addItems(list(etype.roles) if etype else [])
        if role:
            role_box.setCurrentIndex(max(0, role_box.findText(role)))
        filler = QComboBox(self.table)
        filler.addItem("", None)
        for sp in self.spans:
            t = self.schema.entity_type(sp.type_id)
            filler.addItem(f"tag: {sp.text} [{t.name if t else '?'}]", f"s:{sp.id}")
        for ent in self.entities.values():
            filler.addItem(f"entity: {ent.canonical_name}", f"e:{ent.id}")
        if entity_id is not None and entity_id not in self.entities:
            filler.addItem(f"entity #{entity_id}", f"e:{entity_id}")
        if self.pick_entity is not None:
            filler.addItem("Search entities…", PICK)
        filler.activated.connect(lambda _i, b=filler: self._maybe_pick(b))
        if span_id is not None:
            filler.setCurrentIndex(max(0, filler.findData(f"s:{span_id}")))
        elif entity_id is not None:
            filler.setCurrentIndex(max(0, filler.findData(f"e:{entity_id}")))
        remove = QPushButton("✕", self.table)
        remove.setToolTip(QCoreApplication.translate("EventDialog", "Remove this participant"))
        remove.clicked.connect(lambda _c=False, b=filler: self._remove_row(b))
        self.table.setCellWidget(row, 0, role_box)
        self.table.setCellWidget(row, 1, filler)
        self.table.setCellWidget(row, 2, remove)
        return row

    def set_participant(self, row: int, role: str, kind: str, ident: int) -> None:
        """Fill a row programmatically (role name; kind 's' for a tag, 'e' for an entity)."""
        role_box: QComboBox = self.table.cellWidget(row, 0)  # type: ignore[assignment]
        filler: QComboBox = self.table.cellWidget(row, 1)  # type: ignore[assignment]
        role_box.setCurrentIndex(role_box.findText(role))
        filler.setCurrentIndex(filler.findData(f"{kind}:{ident}"))

    def _maybe_pick(self, box: QComboBox) -> None:
        if box.currentData() != PICK or self.pick_entity is None:
            return
        picked = self.pick_entity()
        if picked is None:
            box.setCurrentIndex(0)
            return
        eid, name = picked
        index = box.findData(f"e:{eid}")
        if index < 0:
            box.insertItem(box.count() - 1, f"entity: {name}", f"e:{eid}")
            index = box.findData(f"e:{eid}")
        box.setCurrentIndex(index)

    def _remove_row(self, box: QComboBox) -> None:
        for r in range(self.table.rowCount()):
            if self.table.cellWidget(r, 1) is box:
                self.table.removeRow(r)
                return

    def collect(self) -> EventDraft:
        """The form as an EventDraft; raises ValueError with a message to show."""
        date = check_date(self.date_edit.text())
        parts = []
        for r in range(self.table.rowCount()):
            role = self.table.cellWidget(r, 0).currentText()  # type: ignore[union-attr]
            data = self.table.cellWidget(r, 1).currentData()  # type: ignore[union-attr]
            if not data or data == PICK:
                continue
            kind, ident = data.split(":")[0], int(data.split(":")[1])
            parts.append((role, ident if kind == "s" else None, ident if kind == "e" else None))
        location = self.location_box.currentText().strip() or None
        return EventDraft(self.type_box.currentData(), self.trigger_box.currentData(), date,
                          location, tuple(parts))

    def _accept(self) -> None:
        try:
            self.draft = self.collect()
        except ValueError as exc:
            self.message.setText(str(exc))
            return
        self.accept()


class LinkEventsDialog(QDialog):
    """Choose the events of other releases that are this same happening."""

    def __init__(self, schema: AnnotationSchema,
                 candidates: Sequence[tuple[Event, str, str | None]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("LinkEventsDialog", "Link the same event across releases"))
        self.chosen: list[int] = []
        self.list = QListWidget(self)
        for ev, title, lang in candidates:
            t = schema.event_type(ev.type_id)
            who = ", ".join(p.label for p in ev.participants[:3])
            item = QListWidgetItem(f"[{lang or '?'}] {title} — {t.name if t else '?'} "
                                   f"{ev.date_iso or ''} {ev.location or ''} {who}".strip())
            item.setData(Qt.ItemDataRole.UserRole, ev.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if ev.event_group is None
                               else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        note = QLabel("Events in this release's language versions, and events of the same type "
                      "on the same date:" if candidates else
                      "No candidate: give the event a date, or link the releases as versions "
                      "of each other first.", self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def _accept(self) -> None:
        self.chosen = [self.list.item(i).data(Qt.ItemDataRole.UserRole)
                       for i in range(self.list.count())
                       if self.list.item(i).checkState() == Qt.CheckState.Checked]
        self.accept()
