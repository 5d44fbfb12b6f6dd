"""Reading, parsing and keying import files, in worker processes when there are many.

This is the CPU-heavy half of an import (decoding, layout, language id, matching keys); the
database half stays in the importing thread. Results come back in file order, with a bounded
number in flight, so memory stays flat and a cancel stops within a few files.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import pickle
import re
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from .. import importers
from ..domain.enums import ImportOutcome
from ..domain.errors import ImportFileError
from ..domain.releases import ParsedRelease
from ..text import fold, nfc

_SPACE = re.compile(r"\s+")


def content_hash(title: str, body: str) -> str:
    """Hash of the normalised text: two files with the same words are the same release."""
    normal = _SPACE.sub(" ", nfc(f"{title}\n{body}")).strip().casefold()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def search_shadow(title: str, body: str) -> str:
    """The folded text the search index matches queries against (storage.search agrees)."""
    return fold(title + "\n" + body)

log = logging.getLogger(__name__)

KeyFunction = Callable[[ParsedRelease], dict | None]

# Below this many files the start-up of worker processes costs more than it saves.
POOL_MIN_FILES = 200
IN_FLIGHT_PER_WORKER = 64


@dataclass(slots=True)
class FileRead:
    """One file read: its releases and their keys, or why it cannot be used."""

    path: Path
    file_hash: str = ""
    parsed: list[ParsedRelease] | None = None
    keys: list[dict | None] | None = None
    hashes: list[str] | None = None       # content hash of each release
    folded: list[str] | None = None       # search shadow of each release
    problems: tuple[str, ...] = ()
    outcome: ImportOutcome | None = None   # set when the file is not to be stored
    reason: str = ""


def read_file(path: Path, keys_for: KeyFunction | None,
              stored: frozenset[tuple[str, str]] | set[tuple[str, str]]) -> FileRead:
    try:
        # Refuse oversized files before reading them into memory.
        if path.stat().st_size > importers.MAX_FILE_BYTES:
            return FileRead(path, outcome=ImportOutcome.SKIPPED,
                            reason=f"larger than {importers.MAX_FILE_BYTES // (1024 * 1024)} MB")
        data = path.read_bytes()
    except FileNotFoundError:
        return FileRead(path, outcome=ImportOutcome.SKIPPED, reason="file not found")
    except OSError as exc:
        return FileRead(path, outcome=ImportOutcome.SKIPPED,
                        reason=f"cannot read: {exc.strerror or exc}")
    file_hash = hashlib.sha256(data).hexdigest()
    if (str(path), file_hash) in stored:
        # Files are committed whole, so these bytes at this path are already complete.
        return FileRead(path, file_hash, outcome=ImportOutcome.UNCHANGED)
    try:
        parsed = importers.read_release_file(path, data)
    except ImportFileError as exc:
        return FileRead(path, file_hash, outcome=ImportOutcome.SKIPPED, reason=str(exc))
    except Exception as exc:  # a parser bug must not stop the batch
        return FileRead(path, file_hash, outcome=ImportOutcome.FAILED,
                        reason=f"unexpected error: {exc!r}")
    if not parsed:
        return FileRead(path, file_hash, outcome=ImportOutcome.SKIPPED,
                        reason="no release found in the file")
    keys = [keys_for(p) for p in parsed] if keys_for else [None] * len(parsed)
    return FileRead(path, file_hash, list(parsed), keys,
                    [content_hash(p.title, p.body) for p in parsed],
                    [search_shadow(p.title, p.body) for p in parsed],
                    tuple(getattr(parsed, "problems", ())))


# --- worker processes ------------------------------------------------------------------

_worker_keys: KeyFunction | None = None
_worker_stored: frozenset[tuple[str, str]] = frozenset()


def _init_worker(keys_for: KeyFunction | None, stored: frozenset[tuple[str, str]]) -> None:
    global _worker_keys, _worker_stored
    _worker_keys, _worker_stored = keys_for, stored


def _read_in_worker(path: Path) -> FileRead:
    return read_file(path, _worker_keys, _worker_stored)


def _picklable(obj: object) -> bool:
    try:
        pickle.dumps(obj)
    except Exception:
        return False
    return True


def worker_count(files: int) -> int:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return min(cpus or 1, 8) if files >= POOL_MIN_FILES else 1


def read_files(files: Sequence[Path], keys_for: KeyFunction | None,
               stored: set[tuple[str, str]]) -> Iterator[FileRead]:
    """FileReads in the order of `files`; parallel when there are many files and cores.

    Closing the iterator (the caller stops early, e.g. on cancel) stops the workers.
    """
    workers = worker_count(len(files))
    if workers <= 1 or not _picklable(keys_for):
        for path in files:
            yield read_file(path, keys_for, stored)
        return
    # "spawn": forking a process that runs Qt and SQLite threads is unsafe.
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                               initargs=(keys_for, frozenset(stored)))
    pending: deque[tuple[Path, Future[FileRead]]] = deque()
    todo = iter(files)
    try:
        try:
            for path in todo:
                pending.append((path, pool.submit(_read_in_worker, path)))
                if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                    break
            while pending:
                result = pending[0][1].result()
                pending.popleft()
                nxt = next(todo, None)
                if nxt is not None:
                    pending.append((nxt, pool.submit(_read_in_worker, nxt)))
                yield result
        except BrokenProcessPool:
            # Workers could not start (e.g. a host program without a __main__ guard) or died:
            # read the rest here, nothing is lost.
            log.warning("import workers unavailable; reading the remaining files in turn")
            for path in [p for p, _ in pending] + list(todo):
                yield read_file(path, keys_for, stored)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
