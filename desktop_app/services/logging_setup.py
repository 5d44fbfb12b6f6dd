"""Logging for a windowed app: a rotating file in the log directory, plus faulthandler.

A bundled GUI app has no console, so everything worth knowing after a problem must end up in
a file the user can send. Hard crashes (segfaults in native code) bypass `logging`, so
faulthandler writes their tracebacks to a separate file that is checked on the next start.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import platform
import sys
import tempfile
import time
from dataclasses import dataclass
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TextIO

from .. import APP_NAME, __version__
from .paths import AppPaths

LOG_FILE_NAME = "release-review.log"
CRASH_FILE_NAME = "crash-traceback.log"
LOG_FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(threadName)s] %(message)s"
MAX_BYTES = 2 * 1024 * 1024
BACKUP_COUNT = 5
STDERR_ENV = "RELEASE_REVIEW_LOG_STDERR"
LEVEL_ENV = "RELEASE_REVIEW_LOG_LEVEL"

log = logging.getLogger(__name__)


@dataclass(slots=True)
class LogSetup:
    log_dir: Path
    log_file: Path
    crash_file: Path
    previous_crash: str | None  # faulthandler output left by a run that died hard
    _handlers: tuple[logging.Handler, ...] = ()
    _crash_stream: TextIO | None = None

    def close(self) -> None:
        """Detach the handlers and stop faulthandler (tests and a clean exit)."""
        root = logging.getLogger()
        for handler in self._handlers:
            root.removeHandler(handler)
            handler.close()
        if self._crash_stream is not None:
            if faulthandler.is_enabled():
                faulthandler.disable()
            self._crash_stream.close()
            self._crash_stream = None
        self._handlers = ()


def _writable_dir(preferred: Path) -> Path:
    """The preferred log directory, or a temporary one when it cannot be created."""
    try:
        preferred.mkdir(parents=True, exist_ok=True)
        probe = preferred / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
        return preferred
    except OSError:
        fallback = Path(tempfile.gettempdir()) / "release-review-logs"
        fallback.mkdir(parents=True, exist_ok=True)
        return fallback


def _take_previous_crash(crash_file: Path) -> str | None:
    """Read and set aside what faulthandler wrote during the previous run, if anything."""
    try:
        text = crash_file.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return None
    if not text:
        return None
    try:
        crash_file.replace(crash_file.with_name(crash_file.name + ".previous"))
    except OSError:
        pass
    return text


def _level(default: int) -> int:
    name = os.environ.get(LEVEL_ENV, "").strip().upper()
    value = logging.getLevelName(name) if name else default
    return value if isinstance(value, int) else default


def _wants_stderr() -> bool:
    if os.environ.get(STDERR_ENV):
        return os.environ[STDERR_ENV] not in ("0", "")
    stream = sys.stderr
    # A windowed Windows build has no stderr at all; a bundle started from a menu has no tty.
    return stream is not None and hasattr(stream, "isatty") and stream.isatty()


def setup_logging(paths: AppPaths, level: int = logging.INFO, *,
                  stderr: bool | None = None, max_bytes: int = MAX_BYTES,
                  backup_count: int = BACKUP_COUNT) -> LogSetup:
    """Send the root logger to a rotating file under `paths.log_dir`; enable faulthandler."""
    log_dir = _writable_dir(paths.log_dir)
    log_file = log_dir / LOG_FILE_NAME
    crash_file = log_dir / CRASH_FILE_NAME
    previous_crash = _take_previous_crash(crash_file)

    formatter = logging.Formatter(LOG_FORMAT)
    file_handler = RotatingFileHandler(log_file, maxBytes=max_bytes, backupCount=backup_count,
                                       encoding="utf-8", delay=False)
    file_handler.setFormatter(formatter)
    handlers: list[logging.Handler] = [file_handler]
    if stderr if stderr is not None else _wants_stderr():
        console = logging.StreamHandler(sys.stderr)
        console.setFormatter(formatter)
        handlers.append(console)

    root = logging.getLogger()
    root.setLevel(_level(level))
    for handler in handlers:
        root.addHandler(handler)
    logging.captureWarnings(True)

    crash_stream = open(crash_file, "w", encoding="utf-8")  # held open for the whole run
    faulthandler.enable(file=crash_stream, all_threads=True)

    setup = LogSetup(log_dir, log_file, crash_file, previous_crash, tuple(handlers), crash_stream)
    log.info("%s %s starting (Python %s, %s, frozen=%s, pid %d)", APP_NAME, __version__,
             platform.python_version(), platform.platform(), bool(getattr(sys, "frozen", False)),
             os.getpid())
    log.info("log file: %s", log_file)
    if previous_crash:
        log.warning("the previous run ended in a crash; its traceback:\n%s", previous_crash)
    return setup


def seconds_since_process_start() -> float | None:
    """Wall time since this process was created (Linux), to log real cold-start figures."""
    try:
        with open("/proc/self/stat", encoding="ascii") as fh:
            fields = fh.read().rpartition(")")[2].split()
        with open("/proc/uptime", encoding="ascii") as fh:
            uptime = float(fh.read().split()[0])
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None
    return max(0.0, uptime - started)


def log_startup_milestone(name: str, clock_start: float | None = None) -> float | None:
    """Log how long after process start `name` happened; returns the seconds, if known."""
    elapsed = seconds_since_process_start()
    if elapsed is None and clock_start is not None:
        elapsed = time.perf_counter() - clock_start
    if elapsed is not None:
        log.info("startup: %s after %.3f s", name, elapsed)
    return elapsed


STARTUP_PROBE_ENV = "RELEASE_REVIEW_STARTUP_PROBE"


def first_window_shown() -> bool:
    """Log the cold-start time at the first shown window.

    With RELEASE_REVIEW_STARTUP_PROBE=<file> the seconds are also written to that file and
    True is returned, telling the caller to quit: packaging/measure_startup.py times the
    bundle this way.
    """
    elapsed = log_startup_milestone("main window shown")
    probe = os.environ.get(STARTUP_PROBE_ENV)
    if not probe:
        return False
    Path(probe).write_text(f"{elapsed if elapsed is not None else -1:.3f}\n", encoding="ascii")
    return True
