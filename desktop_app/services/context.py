"""The services of one open database, composed once and shared by the GUI and the CLI."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..matching.keys import keys_for
from ..storage import Database, open_database
from .annotate import AnnotateService
from .dedup import DedupService
from .entities import AliasCache, EntityService
from .export import ExportService
from .ingest import IngestService
from .library import LibraryService
from .merge import MergeService
from .paths import AppPaths
from .sessions import SessionService, WorkLog
from .work_queue import WorkQueueService

_PASSWORD = re.compile(r"^([a-z0-9+]+://[^:/@]*):[^@/]*@")


@dataclass
class AppContext:
    db: Database
    paths: AppPaths
    library: LibraryService
    ingest: IngestService
    # Annotation services, set by open_context (init=False keeps field order free for others).
    annotate: AnnotateService = field(init=False, default=None)  # type: ignore[assignment]
    entities: EntityService = field(init=False, default=None)  # type: ignore[assignment]
    sessions: SessionService = field(init=False, default=None)  # type: ignore[assignment]
    export: ExportService = field(init=False, default=None)  # type: ignore[assignment]
    merge: MergeService = field(init=False, default=None)  # type: ignore[assignment]
    dedup: DedupService = field(init=False, default=None)  # type: ignore[assignment]
    work_queue: WorkQueueService = field(init=False, default=None)  # type: ignore[assignment]

    @property
    def location(self) -> str:
        """The path or URL, never with a password (it is shown and kept in recent lists)."""
        return str(self.db.path) if self.db.path else _PASSWORD.sub(r"\1@", self.db.url)

    def close(self) -> None:
        if self.sessions is not None:
            self.sessions.end()
        self.db.dispose()


def open_context(target: str | Path | None, paths: AppPaths) -> AppContext:
    """Open `target` (a path or URL; the default database when None) and build its services."""
    db = open_database(target or paths.default_database, paths.backup_dir)
    ctx = AppContext(
        db=db,
        paths=paths,
        library=LibraryService(db),
        # Matching keys computed at import time, so detection never re-reads texts.
        ingest=IngestService(db, keys_for=keys_for),
    )
    log, aliases = WorkLog(db), AliasCache(db)  # annotation services share who and the index
    ctx.annotate = AnnotateService(db, log, aliases)
    ctx.entities = EntityService(db, log, aliases)
    ctx.sessions = SessionService(db, log)
    ctx.export, ctx.merge = ExportService(db), MergeService(db)
    ctx.dedup = DedupService(db, log)
    ctx.work_queue = WorkQueueService(db, log=log)  # holds under the reviewer's tagging name
    return ctx

