"""Drive the real main window: import through the worker, filter, search, read, review."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDockWidget, QLabel

from desktop_app.domain.enums import ReviewStatus
from desktop_app.domain.errors import SchemaTooNewError
from desktop_app.ui import main_window as main_window_module
from desktop_app.ui.reader import SEARCH_LAYER
from desktop_app.ui.release_model import COLUMNS

from .conftest import add_releases, release, type_text


def write_folder(root: Path, count: int) -> Path:
    folder = root / "incoming"
    (folder / "nested").mkdir(parents=True)
    langs = [("Bakıda yeni məktəb açıldı", "Məktəbdə 600 şagird təhsil alacaq."),
             ("Ouverture d'une école à Bakou", "L'école accueillera 600 élèves."),
             ("В Баку открылась новая школа", "В школе будут учиться 600 учеников."),
             ("New school opens in Baku", "The school will teach 600 pupils.")]
    for i in range(count):
        title, body = langs[i % 4]
        sub = folder / "nested" if i % 2 else folder
        (sub / f"release_{i:03d}.txt").write_text(f"{title} #{i}\n\n{body} Number {i}.\n",
                                                 encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 binary")
    (folder / "empty.txt").write_bytes(b"")
    return folder


def rows_shown(window) -> int:
    return window.model.rowCount()


def test_import_a_folder_through_the_worker(qtbot, window, tmp_path) -> None:
    folder = write_folder(tmp_path, 8)
    progress = []
    with qtbot.waitSignal(window.import_finished, timeout=30000) as blocker:
        task = window.start_import([folder])
        task.progress.connect(lambda d, t, m: progress.append((d, t)))
        assert window.progress_dialog is not None and window.progress_dialog.isVisible()
        assert not window.import_action.isEnabled()
    report = blocker.args[0]
    assert report.imported_releases == 8
    assert {Path(f.path).name for f in report.problems} == {"broken.txt", "empty.txt"}
    assert rows_shown(window) == 8
    assert window.import_action.isEnabled()
    assert window.progress_dialog is None
    dialog = window.report_dialog
    assert dialog is not None and dialog.isVisible()
    assert "8 releases imported" in dialog.summary_label.text()
    assert dialog.problems_view.model().rowCount() == 2
    assert window.count_label.text() == "8 releases"
    # Importing the same folder again changes nothing.
    with qtbot.waitSignal(window.import_finished, timeout=30000) as again:
        window.start_import([folder])
    assert again.args[0].imported_releases == 0
    assert rows_shown(window) == 8


def test_cancelled_import_is_completed_by_importing_again(qtbot, window, tmp_path) -> None:
    folder = write_folder(tmp_path, 120)
    with qtbot.waitSignal(window.import_finished, timeout=30000) as blocker:
        window.start_import([folder])
        window.progress_dialog.cancel_button.click()
    first = blocker.args[0]
    assert first.cancelled
    assert rows_shown(window) == first.imported_releases < 120
    with qtbot.waitSignal(window.import_finished, timeout=30000):
        window.start_import([folder])
    assert rows_shown(window) == 120


def test_filter_by_language_and_status(qtbot, filled_window) -> None:
    w = filled_window
    combo = w.filter_bar.language
    assert [combo.itemData(i) for i in range(1, combo.count())] == ["az", "en", "fr", "ru"]
    combo.setCurrentIndex(combo.findData("az"))
    assert rows_shown(w) == 2
    lang_col = [c.key for c in COLUMNS].index("language")
    assert {w.model.index(r, lang_col).data() for r in range(2)} == {"az"}
    assert w.count_label.text() == "2 of 6 releases"
    status = w.filter_bar.status
    status.setCurrentIndex(status.findData(ReviewStatus.DONE.value))
    assert rows_shown(w) == 0
    w.filter_bar.clear()
    assert rows_shown(w) == 6


def test_date_range_and_source_filters(qtbot, filled_window) -> None:
    w = filled_window
    type_text(w.filter_bar.date_from, "2024-03-08")
    qtbot.waitUntil(lambda: rows_shown(w) == 3)  # 03-08, 2024-06 and 06-22
    type_text(w.filter_bar.date_to, "2024-06")
    qtbot.waitUntil(lambda: rows_shown(w) == 3)  # a month bound takes the whole month
    w.filter_bar.clear()
    source = w.filter_bar.source
    source.setCurrentIndex(source.findData("AZERTAC"))
    assert rows_shown(w) == 3


def test_search_typed_in_cyrillic_finds_every_script_and_highlights(qtbot, filled_window) -> None:
    w = filled_window
    w.filter_bar.focus_search()
    type_text(w.filter_bar.search, "Виторино")
    qtbot.waitUntil(lambda: rows_shown(w) == 4, timeout=3000)
    reader = w.reader
    qtbot.waitUntil(lambda: reader.release is not None)
    text = reader.release.text
    hits = reader.highlight_ranges(SEARCH_LAYER)
    assert hits
    for start, end in hits:
        assert text[start:end] in ("Vitorino", "Виторино")
    assert "search hit" in reader.hits_label.text()


def test_search_accepts_any_text_without_errors(qtbot, filled_window) -> None:
    w = filled_window
    for query in ['"', 'NEAR(a b) OR *', "əliyev", "aliyev", "🙂", "' ; DROP TABLE releases; --"]:
        w.filter_bar.search.setText(query)
        w.filter_bar.search.returnPressed.emit()
    assert rows_shown(w) == 0
    w.filter_bar.search.setText("aliyev")
    w.filter_bar.search.returnPressed.emit()
    assert rows_shown(w) == 1
    assert w.reader.release.language == "az"
    start, end = w.reader.highlight_ranges(SEARCH_LAYER)[0]
    assert w.reader.release.text[start:end] == "Əliyev"


def test_open_a_release_shows_metadata_and_text(qtbot, filled_window) -> None:
    w = filled_window
    row = next(r for r in range(rows_shown(w)) if w.model.release_row(r).language == "ru")
    rid = w.model.release_id(row)
    with qtbot.waitSignal(w.release_changed) as blocker:
        w.table.selectRow(row)
    assert blocker.args == [rid]
    r = w.reader
    assert r.title_label.text() == "В Баку открылся водный форум"
    assert r.meta_labels["date"].text() == "2024-03-07"
    assert r.meta_labels["language"].text().startswith("Russian (ru)")
    assert r.meta_labels["source"].text() == "Baku Novosti"
    assert r.text_edit.toPlainText() == r.release.text
    assert w.current_release_id() == rid
    # The title is bold, the body is not, also after moving on to another release.
    w.move_current(1)
    w.move_current(-1)
    cursor = r.cursor_for(1, 2)
    assert cursor.charFormat().fontWeight() == QFont.Weight.Bold
    cursor = r.cursor_for(r.release.body_offset + 1, r.release.body_offset + 2)
    assert cursor.charFormat().fontWeight() != QFont.Weight.Bold


def test_markup_title_is_shown_literally(qtbot, ctx, settings) -> None:
    from desktop_app.ui.main_window import MainWindow

    add_releases(ctx, [release("<b>x</b> <img src=y>", "<script>alert(1)</script> body", "en")])
    w = MainWindow(ctx, settings)
    qtbot.addWidget(w)
    r = w.reader
    assert r.title_label.textFormat() == Qt.TextFormat.PlainText
    assert r.title_label.text() == "<b>x</b> <img src=y>"
    assert r.text_edit.toPlainText().startswith("<b>x</b> <img src=y>\n\n<script>")
    for label in w.findChildren(QLabel):
        if label.text() and "<" in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()


def test_status_by_keyboard_with_undo(qtbot, filled_window, ctx) -> None:
    w = filled_window
    w.table.setFocus()
    w.table.selectRow(1)
    rid = w.model.release_id(1)
    qtbot.keyClick(w.table, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert ctx.library.release(rid).review_status is ReviewStatus.DONE
    status_col = [c.key for c in COLUMNS].index("status")
    assert w.model.index(1, status_col).data() == "done"
    assert w.reader.meta_labels["status"].text() == "done"
    assert w.reader.release.review_status is ReviewStatus.DONE
    qtbot.keyClick(w.table, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert ctx.library.release(rid).review_status is ReviewStatus.IN_PROGRESS
    qtbot.keyClick(w.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ctx.library.release(rid).review_status is ReviewStatus.DONE
    w.undo_stack.undo()
    assert ctx.library.release(rid).review_status is ReviewStatus.NEW
    # Several selected releases at once.
    w.table.selectAll()
    qtbot.keyClick(w.table, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert all(row.review_status is ReviewStatus.SKIPPED
               for row in ctx.library.rows(w.model.ids).values())


def test_keyboard_navigation(qtbot, filled_window) -> None:
    w = filled_window
    w.table.setFocus()
    assert w.table.currentIndex().row() == 0
    qtbot.keyClick(w.table, Qt.Key.Key_J)
    assert w.table.currentIndex().row() == 1
    qtbot.keyClick(w.table, Qt.Key.Key_Down)
    assert w.table.currentIndex().row() == 2
    qtbot.keyClick(w.table, Qt.Key.Key_K)
    assert w.table.currentIndex().row() == 1
    w.reader.text_edit.setFocus()
    qtbot.keyClick(w.reader.text_edit, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert w.table.currentIndex().row() == 2
    assert w.reader.release.id == w.model.release_id(2)
    # Letters typed into the search box are text, not navigation.
    w.filter_bar.search.setFocus()
    qtbot.keyClick(w.filter_bar.search, Qt.Key.Key_J)
    assert w.filter_bar.search.text() == "j"
    assert w.table.currentIndex().row() == 2


def test_extension_api(qtbot, filled_window) -> None:
    w = filled_window
    tools = w.menu("&Tools")
    assert w.menu("Tools") is tools
    titles = [a.text() for a in w.menuBar().actions()]
    assert titles.index("&Tools") == titles.index("&Help") - 1
    dock = w.add_dock(QLabel("panel"), title="Duplicates")
    assert isinstance(dock, QDockWidget) and dock.objectName() == "dock_duplicates"
    assert dock.toggleViewAction() in w.menu("View").actions()


def test_schema_too_new_is_shown_in_plain_words(qtbot, filled_window, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(main_window_module, "show_error", lambda parent, exc: shown.append(exc))

    def opener(target):
        raise SchemaTooNewError("This database was written by a newer version of Release Review.")

    w = filled_window
    w._opener = opener
    before = w.ctx
    assert not w.open_database("/elsewhere/newer.sqlite3")
    assert isinstance(shown[0], SchemaTooNewError)
    assert w.ctx is before and rows_shown(w) == 6


def test_open_another_database_and_recent_list(qtbot, filled_window, tmp_path, settings) -> None:
    w = filled_window
    first = w.ctx.location
    other = tmp_path / "other.sqlite3"
    with qtbot.waitSignal(w.context_changed):
        assert w.open_database(str(other))
    assert rows_shown(w) == 0 and w.reader.release is None
    assert settings.recent_databases[:2] == [str(other), first]
    assert w.open_database(first)
    assert rows_shown(w) == 6


def test_reader_accepts_another_text_widget(qtbot, filled_window) -> None:
    from PySide6.QtWidgets import QPlainTextEdit

    w = filled_window
    w.filter_bar.search.setText("Vitorino")
    w.filter_bar.search.returnPressed.emit()
    replacement = QPlainTextEdit()
    w.reader.set_text_widget(replacement)
    assert w.reader.text_edit is replacement and replacement.isReadOnly()
    assert replacement.toPlainText() == w.reader.release.text
    assert replacement.extraSelections()  # the search layer moved along
    start, end = w.reader.highlight_ranges(SEARCH_LAYER)[0]
    assert w.reader.release.text[start:end] in ("Vitorino", "Виторино")


def test_recent_menu_lists_and_forgets_missing_databases(qtbot, filled_window, tmp_path,
                                                         settings, monkeypatch) -> None:
    from desktop_app.ui import database_menu

    w = filled_window
    gone = str(tmp_path / "gone.sqlite3")
    settings.remember_database(gone)
    w.databases.fill_recent()
    assert [a.text() for a in w.recent_menu.actions()][0] == gone
    warned = []
    monkeypatch.setattr(database_menu.QMessageBox, "warning",
                        lambda *args: warned.append(args[2]))
    assert not w.databases.open_recent(gone)
    assert warned and gone not in settings.recent_databases
    assert w.ctx.location in settings.recent_databases


def test_status_change_keeps_the_reading_position(qtbot, ctx, settings) -> None:
    from desktop_app.ui.main_window import MainWindow

    add_releases(ctx, [release("Long", "\n\n".join(f"Paragraph {i} of a long text." * 3
                                                   for i in range(400)), "en")])
    w = MainWindow(ctx, settings)
    qtbot.addWidget(w)
    w.show()
    bar = w.reader.text_edit.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    before = bar.value()
    w.set_status(ReviewStatus.DONE)
    assert w.reader.meta_labels["status"].text() == "done"
    assert bar.value() == before


def test_import_runs_off_the_gui_thread_and_the_window_keeps_working(qtbot, window,
                                                                     tmp_path) -> None:
    from PySide6.QtCore import QThread, QTimer
    from PySide6.QtWidgets import QApplication

    folder = write_folder(tmp_path, 200)
    threads, ticks = set(), []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))
    with qtbot.waitSignal(window.import_finished, timeout=60000):
        task = window.start_import([folder])
        task.progress.connect(lambda *a: threads.add(QThread.currentThread()),
                              Qt.ConnectionType.DirectConnection)
        timer.start()
        window.filter_bar.search.setText("school")  # the GUI answers while importing
    timer.stop()
    gui = QApplication.instance().thread()
    assert threads and gui not in threads
    assert len(ticks) >= 3
    assert window.progress_dialog is None and window.model.rowCount() >= 1
