"""The knowledge base: entities with their aliases and their mentions across releases and
languages; rename, add/remove/move aliases, merge two entities (all undoable)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.annotations import AnnotationSchema, Entity
from ...domain.changes import ChangeSet
from ...services.entities import EntityService
from . import undo
from .link_dialog import LinkEntityDialog
from .small_dialogs import plural

ID_ROLE = Qt.ItemDataRole.UserRole + 1
CHUNK = 200
Index = QModelIndex | QPersistentModelIndex


class EntityListModel(QAbstractListModel):
    """Entity ids, with rows fetched lazily in chunks."""

    def __init__(self, entities: EntityService, schema: AnnotationSchema,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entities, self.schema = entities, schema
        self.ids: list[int] = []
        self.scores: dict[int, float] = {}
        self._rows: dict[int, Entity] = {}

    def set_ids(self, ids: list[int], scores: dict[int, float] | None = None) -> None:
        self.beginResetModel()
        self.ids, self.scores, self._rows = list(ids), dict(scores or {}), {}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.ids)

    def entity(self, row: int) -> Entity | None:
        if not 0 <= row < len(self.ids):
            return None
        eid = self.ids[row]
        if eid not in self._rows:
            start = row - row % CHUNK
            self._rows.update(self.entities.many(self.ids[start:start + CHUNK]))
        return self._rows.get(eid)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == ID_ROLE:
            return self.ids[index.row()] if 0 <= index.row() < len(self.ids) else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole,
                        Qt.ItemDataRole.ToolTipRole):
            return None
        ent = self.entity(index.row())
        if ent is None:
            return None
        etype = self.schema.entity_type(ent.type_id)
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(etype.colour) if etype else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(a.alias for a in ent.aliases)
        return (f"{ent.canonical_name}  [{etype.name if etype else '?'}]  "
                f"{plural(ent.mention_count, 'mention')}")

    def refresh(self) -> None:
        self._rows.clear()
        if self.ids:
            self.dataChanged.emit(self.index(0), self.index(len(self.ids) - 1))


class EntityBrowser(QDialog):
    """Non-modal window over the knowledge base."""

    open_mention = Signal(int, int, int)   # release id, start, end

    def __init__(self, entities: EntityService, schema: AnnotationSchema, host: undo.Host,
                 stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("EntityBrowser", "Entities"))
        self.setObjectName("entity_browser")
        self.entities, self.schema, self.host, self.stack = entities, schema, host, stack
        self.model = EntityListModel(entities, schema, self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(QCoreApplication.translate("EntityBrowser", "Search names and aliases in any script"))
        self.search.textChanged.connect(lambda _t: self.reload())
        self.type_box = QComboBox(self)
        self.type_box.addItem("All types", None)
        for t in schema.entity_types:
            self.type_box.addItem(t.name, t.id)
        self.type_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.list = QListView(self)
        self.list.setObjectName("entity_list")
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.selectionModel().currentChanged.connect(lambda *_: self.show_current())

        self.name = QLabel(self)
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        font = self.name.font()
        font.setBold(True)
        self.name.setFont(font)
        self.aliases = QListWidget(self)
        self.aliases.setObjectName("aliases")
        self.mentions = QListWidget(self)
        self.mentions.setObjectName("mentions")
        self.mentions.itemActivated.connect(self._open_mention)
        self.mentions.itemDoubleClicked.connect(self._open_mention)

        def button(text: str, slot: Callable[[], object]) -> QPushButton:
            b = QPushButton(text, self)
            b.clicked.connect(lambda _c=False: slot())
            return b

        alias_buttons = QHBoxLayout()
        for text, slot in ((QCoreApplication.translate("EntityBrowser", "Add alias…"), self.add_alias), (QCoreApplication.translate("EntityBrowser", "Remove alias"), self.remove_alias),
                           (QCoreApplication.translate("EntityBrowser", "Move alias to…"), self.move_alias)):
            alias_buttons.addWidget(button(text, slot))
        entity_buttons = QHBoxLayout()
        for text, slot in ((QCoreApplication.translate("EntityBrowser", "Rename…"), self.rename), (QCoreApplication.translate("EntityBrowser", "Merge into…"), self.merge_into)):
            entity_buttons.addWidget(button(text, slot))
        entity_buttons.addStretch(1)

        left = QWidget(self)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.type_box)
        ll.addLayout(top)
        ll.addWidget(self.list, 1)
        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.name)
        rl.addLayout(entity_buttons)
        rl.addWidget(QLabel(QCoreApplication.translate("EntityBrowser", "Aliases (any script):"), self))
        rl.addWidget(self.aliases, 1)
        rl.addLayout(alias_buttons)
        rl.addWidget(QLabel(QCoreApplication.translate("EntityBrowser", "Mentions across releases and languages:"), self))
        rl.addWidget(self.mentions, 2)
        split = QSplitter(self)
        split.addWidget(left)
        split.addWidget(right)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.resize(860, 560)
        self.reload()

    # --- list ------------------------------------------------------------------------

    def reload(self) -> None:
        keep = self.current_entity_id()
        query = self.search.text().strip()
        type_id = self.type_box.currentData()
        if query:
            hits = self.entities.search(query, type_id=type_id, limit=100)
            self.model.set_ids([h.entity.id for h in hits], {h.entity.id: h.score for h in hits})
        else:
            self.model.set_ids(self.entities.ids(type_id))
        row = self.model.ids.index(keep) if keep in self.model.ids else 0
        if self.model.ids:
            self.list.setCurrentIndex(self.model.index(row))
        self.show_current()

    def current_entity_id(self) -> int | None:
        index = self.list.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select_entity(self, entity_id: int) -> bool:
        if entity_id not in self.model.ids:
            self.search.setText("")
        if entity_id in self.model.ids:
            self.list.setCurrentIndex(self.model.index(self.model.ids.index(entity_id)))
            return True
        return False

    def show_current(self) -> None:
        eid = self.current_entity_id()
        self.aliases.clear()
        self.mentions.clear()
        if eid is None:
            self.name.setText(QCoreApplication.translate("EntityBrowser", "No entity"))
            return
        ent = self.entities.get(eid)
        etype = self.schema.entity_type(ent.type_id)
        self.name.setText(f"{ent.canonical_name} — {etype.name if etype else '?'} (#{ent.id})")
        for a in ent.aliases:
            item = QListWidgetItem(f"{a.alias}" + (f"  [{a.language}]" if a.language else ""))
            item.setData(ID_ROLE, a.id)
            self.aliases.addItem(item)
        mentions = self.entities.mentions(eid)
        langs = sorted({m.language or "?" for m in mentions})
        for m in mentions:
            item = QListWidgetItem(f"[{m.language or '?'}] {m.text} — {m.title}")
            item.setData(ID_ROLE, (m.release_id, m.start, m.end))
            self.mentions.addItem(item)
        self.mentions.setToolTip(QCoreApplication.translate("EntityBrowser", "{count} mentions in {languages}").format(count=len(mentions), languages=", ".join(langs) or QCoreApplication.translate("EntityBrowser", "no release")))

    def on_changes(self, changes: ChangeSet) -> None:
        if changes.entities or changes.annotations:
            self.reload()

    # --- actions ---------------------------------------------------------------------

    def _alias_id(self) -> int | None:
        item = self.aliases.currentItem()
        return item.data(ID_ROLE) if item else None

    def _pick_other(self, title: str, exclude: int) -> int | None:
        dialog = LinkEntityDialog(self.entities, self.schema, "", None, self, allow_create=False,
                                  title=title)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        chosen = dialog.chosen_entity_id
        return chosen if chosen != exclude else None

    def add_alias(self, text: str | None = None) -> None:
        eid = self.current_entity_id()
        if eid is None:
            return
        if text is None:
            text, ok = QInputDialog.getText(self, QCoreApplication.translate("EntityBrowser", "Add alias"), QCoreApplication.translate("EntityBrowser", "Alias (any script):"))
            if not ok:
                return
        if text.strip():
            self.stack.push(undo.AddAliasCommand(self.host, eid, text.strip()))

    def remove_alias(self) -> None:
        aid = self._alias_id()
        if aid is not None:
            self.stack.push(undo.RemoveAliasCommand(self.host, aid, self.aliases.currentItem().text()))

    def move_alias(self, to_entity: int | None = None) -> None:
        aid, eid = self._alias_id(), self.current_entity_id()
        if aid is None or eid is None:
            return
        label = self.aliases.currentItem().text()
        target = to_entity if to_entity is not None else self._pick_other(
            f"Move alias {label!r} to…", eid)
        if target is not None:
            self.stack.push(undo.MoveAliasCommand(self.host, aid, target, label, seen_entity=eid))

    def rename(self, name: str | None = None) -> None:
        eid = self.current_entity_id()
        if eid is None:
            return
        if name is None:
            name, ok = QInputDialog.getText(self, QCoreApplication.translate("EntityBrowser", "Rename"), QCoreApplication.translate("EntityBrowser", "Canonical name:"),
                                            text=self.entities.get(eid).canonical_name)
            if not ok:
                return
        if name.strip():
            self.stack.push(undo.RenameEntityCommand(self.host, eid, name.strip()))

    def merge_into(self, keep: int | None = None) -> None:
        gone = self.current_entity_id()
        if gone is None:
            return
        target = keep if keep is not None else self._pick_other("Merge into…", gone)
        if target is None:
            return
        g, k = self.entities.get(gone), self.entities.get(target)
        if keep is None and QMessageBox.question(
                self, QCoreApplication.translate("EntityBrowser", "Merge entities"),
                QCoreApplication.translate("EntityBrowser", "Merge {canonical_name} into {canonical_name2}? Its aliases and {mention_count} move over (undo brings them back).").format(canonical_name=g.canonical_name, canonical_name2=k.canonical_name, mention_count=plural(g.mention_count, 'mention'),
                    count=g.mention_count)) != \
                QMessageBox.StandardButton.Yes:
            return
        self.stack.push(undo.MergeEntitiesCommand(
            self.host, target, gone, f"{g.canonical_name} into {k.canonical_name}",
            seen_versions={gone: g.version, target: k.version}))
        self.select_entity(target)

    def _open_mention(self, item: QListWidgetItem) -> None:
        rid, start, end = item.data(ID_ROLE)
        self.open_mention.emit(rid, start, end)
