"""The duplicates panel and the side-by-side view, driven with pytest-qt."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from desktop_app.domain.duplicates import PairFilter
from desktop_app.domain.enums import DuplicateKind, PairStatus
from desktop_app.domain.releases import ParsedRelease
from desktop_app.ui.duplicates import AlsoInLabel, DuplicatesPanel, PairTableModel
from desktop_app.ui.duplicates.pair_model import COLUMNS

from . import fixtures as F
from .test_service import RELEASES, store


@pytest.fixture
def detected(ctx):
    ids = store(ctx)
    ctx.dedup.detect()
    return ids


@pytest.fixture
def panel(qtbot, ctx, detected):
    widget = DuplicatesPanel(ctx)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.runner.cancel_all()
    widget.runner.wait_all()


def row_for(panel, ids, x, y) -> int:
    want = {ids[x], ids[y]}
    for row in range(panel.model.rowCount()):
        p = panel.model.pair(row)
        if {p.release_a, p.release_b} == want:
            return row
    raise AssertionError(f"{x} / {y} not listed")


def test_model_passes_the_item_model_tester(qtbot, ctx, detected):
    model = PairTableModel(ctx.dedup)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert model.rowCount() >= 6 and model.columnCount() == len(COLUMNS)
    scores = [float(model.index(r, 0).data()) for r in range(model.rowCount())]
    assert scores == sorted(scores, reverse=True)
    model.set_filter(PairFilter(kinds=(DuplicateKind.NEAR,)))
    assert model.rowCount() == 0
    model.set_filter(PairFilter(language_pair="fr–ru"))
    assert model.rowCount() == 1
    assert model.index(0, 2).data() in ("fr ↔ ru", "ru ↔ fr")


def test_filters_narrow_the_list(panel):
    total = panel.model.rowCount()
    panel.lang_box.setCurrentIndex(panel.lang_box.findData("az–fr"))
    assert panel.model.rowCount() == 1
    panel.lang_box.setCurrentIndex(0)
    panel.kind_box.setCurrentIndex(panel.kind_box.findData("cross"))
    assert panel.model.rowCount() == total
    panel.status_box.setCurrentIndex(panel.status_box.findData("rejected"))
    assert panel.model.rowCount() == 0


def test_confirm_and_reject_by_key_form_groups_and_stick(qtbot, ctx, panel, detected):
    changes = []
    panel.changes.connect(changes.append)
    ids = detected
    panel.table.setFocus()
    row = row_for(panel, ids, "meeting-fr", "meeting-az")
    panel.table.selectRow(row)
    qtbot.keyClick(panel.table, Qt.Key.Key_C)
    pair = panel.model.pair(row)
    assert pair.status is PairStatus.CONFIRMED
    assert panel.model.index(row, 7).data().startswith("G")   # the version group column
    assert ids["meeting-fr"] in changes[-1].releases
    row = row_for(panel, ids, "meeting-fr", "meeting-ru")
    panel.table.selectRow(row)
    qtbot.keyClick(panel.table, Qt.Key.Key_X)
    rejected = panel.model.pair(row)
    assert rejected.status is PairStatus.REJECTED
    assert ctx.dedup.pair(rejected.id).decided_by == ctx.dedup.log.actor
    # A re-run in the background keeps both decisions.
    with qtbot.waitSignal(panel.detection_finished, timeout=60000) as done:
        panel.detect()
    assert not done.args[0].cancelled
    assert ctx.dedup.pair(rejected.id).status is PairStatus.REJECTED
    assert ctx.dedup.pair(pair.id).status is PairStatus.CONFIRMED
    row = row_for(panel, ids, "meeting-fr", "meeting-az")
    assert panel.model.index(row, 7).data().startswith("G")


def test_side_by_side_highlights_shared_evidence_in_both_texts(qtbot, panel, detected):
    row = row_for(panel, detected, "meeting-fr", "meeting-ru")
    panel.table.selectRow(row)
    left = set(panel.view.left.marked_texts())
    right = set(panel.view.right.marked_texts())
    pair = panel.model.pair(row)
    fr_side, ru_side = (left, right) if pair.release_a == detected["meeting-fr"] else \
        (right, left)
    assert {"Berglund", "Mammadova", "17", "36"} <= fr_side
    assert {"Берглунда", "Мамедова", "17", "36"} <= ru_side
    assert any("12" in t for t in fr_side) and any("марта" in t for t in ru_side)
    assert "shared:" in panel.view.summary.text()


def test_release_text_is_shown_as_plain_text(qtbot, ctx):
    ids = ctx.dedup.store_parsed([
        ParsedRelease("a.txt", "<b>Bold</b> claim", "Mayor <i>Ivan Petrov</i> opened 12 "
                      "schools on 3 May.", language="en"),
        ParsedRelease("b.txt", "Petrov opens schools", "Le maire <i>Ivan Petrov</i> a "
                      "ouvert 12 écoles le 3 mai.", language="fr")])
    ctx.dedup.detect()
    widget = DuplicatesPanel(ctx)
    qtbot.addWidget(widget)
    assert widget.model.rowCount() == 1
    widget.table.selectRow(0)
    shown = widget.view.left.text.toPlainText() + widget.view.right.text.toPlainText()
    assert "<b>Bold</b>" in shown and "<i>Ivan Petrov</i>" in shown
    assert ids


def test_detection_runs_in_the_background_and_can_be_cancelled(qtbot, ctx, panel,
                                                                monkeypatch):
    started = threading.Event()

    def slow_backfill(progress, cancel):  # noqa: ANN001
        started.set()
        cancel._event.wait(10)          # until the reviewer presses Cancel

    monkeypatch.setattr(ctx.dedup, "_backfill", slow_backfill)
    before = panel.model.rowCount()
    with qtbot.waitSignal(panel.detection_finished, timeout=20000) as done:
        task = panel.detect()
        assert task is not None and not panel.detect_button.isEnabled()
        assert started.wait(10)
        qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    assert done.args[0].cancelled
    assert panel.detect_button.isEnabled() and "cancelled" in panel.status_label.text()
    assert panel.model.rowCount() == before


def test_incremental_detection_from_the_panel(qtbot, ctx):
    first = [r for r in RELEASES if r[0] != "meeting-en"]
    ids = store(ctx, first)
    ctx.dedup.detect()
    widget = DuplicatesPanel(ctx)
    qtbot.addWidget(widget)
    before = widget.model.rowCount()
    new = store(ctx, [r for r in RELEASES if r[0] == "meeting-en"])
    with qtbot.waitSignal(widget.detection_finished, timeout=60000):
        widget.detect(list(new.values()))
    assert widget.model.rowCount() >= before + 3
    assert ids


def test_also_in_links_to_confirmed_versions(qtbot, ctx, detected):
    for x, y in (("meeting-fr", "meeting-az"), ("meeting-fr", "meeting-ru")):
        pair = next(p for p in ctx.dedup.pairs()
                    if {p.release_a, p.release_b} == {detected[x], detected[y]})
        ctx.dedup.confirm(pair.id)
    label = AlsoInLabel(ctx.dedup)
    qtbot.addWidget(label)
    label.show_release(detected["meeting-fr"])
    assert "Also in:" in label.text() and ">az<" in label.text() and ">ru<" in label.text()
    with qtbot.waitSignal(label.release_activated) as hit:
        label.linkActivated.emit(str(detected["meeting-az"]))
    assert hit.args == [detected["meeting-az"]]
    label.show_release(detected["convoy-a"])
    assert label.text() == ""
    assert F.MEETING_FR


def test_main_window_mounts_the_panel_and_detects_after_import(qtbot, ctx, tmp_path):
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.settings import Settings

    from .test_service import write_files

    window = MainWindow(ctx, Settings.at_path(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    panel = window.duplicates
    assert panel.parentWidget().objectName() == "dock_versions"
    with qtbot.waitSignal(panel.detection_finished, timeout=120000):
        window.start_import([write_files(tmp_path)])
    assert panel.model.rowCount() >= 6
    pair = panel.model.pair(0)
    panel.table.selectRow(0)
    panel.confirm_current()
    window.select_release(pair.release_a)
    qtbot.waitUntil(lambda: "Also in:" in window.also_in.text(), timeout=5000)
    window.runner.cancel_all()
    window.runner.wait_all()
