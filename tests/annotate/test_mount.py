"""The tagging pieces mounted in the main window: tag in the reader, the list follows."""

from __future__ import annotations

from desktop_app.ui.annotate.small_dialogs import REVIEWER
from desktop_app.ui.annotate.view import AnnotatedTextView
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.settings import Settings

from .uihelpers import CTRL, press, select_text


def test_tagging_in_the_main_window(qtbot, ctx, corpus, tmp_path):
    settings = Settings.at_path(tmp_path / "win.ini")
    settings.set(REVIEWER, "Tester")
    win = MainWindow(ctx, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    view = win.reader.text_edit
    assert isinstance(view, AnnotatedTextView)
    c = win.annotation
    rid = corpus["az.txt"]
    assert win.select_release(rid)
    qtbot.waitUntil(lambda: c.release is not None and c.release.id == rid)
    view.setFocus()
    select_text(view, "İlham Əliyev")
    press(view, "p")
    spans = ctx.annotate.spans(rid)
    assert [s.text for s in spans] == ["İlham Əliyev"]
    assert c.tags.model.rowCount() == 1
    row = win.model.row_of(rid)
    qtbot.waitUntil(lambda: win.model.release_row(row).tag_count == 1)
    last = row == win.model.rowCount() - 1
    press(view, "k" if last else "j")     # next (or previous) release, through the list
    qtbot.waitUntil(lambda: c.release.id != rid)
    assert win.current_release_id() == c.release.id
    press(view, "z", CTRL)                # undo across releases: back to the tagged one
    assert ctx.annotate.spans(rid) == []
    assert win.current_release_id() == rid and c.release.id == rid
    assert "Annotate" in [a.text().replace("&", "") for a in win.menuBar().actions()]
