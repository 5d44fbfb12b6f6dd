"""Importing a folder through the ingest service: one bad file does not stop the others."""

from __future__ import annotations

import shutil
from pathlib import Path

from desktop_app.domain.enums import ImportOutcome

from .conftest import RELEASES


def test_folder_with_a_bad_file(ctx, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(RELEASES / "folder", folder)
    report = ctx.ingest.import_paths([folder])
    assert report.imported_releases == 2
    assert [(Path(f.path).name, f.outcome, f.reason) for f in report.problems] == [
        ("broken.txt", ImportOutcome.SKIPPED, "binary file (contains NUL bytes)")]
    imported = {Path(f.path).name for f in report.files if f.outcome is ImportOutcome.IMPORTED}
    assert imported == {"a.txt", "b.txt"}  # notes.pdf is not a release file
    stored = {ctx.library.release(i).dateline: ctx.library.release(i)
              for i in report.new_release_ids}
    az = stored["Bakı, 2 mart, AZƏRTAC"]
    assert (az.language, az.date.iso, az.source) == ("az", "--03-02", "AZƏRTAC")
    fr = stored["Vienne, 3 mars, AZERTAC"]
    assert (fr.language, fr.date.iso) == ("fr", "--03-03")


def test_every_fixture_kind_imports(ctx, tmp_path: Path) -> None:
    folder = tmp_path / "all"
    folder.mkdir()
    for path in RELEASES.iterdir():
        if path.is_file():
            shutil.copy(path, folder / path.name)
    report = ctx.ingest.import_paths([folder])
    assert not report.problems
    # 10 single-release files, 3 JSONL records, 2 CSV records
    assert report.imported_releases == 15
    assert set(ctx.library.languages()) >= {"fr", "az", "ru", "en", "tr", "uk", "de", "es"}
