"""A throwaway PostgreSQL server on loopback for the test session.

`initdb` + `pg_ctl` in a temporary folder (run as the `postgres` user when the tests run as
root, since initdb refuses root), listening on 127.0.0.1 on a free port with trust
authentication, stopped and deleted at the end of the session. Each test gets its own
database, copied from a migrated template so that a test costs a CREATE DATABASE, not a
migration. Set RR_TEST_PG_URL to a server URL (a role allowed to create databases) to use an
existing server instead. Where no server can be started, PostgreSQL tests skip and say why.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_URL_ENV = "RR_TEST_PG_URL"
TEMPLATE_DB = "rr_template"
_counter = itertools.count(1)


def _bin_dir() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    return Path(candidates[-1]).parent if candidates else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LocalServer:
    """A PostgreSQL cluster in a temporary folder; start() raises RuntimeError with the reason."""

    def __init__(self) -> None:
        self.bin = _bin_dir()
        self.root: Path | None = None
        self.port = 0
        self.run_as: str | None = None
        self.started = False

    def _cmd(self, *args: str) -> list[str]:
        if self.run_as:
            return ["runuser", "-u", self.run_as, "--", *args]
        return list(args)

    def _run(self, *args: str) -> None:
        done = subprocess.run(self._cmd(*args), capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"{Path(args[0]).name} failed: {(done.stderr or done.stdout)[-800:]}")

    def start(self) -> str:
        if self.bin is None:
            raise RuntimeError("PostgreSQL server binaries (initdb, pg_ctl) are not installed; "
                               "install the Debian package postgresql")
        if os.geteuid() == 0:
            try:
                pwd.getpwnam("postgres")
            except KeyError:
                raise RuntimeError("running as root and there is no 'postgres' user to run "
                                   "initdb as") from None
            if shutil.which("runuser") is None:
                raise RuntimeError("running as root and runuser is missing")
            self.run_as = "postgres"
        self.root = Path(tempfile.mkdtemp(prefix="rr-pg-"))
        if self.run_as:
            entry = pwd.getpwnam(self.run_as)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        data = self.root / "data"
        self._run(str(self.bin / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
                  "-E", "UTF8", "--locale=C", "--no-sync")
        self.port = _free_port()
        options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                   "-c max_connections=60")
        self._run(str(self.bin / "pg_ctl"), "-D", str(data), "-o", options, "-w", "-t", "60",
                  "-l", str(self.root / "server.log"), "start")
        self.started = True
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        if self.root is None:
            return
        if self.started:
            with contextlib.suppress(Exception):
                self._run(str(self.bin / "pg_ctl"), "-D", str(self.root / "data"), "-m", "fast",
                          "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)
        self.root = None


def _admin_engine(url: str):
    from sqlalchemy import create_engine

    return create_engine(url, isolation_level="AUTOCOMMIT", pool_size=1, max_overflow=0)


def _with_database(url: str, name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def pg_server_url() -> Iterator[str]:
    """URL of a PostgreSQL server with a migrated template database; skips when none."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("PostgreSQL tests skipped: psycopg is not installed "
                    "(pip install -e '.[postgres]')")
    server = None
    url = os.environ.get(PG_URL_ENV)
    if not url:
        server = LocalServer()
        try:
            url = server.start()
        except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
            server.stop()
            pytest.skip(f"PostgreSQL tests skipped: no server could be started ({exc})")
    try:
        _make_template(url)
        yield url
    finally:
        if server is not None:
            server.stop()


def _make_template(url: str) -> None:
    from desktop_app.storage import open_database

    admin = _admin_engine(url)
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{TEMPLATE_DB}" WITH (FORCE)')
            conn.exec_driver_sql(f'CREATE DATABASE "{TEMPLATE_DB}"')
    finally:
        admin.dispose()
    open_database(_with_database(url, TEMPLATE_DB)).dispose()


@contextlib.contextmanager
def fresh_database(server_url: str, migrated: bool = True) -> Iterator[str]:
    """A new database on the server (a copy of the migrated template, or empty); dropped after."""
    name = f"rr_test_{os.getpid()}_{next(_counter)}"
    admin = _admin_engine(server_url)
    try:
        with admin.connect() as conn:
            template = f' TEMPLATE "{TEMPLATE_DB}"' if migrated else ""
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"{template}')
        yield _with_database(server_url, name)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


class ReusableDatabase:
    """One migrated database emptied between tests: much cheaper than CREATE DATABASE.

    Emptying = TRUNCATE every table but alembic_version, then put back the rows the
    migrations seeded (annotation types), with sequences past them, as in a new database.
    """

    def __init__(self, server_url: str) -> None:
        from sqlalchemy import create_engine

        self.server_url = server_url
        self.name = f"rr_work_{os.getpid()}"
        admin = _admin_engine(server_url)
        try:
            with admin.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
                conn.exec_driver_sql(f'CREATE DATABASE "{self.name}" TEMPLATE "{TEMPLATE_DB}"')
        finally:
            admin.dispose()
        self.url = _with_database(server_url, self.name)
        self.engine = create_engine(self.url, pool_size=1, max_overflow=0)
        with self.engine.connect() as conn:
            self.tables = list(conn.exec_driver_sql(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                "AND tablename <> 'alembic_version' ORDER BY tablename").scalars())
            self.seeds = {t: [dict(r) for r in conn.exec_driver_sql(
                f'SELECT * FROM "{t}" ORDER BY id').mappings()]  # noqa: S608 - catalog names
                for t in self.tables
                if t != "release_search"}
            self.seeds = {t: rows for t, rows in self.seeds.items() if rows}
        self.dirty = False

    def reset(self) -> str:
        from sqlalchemy import column, table

        if self.dirty:
            with self.engine.begin() as conn:
                conn.exec_driver_sql(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()")
                self._empty(conn)
                # Parents before children: the seeds are the annotation types, then roles.
                for name in sorted(self.seeds, key=lambda t: t == "event_roles"):
                    rows = self.seeds[name]
                    conn.execute(table(name, *(column(c) for c in rows[0])).insert(), rows)
                    top = max(r["id"] for r in rows)
                    conn.exec_driver_sql(
                        f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), {int(top)})")
        self.dirty = True
        return self.url

    def _empty(self, conn) -> None:
        superuser = conn.exec_driver_sql("SELECT rolsuper FROM pg_roles "
                                         "WHERE rolname = current_user").scalar()
        if not superuser:
            names = ", ".join(f'"{t}"' for t in self.tables)
            conn.exec_driver_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
            return
        # DELETE of a few rows is far cheaper than TRUNCATE's new files; with foreign-key
        # triggers off (superuser only) the order does not matter.
        conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
        for name in self.tables:
            conn.exec_driver_sql(f'DELETE FROM "{name}"')  # noqa: S608 - catalog names
        for seq in conn.exec_driver_sql(
                "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'").scalars():
            conn.exec_driver_sql(f"SELECT setval('\"{seq}\"', 1, false)")
        conn.exec_driver_sql("SET LOCAL session_replication_role = DEFAULT")

    def dispose(self) -> None:
        self.engine.dispose()
        admin = _admin_engine(self.server_url)
        try:
            with admin.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        finally:
            admin.dispose()


@pytest.fixture(scope="session")
def pg_reusable(pg_server_url: str) -> Iterator[ReusableDatabase]:
    db = ReusableDatabase(pg_server_url)
    yield db
    db.dispose()


@pytest.fixture
def pg_url(pg_reusable: ReusableDatabase) -> str:
    """URL of an empty, migrated database for one test (emptied again for the next)."""
    return pg_reusable.reset()
