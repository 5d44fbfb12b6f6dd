"""Filters, cancel, progress, and the command line."""

from __future__ import annotations

import json

import pytest

from desktop_app.cli import main
from desktop_app.domain.enums import ReviewStatus
from desktop_app.domain.export import ExportFilter, ExportFormat
from desktop_app.domain.progress import CancelToken


def exported_ids(exporter, tmp_path, flt, name="f.jsonl"):
    target = tmp_path / name
    if target.exists():
        target.unlink()
    summary = exporter.export(ExportFormat.NATIVE, target, flt)
    records = [json.loads(x) for x in target.read_text(encoding="utf-8").splitlines()]
    releases = {r["id"] for r in records if r["record"] == "release"}
    pairs = {(r["a"], r["b"]) for r in records if r["record"] == "pair"}
    assert summary.releases == len(releases)
    return releases, pairs


@pytest.mark.parametrize("flt, keys", [
    (ExportFilter(statuses=(ReviewStatus.DONE, ReviewStatus.IN_PROGRESS)), {"fr", "az"}),
    (ExportFilter(languages=("ru", "en")), {"ru", "en"}),
    (ExportFilter(languages=("fr", "en")), {"fr", "en"}),   # ids not contiguous
    (ExportFilter(sources=("mfa.gov.az",)), {"az", "ru"}),
    (ExportFilter(date_from="2023-03", date_to="2023-03"), {"fr", "az", "ru"}),
    (ExportFilter(date_from="2023-03-03", date_to="2023-03-03"), {"fr", "az"}),
    (ExportFilter(date_from="2024"), {"en"}),
    (ExportFilter(tags=("ORGANIZATION",)), {"az"}),
    (ExportFilter(tags=("AGREEMENT",)), {"fr"}),
    (ExportFilter(version_groups=(1,)), {"fr", "az"}),   # named by its smallest id (fr)
    (ExportFilter(in_version_group=True), {"fr", "az"}),
    (ExportFilter(languages=("fr",), statuses=(ReviewStatus.NEW,)), set()),
])
def test_filters(corpus, exporter, tmp_path, flt, keys):
    releases, pairs = exported_ids(exporter, tmp_path, flt)
    assert releases == {corpus.releases[k] for k in keys}
    assert all(a in releases and b in releases for a, b in pairs)


def test_entity_filter_and_pairs_inside_the_set(corpus, exporter, tmp_path):
    ganja = exporter.entity_ids(["Ganja"])          # by alias
    assert ganja == [corpus.entities["ganja"]]
    releases, _ = exported_ids(exporter, tmp_path, ExportFilter(entity_ids=tuple(ganja)))
    assert releases == {corpus.releases["en"]}
    releases, pairs = exported_ids(exporter, tmp_path, ExportFilter(languages=("fr", "az")))
    assert pairs == {(corpus.releases["fr"], corpus.releases["az"])}
    assert exporter.count(ExportFilter(languages=("fr", "az"))) == (2, 1)


def test_cancel_leaves_nothing(corpus, exporter, tmp_path):
    token = CancelToken()
    seen = []

    def progress(p):
        seen.append(p)
        if p.message.startswith("exporting"):
            token.cancel()

    for fmt in (ExportFormat.NATIVE, ExportFormat.BRAT):
        target = tmp_path / f"c-{fmt.value}"
        summary = exporter.export(fmt, target, progress=progress, cancel=token)
        assert summary.cancelled and "cancelled" in summary.text()
        assert not target.exists() and not target.with_name(target.name + ".part").exists()
        token = CancelToken()


def test_progress_reaches_the_total(corpus, exporter, tmp_path):
    seen = []
    exporter.export(ExportFormat.DOCCANO, tmp_path / "p.jsonl", progress=seen.append)
    assert any(p.done == p.total == 4 for p in seen)
    assert "4 releases" in seen[-1].message


def cli(tmp_path, ctx, *args):
    return main(["--db", str(ctx.db.path), *args])


def test_cli_export_and_import(corpus, ctx, other_db, tmp_path, capsys):
    out = tmp_path / "cli.jsonl"
    assert cli(tmp_path, ctx, "export", "--format", "jsonl", "--out", str(out), "--quiet",
               "--lang", "fr", "--lang", "az", "--json") == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["releases"] == 2 and summary["pairs"] == 1
    assert cli(tmp_path, ctx, "export", "-f", "conll", "-o", str(tmp_path / "x.conll"),
               "--quiet", "--entity", "Баку", "--scheme", "BIOES") == 0
    text = capsys.readouterr().out
    assert "4 releases" not in text and "3 releases" in text and "not represented" in text
    config = tmp_path / "ls.xml"
    assert cli(tmp_path, ctx, "export", "-f", "label-studio", "-o", str(tmp_path / "ls.json"),
               "--quiet", "--label-config", str(config)) == 0
    capsys.readouterr()
    assert '<Labels name="label" toName="text">' in config.read_text(encoding="utf-8")
    assert main(["--db", str(other_db.db.path), "import-annotations", str(out)]) == 0
    assert "2 releases added" in capsys.readouterr().out
    assert main(["--db", str(other_db.db.path), "conflicts"]) == 0


def test_cli_errors_are_plain(corpus, ctx, tmp_path, capsys):
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "x").write_text("x", encoding="utf-8")
    assert cli(tmp_path, ctx, "export", "-f", "csv", "-o", str(busy), "--quiet") == 2
    assert "not an empty folder" in capsys.readouterr().err
    assert cli(tmp_path, ctx, "export", "-f", "jsonl", "-o", str(tmp_path / "y.jsonl"),
               "--entity", "Nobody At All") == 2
    assert "No entity is called Nobody At All" in capsys.readouterr().err
    bad = tmp_path / "bad.jsonl"
    bad.write_text("hello\n", encoding="utf-8")
    assert cli(tmp_path, ctx, "import-annotations", str(bad)) == 2
    assert "line 1" in capsys.readouterr().err
    assert cli(tmp_path, ctx, "resolve", "12345", "local") == 2
