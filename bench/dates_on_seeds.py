"""Run the importer on a folder of release files and print what it found in each.

Usage: python bench/dates_on_seeds.py PATH/TO/seeds [--body-chars N]
Per file: title, date, precision, language, confidence, dateline, source, url, body head,
and the reading time. Exits 0 with a message when the folder is absent.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_app.domain.errors import ImportFileError  # noqa: E402
from desktop_app.importers import discover, read_release_file  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--body-chars", type=int, default=100)
    args = parser.parse_args()
    if not args.folder.exists():
        print(f"skipped: {args.folder} not found")
        return 0
    for path in discover([args.folder]):
        start = time.perf_counter()
        try:
            releases = read_release_file(path, path.read_bytes())
        except ImportFileError as exc:
            print(f"== {path.name}: not imported: {exc}\n")
            continue
        ms = (time.perf_counter() - start) * 1000
        for r in releases:
            print(f"== {path.name}  ({ms:.1f} ms)")
            print(f"  title:      {r.title!r}")
            print(f"  date:       {r.date.iso if r.date else None}")
            print(f"  precision:  {r.date.precision.value if r.date else None}")
            print(f"  language:   {r.language}  confidence {r.language_confidence:.3f}")
            print(f"  dateline:   {r.dateline!r}")
            print(f"  source:     {r.source!r}")
            print(f"  url:        {r.url!r}")
            print(f"  body head:  {r.body[:args.body_chars]!r}")
            print(f"  body tail:  {r.body[-60:]!r}")
        problems = getattr(releases, "problems", [])
        for problem in problems:
            print(f"  skipped record: {problem}")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
