"""Export of a large annotated set to native JSONL: time and peak memory as the set grows.

    python -m bench.export_bench [--releases 100000] [--spans 10] [--steps 10000,50000,100000]
                                 [--db PATH] [--keep] [--format jsonl]

Builds a synthetic database step by step with bulk inserts (releases in Latin, Azerbaijani,
Cyrillic and emoji text; `--spans` spans per release, an entity link on every other span, an
event with two roles on every fifth release, a duplicate pair per ten releases), and after each
step exports everything in a fresh process, which reports its own wall time and peak RSS.
Flat memory means the peak at the last step is close to the peak at the first. Wall time
depends on what else the machine runs (the load average is printed); CPU time does not.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

WORDS = {
    "fr": "le président a reçu la délégation pour une visite officielle accord aide".split(),
    "az": "prezident qəbul edib görüş zamanı ikitərəfli əlaqələr müzakirə ğ ş ı ə".split(),
    "ru": "президент принял делегацию для официального визита соглашение помощь".split(),
    "en": "the convoy 🚚 reached town 🎉 with supplies 𝐁𝐨𝐥𝐝 and volunteers thanked".split(),
}
NAMES = ["Antonio Vitorino", "İlham Əliyev", "Ильхам Алиев", "Bakı", "Gəncə", "Женева"]
T0 = datetime(2024, 5, 6, 9, 30)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_release(n: int, spans: int, rng: random.Random) -> tuple[dict, list[tuple]]:
    lang = ("fr", "az", "ru", "en")[n % 4]
    words = WORDS[lang]
    parts, marks, pos = [], [], 0
    title = f"{rng.choice(NAMES)} {rng.choice(words)} {n}"
    pos = len(title) + 2
    for i in range(spans * 8):
        if i % 8 == 3:
            w = rng.choice(NAMES)
            marks.append((pos, pos + len(w), w))
        else:
            w = rng.choice(words)
        parts.append(w)
        pos += len(w) + 1
    body = " ".join(parts)
    row = {"id": n, "external_id": f"bench-{n}", "source_path": f"bench/{n}.txt",
           "content_hash": f"{n:064x}", "title": title, "body": body, "language": lang,
           "language_confidence": 0.9, "date_iso": f"20{20 + n % 5}-0{1 + n % 9}-1{n % 10}",
           "date_precision": "day", "dateline": None, "url": None, "source_id": None,
           "import_run_id": None, "imported_at": T0, "review_status": "done",
           "metadata_json": {}, "match_keys": None, "version_group": None,
           "tag_count": len(marks), "duplicate_count": 0, "version": 1}
    return row, marks[:spans]


def build(db_path: Path, start: int, stop: int, spans: int, entities: int) -> None:
    from desktop_app.storage import merge_writes as mw
    from desktop_app.storage import open_database

    db = open_database(db_path)
    rng = random.Random(start)
    with db.write() as s:
        ents, evs = mw.type_names(s)
        if start == 1:
            mw.bulk_insert(s, "entities", [
                {"id": i, "type_id": ents["PERSON"], "canonical_name": f"Entity {i}",
                 "merged_into": None, "created_by": "bench", "created_at": T0, "version": 1}
                for i in range(1, entities + 1)])
            mw.bulk_insert(s, "entity_aliases", [
                {"entity_id": i, "alias": f"Entité {i}", "key": f"entite {i}", "language": "fr"}
                for i in range(1, entities + 1)])
    chunk = 5000
    for lo in range(start, stop, chunk):
        hi = min(stop, lo + chunk)
        releases, span_rows, events, parts, pairs = [], [], [], [], []
        for n in range(lo, hi):
            row, marks = make_release(n, spans, rng)
            releases.append(row)
            first = len(span_rows)
            for j, (a, b, text) in enumerate(marks):
                sid = n * spans + j
                span_rows.append({"id": sid, "release_id": n, "start": a, "end": b,
                                  "text": text, "type_id": ents["PERSON"],
                                  "entity_id": (sid % entities) + 1 if j % 2 else None,
                                  "created_by": "bench", "created_at": T0, "version": 1})
            if n % 5 == 0 and len(span_rows) - first >= 3:
                events.append({"id": n, "release_id": n, "type_id": evs["MEETING"],
                               "trigger_span_id": span_rows[first]["id"], "date_iso": None,
                               "location": None, "event_group": None, "created_by": "bench",
                               "created_at": T0, "version": 1})
                parts += [{"event_id": n, "role": "host", "span_id": span_rows[first + 1]["id"],
                           "entity_id": None},
                          {"event_id": n, "role": "guest", "span_id": span_rows[first + 2]["id"],
                           "entity_id": None}]
            if n % 10 == 0 and n > 1:
                pairs.append({"id": n, "release_a": n - 1, "release_b": n, "kind": "near",
                              "score": 0.8, "evidence": {"shared": 12}, "status": "candidate",
                              "decided_by": None, "decided_at": None, "found_at": T0,
                              "version": 1})
        with db.write() as s:
            for table, rows in (("releases", releases), ("spans", span_rows),
                                ("events", events), ("event_participants", parts),
                                ("duplicate_pairs", pairs)):
                mw.bulk_insert(s, table, rows)
    db.dispose()


def export_once(db_path: Path, out: Path, fmt: str) -> dict:
    from desktop_app.domain.export import ExportFormat
    from desktop_app.services.export import ExportService
    from desktop_app.storage import open_database

    db = open_database(db_path)
    base = peak_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    summary = ExportService(db).export(ExportFormat(fmt), out)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    db.dispose()
    return {"releases": summary.releases, "spans": summary.spans, "events": summary.events,
            "pairs": summary.pairs, "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
            "peak_rss_mb": round(peak_mb(), 1), "rss_before_export_mb": round(base, 1),
            "file_mb": round(out.stat().st_size / 2**20, 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--releases", type=int, default=100_000)
    ap.add_argument("--spans", type=int, default=10, help="spans per release")
    ap.add_argument("--steps", default="10000,50000,100000")
    ap.add_argument("--entities", type=int, default=5000)
    ap.add_argument("--format", default="jsonl")
    ap.add_argument("--db", type=Path, help="database file (default: a temporary one)")
    ap.add_argument("--keep", action="store_true", help="keep the database and exports")
    ap.add_argument("--export-only", nargs=2, metavar=("DB", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.export_only:
        print(json.dumps(export_once(Path(args.export_only[0]), Path(args.export_only[1]),
                                     args.format)))
        return 0
    steps = sorted({int(x) for x in args.steps.split(",") if int(x) <= args.releases}
                   | {args.releases})
    work = Path(tempfile.mkdtemp(prefix="export-bench-"))
    db_path = args.db or work / "bench.sqlite3"
    if db_path.exists():
        print(f"{db_path} exists; give a new path", file=sys.stderr)
        return 2
    print(f"database {db_path}; {args.spans} spans per release; format {args.format}")
    print(f"{'releases':>9} {'spans':>9} {'build s':>8} {'export s':>9} {'cpu s':>6} "
          f"{'peak RSS MB':>12} {'file MB':>8}  load")
    done = 1
    results = []
    for step in steps:
        t0 = time.perf_counter()
        build(db_path, done, step + 1, args.spans, args.entities)
        built = time.perf_counter() - t0
        done = step + 1
        out = work / f"export-{step}.{args.format}"
        proc = subprocess.run([sys.executable, "-m", "bench.export_bench", "--format",
                               args.format, "--export-only", str(db_path), str(out)],
                              capture_output=True, text=True, check=True)
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        results.append(r)
        # Wall time on a shared machine depends on its load; CPU time shows the work itself.
        print(f"{r['releases']:>9} {r['spans']:>9} {built:>8.1f} {r['seconds']:>9.2f} "
              f"{r['cpu_seconds']:>6.2f} {r['peak_rss_mb']:>12.1f} {r['file_mb']:>8.1f}  "
              f"{os.getloadavg()[0]:.1f}")
        if not args.keep:
            out.unlink()
    grow = results[-1]["peak_rss_mb"] - results[0]["peak_rss_mb"]
    print(f"peak RSS growth from {results[0]['releases']} to {results[-1]['releases']} "
          f"releases: {grow:+.1f} MB")
    if not args.keep:
        for p in work.iterdir():
            p.unlink()
        work.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
