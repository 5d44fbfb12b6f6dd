"""Persistence: engine, migrations, backups and repositories returning domain objects."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.exc import DBAPIError

from ..domain.errors import StorageError
from .backup import quick_check
from .engine import Database, make_engine, translate
from .migrate import needs_upgrade, upgrade


def open_database(target: str | Path, backup_dir: Path | None = None,
                  integrity: str = "auto") -> Database:
    """Open (creating if needed) and migrate a database; raise StorageError with a clear message.

    integrity: "always" runs PRAGMA quick_check before anything else; "auto" runs it only
    when the last close was not clean (a write-ahead log was left behind) or a migration is
    due, and otherwise leaves `Database.integrity_checked` False so the caller can check in
    the background (a full check reads the whole file: about a second at 100k releases).
    """
    path = None if "://" in str(target) else Path(target).expanduser()
    if path is not None:
        if path.exists() and path.is_dir():
            raise StorageError(f"{path} is a folder, not a database file.")
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > 0:
            with open(path, "rb") as fh:
                if fh.read(16) != b"SQLite format 3\x00":
                    raise StorageError(f"{path} is not a Release Review database.")
    existed = path is not None and path.exists() and path.stat().st_size > 0
    engine = make_engine(target)
    checked = not existed
    try:
        if engine.dialect.name == "sqlite" and existed and (
                integrity == "always" or (integrity == "auto" and (
                    _unclean_close(path) or needs_upgrade(engine)))):
            verdict = quick_check(engine)
            if verdict != "ok":
                raise StorageError(
                    f"The database {path} is damaged ({verdict[:200]}). "
                    "Use File ▸ Restore from backup… to go back to a good copy.")
            checked = True
        upgrade(engine, backup_dir)
    except DBAPIError as exc:
        engine.dispose()
        raise translate(exc) from exc
    except Exception:
        engine.dispose()
        raise
    db = Database(engine)
    db.integrity_checked = checked or engine.dialect.name != "sqlite"
    return db


def _unclean_close(path: Path) -> bool:
    """SQLite removes the write-ahead log when the last connection closes cleanly."""
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


__all__ = ["Database", "open_database"]
