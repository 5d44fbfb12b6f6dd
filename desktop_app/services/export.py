"""Export a filtered set of releases with their annotations in one of the supported formats.

The whole export reads one consistent snapshot (a single read transaction), page by page, and
writes as it reads, so memory does not grow with the set. The output appears under its name
only when complete; a cancelled export leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import gc
import queue
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from .. import __version__
from ..domain.errors import Cancelled, ReleaseReviewError
from ..domain.export import ExportFilter, ExportFormat, ExportSchema, ExportSummary
from ..domain.progress import CancelToken, Progress, ProgressCallback, ignore_progress
from ..exporters import make_exporter
from ..exporters.base import ExportTargetError
from ..storage import Database
from ..storage import export_reads as reads

OFFSETS = ("Unicode code points over NFC text = title + '\\n\\n' + body; start inclusive, "
           "end exclusive")
# Formats that carry the knowledge base itself (the others see entity names on spans).
_WITH_ENTITIES = (ExportFormat.NATIVE, ExportFormat.CSV)


_END = object()


def prefetched(batches: Iterator[list], depth: int = 2) -> Iterator[list]:
    """The batches of `batches`, read ahead on a second thread while the caller writes.

    The database driver releases the interpreter lock while it steps through rows, so reading
    the next batch overlaps with encoding the current one on a second core. At most `depth`
    batches wait, so memory stays bounded; the session is only ever used by the reader
    thread while it runs, and the caller waits for it before going on.
    """
    slots: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(item) -> bool:
        while not stop.is_set():
            try:
                slots.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def read() -> None:
        try:
            for batch in batches:
                if not put(batch):
                    return
            put(_END)
        except BaseException as exc:  # handed to the caller, raised there
            put(exc)
        finally:
            close = getattr(batches, "close", None)
            if close is not None:
                close()

    reader = threading.Thread(target=read, name="export-reader", daemon=True)
    reader.start()
    try:
        while True:
            item = slots.get()
            if item is _END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        reader.join()


@contextlib.contextmanager
def _few_collections() -> Iterator[None]:
    """Fewer garbage-collector passes while millions of short-lived, acyclic rows stream by.

    Every pass walks all live objects; at the default threshold a large export spends a fifth
    of its time there. Nothing an export allocates forms cycles, so collecting rarely loses
    nothing; the old thresholds come back when the export ends.
    """
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], 50_000), old[1], old[2])
    try:
        yield
    finally:
        gc.set_threshold(*old)


class ExportService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def count(self, flt: ExportFilter) -> tuple[int, int]:
        """(releases, duplicate pairs) that `flt` selects, for the dialog to show."""
        with self.db.read() as s:
            return reads.count_releases(s, flt), reads.count_pairs(s, flt)

    def schema(self) -> ExportSchema:
        """Entity and event types, for the tag filter."""
        with self.db.read() as s:
            return reads.read_schema(s)

    def entity_ids(self, refs: list[str]) -> list[int]:
        """Entity ids named by id, canonical name or alias; an error names the unknown ones."""
        with self.db.read() as s:
            found = reads.entity_ids_for(s, refs)
        if refs and not found:
            raise ReleaseReviewError(f"No entity is called {', '.join(refs)}.")
        return found

    def export(self, fmt: ExportFormat, target: Path, flt: ExportFilter | None = None,
               options: dict | None = None, progress: ProgressCallback = ignore_progress,
               cancel: CancelToken | None = None) -> ExportSummary:
        flt = flt or ExportFilter()
        summary = ExportSummary(format=fmt.value, path=str(target))
        try:
            writer = make_exporter(fmt, Path(target), summary, options)
        except OSError as exc:
            raise ExportTargetError(f"Cannot write to {target}: {exc.strerror or exc}") from exc
        try:
            with self.db.read() as s, _few_collections():
                self._run(s, fmt, writer, flt, summary, progress, cancel)
            writer.finish()
        except Cancelled:
            writer.abort()
            summary.cancelled = True
            progress(Progress(0, 0, "export cancelled; nothing was written"))
            return summary
        except OSError as exc:
            writer.abort()
            raise ExportTargetError(
                f"Writing {target} failed: {exc.strerror or exc}. Nothing was written.") from exc
        except BaseException:
            writer.abort()
            raise
        progress(Progress(summary.releases, summary.releases, summary.text()))
        return summary

    def _run(self, s, fmt, writer, flt, summary, progress, cancel) -> None:
        total = reads.count_releases(s, flt)
        header = {"exported_at": datetime.now(UTC).replace(tzinfo=None).isoformat(),
                  "app_version": __version__, "filter": flt.describe(), "offsets": OFFSETS,
                  "releases_selected": total}
        writer.begin(reads.read_schema(s), header)
        check = cancel.raise_if_cancelled if cancel is not None else (lambda: None)
        if fmt in _WITH_ENTITIES:
            for batch in reads.iter_entities(s):
                check()
                writer.write_entities(batch)
                summary.entities += len(batch)
        progress(Progress(0, total, "exporting releases"))
        documents = reads.iter_documents(s, flt, entity_names=fmt is not ExportFormat.NATIVE)
        # closing(): the reader thread stops and is joined before the session can close.
        with contextlib.closing(prefetched(documents)) as batches:
            for batch in batches:
                check()
                for d in batch:
                    writer.write_document(d)
                    summary.spans += len(d.spans)
                    summary.events += len(d.events)
                summary.releases += len(batch)
                progress(Progress(summary.releases, total,
                                  f"{summary.releases} of {total} releases"))
        if not writer.carries_pairs:
            summary.lose("duplicate pairs and their decisions", reads.count_pairs(s, flt))
            return
        for batch in reads.iter_pairs(s, flt):
            check()
            writer.write_pairs(batch)
            summary.pairs += len(batch)
