"""Streaming reads for export: releases with spans, events, files; entities; duplicate pairs.

Every iterator pages by primary key (keyset pagination), so memory stays flat however large the
set, and runs inside the caller's read session, so one export sees one consistent snapshot.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime

from sqlalchemy import ColumnElement, and_, bindparam, exists, func, select, true
from sqlalchemy.orm import Session, aliased

from ..domain.export import (
    ExportAlias,
    ExportDocument,
    ExportEntity,
    ExportEvent,
    ExportFile,
    ExportFilter,
    ExportPair,
    ExportParticipant,
    ExportSchema,
    ExportSpan,
    RejectedSuggestion,
    TypeDef,
)
from .tables import (
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
    SourceRow,
    SpanRow,
)

R = ReleaseRowTable.__table__.c
S = SpanRow.__table__.c
ET = EntityTypeRow.__table__.c
E = EntityRow.__table__.c
EV = EventRow.__table__.c
EVT = EventTypeRow.__table__.c
P = EventParticipantRow.__table__.c
D = DuplicatePairRow.__table__.c

BATCH_RELEASES = 1000
BATCH_ROWS = 5000


def read_schema(session: Session) -> ExportSchema:
    roles: dict[int, list[str]] = defaultdict(list)
    for type_id, name in session.execute(select(EventRoleRow.event_type_id, EventRoleRow.name)
                                         .order_by(EventRoleRow.id)):
        roles[type_id].append(name)
    ents = tuple(TypeDef(r.name, r.colour, r.shortcut, r.position)
                 for r in session.scalars(select(EntityTypeRow).order_by(
                     EntityTypeRow.position, EntityTypeRow.id)))
    evs = tuple(TypeDef(r.name, r.colour, r.shortcut, r.position, tuple(roles[r.id]))
                for r in session.scalars(select(EventTypeRow).order_by(
                    EventTypeRow.position, EventTypeRow.id)))
    return ExportSchema(entity_types=ents, event_types=evs)


def filter_condition(flt: ExportFilter) -> ColumnElement[bool]:
    """A WHERE condition on `releases` selecting the releases `flt` keeps."""
    conds: list[ColumnElement[bool]] = []
    if flt.statuses:
        conds.append(R.review_status.in_([s.value for s in flt.statuses]))
    if flt.languages:
        conds.append(R.language.in_(list(flt.languages)))
    if flt.sources:
        conds.append(R.source_id.in_(select(SourceRow.id).where(
            SourceRow.name.in_(list(flt.sources)))))
    if flt.date_from:
        conds.append(R.date_iso >= flt.date_from)
    if flt.date_to:
        # An inclusive upper bound given as a prefix (2023-03) takes the whole month.
        conds.append(R.date_iso <= flt.date_to + "\uffff")
    if flt.tags:
        names = list(flt.tags)
        span_tag = exists(select(S.id).join(EntityTypeRow, ET.id == S.type_id).where(
            S.release_id == R.id, ET.name.in_(names)))
        event_tag = exists(select(EV.id).join(EventTypeRow, EVT.id == EV.type_id).where(
            EV.release_id == R.id, EVT.name.in_(names)))
        conds.append(span_tag | event_tag)
    if flt.entity_ids:
        conds.append(exists(select(S.id).where(S.release_id == R.id,
                                               S.entity_id.in_(list(flt.entity_ids)))))
    if flt.version_groups:
        conds.append(R.version_group.in_(list(flt.version_groups)))
    if flt.in_version_group:
        conds.append(R.version_group.is_not(None))
    return and_(true(), *conds)


def count_releases(session: Session, flt: ExportFilter) -> int:
    stmt = select(func.count()).select_from(ReleaseRowTable).where(filter_condition(flt))
    return session.connection().execute(stmt).scalar_one()


def count_pairs(session: Session, flt: ExportFilter) -> int:
    stmt = select(func.count()).select_from(DuplicatePairRow).where(_pair_condition(flt))
    return session.connection().execute(stmt).scalar_one()


def entity_ids_for(session: Session, refs: list[str]) -> list[int]:
    """Entity ids named by id, canonical name or alias (as typed on a command line)."""
    ids: set[int] = set()
    for ref in refs:
        if ref.isdigit():
            ids.add(int(ref))
            continue
        ids.update(session.scalars(select(EntityRow.id).where(EntityRow.canonical_name == ref)))
        ids.update(session.scalars(select(EntityAliasRow.entity_id).where(
            EntityAliasRow.alias == ref)))
    return sorted(ids)


# --- releases ----------------------------------------------------------------------------

_RELEASE_COLS = (R.id, R.content_hash, R.external_id, R.source_path, R.title, R.body, R.language,
                 R.language_confidence, R.date_iso, R.date_precision, R.dateline, R.url,
                 R.source_id, R.imported_at, R.review_status, R.metadata_json, R.match_keys,
                 R.version_group, R.tag_count, R.duplicate_count)


class _Prepared:
    """A statement compiled once and run many times straight on the driver's cursor.

    The hot loops of an export run the same few queries thousands of times; compiling them
    once and skipping per-row result processing is what keeps a million spans quick. Values
    come back as the driver gives them (SQLite: text for times and JSON), so callers convert
    with `_dt` and `_json`, which accept both conventions.
    """

    def __init__(self, session: Session, stmt) -> None:
        conn = session.connection()
        self.compiled = stmt.compile(dialect=conn.dialect,
                                     compile_kwargs={"render_postcompile": True})
        self.sql = str(self.compiled)

    def run(self, session: Session, **values) -> list[tuple]:
        params = dict(self.compiled.params)
        params.update(values)
        if self.compiled.positional:
            params = tuple(params[name] for name in self.compiled.positiontup)
        cursor = session.connection().connection.dbapi_connection.cursor()
        try:
            cursor.execute(self.sql, params)
            return cursor.fetchall()
        finally:
            cursor.close()


def _raw(session: Session, stmt) -> list[tuple]:
    return _Prepared(session, stmt).run(session)


class _PerBatch:
    """`select ... where column in ids` for a batch of release ids: a prepared range query
    when the ids are dense (the common, unfiltered case), an IN list otherwise."""

    def __init__(self, session: Session, stmt, column, order) -> None:
        self.stmt, self.column, self.order = stmt, column, order
        self.ranged = _Prepared(session, stmt.where(
            column.between(bindparam("lo", 0), bindparam("hi", 0))).order_by(*order))

    def run(self, session: Session, ids: list[int]) -> list[tuple]:
        if ids[-1] - ids[0] + 1 == len(ids):
            return self.ranged.run(session, lo=ids[0], hi=ids[-1])
        return _raw(session, self.stmt.where(self.column.in_(ids)).order_by(*self.order))


def _dt(value) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value)


def _json(value):
    if value is None or isinstance(value, (dict, list)):
        return value
    return json.loads(value)


def iter_documents(session: Session, flt: ExportFilter, batch: int = BATCH_RELEASES,
                   entity_names: bool = True) -> Iterator[list[ExportDocument]]:
    """Batches of releases passing `flt`, in id order, each with its annotations.

    `entity_names`: fill ExportSpan.entity_name (formats that print names need it).
    """
    q = _Queries(session, flt, batch)
    last = 0
    while True:
        rows = q.releases.run(session, last=last)
        if not rows:
            return
        ids = [r[0] for r in rows]
        last = ids[-1]
        spans = q.spans_for(session, ids, entity_names)
        events = q.events_for(session, ids)
        files: dict[int, list[ExportFile]] = defaultdict(list)
        for r in q.files.run(session, ids):
            files[r[0]].append(ExportFile(r[1], r[2], r[3]))
        rejected: dict[int, list[RejectedSuggestion]] = defaultdict(list)
        for r in q.rejected.run(session, ids):
            rejected[r[0]].append(RejectedSuggestion(r[1], r[2], r[3]))
        sources = q.sources
        out = []
        for r in rows:
            rid = r[0]
            source_id = r[12]
            if source_id is not None and source_id not in sources:
                sources.update(session.execute(select(SourceRow.id, SourceRow.name)).all())
            out.append(ExportDocument(
                id=rid, content_hash=r[1], external_id=r[2], source_path=r[3], title=r[4],
                body=r[5], language=r[6], language_confidence=r[7], date_iso=r[8],
                date_precision=r[9], dateline=r[10], url=r[11],
                source=sources.get(source_id) if source_id is not None else None,
                imported_at=_dt(r[13]), review_status=r[14], metadata=_json(r[15]) or {},
                match_keys=_json(r[16]), version_group=r[17], tag_count=r[18],
                duplicate_count=r[19], spans=tuple(spans.get(rid, ())),
                events=tuple(events.get(rid, ())), files=tuple(files.get(rid, ())),
                rejected=tuple(rejected.get(rid, ()))))
        yield out


class _Queries:
    """The statements of one document export, prepared once."""

    def __init__(self, session: Session, flt: ExportFilter, batch: int) -> None:
        self.ent_types = dict(session.execute(select(EntityTypeRow.id, EntityTypeRow.name)).all())
        self.ev_types = dict(session.execute(select(EventTypeRow.id, EventTypeRow.name)).all())
        self.sources = dict(session.execute(select(SourceRow.id, SourceRow.name)).all())
        self.releases = _Prepared(session, select(*_RELEASE_COLS).where(
            filter_condition(flt), R.id > bindparam("last", 0)).order_by(R.id).limit(batch))
        self.spans = _PerBatch(session, select(S.release_id, S.id, S.start, S.end, S.text,
                                               S.type_id, S.entity_id, S.created_by,
                                               S.created_at), S.release_id,
                               (S.release_id, S.start, S.end, S.id))
        self.events = _PerBatch(session, select(
            EV.release_id, EV.id, EV.type_id, EV.trigger_span_id, EV.date_iso, EV.location,
            EV.event_group, EV.created_by, EV.created_at), EV.release_id, (EV.release_id, EV.id))
        # Participants by their events' releases, so this too is one range query per batch.
        self.parts = _PerBatch(session, select(P.event_id, P.role, P.span_id, P.entity_id)
                               .join(EventRow.__table__, EV.id == P.event_id),
                               EV.release_id, (P.event_id, P.id))
        F = ReleaseFileRow.__table__.c
        self.files = _PerBatch(session, select(F.release_id, F.source_path, F.file_hash,
                                               F.external_id), F.release_id,
                               (F.release_id, F.id))
        X = RejectedSuggestionRow.__table__.c
        self.rejected = _PerBatch(session, select(X.release_id, X.start, X.end, X.entity_id),
                                  X.release_id, (X.release_id, X.id))

    def spans_for(self, session: Session, ids: list[int],
                  entity_names: bool) -> dict[int, list[ExportSpan]]:
        rows = self.spans.run(session, ids)
        names: dict[int, str] = {}
        if entity_names:
            linked = sorted({r[6] for r in rows if r[6] is not None})
            for lo in range(0, len(linked), 5000):
                names.update(session.execute(select(E.id, E.canonical_name).where(
                    E.id.in_(linked[lo:lo + 5000]))).all())
        types = self.ent_types
        out: dict[int, list[ExportSpan]] = defaultdict(list)
        parse = datetime.fromisoformat
        for r in rows:
            created = r[8]
            if created.__class__ is str:
                created = parse(created)
            out[r[0]].append(ExportSpan(r[1], r[2], r[3], r[4], types[r[5]], r[6],
                                        names.get(r[6]) if r[6] is not None else None, r[7],
                                        created))
        return out

    def events_for(self, session: Session, ids: list[int]) -> dict[int, list[ExportEvent]]:
        rows = self.events.run(session, ids)
        if not rows:
            return {}
        parts: dict[int, list[ExportParticipant]] = defaultdict(list)
        for r in self.parts.run(session, ids):
            parts[r[0]].append(ExportParticipant(r[1], r[2], r[3]))
        types = self.ev_types
        out: dict[int, list[ExportEvent]] = defaultdict(list)
        for r in rows:
            out[r[0]].append(ExportEvent(r[1], types[r[2]], r[3], r[4], r[5], r[6], r[7],
                                         _dt(r[8]), tuple(parts.get(r[1], ()))))
        return out


# --- knowledge base and pairs ------------------------------------------------------------

def count_entities(session: Session) -> int:
    return session.connection().execute(
        select(func.count()).select_from(EntityRow)).scalar_one()


def iter_entities(session: Session, batch: int = BATCH_ROWS) -> Iterator[list[ExportEntity]]:
    conn = session.connection()
    A = EntityAliasRow.__table__.c
    last = 0
    while True:
        rows = conn.execute(
            select(E.id, ET.name, E.canonical_name, E.merged_into, E.created_by, E.created_at)
            .select_from(EntityRow.__table__.join(EntityTypeRow.__table__, ET.id == E.type_id))
            .where(E.id > last).order_by(E.id).limit(batch)).all()
        if not rows:
            return
        last = rows[-1][0]
        aliases: dict[int, list[ExportAlias]] = defaultdict(list)
        for r in conn.execute(select(A.entity_id, A.alias, A.key, A.language)
                              .where(A.entity_id.in_([x[0] for x in rows]))
                              .order_by(A.entity_id, A.id)):
            aliases[r[0]].append(ExportAlias(r[1], r[2], r[3]))
        yield [ExportEntity(r[0], r[1], r[2], r[3], r[4], r[5], tuple(aliases.get(r[0], ())))
               for r in rows]


def _pair_condition(flt: ExportFilter) -> ColumnElement[bool]:
    if flt == ExportFilter():
        return true()
    kept = select(R.id).where(filter_condition(flt))
    return and_(D.release_a.in_(kept), D.release_b.in_(kept))


def iter_pairs(session: Session, flt: ExportFilter,
               batch: int = BATCH_ROWS) -> Iterator[list[ExportPair]]:
    """Duplicate pairs whose two releases both pass `flt`, in id order."""
    conn = session.connection()
    ra = aliased(ReleaseRowTable.__table__)
    rb = aliased(ReleaseRowTable.__table__)
    cond = _pair_condition(flt)
    last = 0
    while True:
        stmt = (select(D.id, D.release_a, D.release_b, ra.c.content_hash, rb.c.content_hash,
                       D.kind, D.score, D.evidence, D.status, D.decided_by, D.decided_at,
                       D.found_at)
                .select_from(DuplicatePairRow.__table__
                             .join(ra, ra.c.id == D.release_a).join(rb, rb.c.id == D.release_b))
                .where(cond, D.id > last).order_by(D.id).limit(batch))
        rows = conn.execute(stmt).all()
        if not rows:
            return
        last = rows[-1][0]
        yield [ExportPair(r[0], r[1], r[2], r[3], r[4], r[5], r[6], dict(r[7] or {}), r[8],
                          r[9], r[10], r[11]) for r in rows]
