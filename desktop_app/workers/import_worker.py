"""Import files and folders in the background."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..domain.progress import CancelToken, ProgressCallback
from ..domain.releases import ImportReport
from ..services.ingest import IngestService
from .base import Task


class ImportTask(Task):
    """`finished` carries the ImportReport (also when cancelled: `report.cancelled`)."""

    def __init__(self, ingest: IngestService, paths: Sequence[Path]) -> None:
        super().__init__()
        self.ingest = ingest
        self.paths = [Path(p) for p in paths]

    def work(self, progress: ProgressCallback, cancel: CancelToken) -> ImportReport:
        return self.ingest.import_paths(self.paths, progress=progress, cancel=cancel)
