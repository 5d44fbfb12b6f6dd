"""Errors never vanish: an excepthook that logs (to the rotating file set up by
services.logging_setup) and shows a dialog.

ReleaseReviewError carries a message written for the reviewer and is shown as it is; anything
else is a bug, shown briefly with the traceback behind "Show Details" and written to the log.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt, QThread
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..domain.errors import ConflictError, ReleaseReviewError
from .conflict_dialog import show_conflict

log = logging.getLogger("desktop_app")

_state: dict[str, object] = {"log_path": None, "showing": False}


def set_log_path(path: Path | None) -> None:
    """The log file named in error dialogs (set once logging is configured)."""
    _state["log_path"] = path


def log_path() -> Path | None:
    return _state["log_path"]  # type: ignore[return-value]


def error_box(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """The message box for `exc`, not yet shown."""
    box = QMessageBox(parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if isinstance(exc, ReleaseReviewError):
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Release Review")
        box.setText(str(exc))
    else:
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("errors", "Unexpected error"))
        where = log_path()
        box.setText("Something went wrong. Your data is saved; the action may not have finished."
                    + (f"\n\nThe details are in the log file:\n{where}" if where else ""))
        box.setInformativeText(f"{type(exc).__name__}: {exc}")
        box.setDetailedText("".join(traceback.format_exception(type(exc), exc,
                                                               exc.__traceback__)))
    return box


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Log and show `exc` (modal). Safe to call re-entrantly: nested errors are only logged."""
    if isinstance(exc, ReleaseReviewError):
        log.warning("%s: %s", type(exc).__name__, exc)
    else:
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    if _state["showing"] or QApplication.instance() is None:
        return
    if isinstance(exc, ConflictError):  # what changed and a Reload button, not a bare message
        show_conflict(parent, exc)
        return
    _state["showing"] = True
    try:
        error_box(parent, exc).exec()
    finally:
        _state["showing"] = False


def excepthook(etype: type[BaseException], value: BaseException,
               tb: TracebackType | None) -> None:
    if issubclass(etype, KeyboardInterrupt):
        sys.__excepthook__(etype, value, tb)
        return
    if value.__traceback__ is None:
        value = value.with_traceback(tb)
    app = QApplication.instance()
    on_gui_thread = app is not None and QThread.currentThread() == app.thread()
    if on_gui_thread:
        parent = QApplication.activeWindow()
        show_error(parent, value)
    else:
        log.error("uncaught error off the GUI thread", exc_info=(etype, value, tb))


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        log.error("uncaught error in thread %s", args.thread.name if args.thread else "?",
                  exc_info=(args.exc_type, args.exc_value, args.exc_traceback))


def install_excepthook() -> None:
    """Every exception escaping a slot or event handler goes through `excepthook`."""
    sys.excepthook = excepthook
    threading.excepthook = _thread_hook
