"""Team mode in the main window against a real PostgreSQL server: connecting keeps the password
out of the settings, the list shows colleagues' holds, Take next skips them (SKIP LOCKED), and
a save over a colleague's change opens the conflict dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from ui.conftest import MULTILINGUAL, add_releases

from desktop_app.services.context import open_context
from desktop_app.services.work_queue import WorkQueueService
from desktop_app.ui import team
from desktop_app.ui.annotate.small_dialogs import REVIEWER
from desktop_app.ui.conflict_dialog import ConflictDialog
from desktop_app.ui.connect_dialog import ServerConnection
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.release_model import COLUMN_KEYS
from desktop_app.ui.settings import Keys, Settings

HELD = COLUMN_KEYS.index("held")


@pytest.fixture
def settings(tmp_path) -> Settings:
    s = Settings.at_path(tmp_path / "settings" / "test.ini")
    s.set(REVIEWER, "ana")
    return s


@pytest.fixture
def server_window(qtbot, ctx, settings):
    add_releases(ctx, MULTILINGUAL)
    win = MainWindow(ctx, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.annotation.ask_name = False
    yield win
    win.runner.cancel_all()
    win.runner.wait_all()
    win.backups.stop()


def held_by(window, release_id: int) -> str:
    return window.model.index(window.model.row_of(release_id), HELD).data()


def test_connect_to_server_remembers_it_without_the_password(qtbot, pg_url, app_paths,
                                                             settings, monkeypatch, tmp_path):
    local = open_context(tmp_path / "local.sqlite3", app_paths)
    win = MainWindow(local, settings)
    qtbot.addWidget(win)
    try:
        conn = ServerConnection.from_url(pg_url)
        with_password = conn.url("s3cret pass")  # trust auth on the test server ignores it
        monkeypatch.setattr(team, "ask_server_url", lambda s, parent, location=None: with_password)
        assert win.team.connect_to_server() is True
        assert win.ctx.db.engine.dialect.name == "postgresql"
        remembered = [settings.get(Keys.LAST_DATABASE), *settings.recent_databases]
        assert all("s3cret" not in r and "***" not in r for r in remembered)
        assert ServerConnection.from_url(settings.recent_databases[0]) == conn
        settings.sync()
        assert "s3cret" not in Path(settings.store.fileName()).read_text(encoding="utf-8")
    finally:
        win.runner.wait_all()
        win.backups.stop()
        win.ctx.close()


def test_take_next_on_the_server_skips_a_colleagues_holds(server_window, ctx, pg_url,
                                                         app_paths):
    window = server_window
    ids = sorted(window.model.ids)
    colleague = open_context(pg_url, app_paths)
    try:
        bob = WorkQueueService(colleague.db, "bob")
        bobs = set(bob.next(3).extra["held"])
        assert len(bobs) == 3
        window.team.renew()
        assert {held_by(window, i) for i in bobs} == {"bob"}
        taken = []
        for _ in range(len(ids) - len(bobs)):
            window.team.take_action.trigger()
            taken.append(window.current_release_id())
        assert set(taken) == set(ids) - bobs  # every free release once, none of bob's
        assert all(held_by(window, i) == "ana" for i in taken)
        assert window.team.take_next() is None or window.current_release_id() in taken
        assert bob.next(4).extra["taken"] == ()  # nothing left for bob either
        window.team.release_holds()
        assert set(bob.next(4).extra["held"]) == bobs | {taken[0]}
    finally:
        colleague.close()


def test_a_colleagues_tag_change_is_shown_not_overwritten(qtbot, server_window, ctx, pg_url,
                                                          app_paths):
    window, controller = server_window, server_window.annotation
    rid = window.current_release_id()
    types = [t.id for t in ctx.annotate.schema().entity_types]
    span, changes = ctx.annotate.create_span(rid, 0, 4, types[0])
    window.refresh(changes)
    controller.reload()
    colleague = open_context(pg_url, app_paths)
    try:
        colleague.annotate.set_span_type(span.id, types[1], expected_version=span.version)
    finally:
        colleague.close()
    controller.retype_tag(span.id, types[2])

    def dialogs():
        return [w for w in QApplication.allWidgets() if isinstance(w, ConflictDialog)]

    qtbot.waitUntil(lambda: bool(dialogs()))
    assert dialogs()[0].rows() == [("type_id", str(types[1]), str(types[2]))]
    assert ctx.annotate.span(span.id).type_id == types[1]
    dialogs()[0].reload_button.click()
    qtbot.waitUntil(lambda: not dialogs())
    controller.retype_tag(span.id, types[2])
    assert ctx.annotate.span(span.id).type_id == types[2]
