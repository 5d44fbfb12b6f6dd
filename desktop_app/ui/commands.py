"""Undoable review actions. Each command calls a service and hands the ChangeSet to the window."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication

from ..domain.changes import ChangeSet
from ..domain.enums import ReviewStatus
from ..domain.errors import ConflictError
from ..services.library import LibraryService
from .errors import show_error

Apply = Callable[[ChangeSet], None]


class SetStatusCommand(QUndoCommand):
    """Set the review status of releases; undo restores each release's previous status."""

    def __init__(self, library: LibraryService, ids: Sequence[int], status: ReviewStatus,
                 apply: Apply, expected_versions: Mapping[int, int] | None = None) -> None:
        n = len(ids)
        super().__init__(f"Mark {n} release{'s' if n != 1 else ''} {status.label}")
        self.library = library
        self.ids = list(ids)
        self.status = status
        self.apply = apply
        self.expected = dict(expected_versions or {})  # release id -> version the reviewer saw
        rows = library.rows(self.ids)
        self.before = {i: rows[i].review_status for i in self.ids if i in rows}

    def redo(self) -> None:
        try:
            changes = self.library.set_status(self.ids, self.status, self.expected or None)
        except ConflictError as exc:  # a colleague changed it: show what, never overwrite
            self.setObsolete(True)
            show_error(QApplication.activeWindow(), exc)
            return
        self.expected = {}  # a redo after undo follows this reviewer's own changes
        self.apply(changes)

    def undo(self) -> None:
        by_status: dict[ReviewStatus, list[int]] = {}
        for rid, old in self.before.items():
            by_status.setdefault(old, []).append(rid)
        changes = ChangeSet()
        for old, ids in by_status.items():
            changes |= self.library.set_status(ids, old)
        self.apply(changes)
