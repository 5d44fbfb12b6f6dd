"""The annotated text view: a read-only plain-text editor that draws tags and suggestions.

Spans are code-point offsets over the release text; the document counts UTF-16 units, so all
conversions go through one `Utf16Map`. Tags are drawn as ExtraSelections (a tinted background
and a solid underline in the type's colour, inner spans painted over outer ones); suggestions
get a dotted underline and no background, so they never look like accepted tags. Selections
set by others (the reader's search hits) are kept underneath.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QMouseEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from ...domain.annotations import AnnotationSchema, Span, Suggestion
from ..textpos import Utf16Map

KeyHandler = Callable[[], object]


def key_name(event: QKeyEvent) -> str:
    """A stable name for a key press: the typed character, or a QKeySequence string."""
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    plain = mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
    text = event.text()
    if plain and text and text.isprintable() and not text.isspace():
        return text
    key = event.key()
    if key in (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta):
        return ""
    return QKeySequence(event.keyCombination()).toString(QKeySequence.SequenceFormat.PortableText)


def normal_key(name: str) -> str:
    """One spelling per key: single characters as typed, combinations as Qt writes them."""
    if len(name) == 1:
        return name
    return QKeySequence(name).toString(QKeySequence.SequenceFormat.PortableText)


def tint(colour: str, alpha: int) -> QColor:
    c = QColor(colour)
    c.setAlpha(alpha)
    return c


class AnnotatedTextView(QPlainTextEdit):
    """Shows one release's text with its tags; reports clicks, tag keys and menus."""

    span_clicked = Signal(int)             # span id (innermost at the click)
    suggestion_clicked = Signal(object)    # Suggestion
    menu_requested = Signal(QPoint, int)   # global position, code-point offset under the mouse

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotated_text")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.release_id: int | None = None
        self.text = ""
        self.positions = Utf16Map("")
        self.spans: list[Span] = []
        self.suggestions: list[Suggestion] = []
        self.current_suggestion: int = -1
        self.current_span: int | None = None
        self._keys: dict[str, KeyHandler] = {}
        self._external: list[QTextEdit.ExtraSelection] = []
        self._own: list[QTextEdit.ExtraSelection] = []
        self._press: QPoint | None = None

    # --- content ---------------------------------------------------------------------

    def set_release(self, release_id: int | None, text: str) -> None:
        """Show `text` (unless the widget already shows it, as in the reader)."""
        self.release_id = release_id
        self.text = text
        self.positions = Utf16Map(text)
        self.spans, self.suggestions = [], []
        self.current_suggestion, self.current_span = -1, None
        if self.toPlainText() != text:
            self.setPlainText(text)
        self._own = []
        self._apply()

    def show_annotations(self, schema: AnnotationSchema, spans: Sequence[Span],
                         suggestions: Sequence[Suggestion]) -> None:
        self.spans = list(spans)
        self.suggestions = list(suggestions)
        if self.current_suggestion >= len(self.suggestions):
            self.current_suggestion = len(self.suggestions) - 1
        colours = {t.id: t.colour for t in schema.entity_types}
        doc = self.document()
        own: list[QTextEdit.ExtraSelection] = []
        cache: dict[tuple[int, bool], QTextCharFormat] = {}

        def fmt_for(type_id: int, current: bool) -> QTextCharFormat:
            fmt = cache.get((type_id, current))
            if fmt is None:
                colour = colours.get(type_id, "#808080")
                fmt = QTextCharFormat()
                fmt.setBackground(tint(colour, 110 if current else 55))
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(QColor(colour))
                cache[(type_id, current)] = fmt
            return fmt

        to16 = self.positions.to_utf16
        # Longest first, so that nested spans are painted over the spans around them.
        for sp in sorted(self.spans, key=lambda s: (s.start - s.end, s.start)):
            sel = QTextEdit.ExtraSelection()
            cur = QTextCursor(doc)
            cur.setPosition(to16(sp.start))
            cur.setPosition(to16(sp.end), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cur  # type: ignore[attr-defined]
            sel.format = fmt_for(sp.type_id, sp.id == self.current_span)  # type: ignore[attr-defined]
            own.append(sel)
        for i, sug in enumerate(self.suggestions):
            colour = colours.get(sug.type_id, "#808080")
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(QColor(colour))
            if i == self.current_suggestion:
                fmt.setBackground(tint(colour, 35))
            sel = QTextEdit.ExtraSelection()
            cur = QTextCursor(doc)
            cur.setPosition(to16(sug.start))
            cur.setPosition(to16(sug.end), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cur  # type: ignore[attr-defined]
            sel.format = fmt  # type: ignore[attr-defined]
            own.append(sel)
        self._own = own
        self._apply()

    def setExtraSelections(self, selections) -> None:  # noqa: N802, ANN001 - Qt override
        """Selections set by others (search hits) are kept under the tags."""
        self._external = list(selections)
        self._apply()

    def _apply(self) -> None:
        super().setExtraSelections(self._external + self._own)

    # --- positions -------------------------------------------------------------------

    def selected_span(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.positions.range_to_code_points(cursor.selectionStart(),
                                                   cursor.selectionEnd())

    def select_span(self, start: int, end: int) -> None:
        u0, u1 = self.positions.range_to_utf16(start, end)
        cursor = QTextCursor(self.document())
        cursor.setPosition(u0)
        cursor.setPosition(u1, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def cursor_offset(self) -> int:
        return self.positions.to_code_point(self.textCursor().position())

    def offset_at(self, pos: QPoint) -> int:
        return self.positions.to_code_point(self.cursorForPosition(pos).position())

    def point_of(self, offset: int) -> QPoint:
        """Viewport point in the middle of the character at code-point `offset`."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.positions.to_utf16(offset))
        rect = self.cursorRect(cursor)
        return QPoint(rect.x() + 2, rect.center().y())

    def spans_at(self, offset: int) -> list[Span]:
        """Tags covering `offset`, innermost first."""
        found = [s for s in self.spans if s.start <= offset < s.end]
        return sorted(found, key=lambda s: s.end - s.start)

    def suggestion_at(self, offset: int) -> Suggestion | None:
        return next((s for s in self.suggestions if s.start <= offset < s.end), None)

    # --- keys ------------------------------------------------------------------------

    def bind_keys(self, keys: dict[str, KeyHandler]) -> None:
        """Keys the view handles itself (they win over window shortcuts while it has focus)."""
        self._keys = {normal_key(k): h for k, h in keys.items()}

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride and key_name(e) in self._keys:  # type: ignore[arg-type]
            e.accept()
            return True
        return super().event(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:  # noqa: N802
        handler = self._keys.get(key_name(e))
        if handler is not None:
            e.accept()
            handler()
            return
        super().keyPressEvent(e)

    # --- mouse -----------------------------------------------------------------------

    def mousePressEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        self._press = e.position().toPoint()
        super().mousePressEvent(e)

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(e)
        start = self._press
        self._press = None
        if (e.button() != Qt.MouseButton.LeftButton or start is None
                or (e.position().toPoint() - start).manhattanLength() > 3
                or self.textCursor().hasSelection()):
            return
        offset = self.offset_at(e.position().toPoint())
        spans = self.spans_at(offset)
        if spans:
            self.span_clicked.emit(spans[0].id)
            return
        sug = self.suggestion_at(offset)
        if sug is not None:
            self.current_suggestion = self.suggestions.index(sug)
            self.suggestion_clicked.emit(sug)

    def _context_menu(self, pos: QPoint) -> None:
        self.menu_requested.emit(self.viewport().mapToGlobal(pos), self.offset_at(pos))
