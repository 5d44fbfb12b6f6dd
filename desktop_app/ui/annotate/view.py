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
from .qtcompat import give_back

KeyHandler = Callable[[], object]
KEEP = QTextCursor.MoveMode.KeepAnchor
SOLID = QTextCharFormat.UnderlineStyle.SingleUnderline
DOTTED = QTextCharFormat.UnderlineStyle.DotLine
# Texts up to this length get every tag drawn at once; longer ones near the viewport only.
DRAW_ALL_CHARS = 20_000


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
        self._colours: dict[int, str] = {}
        self._formats: dict[tuple[int, str], QTextCharFormat] = {}
        self._window = (0, 0)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._paint())

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
        self._window = (0, 0)
        self._apply()

    def show_annotations(self, schema: AnnotationSchema, spans: Sequence[Span],
                         suggestions: Sequence[Suggestion]) -> None:
        self.spans = list(spans)
        self.suggestions = list(suggestions)
        if self.current_suggestion >= len(self.suggestions):
            self.current_suggestion = len(self.suggestions) - 1
        self._colours = {t.id: t.colour for t in schema.entity_types}
        self._formats = {}
        self._paint(force=True)

    def _format(self, type_id: int, kind: str) -> QTextCharFormat:
        fmt = self._formats.get((type_id, kind))
        if fmt is None:
            colour = self._colours.get(type_id, "#808080")
            fmt = QTextCharFormat()
            if kind == "suggestion" or kind == "current suggestion":
                fmt.setUnderlineStyle(DOTTED)
                if kind == "current suggestion":
                    fmt.setBackground(tint(colour, 35))
            else:
                fmt.setBackground(tint(colour, 110 if kind == "current" else 55))
                fmt.setUnderlineStyle(SOLID)
            fmt.setUnderlineColor(QColor(colour))
            give_back(2 if kind == "suggestion" else 4)  # setAlpha, set… calls above
            self._formats[(type_id, kind)] = fmt
        return fmt

    def visible_range(self) -> tuple[int, int]:
        """Code-point range shown in the viewport."""
        first = self.firstVisibleBlock().position()
        vp = self.viewport()
        last = self.cursorForPosition(QPoint(vp.width() - 1, vp.height() - 1)).position()
        return self.positions.to_code_point(first), self.positions.to_code_point(last)

    def _paint(self, force: bool = False) -> None:
        """Draw the tags near the viewport (all of them in texts of ordinary length): a long
        release with a thousand tags opens at once, and scrolling draws the next stretch."""
        n = len(self.text)
        if n <= DRAW_ALL_CHARS:
            lo, hi = 0, n
            if not force:
                return
        else:
            a, b = self.visible_range()
            if not force and self._window[0] <= a and b <= self._window[1]:
                return
            reach = max(b - a, 2000)
            lo, hi = max(0, a - reach), min(n, b + reach)
        self._window = (lo, hi)
        doc = self.document()
        to16 = self.positions.to_utf16
        own: list[QTextEdit.ExtraSelection] = []
        shown = [sp for sp in self.spans if sp.start < hi and sp.end > lo]
        # Longest first, so that nested spans are painted over the spans around them.
        shown.sort(key=lambda sp: (sp.start - sp.end, sp.start))
        for sp in shown:
            sel = QTextEdit.ExtraSelection()
            cur = QTextCursor(doc)
            cur.setPosition(to16(sp.start))
            cur.setPosition(to16(sp.end), KEEP)
            sel.cursor = cur  # type: ignore[attr-defined]
            sel.format = self._format(  # type: ignore[attr-defined]
                sp.type_id, "current" if sp.id == self.current_span else "tag")
            own.append(sel)
        for i, sug in enumerate(self.suggestions):
            if sug.start >= hi or sug.end <= lo:
                continue
            sel = QTextEdit.ExtraSelection()
            cur = QTextCursor(doc)
            cur.setPosition(to16(sug.start))
            cur.setPosition(to16(sug.end), KEEP)
            sel.cursor = cur  # type: ignore[attr-defined]
            sel.format = self._format(  # type: ignore[attr-defined]
                sug.type_id, "current suggestion" if i == self.current_suggestion
                else "suggestion")
            own.append(sel)
        self._own = own
        give_back(2 * len(own))   # two setPosition calls per selection
        self._apply()

    def resizeEvent(self, e) -> None:  # noqa: N802, ANN001
        super().resizeEvent(e)
        if self.spans or self.suggestions:
            self._paint()

    def setExtraSelections(self, selections) -> None:  # noqa: N802, ANN001 - Qt override
        """Selections set by others (search hits) are kept under the tags."""
        self._external = list(selections)
        self._apply()

    def _apply(self) -> None:
        super().setExtraSelections(self._external + self._own)
        give_back(1)

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
