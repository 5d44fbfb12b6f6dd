"""Kill tests: SIGKILL a process that imports, tags and detects, at random moments.

Every round: `PRAGMA integrity_check` is ok, every tag whose commit returned (reported by the
child on stdout after the call returned) is present with its offsets, and importing again
completes the corpus. 10 rounds in the default suite; RR_KILL_ROUNDS (50 in `make soak`) for
the slow variant.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest

from desktop_app.domain.releases import ReleaseFilter
from desktop_app.services.context import open_context
from desktop_app.services.paths import AppPaths

from .corpus import write_part

CHILD = Path(__file__).with_name("kill_child.py")
FILES_PER_ROUND = 30
TAGS_PER_ROUND = 25


class Child:
    """The child process and the lines it printed, read on a thread so the pipe never fills."""

    def __init__(self, args: list[str]) -> None:
        self.proc = subprocess.Popen([sys.executable, str(CHILD), *args], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
        self.lines: list[str] = []
        self.changed = threading.Condition()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            with self.changed:
                self.lines.append(line.strip())
                self.changed.notify_all()
        with self.changed:
            self.lines.append("EOF")
            self.changed.notify_all()

    def kill_at(self, line: int, delay: float) -> bool:
        """SIGKILL `delay` seconds after the child printed line number `line` (0: after start).

        Returns True if it was killed, False if it had ended by itself.
        """
        with self.changed:
            self.changed.wait_for(lambda: len(self.lines) >= line, timeout=120)
        try:
            self.proc.wait(timeout=delay)
            killed = False
        except subprocess.TimeoutExpired:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
            killed = True
        self.reader.join(timeout=10)
        if self.lines and self.lines[-1] == "EOF":
            self.lines.pop()
        return killed

    def stderr(self) -> str:
        assert self.proc.stderr is not None
        return self.proc.stderr.read()[-3000:]


def phase_of(lines: list[str]) -> str:
    if not lines:
        return "startup"
    last = lines[-1].split()[0]
    return {"IMPORT": "import", "IMPORTED": "tagging", "TAG": "tagging",
            "DETECTING": "detection", "DETECT": "after detection", "DONE": "done"
            }.get(last, last)


def check_database(db: Path, reported: dict[int, tuple[int, int, int]]) -> None:
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
        if "spans" not in tables:  # killed before the first migration committed
            assert not reported
            return
        stored = {row[0]: tuple(row[1:]) for row in
                  con.execute('SELECT id, release_id, start, "end" FROM spans')}
    finally:
        con.close()
    missing = {i: v for i, v in reported.items() if stored.get(i) != v}
    assert not missing, f"tags reported committed but missing or changed: {missing}"


def run_rounds(tmp_path: Path, rounds: int, seed: int) -> dict:
    rng = random.Random(seed)
    corpus, db = tmp_path / "corpus", tmp_path / "db.sqlite3"
    paths = AppPaths.resolve(tmp_path / "data")
    reported: dict[int, tuple[int, int, int]] = {}
    expected = 0
    phases: Counter[str] = Counter()
    for r in range(rounds):
        expected += write_part(corpus, r, FILES_PER_ROUND)
        child = Child([str(db), str(paths.data_dir), str(corpus), str(seed * 1000 + r),
                       str(TAGS_PER_ROUND)])
        # A random moment: a phase, a random line the child prints in it (import progress,
        # tag commits, detection), then a few random milliseconds, so kills land before, inside
        # and after transactions. "startup" covers opening and migrating the database.
        # Lines: IMPORT per file and one at the end, IMPORTED, TAG per tag, DETECTING,
        # DETECT, DONE.
        files = (r + 1) * (FILES_PER_ROUND + 2)
        phase = rng.choice(["startup", "import", "import", "tagging", "tagging", "detection",
                            "end"])
        line, delay = {
            "startup": (0, rng.uniform(0.0, 1.2)),
            "import": (rng.randint(files - FILES_PER_ROUND, files + 1), rng.uniform(0.0, 0.02)),
            "tagging": (rng.randint(files + 2, files + 1 + TAGS_PER_ROUND),
                        rng.uniform(0.0, 0.01)),
            "detection": (files + 3 + TAGS_PER_ROUND, rng.uniform(0.0, 0.3)),
            "end": (files + 4 + TAGS_PER_ROUND, rng.uniform(0.0, 0.05)),
        }[phase]
        killed = child.kill_at(line, delay)
        if not killed:
            assert child.proc.returncode == 0, child.stderr()
        phases[phase_of(child.lines) if killed else "completed"] += 1
        for line in child.lines:
            if line.startswith("TAG "):
                span_id, release_id, start, end = (int(x) for x in line.split()[1:])
                reported[span_id] = (release_id, start, end)
        check_database(db, reported)
        ctx = open_context(db, paths)
        try:
            report = ctx.ingest.import_paths([corpus])
            assert not report.problems, report.problems
            assert ctx.library.count() == expected
            assert len(ctx.library.list_ids(ReleaseFilter())) == expected
        finally:
            ctx.close()
    check_database(db, reported)
    return {"rounds": rounds, "tags_checked": len(reported), "releases": expected,
            "phases": dict(phases)}


def test_kill_rounds(tmp_path):
    stats = run_rounds(tmp_path, rounds=10, seed=11)
    print(f"\nkill test: {stats}")
    assert stats["tags_checked"] > 0


@pytest.mark.slow
@pytest.mark.skipif("RR_KILL_ROUNDS" not in os.environ, reason="soak: set RR_KILL_ROUNDS")
def test_kill_soak(tmp_path):
    rounds = int(os.environ["RR_KILL_ROUNDS"])
    stats = run_rounds(tmp_path, rounds=rounds, seed=int(os.environ.get("RR_KILL_SEED", "29")))
    print(f"\nkill soak: {stats}")
    assert stats["rounds"] >= rounds
