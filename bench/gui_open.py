"""Time from constructing the main window to its first rows on screen, at 100k releases.

    QT_QPA_PLATFORM=offscreen python -m bench.gui_open [--db bench/out/bench-100k.sqlite3]

Uses RR_BENCH_DB (or --db). When that database does not exist it is built first: the synthetic
corpus (bench.generate_corpus, RR_BENCH_CORPUS or --corpus) imported with the IngestService.
Figures: open_context, MainWindow() to the first painted rows, re-sorting by title, and
jumping around the list (each jump paints a page fetched on demand). Goal: window < 1 s.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop_app.services.context import open_context  # noqa: E402
from desktop_app.services.paths import AppPaths  # noqa: E402

ROUNDS = 3
JUMPS = 30
DEFAULT_DB = Path("bench/out/bench-100k.sqlite3")
DEFAULT_CORPUS = Path("bench/out/corpus-100k")


class PaintWatch(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def wait_for_paint(app: QApplication, watch: PaintWatch, limit_s: float = 30.0) -> None:
    seen = watch.count
    deadline = time.perf_counter() + limit_s
    while watch.count == seen:
        app.processEvents()
        if time.perf_counter() > deadline:
            raise RuntimeError("the list was never painted")


def build_database(db: Path, corpus: Path, count: int) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bench.generate_corpus import ensure_corpus

    print(f"building {db} from {count} synthetic releases ({corpus}) …", flush=True)
    ensure_corpus(corpus, count)
    t0 = time.perf_counter()
    ctx = open_context(db, AppPaths.resolve(Path(tempfile.mkdtemp(prefix="rr-gui-bench-"))))
    try:
        report = ctx.ingest.import_paths([corpus / "releases.jsonl"])
    finally:
        ctx.close()
    print(f"  {report.summary()} in {time.perf_counter() - t0:.0f} s", flush=True)


def one_round(app: QApplication, db: Path, data: Path, settings_path: Path) -> dict:
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.settings import Settings

    t0 = time.perf_counter()
    ctx = open_context(db, AppPaths.resolve(data))
    t_ctx = time.perf_counter()
    window = MainWindow(ctx, Settings.at_path(settings_path))
    watch = PaintWatch()
    window.table.viewport().installEventFilter(watch)
    window.resize(1400, 860)
    window.show()
    wait_for_paint(app, watch)
    t_shown = time.perf_counter()
    rows = window.model.rowCount()
    first_title = window.model.index(0, 2).data()

    title = [c for c in range(window.model.columnCount())
             if window.model.headerData(c, Qt.Orientation.Horizontal) == "Title"][0]
    t1 = time.perf_counter()
    window.table.horizontalHeader().setSortIndicator(title, Qt.SortOrder.AscendingOrder)
    wait_for_paint(app, watch)
    sort_s = time.perf_counter() - t1

    rng = random.Random(5)
    jumps = []
    for _ in range(JUMPS):
        row = rng.randrange(rows)
        t1 = time.perf_counter()
        window.table.scrollTo(window.model.index(row, 0))
        window.table.viewport().update()
        wait_for_paint(app, watch)
        jumps.append(time.perf_counter() - t1)
    window.close()
    window.shutdown()
    window.deleteLater()
    app.processEvents()
    return {"open_context_s": t_ctx - t0, "window_to_rows_s": t_shown - t_ctx,
            "total_s": t_shown - t0, "rows": rows, "first_title": first_title,
            "sort_title_s": sort_s, "jump_max_s": max(jumps),
            "jump_median_s": statistics.median(jumps)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, default=Path(os.environ.get("RR_BENCH_DB", DEFAULT_DB)))
    ap.add_argument("--corpus", type=Path,
                    default=Path(os.environ.get("RR_BENCH_CORPUS", DEFAULT_CORPUS)))
    ap.add_argument("--count", type=int, default=100_000, help="releases when building")
    args = ap.parse_args(argv)
    if not args.db.exists():
        build_database(args.db, args.corpus, args.count)
    app = QApplication.instance() or QApplication(["gui-open-bench"])
    rounds = []
    with tempfile.TemporaryDirectory(prefix="rr-gui-open-") as tmp:
        for i in range(ROUNDS):
            r = one_round(app, args.db, Path(tmp) / "data", Path(tmp) / f"settings{i}.ini")
            rounds.append(r)
    rows = rounds[0]["rows"]
    ms = lambda key: [r[key] * 1000 for r in rounds]  # noqa: E731
    print(f"GUI open on {args.db} ({rows:,} releases), {ROUNDS} rounds in one process")
    for label, key in (("open_context (migrate check, quick_check)", "open_context_s"),
                       ("MainWindow() -> first rows painted", "window_to_rows_s"),
                       ("open database -> first rows painted", "total_s"),
                       ("re-sort by title, repainted", "sort_title_s"),
                       (f"jump to a random row, worst of {JUMPS}", "jump_max_s"),
                       ("jump to a random row, median", "jump_median_s")):
        values = ms(key)
        print(f"  {label:<44} " + "  ".join(f"{v:8.1f}" for v in values) + "  ms")
    worst = max(r["window_to_rows_s"] for r in rounds)
    print(f"  window to first rows, worst: {worst * 1000:.0f} ms (goal < 1000 ms) "
          f"{'MET' if worst < 1 else 'NOT MET'}")
    figures = {"db": str(args.db), "releases": rows,
               "window_to_rows_max_ms": round(worst * 1000, 1),
               "total_max_ms": round(max(ms("total_s")), 1),
               "sort_title_max_ms": round(max(ms("sort_title_s")), 1),
               "jump_max_ms": round(max(ms("jump_max_s")), 1), "rounds": rounds}
    print("BENCH-JSON " + json.dumps(figures, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
