"""Engine creation, SQLite PRAGMAs, and the read/write unit-of-work helpers."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..domain.errors import (
    ConflictError,
    DatabaseLockedError,
    DiskFullError,
    ReadOnlyDatabaseError,
    StorageError,
)

BUSY_TIMEOUT_MS = 5000


def database_url(target: str | Path) -> str:
    """A SQLAlchemy URL for a path or URL given by the user."""
    text = str(target)
    for plain in ("postgresql://", "postgres://"):
        if text.startswith(plain):  # the driver this app ships with, not psycopg2
            return "postgresql+psycopg://" + text[len(plain):]
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def make_engine(target: str | Path, *, read_only: bool = False) -> Engine:
    url = database_url(target)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000,
                                                  "check_same_thread": False})
        _configure_sqlite(engine)
    else:
        try:
            engine = create_engine(url, pool_pre_ping=True,
                                   connect_args=_server_connect_args(url))
        except ModuleNotFoundError as exc:
            raise StorageError(
                f"Support for this database server is not installed ({exc.name} is missing). "
                "Install it with: pip install 'release-review[postgres]'") from exc
        except (ArgumentError, ValueError) as exc:
            raise StorageError(f"Not a usable database address: {exc}") from exc
    return engine


def _server_connect_args(url: str) -> dict:
    if url.startswith("postgresql"):
        # Fail fast on an unreachable server instead of hanging the window.
        return {"connect_timeout": 10, "application_name": "release-review"}
    return {}


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # We issue BEGIN ourselves so that writers can ask for BEGIN IMMEDIATE.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        try:
            cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cur.execute("PRAGMA foreign_keys = ON")
            try:
                cur.execute("PRAGMA journal_mode = WAL")
            except sqlite3.OperationalError:
                pass  # a read-only file cannot switch modes; reading still works
            cur.execute("PRAGMA synchronous = NORMAL")
            # Memory-mapped reads and a 64 MB page cache: list scans and the integrity
            # check at 100k releases take about half the time.
            cur.execute("PRAGMA mmap_size = 268435456")
            cur.execute("PRAGMA cache_size = -65536")
        finally:
            cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # noqa: ANN001 - SQLAlchemy Connection
        mode = conn.info.get("begin_mode", "")
        conn.exec_driver_sql(f"BEGIN {mode}".strip())


def translate(exc: BaseException) -> StorageError:
    """A storage error with a message a reviewer can act on."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "password authentication failed" in text or "no password supplied" in text:
        return StorageError(
            "The database server refused the user name or password. Check them in "
            "File ▸ Connect to server… and try again.")
    if "could not connect" in text or "connection refused" in text or (
            "connection to server" in text and "failed" in text):
        return StorageError(
            "The database server cannot be reached. Check the host and port, that the server "
            f"is running and that this computer may connect to it. ({getattr(exc, 'orig', exc)})")
    if "locked" in text or "busy" in text:
        return DatabaseLockedError(
            "The database is locked by another program. Close the other program or wait, "
            "then try again. Nothing was lost.")
    if ("readonly" in text or "read-only" in text or "read only" in text
            or "unable to open database file" in text):
        return ReadOnlyDatabaseError(
            "The database cannot be written: the file or its folder is read-only or cannot "
            "be opened. "
            "Your data is intact; open a copy in a writable folder to keep working.")
    if "disk is full" in text or "disk full" in text or "no space" in text:
        return DiskFullError(
            "The disk holding the database is full. Free some space and try again; "
            "everything saved before this action is intact.")
    return StorageError(f"The database reported an error: {getattr(exc, 'orig', exc)}")


@contextlib.contextmanager
def translated_errors() -> Iterator[None]:
    try:
        yield
    except (OperationalError, DBAPIError, sqlite3.OperationalError) as exc:
        raise translate(exc) from exc
    except StaleDataError as exc:  # the ORM's version check (version_id_col) failed
        raise ConflictError(
            "Someone else changed or deleted this record meanwhile. Reload to see the "
            "current version; nothing was overwritten.") from exc
    except OSError as exc:
        if exc.errno == 28:  # ENOSPC
            raise translate(Exception("disk is full")) from exc
        raise


class Database:
    """Owns the engine; hands out short sessions, one per unit of work."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.sqlite = is_sqlite(engine)
        # False until PRAGMA quick_check has passed on this open (see open_database).
        self.integrity_checked = not self.sqlite

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def path(self) -> Path | None:
        return Path(self.engine.url.database) if self.sqlite and self.engine.url.database else None

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with translated_errors(), Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction; committed on exit, BEGIN IMMEDIATE on SQLite."""
        with translated_errors(), self.engine.connect() as conn:
            conn.info["begin_mode"] = "IMMEDIATE"
            try:
                with Session(bind=conn, expire_on_commit=False) as session:
                    with session.begin():
                        yield session
            finally:
                conn.info.pop("begin_mode", None)

    def dispose(self) -> None:
        self.engine.dispose()
