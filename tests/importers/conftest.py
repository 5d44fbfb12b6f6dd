"""Helpers for importer tests: the project's own fixture releases."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.domain.releases import ParsedRelease
from desktop_app.importers import read_release_file

RELEASES = Path(__file__).resolve().parent.parent / "fixtures" / "releases"


def read_one(name: str) -> ParsedRelease:
    path = RELEASES / name
    releases = read_release_file(path, path.read_bytes())
    assert len(releases) == 1
    return releases[0]


def parse_text(text: str, name: str = "release.txt", encoding: str = "utf-8") -> ParsedRelease:
    releases = read_release_file(Path(name), text.encode(encoding))
    assert len(releases) == 1
    return releases[0]


@pytest.fixture
def releases_dir() -> Path:
    return RELEASES
