"""Export and merge run on a worker thread through the shared Task machinery."""

from __future__ import annotations

from pathlib import Path

from ...domain.export import ExportFilter, ExportFormat, ExportSummary, MergeReport
from ...domain.progress import CancelToken, ProgressCallback
from ...services.export import ExportService
from ...services.merge import MergeService
from ...workers.base import Task


class ExportTask(Task):
    """`finished` carries the ExportSummary (also when cancelled: `summary.cancelled`)."""

    def __init__(self, service: ExportService, fmt: ExportFormat, target: Path,
                 flt: ExportFilter, options: dict) -> None:
        super().__init__()
        self.service, self.fmt, self.target = service, fmt, Path(target)
        self.flt, self.options = flt, options

    def work(self, progress: ProgressCallback, cancel: CancelToken) -> ExportSummary:
        return self.service.export(self.fmt, self.target, self.flt, self.options,
                                   progress=progress, cancel=cancel)


class MergeTask(Task):
    """`finished` carries the MergeReport."""

    def __init__(self, service: MergeService, path: Path) -> None:
        super().__init__()
        self.service, self.path = service, Path(path)

    def work(self, progress: ProgressCallback, cancel: CancelToken) -> MergeReport:
        return self.service.import_file(self.path, progress=progress, cancel=cancel)
