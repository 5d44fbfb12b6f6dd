"""Native JSONL back into an empty database: every row, every field, the same."""

from __future__ import annotations

import json
import unicodedata

import pytest
from sqlalchemy import select

from desktop_app.domain.errors import ImportFileError
from desktop_app.domain.export import ExportFormat
from desktop_app.domain.releases import ReleaseFilter
from desktop_app.storage.tables import Base

TABLES = ["releases", "sources", "release_files", "entity_types", "event_types", "event_roles",
          "entities", "entity_aliases", "spans", "events", "event_participants",
          "duplicate_pairs", "rejected_suggestions"]
# Local bookkeeping, not annotation data: optimistic-lock counters, import runs, edit holds.
LOCAL = {"version", "import_run_id", "held_by", "held_at"}


def rows(db, table):
    """Every row of `table`, typed (JSON as dicts, times as datetimes) on any back end."""
    t = Base.metadata.tables[table]
    with db.engine.connect() as conn:
        out = [dict(r._mapping) for r in conn.execute(select(t).order_by(t.c.id))]
    return [{k: v for k, v in r.items() if k not in LOCAL} for r in out]


def test_round_trip_into_empty_database_loses_nothing(corpus, ctx, exporter, other_db,
                                                      tmp_path):
    target = tmp_path / "all.jsonl"
    exporter.export(ExportFormat.NATIVE, target)
    report = other_db.merge.import_file(target)
    assert report.conflicts == [] and not report.cancelled
    assert (report.releases_added, report.spans_added, report.events_added,
            report.pairs_added, report.entities_added) == (4, 25, 4, 3, 5)
    for table in TABLES:
        mine, theirs = rows(ctx.db, table), rows(other_db.db, table)
        assert len(mine) == len(theirs), table
        for a, b in zip(mine, theirs, strict=True):
            for field in a:
                assert a[field] == b[field], (table, a.get("id"), field, a[field], b[field])
    # the search index is rebuilt for imported releases, in every script
    found = other_db.library.list_ids(ReleaseFilter(search="Виторино"))
    assert corpus.releases["ru"] in found
    assert set(other_db.library.list_ids(ReleaseFilter(search="Gəncə"))) == {
        corpus.releases["en"]}
    # and exporting the copy gives the same file, header time aside
    again = tmp_path / "again.jsonl"
    other_db.export.export(ExportFormat.NATIVE, again)
    first = target.read_text(encoding="utf-8").splitlines()[1:]
    second = again.read_text(encoding="utf-8").splitlines()[1:]
    assert first == second


def test_reimport_changes_nothing(corpus, ctx, exporter, tmp_path):
    target = tmp_path / "all.jsonl"
    exporter.export(ExportFormat.NATIVE, target)
    before = {t: rows(ctx.db, t) for t in TABLES}
    report = ctx.merge.import_file(target)
    assert (report.releases_added, report.spans_added, report.events_added,
            report.pairs_added, report.participants_added) == (0, 0, 0, 0, 0)
    assert report.releases_matched == 4 and report.spans_matched == 25
    assert report.conflicts == []
    assert {t: rows(ctx.db, t) for t in TABLES} == before


@pytest.mark.parametrize("damage", ["truncate", "offsets", "version", "garbage", "count",
                                    "nfd"])
def test_damaged_file_imports_nothing(corpus, exporter, other_db, tmp_path, damage):
    target = tmp_path / "all.jsonl"
    exporter.export(ExportFormat.NATIVE, target)
    lines = target.read_text(encoding="utf-8").splitlines()
    if damage == "truncate":
        lines = lines[:-3]
    elif damage == "offsets":
        i = next(n for n, x in enumerate(lines) if '"record":"release"' in x)
        rec = json.loads(lines[i])
        rec["spans"][0]["start"] += 1
        lines[i] = json.dumps(rec, ensure_ascii=False)
    elif damage == "version":
        head = json.loads(lines[0])
        head["schema_version"] = 99
        lines[0] = json.dumps(head)
    elif damage == "nfd":
        i = next(n for n, x in enumerate(lines)
                 if '"record":"release"' in x and '"language":"az"' in x)
        rec = json.loads(lines[i])
        rec["body"] = unicodedata.normalize("NFD", rec["body"])
        lines[i] = json.dumps(rec, ensure_ascii=False)
    elif damage == "garbage":
        lines.insert(5, "{not json")
    else:
        end = json.loads(lines[-1])
        end["spans"] += 1
        lines[-1] = json.dumps(end)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as info:
        other_db.merge.import_file(target)
    assert str(target) in str(info.value)
    assert other_db.library.count() == 0


def test_not_an_export_is_refused(other_db, tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text('{"text": "doccano line", "label": []}\n', encoding="utf-8")
    with pytest.raises(ImportFileError, match="not a Release Review JSONL export"):
        other_db.merge.import_file(path)
    with pytest.raises(ImportFileError, match="Cannot read"):
        other_db.merge.import_file(tmp_path / "missing.jsonl")
