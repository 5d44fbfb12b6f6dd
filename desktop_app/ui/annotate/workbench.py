"""The tagging pieces assembled in one widget: text on the left, tags and events on the right.

The main window mounts the pieces into its own reader and docks instead; this widget serves
the tests, screenshots and any window that wants the whole workbench at once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from ...services.context import AppContext
from ..settings import Settings
from .controller import AnnotationController
from .panels import EventsPanel, TagsPanel
from .view import AnnotatedTextView


class AnnotationWorkbench(QWidget):
    def __init__(self, ctx: AppContext, settings: Settings | None = None,
                 stack: QUndoStack | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotation_workbench")
        self.view = AnnotatedTextView(self)
        self.tags = TagsPanel(self)
        self.events = EventsPanel(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.tags, QCoreApplication.translate("AnnotationWorkbench", "Tags"))
        self.tabs.addTab(self.events, QCoreApplication.translate("AnnotationWorkbench", "Events"))
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.view)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.controller = AnnotationController(ctx, self.view, self.tags, self.events, stack,
                                               settings, self)
        self.addActions(self.controller.actions())
