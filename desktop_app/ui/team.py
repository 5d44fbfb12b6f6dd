"""Team server in the main window: File ▸ Connect to server…, the "Held by" column, Review ▸
Take next release / Release my holds, and Reload after a refused (conflicting) save.

The main window calls `mount_team(self)` once; the rest goes through its public extension
points. Holds are taken under the reviewer's name as tags are recorded (the annotation
controller asks for it once), and renewed while the window is open.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence

from ..domain.changes import ChangeSet
from ..domain.errors import ConflictError, ReleaseReviewError
from ..services.context import AppContext
from . import conflict_dialog
from .connect_dialog import ask_server_url
from .errors import show_error

if TYPE_CHECKING:
    from .main_window import MainWindow

log = logging.getLogger(__name__)

TAKE_NEXT_KEY = "Ctrl+Shift+N"
RENEW_MS = 5 * 60 * 1000  # well inside the two-hour hold; also repaints others' holds


class TeamActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        file_menu = window.menu("&File")
        self.connect_action = QAction(self.tr("Connect to &server…"), window)
        self.connect_action.triggered.connect(lambda _c=False: self.connect_to_server())
        file_menu.insertAction(window.recent_menu.menuAction(), self.connect_action)

        review = window.menu("&Review")
        review.addSeparator()
        self.take_action = QAction(self.tr("&Take next release"), window)
        self.take_action.setShortcut(QKeySequence(TAKE_NEXT_KEY))
        self.take_action.setStatusTip(self.tr("Hold the next open release nobody else holds"))
        self.take_action.triggered.connect(lambda _c=False: self.take_next())
        self.release_action = QAction(self.tr("Release &my holds"), window)
        self.release_action.triggered.connect(lambda _c=False: self.release_holds())
        for action in (self.take_action, self.release_action):
            review.addAction(action)
            window.addAction(action)  # the shortcut works while the menu bar is hidden

        self.timer = QTimer(self)
        self.timer.setInterval(RENEW_MS)
        self.timer.timeout.connect(self.renew)
        self.timer.start()
        window.context_changed.connect(self.set_context)
        conflict_dialog.set_reload_handler(self.reload_after_conflict)
        self.destroyed.connect(lambda: conflict_dialog.set_reload_handler(None))
        self.set_context(window.ctx)

    def set_context(self, ctx: AppContext) -> None:
        self.window.model.set_holds_source(ctx.work_queue.holds)

    def _ensure_reviewer(self) -> None:
        annotation = getattr(self.window, "annotation", None)
        if annotation is not None:
            annotation.ensure_reviewer()

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)

    # --- actions -----------------------------------------------------------------------

    def connect_to_server(self, location: str | None = None) -> bool:
        """Ask for the server connection (prefilled from `location`) and open it."""
        url = ask_server_url(self.window.settings, self.window, location)
        return bool(url) and self.window.open_database(url)

    def take_next(self) -> int | None:
        """Take one more release nobody else holds and show it (finished holds go back);
        when none is free, show another one this reviewer still holds. The id, or None."""
        self._ensure_reviewer()
        queue = self.window.ctx.work_queue
        current = self.window.current_release_id()
        try:
            changes = queue.next(1)  # gives back finished holds, renews the open ones
            taken = list(changes.extra.get("taken", ()))
            if not taken:
                more = queue.next(len(queue.mine()) + 1)
                changes |= more
                taken = list(more.extra.get("taken", ()))
            mine = [i for i in queue.mine() if i != current]
        except ReleaseReviewError as exc:
            show_error(self.window, exc)
            return None
        self.window.refresh(changes)
        rid = taken[0] if taken else (mine[0] if mine else None)
        if rid is None:
            self._say(self.tr("No open release is left that nobody else holds."))
            return None
        if not self.window.select_release(rid):
            self.window.filter_bar.clear()  # the filter hid it: show everything
            self.window.select_release(rid)
        self._say(self.tr("You hold release {id}.").format(id=rid))
        return rid

    def release_holds(self) -> None:
        try:
            changes = self.window.ctx.work_queue.release()
        except ReleaseReviewError as exc:
            show_error(self.window, exc)
            return
        self.window.refresh(changes)
        self._say(
            self.tr("Released {count} hold(s).").format(count=len(changes.extra["freed"])))

    def renew(self) -> None:
        """Keep this reviewer's holds alive and show colleagues' new ones."""
        queue = self.window.ctx.work_queue
        try:
            if queue.mine():
                queue.renew()
        except ReleaseReviewError as exc:  # a server hiccup: the next tick tries again
            log.warning("holds not renewed: %s", exc)
        self.window.model.refresh_holds()

    def reload_after_conflict(self, exc: ConflictError) -> None:
        """Re-read what the refused save was about: the release, its tags, the lists."""
        ids = {i for i in (self.window.current_release_id(),) if i}
        if exc.kind == "release" and exc.record_id is not None:
            ids.add(exc.record_id)
        self.window.refresh(ChangeSet(releases=frozenset(ids), annotations=frozenset(ids),
                                      entities=exc.kind == "entity",
                                      duplicates=exc.kind in (None, "duplicate decision")))
        annotation = getattr(self.window, "annotation", None)
        if annotation is not None:
            annotation.reload()  # the tags and events panels read their versions again


def mount_team(window: MainWindow) -> TeamActions:
    return TeamActions(window)
