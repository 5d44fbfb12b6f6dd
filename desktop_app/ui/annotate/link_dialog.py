"""Link a mention to a knowledge-base entity, found fuzzily in any script, or create one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.annotations import AnnotationSchema, EntityHit
from ...domain.errors import ReleaseReviewError
from ...services.entities import EntityService
from .small_dialogs import plural

ENTITY_ROLE = Qt.ItemDataRole.UserRole + 1


class LinkEntityDialog(QDialog):
    """Accepted with either `chosen_entity_id` set, or `new_entity` = (type id, name)."""

    def __init__(self, entities: EntityService, schema: AnnotationSchema, mention: str,
                 type_id: int | None, parent: QWidget | None = None,
                 allow_create: bool = True, title: str = "Link to entity") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("link_entity_dialog")
        self.entities = entities
        self.schema = schema
        self.chosen_entity_id: int | None = None
        self.new_entity: tuple[int, str] | None = None
        self.hits: list[EntityHit] = []

        self.query = QLineEdit(mention, self)
        self.query.setPlaceholderText(QCoreApplication.translate("LinkEntityDialog", "Name or alias, in any script"))
        self.query.textChanged.connect(self.search)
        self.same_type_only = QComboBox(self)
        self.same_type_only.addItem("All types", None)
        for t in schema.entity_types:
            self.same_type_only.addItem(t.name, t.id)
        self.same_type_only.currentIndexChanged.connect(lambda _i: self.search(self.query.text()))
        self.results = QListWidget(self)
        self.results.setObjectName("link_results")
        self.results.itemActivated.connect(lambda _item: self._link())
        self.results.itemDoubleClicked.connect(lambda _item: self._link())
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)

        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.same_type_only)

        new_box = QGroupBox(QCoreApplication.translate("LinkEntityDialog", "Or create a new entity"), self)
        self.new_name = QLineEdit(mention, new_box)
        self.new_type = QComboBox(new_box)
        for t in schema.entity_types:
            self.new_type.addItem(t.name, t.id)
        if type_id is not None:
            self.new_type.setCurrentIndex(max(0, self.new_type.findData(type_id)))
        create = QPushButton(QCoreApplication.translate("LinkEntityDialog", "Create and link"), new_box)
        create.setObjectName("create_entity")
        create.clicked.connect(self._create)
        form = QFormLayout(new_box)
        form.addRow(QCoreApplication.translate("LinkEntityDialog", "Canonical name:"), self.new_name)
        form.addRow(QCoreApplication.translate("LinkEntityDialog", "Type:"), self.new_type)
        form.addRow(create)
        new_box.setVisible(allow_create)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.link_button = buttons.addButton(QCoreApplication.translate("LinkEntityDialog", "Link"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.link_button.setDefault(True)
        self.link_button.clicked.connect(self._link)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.message)
        layout.addWidget(new_box)
        layout.addWidget(buttons)
        self.resize(520, 460)
        self.search(mention)

    def search(self, text: str) -> list[EntityHit]:
        type_id = self.same_type_only.currentData()
        try:
            self.hits = self.entities.search(text, type_id=type_id, limit=30) if text.strip() else []
        except ReleaseReviewError as exc:
            self.hits = []
            self.message.setText(str(exc))
            return self.hits
        self.results.clear()
        for hit in self.hits:
            etype = self.schema.entity_type(hit.entity.type_id)
            aliases = ", ".join(a.alias for a in hit.entity.aliases[:6])
            label = (f"{hit.entity.canonical_name}  [{etype.name if etype else '?'}]  "
                     f"— {aliases}  ({plural(hit.entity.mention_count, 'mention')})")
            item = QListWidgetItem(label)
            item.setData(ENTITY_ROLE, hit.entity.id)
            item.setToolTip(QCoreApplication.translate("LinkEntityDialog", "matched {matched_alias!r}, score {score:.0f}").format(matched_alias=hit.matched_alias, score=hit.score))
            if etype:
                item.setData(Qt.ItemDataRole.DecorationRole, QColor(etype.colour))
            self.results.addItem(item)
        if self.hits:
            self.results.setCurrentRow(0)
            self.message.setText(QCoreApplication.translate("LinkEntityDialog", "{hits} entities found").format(hits=len(self.hits)))
        else:
            self.message.setText(QCoreApplication.translate("LinkEntityDialog", "No entity found: create one below."))
        return self.hits

    def choose(self, row: int) -> None:
        self.results.setCurrentRow(row)
        self._link()

    def _link(self) -> None:
        item = self.results.currentItem()
        if item is None:
            self.message.setText(QCoreApplication.translate("LinkEntityDialog", "Choose an entity in the list, or create a new one."))
            return
        self.chosen_entity_id = item.data(ENTITY_ROLE)
        self.accept()

    def _create(self) -> None:
        name = " ".join(self.new_name.text().split())
        if not name:
            self.message.setText(QCoreApplication.translate("LinkEntityDialog", "The new entity needs a name."))
            return
        self.new_entity = (self.new_type.currentData(), name)
        self.accept()
