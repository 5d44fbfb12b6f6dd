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


@pytest.fixture
def pg_url(pg_server_url: str) -> Iterator[str]:
    """URL of a fresh, migrated database for one test."""
    with fresh_database(pg_server_url) as url:
        yield url
