"""Format writers: domain objects in, files out, streaming. No Qt, no SQL."""

from __future__ import annotations

from pathlib import Path

from ..domain.export import ExportFormat, ExportSummary
from .base import Exporter, ExportTargetError
from .brat import BratExporter
from .conll import ConllExporter
from .csv_bundle import CsvBundleExporter
from .doccano import DoccanoExporter
from .label_studio import LabelStudioExporter
from .native import NativeExporter, read_native
from .web_annotation import WebAnnotationExporter

WRITERS: dict[ExportFormat, type[Exporter]] = {
    ExportFormat.NATIVE: NativeExporter,
    ExportFormat.CSV: CsvBundleExporter,
    ExportFormat.BRAT: BratExporter,
    ExportFormat.CONLL: ConllExporter,
    ExportFormat.LABEL_STUDIO: LabelStudioExporter,
    ExportFormat.DOCCANO: DoccanoExporter,
    ExportFormat.WEB_ANNOTATION: WebAnnotationExporter,
}


def make_exporter(fmt: ExportFormat, target: Path, summary: ExportSummary,
                  options: dict | None = None) -> Exporter:
    return WRITERS[fmt](target, summary, options)


def default_name(fmt: ExportFormat) -> str:
    """A file or folder name to offer for `fmt`."""
    cls = WRITERS[fmt]
    return f"release-review-{fmt.value}" + ("" if cls.folder else cls.suffix)


__all__ = ["Exporter", "ExportTargetError", "make_exporter", "default_name", "read_native"]
