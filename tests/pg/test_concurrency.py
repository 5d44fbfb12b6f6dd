"""Eight reviewers in eight processes tag, link and decide on the same releases at once.

They work through the app's services (tagging, dedup, library). Checks: no lost update (each record's accepted changes produced versions 2, 3, … with no gap
or repeat, and the stored value is the last accepted one), every conflict surfaced (a
ConflictError naming a version that someone's accepted change replaced), tag counts and
version groups consistent, and the final state equals the replay of the log of accepted operations.
RR_CONCURRENCY_SECONDS sets how long the reviewers work (default 3).
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import queue
import re
import time
from collections import defaultdict
from datetime import UTC, datetime

import reviewers
from sqlalchemy import func, select

from desktop_app.services.ingest import IngestService
from desktop_app.storage import duplicates as dup_repo
from desktop_app.storage import open_database
from desktop_app.storage.tables import (
    DuplicatePairRow,
    EntityRow,
    EntityTypeRow,
    ReleaseRowTable,
    SpanRow,
)

REVIEWERS = 8
SECONDS = float(os.environ.get("RR_CONCURRENCY_SECONDS", "3"))
WORDS = ("Antonio Vitorino İlham Əliyev Баку Женева agreement meeting visit ministers "
         "signed talks cooperation energy transport culture education health 😀 emoji "
         "delegation summit").split()


def _prepare(target, tmp_path) -> dict:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(6):
        body = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(24))
        (folder / f"r{i}.txt").write_text(f"Release {i}\n\n{body}", encoding="utf-8")
    db = open_database(target)
    try:
        IngestService(db).import_paths([folder])
        stamp = datetime.now(UTC).replace(tzinfo=None)
        with db.write() as s:
            type_id = s.scalar(select(EntityTypeRow.id).where(EntityTypeRow.name == "PERSON"))
            ents = [EntityRow(type_id=type_id, canonical_name=f"Person {k}", created_at=stamp)
                    for k in range(5)]
            s.add_all(ents)
            s.flush()
            rows = s.execute(select(ReleaseRowTable.id, ReleaseRowTable.title,
                                    ReleaseRowTable.body).order_by(ReleaseRowTable.id)).all()
            for a, b in itertools.combinations([r.id for r in rows], 2):
                s.add(DuplicatePairRow(release_a=a, release_b=b, kind="near", score=0.5,
                                       evidence={}, found_at=stamp))
            s.flush()
            dup_repo.refresh_groups(s, [r.id for r in rows])  # as detection leaves them
        words = {}
        for rid, title, body in rows:
            text = f"{title}\n\n{body}"
            words[str(rid)] = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\w+", text)]
        return {"releases": [r.id for r in rows], "words": words, "type_id": type_id,
                "entities": [e.id for e in ents]}
    finally:
        db.dispose()


def _run_reviewers(url: str, setup: dict) -> tuple[list[tuple], float]:
    # fork starts eight reviewers in well under a second; spawn where there is no fork.
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    barrier = ctx.Barrier(REVIEWERS + 1)
    results = ctx.Queue()
    procs = [ctx.Process(target=reviewers.run,
                         args=(url, f"rev{n}", SECONDS, 1000 + n, setup, barrier, results))
             for n in range(REVIEWERS)]
    for p in procs:
        p.start()
    barrier.wait(timeout=120)
    started = time.monotonic()
    logs, errors = [], []
    for _ in procs:
        try:
            name, log, error = results.get(timeout=SECONDS + 120)
        except queue.Empty:
            errors.append("a reviewer process did not report")
            break
        logs.extend((name, *entry) for entry in log)
        if error:
            errors.append(f"{name}: {error}")
    elapsed = time.monotonic() - started
    for p in procs:
        p.join(timeout=30)
        if p.is_alive():
            p.kill()
    assert not errors, "\n".join(errors)
    return logs, elapsed


def _check(url: str, setup: dict, logs: list[tuple]) -> dict:
    ok = [e for e in logs if e[2] == "ok"]
    same = [e for e in logs if e[2] == "same"]  # saves that changed nothing
    conflicts = [e for e in logs if e[2] == "conflict"]
    db = open_database(url)
    try:
        with db.read() as s:
            spans = {r.id: r for r in s.execute(select(SpanRow))
                     .scalars().all()}
            pairs = {r.id: r for r in s.execute(select(DuplicatePairRow)).scalars().all()}
            rels = {r.id: r for r in s.execute(select(ReleaseRowTable)).scalars().all()}
    finally:
        db.dispose()

    # Tags: exactly the accepted ones (tagging never conflicts: tags may overlap), counted.
    tagged = {e[3]: (e[4], e[5], e[6]) for e in ok if e[1] == "tag"}
    assert {i: (r.release_id, r.start, r.end) for i, r in spans.items()} == tagged
    by_release = defaultdict(list)
    for r in spans.values():
        by_release[r.release_id].append((r.start, r.end))
    for rid, row in rels.items():
        assert row.tag_count == len(by_release.get(rid, ())), rid

    # Versioned updates: versions 2..n+1 each produced once, final value = last accepted.
    accepted = defaultdict(list)
    for e in ok:
        if e[1] in ("link", "decide", "status"):
            accepted[(e[1], e[3])].append((e[4], e[5]))
    stored = {"link": lambda i: (spans[i].version, spans[i].entity_id),
              "decide": lambda i: (pairs[i].version, pairs[i].status),
              "status": lambda i: (rels[i].version, rels[i].review_status)}
    for (op, rid), changes in accepted.items():
        changes.sort()
        assert [v for v, _ in changes] == list(range(2, len(changes) + 2)), (op, rid)
        assert stored[op](rid) == (len(changes) + 1, changes[-1][1]), (op, rid)
    untouched = ([("link", i) for i in spans] + [("decide", i) for i in pairs]
                 + [("status", i) for i in rels])
    for op, rid in untouched:
        if (op, rid) not in accepted:
            assert stored[op](rid)[0] == 1, (op, rid)

    # Derived data kept by the dedup service agrees with the final decisions.
    links = defaultdict(set)
    for p in pairs.values():
        if p.status == "confirmed":
            links[p.release_a].add(p.release_b)
            links[p.release_b].add(p.release_a)
    for rid, row in rels.items():
        members, stack = {rid}, [rid]
        while stack:
            for other in links[stack.pop()] - members:
                members.add(other)
                stack.append(other)
        assert row.version_group == (min(members) if len(members) > 1 else None), rid
        assert row.duplicate_count == sum(
            1 for p in pairs.values() if rid in (p.release_a, p.release_b)
            and p.status != "rejected"), rid

    # Conflicts: each names a real, newer change by someone.
    produced = {(op, rid, v) for (op, rid), ch in accepted.items() for v, _ in ch}
    for e in conflicts:
        _, op, _, _, rid, expected, current, changes, message = e
        assert op in ("link", "decide", "status"), e
        assert current is not None and current > expected, e
        assert (op, rid, expected + 1) in produced, e
        assert "Someone else changed" in message, e
        assert all(theirs != yours for _, yours, theirs in changes), e
    assert len(ok) + len(same) + len(conflicts) == len(logs)
    return {"operations": len(logs), "accepted": len(ok) + len(same),
            "conflicts": len(conflicts),
            "tags": len(spans),
            "conflicts_by_kind": dict(sorted(
                defaultdict(int, {k: sum(1 for c in conflicts if c[1] == k)
                                  for k in ("link", "decide", "status")}).items()))}


def test_eight_reviewers_no_lost_update(db_target, backend, tmp_path):
    url = (f"sqlite:///{db_target}" if backend == "sqlite" else db_target)
    setup = _prepare(db_target, tmp_path)
    logs, elapsed = _run_reviewers(url, setup)
    figures = _check(url, setup, logs)
    print(f"\n{backend}: {REVIEWERS} reviewers, {elapsed:.1f} s: {figures}")
    assert figures["accepted"] > 0
    # Overlapping work on six releases must collide, or the test proved nothing.
    assert figures["conflicts"] > 0


def test_tagging_service_keeps_tag_counts_under_concurrency(db_target, backend, tmp_path):
    """Eight reviewers tag the same two releases through AnnotateService at once."""
    per = 6
    folder = tmp_path / "in"
    folder.mkdir()
    words = " ".join(f"wr{n}x{k}" for n in range(REVIEWERS) for k in range(per))
    for i in range(2):
        (folder / f"t{i}.txt").write_text(f"Shared {i}\n\n{words} end", encoding="utf-8")
    db = open_database(db_target)
    try:
        IngestService(db).import_paths([folder])
        with db.read() as s:
            rids = list(s.scalars(select(ReleaseRowTable.id).order_by(ReleaseRowTable.id)))
            type_id = s.scalar(select(EntityTypeRow.id).where(EntityTypeRow.name == "PERSON"))
    finally:
        db.dispose()
    url = f"sqlite:///{db_target}" if backend == "sqlite" else db_target
    methods = multiprocessing.get_all_start_methods()
    mp = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    barrier, results = mp.Barrier(REVIEWERS), mp.Queue()
    procs = [mp.Process(target=reviewers.tag_with_service,
                        args=(url, f"r{n}", rids, type_id, per, barrier, results))
             for n in range(REVIEWERS)]
    for p in procs:
        p.start()
    got = [results.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=30)
    assert [g[2] for g in got if g[2]] == []
    assert sum(len(g[1]) for g in got) == REVIEWERS * per * 2
    db = open_database(url)
    try:
        with db.read() as s:
            for rid in rids:
                spans = s.scalar(select(func.count()).select_from(SpanRow)
                                 .where(SpanRow.release_id == rid))
                counted = s.scalar(select(ReleaseRowTable.tag_count)
                                   .where(ReleaseRowTable.id == rid))
                assert spans == counted == REVIEWERS * per, (rid, spans, counted)
    finally:
        db.dispose()
