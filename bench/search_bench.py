"""Search, sort, open-a-release and tag-commit latency on a large database, next to raw SQLite.

    python -m bench.search_bench [--db bench/out/bench-100k.sqlite3] [--out bench/out]

The database is the one `bench.import_bench` built (or RR_BENCH_DB). Every figure is taken
through the services the GUI uses, and beside it the same work as one bare sqlite3 statement.
Tag commits write spans into that database (it is a benchmark copy).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from desktop_app.domain.releases import SORT_COLUMNS, ReleaseFilter
from desktop_app.services.context import open_context
from desktop_app.services.paths import AppPaths
from desktop_app.storage.search import fts_query
from desktop_app.text import search_terms

PAGE = 60
REPEATS = 5
# Several scripts and spellings: Latin, Azerbaijani Latin, Cyrillic, Turkish; names, topics,
# prefixes, several words, a word in every release and one in none.
QUERIES = [
    "Vallette", "Mammadli", "Məmmədli", "Коваленко", "Соколова", "Ismayilzade", "İsmayılzadə",
    "Bakou", "Баку", "Bakü", "Gəncə", "énergie solaire", "solar energy", "солнечная",
    "günəş enerjisi", "güneş enerjisi", "digit", "Migration Service", "Lindqvist Genève",
    "memorandum", "əməkdaşlığın", "the", "zzzqx", "Okafor Vienna 2019",
]
FILTERS = [
    ReleaseFilter(languages=("fr",)), ReleaseFilter(languages=("az", "tr"), search="Bakı"),
    ReleaseFilter(date_from="2020-01", date_to="2020-06"),
    ReleaseFilter(sources=("azertac",), search="Okafor"),
]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def summary(values: list[float]) -> dict:
    ms = [v * 1000 for v in values]
    return {"n": len(ms), "p50_ms": statistics.median(ms), "p95_ms": pct(ms, 0.95),
            "max_ms": max(ms)}


def timed(fn) -> float:  # noqa: ANN001
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def measure(db: Path) -> dict:
    # Backups and logs of this run (a migration backs up first) go to a folder removed after.
    with tempfile.TemporaryDirectory(prefix="rr-bench-") as data:
        return _measure(db, Path(data))


def _measure(db: Path, data: Path) -> dict:
    ctx = open_context(db, AppPaths.resolve(data))
    raw = sqlite3.connect(db)
    lib = ctx.library
    rng = random.Random(3)
    per_query: dict[str, dict] = {}
    search, raw_search = [], []
    for q in QUERIES:
        own = []
        for _ in range(REPEATS):
            def run(q: str = q) -> None:
                ids = lib.list_ids(ReleaseFilter(search=q))
                lib.rows(ids[:PAGE])
            own.append(timed(run))
            terms = search_terms(q)
            raw_search.append(timed(lambda t=terms: raw.execute(
                "SELECT rowid FROM release_search WHERE release_search MATCH ?",
                (fts_query(t),)).fetchall()))
        per_query[q] = {"hits": len(lib.list_ids(ReleaseFilter(search=q))), **summary(own)}
        search += own
    filtered = []
    for flt in FILTERS:
        for _ in range(REPEATS):
            filtered.append(timed(lambda f=flt: lib.rows(lib.list_ids(f)[:PAGE])))
    sorts = {}
    for column in SORT_COLUMNS:
        sorts[column] = summary([timed(lambda c=column: lib.rows(lib.list_ids(sort=c)[:PAGE]))
                                 for _ in range(3)])
    ids = lib.list_ids()
    sample = rng.sample(ids, min(300, len(ids)))
    opened = [timed(lambda i=i: lib.release(i)) for i in sample]
    raw_opened = [timed(lambda i=i: raw.execute("SELECT * FROM releases WHERE id = ?",
                                                (i,)).fetchone()) for i in sample]
    tags, raw_tags = [], []
    annotate = getattr(ctx, "annotate", None)
    if annotate is not None:
        type_id = annotate.schema().entity_types[0].id
        for i in sample[:200]:
            tags.append(timed(lambda i=i: annotate.create_span(i, 0, 5, type_id)))
        raw.isolation_level = None
        for i in sample[200:300] or sample[:100]:
            def raw_tag(i: int = i) -> None:
                raw.execute("BEGIN IMMEDIATE")
                raw.execute('INSERT INTO spans (release_id, start, "end", text, type_id, '
                            "created_at, version) VALUES (?, 0, 5, 'x', ?, '2024-01-01', 1)",
                            (i, type_id))
                raw.execute("COMMIT")
            raw_tags.append(timed(raw_tag))
    raw.close()
    ctx.close()
    return {
        "db": str(db), "releases": len(ids), "search": summary(search),
        "raw_fts": summary(raw_search), "filters": summary(filtered), "per_query": per_query,
        "sort": sorts, "open_release": summary(opened), "raw_open_release": summary(raw_opened),
        "tag_commit": summary(tags) if tags else None,
        "raw_tag_commit": summary(raw_tags) if raw_tags else None,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "loadavg_after": os.getloadavg(),
    }


def table(r: dict) -> str:
    def row(name: str, s: dict | None, goal: str = "") -> str:
        if not s:
            return f"  {name:34}{'n/a':>9}"
        return (f"  {name:34}{s['p50_ms']:9.1f}{s['p95_ms']:9.1f}{s['max_ms']:9.1f}{s['n']:6}"
                f"  {goal}")
    lines = [f"latency on {r['releases']:,} releases (ms)",
             f"  {'':34}{'p50':>9}{'p95':>9}{'max':>9}{'n':>6}",
             row("search + first page (service)", r["search"], "goal p95 < 100"),
             row("  raw FTS5 MATCH, same queries", r["raw_fts"]),
             row("filters + first page", r["filters"]),
             row("open a release (service)", r["open_release"]),
             row("  raw SELECT by id", r["raw_open_release"]),
             row("tag commit (annotate service)", r["tag_commit"]),
             row("  raw INSERT span + COMMIT", r["raw_tag_commit"])]
    for column, s in r["sort"].items():
        lines.append(row(f"sort by {column} + first page", s))
    slow = sorted(r["per_query"].items(), key=lambda kv: -kv[1]["p95_ms"])[:3]
    lines.append("  slowest queries: " + ", ".join(
        f"{q!r} {v['p95_ms']:.0f} ms ({v['hits']:,} hits)" for q, v in slow))
    lines.append(f"  peak memory {r['peak_mb']:.0f} MB; load average after: "
                 + ", ".join(f"{x:.1f}" for x in r["loadavg_after"]))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, default=Path(os.environ.get(
        "RR_BENCH_DB", "bench/out/bench-100k.sqlite3")))
    ap.add_argument("--out", type=Path, default=Path(os.environ.get("RR_BENCH_OUT", "bench/out")))
    args = ap.parse_args(argv)
    if not args.db.exists():
        print(f"search bench skipped: no database at {args.db} (run bench.import_bench first)")
        return 0
    result = measure(args.db)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "search.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(table(result))
    print("BENCH-JSON " + json.dumps({k: v for k, v in result.items() if k != "per_query"}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
