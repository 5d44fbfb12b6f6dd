"""First run: what to do with an empty database, and the reviewer's name, asked once.

The dialog only records the choice; the main window carries it out with its usual import
and open paths (progress, cancel, error dialogs), so there is one way to do each thing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME
from .annotate.small_dialogs import REVIEWER
from .resources import app_icon
from .settings import Settings

IMPORT_FOLDER = "import-folder"
OPEN_DATABASE = "open-database"
DEMO = "demo"
NOTHING = ""



def should_welcome(release_count: int) -> bool:
    """Offered whenever the open database is empty: there is nothing else to show."""
    return release_count == 0


class WelcomeDialog(QDialog):
    chosen = Signal(str)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.choice = NOTHING
        self.setWindowTitle(self.tr("Welcome to %1").replace("%1", APP_NAME))

        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        heading = QLabel(self.tr("Welcome to %1").replace("%1", APP_NAME))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(self.tr("This database is empty. Every change you make is saved at once; "
                          "there is no Save button to forget."))
        intro.setWordWrap(True)
        for label in (heading, intro):
            label.setTextFormat(Qt.TextFormat.PlainText)
        text = QVBoxLayout()
        text.addWidget(heading)
        text.addWidget(intro)
        head = QHBoxLayout()
        head.addWidget(icon)
        head.addLayout(text, 1)

        self.import_button = QCommandLinkButton(
            self.tr("Import a folder…"),
            self.tr("Add the press releases in a folder and its sub-folders (text, HTML, JSONL, "
               "CSV)."))
        self.open_button = QCommandLinkButton(
            self.tr("Open a database…"),
            self.tr("Continue with a Release Review database file you already have."))
        self.demo_button = QCommandLinkButton(
            self.tr("Try the demo corpus"),
            self.tr("Import a few sample releases in French, Azerbaijani, Russian and English, "
               "with translations and re-posts to find."))
        self.import_button.clicked.connect(lambda: self._choose(IMPORT_FOLDER))
        self.open_button.clicked.connect(lambda: self._choose(OPEN_DATABASE))
        self.demo_button.clicked.connect(lambda: self._choose(DEMO))

        self.name_edit = QLineEdit(settings.get(REVIEWER))
        self.name_edit.setPlaceholderText(self.tr("e.g. Leyla Mammadova"))
        self.name_edit.setMaxLength(80)
        name_label = QLabel(self.tr("Your name (recorded with your review work):"))
        name_label.setBuddy(self.name_edit)

        buttons = QDialogButtonBox()
        self.later_button = buttons.addButton(self.tr("Start with an empty database"),
                                              QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(lambda: self._choose(NOTHING))

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addSpacing(8)
        for button in (self.import_button, self.open_button, self.demo_button):
            layout.addWidget(button)
        layout.addSpacing(8)
        layout.addWidget(name_label)
        layout.addWidget(self.name_edit)
        layout.addWidget(buttons)
        self.demo_button.setFocus()

    def reviewer(self) -> str:
        return " ".join(self.name_edit.text().split())

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.save_reviewer()
        self.chosen.emit(choice)
        if choice:
            self.accept()
        else:
            self.reject()

    def save_reviewer(self) -> None:
        """Keep the name typed here; an empty field never erases a name given before."""
        name = self.reviewer()
        if name:
            self.settings.set(REVIEWER, name)

    def reject(self) -> None:  # Esc and the window's close button too
        if self.choice == NOTHING:
            self.save_reviewer()
        super().reject()
