"""Team server figures: import and search on PostgreSQL, with and without the trigram index.

    python -m bench.pg_bench [--db postgresql+psycopg://user@host/postgres] [--corpus DIR]

--db (or RR_BENCH_PG_URL) names a server and a role allowed to create databases; the script
creates and drops its own database `rr_bench` there. Without it, a throwaway server is started
on loopback the way the tests do (initdb + pg_ctl, as the postgres user when run as root), and
the script exits 0 with a message when none can be started. The corpus is RR_BENCH_CORPUS_SMALL
(or --corpus), generated under bench/out when absent.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from desktop_app.domain.releases import ReleaseFilter
from desktop_app.services.context import open_context
from desktop_app.services.paths import AppPaths

from .search_bench import PAGE, QUERIES

HERE = Path(__file__).resolve().parent
BENCH_DB = "rr_bench"
REPEATS = 5


def _server(url: str | None):
    """(server url, server to stop or None); exits 0 when no server is available."""
    if url:
        return url, None
    sys.path.insert(0, str(HERE.parent / "tests"))
    from pg_server import LocalServer  # the tests' throwaway server

    server = LocalServer()
    try:
        return server.start(), server
    except (RuntimeError, OSError) as exc:
        server.stop()
        print(f"pg_bench skipped: no PostgreSQL server could be started ({exc})")
        sys.exit(0)


def _admin(url: str, sql: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(sql)
    finally:
        engine.dispose()


def _searches(lib) -> list[float]:
    times = []
    for q in QUERIES:
        for _ in range(REPEATS):
            t0 = time.perf_counter()
            ids = lib.list_ids(ReleaseFilter(search=q))
            lib.rows(ids[:PAGE])
            times.append(time.perf_counter() - t0)
    return times


def _summary(times: list[float]) -> dict:
    ms = sorted(t * 1000 for t in times)
    return {"n": len(ms), "p50_ms": round(statistics.median(ms), 2),
            "p95_ms": round(ms[round(0.95 * (len(ms) - 1))], 2), "max_ms": round(ms[-1], 2)}


def measure(server_url: str, corpus: Path) -> dict:
    _admin(server_url, f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
    _admin(server_url, f"CREATE DATABASE {BENCH_DB}")
    url = make_url(server_url).set(database=BENCH_DB).render_as_string(hide_password=False)
    ctx = open_context(url, AppPaths.resolve(tempfile.mkdtemp(prefix="rr-pgbench-")))
    try:
        t0 = time.perf_counter()
        report = ctx.ingest.import_paths([corpus])
        import_s = time.perf_counter() - t0
        n = ctx.library.count()
        with ctx.db.write() as s:
            s.execute(text("ANALYZE"))
            indexed = bool(s.scalar(text(
                "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_release_search_folded_trgm'")))
        with_index = _summary(_searches(ctx.library))
        without = None
        if indexed:
            with ctx.db.write() as s:
                s.execute(text("DROP INDEX ix_release_search_folded_trgm"))
            without = _summary(_searches(ctx.library))
            with ctx.db.write() as s:
                s.execute(text("CREATE INDEX ix_release_search_folded_trgm ON release_search "
                               "USING gin (folded gin_trgm_ops)"))
        hits = {q: len(ctx.library.list_ids(ReleaseFilter(search=q))) for q in QUERIES[:6]}
    finally:
        ctx.close()
        _admin(server_url, f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
    return {"releases": n, "import_s": round(import_s, 1),
            "import_per_s": round(report.imported_releases / import_s, 1),
            "search_trgm": with_index if indexed else None, "search_no_index": without,
            "sample_hits": hits}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", default=os.environ.get("RR_BENCH_PG_URL"))
    ap.add_argument("--corpus", type=Path, default=os.environ.get("RR_BENCH_CORPUS_SMALL"))
    args = ap.parse_args(argv)
    corpus = args.corpus
    if corpus is None:
        from .generate_corpus import ensure_corpus

        corpus = HERE / "out" / "corpus-10k"
        ensure_corpus(corpus, 10_000)
    server_url, server = _server(args.db)
    try:
        figures = measure(server_url, Path(corpus))
    finally:
        if server is not None:
            server.stop()
    print(f"PostgreSQL: {figures['releases']} releases imported in {figures['import_s']} s "
          f"({figures['import_per_s']}/s)")
    for label, key in (("search, trigram index", "search_trgm"),
                       ("search, no index", "search_no_index")):
        f = figures[key]
        if f:
            print(f"{label:<24} p50 {f['p50_ms']:8.1f} ms  p95 {f['p95_ms']:8.1f} ms  "
                  f"max {f['max_ms']:8.1f} ms  ({f['n']} searches + first page)")
    print("BENCH-JSON " + json.dumps(figures, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
