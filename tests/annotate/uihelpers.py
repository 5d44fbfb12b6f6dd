"""Helpers for driving the tagging widgets like a reviewer: keys, selections, clicks."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QWidget

NO = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def press(widget: QWidget, key: int | str, mods=NO, text: str = "") -> None:  # noqa: ANN001
    """One key press and release; a str key is typed as that character."""
    if isinstance(key, str):
        text = key
        code = ord(key.upper()) if key.isascii() and key.isalnum() else 0
    else:
        code = key
    for kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, code, mods, text))


def shift_select(view, start_cp: int, n_chars: int) -> None:  # noqa: ANN001
    """Put the cursor at a code-point offset and extend the selection with Shift+Right."""
    cursor = view.textCursor()
    cursor.setPosition(view.positions.to_utf16(start_cp))
    view.setTextCursor(cursor)
    for _ in range(n_chars):
        press(view, Qt.Key.Key_Right, SHIFT)


def select_text(view, needle: str, occurrence: int = 0) -> tuple[int, int]:  # noqa: ANN001
    start = -1
    for _ in range(occurrence + 1):
        start = view.text.index(needle, start + 1)
    view.select_span(start, start + len(needle))
    return start, start + len(needle)


def clear_selection(view) -> None:  # noqa: ANN001
    cursor = view.textCursor()
    cursor.clearSelection()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    view.setTextCursor(cursor)
