"""The export dialog and the conflicts dialog, headless."""

from __future__ import annotations

import json
import threading

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.domain.export import ConflictKind, ExportFormat, Resolution
from desktop_app.ui.export import ConflictsDialog, ExportDialog, import_annotations
from desktop_app.workers.base import TaskRunner

from .test_merge import theirs


class WaitingRunner(TaskRunner):
    """QThread.finished arrives (queued) while the thread may still be winding down; dropping
    the last reference then would destroy a running QThread. Wait for it first."""

    def _forget(self, thread):
        thread.wait()
        super()._forget(thread)


@pytest.fixture
def runner(qtbot):
    r = WaitingRunner()
    yield r
    r.cancel_all()
    # A task's `finished` reaches thread.quit through the GUI event loop: keep it turning.
    qtbot.waitUntil(lambda: not r.busy, timeout=30000)


@pytest.fixture(autouse=True)
def _delete_message_boxes():
    """Boxes whose exec() a test replaced were never shown or closed: delete them, or a later
    test that restyles the application re-polishes their half-built layouts and crashes."""
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox):
            widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def choose(dialog, fmt):
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(fmt.value))


def test_export_dialog_filters_runs_and_summarises(corpus, ctx, qtbot, runner, tmp_path):
    dialog = ExportDialog(ctx, runner, folder=tmp_path)
    qtbot.addWidget(dialog)
    choose(dialog, ExportFormat.BRAT)
    assert dialog.path_edit.text() == str(tmp_path / "release-review-brat")
    assert dialog.scheme_combo.isEnabled() is False
    dialog.lang_edit.setText("az, ru")
    dialog.update_count()
    assert dialog.count_label.text() == "2 releases and 1 duplicate pair selected"
    dialog.from_edit.setText("March")
    dialog.update_count()
    assert "not a date" in dialog.count_label.text() and not dialog.export_button.isEnabled()
    dialog.from_edit.setText("2023")
    dialog.update_count()
    assert dialog.export_button.isEnabled()
    with qtbot.waitSignal(dialog.done, timeout=20000) as blocker:
        dialog.export_button.click()
    summary = blocker.args[0]
    assert summary.releases == 2 and not summary.cancelled
    assert dialog.summary_view.isVisible() or not dialog.isVisible()
    assert "not represented: duplicate pairs" in dialog.summary_view.toPlainText()
    assert len(list((tmp_path / "release-review-brat").glob("*.ann"))) == 2


def test_export_dialog_tag_and_entity_filters(corpus, ctx, qtbot, runner, tmp_path):
    dialog = ExportDialog(ctx, runner, folder=tmp_path)
    qtbot.addWidget(dialog)
    choose(dialog, ExportFormat.NATIVE)
    item = dialog.tag_list.findItems("AGREEMENT", Qt.MatchFlag.MatchExactly)[0]
    item.setCheckState(Qt.CheckState.Checked)
    dialog.update_count()
    assert dialog.count_label.text().startswith("1 release and")
    item.setCheckState(Qt.CheckState.Unchecked)
    dialog.entity_edit.setText("Gəncə")
    dialog.update_count()
    assert dialog.count_label.text().startswith("1 release and")
    dialog.entity_edit.setText("Nobody")
    dialog.update_count()
    assert "No entity is called Nobody" in dialog.count_label.text()
    dialog.entity_edit.clear()
    dialog.grouped_check.setChecked(True)
    dialog.update_count()
    assert dialog.count_label.text().startswith("2 releases")
    with qtbot.waitSignal(dialog.done, timeout=20000):
        dialog.export_button.click()
    lines = (tmp_path / "release-review-jsonl.jsonl").read_text(encoding="utf-8").splitlines()
    assert sum(json.loads(x)["record"] == "release" for x in lines) == 2


def test_export_dialog_cancel_writes_nothing(corpus, ctx, qtbot, runner, tmp_path):
    dialog = ExportDialog(ctx, runner, folder=tmp_path)
    qtbot.addWidget(dialog)
    choose(dialog, ExportFormat.CSV)
    dialog.start()
    dialog.task.cancel()        # before the worker reads anything
    with qtbot.waitSignal(dialog.done, timeout=20000) as blocker:
        dialog.reject()
    assert blocker.args[0].cancelled
    assert "cancelled" in dialog.count_label.text()
    assert not (tmp_path / "release-review-csv").exists()


def test_conflicts_dialog_resolves(corpus, ctx, other_db, qtbot, tmp_path):
    theirs(other_db.db)
    path = tmp_path / "bruno.jsonl"
    other_db.export.export(ExportFormat.NATIVE, path)
    report = ctx.merge.import_file(path)
    dialog = ConflictsDialog(ctx.merge, reviewer="me", library=ctx.library)
    qtbot.addWidget(dialog)
    QAbstractItemModelTester(dialog.model,
                             QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert dialog.model.rowCount() == len(report.conflicts) == 5
    span_row = next(i for i, c in enumerate(dialog.model.conflicts)
                    if c.kind is ConflictKind.SPAN_TYPE)
    dialog.view.selectRow(span_row)
    assert dialog.buttons[Resolution.KEEP_BOTH].isEnabled()
    text = dialog.model.index(span_row, 3).data()
    assert "ORGANIZATION" in text and "Bakou" in text
    assert dialog.model.index(span_row, 1).data().endswith("Visite d’Antonio Vitorino à Bakou")
    with qtbot.waitSignal(dialog.changed) as blocker:
        dialog.buttons[Resolution.TAKE_INCOMING].click()
    assert corpus.releases["fr"] in blocker.args[0].annotations
    assert dialog.model.rowCount() == 4
    pair_row = next(i for i, c in enumerate(dialog.model.conflicts)
                    if c.kind is ConflictKind.PAIR_DECISION)
    dialog.view.selectRow(pair_row)
    assert not dialog.buttons[Resolution.KEEP_BOTH].isEnabled()
    while dialog.model.rowCount():
        dialog.view.selectRow(0)
        dialog.buttons[Resolution.KEEP_LOCAL].click()
    assert "No conflicts left" in dialog.info.text()
    assert ctx.merge.conflicts() == []


def test_import_annotations_flow(corpus, ctx, other_db, qtbot, runner, tmp_path, monkeypatch):
    theirs(other_db.db)
    path = tmp_path / "bruno.jsonl"
    other_db.export.export(ExportFormat.NATIVE, path)
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    reports, threads = [], []
    task = import_annotations(ctx.merge, runner, None, path=path,
                              on_done=lambda r: (reports.append(r),
                                                 threads.append(threading.current_thread())))
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert reports[0].releases_added == 1 and "5 conflicts to resolve" in shown[0]
    assert threads == [threading.main_thread()]  # widgets are touched on the GUI thread only


def test_mounted_in_the_main_window(corpus, ctx, other_db, qtbot, tmp_path, monkeypatch):
    from desktop_app.ui.export import mount_export
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.settings import Settings

    win = MainWindow(ctx, Settings.at_path(tmp_path / "s.ini"))
    qtbot.addWidget(win)
    actions = mount_export(win)
    titles = [a.text() for a in win.menu("&File").actions()]
    assert "&Export annotated releases…" in titles and "Import &annotations…" in titles
    assert actions.conflicts_action in win.menu("&Tools").actions()
    dialog = actions.export()
    assert dialog.isVisible() and dialog.count_label.text().startswith("4 releases")
    dialog.close()
    theirs(other_db.db)
    path = tmp_path / "b.jsonl"
    other_db.export.export(ExportFormat.NATIVE, path)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    refreshed = []
    win.changes_applied.connect(refreshed.append)
    task = actions.import_file(path)
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    qtbot.waitUntil(lambda: bool(refreshed), timeout=5000)
    assert refreshed[0].release_list
    conflicts = actions.conflicts()
    assert conflicts.model.rowCount() == 5
    conflicts.close()
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=20000)
