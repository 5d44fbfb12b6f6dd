"""Optimistic locking helpers on both back ends, and a lost update provoked step by step."""

from __future__ import annotations

import threading
import time
from datetime import datetime

import pytest
from sqlalchemy import select, text

from desktop_app.domain.errors import ConflictError
from desktop_app.storage import annotations as ann_repo
from desktop_app.storage import locking, open_database
from desktop_app.storage.tables import DuplicatePairRow, EntityRow, ReleaseRowTable, SpanRow

STAMP = datetime(2026, 3, 1, 9, 0, 0)


def seed(ctx, tmp_path) -> dict:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Alpha\n\nAntonio Vitorino in Baku.", encoding="utf-8")
    (folder / "b.txt").write_text("Beta\n\nİlham Əliyev met Vitorino.", encoding="utf-8")
    ctx.ingest.import_paths([folder])
    a, b = sorted(ctx.library.list_ids())
    with ctx.db.write() as s:
        ent = EntityRow(type_id=1, canonical_name="António Vitorino", created_at=STAMP)
        pair = DuplicatePairRow(release_a=a, release_b=b, kind="cross", score=0.9,
                                evidence={}, found_at=STAMP)
        s.add_all([ent, pair])
        s.flush()
        span = ann_repo.insert_span(s, a, 7, 22, "Antonio Vitorino", 1, None, "ana")
        return {"a": a, "b": b, "entity": ent.id, "pair": pair.id, "span": span.id}


def test_versioned_update_wins_once_and_names_the_change(any_ctx, tmp_path):
    ids = seed(any_ctx, tmp_path)
    with any_ctx.db.write() as s:
        v = locking.update_versioned(s, DuplicatePairRow, ids["pair"], 1,
                                     {"status": "confirmed", "decided_by": "ana"},
                                     base={"status": "candidate"})
    assert v == 2
    with pytest.raises(ConflictError) as caught, any_ctx.db.write() as s:
        locking.update_versioned(s, DuplicatePairRow, ids["pair"], 1,
                                 {"status": "rejected", "decided_by": "ben"},
                                 base={"status": "candidate", "decided_by": None})
    err = caught.value
    assert (err.kind, err.record_id, err.expected_version, err.current_version) == (
        "duplicate decision", ids["pair"], 1, 2)
    assert {(c.field, c.yours, c.theirs) for c in err.changes} == {
        ("status", "candidate", "confirmed"), ("decided_by", None, "ana")}
    assert "status is now 'confirmed'" in str(err) and "nothing was overwritten" in str(err)
    with any_ctx.db.read() as s:
        row = s.get(DuplicatePairRow, ids["pair"])
        assert (row.status, row.decided_by, row.version) == ("confirmed", "ana", 2)


def test_conflict_on_deleted_record_and_versioned_delete(any_ctx, tmp_path):
    ids = seed(any_ctx, tmp_path)
    with pytest.raises(ConflictError) as caught, any_ctx.db.write() as s:
        locking.delete_versioned(s, SpanRow, ids["span"], 7)
    assert caught.value.current_version == 1 and not caught.value.deleted
    with any_ctx.db.write() as s:
        locking.delete_versioned(s, SpanRow, ids["span"], 1)
    with pytest.raises(ConflictError, match="deleted by someone else") as caught, \
            any_ctx.db.write() as s:
        locking.update_versioned(s, SpanRow, ids["span"], 1, {"entity_id": ids["entity"]})
    assert caught.value.deleted and caught.value.kind == "tag"


def test_check_versions_and_release_status(any_ctx, tmp_path):
    ids = seed(any_ctx, tmp_path)
    with any_ctx.db.write() as s:
        locking.check_versions(s, ReleaseRowTable, {ids["a"]: 1, ids["b"]: 1})
    any_ctx.library.set_status([ids["b"]], any_ctx.library.release(ids["b"]).review_status)
    with pytest.raises(ConflictError) as caught, any_ctx.db.write() as s:
        locking.check_versions(s, ReleaseRowTable, {ids["a"]: 1, ids["b"]: 1})
    assert caught.value.record_id == ids["b"] and caught.value.current_version == 2


def test_orm_version_check_becomes_a_conflict(any_ctx, tmp_path, backend):
    ids = seed(any_ctx, tmp_path)
    bump = text("UPDATE entities SET version = version + 1, canonical_name = 'X' WHERE id = :i")
    with pytest.raises(ConflictError, match="nothing was overwritten"):
        with any_ctx.db.write() as s:
            row = s.get(EntityRow, ids["entity"])
            if backend == "postgresql":
                with any_ctx.db.write() as other:
                    other.execute(bump, {"i": ids["entity"]})
            else:  # one writer at a time: change the row under the ORM's feet
                s.execute(bump, {"i": ids["entity"]})
            row.canonical_name = "Antonio Vitorino"
            s.flush()


def _wait_for_lock_wait(db, timeout: float = 20.0) -> None:
    """Until another backend of this database waits on a row lock."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        with db.read() as s:
            waiting = s.scalar(text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock'"))
        if waiting:
            return
        time.sleep(0.02)
    raise AssertionError("the second writer never waited for the first")


def test_concurrent_tagging_keeps_the_tag_count(pg_url, tmp_path, app_paths):
    """Two writers tag one release; the second counts before the first commits."""
    from desktop_app.services.context import open_context

    ctx = open_context(pg_url, app_paths)
    try:
        ids = seed(ctx, tmp_path)
        with ctx.db.write() as s:
            ann_repo.refresh_tag_counts(s, [ids["a"]])
        first = ctx.db.write()
        s1 = first.__enter__()
        ann_repo.insert_span(s1, ids["a"], 0, 5, "Alpha", 1, None, "ana")
        ann_repo.refresh_tag_counts(s1, [ids["a"]])
        failure: list[BaseException] = []

        def second() -> None:
            try:
                with ctx.db.write() as s2:
                    ann_repo.insert_span(s2, ids["a"], 26, 30, "Baku", 1, None, "ben")
                    ann_repo.refresh_tag_counts(s2, [ids["a"]])
            except BaseException as exc:  # reported below
                failure.append(exc)

        worker = threading.Thread(target=second)
        worker.start()
        _wait_for_lock_wait(ctx.db)
        first.__exit__(None, None, None)
        worker.join(timeout=30)
        assert not failure
        with ctx.db.read() as s:
            spans = len(list(s.scalars(select(SpanRow.id).where(SpanRow.release_id == ids["a"]))))
            counted = s.scalar(select(ReleaseRowTable.tag_count)
                               .where(ReleaseRowTable.id == ids["a"]))
        assert spans == counted == 3
    finally:
        ctx.close()


def test_lock_rows_is_harmless_on_sqlite(tmp_path):
    db = open_database(tmp_path / "x.sqlite3")
    try:
        with db.write() as s:
            locking.lock_rows(s, ReleaseRowTable, [1, 2])
    finally:
        db.dispose()


def test_taggers_who_both_inserted_do_not_deadlock(pg_url, tmp_path, app_paths):
    """Both insert a span (taking KEY SHARE on the release) before either recounts."""
    from desktop_app.services.context import open_context

    ctx = open_context(pg_url, app_paths)
    try:
        ids = seed(ctx, tmp_path)
        first = ctx.db.write()
        s1 = first.__enter__()
        s1.execute(text("SET LOCAL lock_timeout = '10s'"))
        ann_repo.insert_span(s1, ids["a"], 0, 5, "Alpha", 1, None, "ana")
        inserted, go = threading.Event(), threading.Event()
        failure: list[BaseException] = []

        def second() -> None:
            try:
                with ctx.db.write() as s2:
                    ann_repo.insert_span(s2, ids["a"], 26, 30, "Baku", 1, None, "ben")
                    inserted.set()
                    go.wait(timeout=30)
                    ann_repo.refresh_tag_counts(s2, [ids["a"]])
            except BaseException as exc:  # reported below
                failure.append(exc)
                inserted.set()

        worker = threading.Thread(target=second)
        worker.start()
        assert inserted.wait(timeout=30)
        ann_repo.refresh_tag_counts(s1, [ids["a"]])  # must not wait for the second writer
        go.set()
        first.__exit__(None, None, None)
        worker.join(timeout=30)
        assert not failure
        with ctx.db.read() as s:
            counted = s.scalar(select(ReleaseRowTable.tag_count)
                               .where(ReleaseRowTable.id == ids["a"]))
        assert counted == 3
    finally:
        ctx.close()


def test_concurrent_pair_confirmations_give_one_version_group(pg_url, tmp_path, app_paths):
    """Confirming A–B and B–C at once must put A, B and C in one group."""
    from desktop_app.domain.enums import PairStatus
    from desktop_app.services.context import open_context
    from desktop_app.storage import duplicates as dup_repo

    ctx = open_context(pg_url, app_paths)
    try:
        folder = tmp_path / "in"
        folder.mkdir()
        for name in "abc":
            (folder / f"{name}.txt").write_text(f"{name}\n\nText {name}.", encoding="utf-8")
        ctx.ingest.import_paths([folder])
        a, b, c = sorted(ctx.library.list_ids())
        with ctx.db.write() as s:
            ab = DuplicatePairRow(release_a=a, release_b=b, kind="near", score=0.9, evidence={},
                                  found_at=STAMP)
            bc = DuplicatePairRow(release_a=b, release_b=c, kind="near", score=0.9, evidence={},
                                  found_at=STAMP)
            s.add_all([ab, bc])
            s.flush()
            ab_id, bc_id = ab.id, bc.id
        first = ctx.db.write()
        s1 = first.__enter__()
        dup_repo.set_pair_status(s1, ab_id, PairStatus.CONFIRMED, "ana", 1)
        dup_repo.refresh_groups(s1, [a, b])
        failure: list[BaseException] = []

        def second() -> None:
            try:
                with ctx.db.write() as s2:
                    dup_repo.set_pair_status(s2, bc_id, PairStatus.CONFIRMED, "ben", 1)
                    dup_repo.refresh_groups(s2, [b, c])
            except BaseException as exc:  # reported below
                failure.append(exc)

        worker = threading.Thread(target=second)
        worker.start()
        _wait_for_lock_wait(ctx.db)
        first.__exit__(None, None, None)
        worker.join(timeout=30)
        assert not failure
        with ctx.db.read() as s:
            groups = dict(s.execute(select(ReleaseRowTable.id, ReleaseRowTable.version_group)).all())
        assert groups[a] == groups[b] == groups[c] == a
    finally:
        ctx.close()


def test_services_refuse_saves_over_a_stale_version(any_ctx, tmp_path):
    """Tagging and entity edits made on an old view are refused, saying what changed."""
    ids = seed(any_ctx, tmp_path)
    any_ctx.sessions.log.set_actor("ana")
    seen = any_ctx.annotate.span(ids["span"])
    other = any_ctx.entities.create(1, "Antonio Guterres")
    any_ctx.annotate.link_span(seen.id, ids["entity"], teach=False,
                               expected_version=seen.version)       # ana links it
    with pytest.raises(ConflictError) as caught:                     # ben still sees v1
        any_ctx.annotate.link_span(seen.id, other.id, teach=False, expected_version=seen.version)
    err = caught.value
    assert err.kind == "tag" and err.current_version == seen.version + 1
    assert [(c.field, c.theirs) for c in err.changes] == [("entity_id", ids["entity"])]
    assert any_ctx.annotate.span(seen.id).entity_id == ids["entity"]
    with pytest.raises(ConflictError):
        any_ctx.annotate.set_span_type(seen.id, 2, expected_version=seen.version)
    ent = any_ctx.entities.get(ids["entity"])
    any_ctx.entities.rename(ent.id, "António Manuel Vitorino", expected_version=ent.version)
    with pytest.raises(ConflictError, match="canonical_name is now 'António Manuel Vitorino'"):
        any_ctx.entities.rename(ent.id, "A. Vitorino", expected_version=ent.version)


def test_status_change_over_a_stale_release_is_refused(any_ctx, tmp_path):
    from desktop_app.domain.enums import ReviewStatus

    ids = seed(any_ctx, tmp_path)
    seen = {i: any_ctx.library.release(i).version for i in (ids["a"], ids["b"])}
    any_ctx.library.set_status([ids["b"]], ReviewStatus.SKIPPED, {ids["b"]: seen[ids["b"]]})
    with pytest.raises(ConflictError) as caught:
        any_ctx.library.set_status([ids["a"], ids["b"]], ReviewStatus.DONE, seen)
    assert caught.value.record_id == ids["b"] and caught.value.kind == "release"
    assert any_ctx.library.release(ids["a"]).review_status is ReviewStatus.NEW  # all or nothing
    assert any_ctx.library.release(ids["b"]).review_status is ReviewStatus.SKIPPED
