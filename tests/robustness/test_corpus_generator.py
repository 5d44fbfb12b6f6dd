"""The benchmark corpus generator: deterministic, ground truth consistent, fully importable."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # bench/ is a folder of the repository, not an installed package
    sys.path.insert(0, str(ROOT))

from bench.generate_corpus import generate  # noqa: E402

COUNT = 300


def read_truth(folder: Path) -> dict[str, dict]:
    with open(folder / "truth.jsonl", encoding="utf-8") as fh:
        return {t["id"]: t for t in map(json.loads, fh)}


def test_same_seed_same_bytes_and_prefix_stable(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    generate(a, COUNT, seed=5)
    generate(b, COUNT // 2, seed=5)
    for i in range(COUNT // 2):
        name = f"txt/000/rel-{i:07d}.txt"
        assert (a / name).read_bytes() == (b / name).read_bytes()
    generate(b, COUNT, seed=6)
    assert (a / "txt/000/rel-0000299.txt").read_bytes() != (b / "txt/000/rel-0000299.txt"
                                                            ).read_bytes()


def test_ground_truth_describes_the_planted_pairs(tmp_path):
    manifest = generate(tmp_path, COUNT, seed=5)
    truth = read_truth(tmp_path)
    assert set(manifest["languages"]) == {"fr", "az", "ru", "en", "tr"}
    assert {"original", "version", "repost", "copy"} <= set(manifest["kinds"])
    assert 2000 < manifest["mean_file_bytes"] < 4500
    for t in truth.values():
        if t["kind"] == "original":
            assert t["of"] is None
            continue
        original = truth[t["of"]]
        assert original["kind"] == "original" and original["event"] == t["event"]
        if t["kind"] == "version":
            assert t["lang"] != original["lang"]
        else:
            assert t["lang"] == original["lang"]
        if t["kind"] == "copy":
            assert (tmp_path / t["file"]).read_bytes() == (tmp_path / original["file"]).read_bytes()
    lines = (tmp_path / "releases.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == COUNT and set(json.loads(lines[0])) == {
        "id", "title", "text", "lang", "date", "url", "source"}


def test_every_file_imports_and_only_copies_are_linked(tmp_path, ctx):
    manifest = generate(tmp_path / "corpus", COUNT, seed=5, formats=("txt",))
    report = ctx.ingest.import_paths([tmp_path / "corpus" / "txt"])
    assert not report.problems, report.problems[:3]
    assert ctx.library.count() == manifest["expected_releases"]
    assert set(ctx.library.languages()) == {"fr", "az", "ru", "en", "tr"}
