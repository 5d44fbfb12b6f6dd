"""The import report names skipped records and oversized files without reading them."""

from __future__ import annotations

from desktop_app import importers
from desktop_app.domain.enums import ImportOutcome


def test_skipped_jsonl_records_reach_the_report(ctx, tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(
        '{"id": "a1", "title": "Visite", "text": "Le ministre a reçu la délégation à Bakou."}\n'
        "{not json\n"
        '{"id": "a2", "title": "Visit", "text": "The minister received the delegation in Baku."}\n',
        encoding="utf-8")
    report = ctx.ingest.import_paths([path])
    assert report.imported_releases == 2
    assert len(report.warnings) == 1
    assert report.warnings[0][0] == str(path)
    assert "line 2" in report.warnings[0][1]
    assert "1 records skipped" in report.summary()


def test_oversized_file_is_skipped_before_reading(ctx, tmp_path, monkeypatch):
    monkeypatch.setattr(importers, "MAX_FILE_BYTES", 100)
    big = tmp_path / "big.txt"
    big.write_text("Title\n\n" + "word " * 100, encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text("Title\n\nA short release about a meeting in Baku.", encoding="utf-8")
    report = ctx.ingest.import_paths([tmp_path])
    skipped = {f.path: f for f in report.problems}
    assert skipped[str(big)].outcome is ImportOutcome.SKIPPED
    assert "larger than" in skipped[str(big)].reason
    assert report.imported_releases == 1
