"""Export dialog, merge of another reviewer's export, and its conflicts dialog."""

from .conflicts_dialog import ConflictModel, ConflictsDialog, import_annotations
from .export_dialog import ExportDialog
from .mount import ExportActions, mount_export
from .tasks import ExportTask, MergeTask

__all__ = ["ConflictModel", "ConflictsDialog", "ExportActions", "ExportDialog", "ExportTask",
           "MergeTask", "import_annotations", "mount_export"]
