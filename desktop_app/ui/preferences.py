"""Edit ▸ Preferences: appearance (system, light, dark), UI language, the reviewer's name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from .annotate.small_dialogs import REVIEWER
from .i18n import LANGUAGE_KEY, active_language, available_languages, language_name
from .palette import THEME_KEY, THEMES, ThemeManager, theme_label
from .settings import Settings


class PreferencesDialog(QDialog):
    """Theme applies at once (and is undone by Cancel); language at the next start."""

    def __init__(self, settings: Settings, themes: ThemeManager | None,
                 parent: QWidget | None = None, languages: list[str] | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.themes = themes
        self.setWindowTitle(self.tr("Preferences"))
        self.initial_theme = settings.get(THEME_KEY)
        self.initial_language = settings.get(LANGUAGE_KEY)

        self.theme_box = QComboBox()
        for theme in THEMES:
            self.theme_box.addItem(theme_label(theme), theme)
        self.theme_box.setCurrentIndex(max(0, self.theme_box.findData(self.initial_theme)))
        self.theme_box.currentIndexChanged.connect(self._preview_theme)

        self.language_box = QComboBox()
        self.language_box.addItem(self.tr("Same as the system"), "")
        for language in languages if languages is not None else available_languages():
            self.language_box.addItem(language_name(language), language)
        index = self.language_box.findData(self.initial_language)
        self.language_box.setCurrentIndex(max(0, index))
        self.language_box.currentIndexChanged.connect(self._language_changed)
        self.restart_note = QLabel(self.tr("The new language is used from the next start."))
        self.restart_note.setTextFormat(Qt.TextFormat.PlainText)
        self.restart_note.setVisible(False)

        self.name_edit = QLineEdit(settings.get(REVIEWER))
        self.name_edit.setMaxLength(80)
        self.name_edit.setPlaceholderText(self.tr("Recorded with your review work"))

        form = QFormLayout()
        form.addRow(self.tr("Appearance:"), self.theme_box)
        form.addRow(self.tr("Language:"), self.language_box)
        form.addRow("", self.restart_note)
        form.addRow(self.tr("Your name:"), self.name_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def _preview_theme(self) -> None:
        if self.themes is not None:
            self.themes.apply(self.theme_box.currentData())

    def _language_changed(self) -> None:
        chosen = self.language_box.currentData()
        self.restart_note.setVisible(chosen != self.initial_language
                                     and (chosen or "") != active_language())

    def accept(self) -> None:
        self.settings.set(THEME_KEY, self.theme_box.currentData())
        self.settings.set(LANGUAGE_KEY, self.language_box.currentData())
        name = " ".join(self.name_edit.text().split())
        if name:
            self.settings.set(REVIEWER, name)
        self.settings.sync()
        super().accept()

    def reject(self) -> None:
        if self.themes is not None:
            self.themes.apply(self.initial_theme)
        super().reject()
