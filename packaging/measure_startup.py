"""Time the bundle from launch to its first shown main window (offscreen), several times.

    .venv/bin/python packaging/measure_startup.py [--exe dist/release-review/release-review]
        [--runs 5] [--drop-caches]

Each run starts the program on a fresh data folder with RELEASE_REVIEW_STARTUP_PROBE set;
the app writes the seconds since its process was created when the window is first shown
and quits. Printed per run: that in-process figure and the wall time seen from outside
(launch to exit) and the CPU time the run used, which a busy machine inflates less than
wall time. --drop-caches (root only) empties the page cache before the first run,
for a true cold start from disk.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def drop_caches() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def run_once(exe: Path, timeout: float) -> tuple[float, float, float]:
    with tempfile.TemporaryDirectory(prefix="rr-startup-") as tmp:
        probe = Path(tmp) / "probe.txt"
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                   RELEASE_REVIEW_STARTUP_PROBE=str(probe),
                   RELEASE_REVIEW_DATA_DIR=str(Path(tmp) / "data"),
                   XDG_CONFIG_HOME=str(Path(tmp) / "config"))
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        proc = subprocess.run([str(exe)], env=env, capture_output=True, text=True,
                              timeout=timeout)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if not probe.exists():
            raise RuntimeError(f"no startup figure (exit {proc.returncode}):\n"
                               f"{proc.stdout[-2000:]}{proc.stderr[-2000:]}")
        return float(probe.read_text()), wall, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exe", type=Path, default=ROOT / "dist" / "release-review" / "release-review")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--drop-caches", action="store_true")
    args = parser.parse_args(argv)
    if not args.exe.exists():
        print(f"skip: {args.exe} not built (make bundle)")
        return 0
    if args.drop_caches:
        print("page cache dropped" if drop_caches() else "could not drop the page cache (not root)")
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    shown, cpus = [], []
    for n in range(1, args.runs + 1):
        first, wall, cpu = run_once(args.exe, args.timeout)
        shown.append(first)
        cpus.append(cpu)
        print(f"run {n}: first window after {first:.3f} s (launch to exit {wall:.3f} s, "
              f"CPU {cpu:.3f} s)")
    print(f"first run: {shown[0]:.3f} s; median of {len(shown)}: {statistics.median(shown):.3f} s; "
          f"max {max(shown):.3f} s; median CPU {statistics.median(cpus):.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
