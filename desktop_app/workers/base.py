"""A QObject task run on its own QThread, with Qt-free progress and cancellation for the core.

The service code receives a plain `ProgressCallback` and `CancelToken`; the task turns them into
queued signals, so widgets are only ever touched on the GUI thread.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from ..domain.errors import Cancelled
from ..domain.progress import CancelToken, Progress, ProgressCallback

log = logging.getLogger(__name__)

# Progress signals are coalesced to about this period, so a fast loop cannot flood the GUI.
PROGRESS_INTERVAL_S = 0.05


class Task(QObject):
    """Subclass and implement `work`; connect to the signals before `TaskRunner.start`."""

    progress = Signal(int, int, str)   # done, total, message (e.g. the current file)
    finished = Signal(object)          # the result of `work`
    failed = Signal(object)            # the exception `work` raised
    cancelled = Signal()               # `work` stopped by raising Cancelled

    def __init__(self) -> None:
        super().__init__()
        self.cancel_token = CancelToken()
        self._last_emit = 0.0

    def work(self, progress: ProgressCallback, cancel: CancelToken) -> object:
        # Qt's metaclass rules out abc here; a task class without `work` fails loudly.
        raise TypeError(f"{type(self).__name__} does not define work()")

    def cancel(self) -> None:
        """Thread-safe: the work stops at its next check."""
        self.cancel_token.cancel()

    def _report(self, p: Progress) -> None:
        now = time.monotonic()
        if p.done == 0 or p.done >= p.total or now - self._last_emit >= PROGRESS_INTERVAL_S:
            self._last_emit = now
            self.progress.emit(p.done, p.total, p.message)

    @Slot()
    def run(self) -> None:
        try:
            result = self.work(self._report, self.cancel_token)
        except Cancelled:
            self.cancelled.emit()
        except Exception as exc:  # reported to the GUI, which logs and shows it
            log.exception("background task %s failed", type(self).__name__)
            self.failed.emit(exc)
        else:
            self.finished.emit(result)


class TaskRunner(QObject):
    """Starts tasks on worker threads and keeps them alive until their thread ends."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._running: dict[QThread, Task] = {}

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def start(self, task: Task) -> QThread:
        thread = QThread()
        thread.setObjectName(type(task).__name__)
        task.moveToThread(thread)
        thread.started.connect(task.run)
        for signal in (task.finished, task.failed, task.cancelled):
            # Direct: quit() is thread-safe, and a queued call would need the GUI event loop,
            # so wait_all() at shutdown (no loop running) would block until it timed out.
            signal.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        # A bound slot of this GUI-thread object: the clean-up runs queued on the GUI thread.
        thread.finished.connect(self._thread_finished)
        self._running[thread] = task
        thread.start()
        return thread

    def cancel_all(self) -> None:
        for task in list(self._running.values()):
            task.cancel()

    def wait_all(self, msecs: int = 30000) -> bool:
        """Block until every task's thread has ended (used when closing)."""
        ok = True
        for thread in list(self._running):
            ok = thread.wait(msecs) and ok
        return ok

    @Slot()
    def _thread_finished(self) -> None:
        thread = self.sender()
        if isinstance(thread, QThread):
            self._forget(thread)

    def _forget(self, thread: QThread) -> None:
        task = self._running.pop(thread, None)
        thread.wait()  # finished is emitted just before the thread really ends
        if task is not None:
            task.deleteLater()
        thread.deleteLater()
        if not self._running:
            self.idle.emit()
