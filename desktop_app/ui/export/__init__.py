"""Export dialog, merge of another reviewer's export, and its conflicts dialog."""

from .conflicts_dialog import ConflictModel, ConflictsDialog, import_annotations
from .export_dialog import ExportDialog
from .tasks import ExportTask, MergeTask

__all__ = ["ConflictModel", "ConflictsDialog", "ExportDialog", "ExportTask", "MergeTask",
           "import_annotations"]
