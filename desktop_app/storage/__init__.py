"""Persistence: engine, migrations, backups and repositories returning domain objects."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.exc import DBAPIError

from ..domain.errors import StorageError
from .backup import quick_check
from .engine import Database, make_engine, translate
from .migrate import upgrade


def open_database(target: str | Path, backup_dir: Path | None = None) -> Database:
    """Open (creating if needed) and migrate a database; raise StorageError with a clear message."""
    path = None if "://" in str(target) else Path(target).expanduser()
    if path is not None:
        if path.exists() and path.is_dir():
            raise StorageError(f"{path} is a folder, not a database file.")
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > 0:
            with open(path, "rb") as fh:
                if fh.read(16) != b"SQLite format 3\x00":
                    raise StorageError(f"{path} is not a Release Review database.")
    engine = make_engine(target)
    try:
        if engine.dialect.name == "sqlite" and path is not None and path.exists():
            verdict = quick_check(engine)
            if verdict != "ok":
                raise StorageError(
                    f"The database {path} is damaged ({verdict[:200]}). "
                    "Use File ▸ Restore from backup… to go back to a good copy.")
        upgrade(engine, backup_dir)
    except DBAPIError as exc:
        engine.dispose()
        raise translate(exc) from exc
    except Exception:
        engine.dispose()
        raise
    return Database(engine)


__all__ = ["Database", "open_database"]
