"""Rotating backups with the SQLite backup API, quick_check on open, and restoring."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from desktop_app.domain.errors import StorageError
from desktop_app.services.backups import BackupService
from desktop_app.services.context import open_context
from desktop_app.storage import open_database

from .corpus import release_text


def add_releases(ctx, folder: Path, first: int, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(first, first + n):
        (folder / f"r{i}.txt").write_text(release_text(i), encoding="utf-8")
    ctx.ingest.import_paths([folder])


@pytest.fixture
def service(ctx):
    return BackupService(ctx.db, ctx.paths.backup_dir, keep=3, interval_minutes=0)


def test_backup_now_lists_checks_and_is_self_contained(ctx, service, tmp_path):
    add_releases(ctx, tmp_path / "in", 0, 3)
    made = service.backup_now()
    assert made.reason == "manual" and made.size_bytes > 0
    assert [b.path for b in service.list()] == [made.path]
    assert service.check(made.path) == "ok"
    # One file per backup: no -wal beside it, nothing half-written left behind.
    assert sorted(p.name for p in made.path.parent.iterdir()) == [made.path.name]
    con = sqlite3.connect(made.path)
    assert con.execute("SELECT count(*) FROM releases").fetchone()[0] == 3
    con.close()


def test_verify_reports_ok_on_a_sound_database(ctx, service):
    assert service.verify() == "ok"


def test_routine_backups_rotate_but_safety_copies_stay(ctx, service):
    safety = service.backup_now("before-restore")
    for _ in range(5):
        service.backup_now("periodic")
    kept = service.list()
    assert len([b for b in kept if b.reason == "periodic"]) == 3
    assert safety.path in [b.path for b in kept]
    assert kept[0].created_at >= kept[-1].created_at


def test_periodic_backup_only_when_changed(ctx, service, tmp_path):
    assert service.on_open() is not None  # nothing yet: a backup at open
    assert service.on_open() is None or service.interval_s == 0
    service.backup_now()
    assert service.backup_if_due() is None  # nothing changed since
    add_releases(ctx, tmp_path / "in", 0, 1)
    assert service.backup_if_due() is not None


def test_on_open_skips_when_a_fresh_backup_exists(ctx):
    service = BackupService(ctx.db, ctx.paths.backup_dir, interval_minutes=10)
    first = service.on_open()
    assert first is not None and first.reason == "open"
    assert BackupService(ctx.db, ctx.paths.backup_dir, interval_minutes=10).on_open() is None


def test_periodic_thread_backs_up_changes(ctx, tmp_path):
    service = BackupService(ctx.db, ctx.paths.backup_dir, interval_minutes=0)
    service.backup_now()
    add_releases(ctx, tmp_path / "in", 0, 1)
    service.start_periodic()
    try:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and not any(
                b.reason == "periodic" for b in service.list()):
            time.sleep(0.1)
    finally:
        service.stop()
    assert any(b.reason == "periodic" for b in service.list())


def test_restore_brings_back_content_and_keeps_current_as_backup(ctx, service, tmp_path):
    add_releases(ctx, tmp_path / "in", 0, 2)
    good = service.backup_now()
    add_releases(ctx, tmp_path / "in2", 10, 3)
    assert ctx.library.count() == 5
    changes = service.restore(good.path)
    assert changes.release_list and changes.schema
    assert ctx.library.count() == 2
    assert ctx.library.list_ids()  # the open services keep working
    safety = Path(changes.extra["safety_backup"])
    assert service.check(safety) == "ok"
    service.restore(safety)  # a restore can itself be undone
    assert ctx.library.count() == 5
    with ctx.db.read() as s:
        from sqlalchemy import text
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"


@pytest.mark.parametrize("damage", ["garbage", "truncated", "other-sqlite"])
def test_restore_refuses_a_bad_backup_and_changes_nothing(ctx, service, tmp_path, damage):
    add_releases(ctx, tmp_path / "in", 0, 2)
    good = service.backup_now()
    bad = tmp_path / f"bad-{damage}.sqlite3"
    if damage == "garbage":
        bad.write_bytes(b"not a database at all" * 100)
    elif damage == "truncated":
        bad.write_bytes(good.path.read_bytes()[:5000])
    else:
        con = sqlite3.connect(bad)
        con.execute("CREATE TABLE notes (x)")
        con.commit()
        con.close()
    with pytest.raises(StorageError, match="cannot be used"):
        service.restore(bad)
    assert ctx.library.count() == 2


def corrupt(path: Path) -> None:
    """Overwrite pages after the first with noise, as a failing disk would."""
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 2, len(data) - page, page * 3):
        data[offset + 8: offset + 200] = bytes(range(192))
    path.write_bytes(bytes(data))


def test_damaged_database_is_refused_with_a_way_back(app_paths, tmp_path):
    db_path = tmp_path / "work.sqlite3"
    ctx = open_context(db_path, app_paths)
    add_releases(ctx, tmp_path / "in", 0, 30)
    service = BackupService(ctx.db, app_paths.backup_dir)
    good = service.backup_now()
    ctx.close()
    corrupt(db_path)
    with pytest.raises(StorageError, match="damaged.*Restore from backup"):
        open_database(db_path, app_paths.backup_dir, integrity="always")
    offered = BackupService.backups_of(db_path, app_paths.backup_dir)
    assert [b.path for b in offered] == [good.path]
    moved = BackupService.restore_file(db_path, good.path, app_paths.backup_dir)
    assert moved is not None and moved.exists()  # the damaged file is kept, out of the way
    ctx = open_context(db_path, app_paths)
    try:
        assert ctx.library.count() == 30
    finally:
        ctx.close()
