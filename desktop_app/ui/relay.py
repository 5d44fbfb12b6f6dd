"""Deliver a worker's signals to plain Python functions on the GUI thread.

A signal connected to a function that is not a method of a QObject runs that function on the
emitting thread: for a task, the worker thread, where no widget may be touched. Connecting
through a relay, a QObject living on the GUI thread, queues the call there instead.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Slot


class GuiRelay(QObject):
    def __init__(self, parent: QObject, fn: Callable[..., object]) -> None:
        super().__init__(parent)
        self.fn = fn

    @Slot(object)
    def one(self, value: object) -> None:
        self.fn(value)

    @Slot(int, int, str)
    def progress(self, done: int, total: int, message: str) -> None:
        self.fn(done, total, message)
