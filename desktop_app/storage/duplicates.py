"""Repository of duplicate pairs, stored match keys, version groups and entity alias keys."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime

from sqlalchemy import and_, bindparam, delete, func, or_, select, update
from sqlalchemy.orm import Session, aliased

from ..domain.duplicates import Candidate, DuplicatePair, Evidence, PairFilter, VersionInfo
from ..domain.enums import DuplicateKind, PairStatus
from ..domain.errors import NotFoundError
from .locking import conflict, serialize
from .tables import (
    DuplicatePairRow,
    EntityAliasRow,
    EntityRow,
    ReleaseFileRow,
    ReleaseRowTable,
)

READ_CHUNK = 5000


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


# --- match keys -------------------------------------------------------------------------

def iter_match_keys(session: Session, ids: Sequence[int] | None = None
                    ) -> Iterator[tuple[int, dict, str | None, str | None]]:
    """(release id, stored keys, language, release date) of releases that have keys.

    Language and date come from their columns, so a correction made after import counts.
    """
    R = ReleaseRowTable
    stmt = (select(R.id, R.match_keys, R.language, R.date_iso)
            .where(R.match_keys.is_not(None)).order_by(R.id))
    if ids is not None:
        wanted = list(ids)
        for start in range(0, len(wanted), READ_CHUNK):
            part = wanted[start:start + READ_CHUNK]
            yield from session.execute(stmt.where(R.id.in_(part)))
        return
    yield from session.execute(stmt.execution_options(yield_per=READ_CHUNK))


def releases_without_keys(session: Session, limit: int = 500, ids: Sequence[int] | None = None
                          ) -> list[tuple[int, str, str, str | None, str | None]]:
    """(id, title, body, language, date) of releases stored before keys were computed
    (among `ids` when given)."""
    R = ReleaseRowTable
    stmt = (select(R.id, R.title, R.body, R.language, R.date_iso)
            .where(R.match_keys.is_(None)).order_by(R.id).limit(limit))
    if ids is not None:
        stmt = stmt.where(R.id.in_(list(ids)[:READ_CHUNK]))
    return [tuple(r) for r in session.execute(stmt)]


def set_match_keys(session: Session, keys: dict[int, dict]) -> None:
    for release_id, data in keys.items():
        session.execute(update(ReleaseRowTable).where(ReleaseRowTable.id == release_id)
                        .values(match_keys=data)
                        .execution_options(synchronize_session=False))


def entity_aliases(session: Session) -> list[tuple[str, int]]:
    """(alias, entity id) of every alias, merged entities resolved to the surviving one."""
    merged = {i: m for i, m in session.execute(select(EntityRow.id, EntityRow.merged_into)
                                               .where(EntityRow.merged_into.is_not(None)))}
    out = []
    for alias, entity_id in session.execute(select(EntityAliasRow.alias,
                                                   EntityAliasRow.entity_id)):
        seen = set()
        while entity_id in merged and entity_id not in seen:
            seen.add(entity_id)
            entity_id = merged[entity_id]
        out.append((alias, entity_id))
    return out


# --- pairs ------------------------------------------------------------------------------

def pair_states(session: Session, release_ids: Iterable[int] | None = None
                ) -> dict[tuple[int, int], tuple[int, PairStatus]]:
    """Stored pairs by (release a, release b): all, or those touching `release_ids`."""
    P = DuplicatePairRow
    stmt = select(P.id, P.release_a, P.release_b, P.status)
    if release_ids is None:
        return {(a, b): (i, PairStatus(s)) for i, a, b, s in session.execute(stmt)}
    wanted = sorted(set(release_ids))
    out = {}
    for start in range(0, len(wanted), READ_CHUNK):
        part = wanted[start:start + READ_CHUNK]
        for i, a, b, s in session.execute(stmt.where(or_(P.release_a.in_(part),
                                                         P.release_b.in_(part)))):
            out[(a, b)] = (i, PairStatus(s))
    return out


def save_candidates(session: Session, candidates: Iterable[Candidate],
                    states: dict[tuple[int, int], tuple[int, PairStatus]],
                    stale_scope: set[int] | None, full: bool) -> tuple[int, int, int, set[int]]:
    """Insert new candidates, refresh open ones, never touch decided ones.

    Open candidates not proposed again are removed: all of them after a full run, those
    involving `stale_scope` releases after an incremental one. Returns (new, updated,
    kept decided, releases whose pairs changed).
    """
    P = DuplicatePairRow
    stamp = now()
    new_rows, touched = [], set()
    updated = kept = 0
    proposed = set()
    for c in candidates:
        key = (c.a, c.b)
        proposed.add(key)
        state = states.get(key)
        if state is None:
            new_rows.append({"release_a": c.a, "release_b": c.b, "kind": c.kind.value,
                             "score": c.score, "evidence": c.evidence.to_json(),
                             "status": PairStatus.CANDIDATE.value, "found_at": stamp,
                             "version": 1})
            touched.update(key)
        elif state[1] is PairStatus.CANDIDATE:
            session.execute(update(P).where(P.id == state[0]).values(
                kind=c.kind.value, score=c.score, evidence=c.evidence.to_json(),
                version=P.version + 1).execution_options(synchronize_session=False))
            updated += 1
        else:
            kept += 1
    if new_rows:
        session.execute(P.__table__.insert(), new_rows)
    stale = [(i, key) for key, (i, status) in states.items()
             if status is PairStatus.CANDIDATE and key not in proposed
             and (full or (stale_scope and (key[0] in stale_scope or key[1] in stale_scope)))]
    for start in range(0, len(stale), READ_CHUNK):
        part = stale[start:start + READ_CHUNK]
        session.execute(delete(P).where(P.id.in_([i for i, _ in part]))
                        .execution_options(synchronize_session=False))
        for _, key in part:
            touched.update(key)
    return len(new_rows), updated, kept, touched


def _pair_query(flt: PairFilter):
    P = DuplicatePairRow
    A, B = aliased(ReleaseRowTable), aliased(ReleaseRowTable)
    stmt = (select(P, A.language, B.language, A.title, B.title, A.external_id, B.external_id,
                   A.source_path, B.source_path, A.version_group, B.version_group)
            .join(A, A.id == P.release_a).join(B, B.id == P.release_b))
    if flt.kinds:
        stmt = stmt.where(P.kind.in_([k.value for k in flt.kinds]))
    if flt.statuses:
        stmt = stmt.where(P.status.in_([s.value for s in flt.statuses]))
    if flt.release_id is not None:
        stmt = stmt.where(or_(P.release_a == flt.release_id, P.release_b == flt.release_id))
    if flt.language_pair:
        x, _, y = flt.language_pair.partition("–")
        stmt = stmt.where(or_(and_(A.language == x, B.language == y),
                              and_(A.language == y, B.language == x)))
    return stmt


def _to_pair(row) -> DuplicatePair:  # noqa: ANN001 - a result row
    p = row[0]
    return DuplicatePair(
        id=p.id, release_a=p.release_a, release_b=p.release_b, kind=DuplicateKind(p.kind),
        score=p.score, evidence=Evidence.from_json(p.evidence), status=PairStatus(p.status),
        decided_by=p.decided_by, decided_at=p.decided_at, found_at=p.found_at,
        lang_a=row[1], lang_b=row[2], title_a=row[3] or "", title_b=row[4] or "",
        external_a=row[5], external_b=row[6], path_a=row[7] or "", path_b=row[8] or "",
        group_a=row[9], group_b=row[10], version=p.version)


def list_pairs(session: Session, flt: PairFilter | None = None, limit: int | None = None
               ) -> list[DuplicatePair]:
    """Pairs passing `flt`, best score first."""
    P = DuplicatePairRow
    stmt = _pair_query(flt or PairFilter()).order_by(P.score.desc(), P.id)
    if limit:
        stmt = stmt.limit(limit)
    return [_to_pair(r) for r in session.execute(stmt)]


_PAIR_SORT = {"score": DuplicatePairRow.score, "kind": DuplicatePairRow.kind,
              "status": DuplicatePairRow.status, "id": DuplicatePairRow.id}


def list_pair_ids(session: Session, flt: PairFilter | None = None, sort: str = "score",
                  descending: bool = True) -> list[int]:
    """Ids of the pairs passing `flt` in display order (cheap; rows are fetched lazily)."""
    P = DuplicatePairRow
    column = _PAIR_SORT.get(sort, P.score)
    order = [column.desc(), P.id.desc()] if descending else [column.asc(), P.id.asc()]
    stmt = _pair_query(flt or PairFilter()).with_only_columns(P.id).order_by(*order)
    return list(session.scalars(stmt))


def fetch_pairs(session: Session, ids: Sequence[int]) -> dict[int, DuplicatePair]:
    out: dict[int, DuplicatePair] = {}
    wanted = list(ids)
    for start in range(0, len(wanted), 500):
        part = wanted[start:start + 500]
        for row in session.execute(_pair_query(PairFilter()).where(
                DuplicatePairRow.id.in_(part))):
            pair = _to_pair(row)
            out[pair.id] = pair
    return out


def get_pair(session: Session, pair_id: int) -> DuplicatePair:
    row = session.execute(_pair_query(PairFilter()).where(DuplicatePairRow.id == pair_id)).first()
    if row is None:
        raise NotFoundError(f"Pair {pair_id} does not exist.")
    return _to_pair(row)


def language_pairs(session: Session) -> list[str]:
    A, B = aliased(ReleaseRowTable), aliased(ReleaseRowTable)
    P = DuplicatePairRow
    rows = session.execute(select(A.language, B.language).distinct().select_from(P)
                           .join(A, A.id == P.release_a).join(B, B.id == P.release_b))
    return sorted({"–".join(sorted([x or "?", y or "?"])) for x, y in rows})


def set_pair_status(session: Session, pair_id: int, status: PairStatus, actor: str | None,
                    expected_version: int | None = None) -> DuplicatePair:
    P = DuplicatePairRow
    stmt = update(P).where(P.id == pair_id)
    if expected_version is not None:
        stmt = stmt.where(P.version == expected_version)
    done = session.execute(stmt.values(status=status.value, decided_by=actor,
                                       decided_at=now() if status is not PairStatus.CANDIDATE
                                       else None, version=P.version + 1)
                           .execution_options(synchronize_session=False))
    if done.rowcount == 0:
        get_pair(session, pair_id)  # raises NotFoundError when missing
        raise conflict(session, P, pair_id, expected_version, {"status": status.value})
    return get_pair(session, pair_id)


# --- version groups ---------------------------------------------------------------------

def refresh_groups(session: Session, release_ids: Iterable[int]) -> set[int]:
    """Recompute version groups and pair counts of the releases connected to `release_ids`.

    A version group is a connected set of confirmed pairs, named by its smallest release id;
    `duplicate_count` counts a release's pairs that are not rejected. Returns the releases
    whose row changed.
    """
    P = DuplicatePairRow
    R = ReleaseRowTable
    # Groups span many releases: one refresher at a time, each seeing the last one's
    # committed pairs (concurrent confirmations on a server would split a group otherwise).
    serialize(session, "version-groups")
    todo = set(release_ids)
    confirmed: dict[int, set[int]] = {}
    frontier = set(todo)
    while frontier:
        nxt = set()
        rows = []
        ordered = sorted(frontier)
        for start in range(0, len(ordered), READ_CHUNK):
            part = ordered[start:start + READ_CHUNK]
            rows += session.execute(select(P.release_a, P.release_b).where(
                P.status == PairStatus.CONFIRMED.value,
                or_(P.release_a.in_(part), P.release_b.in_(part)))).all()
        for a, b in rows:
            confirmed.setdefault(a, set()).add(b)
            confirmed.setdefault(b, set()).add(a)
            for r in (a, b):
                if r not in todo:
                    todo.add(r)
                    nxt.add(r)
        frontier = nxt
    group: dict[int, int] = {}
    for start in sorted(todo):
        if start in group:
            continue
        members, stack = {start}, [start]
        while stack:
            for other in confirmed.get(stack.pop(), ()):
                if other not in members:
                    members.add(other)
                    stack.append(other)
        gid = min(members) if len(members) > 1 else None
        for m in members:
            group[m] = gid
    counts = dict.fromkeys(todo, 0)
    ids = list(todo)
    for start in range(0, len(ids), READ_CHUNK):
        part = ids[start:start + READ_CHUNK]
        for column in (P.release_a, P.release_b):
            for rid, n in session.execute(
                    select(column, func.count()).where(
                        column.in_(part), P.status != PairStatus.REJECTED.value)
                    .group_by(column)):
                counts[rid] += n
    changed = set()
    current = {}
    for start in range(0, len(ids), READ_CHUNK):
        part = ids[start:start + READ_CHUNK]
        current.update({i: (g, c) for i, g, c in session.execute(
            select(R.id, R.version_group, R.duplicate_count).where(R.id.in_(part)))})
    updates = []
    for rid in ids:
        if rid in current and current[rid] != (group[rid], counts[rid]):
            updates.append({"rid": rid, "vg": group[rid], "dc": counts[rid]})
            changed.add(rid)
    if updates:
        table = R.__table__
        # Derived columns, not a reviewer's edit of the release: its optimistic-lock version
        # stays, so a status change made meanwhile is not refused for it.
        session.connection().execute(
            table.update().where(table.c.id == bindparam("rid")).values(
                version_group=bindparam("vg"), duplicate_count=bindparam("dc")), updates)
    return changed


def versions_of(session: Session, release_id: int) -> list[VersionInfo]:
    """The other releases in the version group of `release_id`."""
    R = ReleaseRowTable
    gid = session.scalar(select(R.version_group).where(R.id == release_id))
    if gid is None:
        return []
    rows = session.execute(select(R.id, R.language, R.title).where(
        R.version_group == gid, R.id != release_id).order_by(R.language, R.id))
    return [VersionInfo(i, lang, title or "") for i, lang, title in rows]


def source_paths(session: Session, release_ids: Sequence[int]) -> dict[int, list[str]]:
    """Every file path each release was read from (first copy first)."""
    out: dict[int, list[str]] = {}
    rows = session.execute(select(ReleaseFileRow.release_id, ReleaseFileRow.source_path)
                           .where(ReleaseFileRow.release_id.in_(list(release_ids)))
                           .order_by(ReleaseFileRow.id))
    for rid, path in rows:
        out.setdefault(rid, []).append(path)
    return out
