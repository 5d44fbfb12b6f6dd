"""Finding release files under folders."""

from __future__ import annotations

from pathlib import Path

from desktop_app.importers import discover


def test_discover_recursive_sorted_once(tmp_path: Path) -> None:
    for name in ["b.txt", "a.MD", "sub/c.html", "sub/d.htm", "sub/deeper/e.jsonl", "f.csv",
                 "skip.pdf", ".hidden.txt", ".git/x.txt", "noext"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    found = discover([tmp_path, tmp_path / "b.txt"])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a.MD", "b.txt", "f.csv", "sub/c.html", "sub/d.htm", "sub/deeper/e.jsonl"]


def test_named_files_are_kept_for_the_reader_to_judge(tmp_path: Path) -> None:
    missing = tmp_path / "gone.txt"
    odd = tmp_path / "odd.pdf"
    odd.write_text("x")
    assert discover([missing, odd]) == [missing, odd]
