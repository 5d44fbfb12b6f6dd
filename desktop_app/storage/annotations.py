"""Annotation repository: schema types, spans, rejected suggestions, events and participants."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from ..domain.annotations import (
    AnnotationSchema,
    EntityType,
    Event,
    EventType,
    Participant,
    Span,
)
from ..domain.errors import NotFoundError
from .locking import lock_rows, update_checked
from .tables import (
    EntityRow,
    EntityTypeRow,
    EventParticipantRow,
    EventRoleRow,
    EventRow,
    EventTypeRow,
    RejectedSuggestionRow,
    ReleaseRowTable,
    SpanRow,
)


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


# --- schema ------------------------------------------------------------------------------

def load_schema(session: Session) -> AnnotationSchema:
    ents = tuple(EntityType(r.id, r.name, r.colour, r.shortcut, r.position) for r in
                 session.scalars(select(EntityTypeRow).order_by(EntityTypeRow.position,
                                                                EntityTypeRow.id)))
    roles: dict[int, list[str]] = {}
    for type_id, name in session.execute(select(EventRoleRow.event_type_id, EventRoleRow.name)
                                         .order_by(EventRoleRow.id)):
        roles.setdefault(type_id, []).append(name)
    evs = tuple(EventType(r.id, r.name, r.colour, r.shortcut, r.position,
                          tuple(roles.get(r.id, ())))
                for r in session.scalars(select(EventTypeRow).order_by(EventTypeRow.position,
                                                                      EventTypeRow.id)))
    return AnnotationSchema(ents, evs)


def _save_type(session: Session, table: type, label: str, type_id: int | None, name: str,
               colour: str, shortcut: str | None, position: int):  # noqa: ANN202 - ORM row
    """Create (type_id None) or update an entity or event type row."""
    row = session.get(table, type_id) if type_id else None
    if type_id and row is None:
        raise NotFoundError(f"{label} {type_id} does not exist.")
    if row is None:
        row = table(name=name, colour=colour, shortcut=shortcut, position=position)
        session.add(row)
    else:
        row.name, row.colour, row.shortcut, row.position = name, colour, shortcut, position
    session.flush()
    return row


def save_entity_type(session: Session, type_id: int | None, name: str, colour: str,
                     shortcut: str | None, position: int) -> int:
    return _save_type(session, EntityTypeRow, "Entity type", type_id, name, colour, shortcut,
                      position).id


def save_event_type(session: Session, type_id: int | None, name: str, colour: str,
                    shortcut: str | None, position: int, roles: Sequence[str]) -> int:
    row = _save_type(session, EventTypeRow, "Event type", type_id, name, colour, shortcut,
                     position)
    existing = {r.name: r for r in session.scalars(
        select(EventRoleRow).where(EventRoleRow.event_type_id == row.id))}
    for name_ in roles:
        if name_ not in existing:
            session.add(EventRoleRow(event_type_id=row.id, name=name_))
    for name_, r in existing.items():
        if name_ not in roles:
            session.delete(r)
    session.flush()
    return row.id


def entity_type_in_use(session: Session, type_id: int) -> int:
    spans = session.scalar(select(func.count()).where(SpanRow.type_id == type_id)) or 0
    ents = session.scalar(select(func.count()).where(EntityRow.type_id == type_id)) or 0
    return spans + ents


def event_type_in_use(session: Session, type_id: int) -> int:
    return session.scalar(select(func.count()).where(EventRow.type_id == type_id)) or 0


def delete_entity_type(session: Session, type_id: int) -> None:
    session.execute(delete(EntityTypeRow).where(EntityTypeRow.id == type_id))


def delete_event_type(session: Session, type_id: int) -> None:
    session.execute(delete(EventTypeRow).where(EventTypeRow.id == type_id))


# --- releases ----------------------------------------------------------------------------

def release_text(session: Session, release_id: int) -> tuple[str, str | None]:
    """(text spans point into, language) of a release."""
    row = session.execute(select(ReleaseRowTable.title, ReleaseRowTable.body,
                                 ReleaseRowTable.language)
                          .where(ReleaseRowTable.id == release_id)).first()
    if row is None:
        raise NotFoundError(f"Release {release_id} does not exist.")
    title, body, language = row
    return (f"{title}\n\n{body}" if title else body), language


def refresh_tag_counts(session: Session, release_ids: Iterable[int]) -> None:
    # Not a user edit of the release: its optimistic-lock version is left alone.
    # The row lock makes a concurrent tagger wait, then count our committed spans too
    # (on PostgreSQL two writers would otherwise each store their own partial count).
    lock_rows(session, ReleaseRowTable, release_ids)
    for rid in set(release_ids):
        n = session.scalar(select(func.count()).where(SpanRow.release_id == rid)) or 0
        session.execute(update(ReleaseRowTable).where(ReleaseRowTable.id == rid)
                        .values(tag_count=n).execution_options(synchronize_session=False))


# --- spans -------------------------------------------------------------------------------

def to_span(r: SpanRow) -> Span:
    return Span(r.id, r.release_id, r.start, r.end, r.text, r.type_id, r.entity_id,
                r.created_by, r.created_at, r.version)


def insert_span(session: Session, release_id: int, start: int, end: int, text: str,
                type_id: int, entity_id: int | None, actor: str | None,
                span_id: int | None = None) -> Span:
    row = SpanRow(release_id=release_id, start=start, end=end, text=text, type_id=type_id,
                  entity_id=entity_id, created_by=actor, created_at=now())
    if span_id is not None:
        row.id = span_id
    session.add(row)
    session.flush()
    return to_span(row)


def get_span(session: Session, span_id: int) -> Span:
    row = session.get(SpanRow, span_id)
    if row is None:
        raise NotFoundError(f"Tag {span_id} no longer exists (it may have been deleted).")
    return to_span(row)


def spans_of(session: Session, release_id: int) -> list[Span]:
    rows = session.execute(select(SpanRow.id, SpanRow.release_id, SpanRow.start, SpanRow.end,
                                  SpanRow.text, SpanRow.type_id, SpanRow.entity_id,
                                  SpanRow.created_by, SpanRow.created_at, SpanRow.version)
                           .where(SpanRow.release_id == release_id)
                           .order_by(SpanRow.start, SpanRow.end.desc(), SpanRow.id))
    return [Span(*r) for r in rows]


def update_span(session: Session, span_id: int, expected_version: int | None, **values) -> Span:
    row = update_checked(session, SpanRow, span_id, expected_version, values,
                         f"Tag {span_id} no longer exists (it may have been deleted).")
    session.flush()
    return to_span(row)


def span_references(session: Session, span_id: int) -> tuple[list[dict], list[int]]:
    """Participants pointing at a span (as rows to restore) and events it triggers."""
    parts = [{"id": p.id, "event_id": p.event_id, "role": p.role, "span_id": p.span_id,
              "entity_id": p.entity_id}
             for p in session.scalars(select(EventParticipantRow)
                                      .where(EventParticipantRow.span_id == span_id))]
    triggers = list(session.scalars(select(EventRow.id).where(EventRow.trigger_span_id == span_id)))
    return parts, triggers


def delete_span_row(session: Session, span_id: int) -> None:
    session.execute(delete(SpanRow).where(SpanRow.id == span_id))


def restore_span_references(session: Session, span_id: int, parts: list[dict],
                            triggers: list[int]) -> None:
    live = set(session.scalars(select(EventRow.id).where(
        EventRow.id.in_([p["event_id"] for p in parts] + list(triggers)))))
    rows = [p for p in parts if p["event_id"] in live]
    if rows:
        session.execute(EventParticipantRow.__table__.insert(), rows)
    if triggers:
        session.execute(update(EventRow).where(EventRow.id.in_([t for t in triggers if t in live]))
                        .values(trigger_span_id=span_id)
                        .execution_options(synchronize_session=False))


# --- rejected suggestions ----------------------------------------------------------------

def rejected_keys(session: Session, release_id: int) -> set[tuple[int, int, int]]:
    return {(s, e, ent) for s, e, ent in session.execute(
        select(RejectedSuggestionRow.start, RejectedSuggestionRow.end,
               RejectedSuggestionRow.entity_id)
        .where(RejectedSuggestionRow.release_id == release_id))}


def add_rejected(session: Session, release_id: int, keys: Iterable[tuple[int, int, int]]) -> None:
    known = rejected_keys(session, release_id)
    rows = [{"release_id": release_id, "start": s, "end": e, "entity_id": ent}
            for s, e, ent in set(keys) if (s, e, ent) not in known]
    if rows:
        session.execute(RejectedSuggestionRow.__table__.insert(), rows)


def remove_rejected(session: Session, release_id: int,
                    keys: Iterable[tuple[int, int, int]]) -> None:
    for s, e, ent in keys:
        session.execute(delete(RejectedSuggestionRow).where(
            RejectedSuggestionRow.release_id == release_id, RejectedSuggestionRow.start == s,
            RejectedSuggestionRow.end == e, RejectedSuggestionRow.entity_id == ent))


# --- events ------------------------------------------------------------------------------

def _labels(session: Session, parts: list[EventParticipantRow]) -> dict[tuple, str]:
    span_ids = [p.span_id for p in parts if p.span_id]
    ent_ids = [p.entity_id for p in parts if p.entity_id]
    out: dict[tuple, str] = {}
    if span_ids:
        out.update({("s", i): t for i, t in session.execute(
            select(SpanRow.id, SpanRow.text).where(SpanRow.id.in_(span_ids)))})
    if ent_ids:
        out.update({("e", i): t for i, t in session.execute(
            select(EntityRow.id, EntityRow.canonical_name).where(EntityRow.id.in_(ent_ids)))})
    return out


def _to_events(session: Session, rows: list[EventRow]) -> list[Event]:
    ids = [r.id for r in rows]
    parts = list(session.scalars(select(EventParticipantRow)
                                 .where(EventParticipantRow.event_id.in_(ids))
                                 .order_by(EventParticipantRow.id))) if ids else []
    labels = _labels(session, parts)
    by_event: dict[int, list[Participant]] = {}
    for p in parts:
        label = labels.get(("s", p.span_id)) if p.span_id else labels.get(("e", p.entity_id))
        by_event.setdefault(p.event_id, []).append(
            Participant(p.id, p.event_id, p.role, p.span_id, p.entity_id, label or ""))
    return [Event(r.id, r.release_id, r.type_id, r.trigger_span_id, r.date_iso, r.location,
                  r.event_group, tuple(by_event.get(r.id, ())), r.created_by, r.version)
            for r in rows]


def events_of(session: Session, release_id: int) -> list[Event]:
    rows = list(session.scalars(select(EventRow).where(EventRow.release_id == release_id)
                                .order_by(EventRow.id)))
    return _to_events(session, rows)


def get_event(session: Session, event_id: int) -> Event:
    row = session.get(EventRow, event_id)
    if row is None:
        raise NotFoundError(f"Event {event_id} no longer exists.")
    return _to_events(session, [row])[0]


def events_in_group(session: Session, group: int) -> list[Event]:
    rows = list(session.scalars(select(EventRow).where(EventRow.event_group == group)
                                .order_by(EventRow.release_id, EventRow.id)))
    return _to_events(session, rows)


def insert_event(session: Session, release_id: int, type_id: int, trigger_span_id: int | None,
                 date_iso: str | None, location: str | None, event_group: int | None,
                 actor: str | None, event_id: int | None = None) -> int:
    row = EventRow(release_id=release_id, type_id=type_id, trigger_span_id=trigger_span_id,
                   date_iso=date_iso, location=location, event_group=event_group,
                   created_by=actor, created_at=now())
    if event_id is not None:
        row.id = event_id
    session.add(row)
    session.flush()
    return row.id


def update_event(session: Session, event_id: int, expected_version: int | None = None,
                 **values) -> None:
    row = update_checked(session, EventRow, event_id, expected_version, values,
                         f"Event {event_id} no longer exists.")
    # Participants live in their own table: mark the row changed so every edit bumps the
    # event's version, and a colleague's save over it is caught.
    flag_modified(row, "location")
    session.flush()


def set_participants(session: Session, event_id: int,
                     parts: Sequence[tuple[str, int | None, int | None]]) -> None:
    session.execute(delete(EventParticipantRow).where(EventParticipantRow.event_id == event_id))
    rows = [{"event_id": event_id, "role": role, "span_id": sid, "entity_id": eid}
            for role, sid, eid in parts if sid or eid]
    if rows:
        session.execute(EventParticipantRow.__table__.insert(), rows)


def delete_event_row(session: Session, event_id: int) -> None:
    session.execute(delete(EventRow).where(EventRow.id == event_id))


def next_event_group(session: Session) -> int:
    return (session.scalar(select(func.max(EventRow.event_group))) or 0) + 1


def set_event_groups(session: Session, groups: dict[int, int | None]) -> None:
    for event_id, group in groups.items():
        session.execute(update(EventRow).where(EventRow.id == event_id)
                        .values(event_group=group, version=EventRow.version + 1)
                        .execution_options(synchronize_session=False))


def candidate_events(session: Session, release_id: int, type_id: int, date_iso: str | None,
                     limit: int = 100) -> list[tuple[Event, str, str | None]]:
    """Events that may be the same happening told in another release: those in the release's
    language versions, then those of the same type on the same date. With release title and
    language."""
    group = session.scalar(select(ReleaseRowTable.version_group)
                           .where(ReleaseRowTable.id == release_id))
    conds = []
    if group is not None:
        versions = select(ReleaseRowTable.id).where(ReleaseRowTable.version_group == group)
        conds.append(EventRow.release_id.in_(versions))
    if date_iso:
        conds.append((EventRow.type_id == type_id) & (EventRow.date_iso == date_iso))
    if not conds:
        return []
    cond = conds[0] if len(conds) == 1 else (conds[0] | conds[1])
    rows = list(session.scalars(select(EventRow).where(cond, EventRow.release_id != release_id)
                                .order_by(EventRow.release_id, EventRow.id).limit(limit)))
    events = _to_events(session, rows)
    info = {i: (t, lang) for i, t, lang in session.execute(
        select(ReleaseRowTable.id, ReleaseRowTable.title, ReleaseRowTable.language)
        .where(ReleaseRowTable.id.in_({e.release_id for e in events})))}
    return [(e, *info.get(e.release_id, ("", None))) for e in events]


def group_sizes(session: Session, groups: Iterable[int]) -> dict[int, int]:
    wanted = [g for g in set(groups) if g is not None]
    if not wanted:
        return {}
    return dict(session.execute(select(EventRow.event_group, func.count())
                                .where(EventRow.event_group.in_(wanted))
                                .group_by(EventRow.event_group)).all())
