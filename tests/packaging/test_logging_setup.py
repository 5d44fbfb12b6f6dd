"""The log file, its rotation, and faulthandler output surviving a hard crash."""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop_app.services import logging_setup
from desktop_app.services.logging_setup import CRASH_FILE_NAME, LOG_FILE_NAME, setup_logging
from desktop_app.services.paths import AppPaths


@pytest.fixture
def restore_root_logger():
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    yield
    root.setLevel(level)
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)


def test_writes_to_rotating_file_in_log_dir(tmp_path: Path, restore_root_logger) -> None:
    paths = AppPaths.resolve(tmp_path / "data")
    setup = setup_logging(paths, stderr=False, max_bytes=2000, backup_count=2)
    try:
        assert setup.log_file == paths.log_dir / LOG_FILE_NAME
        for n in range(100):
            logging.getLogger("desktop_app.test").info("filler line %d %s", n, "x" * 40)
        logging.getLogger("desktop_app.test").warning("Bakı — Баку — Bakou")
    finally:
        setup.close()
    assert "Bakı — Баку — Bakou" in setup.log_file.read_text(encoding="utf-8")
    rotated = sorted(p.name for p in paths.log_dir.glob(LOG_FILE_NAME + ".*"))
    assert rotated == [LOG_FILE_NAME + ".1", LOG_FILE_NAME + ".2"]
    assert setup.log_file.stat().st_size <= 2000


def test_previous_crash_is_reported_and_set_aside(tmp_path: Path, restore_root_logger) -> None:
    paths = AppPaths.resolve(tmp_path / "data")
    paths.log_dir.mkdir(parents=True)
    (paths.log_dir / CRASH_FILE_NAME).write_text("Fatal Python error: Segmentation fault\n")
    setup = setup_logging(paths, stderr=False)
    setup.close()
    assert setup.previous_crash is not None and "Segmentation fault" in setup.previous_crash
    assert "previous run ended in a crash" in setup.log_file.read_text(encoding="utf-8")
    assert (paths.log_dir / (CRASH_FILE_NAME + ".previous")).exists()
    again = setup_logging(paths, stderr=False)
    again.close()
    assert again.previous_crash is None


def test_unwritable_log_dir_falls_back(tmp_path: Path, restore_root_logger) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the log directory should be")
    setup = setup_logging(AppPaths(tmp_path / "data", blocker / "logs"), stderr=False)
    setup.close()
    assert setup.log_file.exists()
    assert blocker not in setup.log_file.parents


def test_faulthandler_writes_hard_crash_to_log_dir(tmp_path: Path) -> None:
    script = textwrap.dedent(f"""
        import faulthandler
        from desktop_app.services.logging_setup import setup_logging
        from desktop_app.services.paths import AppPaths
        setup_logging(AppPaths.resolve({str(tmp_path / 'data')!r}), stderr=False)
        faulthandler._sigsegv()
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert proc.returncode != 0
    crash = (tmp_path / "data" / "logs" / CRASH_FILE_NAME).read_text(encoding="utf-8")
    assert "Fatal Python error" in crash and "Segmentation fault" in crash


def test_seconds_since_process_start_is_plausible() -> None:
    elapsed = logging_setup.seconds_since_process_start()
    if sys.platform.startswith("linux"):
        assert elapsed is not None and 0.0 <= elapsed < 24 * 3600


def test_first_window_probe_writes_seconds(tmp_path: Path, monkeypatch) -> None:
    probe = tmp_path / "probe.txt"
    monkeypatch.delenv(logging_setup.STARTUP_PROBE_ENV, raising=False)
    assert logging_setup.first_window_shown() is False
    monkeypatch.setenv(logging_setup.STARTUP_PROBE_ENV, str(probe))
    assert logging_setup.first_window_shown() is True
    assert float(probe.read_text()) >= 0.0
