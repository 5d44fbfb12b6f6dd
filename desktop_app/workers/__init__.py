"""Services run off the GUI thread, reporting through Qt signals."""

from .base import Task, TaskRunner
from .import_worker import ImportTask

__all__ = ["ImportTask", "Task", "TaskRunner"]
