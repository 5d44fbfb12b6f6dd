"""Automatic rotating backups of the open database, and restoring one of them.

The GUI calls `on_open()` after opening a database, `backup_if_due()` from a timer (or
`start_periodic()` runs a Qt-free thread that does it), `list()` to fill "Restore from backup…",
and `restore(path)`; when a database is too damaged to open, `restore_file()` works on the
closed file. Every backup goes through the SQLite backup API, never a file copy of a live file.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..domain.changes import ChangeSet
from ..domain.errors import StorageError
from ..storage import Database
from ..storage import backup as store
from ..storage.engine import translated_errors
from ..storage.migrate import upgrade

DEFAULT_INTERVAL_MINUTES = 15.0


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    created_at: datetime
    reason: str          # open, periodic, manual, before-restore, before-migrate-<rev>, damaged
    size_bytes: int

    @property
    def label(self) -> str:
        """What the restore dialog shows for this backup."""
        size = f"{self.size_bytes / 2**20:.1f} MB"
        return f"{self.created_at:%Y-%m-%d %H:%M:%S} — {self.reason} ({size})"


def info(path: Path) -> BackupInfo | None:
    parsed = store.parse_name(path)
    if parsed is None:
        return None
    try:
        size = path.stat().st_size
    except OSError:
        return None
    return BackupInfo(path, parsed[1], parsed[2], size)


class BackupService:
    """Backups of one open SQLite database into `backup_dir` (other back ends: no-ops)."""

    def __init__(self, db: Database, backup_dir: Path, keep: int = store.KEEP_BACKUPS,
                 interval_minutes: float = DEFAULT_INTERVAL_MINUTES) -> None:
        self.db = db
        self.backup_dir = backup_dir
        self.keep = keep
        self.interval_s = interval_minutes * 60
        self._lock = threading.Lock()
        self._last_at = 0.0
        self._last_signature: tuple | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def enabled(self) -> bool:
        return self.db.sqlite and self.db.path is not None

    # --- taking backups ------------------------------------------------------------------

    def backup_now(self, reason: str = "manual") -> BackupInfo:
        if not self.enabled:
            raise StorageError("Backups are taken only for a local database file; "
                               "a server database is backed up by its administrator.")
        with self._lock, translated_errors():
            signature = self._signature()
            path = store.backup_sqlite(self.db.engine, self.backup_dir, reason, self.keep)
            self._last_at = time.monotonic()
            self._last_signature = signature
        found = info(path)
        assert found is not None
        return found

    def on_open(self) -> BackupInfo | None:
        """Back up the database just opened, unless a backup of it is fresher than the interval."""
        if not self.enabled:
            return None
        newest = next(iter(self.list()), None)
        if newest is not None and (datetime.now() - newest.created_at).total_seconds() < self.interval_s:
            self._last_at = time.monotonic()
            self._last_signature = self._signature()
            return None
        return self.backup_now("open")

    def backup_if_due(self) -> BackupInfo | None:
        """A periodic backup when the interval has passed and the database changed since."""
        if not self.enabled or time.monotonic() - self._last_at < self.interval_s:
            return None
        if self._signature() == self._last_signature:
            return None
        return self.backup_now("periodic")

    def start_periodic(self, on_error=None) -> None:  # noqa: ANN001 - callable(Exception)
        """Run backup_if_due() on a daemon thread until stop(); errors go to `on_error`."""
        if self._thread is not None or not self.enabled:
            return
        self._stop.clear()
        tick = max(1.0, min(60.0, self.interval_s / 4))

        def loop() -> None:
            while not self._stop.wait(tick):
                try:
                    self.backup_if_due()
                except Exception as exc:  # reported, never kills the app
                    if on_error is not None:
                        on_error(exc)

        self._thread = threading.Thread(target=loop, name="backups", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
            self._thread = None

    def _signature(self) -> tuple:
        """Changes when the database file or its write-ahead log changes."""
        out = []
        for suffix in ("", "-wal"):
            try:
                st = os.stat(f"{self.db.path}{suffix}")
                out.append((st.st_mtime_ns, st.st_size))
            except OSError:
                out.append(None)
        return tuple(out)

    def verify(self) -> str:
        """PRAGMA quick_check of the open database: 'ok' or the damage found.

        It reads every page (seconds at 100k releases), so a GUI runs it on a worker after the
        first rows are shown, next to the backup taken at open.
        """
        if not self.enabled:
            return "ok"
        return store.quick_check(self.db.engine)

    # --- listing and restoring -----------------------------------------------------------

    def list(self) -> list[BackupInfo]:
        """Backups of this database, newest first."""
        if not self.enabled:
            return []
        found = (info(p) for p in store.list_backups(self.backup_dir, self.db.path.stem))
        return [b for b in found if b is not None]

    @staticmethod
    def check(path: Path) -> str:
        """'ok', or why this file cannot be restored."""
        return store.check_file(Path(path))

    def restore(self, path: Path) -> ChangeSet:
        """Replace the open database's content with the backup at `path`.

        The backup is checked first (PRAGMA quick_check and the app's tables); the current
        content is backed up as `before-restore`, so a restore can itself be undone.
        """
        path = Path(path)
        verdict = self.check(path)
        if verdict != "ok":
            raise StorageError(f"The backup {path.name} cannot be used: {verdict}. "
                               "The current database was not changed.")
        safety = self.backup_now("before-restore")
        with self._lock, translated_errors():
            store.restore_into(self.db.engine, path)
            upgrade(self.db.engine, self.backup_dir)  # a backup from an older schema
            self._last_signature = self._signature()
        return ChangeSet(release_list=True, entities=True, duplicates=True, schema=True,
                         extra={"restored_from": str(path), "safety_backup": str(safety.path)})

    @staticmethod
    def restore_file(db_path: Path, backup: Path, backup_dir: Path) -> Path | None:
        """Restore a database that cannot be opened (damaged): the file must not be open.

        Returns where the damaged file was moved (into `backup_dir`), or None.
        """
        verdict = store.check_file(Path(backup))
        if verdict != "ok":
            raise StorageError(f"The backup {Path(backup).name} cannot be used: {verdict}.")
        try:
            return store.replace_file(Path(db_path), Path(backup), backup_dir)
        except OSError as exc:
            raise StorageError(f"Could not restore {db_path}: {exc.strerror or exc}") from exc

    @staticmethod
    def backups_of(db_path: Path, backup_dir: Path) -> list[BackupInfo]:
        """Backups of a database file that is not open (e.g. too damaged to open)."""
        found = (info(p) for p in store.list_backups(backup_dir, Path(db_path).stem))
        return [b for b in found if b is not None]
