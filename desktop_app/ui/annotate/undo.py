"""Undoable annotation actions. Each command calls a service, keeps the old and new values,
and hands the resulting ChangeSet to the controller. `push()` runs `redo()` itself.

A service error (the record changed meanwhile, the database is locked) is caught, shown by the
controller, and the command is marked obsolete so the stack never holds an action that did
not happen. Re-doing recreates records with their original ids, so later commands that name
them stay valid across any number of undo/redo rounds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from ...domain.annotations import EventDraft, Suggestion
from ...domain.changes import ChangeSet
from ...domain.errors import ReleaseReviewError

if TYPE_CHECKING:
    from ...services.annotate import AnnotateService
    from ...services.entities import EntityService


class Host:
    """What commands need from their controller: services and a place to report to."""

    annotate: AnnotateService
    entities: EntityService
    apply: Callable[[ChangeSet, int | None], None]
    report_error: Callable[[str, ReleaseReviewError | None], None]


class ServiceCommand(QUndoCommand):
    """Base: `do()` and `undo_()` return ChangeSets; errors are reported, never raised."""

    def __init__(self, host: Host, text: str, release_id: int | None) -> None:
        super().__init__(text)
        self.host = host
        self.release_id = release_id
        self.error: str | None = None
        self.done_once = False

    # Qt's metaclass rules out abc here; a command class without these fails loudly.
    def do(self) -> ChangeSet:
        raise TypeError(f"{type(self).__name__} does not define do()")

    def undo_(self) -> ChangeSet:
        raise TypeError(f"{type(self).__name__} does not define undo_()")

    def redo(self) -> None:
        try:
            changes = self.do()
        except ReleaseReviewError as exc:
            self.error = str(exc)
            self.setObsolete(True)
            self._report(exc, self.error)
            return
        self.done_once = True
        self.host.apply(changes, self.release_id)

    def _report(self, exc: ReleaseReviewError, text: str) -> None:
        self.host.report_error(text, exc)

    def undo(self) -> None:
        if self.error is not None:
            return
        try:
            changes = self.undo_()
        except ReleaseReviewError as exc:
            self._report(exc, f"Could not undo “{self.text()}”: {exc}")
            return
        self.host.apply(changes, self.release_id)


class CreateSpanCommand(ServiceCommand):
    def __init__(self, host: Host, release_id: int, start: int, end: int, type_id: int,
                 type_name: str, entity_id: int | None = None) -> None:
        super().__init__(host, f"Tag {type_name}", release_id)
        self.args = (start, end, type_id, entity_id)
        self.span_id: int | None = None
        self.covered: str | None = None

    def do(self) -> ChangeSet:
        start, end, type_id, entity_id = self.args
        span, changes = self.host.annotate.create_span(
            self.release_id, start, end, type_id, entity_id, covered=self.covered,
            span_id=self.span_id)
        self.span_id, self.covered = span.id, span.text
        self.args = (span.start, span.end, type_id, entity_id)
        self.setText(QCoreApplication.translate("CreateSpanCommand", "Tag {text!r}").format(text=span.text))
        return changes

    def undo_(self) -> ChangeSet:
        return self.host.annotate.delete_span(self.span_id)[1]


class DeleteSpanCommand(ServiceCommand):
    def __init__(self, host: Host, span_id: int, release_id: int, label: str) -> None:
        super().__init__(host, f"Delete tag {label!r}", release_id)
        self.span_id = span_id
        self.snapshot = None

    def do(self) -> ChangeSet:
        self.snapshot, changes = self.host.annotate.delete_span(self.span_id)
        return changes

    def undo_(self) -> ChangeSet:
        return self.host.annotate.restore_span(self.snapshot)


class RetypeSpanCommand(ServiceCommand):
    def __init__(self, host: Host, span_id: int, release_id: int, type_id: int,
                 type_name: str, seen_version: int | None = None) -> None:
        super().__init__(host, f"Change tag to {type_name}", release_id)
        self.span_id, self.new, self.old = span_id, type_id, None
        self.seen_version = seen_version   # someone else's change meanwhile is refused

    def do(self) -> ChangeSet:
        self.old, changes = self.host.annotate.set_span_type(
            self.span_id, self.new, expected_version=None if self.done_once else self.seen_version)
        return changes

    def undo_(self) -> ChangeSet:
        return self.host.annotate.set_span_type(self.span_id, self.old)[1]


class LinkSpanCommand(ServiceCommand):
    def __init__(self, host: Host, span_id: int, release_id: int, entity_id: int | None,
                 label: str, seen_version: int | None = None) -> None:
        super().__init__(host, f"Link to {label}" if entity_id else "Unlink tag", release_id)
        self.span_id, self.entity_id, self.change = span_id, entity_id, None
        self.seen_version = seen_version

    def do(self) -> ChangeSet:
        self.change, changes = self.host.annotate.link_span(
            self.span_id, self.entity_id,
            expected_version=None if self.done_once else self.seen_version)
        return changes

    def undo_(self) -> ChangeSet:
        return self.host.annotate.unlink_change(self.change)


class NewEntityCommand(ServiceCommand):
    """Create an entity from a tag's text and link the tag to it: one step, one undo."""

    def __init__(self, host: Host, span_id: int, release_id: int, type_id: int, name: str,
                 language: str | None) -> None:
        super().__init__(host, f"New entity {name!r}", release_id)
        self.span_id, self.type_id, self.name, self.language = span_id, type_id, name, language
        self.snapshot = None
        self.entity_id: int | None = None
        self.change = None

    def do(self) -> ChangeSet:
        if self.snapshot is None:
            entity = self.host.entities.create(self.type_id, self.name, language=self.language)
            self.entity_id = entity.id
        else:
            self.host.entities.restore(self.snapshot)
        self.change, changes = self.host.annotate.link_span(self.span_id, self.entity_id)
        return changes | ChangeSet(entities=True)

    def undo_(self) -> ChangeSet:
        changes = self.host.annotate.unlink_change(self.change)
        self.snapshot = self.host.entities.delete(self.entity_id)
        return changes


class AcceptSuggestionsCommand(ServiceCommand):
    def __init__(self, host: Host, release_id: int, items: Sequence[Suggestion]) -> None:
        n = len(items)
        super().__init__(host, f"Accept {n} suggestion{'s' if n != 1 else ''}", release_id)
        self.items = list(items)
        self.span_ids: list[int] | None = None

    def do(self) -> ChangeSet:
        spans, changes = self.host.annotate.accept_suggestions(self.release_id, self.items,
                                                               ids=self.span_ids)
        if self.span_ids is None:
            # Keep the suggestions that became tags, in order, so a redo recreates those ids.
            by_range = {(s.start, s.end): s for s in spans}
            self.items = [i for i in self.items if by_range.pop((i.start, i.end), None)]
            self.span_ids = [s.id for s in spans]
        return changes

    def undo_(self) -> ChangeSet:
        return self.host.annotate.delete_spans(self.span_ids or [])[1]


class RejectSuggestionsCommand(ServiceCommand):
    def __init__(self, host: Host, release_id: int, items: Sequence[Suggestion]) -> None:
        n = len(items)
        super().__init__(host, f"Reject {n} suggestion{'s' if n != 1 else ''}", release_id)
        self.items = list(items)

    def do(self) -> ChangeSet:
        return self.host.annotate.reject_suggestions(self.release_id, self.items)

    def undo_(self) -> ChangeSet:
        return self.host.annotate.unreject_suggestions(self.release_id, self.items)


class CreateEventCommand(ServiceCommand):
    def __init__(self, host: Host, release_id: int, draft: EventDraft, type_name: str) -> None:
        super().__init__(host, f"New {type_name} event", release_id)
        self.draft = draft
        self.event = None

    def do(self) -> ChangeSet:
        if self.event is None:
            self.event, changes = self.host.annotate.create_event(self.release_id, self.draft)
            return changes
        return self.host.annotate.restore_event(self.event)

    def undo_(self) -> ChangeSet:
        self.event, changes = self.host.annotate.delete_event(self.event.id)
        return changes


class UpdateEventCommand(ServiceCommand):
    def __init__(self, host: Host, release_id: int, event_id: int, draft: EventDraft,
                 seen_version: int | None = None) -> None:
        super().__init__(host, "Edit event", release_id)
        self.event_id, self.new, self.old = event_id, draft, None
        self.seen_version = seen_version

    def do(self) -> ChangeSet:
        # Only the first save checks what the reviewer saw; a redo follows this stack's undo.
        self.old, changes = self.host.annotate.update_event(
            self.event_id, self.new, None if self.done_once else self.seen_version)
        return changes

    def undo_(self) -> ChangeSet:
        return self.host.annotate.update_event(self.event_id, self.old)[1]


class DeleteEventCommand(ServiceCommand):
    def __init__(self, host: Host, release_id: int, event_id: int) -> None:
        super().__init__(host, "Delete event", release_id)
        self.event_id, self.event = event_id, None

    def do(self) -> ChangeSet:
        self.event, changes = self.host.annotate.delete_event(self.event_id)
        return changes

    def undo_(self) -> ChangeSet:
        return self.host.annotate.restore_event(self.event)


class LinkEventsCommand(ServiceCommand):
    def __init__(self, host: Host, release_id: int, event_ids: Sequence[int]) -> None:
        super().__init__(host, f"Link {len(event_ids)} events as one", release_id)
        self.event_ids, self.old = list(event_ids), None

    def do(self) -> ChangeSet:
        self.old, changes = self.host.annotate.link_events(self.event_ids)
        return changes

    def undo_(self) -> ChangeSet:
        return self.host.annotate.set_event_groups(self.old)


class UnlinkEventCommand(ServiceCommand):
    def __init__(self, host: Host, release_id: int, event_id: int) -> None:
        super().__init__(host, "Unlink event from its versions", release_id)
        self.event_id, self.old = event_id, None

    def do(self) -> ChangeSet:
        self.old, changes = self.host.annotate.unlink_event(self.event_id)
        return changes

    def undo_(self) -> ChangeSet:
        return self.host.annotate.set_event_groups(self.old)


class MergeEntitiesCommand(ServiceCommand):
    def __init__(self, host: Host, keep: int, gone: int, label: str,
                 seen_versions: dict[int, int] | None = None) -> None:
        super().__init__(host, f"Merge {label}", None)
        self.keep, self.gone, self.record = keep, gone, None
        self.seen_versions = seen_versions

    def do(self) -> ChangeSet:
        # Only the first merge checks what the reviewer saw; a redo follows this stack's undo.
        self.record, changes = self.host.entities.merge(
            self.keep, self.gone, None if self.done_once else self.seen_versions)
        return changes

    def undo_(self) -> ChangeSet:
        return self.host.entities.unmerge(self.record)


class MoveAliasCommand(ServiceCommand):
    def __init__(self, host: Host, alias_id: int, to_entity: int, label: str,
                 seen_entity: int | None = None) -> None:
        super().__init__(host, f"Move alias {label!r}", None)
        self.alias_id, self.to, self.origin = alias_id, to_entity, None
        self.seen_entity = seen_entity

    def do(self) -> ChangeSet:
        self.origin = self.host.entities.move_alias(
            self.alias_id, self.to, None if self.done_once else self.seen_entity)
        return ChangeSet(entities=True)

    def undo_(self) -> ChangeSet:
        self.host.entities.move_alias(self.alias_id, self.origin)
        return ChangeSet(entities=True)


class AddAliasCommand(ServiceCommand):
    def __init__(self, host: Host, entity_id: int, alias: str) -> None:
        super().__init__(host, f"Add alias {alias!r}", None)
        self.entity_id, self.alias, self.alias_id = entity_id, alias, None

    def do(self) -> ChangeSet:
        if self.alias_id is None:
            self.alias_id = self.host.entities.add_alias(self.entity_id, self.alias)
            if self.alias_id is None:
                raise ReleaseReviewError(f"The entity already has the alias {self.alias!r}.")
        else:
            self.host.entities.restore_alias(self.alias_id, self.entity_id, self.alias, None)
        return ChangeSet(entities=True)

    def undo_(self) -> ChangeSet:
        self.host.entities.remove_alias(self.alias_id)
        return ChangeSet(entities=True)


class RemoveAliasCommand(ServiceCommand):
    def __init__(self, host: Host, alias_id: int, label: str) -> None:
        super().__init__(host, f"Remove alias {label!r}", None)
        self.alias_id, self.saved = alias_id, None

    def do(self) -> ChangeSet:
        self.saved = self.host.entities.remove_alias(self.alias_id)
        return ChangeSet(entities=True)

    def undo_(self) -> ChangeSet:
        entity_id, alias, language = self.saved
        self.host.entities.restore_alias(self.alias_id, entity_id, alias, language)
        return ChangeSet(entities=True)


class RenameEntityCommand(ServiceCommand):
    def __init__(self, host: Host, entity_id: int, name: str) -> None:
        super().__init__(host, f"Rename entity to {name!r}", None)
        self.entity_id, self.name, self.old = entity_id, name, None

    def do(self) -> ChangeSet:
        self.old = self.host.entities.rename(self.entity_id, self.name)
        return ChangeSet(entities=True)

    def undo_(self) -> ChangeSet:
        self.host.entities.unrename(self.entity_id, *self.old)
        return ChangeSet(entities=True)
