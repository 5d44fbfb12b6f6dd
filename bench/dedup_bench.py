"""Duplicate/version detection at scale: full run, incremental run, blocked vs exhaustive recall.

    python -m bench.dedup_bench [--count 100000] [--sample 10000] [--corpus DIR] [--out DIR]

Uses the synthetic corpus of `bench.generate_corpus` (planted cross-language versions,
same-language re-posts and exact copies; generated when absent). Phases, each in its own
process so its peak memory (ru_maxrss) is its own:
  build    a database of `count` releases with their match keys, as import stores them
           (cached in the output folder; exact copies skipped as the importer links them);
  detect   DedupService.detect() on a fresh process (loads keys from SQLite, builds the index,
           detects, saves pairs), then 100 new releases stored and detected incrementally
           against the corpus with the index kept warm (and once cold, for comparison);
  recall   on the first `sample` releases: the default blocked search and an exhaustive one
           (every pair sharing any key scored, no date window, no per-release cut), same run;
           the share of the exhaustive proposals the blocked search keeps.
Quality against the planted truth (same event = same story) is printed for the full run.
Environment (bench.run_all): RR_BENCH_CORPUS, RR_BENCH_OUT.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import text as sql

from desktop_app.domain.enums import DatePrecision
from desktop_app.domain.releases import ParsedRelease, ReleaseDate
from desktop_app.matching.keys import KEYS_VERSION, keys_for
from desktop_app.services.dedup import DedupService
from desktop_app.services.ingest import content_hash
from desktop_app.storage import open_database
from desktop_app.storage import releases as release_repo

from .generate_corpus import ensure_corpus, release

NEW_RELEASES = 100
SEED = 7


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def parsed_of(obj: dict, source: str) -> ParsedRelease:
    date = ReleaseDate(obj["date"], DatePrecision.DAY) if obj.get("date") else None
    return ParsedRelease(source_path=source, title=obj["title"], body=obj["text"],
                         external_id=obj["id"], language=obj["lang"], date=date)


def _with_keys(batch: list[ParsedRelease]) -> list[tuple[ParsedRelease, str, dict]]:
    return [(p, content_hash(p.title, p.body), keys_for(p)) for p in batch]


def _insert(db, batch: list[ParsedRelease], sources, pool=None) -> list[int]:
    items = _with_keys(batch) if pool is None else [
        x for part in pool.map(_with_keys, [batch[i::2] for i in range(2)]) for x in part]
    with db.write() as s:
        return release_repo.insert_releases(s, items, None, sources)


def build_db(corpus: Path, db_path: Path, count: int) -> dict:
    """Releases and their keys, streamed in batches (never all in memory)."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = db_path.with_suffix(".building")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    db = open_database(tmp, db_path.parent / "backups")
    sources = release_repo.SourceCache()
    seen: set[str] = set()
    started = time.perf_counter()
    stored = 0
    batch: list[ParsedRelease] = []
    pool = multiprocessing.Pool(2)   # keys are computed at import; two cores share the work
    with pool, open(corpus / "releases.jsonl", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n >= count:
                break
            p = parsed_of(json.loads(line), f"releases.jsonl:{n + 1}")
            h = content_hash(p.title, p.body)
            if h in seen:
                continue  # an exact copy: the importer links it to the release it copies
            seen.add(h)
            batch.append(p)
            if len(batch) == 1000:
                stored += len(_insert(db, batch, sources, pool))
                batch = []
        if batch:
            stored += len(_insert(db, batch, sources, pool))
    db.dispose()
    for suffix in ("-wal", "-shm"):
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    tmp.rename(db_path)
    return {"releases": stored, "build_s": round(time.perf_counter() - started, 1)}


def truth_events(corpus: Path, count: int) -> dict[str, int]:
    events = {}
    with open(corpus / "truth.jsonl", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n >= count:
                break
            t = json.loads(line)
            events[t["id"]] = t["event"]
    return events


def quality(service: DedupService, events: dict[str, int]) -> dict:
    """Precision and recall of the proposed pairs against the planted stories."""
    with service.db.read() as s:
        ext = dict(s.execute(sql(
            "SELECT id, external_id FROM releases")).all())
    by_event: dict[int, list[int]] = {}
    for rid, x in ext.items():
        if x in events:
            by_event.setdefault(events[x], []).append(rid)
    gold = sum(len(v) * (len(v) - 1) // 2 for v in by_event.values())
    pairs = service.pairs()
    hits = sum(1 for p in pairs if events.get(ext[p.release_a], -1) ==
               events.get(ext[p.release_b], -2))
    precision = hits / len(pairs) if pairs else 0.0
    recall = hits / gold if gold else 0.0
    return {"proposed": len(pairs), "gold_pairs": gold, "precision": round(precision, 4),
            "recall": round(recall, 4)}


def phase_detect(db_path: Path, corpus: Path, count: int) -> dict:
    db = open_database(db_path, db_path.parent / "backups")
    # The database is reused between runs: forget pairs and the new releases of a past run.
    with db.write() as s:
        s.execute(sql("DELETE FROM duplicate_pairs"))
        s.execute(sql("DELETE FROM releases WHERE source_path LIKE 'new:%'"))
        s.execute(sql(
            "UPDATE releases SET version_group = NULL, duplicate_count = 0"))
    service = DedupService(db)
    started = time.perf_counter()
    report, _, _ = service.detect()
    full_s = time.perf_counter() - started
    out = {"full_s": round(full_s, 2), "full_report": report.summary(),
           "full_peak_mb": round(peak_mb())}
    out["quality"] = quality(service, truth_events(corpus, count))
    # 100 new releases (the generator continues the same stream), stored with keys as an
    # import does, then detected against the corpus.
    new = [parsed_of({"id": r.id, "title": r.title, "text": r.body, "lang": r.lang,
                      "date": r.date}, f"new:{i}")
           for i in range(count, count + NEW_RELEASES)
           for r in [release(SEED, i)[0]]]
    fresh = {content_hash(p.title, p.body): p for p in new}
    with db.read() as s:
        known = set(release_repo.ids_by_hash(s, list(fresh)))
    ids = _insert(db, [p for h, p in fresh.items() if h not in known],
                  release_repo.SourceCache())
    started = time.perf_counter()
    inc, _, _ = service.detect_new(ids)
    out["incremental_s"] = round(time.perf_counter() - started, 3)
    out["incremental_report"] = inc.summary()
    cold = DedupService(db)
    started = time.perf_counter()
    cold.detect_new(ids)
    out["incremental_cold_s"] = round(time.perf_counter() - started, 2)
    out["peak_mb"] = round(peak_mb())
    db.dispose()
    return out


def phase_recall(db_path: Path, sample: int) -> dict:
    from desktop_app.matching.blocking import BlockingConfig
    from desktop_app.matching.engine import Engine
    from desktop_app.matching.index import CorpusIndex
    from desktop_app.storage import duplicates as dup_repo

    db = open_database(db_path, db_path.parent / "backups")
    with db.read() as s:
        ids = [r for r, in s.execute(sql(
            "SELECT id FROM releases WHERE source_path NOT LIKE 'new:%' ORDER BY id LIMIT :n"),
            {"n": sample})]
        rows = list(dup_repo.iter_match_keys(s, ids))
    service = DedupService(db)
    out = {}
    proposals = {}
    for name, cfg in (("blocked", BlockingConfig()),
                      ("exhaustive", BlockingConfig(max_df=10**9, max_df_share=1.0,
                                                    window_days=10**7, per_row=10**9,
                                                    batch_rows=250))):
        index = CorpusIndex()
        index.build(rows)
        engine = Engine(index, service._load_keys, cfg)
        started = time.perf_counter()
        result = engine.detect()
        out[f"{name}_s"] = round(time.perf_counter() - started, 2)
        out[f"{name}_scored"] = result.scored
        proposals[name] = {(c.a, c.b) for c in result.candidates}
        out[f"{name}_proposed"] = len(proposals[name])
    kept = len(proposals["blocked"] & proposals["exhaustive"])
    out["blocked_keeps"] = round(kept / max(len(proposals["exhaustive"]), 1), 4)
    out["peak_mb"] = round(peak_mb())
    db.dispose()
    return out


def run_phase(args: argparse.Namespace, phase: str) -> dict:
    cmd = [sys.executable, "-m", "bench.dedup_bench", "--phase", phase, "--count",
           str(args.count), "--sample", str(args.sample), "--corpus", str(args.corpus),
           "--out", str(args.out)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"phase {phase} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--sample", type=int, default=10_000)
    out_default = Path(os.environ.get("RR_BENCH_OUT", "bench/out"))
    ap.add_argument("--corpus", type=Path,
                    default=Path(os.environ.get("RR_BENCH_CORPUS",
                                                out_default / "corpus-100k")))
    ap.add_argument("--out", type=Path, default=out_default)
    ap.add_argument("--phase", choices=["build", "detect", "recall"], help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    db_path = args.out / f"dedup-{args.count}.sqlite3"
    if args.phase == "build":
        print(json.dumps(build_db(args.corpus, db_path, args.count)))
        return 0
    if args.phase == "detect":
        print(json.dumps(phase_detect(db_path, args.corpus, args.count)))
        return 0
    if args.phase == "recall":
        print(json.dumps(phase_recall(db_path, args.sample)))
        return 0
    if not (args.corpus / "releases.jsonl").exists():
        print(f"generating the corpus in {args.corpus} ...", file=sys.stderr)
        ensure_corpus(args.corpus, args.count, SEED)
    stamp = hashlib.sha256(f"{args.corpus.resolve()}:{args.count}:{KEYS_VERSION}".encode()
                           ).hexdigest()[:12]
    marker = db_path.with_suffix(".built")
    if not db_path.exists() or not marker.exists() or marker.read_text() != stamp:
        print(f"building {db_path} (once) ...", file=sys.stderr)
        built = run_phase(args, "build")
        marker.write_text(stamp)
        print(f"  {built['releases']} releases with keys in {built['build_s']} s",
              file=sys.stderr)
    det = run_phase(args, "detect")
    rec = run_phase(args, "recall")
    q = det["quality"]
    print(f"dedup bench: {args.count} synthetic releases ({os.cpu_count()} CPUs)")
    print(f"  full detection            {det['full_s']:8.2f} s   peak {det['full_peak_mb']} MB")
    print(f"    {det['full_report']}")
    print(f"    vs planted stories: precision {q['precision']:.3f}, recall {q['recall']:.3f} "
          f"({q['proposed']} proposed, {q['gold_pairs']} gold pairs)")
    print(f"  incremental, {NEW_RELEASES} new     {det['incremental_s']:8.3f} s   (index warm)")
    print(f"    {det['incremental_report']}")
    print(f"  incremental, cold index   {det['incremental_cold_s']:8.2f} s   "
          f"(first run after the app starts)")
    print(f"  peak memory (detect phase) {det['peak_mb']} MB")
    print(f"  recall check on {args.sample}: blocked {rec['blocked_s']} s "
          f"({rec['blocked_scored']} pairs scored, {rec['blocked_proposed']} proposed); "
          f"exhaustive {rec['exhaustive_s']} s ({rec['exhaustive_scored']} scored, "
          f"{rec['exhaustive_proposed']} proposed)")
    print(f"    blocked search keeps {rec['blocked_keeps']:.2%} of the exhaustive proposals")
    figures = {"count": args.count, **{k: v for k, v in det.items() if k != "quality"},
               "quality": q, "recall": rec}
    (args.out / f"dedup-{args.count}.json").write_text(json.dumps(figures, indent=2))
    print("BENCH-JSON " + json.dumps({"dedup": figures}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
