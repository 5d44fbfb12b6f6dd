"""Online backups of SQLite databases with the SQLite backup API, rotated, checked, restored.

A backup is one self-contained file (rollback-journal mode, no -wal beside it), written under a
temporary name and renamed, so a crash mid-backup never leaves a half file that looks whole.
Names: `<stem>-<YYYYmmdd-HHMMSS-ffffff>-<reason>.sqlite3`.
"""

from __future__ import annotations

import os
import re
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from .engine import translate

KEEP_BACKUPS = 10
# Copies taken before something risky are kept apart from routine ones, so routine backups
# never rotate away the copy taken before a migration or a restore.
_SAFETY = ("before-", "damaged")
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<reason>[A-Za-z0-9_.-]+)$")
REQUIRED_TABLES = ("releases", "alembic_version")


def _target(backup_dir: Path, stem: str, reason: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", reason) or "auto"
    return backup_dir / f"{stem}-{stamp}-{safe}.sqlite3"


def _copy(source: sqlite3.Connection, target: Path) -> Path:
    """Page-by-page copy of `source` into a new single file at `target`."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    dest = sqlite3.connect(partial)
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
        dest.commit()
    finally:
        dest.close()
    os.replace(partial, target)
    return target


def backup_sqlite(engine: Engine, backup_dir: Path, reason: str = "auto",
                  keep: int = KEEP_BACKUPS) -> Path:
    """Copy the live database into `backup_dir`; keep the newest `keep` of its kind."""
    source_path = Path(engine.url.database or "")
    backup_dir.mkdir(parents=True, exist_ok=True)
    target = _target(backup_dir, source_path.stem, reason)
    raw = engine.raw_connection()
    try:
        _copy(raw.driver_connection, target)
    finally:
        raw.close()
    rotate(backup_dir, source_path.stem, keep)
    return target


def backup_file(db_path: Path, backup_dir: Path, reason: str) -> Path:
    """Backup of a database file that is not open in this process."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return _copy(src, _target(backup_dir, db_path.stem, reason))
    finally:
        src.close()


def parse_name(path: Path) -> tuple[str, datetime, str] | None:
    """(stem, time taken, reason) from a backup's file name, or None if it is not one."""
    m = _NAME.match(path.name.removesuffix(".sqlite3"))
    if not m or not path.name.endswith(".sqlite3"):
        return None
    return m["stem"], datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S-%f"), m["reason"]


def list_backups(backup_dir: Path, stem: str) -> list[Path]:
    """Backups of databases named `stem`, newest first."""
    if not backup_dir.is_dir():
        return []
    found = []
    for p in backup_dir.glob(f"{glob_escape(stem)}-*.sqlite3"):
        parsed = parse_name(p)
        if parsed and parsed[0] == stem:
            found.append((parsed[1], p))
    return [p for _, p in sorted(found, reverse=True)]


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def is_safety_copy(path: Path) -> bool:
    parsed = parse_name(path)
    return bool(parsed) and parsed[2].startswith(_SAFETY)


def rotate(backup_dir: Path, stem: str, keep: int) -> None:
    every = list_backups(backup_dir, stem)
    for group in ([p for p in every if is_safety_copy(p)],
                  [p for p in every if not is_safety_copy(p)]):
        for old in group[keep:]:
            old.unlink(missing_ok=True)


def quick_check(engine: Engine) -> str:
    """'ok' or SQLite's description of the damage."""
    try:
        raw = engine.raw_connection()
        try:
            rows = raw.driver_connection.execute("PRAGMA quick_check").fetchall()
        finally:
            raw.close()
    except (sqlite3.DatabaseError, DBAPIError) as exc:
        # Damage bad enough that the check cannot even run is damage too; a lock is not.
        message = str(getattr(exc, "orig", exc))
        if "locked" in message or "busy" in message:
            raise translate(exc) from exc
        return message
    return "; ".join(str(r[0]) for r in rows)


def check_file(path: Path) -> str:
    """'ok' if `path` is an undamaged Release Review database, else what is wrong with it."""
    try:
        with open(path, "rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                return "not a SQLite database"
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            verdict = "; ".join(str(r[0]) for r in con.execute("PRAGMA quick_check"))
            if verdict != "ok":
                return verdict[:300]
            names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            con.close()
    except (OSError, sqlite3.DatabaseError) as exc:
        return str(exc)
    missing = [t for t in REQUIRED_TABLES if t not in names]
    return f"not a Release Review database (missing {', '.join(missing)})" if missing else "ok"


def restore_into(engine: Engine, backup: Path) -> None:
    """Replace the live database's content with `backup`, in place, with the backup API.

    The engine stays usable; every connection sees the restored content at its next read.
    """
    engine.dispose()  # idle pooled connections would otherwise keep stale page caches warm
    src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        raw = engine.raw_connection()
        try:
            src.backup(raw.driver_connection)
            raw.driver_connection.execute("PRAGMA journal_mode = WAL")
        finally:
            raw.close()
    finally:
        src.close()
    engine.dispose()


def replace_file(db_path: Path, backup: Path, backup_dir: Path) -> Path | None:
    """Put a copy of `backup` at `db_path` (not open anywhere); move the old file aside first.

    Returns where the old file went (None if there was none). Its -wal and -shm go with it:
    a stale -wal beside the restored file would be replayed into it.
    """
    moved = None
    if db_path.exists():
        backup_dir.mkdir(parents=True, exist_ok=True)
        moved = _target(backup_dir, db_path.stem, "damaged")
        os.replace(db_path, moved)
    for suffix in ("-wal", "-shm", "-journal"):
        side = Path(f"{db_path}{suffix}")
        if side.exists():
            if moved is not None:
                os.replace(side, Path(f"{moved}{suffix}"))
            else:
                side.unlink()
    src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        _copy(src, db_path)
    finally:
        src.close()
    return moved
