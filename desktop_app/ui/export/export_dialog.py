"""File ▸ Export…: format, target, filters; then progress with Cancel, then the summary."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import ReviewStatus
from ...domain.errors import ReleaseReviewError
from ...domain.export import ExportFilter, ExportFormat, ExportSummary
from ...exporters import default_name
from ...services.context import AppContext
from ...workers.base import TaskRunner
from ..reader import plain_label
from .tasks import ExportTask

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.strip() for w in text.split(",") if w.strip())


class ExportDialog(QDialog):
    """Non-modal while exporting; every widget is plain text (no rich text anywhere)."""

    done = Signal(object)   # the ExportSummary

    def __init__(self, ctx: AppContext, runner: TaskRunner, parent: QWidget | None = None,
                 folder: Path | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self.folder = folder or Path.home()
        self.task: ExportTask | None = None
        self.summary: ExportSummary | None = None
        self.setWindowTitle(QCoreApplication.translate("ExportDialog", "Export annotated releases"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(self._target_box())
        layout.addWidget(self._filter_box())
        self.count_label = plain_label(self, "export_count")
        layout.addWidget(self.count_label)
        self.bar = QProgressBar(self)
        self.bar.setVisible(False)
        layout.addWidget(self.bar)
        self.summary_view = QPlainTextEdit(self)
        self.summary_view.setObjectName("export_summary")
        self.summary_view.setReadOnly(True)
        self.summary_view.setMinimumHeight(130)
        self.summary_view.setVisible(False)
        layout.addWidget(self.summary_view, 1)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(QCoreApplication.translate("ExportDialog", "Export"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setVisible(False)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.reject)
        self.close_button.clicked.connect(self.accept)
        layout.addWidget(self.buttons)
        self._recount = QTimer(self, singleShot=True, interval=250)
        self._recount.timeout.connect(self.update_count)
        self._format_changed()
        self.update_count()

    # --- building ------------------------------------------------------------------------

    def _target_box(self) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("ExportDialog", "Format and destination"), self)
        form = QFormLayout(box)
        self.format_combo = QComboBox(box)
        self.format_combo.setObjectName("export_format")
        for fmt in ExportFormat:
            self.format_combo.addItem(fmt.label, fmt.value)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        form.addRow(QCoreApplication.translate("ExportDialog", "Format"), self.format_combo)
        row = QHBoxLayout()
        self.path_edit = QLineEdit(box)
        self.path_edit.setObjectName("export_path")
        browse = QPushButton(QCoreApplication.translate("ExportDialog", "Browse…"), box)
        browse.clicked.connect(self._browse)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form.addRow(QCoreApplication.translate("ExportDialog", "Save to"), row)
        self.scheme_combo = QComboBox(box)
        self.scheme_combo.addItems(["IOB2", "BIOES"])
        form.addRow(QCoreApplication.translate("ExportDialog", "CoNLL tags"), self.scheme_combo)
        self.predictions_check = QCheckBox(QCoreApplication.translate("ExportDialog", "as predictions (pre-annotations)"), box)
        form.addRow(QCoreApplication.translate("ExportDialog", "Label Studio"), self.predictions_check)
        return box

    def _filter_box(self) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("ExportDialog", "Which releases"), self)
        form = QFormLayout(box)
        status_row = QHBoxLayout()
        self.status_checks: dict[ReviewStatus, QCheckBox] = {}
        for status in ReviewStatus:
            check = QCheckBox(status.label, box)
            check.toggled.connect(self._changed)
            status_row.addWidget(check)
            self.status_checks[status] = check
        form.addRow(QCoreApplication.translate("ExportDialog", "Review status"), status_row)
        self.lang_edit = self._line(box, "export_languages",
                                    ", ".join(self.ctx.library.languages()[:6]) or "fr, az, ru")
        form.addRow(QCoreApplication.translate("ExportDialog", "Languages"), self.lang_edit)
        self.source_edit = self._line(box, "export_sources", "source names, comma-separated")
        form.addRow(QCoreApplication.translate("ExportDialog", "Sources"), self.source_edit)
        dates = QHBoxLayout()
        self.from_edit = self._line(box, "export_from", "from (2023 or 2023-03-01)")
        self.to_edit = self._line(box, "export_to", "to (inclusive)")
        dates.addWidget(self.from_edit)
        dates.addWidget(self.to_edit)
        form.addRow(QCoreApplication.translate("ExportDialog", "Dates"), dates)
        self.tag_list = QListWidget(box)
        self.tag_list.setObjectName("export_tags")
        self.tag_list.setMaximumHeight(90)
        schema = self.ctx.export.schema()
        for t in (*schema.entity_types, *schema.event_types):
            item = QListWidgetItem(t.name, self.tag_list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.tag_list.itemChanged.connect(self._changed)
        form.addRow(QCoreApplication.translate("ExportDialog", "Has a tag"), self.tag_list)
        self.entity_edit = self._line(box, "export_entities", "entity names or aliases")
        form.addRow(QCoreApplication.translate("ExportDialog", "Mentions"), self.entity_edit)
        groups = QHBoxLayout()
        self.group_edit = self._line(box, "export_groups", "version group numbers")
        self.grouped_check = QCheckBox(QCoreApplication.translate("ExportDialog", "only releases with versions"), box)
        self.grouped_check.toggled.connect(self._changed)
        groups.addWidget(self.group_edit, 1)
        groups.addWidget(self.grouped_check)
        form.addRow(QCoreApplication.translate("ExportDialog", "Version groups"), groups)
        return box

    def _line(self, parent: QWidget, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(parent)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(self._changed)
        return edit

    # --- state ---------------------------------------------------------------------------

    @property
    def fmt(self) -> ExportFormat:
        return ExportFormat(self.format_combo.currentData())

    def _format_changed(self) -> None:
        fmt = self.fmt
        self.scheme_combo.setEnabled(fmt is ExportFormat.CONLL)
        self.predictions_check.setEnabled(fmt is ExportFormat.LABEL_STUDIO)
        current = self.path_edit.text().strip()
        if not current or Path(current).name.startswith("release-review-"):
            parent = Path(current).parent if current else self.folder
            self.path_edit.setText(str(parent / default_name(fmt)))

    def _browse(self) -> None:
        start = self.path_edit.text() or str(self.folder)
        if self.fmt.writes_folder:
            chosen = QFileDialog.getExistingDirectory(self, QCoreApplication.translate("ExportDialog", "Export into an empty folder"), start)
        else:
            chosen, _ = QFileDialog.getSaveFileName(self, QCoreApplication.translate("ExportDialog", "Export to file"), start)
        if chosen:
            self.path_edit.setText(chosen)

    def _changed(self, *_args) -> None:
        self._recount.start()

    def current_filter(self) -> ExportFilter:
        """The filter as typed; raises ReleaseReviewError naming what is wrong."""
        for edit in (self.from_edit, self.to_edit):
            value = edit.text().strip()
            if value and not _DATE.match(value):
                raise ReleaseReviewError(f"{value!r} is not a date like 2023, 2023-03 or "
                                         "2023-03-01.")
        groups = []
        for word in _words(self.group_edit.text()):
            if not word.isdigit():
                raise ReleaseReviewError(f"{word!r} is not a version group number.")
            groups.append(int(word))
        entities = _words(self.entity_edit.text())
        tags = tuple(self.tag_list.item(i).text() for i in range(self.tag_list.count())
                     if self.tag_list.item(i).checkState() == Qt.CheckState.Checked)
        return ExportFilter(
            statuses=tuple(s for s, c in self.status_checks.items() if c.isChecked()),
            languages=_words(self.lang_edit.text()), sources=_words(self.source_edit.text()),
            date_from=self.from_edit.text().strip() or None,
            date_to=self.to_edit.text().strip() or None, tags=tags,
            entity_ids=tuple(self.ctx.export.entity_ids(list(entities))) if entities else (),
            version_groups=tuple(groups), in_version_group=self.grouped_check.isChecked())

    def update_count(self) -> None:
        try:
            releases, pairs = self.ctx.export.count(self.current_filter())
        except ReleaseReviewError as exc:
            self.count_label.setText(str(exc))
            self.export_button.setEnabled(False)
            return
        self.count_label.setText(QCoreApplication.translate("ExportDialog", "{releases} and {pairs} selected").format(releases=_n(releases, 'release'), pairs=_n(pairs, 'duplicate pair'),
                         release_count=releases, pair_count=pairs))
        self.export_button.setEnabled(releases > 0 and self.task is None)

    # --- running -------------------------------------------------------------------------

    def start(self) -> None:
        try:
            flt = self.current_filter()
        except ReleaseReviewError as exc:
            self.count_label.setText(str(exc))
            return
        target = Path(self.path_edit.text().strip()).expanduser()
        if not self.path_edit.text().strip():
            self.count_label.setText(QCoreApplication.translate("ExportDialog", "Choose where to save the export."))
            return
        options = {"scheme": self.scheme_combo.currentText(),
                   "predictions": self.predictions_check.isChecked()}
        self.task = ExportTask(self.ctx.export, self.fmt, target, flt, options)
        self.task.progress.connect(self._progress)
        self.task.finished.connect(self._finished)
        self.task.failed.connect(self._failed)
        self.export_button.setEnabled(False)
        for box in self.findChildren(QGroupBox):
            box.setEnabled(False)
        self.bar.setVisible(True)
        self.bar.setRange(0, 0)
        self.runner.start(self.task)

    def _progress(self, done: int, total: int, message: str) -> None:
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        self.count_label.setText(message)

    def _finished(self, summary: ExportSummary) -> None:
        self.task = None
        self._recount.stop()
        self.export_button.setVisible(False)
        self.summary = summary
        self.bar.setVisible(False)
        self.summary_view.setVisible(True)
        self.summary_view.setPlainText(summary.text())
        self.count_label.setText("Export cancelled: nothing was written." if summary.cancelled
                                 else "Export finished.")
        self.cancel_button.setVisible(False)
        self.close_button.setVisible(True)
        self.done.emit(summary)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.bar.setVisible(False)
        self.count_label.setText(QCoreApplication.translate("ExportDialog", "Export failed: {exc}").format(exc=exc))
        for box in self.findChildren(QGroupBox):
            box.setEnabled(True)
        self.export_button.setEnabled(True)

    def reject(self) -> None:
        """Cancel stops a running export (nothing is left behind) before closing."""
        if self.task is not None:
            self.cancel_button.setEnabled(False)
            self.count_label.setText(QCoreApplication.translate("ExportDialog", "Cancelling…"))
            self.task.cancel()
            return
        super().reject()
