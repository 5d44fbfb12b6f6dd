"""`make bench`: generate the corpora, run every benchmark, print one table, write one JSON.

    python -m bench.run_all [--out bench/out] [--small-only]

Steps: synthetic corpora of 10k and 100k releases (reused when already generated), import of
both next to raw SQLite, open time, then `bench.search_bench` on the 100k database, then each
other benchmark script present in bench/ (language id, duplicates, GUI open, tagging, export),
run as a subprocess with the RR_BENCH_* variables described in bench/__init__.py. A script
that is absent is listed as skipped; one that fails is listed with its exit code.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from . import import_bench
from .generate_corpus import ensure_corpus

HERE = Path(__file__).resolve().parent
OTHERS = ["search_bench", "langid_eval", "dates_on_seeds", "encoding_eval", "import_speed",
          "dedup_bench", "gui_open", "tagging_bench", "export_bench", "pg_bench"]
# Scripts that evaluate on the shared development data take its path as their argument.
SHARED_ARGS = {"langid_eval": "data/crosslang-dev.jsonl", "encoding_eval": "data/crosslang-dev.jsonl",
               "import_speed": "data/crosslang-dev.jsonl", "dates_on_seeds": "seeds"}
TIMEOUT_S = 3600


def run_script(name: str, env: dict[str, str], shared: Path) -> dict:
    if not (HERE / f"{name}.py").exists():
        print(f"\n== {name}: skipped (bench/{name}.py not present)")
        return {"status": "absent"}
    args = []
    if name in SHARED_ARGS:
        target = shared / SHARED_ARGS[name]
        if not target.exists():
            print(f"\n== {name}: skipped ({target} not present)")
            return {"status": "no data"}
        args.append(str(target))
    print(f"\n== {name}", flush=True)
    t0 = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-m", f"bench.{name}", *args], env=env, text=True,
                              capture_output=True, timeout=TIMEOUT_S, cwd=HERE.parent)
    except subprocess.TimeoutExpired:
        print(f"   timed out after {TIMEOUT_S} s")
        return {"status": "timeout"}
    figures = None
    for line in done.stdout.splitlines():
        if line.startswith("BENCH-JSON "):
            try:
                figures = json.loads(line.removeprefix("BENCH-JSON "))
            except json.JSONDecodeError:
                figures = None
        else:
            print("   " + line)
    if done.returncode != 0:
        print(f"   exit code {done.returncode}:\n" + "\n".join(
            "   " + x for x in done.stderr.strip().splitlines()[-15:]))
    return {"status": "ok" if done.returncode == 0 else f"exit {done.returncode}",
            "seconds": round(time.perf_counter() - t0, 1), "figures": figures,
            "output": done.stdout[-8000:]}


def goals(results: dict) -> list[tuple[str, str, str, bool | None]]:
    """(measure, figure, goal, met) rows for the final table."""
    rows = []
    big = results.get("import_100k") or results.get("import_10k")
    if big:
        n = f"{big['count'] // 1000}k"
        cpu = big.get("cpu_ratio_vs_raw", big["ratio_vs_raw"])
        rows.append((f"import {n} vs raw SQLite+FTS5 (wall)", f"{big['ratio_vs_raw']:.2f}x",
                     "<= 2x", big["ratio_vs_raw"] <= 2))
        rows.append((f"import {n} vs raw SQLite+FTS5 (CPU)", f"{cpu:.2f}x", "<= 2x", cpu <= 2))
        rows.append((f"import {n} throughput", f"{big['ingest']['releases'] / big['ingest']['seconds']:.0f} rel/s",
                     "", None))
        rows.append((f"open {n} db to first rows (worst of 3)",
                     f"{big['open_max_seconds'] * 1000:.0f} ms", "< 1000 ms",
                     big["open_max_seconds"] < 1))
        rows.append((f"import {n} peak memory", f"{big['ingest']['peak_mb']:.0f} MB", "", None))
    search = (results.get("scripts", {}).get("search_bench") or {}).get("figures")
    if search:
        p95 = search["search"]["p95_ms"]
        rows.append(("search p95 (+ first page)", f"{p95:.0f} ms", "< 100 ms", p95 < 100))
        rows.append(("open a release p95", f"{search['open_release']['p95_ms']:.1f} ms", "", None))
        if search.get("tag_commit"):
            rows.append(("tag commit p95", f"{search['tag_commit']['p95_ms']:.1f} ms", "", None))
        worst = max(search["sort"].values(), key=lambda s: s["p95_ms"])
        rows.append(("slowest sort + first page", f"{worst['p95_ms']:.0f} ms", "", None))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=Path("bench/out"))
    ap.add_argument("--small-only", action="store_true", help="10k corpus only (quick run)")
    ap.add_argument("--shared", type=Path, default=Path("../shared"),
                    help="development data (seeds, crosslang-dev.jsonl); skipped when absent")
    ap.add_argument("--only", help="comma-separated benchmark scripts to run after the imports")
    ap.add_argument("--skip-import", action="store_true",
                    help="reuse the databases of an earlier run instead of importing again")
    args = ap.parse_args(argv)
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    results: dict = {"python": sys.version.split()[0], "cpus": os.cpu_count()}
    counts = [10_000] if args.small_only else [10_000, 100_000]
    previous = out / "bench-results.json"
    reuse = args.skip_import and previous.exists()
    if reuse:
        earlier = json.loads(previous.read_text(encoding="utf-8"))
        results.update({k: v for k, v in earlier.items() if k.startswith("import_")})
    for count in [] if reuse else counts:
        print(f"== corpus {count // 1000}k", flush=True)
        manifest = ensure_corpus(out / f"corpus-{count // 1000}k", count)
        print(f"   {manifest['count']:,} releases, {manifest['kinds']}, "
              f"mean {manifest['mean_file_bytes']} B")
        print(f"== import {count // 1000}k", flush=True)
        result = import_bench.measure(count, out)
        print(import_bench.table(result))
        results[f"import_{count // 1000}k"] = result
    big = counts[-1] // 1000
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RR_BENCH_OUT": str(out),
           "RR_BENCH_DB": str(out / f"bench-{big}k.sqlite3"),
           "RR_BENCH_CORPUS": str(out / f"corpus-{big}k"),
           "RR_BENCH_CORPUS_SMALL": str(out / "corpus-10k")}
    chosen = args.only.split(",") if args.only else OTHERS
    results["scripts"] = {name: run_script(name, env, args.shared) for name in chosen}
    results["seconds"] = round(time.perf_counter() - started, 1)
    (out / "bench-results.json").write_text(json.dumps(results, indent=2, default=str),
                                            encoding="utf-8")
    print("\n== summary")
    for measure, figure, goal, met in goals(results):
        mark = "" if met is None else ("ok" if met else "MISSED")
        print(f"  {measure:40}{figure:>14}  {goal:12}{mark}")
    for name, r in results["scripts"].items():
        print(f"  {name:40}{r['status']:>14}")
    print(f"results: {out / 'bench-results.json'} ({results['seconds']:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
