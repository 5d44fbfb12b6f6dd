"""Writes of an import/merge of a native export, and the conflict records it leaves.

Conflicts are audit-log rows (action `merge.conflict`) holding both readings; resolving one adds
a `merge.resolved` row pointing at it, so the record of what disagreed is never lost. The merge
policy itself lives in services/merge.py; these are its reads and writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, or_, select, text, update
from sqlalchemy.orm import Session

from ..domain.export import (
    ConflictKind,
    ExportDocument,
    ExportEntity,
    ExportPair,
    ExportSpan,
    MergeConflict,
    Resolution,
    TypeDef,
)
from .duplicates import refresh_groups
from .releases import SourceCache
from .search import index_rows
from .tables import (
    AuditRow,
    DuplicatePairRow,
    EntityAliasRow,
    EntityRow,
    EntityTypeRow,
    EventParticipantRow,
    EventRoleRow,
    EventRow,
    EventTypeRow,
    RejectedSuggestionRow,
    ReleaseFileRow,
    ReleaseRowTable,
    SpanRow,
)

CONFLICT = "merge.conflict"
RESOLVED = "merge.resolved"
IMPORTED = "merge.import"


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(slots=True)
class LocalRelease:
    id: int
    review_status: str
    version_group: int | None


@dataclass(slots=True)
class LocalSpan:
    id: int
    start: int
    end: int
    type: str
    entity_id: int | None


@dataclass(slots=True)
class LocalEvent:
    id: int
    type: str
    trigger: tuple[int, int] | None
    date_iso: str | None
    location: str | None
    event_group: int | None
    participants: set[tuple[str, int | None, int | None]]


def is_empty(session: Session) -> bool:
    for table in (ReleaseRowTable, EntityRow, SpanRow, DuplicatePairRow):
        if session.scalar(select(func.count()).select_from(table)):
            return False
    return True


# --- schema ------------------------------------------------------------------------------

def type_ids(session: Session) -> tuple[dict[str, int], dict[str, int], set[tuple[int, str]]]:
    ents = dict(session.execute(select(EntityTypeRow.name, EntityTypeRow.id)).all())
    evs = dict(session.execute(select(EventTypeRow.name, EventTypeRow.id)).all())
    roles = set(session.execute(select(EventRoleRow.event_type_id, EventRoleRow.name)).all())
    return ents, evs, roles


def add_entity_type(session: Session, t: TypeDef) -> int:
    return session.scalar(EntityTypeRow.__table__.insert().returning(EntityTypeRow.id),
                          [{"name": t.name, "colour": t.colour, "shortcut": None,
                            "position": t.position}])


def add_event_type(session: Session, t: TypeDef) -> int:
    return session.scalar(EventTypeRow.__table__.insert().returning(EventTypeRow.id),
                          [{"name": t.name, "colour": t.colour, "shortcut": None,
                            "position": t.position}])


def add_role(session: Session, event_type_id: int, name: str) -> None:
    session.execute(EventRoleRow.__table__.insert(), [{"event_type_id": event_type_id,
                                                      "name": name}])


# --- entities ----------------------------------------------------------------------------

def find_entity(session: Session, type_id: int, name: str) -> int | None:
    return session.scalar(select(EntityRow.id).where(
        EntityRow.type_id == type_id, EntityRow.canonical_name == name).order_by(EntityRow.id))


def insert_entity(session: Session, e: ExportEntity, type_id: int, keep_id: bool) -> int:
    values = {"type_id": type_id, "canonical_name": e.canonical_name, "merged_into": None,
              "created_by": e.created_by, "created_at": e.created_at, "version": 1}
    if keep_id:
        values["id"] = e.id
    return session.scalar(EntityRow.__table__.insert().returning(EntityRow.id), [values])


def add_aliases(session: Session, entity_id: int, aliases, new: bool = False) -> None:
    """Aliases the entity lacks; `new`: the entity was just created and has none."""
    have = set() if new else set(session.scalars(select(EntityAliasRow.alias).where(
        EntityAliasRow.entity_id == entity_id)))
    rows = []
    for a in aliases:
        if a.alias not in have:
            have.add(a.alias)
            rows.append({"entity_id": entity_id, "alias": a.alias, "key": a.key,
                         "language": a.language})
    if rows:
        session.execute(EntityAliasRow.__table__.insert(), rows)


def set_merged_into(session: Session, entity_id: int, target: int) -> None:
    session.execute(update(EntityRow.__table__).where(
        EntityRow.id == entity_id, EntityRow.merged_into.is_(None)).values(merged_into=target))


# --- releases ----------------------------------------------------------------------------

def releases_by_hash(session: Session, hashes: list[str]) -> dict[str, LocalRelease]:
    if not hashes:
        return {}
    rows = session.execute(select(ReleaseRowTable.content_hash, ReleaseRowTable.id,
                                  ReleaseRowTable.review_status, ReleaseRowTable.version_group)
                           .where(ReleaseRowTable.content_hash.in_(hashes)))
    return {h: LocalRelease(i, st, vg) for h, i, st, vg in rows}


def insert_release(session: Session, d: ExportDocument, sources: SourceCache, keep_id: bool,
                   version_group: int | None) -> int:
    values = {
        "external_id": d.external_id, "source_path": d.source_path,
        "content_hash": d.content_hash, "title": d.title, "body": d.body,
        "language": d.language, "language_confidence": d.language_confidence,
        "date_iso": d.date_iso, "date_precision": d.date_precision, "dateline": d.dateline,
        "url": d.url, "source_id": sources.id_for(session, d.source), "import_run_id": None,
        "imported_at": d.imported_at, "review_status": d.review_status,
        "metadata_json": d.metadata, "match_keys": d.match_keys, "version_group": version_group,
        "tag_count": d.tag_count, "duplicate_count": d.duplicate_count, "version": 1,
    }
    if keep_id:
        values["id"] = d.id
    table = ReleaseRowTable.__table__
    new_id = session.scalar(table.insert().returning(table.c.id), [values])
    index_rows(session, [{"id": new_id, "title": d.title, "body": d.body}])
    return new_id


def add_files(session: Session, release_id: int, files) -> None:
    rows = []
    for f in files:
        known = session.scalar(select(ReleaseFileRow.id).where(
            ReleaseFileRow.source_path == f.source_path, ReleaseFileRow.file_hash == f.file_hash,
            ReleaseFileRow.external_id == f.external_id))
        if known is None:
            rows.append({"release_id": release_id, "source_path": f.source_path,
                         "file_hash": f.file_hash, "external_id": f.external_id,
                         "import_run_id": None})
    if rows:
        session.execute(ReleaseFileRow.__table__.insert(), rows)


def set_review_status(session: Session, release_id: int, status: str) -> None:
    session.execute(update(ReleaseRowTable.__table__).where(ReleaseRowTable.id == release_id)
                    .values(review_status=status, version=ReleaseRowTable.version + 1))


def refresh_derived(session: Session, release_ids: set[int]) -> None:
    """Recount what the app derives from annotations and pairs, by the app's own rules:
    `tag_count` is the number of spans; version groups and `duplicate_count` come from the
    duplicate pairs (storage.duplicates)."""
    ids = sorted(release_ids)
    t = ReleaseRowTable.__table__
    for lo in range(0, len(ids), 500):
        part = ids[lo:lo + 500]
        counts = dict.fromkeys(part, 0)
        for rid, n in session.execute(select(SpanRow.release_id, func.count())
                                      .where(SpanRow.release_id.in_(part))
                                      .group_by(SpanRow.release_id)):
            counts[rid] = n
        current = {rid: n for rid, n in session.execute(
            select(t.c.id, t.c.tag_count).where(t.c.id.in_(part)))}
        for rid, n in counts.items():
            if rid in current and current[rid] != n:
                # Derived, not a reviewer's edit: the optimistic-lock version stays.
                session.execute(update(t).where(t.c.id == rid).values(tag_count=n))
    refresh_groups(session, ids)


def _group_column(which: str):
    return ReleaseRowTable.version_group if which == "version" else EventRow.event_group


def next_group(session: Session, which: str) -> int:
    """A new version group ("version") or event group ("event") number."""
    return (session.scalar(select(func.max(_group_column(which)))) or 0) + 1


def group_used(session: Session, which: str, group: int) -> bool:
    column = _group_column(which)
    return session.scalar(select(func.count()).where(column == group)) > 0


def set_version_group(session: Session, release_ids: list[int], group: int | None) -> None:
    t = ReleaseRowTable.__table__
    session.execute(update(t).where(t.c.id.in_(release_ids)).values(version_group=group))


# --- spans and events --------------------------------------------------------------------

def event_group_of(session: Session, event_id: int) -> int | None:
    return session.scalar(select(EventRow.event_group).where(EventRow.id == event_id))


def entity_name(session: Session, entity_id: int) -> str | None:
    return session.scalar(select(EntityRow.canonical_name).where(EntityRow.id == entity_id))


def local_spans(session: Session, release_id: int) -> list[LocalSpan]:
    return local_spans_of(session, [release_id]).get(release_id, [])


def local_spans_of(session: Session, release_ids: list[int]) -> dict[int, list[LocalSpan]]:
    out: dict[int, list[LocalSpan]] = {}
    if not release_ids:
        return out
    rows = session.execute(
        select(SpanRow.release_id, SpanRow.id, SpanRow.start, SpanRow.end, EntityTypeRow.name,
               SpanRow.entity_id)
        .join(EntityTypeRow, EntityTypeRow.id == SpanRow.type_id)
        .where(SpanRow.release_id.in_(release_ids)).order_by(SpanRow.id))
    for r in rows:
        out.setdefault(r[0], []).append(LocalSpan(*r[1:]))
    return out


def insert_span(session: Session, release_id: int, s: ExportSpan, type_id: int,
                entity_id: int | None, keep_id: bool) -> int:
    values = {"release_id": release_id, "start": s.start, "end": s.end, "text": s.text,
              "type_id": type_id, "entity_id": entity_id, "created_by": s.created_by,
              "created_at": s.created_at, "version": 1}
    if keep_id:
        values["id"] = s.id
    return session.scalar(SpanRow.__table__.insert().returning(SpanRow.id), [values])


def insert_spans(session: Session, release_id: int,
                 items: list[tuple[ExportSpan, int, int | None]], keep_ids: bool) -> list[int]:
    """Insert (span, type id, entity id) triples in one statement; their new ids, in order."""
    if not items:
        return []
    rows = [{"release_id": release_id, "start": s.start, "end": s.end, "text": s.text,
             "type_id": type_id, "entity_id": entity_id, "created_by": s.created_by,
             "created_at": s.created_at, "version": 1} for s, type_id, entity_id in items]
    table = SpanRow.__table__
    if keep_ids:
        for row, (s, _, _) in zip(rows, items, strict=True):
            row["id"] = s.id
        session.execute(table.insert(), rows)
        return [s.id for s, _, _ in items]
    stmt = table.insert().returning(table.c.id, sort_by_parameter_order=True)
    return list(session.scalars(stmt, rows))


def set_span(session: Session, span_id: int, **values) -> None:
    t = SpanRow.__table__
    session.execute(update(t).where(t.c.id == span_id).values(version=t.c.version + 1, **values))


def local_events_of(session: Session, release_ids: list[int]) -> dict[int, list[LocalEvent]]:
    out: dict[int, list[LocalEvent]] = {}
    if not release_ids:
        return out
    trig = SpanRow.__table__.alias("trig")
    rows = session.execute(
        select(EventRow.release_id, EventRow.id, EventTypeRow.name, trig.c.start, trig.c.end,
               EventRow.date_iso, EventRow.location, EventRow.event_group)
        .join(EventTypeRow, EventTypeRow.id == EventRow.type_id)
        .outerjoin(trig, trig.c.id == EventRow.trigger_span_id)
        .where(EventRow.release_id.in_(release_ids)).order_by(EventRow.id)).all()
    parts: dict[int, set] = {}
    P = EventParticipantRow
    for event_id, role, span_id, entity_id in session.execute(
            select(P.event_id, P.role, P.span_id, P.entity_id).join(
                EventRow, EventRow.id == P.event_id).where(EventRow.release_id.in_(release_ids))):
        parts.setdefault(event_id, set()).add((role, span_id, entity_id))
    for r in rows:
        out.setdefault(r[0], []).append(LocalEvent(
            r[1], r[2], (r[3], r[4]) if r[3] is not None else None, r[5], r[6], r[7],
            parts.get(r[1], set())))
    return out


def insert_event(session: Session, release_id: int, values: dict, keep_id: int | None) -> int:
    row = {"release_id": release_id, "version": 1, **values}
    if keep_id is not None:
        row["id"] = keep_id
    return session.scalar(EventRow.__table__.insert().returning(EventRow.id), [row])


def add_participants(session: Session, event_id: int, parts: list[tuple[str, int | None,
                                                                          int | None]]) -> None:
    if parts:
        session.execute(EventParticipantRow.__table__.insert(), [
            {"event_id": event_id, "role": r, "span_id": s, "entity_id": e} for r, s, e in parts])


def set_event(session: Session, event_id: int, **values) -> None:
    t = EventRow.__table__
    session.execute(update(t).where(t.c.id == event_id).values(version=t.c.version + 1, **values))


def add_rejected(session: Session, release_id: int, items: list[tuple[int, int, int]]) -> None:
    t = RejectedSuggestionRow
    for start, end, entity_id in items:
        known = session.scalar(select(t.id).where(t.release_id == release_id, t.start == start,
                                                  t.end == end, t.entity_id == entity_id))
        if known is None:
            session.execute(t.__table__.insert(), [{"release_id": release_id, "start": start,
                                                    "end": end, "entity_id": entity_id}])


# --- pairs -------------------------------------------------------------------------------

def find_pair(session: Session, a: int, b: int) -> tuple[int, str, str | None] | None:
    D = DuplicatePairRow
    row = session.execute(select(D.id, D.status, D.decided_by).where(or_(
        (D.release_a == a) & (D.release_b == b), (D.release_a == b) & (D.release_b == a)))).first()
    return tuple(row) if row else None


def insert_pair(session: Session, p: ExportPair, a: int, b: int, keep_id: bool) -> int:
    values = {"release_a": a, "release_b": b, "kind": p.kind, "score": p.score,
              "evidence": p.evidence, "status": p.status, "decided_by": p.decided_by,
              "decided_at": p.decided_at, "found_at": p.found_at, "version": 1}
    if keep_id:
        values["id"] = p.id
    return session.scalar(DuplicatePairRow.__table__.insert().returning(DuplicatePairRow.id),
                          [values])


def set_pair_decision(session: Session, pair_id: int, status: str, decided_by: str | None,
                      decided_at: datetime | None) -> None:
    t = DuplicatePairRow.__table__
    session.execute(update(t).where(t.c.id == pair_id).values(
        status=status, decided_by=decided_by, decided_at=decided_at, version=t.c.version + 1))


def sync_sequences(session: Session) -> None:
    """After rows were inserted with explicit ids, move PostgreSQL sequences past them."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in ("releases", "entities", "spans", "events", "duplicate_pairs"):
        session.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608
            f"(SELECT coalesce(max(id), 1) FROM {table}))"))


# --- conflict records --------------------------------------------------------------------

def add_conflict(session: Session, kind: ConflictKind, release_id: int | None,
                 target_id: int | None, local: dict, incoming: dict, reviewer: str | None,
                 origin: str, actor: str | None) -> int | None:
    """A new conflict record; None when the same disagreement was recorded before."""
    A = AuditRow
    for detail in session.scalars(select(A.detail).where(
            A.action == CONFLICT, A.target_kind == kind.value, A.target_id == target_id,
            A.release_id == release_id)):
        if (detail or {}).get("incoming") == incoming:
            return None
    return session.scalar(AuditRow.__table__.insert().returning(AuditRow.id), [{
        "at": now(), "actor": actor, "action": CONFLICT, "target_kind": kind.value,
        "target_id": target_id, "release_id": release_id,
        "detail": {"local": local, "incoming": incoming, "reviewer": reviewer,
                   "origin": origin}, "session_id": None}])


def record_import(session: Session, actor: str | None, detail: dict) -> None:
    session.execute(AuditRow.__table__.insert(), [{
        "at": now(), "actor": actor, "action": IMPORTED, "target_kind": "file",
        "target_id": None, "release_id": None, "detail": detail, "session_id": None}])


def conflicts(session: Session, open_only: bool = True, release_id: int | None = None,
              conflict_id: int | None = None) -> list[MergeConflict]:
    A = AuditRow
    resolved = dict(session.execute(select(A.target_id, A.target_kind).where(
        A.action == RESOLVED)).all())
    stmt = select(A).where(A.action == CONFLICT).order_by(A.id)
    if release_id is not None:
        stmt = stmt.where(A.release_id == release_id)
    if conflict_id is not None:
        stmt = stmt.where(A.id == conflict_id)
    out = []
    for r in session.scalars(stmt):
        if open_only and r.id in resolved:
            continue
        detail = dict(r.detail or {})
        choice = resolved.get(r.id)
        out.append(MergeConflict(
            id=r.id, kind=ConflictKind(r.target_kind), release_id=r.release_id,
            target_id=r.target_id, local=dict(detail.get("local", {})),
            incoming=dict(detail.get("incoming", {})), reviewer=detail.get("reviewer"),
            origin=detail.get("origin", ""), found_at=r.at,
            resolution=Resolution(choice) if choice else None))
    return out


def mark_resolved(session: Session, conflict_id: int, release_id: int | None,
                  resolution: Resolution, actor: str | None) -> None:
    # target_kind carries the choice so listing needs no JSON functions.
    session.execute(AuditRow.__table__.insert(), [{
        "at": now(), "actor": actor, "action": RESOLVED, "target_kind": resolution.value,
        "target_id": conflict_id, "release_id": release_id, "detail": {}, "session_id": None}])


# --- bulk loading (benchmarks, large restores) -------------------------------------------

_BULK = {t.__tablename__: t.__table__ for t in (
    ReleaseRowTable, EntityRow, EntityAliasRow, SpanRow, EventRow, EventParticipantRow,
    DuplicatePairRow)}


def bulk_insert(session: Session, table: str, rows: list[dict]) -> None:
    """One executemany of complete rows (ids included) into an annotation table."""
    if table not in _BULK:
        raise ValueError(f"bulk_insert does not load {table!r}")
    if rows:
        session.execute(_BULK[table].insert(), rows)


def type_names(session: Session) -> tuple[dict[str, int], dict[str, int]]:
    ents, evs, _ = type_ids(session)
    return ents, evs
