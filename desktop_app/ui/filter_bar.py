"""Filters above the release list: language, dates, source, review status and a search box."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLocale, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from ..domain.enums import ReviewStatus
from ..domain.releases import ReleaseFilter

SEARCH_DELAY_MS = 250
_FULL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def language_name(code: str) -> str:
    """'fr' -> 'French (fr)'; unknown codes are shown as they are."""
    lang = QLocale(code).language()
    if lang in (QLocale.Language.C, QLocale.Language.AnyLanguage) or len(code) > 3:
        return code
    return f"{QLocale.languageToString(lang)} ({code})"


class FilterBar(QWidget):
    filter_changed = Signal(object)  # ReleaseFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(QCoreApplication.translate("FilterBar", "Search title and text, any script…  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)

        self.language = self._combo("language", "All languages")
        self.source = self._combo("source", "All sources")
        self.status = self._combo("status", "Any status")
        for s in ReviewStatus:
            self.status.addItem(s.label.capitalize(), s.value)

        date_rx = QRegularExpressionValidator(
            QRegularExpression(r"^\d{0,4}(-\d{0,2}(-\d{0,2})?)?$"), self)
        self.date_from = self._date_edit("date_from", "from YYYY-MM-DD", date_rx)
        self.date_to = self._date_edit("date_to", "to YYYY-MM-DD", date_rx)

        self.clear_button = QToolButton(self)
        self.clear_button.setText(QCoreApplication.translate("FilterBar", "Clear"))
        self.clear_button.setToolTip(QCoreApplication.translate("FilterBar", "Clear every filter and the search"))
        self.clear_button.clicked.connect(self.clear)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search, 1)
        layout.addWidget(self.language)
        layout.addWidget(QLabel(QCoreApplication.translate("FilterBar", "Date"), self))
        layout.addWidget(self.date_from)
        layout.addWidget(self.date_to)
        layout.addWidget(self.source)
        layout.addWidget(self.status)
        layout.addWidget(self.clear_button)

        # Typing restarts the timer; the query runs once the user pauses.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._emit)
        self.search.textChanged.connect(self._debounce.start)
        self.date_from.textChanged.connect(self._debounce.start)
        self.date_to.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._emit_now)
        for combo in (self.language, self.source, self.status):
            combo.currentIndexChanged.connect(self._emit_now)
        self._last = ReleaseFilter()  # what the list shows now
        self._updating = False

    def _combo(self, name: str, everything: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(everything, None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def _date_edit(self, name: str, hint: str, validator) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(hint)
        edit.setValidator(validator)
        edit.setToolTip(QCoreApplication.translate("FilterBar", "A year, a month (YYYY-MM) or a day (YYYY-MM-DD); inclusive"))
        edit.setFixedWidth(self.fontMetrics().horizontalAdvance("from YYYY-MM-DD") + 24)
        return edit

    # --- state ----------------------------------------------------------------------

    def set_choices(self, languages: list[str], sources: list[str]) -> bool:
        """Refill the language and source lists, keeping the current choice when it remains.

        Returns True when the filter changed (a choice vanished) and `filter_changed` was sent.
        """
        self._updating = True
        try:
            for combo, values, label in ((self.language, languages, language_name),
                                         (self.source, sources, str)):
                current = combo.currentData()
                while combo.count() > 1:
                    combo.removeItem(1)
                for value in values:
                    combo.addItem(label(value), value)
                found = combo.findData(current) if current is not None else 0
                combo.setCurrentIndex(max(found, 0))
        finally:
            self._updating = False
        return self._emit()

    def current_filter(self) -> ReleaseFilter:
        language = self.language.currentData()
        source = self.source.currentData()
        status = self.status.currentData()
        return ReleaseFilter(
            languages=(language,) if language else (),
            sources=(source,) if source else (),
            statuses=(ReviewStatus(status),) if status else (),
            date_from=_date_or_none(self.date_from.text()),
            date_to=_date_or_none(self.date_to.text()),
            search=self.search.text().strip(),
        )

    def clear(self, emit: bool = True) -> None:
        self._updating = True
        try:
            self.search.clear()
            self.date_from.clear()
            self.date_to.clear()
            for combo in (self.language, self.source, self.status):
                combo.setCurrentIndex(0)
        finally:
            self._updating = False
        self._debounce.stop()
        if emit:
            self._emit()
        else:
            self._last = self.current_filter()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _emit_now(self) -> None:
        self._debounce.stop()
        self._emit()

    def _emit(self) -> bool:
        if self._updating:
            return False
        flt = self.current_filter()
        for edit in (self.date_from, self.date_to):
            ok = not edit.text() or _date_or_none(edit.text()) is not None
            edit.setStyleSheet("" if ok else "QLineEdit { color: #b00020; }")
        if flt != self._last:
            self._last = flt
            self.filter_changed.emit(flt)
            return True
        return False


def _date_or_none(text: str) -> str | None:
    text = text.strip()
    return text if _FULL_DATE.match(text) else None
