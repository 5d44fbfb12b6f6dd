"""Duplicate and version detection in the background."""

from __future__ import annotations

from collections.abc import Sequence

from ..domain.progress import CancelToken, ProgressCallback
from ..services.dedup import DedupService
from .base import Task


class DetectTask(Task):
    """Full detection, or `release_ids` (just imported) against the corpus.

    `finished` carries (DetectionReport, ChangeSet).
    """

    def __init__(self, service: DedupService, release_ids: Sequence[int] | None = None) -> None:
        super().__init__()
        self.service = service
        self.release_ids = list(release_ids) if release_ids is not None else None

    def work(self, progress: ProgressCallback, cancel: CancelToken) -> object:
        if self.release_ids is None:
            report, changes, _ = self.service.detect(progress, cancel)
        else:
            report, changes, _ = self.service.detect_new(self.release_ids, progress, cancel)
        return report, changes
