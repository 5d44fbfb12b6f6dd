"""Fixtures of the export tests: a database holding the annotated corpus of factory.py."""

from __future__ import annotations

import pytest

from desktop_app.services.context import open_context
from desktop_app.services.export import ExportService
from desktop_app.services.merge import MergeService
from desktop_app.services.paths import AppPaths

from .factory import build


@pytest.fixture
def corpus(ctx):
    return build(ctx.db)


@pytest.fixture
def exporter(ctx):
    return ExportService(ctx.db)


@pytest.fixture
def other_db(tmp_path):
    """A second, independent database (another reviewer's, or an empty one)."""
    context = open_context(None, AppPaths.resolve(tmp_path / "other"))
    yield context
    context.close()


@pytest.fixture
def merger(ctx):
    return MergeService(ctx.db, actor="me")
