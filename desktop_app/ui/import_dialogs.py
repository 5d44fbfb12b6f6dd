"""Progress of a running import, and its report at the end."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.enums import ImportOutcome
from ..domain.releases import FileReport, ImportReport
from .reader import plain_label

Index = QModelIndex | QPersistentModelIndex


class ImportProgressDialog(QDialog):
    """Non-modal: the reviewer can keep reading while files are imported."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("ImportProgressDialog", "Importing releases"))
        self.setModal(False)
        self.setMinimumWidth(460)
        self.count_label = plain_label(self, "import_count")
        self.file_label = plain_label(self, "import_file")
        self.file_label.setWordWrap(False)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # busy until the file count is known
        self.cancel_button = QPushButton(QCoreApplication.translate("ImportProgressDialog", "Cancel"), self)
        self.cancel_button.clicked.connect(self._cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.count_label)
        layout.addWidget(self.bar)
        layout.addWidget(self.file_label)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(buttons)
        self.count_label.setText(QCoreApplication.translate("ImportProgressDialog", "Looking for files…"))

    def update_progress(self, done: int, total: int, message: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, total))
        self.count_label.setText(QCoreApplication.translate("ImportProgressDialog", "{done} of {total} files").format(done=done, total=total))
        if done < total:
            name = Path(message).name if message else ""
            metrics = self.file_label.fontMetrics()
            self.file_label.setText(metrics.elidedText(
                name, Qt.TextElideMode.ElideMiddle, max(self.file_label.width(), 300)))
            self.file_label.setToolTip(message)

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.count_label.setText(self.count_label.text() + " — cancelling…")
        self.cancel_requested.emit()

    def reject(self) -> None:  # Escape or the close button cancel too
        if self.cancel_button.isEnabled():
            self._cancel()


class ProblemsModel(QAbstractTableModel):
    """Files the import skipped or failed on, with the reason."""

    HEADERS = ("File", "Outcome", "Reason")

    def __init__(self, problems: list[FileReport], parent=None) -> None:
        super().__init__(parent)
        self.problems = problems

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.problems)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        f = self.problems[index.row()]
        if index.column() == 0:
            return f.path if role == Qt.ItemDataRole.ToolTipRole else Path(f.path).name
        if index.column() == 1:
            return f.outcome.value.replace("_", " ")
        return f.reason

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section] if 0 <= section < len(self.HEADERS) else None
        return None


class ImportReportDialog(QDialog):
    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import cancelled" if report.cancelled else "Import finished")
        self.resize(720, 380 if report.problems else 160)
        self.summary_label = plain_label(self, "import_summary")
        lines = [report.summary() + "."]
        files = len(report.files)
        lines.append(f"{files} file{'s' if files != 1 else ''} looked at; "
                     f"{report.count(ImportOutcome.IMPORTED)} imported.")
        if report.cancelled:
            lines.append("Import the same files again to complete it; nothing is imported twice.")
        self.summary_label.setText("\n".join(lines))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        self.problems_view: QTableView | None = None
        if report.problems:
            layout.addWidget(QLabel(QCoreApplication.translate("ImportReportDialog", "Files that were not imported:"), self))
            view = QTableView(self)
            view.setObjectName("import_problems")
            view.setModel(ProblemsModel(report.problems, view))
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.setWordWrap(False)
            view.verticalHeader().setVisible(False)
            view.horizontalHeader().setStretchLastSection(True)
            view.setColumnWidth(0, 260)
            view.setColumnWidth(1, 110)
            layout.addWidget(view, 1)
            self.problems_view = view
        else:
            layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
