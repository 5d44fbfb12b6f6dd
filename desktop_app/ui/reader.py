"""The reader: a release's metadata and text, both shown strictly as plain text.

The text widget holds `Release.text` (title, blank line, body), so a code-point span stored in
the database maps onto the document through one `Utf16Map`. Highlights are kept in named
layers of ExtraSelections (search hits here; tags and other marks can add their own layers).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.enums import DatePrecision
from ..domain.releases import Release
from ..services.library import LibraryService
from .filter_bar import language_name
from .textpos import Utf16Map

SEARCH_LAYER = "search"
PRECISION_NOTE = {
    DatePrecision.DAY: "",
    DatePrecision.MONTH: "  (month only)",
    DatePrecision.YEAR: "  (year only)",
    DatePrecision.MONTH_DAY: "  (day and month; year unknown)",
}
EMPTY = "—"


def search_hit_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QColor("#ffe066"))
    fmt.setForeground(QColor("#000000"))
    return fmt


def plain_label(parent: QWidget, name: str) -> QLabel:
    """A label that never interprets its text as HTML."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class ReaderPane(QWidget):
    """Shows one release. `text_edit` and `release` are the extension points for annotation."""

    release_shown = Signal(object)  # Release | None

    FIELDS = (("date", "Date"), ("language", "Language"), ("source", "Source"),
              ("dateline", "Dateline"), ("url", "URL"), ("file", "File"), ("status", "Status"),
              ("external_id", "Id"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._release: Release | None = None
        self._map = Utf16Map("")
        self._query = ""
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {SEARCH_LAYER: []}

        self.title_label = plain_label(self, "title")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_label.setFont(font)

        self.meta_labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(2)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, caption in self.FIELDS:
            label = plain_label(self, f"meta_{key}")
            self.meta_labels[key] = label
            name = QLabel(QCoreApplication.translate("ReaderPane", caption) + ":", self)
            name.setStyleSheet("color: palette(mid);")
            form.addRow(name, label)

        header = QFrame(self)
        header.setFrameShape(QFrame.Shape.NoFrame)
        header_layout = QVBoxLayout(header)
        header_layout.setContentsMargins(8, 6, 8, 6)
        header_layout.addWidget(self.title_label)
        header_layout.addLayout(form)

        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("release_text")
        self.text_edit.setReadOnly(True)
        self.text_edit.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text_edit.document().setDocumentMargin(10)
        self.hits_label = plain_label(self, "hits")

        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self._layout.addWidget(header)
        self._layout.addWidget(self.text_edit, 1)
        self._layout.addWidget(self.hits_label)
        self.show_release(None)

    def set_text_widget(self, widget: QPlainTextEdit) -> None:
        """Put another text widget (e.g. an annotating QPlainTextEdit subclass) in the reader.

        The reader keeps filling it (plain text, bold title, highlight layers); a widget that
        sets its own ExtraSelections should add `layer_selections()` to them.
        """
        old = self.text_edit
        widget.setObjectName(old.objectName())
        widget.setReadOnly(True)
        self._layout.replaceWidget(old, widget)
        old.hide()
        old.deleteLater()
        self.text_edit = widget
        self.show_release(self._release)

    def layer_selections(self) -> list[QTextEdit.ExtraSelection]:
        """Every highlight of every layer, in painting order."""
        return [s for layer in self._layers.values() for s in layer]

    # --- what is shown ----------------------------------------------------------------

    @property
    def release(self) -> Release | None:
        return self._release

    @property
    def positions(self) -> Utf16Map:
        """Converter between code-point offsets of `release.text` and document positions."""
        return self._map

    def show_release(self, release: Release | None, query: str | None = None) -> None:
        if query is not None:
            self._query = query
        self._release = release
        for layer in self._layers:
            self._layers[layer] = []
        if release is None:
            self._map = Utf16Map("")
            self.title_label.setText(QCoreApplication.translate("ReaderPane", "No release selected"))
            for label in self.meta_labels.values():
                label.setText(EMPTY)
            self.text_edit.setPlainText("")
            self.text_edit.setPlaceholderText(QCoreApplication.translate("ReaderPane", "Select a release in the list to read it here."))
            self.hits_label.setText("")
            self._apply_layers()
            self.release_shown.emit(None)
            return
        text = release.text
        self._map = Utf16Map(text)
        self.title_label.setText(release.title or "(untitled)")
        self._fill_metadata(release)
        # Start from a plain format: setPlainText would reuse the bold of the previous title.
        self.text_edit.setCurrentCharFormat(QTextCharFormat())
        self.text_edit.document().clear()
        self.text_edit.setPlainText(text)
        self._bold_title(release)
        self._highlight_search()
        self.release_shown.emit(release)

    def update_release(self, release: Release) -> None:
        """A newer copy of the release being read: refresh its metadata, keep the view."""
        current = self._release
        if current is None or current.id != release.id or current.text != release.text:
            self.show_release(release)
            return
        self._release = release
        self._fill_metadata(release)

    def set_query(self, query: str) -> None:
        """Highlight the hits of a new search in the release being read."""
        self._query = query
        if self._release is not None:
            self._highlight_search()

    def _fill_metadata(self, r: Release) -> None:
        date = EMPTY
        if r.date is not None:
            date = r.date.iso + PRECISION_NOTE[r.date.precision]
        lang = EMPTY
        if r.language:
            lang = language_name(r.language)
            if r.language_confidence:
                lang += QCoreApplication.translate("ReaderPane", ", confidence {confidence:.0%}").format(
                    confidence=r.language_confidence)
        values = {
            "date": date, "language": lang, "source": r.source or EMPTY,
            "dateline": r.dateline or EMPTY, "url": r.url or EMPTY, "file": r.source_path,
            "status": QCoreApplication.translate("ReviewStatus", r.review_status.label), "external_id": r.external_id or str(r.id),
        }
        for key, value in values.items():
            self.meta_labels[key].setText(value)

    def _bold_title(self, r: Release) -> None:
        if not r.title:
            return
        cursor = self.cursor_for(0, len(r.title))
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold)
        cursor.mergeCharFormat(fmt)
        self.text_edit.moveCursor(QTextCursor.MoveOperation.Start)
        self.text_edit.setCurrentCharFormat(QTextCharFormat())

    def _highlight_search(self) -> None:
        r = self._release
        ranges = LibraryService.hit_ranges(r.text, self._query) if r and self._query else []
        self.set_highlights(SEARCH_LAYER, ranges, search_hit_format())
        if ranges:
            self.hits_label.setText((QCoreApplication.translate("ReaderPane", "{count} search hit") if len(ranges) == 1 else QCoreApplication.translate("ReaderPane", "{count} search hits")).format(count=len(ranges)))
            self.scroll_to(ranges[0][0])
        else:
            self.hits_label.setText("")

    # --- spans and highlights (code-point offsets into release.text) --------------------

    def cursor_for(self, start: int, end: int) -> QTextCursor:
        """A cursor selecting the code-point span [start, end) of the release text."""
        u_start, u_end = self._map.range_to_utf16(start, end)
        cursor = QTextCursor(self.text_edit.document())
        cursor.setPosition(u_start)
        cursor.setPosition(u_end, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def selected_span(self) -> tuple[int, int] | None:
        """The user's selection as a code-point span, or None when nothing is selected."""
        cursor = self.text_edit.textCursor()
        if not cursor.hasSelection():
            return None
        return self._map.range_to_code_points(cursor.selectionStart(), cursor.selectionEnd())

    def set_highlights(self, layer: str, ranges: list[tuple[int, int]],
                       fmt: QTextCharFormat) -> None:
        """Replace one layer of highlights; layers are painted in the order first set."""
        selections = []
        for start, end in ranges:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self.cursor_for(start, end)  # type: ignore[attr-defined]
            sel.format = fmt  # type: ignore[attr-defined]
            selections.append(sel)
        self._layers[layer] = selections
        self._apply_layers()

    def highlight_ranges(self, layer: str) -> list[tuple[int, int]]:
        """The code-point spans currently highlighted in `layer`."""
        return [self._map.range_to_code_points(s.cursor.selectionStart(),  # type: ignore[attr-defined]
                                               s.cursor.selectionEnd())  # type: ignore[attr-defined]
                for s in self._layers.get(layer, [])]

    def clear_highlights(self, layer: str) -> None:
        self._layers[layer] = []
        self._apply_layers()

    def _apply_layers(self) -> None:
        self.text_edit.setExtraSelections(self.layer_selections())

    def scroll_to(self, start: int) -> None:
        cursor = self.cursor_for(start, start)
        self.text_edit.setTextCursor(cursor)
        self.text_edit.ensureCursorVisible()
