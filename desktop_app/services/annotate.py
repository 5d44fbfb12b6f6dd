"""Tagging use cases: schema, spans, links to entities, suggestions and events.

Every mutation is one short write transaction (committed before the call returns), writes its
audit row in that same transaction, keeps `releases.tag_count` current, and returns the old
values its undo needs.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import desktop_app.storage.annotations as repo  # (the package binds "annotations" to __future__)

from ..domain.annotations import (
    AnnotationSchema,
    Event,
    EventDraft,
    Span,
    Suggestion,
    check_colour,
    check_date,
    check_span,
    trim_span,
)
from ..domain.changes import ChangeSet
from ..domain.errors import InvalidSpanError, ReleaseReviewError
from ..matching.aliases import AliasEntry, AliasIndex
from ..storage import Database
from ..storage import entities as entity_repo
from .entities import AliasCache
from .sessions import WorkLog


@dataclass(frozen=True, slots=True)
class SpanSnapshot:
    """A deleted span with the event roles that pointed at it, to restore it exactly."""

    span: Span
    participants: tuple[dict, ...]
    triggers: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class LinkChange:
    span_id: int
    old_entity: int | None
    new_entity: int | None
    taught_alias: int | None   # alias added from the mention's text, removed again on undo


def _changed(*release_ids: int) -> ChangeSet:
    ids = frozenset(release_ids)
    return ChangeSet(releases=ids, annotations=ids)


class AnnotateService:
    def __init__(self, db: Database, log: WorkLog, aliases: AliasCache) -> None:
        self.db = db
        self.log = log
        self.aliases = aliases
        self._schema: AnnotationSchema | None = None
        self._matches: dict[tuple, list] = {}

    # --- schema --------------------------------------------------------------------------

    def schema(self, reload: bool = False) -> AnnotationSchema:
        if self._schema is None or reload:
            with self.db.read() as s:
                self._schema = repo.load_schema(s)
        return self._schema

    def save_entity_type(self, type_id: int | None, name: str, colour: str,
                         shortcut: str | None, position: int = 0) -> int:
        name, shortcut = self._check_type(name, shortcut, type_id, events=False)
        with self.db.write() as s:
            tid = repo.save_entity_type(s, type_id, name, check_colour(colour), shortcut,
                                        position)
            self.log.audit(s, "schema.entity_type", "entity_type", tid, None,
                           {"name": name, "colour": colour, "shortcut": shortcut})
        self.schema(reload=True)
        return tid

    def save_event_type(self, type_id: int | None, name: str, colour: str,
                        shortcut: str | None, roles: Sequence[str], position: int = 0) -> int:
        name, shortcut = self._check_type(name, shortcut, type_id, events=True)
        clean_roles = list(dict.fromkeys(r.strip().lower() for r in roles if r.strip()))
        if not clean_roles:
            raise ReleaseReviewError(f"Event type {name} needs at least one role.")
        with self.db.write() as s:
            tid = repo.save_event_type(s, type_id, name, check_colour(colour), shortcut,
                                       position, clean_roles)
            self.log.audit(s, "schema.event_type", "event_type", tid, None,
                           {"name": name, "roles": clean_roles})
        self.schema(reload=True)
        return tid

    def delete_type(self, type_id: int, events: bool) -> None:
        with self.db.write() as s:
            used = (repo.event_type_in_use if events else repo.entity_type_in_use)(s, type_id)
            if used:
                raise ReleaseReviewError(
                    f"This type is used by {used} tags, entities or events; it cannot be removed.")
            (repo.delete_event_type if events else repo.delete_entity_type)(s, type_id)
            self.log.audit(s, "schema.delete", "event_type" if events else "entity_type",
                           type_id, None)
        self.schema(reload=True)

    def _check_type(self, name: str, shortcut: str | None, type_id: int | None,
                    events: bool) -> tuple[str, str | None]:
        name = " ".join((name or "").split()).upper()
        if not name:
            raise ReleaseReviewError("A type needs a name.")
        key = (shortcut or "").strip() or None
        if key is not None and (len(key) != 1 or not key.isprintable()):
            raise ReleaseReviewError("A shortcut is one character, like p or 1.")
        schema = self.schema(reload=True)
        for t in (*schema.entity_types, *schema.event_types):
            same_kind = (t in schema.event_types) == events
            if same_kind and t.id == type_id:
                continue
            if same_kind and t.name == name:
                raise ReleaseReviewError(f"There is already a type named {name}.")
            if key and t.shortcut and t.shortcut.lower() == key.lower():
                raise ReleaseReviewError(f"The key {key!r} already tags {t.name}.")
        return name, key.lower() if key else None

    # --- reading -------------------------------------------------------------------------

    def text_of(self, release_id: int) -> str:
        with self.db.read() as s:
            return repo.release_text(s, release_id)[0]

    def spans(self, release_id: int) -> list[Span]:
        with self.db.read() as s:
            return repo.spans_of(s, release_id)

    def span(self, span_id: int) -> Span:
        with self.db.read() as s:
            return repo.get_span(s, span_id)

    def events(self, release_id: int) -> list[Event]:
        with self.db.read() as s:
            return repo.events_of(s, release_id)

    def event(self, event_id: int) -> Event:
        with self.db.read() as s:
            return repo.get_event(s, event_id)

    def event_group(self, group: int) -> list[Event]:
        with self.db.read() as s:
            return repo.events_in_group(s, group)

    def candidate_events(self, event_id: int) -> list[tuple[Event, str, str | None]]:
        """Events of other releases that may tell the same happening (versions first)."""
        with self.db.read() as s:
            ev = repo.get_event(s, event_id)
            return repo.candidate_events(s, ev.release_id, ev.type_id, ev.date_iso)

    def group_sizes(self, groups: Iterable[int]) -> dict[int, int]:
        with self.db.read() as s:
            return repo.group_sizes(s, groups)

    # --- spans ---------------------------------------------------------------------------

    def create_span(self, release_id: int, start: int, end: int, type_id: int,
                    entity_id: int | None = None, covered: str | None = None,
                    trim: bool = True, span_id: int | None = None,
                    action: str = "span.create") -> tuple[Span, ChangeSet]:
        """Tag [start, end) of the release text; the covered text is checked and stored."""
        with self.db.write() as s:
            text, _lang = repo.release_text(s, release_id)
            if trim and covered is None:
                start, end = trim_span(text, start, end)
            actual = check_span(text, start, end, covered)
            if self.schema().entity_type(type_id) is None and self.schema(True).entity_type(
                    type_id) is None:
                raise InvalidSpanError(f"Entity type {type_id} does not exist.")
            span = repo.insert_span(s, release_id, start, end, actual, type_id, entity_id,
                                    self.log.actor, span_id=span_id)
            repo.refresh_tag_counts(s, [release_id])
            self.log.audit(s, action, "span", span.id, release_id,
                           {"start": start, "end": end, "text": actual, "type": type_id,
                            "entity": entity_id})
        return span, _changed(release_id)

    def delete_span(self, span_id: int) -> tuple[SpanSnapshot, ChangeSet]:
        with self.db.write() as s:
            span = repo.get_span(s, span_id)
            parts, triggers = repo.span_references(s, span_id)
            repo.delete_span_row(s, span_id)
            repo.refresh_tag_counts(s, [span.release_id])
            self.log.audit(s, "span.delete", "span", span_id, span.release_id,
                           {"start": span.start, "end": span.end, "text": span.text})
        return SpanSnapshot(span, tuple(parts), tuple(triggers)), _changed(span.release_id)

    def restore_span(self, snap: SpanSnapshot) -> ChangeSet:
        sp = snap.span
        self.create_span(sp.release_id, sp.start, sp.end, sp.type_id, sp.entity_id,
                         covered=sp.text, span_id=sp.id, action="span.restore")
        with self.db.write() as s:
            repo.restore_span_references(s, sp.id, list(snap.participants), list(snap.triggers))
        return _changed(sp.release_id)

    def set_span_type(self, span_id: int, type_id: int,
                      expected_version: int | None = None) -> tuple[int, ChangeSet]:
        """Change a tag's type; returns the old type id. With `expected_version` (the
        version the reviewer saw), a change made meanwhile by someone else raises
        ConflictError instead of being overwritten."""
        if self.schema().entity_type(type_id) is None:
            raise ReleaseReviewError(f"Entity type {type_id} does not exist.")
        with self.db.write() as s:
            old = repo.get_span(s, span_id)
            repo.update_span(s, span_id, expected_version, type_id=type_id)
            self.log.audit(s, "span.retype", "span", span_id, old.release_id,
                           {"old": old.type_id, "new": type_id})
        return old.type_id, _changed(old.release_id)

    def link_span(self, span_id: int, entity_id: int | None, teach: bool = True,
                  expected_version: int | None = None) -> tuple[LinkChange, ChangeSet]:
        """Link a tag to an entity (None unlinks). The mention's wording becomes an alias
        unless the entity's aliases already match it, so that it is found in other releases."""
        with self.db.write() as s:
            span = repo.get_span(s, span_id)
            taught = None
            if entity_id is not None:
                entity = entity_repo.get_entity(s, entity_id)
                if entity.merged_into is not None:
                    entity_id = entity.merged_into
                    entity = entity_repo.get_entity(s, entity_id)
                if teach and not _aliases_cover(entity.aliases, entity.type_id, span.text):
                    _t, lang = repo.release_text(s, span.release_id)
                    taught = entity_repo.add_alias(s, entity_id, span.text, lang)
            repo.update_span(s, span_id, expected_version, entity_id=entity_id)
            self.log.audit(s, "span.link", "span", span_id, span.release_id,
                           {"old": span.entity_id, "new": entity_id, "taught": taught})
        self.aliases.added([taught])
        return (LinkChange(span_id, span.entity_id, entity_id, taught),
                ChangeSet(releases=frozenset(), annotations=frozenset({span.release_id}),
                          entities=taught is not None))

    def unlink_change(self, change: LinkChange) -> ChangeSet:
        """Undo a link: the old entity back, the taught alias forgotten."""
        with self.db.write() as s:
            span = repo.get_span(s, change.span_id)
            repo.update_span(s, change.span_id, None, entity_id=change.old_entity)
            if change.taught_alias is not None:
                entity_repo.delete_alias(s, change.taught_alias)
            self.log.audit(s, "span.link", "span", change.span_id, span.release_id,
                           {"old": change.new_entity, "new": change.old_entity, "undo": True})
        if change.taught_alias is not None:
            self.aliases.invalidate()
        return ChangeSet(annotations=frozenset({span.release_id}), entities=True)

    # --- suggestions ---------------------------------------------------------------------

    def suggestions(self, release_id: int, text: str | None = None,
                    spans: Sequence[Span] | None = None) -> list[Suggestion]:
        """Known aliases found in the release, minus what is tagged or was rejected."""
        index = self.aliases.index()
        with self.db.read() as s:
            if text is None:
                text = repo.release_text(s, release_id)[0]
            if spans is None:
                spans = repo.spans_of(s, release_id)
            tagged = {(sp.start, sp.end) for sp in spans}
            rejected = repo.rejected_keys(s, release_id)
        key = (release_id, self.aliases.generation, hash(text))
        matches = self._matches.pop(key, None)
        if matches is None:
            matches = index.suggest(text)
        # Tagging changes what is filtered out, not what the aliases match: keep the matches
        # of the last few releases (a reviewer goes back and forth between versions).
        self._matches[key] = matches
        while len(self._matches) > 16:
            self._matches.pop(next(iter(self._matches)))
        out = []
        for m in matches:
            if (m.start, m.end) in tagged or (m.start, m.end, m.entity_id) in rejected:
                continue
            out.append(Suggestion(release_id, m.start, m.end, text[m.start:m.end], m.entity_id,
                                  m.type_id, m.alias, m.score))
        return out

    def accept_suggestions(self, release_id: int, items: Sequence[Suggestion],
                           ids: Sequence[int] | None = None) -> tuple[list[Span], ChangeSet]:
        """Tag and link every accepted suggestion in one transaction (`ids`: on redo)."""
        made: list[Span] = []
        wanted = list(ids) if ids is not None else None
        with self.db.write() as s:
            text, _lang = repo.release_text(s, release_id)
            existing = {(sp.start, sp.end) for sp in repo.spans_of(s, release_id)}
            for n, sug in enumerate(items):
                if (sug.start, sug.end) in existing and wanted is None:
                    continue
                actual = check_span(text, sug.start, sug.end, sug.text)
                span = repo.insert_span(s, release_id, sug.start, sug.end, actual, sug.type_id,
                                        sug.entity_id, self.log.actor,
                                        span_id=wanted[n] if wanted else None)
                existing.add((sug.start, sug.end))
                made.append(span)
                self.log.audit(s, "suggestion.accept", "span", span.id, release_id,
                               {"start": sug.start, "end": sug.end, "text": actual,
                                "entity": sug.entity_id, "alias": sug.alias})
            repo.refresh_tag_counts(s, [release_id])
        return made, _changed(release_id)

    def reject_suggestions(self, release_id: int, items: Sequence[Suggestion]) -> ChangeSet:
        with self.db.write() as s:
            repo.add_rejected(s, release_id, [sug.key for sug in items])
            for sug in items:
                self.log.audit(s, "suggestion.reject", "suggestion", sug.entity_id, release_id,
                               {"start": sug.start, "end": sug.end, "text": sug.text})
        return ChangeSet(annotations=frozenset({release_id}))

    def unreject_suggestions(self, release_id: int, items: Sequence[Suggestion]) -> ChangeSet:
        with self.db.write() as s:
            repo.remove_rejected(s, release_id, [sug.key for sug in items])
            self.log.audit(s, "suggestion.unreject", "release", release_id, release_id,
                           {"count": len(items)})
        return ChangeSet(annotations=frozenset({release_id}))

    def delete_spans(self, span_ids: Iterable[int]) -> tuple[list[SpanSnapshot], ChangeSet]:
        snaps, changes = [], ChangeSet()
        for sid in span_ids:
            snap, ch = self.delete_span(sid)
            snaps.append(snap)
            changes = changes | ch
        return snaps, changes

    # --- events --------------------------------------------------------------------------

    def _check_draft(self, release_id: int, draft: EventDraft) -> EventDraft:
        etype = self.schema().event_type(draft.type_id) or self.schema(True).event_type(
            draft.type_id)
        if etype is None:
            raise ReleaseReviewError(f"Event type {draft.type_id} does not exist.")
        try:
            date = check_date(draft.date_iso)
        except ValueError as exc:
            raise ReleaseReviewError(str(exc)) from exc
        parts = []
        for role, span_id, entity_id in draft.participants:
            if role not in etype.roles:
                raise ReleaseReviewError(f"{etype.name} has no role {role!r}.")
            if span_id is None and entity_id is None:
                continue
            parts.append((role, span_id, entity_id))
        location = " ".join((draft.location or "").split()) or None
        return EventDraft(draft.type_id, draft.trigger_span_id, date, location, tuple(parts))

    def _check_spans_belong(self, s, release_id: int, draft: EventDraft) -> None:  # noqa: ANN001
        ids = [sid for _r, sid, _e in draft.participants if sid]
        if draft.trigger_span_id:
            ids.append(draft.trigger_span_id)
        for sid in ids:
            if repo.get_span(s, sid).release_id != release_id:
                raise ReleaseReviewError("An event's tags must come from its own release.")

    def create_event(self, release_id: int, draft: EventDraft, event_id: int | None = None,
                     group: int | None = None) -> tuple[Event, ChangeSet]:
        draft = self._check_draft(release_id, draft)
        with self.db.write() as s:
            self._check_spans_belong(s, release_id, draft)
            eid = repo.insert_event(s, release_id, draft.type_id, draft.trigger_span_id,
                                    draft.date_iso, draft.location, group, self.log.actor,
                                    event_id=event_id)
            repo.set_participants(s, eid, draft.participants)
            self.log.audit(s, "event.create" if event_id is None else "event.restore", "event",
                           eid, release_id, {"type": draft.type_id, "date": draft.date_iso,
                                             "participants": len(draft.participants)})
            event = repo.get_event(s, eid)
        return event, ChangeSet(annotations=frozenset({release_id}))

    def update_event(self, event_id: int, draft: EventDraft,
                     expected_version: int | None = None) -> tuple[EventDraft, ChangeSet]:
        """Replace an event's fields and participants; returns the old draft.

        With `expected_version`, a colleague's edit made meanwhile raises ConflictError."""
        with self.db.write() as s:
            old = repo.get_event(s, event_id)
            draft = self._check_draft(old.release_id, draft)
            self._check_spans_belong(s, old.release_id, draft)
            repo.update_event(s, event_id, expected_version, type_id=draft.type_id,
                              trigger_span_id=draft.trigger_span_id, date_iso=draft.date_iso,
                              location=draft.location)
            repo.set_participants(s, event_id, draft.participants)
            self.log.audit(s, "event.update", "event", event_id, old.release_id,
                           {"type": draft.type_id, "date": draft.date_iso})
        return draft_of(old), ChangeSet(annotations=frozenset({old.release_id}))

    def delete_event(self, event_id: int) -> tuple[Event, ChangeSet]:
        with self.db.write() as s:
            old = repo.get_event(s, event_id)
            repo.delete_event_row(s, event_id)
            self.log.audit(s, "event.delete", "event", event_id, old.release_id)
        return old, ChangeSet(annotations=frozenset({old.release_id}))

    def restore_event(self, event: Event) -> ChangeSet:
        live = {sp.id for sp in self.spans(event.release_id)}
        draft = draft_of(event)
        draft = EventDraft(draft.type_id,
                           draft.trigger_span_id if draft.trigger_span_id in live else None,
                           draft.date_iso, draft.location,
                           tuple(p for p in draft.participants if p[1] is None or p[1] in live))
        return self.create_event(event.release_id, draft, event_id=event.id,
                                 group=event.event_group)[1]

    def link_events(self, event_ids: Sequence[int]) -> tuple[dict[int, int | None], ChangeSet]:
        """Mark events of several releases as one happening; returns the old groups."""
        if len(set(event_ids)) < 2:
            raise ReleaseReviewError("Choose at least two events to link.")
        with self.db.write() as s:
            events = [repo.get_event(s, e) for e in event_ids]
            groups = [e.event_group for e in events if e.event_group is not None]
            group = min(groups) if groups else repo.next_event_group(s)
            old = {e.id: e.event_group for e in events}
            # Events already in a joined group come along, so groups never split silently.
            for g in set(groups):
                for member in repo.events_in_group(s, g):
                    old.setdefault(member.id, member.event_group)
            repo.set_event_groups(s, {eid: group for eid in old})
            for e in events:
                self.log.audit(s, "event.link", "event", e.id, e.release_id, {"group": group})
            releases = frozenset(e.release_id for e in events)
        return old, ChangeSet(annotations=releases)

    def set_event_groups(self, groups: dict[int, int | None]) -> ChangeSet:
        with self.db.write() as s:
            repo.set_event_groups(s, groups)
            releases = frozenset(repo.get_event(s, e).release_id for e in groups)
            for e in groups:
                self.log.audit(s, "event.group", "event", e, None, {"group": groups[e]})
        return ChangeSet(annotations=releases)

    def unlink_event(self, event_id: int) -> tuple[dict[int, int | None], ChangeSet]:
        event = self.event(event_id)
        old = {event_id: event.event_group}
        return old, self.set_event_groups({event_id: None})


def draft_of(event: Event) -> EventDraft:
    return EventDraft(event.type_id, event.trigger_span_id, event.date_iso, event.location,
                      tuple((p.role, p.span_id, p.entity_id) for p in event.participants))


def _aliases_cover(aliases, type_id: int, text: str) -> bool:  # noqa: ANN001 - Alias tuple
    """Whether an alias in the mention's own script already finds this mention."""
    script = _script(text)
    same = [a for a in aliases if _script(a.alias) == script]
    index = AliasIndex(AliasEntry(a.id, a.entity_id, type_id, a.alias, a.key) for a in same)
    return any(m.start == 0 and m.end == len(text) for m in index.suggest(text))


def _script(text: str) -> str:
    """The script of the first letter (LATIN, CYRILLIC, ARABIC, ...)."""
    for ch in text:
        if ch.isalpha():
            return unicodedata.name(ch, "UNKNOWN").split(" ")[0]
    return ""
