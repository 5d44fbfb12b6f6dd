"""Simulated reviewers for the concurrency test, each in its own process.

A reviewer reads a snapshot (spans, pairs, versions), then acts on it for a few operations
before reading again, as a person does who looks at the screen and then works, so others'
writes make the snapshot stale. Every operation either commits (logged with the version it
produced) or raises ConflictError (logged with the versions involved); anything else is a bug.
"""

from __future__ import annotations

import random
import time
import traceback
from datetime import UTC, datetime

from sqlalchemy import func, select

from desktop_app.domain.enums import PairStatus
from desktop_app.domain.errors import ConflictError
from desktop_app.storage import locking
from desktop_app.storage.engine import Database, make_engine
from desktop_app.storage.tables import DuplicatePairRow, ReleaseRowTable, SpanRow

STATUSES = ("new", "in_progress", "done", "skipped")
PAIR_DECISIONS = ("confirmed", "rejected", "candidate")


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def add_span(db: Database, release_id: int, start: int, end: int, text: str, type_id: int,
             actor: str) -> tuple[int, int]:
    """Tag [start, end) unless someone tagged an overlapping range meanwhile.

    Returns (span id, tag count). The release row is locked so the overlap check, the insert
    and the recount see every committed tag of the release (no lost tag_count update).
    """
    with db.write() as s:
        locking.lock_rows(s, ReleaseRowTable, [release_id])
        clash = s.execute(select(SpanRow.id, SpanRow.start, SpanRow.end, SpanRow.created_by)
                          .where(SpanRow.release_id == release_id, SpanRow.start < end,
                                 SpanRow.end > start)).first()
        if clash is not None:
            raise ConflictError(
                f"{clash.created_by} tagged {clash.start}-{clash.end} meanwhile", kind="tag",
                record_id=clash.id)
        row = SpanRow(release_id=release_id, start=start, end=end, text=text, type_id=type_id,
                      created_by=actor, created_at=_now())
        s.add(row)
        s.flush()
        n = s.scalar(select(func.count()).select_from(SpanRow)
                     .where(SpanRow.release_id == release_id))
        s.execute(ReleaseRowTable.__table__.update()
                  .where(ReleaseRowTable.id == release_id).values(tag_count=n))
        return row.id, n


def snapshot(db: Database, release_ids: list[int]):
    with db.read() as s:
        spans = s.execute(select(SpanRow.id, SpanRow.release_id, SpanRow.start, SpanRow.end,
                                 SpanRow.version, SpanRow.entity_id)
                          .where(SpanRow.release_id.in_(release_ids))).all()
        pairs = s.execute(select(DuplicatePairRow.id, DuplicatePairRow.version,
                                 DuplicatePairRow.status)).all()
        releases = s.execute(select(ReleaseRowTable.id, ReleaseRowTable.version,
                                    ReleaseRowTable.review_status)
                             .where(ReleaseRowTable.id.in_(release_ids))).all()
    return ([tuple(r) for r in spans], {p.id: (p.version, p.status) for p in pairs},
            {r.id: (r.version, r.review_status) for r in releases})


def run(url: str, name: str, seconds: float, seed: int, setup: dict, barrier, results) -> None:
    """One reviewer: act for `seconds`, then put (name, log, error) on `results`."""
    log: list[tuple] = []
    try:
        rng = random.Random(seed)
        db = Database(make_engine(url))
        release_ids = setup["releases"]
        words = {int(k): v for k, v in setup["words"].items()}
        barrier.wait(timeout=60)
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            spans, pairs, rels = snapshot(db, release_ids)
            for _ in range(rng.randint(1, 4)):
                _one(db, rng, name, setup, words, spans, pairs, rels, log)
        db.dispose()
        results.put((name, log, None))
    except BaseException:  # report, do not hang the parent
        results.put((name, log, traceback.format_exc()))


def _one(db, rng, name, setup, words, spans, pairs, rels, log) -> None:
    op = rng.choice(("tag", "tag", "link", "link", "decide", "status"))
    try:
        if op == "tag":
            rid = rng.choice(setup["releases"])
            taken = [(s[2], s[3]) for s in spans if s[1] == rid]
            free = [w for w in words[rid] if all(w[1] <= a or w[0] >= b for a, b in taken)]
            if not free:
                return
            start, end, text = rng.choice(free)
            span_id, _ = add_span(db, rid, start, end, text, setup["type_id"], name)
            log.append(("tag", "ok", span_id, rid, start, end))
        elif op == "link":
            if not spans:
                return
            sid, rid, _s, _e, version, entity = rng.choice(spans)
            new = rng.choice(setup["entities"])
            v = _versioned(db, SpanRow, sid, version, {"entity_id": new},
                           {"entity_id": entity})
            log.append(("link", "ok", sid, v, new))
        elif op == "decide":
            # Through the app's dedup service: conditional update, audit, version groups.
            pid = rng.choice(list(pairs))
            version, _status = pairs[pid]
            new = rng.choice(PAIR_DECISIONS)
            dedup = _dedup(db, name)
            dedup.decide(pid, PairStatus(new), expected_version=version)
            log.append(("decide", "ok", pid, version + 1, new))
        else:
            rid = rng.choice(list(rels))
            version, status = rels[rid]
            new = rng.choice(STATUSES)
            v = _versioned(db, ReleaseRowTable, rid, version, {"review_status": new},
                           {"review_status": status})
            log.append(("status", "ok", rid, v, new))
    except ConflictError as exc:
        log.append((op, "conflict", exc.kind, exc.record_id, exc.expected_version,
                    exc.current_version, tuple((c.field, c.yours, c.theirs) for c in exc.changes),
                    str(exc)))


_services: dict = {}


def _dedup(db, name):
    if "dedup" not in _services:
        from desktop_app.services.dedup import DedupService
        from desktop_app.services.sessions import WorkLog

        _services["dedup"] = DedupService(db, WorkLog(db, name))
    return _services["dedup"]


def _versioned(db, table, row_id, version, values, base) -> int:
    with db.write() as s:
        return locking.update_versioned(s, table, row_id, version, values, base=base)


def claim_all(url: str, name: str, barrier, results) -> None:
    """Take releases one at a time from the work queue until none is left."""
    from desktop_app.services.work_queue import WorkQueueService

    got: list[int] = []
    try:
        db = Database(make_engine(url))
        queue = WorkQueueService(db, name)
        barrier.wait(timeout=60)
        while True:
            held = queue.next(len(got) + 1).extra["held"]
            if len(held) == len(got):
                break
            got = list(held)
        db.dispose()
        results.put((name, got, None))
    except BaseException:
        results.put((name, got, traceback.format_exc()))


def tag_with_service(url: str, name: str, release_ids: list[int], type_id: int, n: int,
                     barrier, results) -> None:
    """Tag `n` words per release through the app's tagging service."""
    from desktop_app.services.annotate import AnnotateService
    from desktop_app.services.entities import AliasCache
    from desktop_app.services.sessions import WorkLog

    made: list[int] = []
    try:
        db = Database(make_engine(url))
        log = WorkLog(db, name)
        service = AnnotateService(db, log, AliasCache(db))
        barrier.wait(timeout=60)
        for rid in release_ids:
            text = service.text_of(rid)
            for k in range(n):
                start = text.index(f"w{name}x{k} ")
                span, _ = service.create_span(rid, start, start + len(f"w{name}x{k}"), type_id)
                made.append(span.id)
        db.dispose()
        results.put((name, made, None))
    except BaseException:
        results.put((name, made, traceback.format_exc()))
