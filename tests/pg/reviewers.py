"""Simulated reviewers for the concurrency test, each in its own process.

A reviewer reads a snapshot (spans, pairs, versions), then acts on it for a few operations
before reading again, as a person does who looks at the screen and then works, so others'
writes make the snapshot stale. Operations go through the app's services (tagging, dedup,
library). Every operation either commits (logged with the version it produced) or raises
ConflictError (logged with the versions involved); anything else is a bug.
"""

from __future__ import annotations

import random
import time
import traceback

from sqlalchemy import select

from desktop_app.domain.enums import PairStatus, ReviewStatus
from desktop_app.domain.errors import ConflictError
from desktop_app.storage.engine import Database, make_engine
from desktop_app.storage.tables import DuplicatePairRow, ReleaseRowTable, SpanRow

STATUSES = ("new", "in_progress", "done", "skipped")
PAIR_DECISIONS = ("confirmed", "rejected", "candidate")



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
            for _ in range(rng.randint(2, 5)):
                _one(db, rng, name, setup, words, spans, pairs, rels, log)
        db.dispose()
        results.put((name, log, None))
    except BaseException:  # report, do not hang the parent
        results.put((name, log, traceback.format_exc()))


def _one(db, rng, name, setup, words, spans, pairs, rels, log) -> None:
    """One operation through the app's services, on the (possibly stale) snapshot."""
    op = rng.choice(("tag", "tag", "link", "link", "decide", "status"))
    svc = _services(db, name)
    try:
        if op == "tag":
            rid = rng.choice(setup["releases"])
            taken = [(s[2], s[3]) for s in spans if s[1] == rid]
            free = [w for w in words[rid] if all(w[1] <= a or w[0] >= b for a, b in taken)]
            if not free:
                return
            start, end, text = rng.choice(free)
            span, _ = svc["annotate"].create_span(rid, start, end, setup["type_id"],
                                                  covered=text)
            log.append(("tag", "ok", span.id, rid, start, end))
        elif op == "link":
            if not spans:
                return
            sid, _rid, _s, _e, version, _entity = _hot(rng, sorted(spans))
            new = rng.choice(setup["entities"])
            change, _ = svc["annotate"].link_span(sid, new, teach=False,
                                                  expected_version=version)
            if change.old_entity == change.new_entity:  # nothing to save: version kept
                log.append(("link", "same", sid, version, new))
            else:
                log.append(("link", "ok", sid, version + 1, new))
        elif op == "decide":
            pid = _hot(rng, sorted(pairs))
            version, _status = pairs[pid]
            new = rng.choice(PAIR_DECISIONS)
            svc["dedup"].decide(pid, PairStatus(new), expected_version=version)
            log.append(("decide", "ok", pid, version + 1, new))
        else:
            rid = _hot(rng, sorted(rels))
            version, _status = rels[rid]
            new = rng.choice(STATUSES)
            svc["library"].set_status([rid], ReviewStatus(new), {rid: version})
            log.append(("status", "ok", rid, version + 1, new))
    except ConflictError as exc:
        log.append((op, "conflict", exc.kind, exc.record_id, exc.expected_version,
                    exc.current_version, tuple((c.field, c.yours, c.theirs) for c in exc.changes),
                    str(exc)))


def _hot(rng, items):
    """Half the time the first item: a record everyone is working on, as on a busy day."""
    return items[0] if rng.random() < 0.5 else rng.choice(items)


_cache: dict = {}


def _services(db, name) -> dict:
    """The app's services for this reviewer process, built once."""
    if not _cache:
        from desktop_app.services.annotate import AnnotateService
        from desktop_app.services.dedup import DedupService
        from desktop_app.services.entities import AliasCache
        from desktop_app.services.library import LibraryService
        from desktop_app.services.sessions import WorkLog

        log = WorkLog(db, name)
        _cache.update(annotate=AnnotateService(db, log, AliasCache(db)),
                      dedup=DedupService(db, log), library=LibraryService(db))
    return _cache


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
