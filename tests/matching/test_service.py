"""Dedup service over a real database: keys at import, decisions, groups, re-runs, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.cli import main as cli_main
from desktop_app.domain.duplicates import PairFilter
from desktop_app.domain.enums import DuplicateKind, PairStatus
from desktop_app.domain.errors import ConflictError
from desktop_app.domain.releases import ParsedRelease

from . import fixtures as F

RELEASES = [("meeting-fr", "fr", F.MEETING_FR), ("meeting-az", "az", F.MEETING_AZ),
            ("meeting-ru", "ru", F.MEETING_RU), ("meeting-en", "en", F.MEETING_EN),
            ("earlier-fr", "fr", F.EARLIER_FR), ("convoy-a", "fr", F.CONVOY_A),
            ("convoy-b", "fr", F.CONVOY_B)]


def write_files(root: Path, items=RELEASES) -> Path:
    folder = root / "incoming"
    folder.mkdir(parents=True, exist_ok=True)
    for name, _lang, (title, body) in items:
        (folder / f"{name}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return folder


def store(ctx, items=RELEASES) -> dict[str, int]:
    parsed = [ParsedRelease(source_path=f"{name}.txt", title=t, body=b, language=lang,
                            external_id=name) for name, lang, (t, b) in items]
    return dict(zip([n for n, *_ in items], ctx.dedup.store_parsed(parsed), strict=True))


def names_of(ctx, ids: dict[str, int], flt: PairFilter | None = None) -> set[frozenset]:
    back = {v: k for k, v in ids.items()}
    return {frozenset((back[p.release_a], back[p.release_b])) for p in ctx.dedup.pairs(flt)}


def test_keys_are_stored_at_import_and_detection_reads_them(ctx, tmp_path):
    report = ctx.ingest.import_paths([write_files(tmp_path)])
    assert report.imported_releases == len(RELEASES)
    det, changes, _ = ctx.dedup.detect()
    assert det.proposed >= 6 and changes.duplicates
    pairs = ctx.dedup.pairs()
    by_path = {p.path_a.rsplit("/", 1)[-1]: p for p in pairs}
    assert any(p.kind is DuplicateKind.CROSS_LANGUAGE for p in pairs)
    assert not any("convoy" in p.path_a and "convoy" in p.path_b for p in pairs)
    assert not any("earlier" in p.path_a or "earlier" in p.path_b for p in pairs)
    assert by_path


def test_rejected_pair_stays_rejected_after_re_runs(ctx):
    ids = store(ctx)
    ctx.dedup.detect()
    fr_ru = frozenset(("meeting-fr", "meeting-ru"))
    assert fr_ru in names_of(ctx, ids)
    pair = next(p for p in ctx.dedup.pairs() if {p.release_a, p.release_b} ==
                {ids["meeting-fr"], ids["meeting-ru"]})
    ctx.dedup.log.set_actor("reviewer-1")
    ctx.dedup.reject(pair.id)
    for _ in range(2):
        report, _, _ = ctx.dedup.detect()
        assert report.kept_rejected == 1
        again = ctx.dedup.pair(pair.id)
        assert again.status is PairStatus.REJECTED and again.decided_by == "reviewer-1"
        open_pairs = names_of(ctx, ids, PairFilter(statuses=(PairStatus.CANDIDATE,)))
        assert fr_ru not in open_pairs
    # Incremental runs keep it rejected too.
    ctx.dedup.detect_new([ids["meeting-ru"]])
    assert ctx.dedup.pair(pair.id).status is PairStatus.REJECTED
    assert len([p for p in ctx.dedup.pairs() if p.id == pair.id]) == 1


def test_confirmed_pairs_form_version_groups(ctx):
    ids = store(ctx)
    ctx.dedup.detect()
    wanted = [("meeting-fr", "meeting-az"), ("meeting-az", "meeting-ru")]
    ctx.dedup.log.set_actor("reviewer-2")
    changed = set()
    for x, y in wanted:
        pair = next(p for p in ctx.dedup.pairs()
                    if {p.release_a, p.release_b} == {ids[x], ids[y]})
        changes = ctx.dedup.confirm(pair.id, expected_version=pair.version)
        changed |= changes.releases
    assert {ids["meeting-fr"], ids["meeting-az"], ids["meeting-ru"]} <= changed
    rows = ctx.library.rows([ids["meeting-fr"], ids["meeting-az"], ids["meeting-ru"],
                             ids["convoy-a"]])
    groups = {rows[ids[n]].version_group for n in ("meeting-fr", "meeting-az", "meeting-ru")}
    assert len(groups) == 1 and None not in groups
    assert rows[ids["convoy-a"]].version_group is None
    assert rows[ids["meeting-fr"]].duplicate_count >= 1
    also = ctx.dedup.versions_of(ids["meeting-fr"])
    assert {v.language for v in also} == {"az", "ru"}
    actions = [e.action for e in ctx.sessions.audit_entries(release_id=None)]
    assert actions.count("pair.confirmed") == 2
    entry = next(e for e in ctx.sessions.audit_entries() if e.action == "pair.confirmed")
    assert entry.actor == "reviewer-2" and entry.target_kind == "duplicate_pair"
    # A confirmed pair is kept through a re-run, and the group with it.
    ctx.dedup.detect()
    rows = ctx.library.rows([ids["meeting-fr"], ids["meeting-ru"]])
    assert rows[ids["meeting-fr"]].version_group == rows[ids["meeting-ru"]].version_group


def test_a_stale_decision_is_refused(ctx):
    store(ctx)
    ctx.dedup.detect()
    pair = ctx.dedup.pairs()[0]
    ctx.dedup.confirm(pair.id, expected_version=pair.version)
    with pytest.raises(ConflictError):
        ctx.dedup.reject(pair.id, expected_version=pair.version)


def test_incremental_detection_of_a_new_release(ctx):
    ids = store(ctx, [r for r in RELEASES if r[0] != "meeting-en"])
    ctx.dedup.detect()
    new = store(ctx, [r for r in RELEASES if r[0] == "meeting-en"])
    report, _, _ = ctx.dedup.detect_new([new["meeting-en"]])
    ids.update(new)
    found = names_of(ctx, ids)
    assert frozenset(("meeting-fr", "meeting-en")) in found
    assert frozenset(("meeting-ru", "meeting-en")) in found
    assert report.new_pairs >= 3


def test_side_by_side_marks_evidence_in_both_texts(ctx):
    ids = store(ctx)
    ctx.dedup.detect()
    pair = next(p for p in ctx.dedup.pairs()
                if {p.release_a, p.release_b} == {ids["meeting-fr"], ids["meeting-ru"]})
    _, a, b, marks_a, marks_b = ctx.dedup.side_by_side(pair.id)
    covered_a = {a.text[m.start:m.end] for m in marks_a}
    covered_b = {b.text[m.start:m.end] for m in marks_b}
    both = covered_a | covered_b
    assert {"Berglund", "Берглунда"} <= both
    assert "17" in covered_a and "17" in covered_b
    assert any(m.kind == "date" for m in marks_a) and any(m.kind == "date" for m in marks_b)


def test_cli_pairs_json_and_eval(tmp_path, capsys):
    data = tmp_path / "data"
    folder = write_files(tmp_path)
    assert cli_main(["--data-dir", str(data), "import", str(folder), "--quiet"]) == 0
    assert cli_main(["--data-dir", str(data), "dedup", "--quiet"]) == 0
    capsys.readouterr()
    assert cli_main(["--data-dir", str(data), "pairs", "--json"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert lines and {"kind", "score", "status", "evidence", "a", "b"} <= set(lines[0])
    assert lines[0]["a"]["source_paths"][0].endswith(".txt")
    assert lines == sorted(lines, key=lambda x: -x["score"])
    labelled = tmp_path / "labelled.jsonl"
    with labelled.open("w", encoding="utf-8") as fh:
        for n, (name, lang, (title, body)) in enumerate(RELEASES):
            group = "meeting" if name.startswith("meeting") else name
            fh.write(json.dumps({"id": f"x:{n}", "lang": lang, "group": group, "title": title,
                                 "text": body, "source": "fixture (domain=news)"}) + "\n")
    assert cli_main(["eval-dedup", str(labelled)]) == 0
    out = capsys.readouterr().out
    assert "cross-language" in out and "news (cross)" in out and "R@1" in out
    assert "F1 1.000" in out.split("cross-language", 1)[1].splitlines()[0]


def test_cli_eval_reports_a_bad_file_clearly(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    assert cli_main(["eval-dedup", str(bad)]) == 2
    assert "not a labelled record" in capsys.readouterr().err
    assert cli_main(["eval-dedup", str(tmp_path / "missing.jsonl")]) == 2
