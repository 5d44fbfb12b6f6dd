"""The team work queue on SQLite and PostgreSQL: nobody is handed a release someone holds."""

from __future__ import annotations

import multiprocessing
from datetime import datetime, timedelta

import pytest
import reviewers

from desktop_app.domain.enums import ReviewStatus
from desktop_app.domain.errors import ReleaseReviewError
from desktop_app.services.work_queue import WorkQueueService


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 1, 9, 0, 0)

    def __call__(self) -> datetime:
        return self.now


def load(ctx, tmp_path, n: int = 10) -> list[int]:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(n):
        (folder / f"r{i:02d}.txt").write_text(f"Release {i}\n\nText {i}.", encoding="utf-8")
    ctx.ingest.import_paths([folder])
    return sorted(ctx.library.list_ids())


def test_each_reviewer_gets_releases_nobody_else_holds(any_ctx, tmp_path):
    ids = load(any_ctx, tmp_path)
    clock = Clock()
    ana = WorkQueueService(any_ctx.db, "ana", clock=clock)
    ben = WorkQueueService(any_ctx.db, "ben", clock=clock)
    a = ana.next(3).extra["held"]
    b = ben.next(3).extra["held"]
    assert len(a) == len(b) == 3 and not set(a) & set(b)
    # Asking again returns the same holds first, not new ones.
    assert ana.next(3).extra["held"] == a
    assert ana.next(4).extra["taken"] == (ids[6],)
    holds = ana.holds(ids)
    assert {i: h.reviewer for i, h in holds.items()} == {
        **{i: "ana" for i in (*a, ids[6])}, **{i: "ben" for i in b}}
    assert ana.mine() == sorted((*a, ids[6]))


def test_release_expire_and_renew(any_ctx, tmp_path):
    ids = load(any_ctx, tmp_path, 4)
    clock = Clock()
    ana = WorkQueueService(any_ctx.db, "ana", hold_for=timedelta(minutes=30), clock=clock)
    ben = WorkQueueService(any_ctx.db, "ben", hold_for=timedelta(minutes=30), clock=clock)
    assert ana.next(4).extra["held"] == tuple(ids)
    assert ben.next(1).extra["held"] == ()          # everything is held
    assert ana.release([ids[0]]).extra["freed"] == (ids[0],)
    assert ben.next(1).extra["held"] == (ids[0],)
    clock.now += timedelta(minutes=20)
    assert ana.renew().extra["held"] == tuple(ids[1:])
    clock.now += timedelta(minutes=20)              # ben's hold is 40 min old, ana's 20
    assert set(ben.expire().extra["freed"]) == {ids[0]}
    assert ben.holds(ids).keys() == set(ids[1:])
    clock.now += timedelta(minutes=31)              # ana walked away: her holds lapse
    assert ben.next(2).extra["held"] == (ids[0], ids[1])
    assert ana.renew().extra["held"] == ()          # lapsed holds are not revived
    assert ben.holds().keys() == {ids[0], ids[1]}
    assert ben.release().extra["freed"] == (ids[0], ids[1])
    assert ben.holds() == {}


def test_finished_releases_go_back_to_the_pool(any_ctx, tmp_path):
    ids = load(any_ctx, tmp_path, 3)
    ana = WorkQueueService(any_ctx.db, "ana", clock=Clock())
    assert ana.next(1).extra["held"] == (ids[0],)
    any_ctx.library.set_status([ids[0]], ReviewStatus.DONE)
    assert ana.next(1).extra["held"] == (ids[1],)
    assert ana.mine() == [ids[1]]
    # Taking a particular release works only while nobody holds it.
    ben = WorkQueueService(any_ctx.db, "ben", clock=Clock())
    assert ben.take([ids[1], ids[2]]).extra["taken"] == (ids[2],)


def test_bad_reviewer_names_are_refused(any_ctx):
    with pytest.raises(ReleaseReviewError, match="reviewer name"):
        WorkQueueService(any_ctx.db, "  ")
    with pytest.raises(ReleaseReviewError, match="100"):
        WorkQueueService(any_ctx.db, "x" * 101)
    with pytest.raises(ReleaseReviewError, match="at least one"):
        WorkQueueService(any_ctx.db, "ana").next(0)


def test_eight_processes_claim_disjoint_releases(any_ctx, tmp_path, backend):
    ids = load(any_ctx, tmp_path, 40)
    url = any_ctx.db.engine.url.render_as_string(hide_password=False)
    methods = multiprocessing.get_all_start_methods()
    mp = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    barrier, results = mp.Barrier(8), mp.Queue()
    procs = [mp.Process(target=reviewers.claim_all, args=(url, f"r{n}", barrier, results))
             for n in range(8)]
    for p in procs:
        p.start()
    got = [results.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=30)
    assert [g[2] for g in got if g[2]] == []
    claimed = [i for _, held, _ in got for i in held]
    assert sorted(claimed) == ids                       # every release handed out once
    holders = WorkQueueService(any_ctx.db, "x").holds(ids)
    for name, held, _ in got:
        assert all(holders[i].reviewer == name for i in held)
