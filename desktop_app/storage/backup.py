"""Online backups of SQLite databases with the SQLite backup API, rotated."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

KEEP_BACKUPS = 10


def backup_sqlite(engine: Engine, backup_dir: Path, reason: str = "auto",
                  keep: int = KEEP_BACKUPS) -> Path:
    """Copy the live database page by page into `backup_dir`; keep the newest `keep`."""
    source_path = Path(engine.url.database or "")
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"{source_path.stem}-{stamp}-{reason}.sqlite3"
    raw = engine.raw_connection()
    try:
        dest = sqlite3.connect(target)
        try:
            raw.driver_connection.backup(dest)
        finally:
            dest.close()
    finally:
        raw.close()
    rotate(backup_dir, source_path.stem, keep)
    return target


def list_backups(backup_dir: Path, stem: str) -> list[Path]:
    if not backup_dir.is_dir():
        return []
    return sorted(backup_dir.glob(f"{stem}-*.sqlite3"), key=lambda p: p.stat().st_mtime,
                  reverse=True)


def rotate(backup_dir: Path, stem: str, keep: int) -> None:
    for old in list_backups(backup_dir, stem)[keep:]:
        old.unlink(missing_ok=True)


def quick_check(engine: Engine) -> str:
    """'ok' or SQLite's description of the damage."""
    raw = engine.raw_connection()
    try:
        rows = raw.driver_connection.execute("PRAGMA quick_check").fetchall()
    finally:
        raw.close()
    return "; ".join(str(r[0]) for r in rows)
