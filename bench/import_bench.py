"""Import throughput next to raw SQLite, and the time to open a large database.

    python -m bench.import_bench --count 100000 [--out bench/out] [--profile]

Each phase runs in its own process so its peak memory (ru_maxrss) is its own:
  ingest  the generated .txt folder through IngestService (parsing, dedup, FTS, match keys);
  raw     the same files read and split into title/body, then sqlite3 `executemany` into a plain
          table plus an FTS5 `rebuild` over title and body: the floor any importer pays;
  open    open_context + list_ids() + the first page of rows, in a fresh process (3 times).
Prints a table, writes `import-<count>.json`; with --profile, the top of a cProfile of ingest.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .generate_corpus import ensure_corpus

PAGE = 60  # rows a list view shows at once


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """CPU time of this process: steadier than wall time on a shared, loaded machine."""
    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_utime + use.ru_stime


def phase_ingest(corpus: Path, db: Path, profile: Path | None) -> dict:
    from desktop_app.services.context import open_context
    from desktop_app.services.paths import AppPaths

    paths = AppPaths.resolve(db.parent / "data")
    started = time.perf_counter()
    ctx = open_context(db, paths)
    profiler = cProfile.Profile() if profile else None
    t0, c0 = time.perf_counter(), cpu_seconds()
    if profiler:
        profiler.enable()
    report = ctx.ingest.import_paths([corpus / "txt"])
    if profiler:
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(40)
        stats_tot = io.StringIO()
        pstats.Stats(profiler, stream=stats_tot).sort_stats("tottime").print_stats(25)
        profile.write_text(out.getvalue() + "\n\n" + stats_tot.getvalue(), encoding="utf-8")
    seconds, cpu = time.perf_counter() - t0, cpu_seconds() - c0
    count = ctx.library.count()
    ctx.close()
    return {"seconds": seconds, "cpu_seconds": cpu, "open_seconds": t0 - started,
            "releases": count,
            "files": len(report.files), "problems": len(report.problems),
            "db_mb": db.stat().st_size / 2**20, "peak_mb": peak_mb()}


def _read_plain(path: Path) -> tuple[str, str]:
    text = path.read_bytes().decode("utf-8-sig").strip()
    title, _, body = text.partition("\n")
    return title.strip(), body.strip()


def phase_raw(corpus: Path, db: Path) -> dict:
    files = sorted((corpus / "txt").rglob("*.txt"))
    t0, c0 = time.perf_counter(), cpu_seconds()
    rows = [(i + 1, *_read_plain(f)) for i, f in enumerate(files)]
    t_read = time.perf_counter() - t0
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = NORMAL")
    con.execute("CREATE TABLE docs (id INTEGER PRIMARY KEY, title TEXT, body TEXT)")
    con.execute("CREATE VIRTUAL TABLE docs_fts USING fts5(title, body, content='docs', "
                "content_rowid='id', tokenize='unicode61 remove_diacritics 2')")
    t1 = time.perf_counter()
    con.execute("BEGIN")
    con.executemany("INSERT INTO docs (id, title, body) VALUES (?, ?, ?)", rows)
    con.execute("COMMIT")
    t_insert = time.perf_counter() - t1
    t2 = time.perf_counter()
    con.execute("INSERT INTO docs_fts(docs_fts) VALUES ('rebuild')")
    t_fts = time.perf_counter() - t2
    con.close()
    return {"seconds": t_read + t_insert + t_fts, "cpu_seconds": cpu_seconds() - c0,
            "read_seconds": t_read,
            "insert_seconds": t_insert, "fts_seconds": t_fts, "releases": len(rows),
            "db_mb": db.stat().st_size / 2**20, "peak_mb": peak_mb()}


def phase_open(db: Path) -> dict:
    from desktop_app.domain.releases import ReleaseFilter
    from desktop_app.services.context import open_context
    from desktop_app.services.paths import AppPaths

    paths = AppPaths.resolve(db.parent / "data")
    t0 = time.perf_counter()
    ctx = open_context(db, paths)
    t1 = time.perf_counter()
    ids = ctx.library.list_ids(ReleaseFilter())
    t2 = time.perf_counter()
    rows = ctx.library.rows(ids[:PAGE])
    t3 = time.perf_counter()
    assert len(rows) == min(PAGE, len(ids))
    ctx.close()
    return {"seconds": t3 - t0, "open_context": t1 - t0, "list_ids": t2 - t1,
            "first_page": t3 - t2, "ids": len(ids), "peak_mb": peak_mb()}


def run_phase(name: str, *args: str) -> dict:
    """Run a phase in a fresh interpreter and return its JSON."""
    cmd = [sys.executable, "-m", "bench.import_bench", "--phase", name, *args]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"phase {name} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(count: int, out: Path, profile: bool = False, keep_db: bool = True) -> dict:
    corpus = out / f"corpus-{count // 1000}k"
    manifest = ensure_corpus(corpus, count)
    db = out / f"bench-{count // 1000}k.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        raw = run_phase("raw", "--corpus", str(corpus), "--db", str(Path(tmp) / "raw.sqlite3"))
    extra = ["--profile-to", str(out / f"import-{count // 1000}k.prof.txt")] if profile else []
    ingest = run_phase("ingest", "--corpus", str(corpus), "--db", str(db), *extra)
    opens = [run_phase("open", "--db", str(db)) for _ in range(3)]
    result = {
        "count": count, "expected_releases": manifest["expected_releases"],
        "mean_file_bytes": manifest["mean_file_bytes"], "ingest": ingest, "raw": raw,
        "ratio_vs_raw": ingest["seconds"] / raw["seconds"],
        "cpu_ratio_vs_raw": ingest["cpu_seconds"] / raw["cpu_seconds"],
        "ratio_vs_raw_insert_only": ingest["seconds"] / (raw["insert_seconds"]
                                                          + raw["fts_seconds"]),
        "open": opens, "open_max_seconds": max(o["seconds"] for o in opens),
        "db": str(db) if keep_db else None,
        # Shared machines skew timings; the load average says how much.
        "loadavg_after": os.getloadavg(),
    }
    if not keep_db:
        db.unlink(missing_ok=True)
    return result


def table(r: dict) -> str:
    i, raw = r["ingest"], r["raw"]
    lines = [
        f"import of {r['count']:,} files (mean {r['mean_file_bytes']} B)",
        f"  {'':28}{'seconds':>9}{'rel/s':>9}{'peak MB':>9}",
        f"  {'IngestService':28}{i['seconds']:9.1f}{i['releases'] / i['seconds']:9.0f}"
        f"{i['peak_mb']:9.0f}",
        f"  {'raw read+executemany+FTS5':28}{raw['seconds']:9.1f}"
        f"{raw['releases'] / raw['seconds']:9.0f}{raw['peak_mb']:9.0f}",
        f"    (read {raw['read_seconds']:.1f} s, insert {raw['insert_seconds']:.1f} s, "
        f"FTS5 rebuild {raw['fts_seconds']:.1f} s)",
        f"  ratio ingest/raw {r['ratio_vs_raw']:.2f}x wall, {r['cpu_ratio_vs_raw']:.2f}x CPU "
        f"({i['cpu_seconds']:.1f} s vs {raw['cpu_seconds']:.1f} s) (goal <= 2x); "
        f"vs raw insert+FTS only {r['ratio_vs_raw_insert_only']:.2f}x",
        f"  releases stored {i['releases']:,} (expected {r['expected_releases']:,}), "
        f"problems {i['problems']}, database {i['db_mb']:.0f} MB",
        "open database -> first rows (open_context + list_ids + first page), 3 fresh processes:",
    ]
    for o in r["open"]:
        lines.append(f"  {o['seconds'] * 1000:7.0f} ms  (open {o['open_context'] * 1000:.0f}, "
                     f"list_ids {o['list_ids'] * 1000:.0f} for {o['ids']:,} ids, "
                     f"first page {o['first_page'] * 1000:.0f}; peak {o['peak_mb']:.0f} MB)")
    lines.append(f"  worst {r['open_max_seconds'] * 1000:.0f} ms (goal < 1000 ms)")
    lines.append("load average (1, 5, 15 min) after the run: "
                 + ", ".join(f"{x:.1f}" for x in r["loadavg_after"]))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--out", type=Path, default=Path("bench/out"))
    ap.add_argument("--profile", action="store_true", help="cProfile the ingest phase")
    ap.add_argument("--phase", choices=["ingest", "raw", "open"], help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--profile-to", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.phase == "ingest":
        print(json.dumps(phase_ingest(args.corpus, args.db, args.profile_to)))
        return 0
    if args.phase == "raw":
        print(json.dumps(phase_raw(args.corpus, args.db)))
        return 0
    if args.phase == "open":
        print(json.dumps(phase_open(args.db)))
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    result = measure(args.count, args.out.resolve(), args.profile)
    (args.out / f"import-{args.count // 1000}k.json").write_text(json.dumps(result, indent=2))
    print(table(result))
    if args.profile:
        print(f"profile: {args.out / f'import-{args.count // 1000}k.prof.txt'}")
    print("BENCH-JSON " + json.dumps({k: v for k, v in result.items() if k != "open"}))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    raise SystemExit(main())
