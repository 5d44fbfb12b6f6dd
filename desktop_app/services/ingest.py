"""Import files and folders of releases into the store.

Each file is imported whole or not at all (files are grouped into short transactions), so a
cancelled or killed import leaves a consistent database, and importing the same paths again
completes it: a file already stored with the same bytes is recognised and skipped.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from .. import importers
from ..domain.enums import ImportOutcome
from ..domain.errors import ImportFileError, StorageError
from ..domain.progress import CancelToken, Progress, ProgressCallback, ignore_progress
from ..domain.releases import FileReport, ImportReport, ParsedRelease
from ..storage import Database
from ..storage import releases as repo
from ..text import nfc

# Releases per transaction, and the longest a batch may stay open.
BATCH_RELEASES = 500
BATCH_SECONDS = 0.5

KeyFunction = Callable[[ParsedRelease], dict | None]

_SPACE = re.compile(r"\s+")


def content_hash(title: str, body: str) -> str:
    """Hash of the normalised text: two files with the same words are the same release."""
    normal = _SPACE.sub(" ", nfc(f"{title}\n{body}")).strip().casefold()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def record_key(parsed: ParsedRelease, index: int) -> str:
    return parsed.external_id or f"#{index}"


class IngestService:
    def __init__(self, db: Database, keys_for: KeyFunction | None = None) -> None:
        self.db = db
        self.keys_for = keys_for

    def import_paths(self, paths: Sequence[Path], progress: ProgressCallback = ignore_progress,
                     cancel: CancelToken | None = None) -> ImportReport:
        files = importers.discover(paths)
        report = ImportReport()
        with self.db.write() as s:
            report.run_id = repo.start_import_run(s, [str(p) for p in paths], len(files))
        batch = _Batch(self, report)
        with self.db.read() as s:
            # A file is committed whole or not at all, so a (path, bytes) pair seen before is
            # complete: re-imports skip it before paying for parsing and language id.
            batch.stored_files = repo.stored_files(s)
        try:
            for n, path in enumerate(files):
                if cancel is not None and cancel.cancelled:
                    report.cancelled = True
                    break
                progress(Progress(n, len(files), str(path)))
                batch.add_file(path)
                if batch.full():
                    batch.commit()
            batch.commit()
        finally:
            status = "cancelled" if report.cancelled else "done"
            with self.db.write() as s:
                repo.finish_import_run(
                    s, report.run_id, status, report.imported_releases, len(report.problems),
                    [{"path": f.path, "outcome": f.outcome.value, "reason": f.reason}
                     for f in report.problems])
        progress(Progress(len(files), len(files), report.summary()))
        return report


class _Batch:
    """Files read but not yet committed; flushed as one transaction."""

    def __init__(self, service: IngestService, report: ImportReport) -> None:
        self.service = service
        self.report = report
        self.files: list[tuple[Path, str, list[ParsedRelease]]] = []
        self.releases = 0
        self.opened = time.monotonic()
        self.sources = repo.SourceCache()
        self.stored_files: set[tuple[str, str]] = set()
        self.record_problems: dict[str, tuple[str, ...]] = {}

    def full(self) -> bool:
        return (self.releases >= BATCH_RELEASES
                or time.monotonic() - self.opened >= BATCH_SECONDS)

    def add_file(self, path: Path) -> None:
        try:
            # Refuse oversized files before reading them into memory.
            if path.stat().st_size > importers.MAX_FILE_BYTES:
                self._problem(path, ImportOutcome.SKIPPED,
                              f"larger than {importers.MAX_FILE_BYTES // (1024 * 1024)} MB")
                return
            data = path.read_bytes()
        except FileNotFoundError:
            self._problem(path, ImportOutcome.SKIPPED, "file not found")
            return
        except OSError as exc:
            self._problem(path, ImportOutcome.SKIPPED, f"cannot read: {exc.strerror or exc}")
            return
        file_hash = hashlib.sha256(data).hexdigest()
        if (str(path), file_hash) in self.stored_files:
            self.report.files.append(FileReport(str(path), ImportOutcome.UNCHANGED))
            return
        try:
            parsed = importers.read_release_file(path, data)
        except ImportFileError as exc:
            self._problem(path, ImportOutcome.SKIPPED, str(exc))
            return
        except Exception as exc:  # a parser bug must not stop the batch
            self._problem(path, ImportOutcome.FAILED, f"unexpected error: {exc!r}")
            return
        if not parsed:
            self._problem(path, ImportOutcome.SKIPPED, "no release found in the file")
            return
        self.files.append((path, file_hash, parsed))
        self.record_problems[str(path)] = tuple(getattr(parsed, "problems", ()))
        self.releases += len(parsed)

    def _problem(self, path: Path, outcome: ImportOutcome, reason: str) -> None:
        self.report.files.append(FileReport(str(path), outcome, reason))

    def commit(self) -> None:
        if not self.files:
            self.opened = time.monotonic()
            return
        keys_for = self.service.keys_for
        with self.service.db.write() as s:
            # Hashes first, so the whole batch needs one lookup of existing releases.
            pending = []
            known_by_file = repo.known_record_keys_many(
                s, [(str(path), file_hash) for path, file_hash, _ in self.files])
            for path, file_hash, parsed in self.files:
                known = known_by_file.get((str(path), file_hash), set())
                fresh = [(i, p) for i, p in enumerate(parsed) if record_key(p, i) not in known]
                pending.append((path, file_hash, parsed, fresh))
            hashes = [content_hash(p.title, p.body)
                      for _, _, _, fresh in pending for _, p in fresh]
            existing = repo.ids_by_hash(s, hashes)
            new_items: list[tuple[ParsedRelease, str, dict | None]] = []
            links: list[tuple[int | str, str, str, str, str]] = []
            outcomes: list[tuple[Path, int, int, int]] = []
            it = iter(hashes)
            for path, file_hash, parsed, fresh in pending:
                added = dup = 0
                for index, p in fresh:
                    h = next(it)
                    key = record_key(p, index)
                    if h in existing:
                        links.append((existing[h], str(path), file_hash, key, h))
                        dup += 1
                    else:
                        existing[h] = -1 - len(new_items)  # placeholder until inserted
                        new_items.append((p, h, keys_for(p) if keys_for else None))
                        links.append((existing[h], str(path), file_hash, key, h))
                        added += 1
                outcomes.append((path, len(parsed), added, dup))
            new_ids = repo.insert_releases(s, new_items, self.report.run_id, self.sources)
            rows = []
            for target, spath, fhash, key, _h in links:
                release_id = new_ids[-1 - target] if target < 0 else target
                rows.append({"release_id": release_id, "source_path": spath, "file_hash": fhash,
                             "external_id": key, "import_run_id": self.report.run_id})
            repo.add_release_files(s, rows)
        self.report.new_release_ids.extend(new_ids)
        for path, total, added, dup in outcomes:
            if added:
                outcome = ImportOutcome.IMPORTED
            elif dup:
                outcome = ImportOutcome.EXACT_DUPLICATE
            else:
                outcome = ImportOutcome.UNCHANGED
            reason = f"{dup} of {total} records already stored" if dup and added else ""
            self.report.files.append(FileReport(
                str(path), outcome, reason, added,
                warnings=self.record_problems.pop(str(path), ())))
        self.files.clear()
        self.releases = 0
        self.opened = time.monotonic()


__all__ = ["IngestService", "StorageError", "content_hash"]
