"""Apply Alembic migrations on open: back up first, refuse a schema newer than this app."""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Engine, inspect, text

from ..domain.errors import SchemaTooNewError, StorageError
from .backup import backup_sqlite


def migrations_dir() -> Path:
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled:
        return Path(bundled) / "db"
    return Path(__file__).resolve().parents[2] / "db"


def _config():  # noqa: ANN202 - alembic.config.Config, imported only when migrating
    # Alembic is imported here, not at module level: opening an up-to-date database (every
    # start) never needs it, and importing it costs a fifth of a second.
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


_FIELD = re.compile(r"^(revision|down_revision)\s*=\s*['\"]?([\w.-]+|None)['\"]?\s*$", re.M)


@lru_cache(maxsize=1)
def head_revision() -> str:
    """The newest revision: the one no other revision names as its parent."""
    revisions, parents = set(), set()
    for path in migrations_dir().joinpath("versions").glob("*.py"):
        fields = dict(_FIELD.findall(path.read_text(encoding="utf-8")))
        if "revision" in fields:
            revisions.add(fields["revision"])
            parents.add(fields.get("down_revision"))
    heads = revisions - parents
    if len(heads) != 1:
        raise StorageError(f"The migrations have {len(heads)} heads; expected one.")
    return heads.pop()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()


def upgrade(engine: Engine, backup_dir: Path | None = None) -> Path | None:
    """Bring the schema to head. Returns the backup taken before migrating, if any."""
    current = current_revision(engine)
    if current == head_revision():
        return None
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_config())
    if script.get_current_head() != head_revision():
        raise StorageError("The migrations folder is inconsistent; reinstall the app.")
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
