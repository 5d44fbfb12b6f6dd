"""Shared fixtures: every test runs headless over its own temporary database."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

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
