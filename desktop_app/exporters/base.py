"""What every format writer shares: a staged output that appears only when complete."""

from __future__ import annotations

import shutil
from abc import ABC, abstractmethod
from pathlib import Path

from ..domain.errors import ReleaseReviewError
from ..domain.export import (
    ExportDocument,
    ExportEntity,
    ExportPair,
    ExportSchema,
    ExportSummary,
)


class ExportTargetError(ReleaseReviewError):
    """The chosen output path cannot be written."""


class Exporter(ABC):
    """Streaming writer: begin, then documents (and entities, pairs) in order, then finish.

    Output goes to `<target>.part` and is moved into place by `finish`, so a cancelled or
    failed export never leaves a half-written file under the requested name.
    """

    folder = False          # True: the target is a folder of several files
    carries_pairs = False   # True: duplicate pairs and decisions have a place in the format
    suffix = ""

    def __init__(self, target: Path, summary: ExportSummary, options: dict | None = None) -> None:
        self.target = Path(target)
        self.summary = summary
        self.options = dict(options or {})
        self.stage = self.target.with_name(self.target.name + ".part")
        _check_target(self.target, self.folder)
        if self.stage.exists():
            _remove(self.stage)
        if self.folder:
            self.stage.mkdir(parents=True)
        else:
            self.stage.parent.mkdir(parents=True, exist_ok=True)

    # Formats override what they can carry; the defaults record what they cannot.
    def begin(self, schema: ExportSchema, header: dict) -> None:
        self.schema = schema
        self.header = header

    def write_entities(self, batch: list[ExportEntity]) -> None:  # noqa: B027 - optional
        """The knowledge base; formats without one still see names on each span."""

    @abstractmethod
    def write_document(self, doc: ExportDocument) -> None:
        """Write one release with its annotations: the one thing every format must do."""

    def write_pairs(self, batch: list[ExportPair]) -> None:
        self.summary.lose("duplicate pairs and their decisions", len(batch))

    def close_files(self) -> None:  # noqa: B027 - optional hook
        """Close open handles (called by finish and abort)."""

    def finish(self) -> None:
        self.close_files()
        if self.folder and self.target.exists():
            self.target.rmdir()  # checked empty in _check_target
        self.stage.replace(self.target)

    def abort(self) -> None:
        try:
            self.close_files()
        finally:
            if self.stage.exists():
                _remove(self.stage)


def _check_target(target: Path, folder: bool) -> None:
    if folder:
        if target.exists() and (not target.is_dir() or any(target.iterdir())):
            raise ExportTargetError(
                f"{target} already exists and is not an empty folder; choose a new or empty "
                "folder for this format (it writes several files).")
    elif target.is_dir():
        raise ExportTargetError(f"{target} is a folder; give a file name for this format.")
    parent = target.parent
    if parent.exists() and not parent.is_dir():
        raise ExportTargetError(f"{parent} is not a folder.")


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink()


def iso(value) -> str | None:
    return value.isoformat() if value is not None else None
