"""Shared fixtures: every test runs headless over its own temporary database."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from pg_server import pg_reusable, pg_server_url, pg_url  # noqa: E402,F401 - fixtures

from desktop_app.services.context import AppContext, open_context  # noqa: E402
from desktop_app.services.paths import AppPaths  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def app_paths(tmp_path: Path) -> AppPaths:
    return AppPaths.resolve(tmp_path / "data")


@pytest.fixture
def ctx(app_paths: AppPaths):
    context: AppContext = open_context(None, app_paths)
    yield context
    context.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request) -> str:
    return request.param


@pytest.fixture
def db_target(backend: str, app_paths: AppPaths, request):
    """What to open for `backend`: the default SQLite file, or a fresh PostgreSQL database."""
    if backend == "sqlite":
        yield app_paths.default_database
    else:
        yield request.getfixturevalue("pg_url")


@pytest.fixture
def any_ctx(db_target, app_paths: AppPaths):
    """The app's services over SQLite and over PostgreSQL (skipped where no server starts)."""
    context: AppContext = open_context(db_target, app_paths)
    yield context
    context.close()
