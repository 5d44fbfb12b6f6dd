"""The services of one open database, composed once and shared by the GUI and the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..storage import Database, open_database
from .ingest import IngestService
from .library import LibraryService
from .paths import AppPaths


@dataclass
class AppContext:
    db: Database
    paths: AppPaths
    library: LibraryService
    ingest: IngestService

    @property
    def location(self) -> str:
        return str(self.db.path) if self.db.path else self.db.url

    def close(self) -> None:
        self.db.dispose()


def open_context(target: str | Path | None, paths: AppPaths) -> AppContext:
    """Open `target` (a path or URL; the default database when None) and build its services."""
    db = open_database(target or paths.default_database, paths.backup_dir)
    return AppContext(
        db=db,
        paths=paths,
        library=LibraryService(db),
        ingest=IngestService(db, keys_for=_key_function()),
    )


def _key_function():
    """Matching keys computed at import time, when the matching engine provides them."""
    return None
