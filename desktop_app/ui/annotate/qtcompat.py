"""Work around a reference-count bug of the Qt binding on Python 3.11.

PySide6 6.12 on Python < 3.12 drops one reference to None each time a Qt method that
returns void is called from Python. None is immortal only from Python 3.12 on, so a process
that makes enough such calls aborts with "none_dealloc". Drawing tags calls
QTextCursor.setPosition twice per tag on every repaint of the view, which is enough to reach
it in a long session. `give_back(n)` returns the references that `n` such calls took; it is
measured at import and does nothing where the binding is correct.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtGui import QTextCursor


def _measure() -> int:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return 0
    cursor = QTextCursor()
    before = sys.getrefcount(None)
    for _ in range(200):
        cursor.setPosition(0)
    lost = before - sys.getrefcount(None)
    return 1 if lost >= 190 else 0


LOST_PER_VOID_CALL = _measure()
_REFCOUNT = ctypes.c_ssize_t.from_address(id(None)) if LOST_PER_VOID_CALL else None
if _REFCOUNT is not None:
    _REFCOUNT.value += 200   # the references the measurement itself took


def give_back(void_calls: int) -> None:
    """Return the references to None taken by `void_calls` calls of void Qt methods."""
    if _REFCOUNT is not None and void_calls > 0:
        _REFCOUNT.value += void_calls * LOST_PER_VOID_CALL
