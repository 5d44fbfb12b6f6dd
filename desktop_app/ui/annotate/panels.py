"""Side panels of one release: its tags (a small table model) and its events (a tree)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ...domain.annotations import AnnotationSchema, Entity, Event, Span

SPAN_ID_ROLE = Qt.ItemDataRole.UserRole + 1
EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class TagsModel(QAbstractTableModel):
    """The tags of the release being read: text, type, linked entity, offsets."""

    HEADERS = ("Text", "Type", "Entity", "Offsets")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spans: list[Span] = []
        self.schema: AnnotationSchema | None = None
        self.entities: dict[int, Entity] = {}

    def set_tags(self, schema: AnnotationSchema, spans: Sequence[Span],
                 entities: dict[int, Entity]) -> None:
        self.beginResetModel()
        self.schema, self.spans, self.entities = schema, list(spans), dict(entities)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.spans)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.HEADERS)):
            return QCoreApplication.translate("TagsModel", self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.spans):
            return None
        sp = self.spans[index.row()]
        col = index.column()
        etype = self.schema.entity_type(sp.type_id) if self.schema else None
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return sp.text
            if col == 1:
                return etype.name if etype else str(sp.type_id)
            if col == 2:
                ent = self.entities.get(sp.entity_id) if sp.entity_id else None
                return ent.canonical_name if ent else ""
            if col == 3:
                return f"{sp.start}–{sp.end}"
        if role == Qt.ItemDataRole.DecorationRole and col == 1 and etype:
            return QColor(etype.colour)
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return sp.text
        if role == SPAN_ID_ROLE:
            return sp.id
        return None

    def row_of(self, span_id: int) -> int | None:
        return next((i for i, s in enumerate(self.spans) if s.id == span_id), None)


class TagsPanel(QWidget):
    """Lists the release's tags; activating one selects it in the text."""

    span_activated = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tags_panel")
        self.model = TagsModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.activated.connect(self._activated)
        self.view.clicked.connect(self._activated)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        delete = QPushButton(QCoreApplication.translate("TagsPanel", "Delete tag"), self)
        delete.clicked.connect(self._delete)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(delete)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)

    def set_tags(self, schema: AnnotationSchema, spans: Sequence[Span],
                 entities: dict[int, Entity], suggestions: int = 0) -> None:
        self.model.set_tags(schema, spans, entities)
        linked = sum(1 for s in spans if s.entity_id)
        text = QCoreApplication.translate("TagsPanel", "{count} tags, {linked} linked").format(count=len(spans), linked=linked)
        if suggestions:
            text += QCoreApplication.translate("TagsPanel", ", {count} suggestions").format(count=suggestions)
        self.summary.setText(text)

    def select_span(self, span_id: int | None) -> None:
        row = self.model.row_of(span_id) if span_id is not None else None
        if row is None:
            self.view.clearSelection()
            return
        self.view.selectRow(row)

    def current_span_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(SPAN_ID_ROLE) if index.isValid() else None

    def _activated(self, index: QModelIndex) -> None:
        sid = index.data(SPAN_ID_ROLE)
        if sid is not None:
            self.span_activated.emit(sid)

    def _delete(self) -> None:
        sid = self.current_span_id()
        if sid is not None:
            self.delete_requested.emit(sid)


class EventsPanel(QWidget):
    """The release's events, each with its participants and roles."""

    new_requested = Signal()
    edit_requested = Signal(int)
    delete_requested = Signal(int)
    link_requested = Signal(int)
    unlink_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("events_panel")
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels([QCoreApplication.translate("EventsPanel", "Event"), QCoreApplication.translate("EventsPanel", "Date"), QCoreApplication.translate("EventsPanel", "Location"), QCoreApplication.translate("EventsPanel", "Versions")])
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.activated.connect(self._edit)
        self.view.doubleClicked.connect(self._edit)
        buttons = QHBoxLayout()
        for text, slot in ((QCoreApplication.translate("EventsPanel", "New…"), self.new_requested.emit), (QCoreApplication.translate("EventsPanel", "Edit…"), self._edit),
                           (QCoreApplication.translate("EventsPanel", "Delete"), self._delete), (QCoreApplication.translate("EventsPanel", "Link versions…"), self._link),
                           (QCoreApplication.translate("EventsPanel", "Unlink"), self._unlink)):
            b = QPushButton(text, self)
            b.clicked.connect(lambda _c=False, f=slot: f())
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def set_events(self, schema: AnnotationSchema, events: Sequence[Event],
                   group_sizes: dict[int, int]) -> None:
        self.model.removeRows(0, self.model.rowCount())
        for ev in events:
            etype = schema.event_type(ev.type_id)
            name = etype.name if etype else str(ev.type_id)
            head = QStandardItem(name)
            head.setData(ev.id, EVENT_ID_ROLE)
            if etype:
                head.setData(QColor(etype.colour), Qt.ItemDataRole.DecorationRole)
            versions = group_sizes.get(ev.event_group, 1) if ev.event_group else 1
            row = [head, QStandardItem(ev.date_iso or ""), QStandardItem(ev.location or ""),
                   QStandardItem(QCoreApplication.translate("EventsPanel", "{count} releases").format(count=versions) if versions > 1 else "")]
            for p in ev.participants:
                child = QStandardItem(f"{p.role}: {p.label}")
                child.setData(ev.id, EVENT_ID_ROLE)
                head.appendRow([child, QStandardItem(""), QStandardItem(""), QStandardItem("")])
            self.model.appendRow(row)
        self.view.expandAll()
        self.view.resizeColumnToContents(0)

    def current_event_id(self) -> int | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return index.siblingAtColumn(0).data(EVENT_ID_ROLE)

    def select_event(self, event_id: int) -> None:
        for r in range(self.model.rowCount()):
            index = self.model.index(r, 0)
            if index.data(EVENT_ID_ROLE) == event_id:
                self.view.setCurrentIndex(index)
                return

    def _edit(self, *_args) -> None:  # noqa: ANN002 - from activated(QModelIndex) or a button
        eid = self.current_event_id()
        if eid is not None:
            self.edit_requested.emit(eid)

    def _delete(self) -> None:
        eid = self.current_event_id()
        if eid is not None:
            self.delete_requested.emit(eid)

    def _link(self) -> None:
        eid = self.current_event_id()
        if eid is not None:
            self.link_requested.emit(eid)

    def _unlink(self) -> None:
        eid = self.current_event_id()
        if eid is not None:
            self.unlink_requested.emit(eid)
