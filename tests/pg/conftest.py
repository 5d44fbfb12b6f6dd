"""In tests/pg, `ctx` is a fresh database on the PostgreSQL server.

Service test modules of other folders are re-collected here (see test_*_on_server.py), so the
same tests run once on SQLite in their own folder and once on PostgreSQL here.
"""

from __future__ import annotations

import pytest

from desktop_app.services.context import AppContext, open_context
from desktop_app.services.paths import AppPaths


@pytest.fixture
def ctx(pg_url: str, app_paths: AppPaths):
    context: AppContext = open_context(pg_url, app_paths)
    yield context
    context.close()
