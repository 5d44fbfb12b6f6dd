"""Import files and folders of releases into the store.

Each file is imported whole or not at all (files are grouped into short transactions), so a
cancelled or killed import leaves a consistent database, and importing the same paths again
completes it: a file already stored with the same bytes is recognised and skipped.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from .. import importers
from ..domain.enums import ImportOutcome
from ..domain.errors import StorageError
from ..domain.progress import CancelToken, Progress, ProgressCallback, ignore_progress
from ..domain.releases import FileReport, ImportReport, ParsedRelease
from ..storage import Database
from ..storage import releases as repo
from .file_reading import FileRead, KeyFunction, content_hash, read_files

# Releases per transaction, and the longest a batch may stay open.
BATCH_RELEASES = 500
BATCH_SECONDS = 0.5

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
        reads = read_files(files, self.keys_for, batch.stored_files)
        try:
            for n, read in enumerate(reads):
                if cancel is not None and cancel.cancelled:
                    report.cancelled = True
                    break
                progress(Progress(n, len(files), str(read.path)))
                batch.add(read)
                if batch.full():
                    batch.commit()
            batch.commit()
        finally:
            reads.close()
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
        self.files: list[FileRead] = []
        self.releases = 0
        self.opened = time.monotonic()
        self.sources = repo.SourceCache()
        self.stored_files: set[tuple[str, str]] = set()

    def full(self) -> bool:
        return (self.releases >= BATCH_RELEASES
                or time.monotonic() - self.opened >= BATCH_SECONDS)

    def add(self, read: FileRead) -> None:
        if read.outcome is not None:
            self.report.files.append(FileReport(str(read.path), read.outcome, read.reason))
            return
        self.files.append(read)
        self.releases += len(read.parsed)

    def _problem(self, path: Path, outcome: ImportOutcome, reason: str) -> None:
        self.report.files.append(FileReport(str(path), outcome, reason))

    def commit(self) -> None:
        if not self.files:
            self.opened = time.monotonic()
            return
        with self.service.db.write() as s:
            # Hashes first, so the whole batch needs one lookup of existing releases.
            known_by_file = repo.known_record_keys_many(
                s, [(str(r.path), r.file_hash) for r in self.files])
            pending = []
            for r in self.files:
                known = known_by_file.get((str(r.path), r.file_hash), set())
                pending.append((r, [i for i, p in enumerate(r.parsed)
                                    if record_key(p, i) not in known]))
            hashes = [r.hashes[i] for r, fresh in pending for i in fresh]
            existing = repo.ids_by_hash(s, hashes)
            new_items: list[tuple[ParsedRelease, str, dict | None]] = []
            shadows: list[str] = []
            links: list[tuple[int, str, str, str]] = []
            outcomes: list[tuple[FileRead, int, int]] = []
            it = iter(hashes)
            for r, fresh in pending:
                added = dup = 0
                for index in fresh:
                    h = next(it)
                    if h in existing:
                        dup += 1
                    else:
                        existing[h] = -1 - len(new_items)  # placeholder until inserted
                        new_items.append((r.parsed[index], h, r.keys[index]))
                        shadows.append(r.folded[index])
                        added += 1
                    links.append((existing[h], str(r.path), r.file_hash,
                                  record_key(r.parsed[index], index)))
                outcomes.append((r, added, dup))
            new_ids = repo.insert_releases(s, new_items, self.report.run_id, self.sources,
                                           folded=shadows)
            repo.add_release_files(s, [
                {"release_id": new_ids[-1 - target] if target < 0 else target,
                 "source_path": spath, "file_hash": fhash, "external_id": key,
                 "import_run_id": self.report.run_id}
                for target, spath, fhash, key in links])
        self.report.new_release_ids.extend(new_ids)
        for r, added, dup in outcomes:
            if added:
                outcome = ImportOutcome.IMPORTED
            elif dup:
                outcome = ImportOutcome.EXACT_DUPLICATE
            else:
                outcome = ImportOutcome.UNCHANGED
            reason = f"{dup} of {len(r.parsed)} records already stored" if dup and added else ""
            self.report.files.append(FileReport(str(r.path), outcome, reason, added,
                                                warnings=r.problems))
        self.files.clear()
        self.releases = 0
        self.opened = time.monotonic()


__all__ = ["IngestService", "StorageError", "content_hash"]
