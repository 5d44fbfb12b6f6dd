"""Team mode in the main window: connect action, "Held by" column, take next / release holds,
and the conflict dialog with Reload (here on SQLite; tests/pg/test_team_gui.py on a server)."""

from __future__ import annotations

from matching.test_service import store
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication

from desktop_app.domain.enums import PairStatus, ReviewStatus
from desktop_app.domain.errors import ConflictError, FieldChange
from desktop_app.services.context import open_context
from desktop_app.services.work_queue import WorkQueueService
from desktop_app.ui import team
from desktop_app.ui.annotate.small_dialogs import REVIEWER
from desktop_app.ui.conflict_dialog import ConflictDialog
from desktop_app.ui.duplicates import DuplicatesPanel
from desktop_app.ui.errors import show_error
from desktop_app.ui.release_model import COLUMN_KEYS, PAGE_SIZE, ReleaseTableModel

from .conftest import add_releases, release

HELD = COLUMN_KEYS.index("held")


def held_by(window, release_id: int) -> str:
    model = window.model
    return model.index(model.row_of(release_id), HELD).data()


def conflict_dialogs() -> list[ConflictDialog]:
    return [w for w in QApplication.allWidgets() if isinstance(w, ConflictDialog)]


def test_connect_to_server_opens_what_the_dialog_returns(window, tmp_path, monkeypatch):
    asked = []
    other = str(tmp_path / "other.sqlite3")
    monkeypatch.setattr(team, "ask_server_url",
                        lambda settings, parent, location=None: asked.append(location) or None)
    action = window.team.connect_action
    assert action in window.menu("&File").actions()
    action.trigger()
    assert asked == [None] and window.ctx.location != other  # cancelled: nothing opened
    # A server in the recent list is kept without password: the dialog asks for it again.
    recent = "postgresql+psycopg://ana@db.lan:5433/press"
    assert window.databases.open_recent(recent) is False
    assert asked[-1] == recent
    monkeypatch.setattr(team, "ask_server_url", lambda settings, parent, location=None: other)
    action.trigger()
    assert window.ctx.location == other
    assert window.settings.recent_databases[0] == other


def test_held_by_is_read_once_per_page_and_model_stays_valid(qtbot, ctx):
    ids = add_releases(ctx, [release(f"Release {i}", f"Body number {i}.", "en", "2024-01-02",
                                     path=f"fixture/{i}.txt") for i in range(PAGE_SIZE + 20)])
    assert len(ids) > PAGE_SIZE
    WorkQueueService(ctx.db, "bob").take(ids[:3])
    calls: list[int] = []

    def holds_of(wanted):
        calls.append(len(wanted))
        return ctx.work_queue.holds(wanted)

    model = ReleaseTableModel(ctx.library)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_holds_source(holds_of)
    model.reload()
    assert calls == []  # lazy: nothing read before a row is painted
    cells = {model.release_id(r): model.index(r, HELD).data() for r in range(PAGE_SIZE)}
    assert calls == [PAGE_SIZE]
    assert model.headerData(HELD, Qt.Orientation.Horizontal) == "Held by"
    for rid, text in cells.items():
        assert text == ("bob" if rid in ids[:3] else "")
    model.refresh_holds()
    WorkQueueService(ctx.db, "bob").release()
    assert model.index(0, HELD).data() == ""  # re-read after refresh_holds
    assert len(calls) == 2


def test_take_next_skips_others_holds_and_release_gives_them_back(filled_window, ctx, settings):
    settings.set(REVIEWER, "ana")
    window = filled_window
    ids = sorted(window.model.ids)
    bob = WorkQueueService(ctx.db, "bob")
    bobs = set(bob.take(ids[:2]).extra["taken"])
    assert len(bobs) == 2
    window.team.renew()
    assert {held_by(window, i) for i in bobs} == {"bob"}

    window.team.take_action.trigger()
    first = window.current_release_id()
    assert first not in bobs and held_by(window, first) == "ana"
    assert window.team.take_action.shortcut().toString() == team.TAKE_NEXT_KEY
    window.team.take_action.trigger()
    second = window.current_release_id()
    assert second not in bobs | {first} and held_by(window, second) == "ana"
    assert set(ctx.work_queue.mine()) == {first, second}
    assert ctx.work_queue.reviewer == "ana"  # the name tags are recorded with

    window.team.release_action.trigger()
    assert ctx.work_queue.mine() == []
    assert held_by(window, first) == "" and held_by(window, second) == ""
    assert {held_by(window, i) for i in bobs} == {"bob"}


def test_conflict_dialog_lists_changes_and_reload_refreshes(qtbot, filled_window):
    window = filled_window
    rid = window.model.ids[-1]
    exc = ConflictError("changed", kind="release", record_id=rid, expected_version=1,
                        current_version=2,
                        changes=(FieldChange("review_status", "new", "done"),))
    show_error(window, exc)
    dialog = window.findChild(ConflictDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.rows() == [("review_status", "done", "new")]
    with qtbot.waitSignal(window.changes_applied) as signal:
        dialog.reload_button.click()
    assert rid in signal.args[0].releases
    qtbot.waitUntil(lambda: not conflict_dialogs())


def test_stale_tag_edit_shows_the_conflict_instead_of_overwriting(qtbot, filled_window, ctx,
                                                                   settings, app_paths):
    settings.set(REVIEWER, "ana")
    window = filled_window
    controller = window.annotation
    controller.ask_name = False
    rid = window.current_release_id()
    types = [t.id for t in ctx.annotate.schema().entity_types]
    span, changes = ctx.annotate.create_span(rid, 0, 4, types[0])
    window.refresh(changes)
    controller.reload()
    other = open_context(ctx.db.path, app_paths)  # a colleague on the same database
    try:
        other.annotate.set_span_type(span.id, types[1], expected_version=span.version)
    finally:
        other.close()
    controller.retype_tag(span.id, types[2])
    qtbot.waitUntil(lambda: bool(conflict_dialogs()))
    dialog = conflict_dialogs()[0]
    assert [r[0] for r in dialog.rows()] == ["type_id"]
    assert dialog.rows()[0][1:] == (str(types[1]), str(types[2]))  # theirs, what you saved
    assert next(s for s in ctx.annotate.spans(rid) if s.id == span.id).type_id == types[1]
    dialog.reload_button.click()
    qtbot.waitUntil(lambda: not conflict_dialogs())
    controller.retype_tag(span.id, types[2])  # reloaded: the save now goes through
    assert next(s for s in ctx.annotate.spans(rid) if s.id == span.id).type_id == types[2]


def test_status_change_over_a_colleagues_change_is_refused_then_reload(qtbot, filled_window,
                                                                       ctx, app_paths):
    window = filled_window
    rid = window.current_release_id()
    other = open_context(ctx.db.path, app_paths)  # a colleague marks it done meanwhile
    try:
        other.library.set_status([rid], ReviewStatus.DONE)
    finally:
        other.close()
    depth = window.undo_stack.count()
    window.set_status(ReviewStatus.SKIPPED)
    qtbot.waitUntil(lambda: bool(conflict_dialogs()))
    assert ctx.library.release(rid).review_status is ReviewStatus.DONE  # not overwritten
    assert window.undo_stack.count() == depth  # nothing to undo: nothing happened
    conflict_dialogs()[0].reload_button.click()
    qtbot.waitUntil(lambda: not conflict_dialogs())
    assert window.reader.release.review_status is ReviewStatus.DONE  # their change shown
    window.set_status(ReviewStatus.SKIPPED)  # decided again on the current version
    assert ctx.library.release(rid).review_status is ReviewStatus.SKIPPED
    window.undo_stack.undo()
    assert ctx.library.release(rid).review_status is ReviewStatus.DONE


def test_pair_decision_over_a_colleagues_is_shown_not_overwritten(qtbot, ctx, app_paths):
    store(ctx)
    ctx.dedup.detect()
    panel = DuplicatesPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    try:
        panel.table.selectRow(0)
        pair = panel.model.pair(0)
        other = open_context(None, app_paths)  # a colleague rejects the pair meanwhile
        try:
            other.dedup.decide(pair.id, PairStatus.REJECTED, expected_version=pair.version)
        finally:
            other.close()
        panel.confirm_current()
        qtbot.waitUntil(lambda: bool(conflict_dialogs()))
        dialog = conflict_dialogs()[0]
        assert "status" in [field for field, _theirs, _yours in dialog.rows()]
        assert ctx.dedup.pair(pair.id).status is PairStatus.REJECTED
        dialog.reject()
        qtbot.waitUntil(lambda: not conflict_dialogs())
    finally:
        panel.runner.cancel_all()
        panel.runner.wait_all()


def test_status_change_on_several_rows_keeps_a_colleagues_change(qtbot, filled_window, ctx,
                                                                app_paths):
    window = filled_window
    window.table.selectAll()
    ids = window.selected_release_ids()
    assert len(ids) > 2
    other = open_context(ctx.db.path, app_paths)  # a colleague marks one of them done
    try:
        other.library.set_status([ids[1]], ReviewStatus.DONE)
    finally:
        other.close()
    window.set_status(ReviewStatus.SKIPPED)
    qtbot.waitUntil(lambda: bool(conflict_dialogs()))
    assert ctx.library.release(ids[1]).review_status is ReviewStatus.DONE
    assert ctx.library.release(ids[0]).review_status is ReviewStatus.NEW  # all or nothing
    for dialog in conflict_dialogs():
        dialog.close()
