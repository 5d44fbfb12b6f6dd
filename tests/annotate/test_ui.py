"""The tagging widgets driven like a reviewer: keys, clicks, dialogs, undo and redo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtTest import QAbstractItemModelTester

from desktop_app.domain.enums import ReviewStatus
from desktop_app.ui.annotate.entity_browser import EntityBrowser
from desktop_app.ui.annotate.schema_dialog import SchemaDialog
from desktop_app.ui.annotate.small_dialogs import REVIEWER, CheatSheetDialog
from desktop_app.ui.annotate.workbench import AnnotationWorkbench
from desktop_app.ui.settings import Settings

from .uihelpers import CTRL, SHIFT, clear_selection, press, select_text, shift_select


@pytest.fixture
def settings(tmp_path):
    s = Settings.at_path(tmp_path / "settings.ini")
    s.set(REVIEWER, "Tester")
    return s


@pytest.fixture
def bench(qtbot, ctx, corpus, settings):
    wb = AnnotationWorkbench(ctx, settings)
    wb.controller.ask_name = False
    qtbot.addWidget(wb)
    wb.resize(1000, 600)
    wb.show()
    qtbot.waitExposed(wb)
    wb.view.setFocus()
    return wb


def types(ctx) -> dict[str, int]:
    return {t.name: t.id for t in ctx.annotate.schema().entity_types}


def test_select_text_and_tag_by_key_with_astral_and_turkic(bench, ctx, corpus):
    c, view = bench.controller, bench.view
    c.open_release(corpus["emoji.txt"])
    text = view.text
    start = text.index("Şəki")
    shift_select(view, start, 4)
    assert view.selected_span() == (start, start + 4)
    press(view, "l")
    start = text.index("Алиев")
    shift_select(view, start, 5)
    press(view, "p")
    spans = ctx.annotate.spans(corpus["emoji.txt"])
    assert [(s.text, s.type_id) for s in spans] == [
        ("Şəki", types(ctx)["LOCATION"]), ("Алиев", types(ctx)["PERSON"])]
    assert all(text[s.start:s.end] == s.text for s in spans)
    # each tag is drawn over exactly its characters (UTF-16 positions in the widget)
    drawn = {(view.positions.to_code_point(sel.cursor.selectionStart()),
              view.positions.to_code_point(sel.cursor.selectionEnd()))
             for sel in view.extraSelections()
             if sel.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline}
    assert drawn == {(s.start, s.end) for s in spans}
    assert bench.tags.model.rowCount() == 2
    assert ctx.library.rows([corpus["emoji.txt"]])[corpus["emoji.txt"]].tag_count == 2


def test_click_a_tag_to_retype_then_delete_undo_redo(bench, ctx, corpus, qtbot):
    c, view = bench.controller, bench.view
    c.open_release(corpus["en.txt"])
    select_text(view, "Baku")
    press(view, "p")
    span = ctx.annotate.spans(corpus["en.txt"])[0]
    clear_selection(view)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.point_of(span.start + 1))
    assert c.menu is not None and c.menu.isVisible()
    retype = next(a for a in c.menu.actions() if a.text() == "Change type").menu()
    next(a for a in retype.actions() if a.text().startswith("LOCATION")).trigger()
    c.menu.close()
    assert ctx.annotate.span(span.id).type_id == types(ctx)["LOCATION"]
    press(view, Qt.Key.Key_Delete)
    assert ctx.annotate.spans(corpus["en.txt"]) == []
    press(view, "z", CTRL)
    assert ctx.annotate.span(span.id).type_id == types(ctx)["LOCATION"]
    press(view, "z", CTRL)
    assert ctx.annotate.span(span.id).type_id == types(ctx)["PERSON"]
    press(view, "z", CTRL | SHIFT)
    press(view, "z", CTRL | SHIFT)
    assert ctx.annotate.spans(corpus["en.txt"]) == []


def test_nested_and_overlapping_tags(bench, ctx, corpus):
    c, view = bench.controller, bench.view
    c.open_release(corpus["fr.txt"])
    select_text(view, "Le président Ilham Aliyev")
    press(view, "m")
    select_text(view, "Ilham Aliyev")
    press(view, "p")
    select_text(view, "Aliyev a reçu")
    press(view, "m")
    assert len(ctx.annotate.spans(corpus["fr.txt"])) == 3
    offset = view.text.index("Aliyev") + 1
    assert [s.text for s in view.spans_at(offset)] == [
        "Ilham Aliyev", "Aliyev a reçu", "Le président Ilham Aliyev"]


def test_create_entity_in_one_step_then_link_by_search(bench, ctx, corpus):
    c, view = bench.controller, bench.view
    c.open_release(corpus["fr.txt"])
    select_text(view, "António Vitorino", 1)
    press(view, "K", CTRL | SHIFT)
    fr_span = ctx.annotate.spans(corpus["fr.txt"])[0]
    assert fr_span.entity_id is not None
    entity = ctx.entities.get(fr_span.entity_id)
    assert entity.canonical_name == "António Vitorino"
    # in Azerbaijani, the mention carries a case ending: the search still finds the entity
    c.open_release(corpus["az.txt"])
    select_text(view, "Antonio Vitorinonu")
    press(view, "p")
    seen = {}

    def fill(dialog):
        seen["hits"] = [h.entity.canonical_name for h in dialog.hits]
        dialog.choose(0)
        return True

    c.exec_dialog = fill
    press(view, "k", CTRL)
    assert seen["hits"][0] == "António Vitorino"
    az_span = ctx.annotate.spans(corpus["az.txt"])[0]
    assert az_span.entity_id == entity.id
    mentions = ctx.entities.mentions(entity.id)
    assert {m.language for m in mentions} == {ctx.library.release(corpus["fr.txt"]).language,
                                              ctx.library.release(corpus["az.txt"]).language}
    press(view, "z", CTRL)       # undo the link
    assert ctx.annotate.span(az_span.id).entity_id is None


def test_suggestions_across_scripts_accept_reject_by_key(bench, ctx, corpus):
    c, view = bench.controller, bench.view
    c.open_release(corpus["fr.txt"])
    select_text(view, "António Vitorino", 1)
    press(view, "K", CTRL | SHIFT)
    # Russian release: the alias taught in French is proposed in Cyrillic, nothing is tagged
    c.open_release(corpus["ru.txt"])
    assert [s.text for s in c.suggestions] == ["Антонио Виторино", "Антонио Виторино"]
    assert ctx.annotate.spans(corpus["ru.txt"]) == []
    dotted = [sel for sel in view.extraSelections()
              if sel.format.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine]
    assert len(dotted) == 2
    press(view, "n")
    press(view, "a")
    spans = ctx.annotate.spans(corpus["ru.txt"])
    assert [(s.text, s.entity_id is not None) for s in spans] == [("Антонио Виторино", True)]
    press(view, "n")
    press(view, "r")             # rejected: remembered
    c.open_release(corpus["ru.txt"])
    assert c.suggestions == []
    assert len(ctx.annotate.spans(corpus["ru.txt"])) == 1
    # Azerbaijani, with case endings: accept all at once, then undo and redo
    ctx.entities.create(types(ctx)["PERSON"], "Ilham Aliyev")
    c.open_release(corpus["az.txt"])
    assert [s.text for s in c.suggestions] == ["İlham Əliyev", "Antonio Vitorinonu"]
    press(view, "A")
    made = ctx.annotate.spans(corpus["az.txt"])
    assert [s.text for s in made] == ["İlham Əliyev", "Antonio Vitorinonu"]
    assert all(s.entity_id for s in made)
    press(view, "z", CTRL)
    assert ctx.annotate.spans(corpus["az.txt"]) == []
    press(view, "y", CTRL)
    assert [s.id for s in ctx.annotate.spans(corpus["az.txt"])] == [s.id for s in made]


def test_event_with_trigger_and_roles_undo_redo(bench, ctx, corpus):
    c, view = bench.controller, bench.view
    rid = corpus["fr.txt"]
    c.open_release(rid)
    select_text(view, "Ilham Aliyev")
    press(view, "p")
    host = ctx.annotate.spans(rid)[0]
    guest = ctx.entities.create(types(ctx)["PERSON"], "António Vitorino")
    select_text(view, "reçu")

    def fill(dialog):
        assert dialog.trigger_box.currentText() == "reçu"
        dialog.date_edit.setText("2023-03-01")
        dialog.location_box.setEditText("Bakou")
        dialog.set_participant(dialog.add_participant(), "host", "s", host.id)
        row = dialog.add_participant()
        dialog.entities[guest.id] = guest
        filler = dialog.table.cellWidget(row, 1)
        filler.addItem("entity: António Vitorino", f"e:{guest.id}")
        dialog.set_participant(row, "guest", "e", guest.id)
        dialog._accept()
        return dialog.draft is not None

    c.exec_dialog = fill
    press(view, "1")
    events = ctx.annotate.events(rid)
    assert len(events) == 1
    ev = events[0]
    trigger = ctx.annotate.span(ev.trigger_span_id)
    assert trigger.text == "reçu" and ev.date_iso == "2023-03-01" and ev.location == "Bakou"
    assert [(p.role, p.label) for p in ev.participants] == [
        ("host", "Ilham Aliyev"), ("guest", "António Vitorino")]
    assert bench.events.model.rowCount() == 1
    press(view, "z", CTRL)       # one undo removes the event and its trigger tag
    assert ctx.annotate.events(rid) == [] and len(ctx.annotate.spans(rid)) == 1
    press(view, "z", CTRL | SHIFT)
    again = ctx.annotate.events(rid)
    assert [(e.id, e.trigger_span_id) for e in again] == [(ev.id, ev.trigger_span_id)]
    assert len(again[0].participants) == 2


def test_undo_across_releases_and_navigation(bench, ctx, corpus):
    c, view = bench.controller, bench.view
    order = sorted(corpus.values())
    c.release_order = lambda: order
    c.open_release(order[0])
    select_text(view, view.text.split()[0])
    press(view, "m")
    press(view, "j")
    assert c.release.id == order[1]
    select_text(view, view.text.split()[0])
    press(view, "m")
    press(view, "u")             # next release without tags
    assert c.release.id == order[2]
    press(view, "z", CTRL)
    press(view, "z", CTRL)       # undoing the first tag brings its release back
    assert c.release.id == order[0]
    assert ctx.annotate.spans(order[0]) == [] and ctx.annotate.spans(order[1]) == []
    press(view, "3", CTRL)
    assert ctx.library.rows([order[0]])[order[0]].review_status is ReviewStatus.DONE
    summary = ctx.sessions.summary()
    assert summary.tags_made == 2 and summary.tags_removed == 2
    assert set(summary.releases_touched) == {order[0], order[1]}


def test_reviewer_name_asked_once_and_kept(qtbot, ctx, corpus, tmp_path, monkeypatch):
    settings = Settings.at_path(tmp_path / "fresh.ini")
    asked = []

    def ask(*_args, **_kw):
        asked.append(1)
        return "Ayla Quliyeva", True

    monkeypatch.setattr("desktop_app.ui.annotate.small_dialogs.QInputDialog.getText", ask)
    wb = AnnotationWorkbench(ctx, settings)
    qtbot.addWidget(wb)
    ctx.sessions.log.set_actor(None)
    wb.controller.open_release(corpus["en.txt"])
    for word in ("Baku", "Aliyev"):
        select_text(wb.view, word)
        press(wb.view, "l")
    assert asked == [1]
    assert settings.get(REVIEWER) == "Ayla Quliyeva"
    assert {e.actor for e in ctx.sessions.audit_entries()} == {"Ayla Quliyeva"}


def test_cheat_sheet_lists_every_key(bench, qtbot):
    dialog = bench.controller.show_cheat_sheet()
    qtbot.addWidget(dialog)
    keys = dialog.keys()
    assert set(keys) == {k for _g, k, _d, _h in bench.controller.keymap}
    for needed in ("p", "o", "l", "d", "m", "1", "a", "r", "A", "R", "j", "k", "u", "Ctrl+3",
                   "Ctrl+Z", "F1"):
        assert needed in keys
    press(bench.view, Qt.Key.Key_F1)
    assert isinstance(bench.controller.show_cheat_sheet(), CheatSheetDialog)


def test_models_pass_the_model_tester(bench, ctx, corpus, qtbot):
    c, view = bench.controller, bench.view
    c.open_release(corpus["en.txt"])
    QAbstractItemModelTester(bench.tags.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    QAbstractItemModelTester(bench.events.model,
                             QAbstractItemModelTester.FailureReportingMode.Fatal)
    select_text(view, "Baku")
    press(view, "l")
    ctx.entities.create(types(ctx)["PERSON"], "Ilham Aliyev")
    browser = c.show_entities()
    qtbot.addWidget(browser)
    QAbstractItemModelTester(browser.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    browser.search.setText("Алиев")
    assert browser.model.ids and browser.model.entity(0).canonical_name == "Ilham Aliyev"


def test_entity_browser_merge_and_move_alias_with_undo(bench, ctx, corpus, qtbot):
    c = bench.controller
    p = types(ctx)["PERSON"]
    a = ctx.entities.create(p, "António Vitorino")
    b = ctx.entities.create(p, "Виторино", language="ru")
    browser: EntityBrowser = c.show_entities()
    qtbot.addWidget(browser)
    assert browser.select_entity(b.id)
    browser.merge_into(keep=a.id)
    assert ctx.entities.get(b.id).merged_into == a.id
    assert "Виторино" in {x.alias for x in ctx.entities.get(a.id).aliases}
    c.stack.undo()
    assert ctx.entities.get(b.id).merged_into is None
    browser.reload()
    assert browser.select_entity(b.id)
    browser.aliases.setCurrentRow(0)
    browser.move_alias(to_entity=a.id)
    assert ctx.entities.get(b.id).aliases == ()
    c.stack.undo()
    assert [x.alias for x in ctx.entities.get(b.id).aliases] == ["Виторино"]


def test_schema_dialog_edits_types_and_refuses_reserved_keys(bench, ctx, qtbot):
    dialog = SchemaDialog(ctx.annotate)
    qtbot.addWidget(dialog)
    row = dialog.entity_table.add_row(None, "vehicle", "#00aa00", "v", ())
    assert dialog.save()
    schema = ctx.annotate.schema()
    assert schema.entity_type_for_key("v").name == "VEHICLE"
    dialog = SchemaDialog(ctx.annotate)
    qtbot.addWidget(dialog)
    dialog.entity_table.table.cellWidget(row, 2).setText("a")
    assert not dialog.save()
    assert "used by the tagging flow" in dialog.message.text()
    bench.controller.rebind_keys()
    bench.controller.open_release(ctx.library.list_ids()[0])
    select_text(bench.view, bench.view.text.split()[0])
    press(bench.view, "v")
    assert ctx.annotate.spans(bench.controller.release.id)[0].type_id == schema.entity_type_for_key("v").id


def test_document_level_events_linked_across_language_versions(bench, ctx, corpus):
    c, view = bench.controller, bench.view
    meeting = ctx.annotate.schema().event_types[0]
    made = {}

    def dated(dialog):
        dialog.date_edit.setText("2023-03-01")
        dialog._accept()
        return dialog.draft is not None

    for name in ("fr.txt", "en.txt"):
        c.open_release(corpus[name])
        clear_selection(view)
        c.exec_dialog = dated
        press(view, meeting.shortcut)                        # no selection: whole release
        made[name] = ctx.annotate.events(corpus[name])[0]
        assert made[name].trigger_span_id is None and made[name].date_iso == "2023-03-01"
    # link the English event to the French one from the events panel
    bench.events.select_event(made["en.txt"].id)
    picked = {}

    def choose(dialog):
        picked["n"] = dialog.list.count()
        dialog._accept()
        return True

    c.exec_dialog = choose
    bench.events._link()
    assert picked["n"] == 1                                  # same type, same date
    group = ctx.annotate.event(made["en.txt"].id).event_group
    assert group is not None and ctx.annotate.event(made["fr.txt"].id).event_group == group
    assert bench.events.model.item(0, 3).text() == "2 releases"
    c.stack.undo()
    assert ctx.annotate.event(made["fr.txt"].id).event_group is None


def test_reviewer_can_be_renamed_and_session_summary_shown(bench, ctx, corpus, qtbot, settings):
    c = bench.controller
    c.open_release(corpus["en.txt"])
    select_text(bench.view, "Baku")
    press(bench.view, "l")
    first = ctx.sessions.current_id
    c.change_reviewer("Leyla Məmmədova")
    assert settings.get(REVIEWER) == "Leyla Məmmədova"
    select_text(bench.view, "Aliyev")
    press(bench.view, "p")
    assert ctx.sessions.current_id != first       # a new name starts a new session
    assert ctx.sessions.summary(first).ended_at is not None
    dialog = c.show_session()
    qtbot.addWidget(dialog)
    text = dialog.label.text()
    assert "Leyla Məmmədova" in text and "Tags made: 1" in text and "Releases touched: 1" in text


def test_a_tag_changed_elsewhere_is_not_overwritten(bench, ctx, corpus, app_paths):
    from desktop_app.services.context import open_context

    c, view = bench.controller, bench.view
    c.open_release(corpus["en.txt"])
    select_text(view, "Baku")
    press(view, "p")
    span = ctx.annotate.spans(corpus["en.txt"])[0]
    other = open_context(None, app_paths)            # a second reviewer retypes it meanwhile
    try:
        other.annotate.set_span_type(span.id, types(ctx)["ORGANIZATION"])
    finally:
        other.close()
    c.retype_tag(span.id, types(ctx)["LOCATION"])    # based on the version shown here
    assert c.last_error and "meanwhile" in c.last_error
    assert ctx.annotate.span(span.id).type_id == types(ctx)["ORGANIZATION"]
    c.reload()
    c.retype_tag(span.id, types(ctx)["LOCATION"])    # after a reload it goes through
    assert ctx.annotate.span(span.id).type_id == types(ctx)["LOCATION"]
    c.stack.undo()
    assert ctx.annotate.span(span.id).type_id == types(ctx)["ORGANIZATION"]


def test_right_click_menu_tags_the_selection(bench, ctx, corpus, qtbot):
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    c, view = bench.controller, bench.view
    c.open_release(corpus["ru.txt"])
    start, _end = select_text(view, "Баку")
    pos = view.point_of(start + 1)
    QApplication.sendEvent(view.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, pos, view.viewport().mapToGlobal(pos)))
    assert c.menu is not None
    tag_as = next(a for a in c.menu.actions() if a.text() == "Tag as").menu()
    next(a for a in tag_as.actions() if a.text().startswith("LOCATION")).trigger()
    c.menu.close()
    assert [(s.text, s.type_id) for s in ctx.annotate.spans(corpus["ru.txt"])] == [
        ("Баку", types(ctx)["LOCATION"])]
    # the entity browser opens a mention in its release, selected
    view.select_span(start, start + 4)
    press(view, "K", CTRL | SHIFT)
    c.open_release(corpus["en.txt"])
    browser = c.show_entities()
    qtbot.addWidget(browser)
    browser.search.setText("Baku")
    browser.mentions.setCurrentRow(0)
    browser._open_mention(browser.mentions.currentItem())
    assert c.release.id == corpus["ru.txt"] and view.selected_span() == (start, start + 4)
