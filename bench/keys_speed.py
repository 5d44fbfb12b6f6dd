"""Match-key speed per release, with an output check against a saved reference.

Usage: python bench/keys_speed.py FILE.jsonl [FILE.jsonl ...] [--count N] [--runs R]
                                  [--save REF.json | --check REF.json]
Each JSONL line gives `title`, `text` (the body) and optionally `lang` and `date`.
Prints ms per release for the first pass (word caches cold) and the best of R passes.
`--save` writes every release's stored keys; `--check` compares them and exits 1 on a
difference. Files that do not exist are skipped (exit 0 when none is left).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_app.domain.enums import DatePrecision  # noqa: E402
from desktop_app.domain.releases import ParsedRelease, ReleaseDate  # noqa: E402
from desktop_app.matching.keys import keys_for  # noqa: E402


def load(path: Path, count: int) -> list[ParsedRelease]:
    out: list[ParsedRelease] = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if len(out) >= count:
                break
            if not line.strip():
                continue
            doc = json.loads(line)
            raw_date = doc.get("date")
            date = ReleaseDate(raw_date, DatePrecision.DAY) if raw_date else None
            out.append(ParsedRelease(source_path=str(doc.get("id", len(out))),
                                     title=doc.get("title") or "", body=doc.get("text") or "",
                                     language=doc.get("lang"), date=date))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--count", type=int, default=2000, help="releases per file (default 2000)")
    ap.add_argument("--runs", type=int, default=3)
    group = ap.add_mutually_exclusive_group()
    group.add_argument("--save", type=Path, help="write the keys of every release here")
    group.add_argument("--check", type=Path, help="compare the keys with this reference")
    args = ap.parse_args()

    sets: list[tuple[str, list[ParsedRelease]]] = []
    for path in args.files:
        if not path.is_file():
            print(f"skip: {path.name} not found")
            continue
        sets.append((path.name, load(path, args.count)))
    if not sets:
        print("no input file found; nothing measured")
        return 0

    outputs: dict[str, list[dict]] = {}
    for name, docs in sets:
        if not docs:
            print(f"{name}: no release")
            continue
        size = sum(len(d.title) + len(d.body) for d in docs) / len(docs)
        times = []
        for _ in range(args.runs):
            t0 = time.process_time()
            result = [keys_for(d) for d in docs]
            times.append(time.process_time() - t0)
        outputs[name] = result
        per = [t * 1000 / len(docs) for t in times]
        print(f"{name}: {len(docs)} releases, {size:.0f} chars avg; keys_for "
              f"first pass {per[0]:.3f} ms/release, best of {args.runs} {min(per):.3f} ms/release")

    if args.save:
        stored = {name: [json.dumps(r, ensure_ascii=False) for r in result]
                  for name, result in outputs.items()}
        args.save.write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")
        print(f"saved {sum(map(len, outputs.values()))} key sets")
    if args.check:
        ref = json.loads(args.check.read_text(encoding="utf-8"))
        bad = 0
        for name, result in outputs.items():
            expected = ref.get(name)
            if expected is None:
                print(f"{name}: not in the reference")
                bad += 1
                continue
            # The stored JSON text, so that key order counts too.
            got = [json.dumps(r, ensure_ascii=False) for r in result]
            if len(got) != len(expected):
                print(f"{name}: {len(got)} releases, reference has {len(expected)}")
                bad += 1
                continue
            diff = [i for i, (a, b) in enumerate(zip(got, expected, strict=True)) if a != b]
            for i in diff[:5]:
                print(f"{name}: release {i} differs")
            bad += len(diff)
            print(f"{name}: {len(got) - len(diff)}/{len(got)} identical")
        if bad:
            print("CHECK FAILED")
            return 1
        print("check passed: identical output")
    return 0


if __name__ == "__main__":
    sys.exit(main())
