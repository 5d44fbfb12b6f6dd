"""Apply Alembic migrations on open: back up first, refuse a schema newer than this app."""

from __future__ import annotations

import sys
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from ..domain.errors import SchemaTooNewError, StorageError
from .backup import backup_sqlite


def migrations_dir() -> Path:
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled:
        return Path(bundled) / "db"
    return Path(__file__).resolve().parents[2] / "db"


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()


def upgrade(engine: Engine, backup_dir: Path | None = None) -> Path | None:
    """Bring the schema to head. Returns the backup taken before migrating, if any."""
    script = ScriptDirectory.from_config(_config())
    head = script.get_current_head()
    current = current_revision(engine)
    if current == head:
        return None
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise SchemaTooNewError(
            "This database was written by a newer version of Release Review "
            f"(schema {current}). Install the newer version to open it; "
            "the file was not changed.")
    backup = None
    is_sqlite = engine.dialect.name == "sqlite"
    if is_sqlite and current is not None and backup_dir is not None:
        backup = backup_sqlite(engine, backup_dir, reason=f"before-migrate-{current}")
    cfg = _config()
    with engine.connect() as conn:
        if is_sqlite:
            # Batch migrations copy tables; with foreign keys on, the copy of a parent
            # table would cascade-delete its children.
            conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        if is_sqlite:
            problems = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
            conn.exec_driver_sql("PRAGMA foreign_keys = ON")
            if problems:
                raise StorageError(f"Migration left broken references: {problems[:5]}")
        conn.commit()
    return backup
