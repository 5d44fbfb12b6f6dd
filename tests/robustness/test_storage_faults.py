"""Storage faults give a clear StorageError subclass and lose nothing already committed.

Tests run as root in CI, where chmod does not stop writes; a read-only database is therefore
made with a `mode=ro` URI (SQLite refuses every write, as for a read-only file) and, where
mounting is allowed, with a read-only bind mount (EROFS from the kernel). A full disk is a
tiny tmpfs where mounting is allowed, and SQLite's own `max_page_count` limit otherwise (the
same SQLITE_FULL error path).
"""

from __future__ import annotations

import contextlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import event

from desktop_app.domain.enums import ReviewStatus
from desktop_app.domain.errors import (
    DatabaseLockedError,
    DiskFullError,
    ReadOnlyDatabaseError,
    StorageError,
)
from desktop_app.services import ingest as ingest_module
from desktop_app.services.context import open_context
from desktop_app.services.ingest import IngestService
from desktop_app.services.library import LibraryService
from desktop_app.storage import engine as engine_module
from desktop_app.storage import open_database

from .corpus import write_part


def snapshot(db: Path) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return con.execute("SELECT id, content_hash, review_status FROM releases ORDER BY id"
                           ).fetchall()
    finally:
        con.close()


def populated(tmp_path: Path, app_paths, n: int = 6) -> Path:
    db = tmp_path / "db" / "work.sqlite3"
    ctx = open_context(db, app_paths)
    write_part(tmp_path / "corpus", 0, n, copies=0)
    ctx.ingest.import_paths([tmp_path / "corpus"])
    ctx.close()
    return db


def mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


# --- read-only ------------------------------------------------------------------------------

def test_read_only_uri_reads_work_and_writes_say_read_only(tmp_path, app_paths):
    db_path = populated(tmp_path, app_paths)
    before = snapshot(db_path)
    db = open_database(f"sqlite:///file:{db_path}?mode=ro&uri=true")
    try:
        library = LibraryService(db)
        assert library.count() == len(before)
        with pytest.raises(ReadOnlyDatabaseError, match="cannot be written"):
            library.set_status(library.list_ids()[:1], ReviewStatus.DONE)
        with pytest.raises(ReadOnlyDatabaseError):
            IngestService(db).import_paths([tmp_path / "corpus"])
    finally:
        db.dispose()
    assert snapshot(db_path) == before


def test_read_only_mount_gives_a_storage_error_and_keeps_the_file(tmp_path, app_paths):
    db_path = populated(tmp_path, app_paths)
    before = snapshot(db_path)
    view = tmp_path / "ro"
    view.mkdir()
    if not (mount("--bind", str(db_path.parent), str(view))):
        pytest.skip("bind mounts are not allowed here")
    try:
        if not mount("-o", "remount,ro,bind", str(view)):
            pytest.skip("read-only remount is not allowed here")
        with pytest.raises(StorageError) as err:
            ctx = open_context(view / db_path.name, app_paths)
            try:  # if this SQLite can read WAL files on read-only media, writing must fail
                ctx.library.set_status(ctx.library.list_ids()[:1], ReviewStatus.DONE)
            finally:
                ctx.close()
        assert "Traceback" not in str(err.value) and str(err.value)
    finally:
        subprocess.run(["umount", str(view)], check=False)
    assert snapshot(db_path) == before


# --- locked ---------------------------------------------------------------------------------

HOLDER = """
import sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
con.execute("BEGIN IMMEDIATE")
con.execute("UPDATE releases SET review_status = 'skipped'")
print("LOCKED", flush=True)
sys.stdin.readline()
con.execute("ROLLBACK")
"""


@contextlib.contextmanager
def held_write_lock(db: Path):
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "LOCKED"
        yield
    finally:
        proc.stdin.write("\n")
        proc.stdin.close()
        proc.wait(timeout=30)


def test_locked_database_says_locked_and_recovers(tmp_path, app_paths, monkeypatch):
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 300)
    db_path = populated(tmp_path, app_paths)
    before = snapshot(db_path)
    ctx = open_context(db_path, app_paths)
    try:
        first = ctx.library.list_ids()[:1]
        with held_write_lock(db_path):
            assert ctx.library.count() == len(before)  # WAL: reading goes on
            with pytest.raises(DatabaseLockedError, match="locked by another program"):
                ctx.library.set_status(first, ReviewStatus.DONE)
            with pytest.raises(DatabaseLockedError):
                ctx.ingest.import_paths([tmp_path / "corpus"])
        assert snapshot(db_path) == before  # the other program rolled back; we lost nothing
        ctx.library.set_status(first, ReviewStatus.DONE)  # and writing works again
        assert ctx.library.rows(first)[first[0]].review_status is ReviewStatus.DONE
    finally:
        ctx.close()


# --- full disk ------------------------------------------------------------------------------

@pytest.fixture
def small_batches(monkeypatch):
    """Many small commits, so some land before the disk fills up."""
    monkeypatch.setattr(ingest_module, "BATCH_RELEASES", 10)


def fill_and_check(ctx, corpus: Path, db_path: Path) -> int:
    """Import until the disk is full; the error is DiskFullError and every commit survives."""
    with pytest.raises(DiskFullError, match="disk holding the database is full"):
        ctx.ingest.import_paths([corpus])
    stored = snapshot(db_path)
    assert 0 < len(stored) < 400
    return len(stored)


def test_full_disk_on_a_small_tmpfs(tmp_path, app_paths, small_batches):
    disk = tmp_path / "disk"
    disk.mkdir()
    if not mount("-t", "tmpfs", "-o", "size=1200k", "tmpfs", str(disk)):
        pytest.skip("tmpfs mounts are not allowed here")
    try:
        db_path = disk / "work.sqlite3"
        ctx = open_context(db_path, app_paths)
        for part in range(4):
            write_part(tmp_path / "corpus", part, 100, copies=0)
        try:
            kept = fill_and_check(ctx, tmp_path / "corpus", db_path)
            assert mount("-o", "remount,size=64m", str(disk))
            report = ctx.ingest.import_paths([tmp_path / "corpus"])  # space again: completes
            assert not report.problems
            assert ctx.library.count() == 400 > kept
        finally:
            ctx.close()
        assert len(snapshot(db_path)) == 400
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def test_full_disk_by_sqlite_page_limit(tmp_path, app_paths, small_batches):
    db_path = tmp_path / "work.sqlite3"
    ctx = open_context(db_path, app_paths)
    try:
        used = sqlite3.connect(db_path).execute("PRAGMA page_count").fetchone()[0]
        limit = {"pages": used + 150}

        @event.listens_for(ctx.db.engine, "connect")
        def _limit(dbapi_conn, _record) -> None:  # noqa: ANN001
            dbapi_conn.execute(f"PRAGMA max_page_count = {limit['pages']}")

        ctx.db.engine.dispose()
        for part in range(4):
            write_part(tmp_path / "corpus", part, 100, copies=0)
        kept = fill_and_check(ctx, tmp_path / "corpus", db_path)
        limit["pages"] = 1_000_000
        ctx.db.engine.dispose()
        ctx.ingest.import_paths([tmp_path / "corpus"])
        assert ctx.library.count() == 400 > kept
    finally:
        ctx.close()


def test_disk_full_while_tagging_keeps_earlier_tags(tmp_path, app_paths):
    db_path = populated(tmp_path, app_paths, n=3)
    ctx = open_context(db_path, app_paths)
    try:
        rid = ctx.library.list_ids()[0]
        type_id = ctx.annotate.schema().entity_types[0].id
        text = ctx.annotate.text_of(rid)
        kept, _ = ctx.annotate.create_span(rid, 0, 5, type_id)
        pages = sqlite3.connect(db_path).execute("PRAGMA page_count").fetchone()[0]

        @event.listens_for(ctx.db.engine, "connect")
        def _limit(dbapi_conn, _record) -> None:  # noqa: ANN001
            dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

        ctx.db.engine.dispose()
        committed = [kept]
        with pytest.raises(DiskFullError):
            for start in range(6, len(text) - 6, 7):  # until a page must be added
                if text[start:start + 5].strip():
                    committed.append(ctx.annotate.create_span(rid, start, start + 5,
                                                              type_id)[0])
    finally:
        ctx.close()
    ctx = open_context(db_path, app_paths)  # without the limit: every committed tag is there
    try:
        assert [ctx.annotate.span(s.id) for s in committed] == committed
    finally:
        ctx.close()
