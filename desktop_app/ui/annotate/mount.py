"""Mount the tagging pieces in the main window: the annotated view replaces the reader's text
widget, the tags and events panels become docks, an Annotate menu holds the tools.

The main window calls `mount_annotation(self)` once; everything else is wired here through
its public extension points (reader, add_dock, menu, undo_stack, refresh, signals).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt

from .controller import AnnotationController
from .panels import EventsPanel, TagsPanel
from .view import AnnotatedTextView

if TYPE_CHECKING:
    from ..main_window import MainWindow


def mount_annotation(window: MainWindow) -> AnnotationController:
    view = AnnotatedTextView()
    tags, events = TagsPanel(), EventsPanel()
    tags.setWindowTitle(QCoreApplication.translate("mount", "Tags"))
    events.setWindowTitle(QCoreApplication.translate("mount", "Events"))
    controller = AnnotationController(window.ctx, view, tags, events, window.undo_stack,
                                      window.settings, window)
    window.reader.set_text_widget(view)
    window.add_dock(tags, Qt.DockWidgetArea.RightDockWidgetArea, QCoreApplication.translate("mount", "Tags"), "dock_tags")
    window.add_dock(events, Qt.DockWidgetArea.RightDockWidgetArea, QCoreApplication.translate("mount", "Events"), "dock_events")

    controller.release_order = lambda: list(window.model.ids)  # the list's order and filter
    controller.show_release_hook = window.select_release
    controller.status_hook = lambda status: window.set_status(status)
    controller.changes_applied.connect(window.refresh)
    controller.message.connect(lambda text: window.statusBar().showMessage(text, 6000))
    window.reader.release_shown.connect(controller.show_release)
    window.context_changed.connect(controller.set_context)

    menu = window.menu("&Annotate")
    for action in controller.actions():
        menu.addAction(action)
        window.addAction(action)
    menu.addSeparator()
    for text, slot in ((QCoreApplication.translate("mount", "Accept all suggestions"), controller.accept_all),
                       (QCoreApplication.translate("mount", "Reject all suggestions"), controller.reject_all),
                       (QCoreApplication.translate("mount", "Next release without tags"), controller.next_untagged)):
        menu.addAction(text, slot)
    if window.reader.release is not None:
        controller.show_release(window.reader.release)
    return controller
