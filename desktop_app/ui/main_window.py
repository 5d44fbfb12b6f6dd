"""The main window: filter bar, lazy release list, reader; menus, import, databases.

Extension points for other panels: `add_dock`, `menu`, `release_changed`, `context_changed`,
`changes_applied`, `refresh(ChangeSet)`, `undo_stack`, `runner`, `reader`, `ctx`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME
from ..domain.changes import ChangeSet
from ..domain.enums import ReviewStatus
from ..domain.errors import NotFoundError, ReleaseReviewError
from ..domain.releases import ReleaseFilter
from ..services.context import AppContext, open_context
from ..workers import ImportTask, TaskRunner
from . import window_state
from .about import about_box
from .annotate.mount import mount_annotation  # tagging (ui/annotate)
from .backup_flow import mount_backups  # integrity check, backups, restore
from .commands import SetStatusCommand
from .database_menu import DatabaseMenu
from .duplicates.mount import mount_duplicates  # versions panel (ui/duplicates)
from .errors import show_error
from .export import mount_export  # export and merge (ui/export)
from .filter_bar import FilterBar
from .import_dialogs import ImportProgressDialog, ImportReportDialog
from .import_flow import ImportFlow
from .reader import ReaderPane
from .release_model import COLUMNS, ID_ROLE, ReleaseTableModel
from .settings import Keys, Settings
from .team import mount_team  # team server: connect, holds, take next, conflict reload

log = logging.getLogger(__name__)

Opener = Callable[[str], AppContext]
TITLE_COLUMN = [c.key for c in COLUMNS].index("title")
STATUS_KEYS = {ReviewStatus.NEW: "Ctrl+1", ReviewStatus.IN_PROGRESS: "Ctrl+2",
               ReviewStatus.DONE: "Ctrl+3", ReviewStatus.SKIPPED: "Ctrl+4"}


class MainWindow(QMainWindow):
    release_changed = Signal(int)      # id of the release in the reader; 0 when none
    context_changed = Signal(object)   # AppContext, after another database was opened
    changes_applied = Signal(object)   # ChangeSet, after the window refreshed for it
    import_finished = Signal(object)   # ImportReport

    def __init__(self, ctx: AppContext, settings: Settings, opener: Opener | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.settings = settings
        self._opener = opener or (lambda target: open_context(target, ctx.paths))
        self.undo_stack = QUndoStack(self)
        self.runner = TaskRunner(self)
        self.imports = ImportFlow(self)
        self._menus: dict[str, QMenu] = {}
        self._current_id = 0
        self.setObjectName("MainWindow")
        self.setAcceptDrops(True)

        self.filter_bar = FilterBar(self)
        self.model = ReleaseTableModel(ctx.library, self)
        self.table = self._build_table()
        self.reader = ReaderPane(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.reader)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.count_label = QLabel(self)
        self.db_label = QLabel(self)
        self.db_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.db_label)

        self._build_menus()
        # Tagging: annotated text in the reader, Tags/Events docks, Annotate menu.
        self.annotation = mount_annotation(self)
        self.duplicates = mount_duplicates(self)  # Versions dock, detection after imports
        self.exports = mount_export(self)  # File ▸ Export…, Import annotations…; Tools ▸ Merge
        self.backups = mount_backups(self)  # check + backup after open, File ▸ Restore…
        self.team = mount_team(self)
        self.imports.busy_changed.connect(self._set_busy)
        self.imports.finished.connect(self.import_finished)
        self.filter_bar.filter_changed.connect(self._filter_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.model.modelReset.connect(self._update_counts)

        self.resize(1280, 800)
        self._shown_once = False
        self._restore_state()
        self._load_context()

    # --- public API for panels and tests -------------------------------------------------

    @property
    def ctx(self) -> AppContext:
        return self._ctx

    def menu(self, title: str) -> QMenu:
        """The top-level menu `title` ('&' ignored), created before Help when missing."""
        key = title.replace("&", "").lower()
        if key not in self._menus:
            menu = QMenu(QCoreApplication.translate("MainWindow", title), self)
            help_menu = self._menus.get("help")
            if help_menu is not None:
                self.menuBar().insertMenu(help_menu.menuAction(), menu)
            else:
                self.menuBar().addMenu(menu)
            self._menus[key] = menu
        return self._menus[key]

    def add_dock(self, widget: QWidget, area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
                 title: str | None = None, name: str | None = None) -> QDockWidget:
        """Mount a panel; its visibility toggle goes into View and its state is remembered."""
        title = title or widget.windowTitle() or "Panel"
        dock = QDockWidget(title, self)
        dock.setObjectName(name or f"dock_{title.lower().replace(' ', '_')}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.menu("&View").addAction(dock.toggleViewAction())
        state = self.settings.get(Keys.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreDockWidget(dock)
        return dock

    def current_release_id(self) -> int | None:
        return self._current_id or None

    def selected_release_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        ids = [self.model.release_id(r) for r in rows]
        chosen = [i for i in ids if i is not None]
        if not chosen and self._current_id:
            chosen = [self._current_id]
        return chosen

    def select_release(self, release_id: int) -> bool:
        row = self.model.row_of(release_id)
        if row is None:
            return False
        self._select_row(row)
        return True

    def refresh(self, changes: ChangeSet) -> None:
        """Bring every view up to date after a mutation; panels hear `changes_applied`."""
        if changes.release_list:
            lib = self._ctx.library
            if not self.filter_bar.set_choices(lib.languages(), lib.sources()):
                self._reload_keeping_current()  # else the new filter already reloaded
        elif changes.releases or changes.annotations:
            self.model.refresh_releases(changes.releases | changes.annotations)  # tag counts
        # Text never changes after import: the reader only refreshes metadata (status…),
        # keeping its scroll position; annotation panels follow `changes_applied`.
        if self._current_id and (self._current_id in changes.releases or changes.release_list):
            self._update_current()
        self._update_counts()
        self.changes_applied.emit(changes)

    def start_import(self, paths: Sequence[Path]) -> ImportTask | None:
        """Import files/folders in the background with a progress dialog and a final report."""
        return self.imports.start(paths)

    @property
    def import_task(self) -> ImportTask | None:
        return self.imports.task

    @property
    def progress_dialog(self) -> ImportProgressDialog | None:
        return self.imports.progress_dialog

    @property
    def report_dialog(self) -> ImportReportDialog | None:
        return self.imports.report_dialog

    def open_database(self, target: str) -> bool:
        """Switch to another database (created when missing); False when it cannot be used."""
        if self.import_task is not None:
            QMessageBox.information(self, APP_NAME,
                                    QCoreApplication.translate("MainWindow", "Wait for the import to finish before opening another database."))
            return False
        try:
            ctx = self._opener(target)
        except ReleaseReviewError as exc:
            show_error(self, exc)
            return False
        old, self._ctx = self._ctx, ctx
        self.undo_stack.clear()
        self.filter_bar.clear(emit=False)
        self.model.set_library(ctx.library)
        self.backups.stop()
        old.close()
        self._load_context()
        self.context_changed.emit(ctx)
        return True

    def shutdown(self) -> None:
        """Stop background work, remember the layout and close the database."""
        self.runner.cancel_all()
        self.runner.wait_all()
        self.backups.stop()
        self._save_state()
        self._ctx.close()

    # --- building ------------------------------------------------------------------------

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("release_list")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        # Fixed row heights and widths: the view never measures 100,000 rows.
        vh = table.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(table.fontMetrics().height() + 6)
        vh.setVisible(False)
        hh = table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setHighlightSections(False)
        hh.setStretchLastSection(False)
        char = table.fontMetrics().averageCharWidth()
        for i, column in enumerate(COLUMNS):
            table.setColumnWidth(i, column.width * char + 12)
        # The title takes the spare width; no column is ever sized from its contents.
        hh.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        hh.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        hh.setSortIndicatorShown(True)
        hh.sortIndicatorChanged.connect(self._sort_changed)
        return table

    def _build_menus(self) -> None:
        file_menu = self.menu("&File")
        self._action(file_menu, QCoreApplication.translate("MainWindow", "&New database…"), lambda: self.databases.new_database(),
                     QKeySequence.StandardKey.New)
        self._action(file_menu, QCoreApplication.translate("MainWindow", "&Open database…"), self.open_database_dialog,
                     QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu(QCoreApplication.translate("MainWindow", "&Recent databases"))
        self.databases = DatabaseMenu(self, self.recent_menu)
        file_menu.addSeparator()
        self.import_action = self._action(file_menu, QCoreApplication.translate("MainWindow", "&Import files…"), self.import_files_dialog,
                                          "Ctrl+I")
        self.import_folder_action = self._action(file_menu, QCoreApplication.translate("MainWindow", "Import &folder…"),
                                                 self.import_folder_dialog, "Ctrl+Shift+I")
        file_menu.addSeparator()
        quit_action = self._action(file_menu, QCoreApplication.translate("MainWindow", "&Quit"), self.close, QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        edit = self.menu("&Edit")
        undo = self.undo_stack.createUndoAction(self, QCoreApplication.translate("MainWindow", "&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, QCoreApplication.translate("MainWindow", "&Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit.addActions([undo, redo])
        edit.addSeparator()
        self._action(edit, QCoreApplication.translate("MainWindow", "&Find…"), self.filter_bar.focus_search, QKeySequence.StandardKey.Find)
        self._action(edit, QCoreApplication.translate("MainWindow", "Clear &filters"), self.filter_bar.clear, "Ctrl+Shift+L")

        self.menu("&View")

        review = self.menu("&Review")
        self.status_actions: dict[ReviewStatus, QAction] = {}
        for status, key in STATUS_KEYS.items():
            self.status_actions[status] = self._action(
                review, QCoreApplication.translate("MainWindow", "Mark {label}").format(label=QCoreApplication.translate("ReviewStatus", status.label)), lambda s=status: self.set_status(s), key)
        # The same review actions on a right click in the list.
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addActions(list(self.status_actions.values()))
        review.addSeparator()
        nxt = self._action(review, QCoreApplication.translate("MainWindow", "&Next release"), lambda: self.move_current(1), "J")
        nxt.setShortcuts([QKeySequence("J"), QKeySequence("Ctrl+Down")])
        prev = self._action(review, QCoreApplication.translate("MainWindow", "&Previous release"), lambda: self.move_current(-1), "K")
        prev.setShortcuts([QKeySequence("K"), QKeySequence("Ctrl+Up")])
        self._action(review, QCoreApplication.translate("MainWindow", "Go to the &list"), lambda: self.table.setFocus(), "Ctrl+L")
        self._action(review, QCoreApplication.translate("MainWindow", "Go to the &text"), lambda: self.reader.text_edit.setFocus(),
                     "Ctrl+R")

        help_menu = QMenu(QCoreApplication.translate("MainWindow", "&Help"), self)
        self.menuBar().addMenu(help_menu)
        self._menus["help"] = help_menu
        about = self._action(help_menu, QCoreApplication.translate("MainWindow", "&About Release Review"),
                             lambda: about_box(self, self._ctx.location,
                                               self._ctx.paths.log_dir).exec())
        about.setMenuRole(QAction.MenuRole.AboutRole)

    def _action(self, menu: QMenu, text: str, slot: Callable[[], object],
                shortcut: str | QKeySequence | QKeySequence.StandardKey | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        self.addAction(action)  # shortcuts work while the menu bar is hidden too
        return action

    # --- list, reader, review -------------------------------------------------------------

    def set_status(self, status: ReviewStatus) -> None:
        ids = self.selected_release_ids()
        # The versions the reviewer is looking at: a colleague's change is not overwritten.
        shown = self.reader.release
        if shown is not None and ids == [shown.id]:
            seen = {shown.id: shown.version}
        else:
            rows = self.model.cached_rows(ids)
            seen = {rid: row.version for rid, row in rows.items() if row.version} or None
        if ids:
            self.undo_stack.push(SetStatusCommand(self._ctx.library, ids, status, self.refresh,
                                                  seen))

    def move_current(self, step: int) -> None:
        rows = self.model.rowCount()
        if not rows:
            return
        current = self.table.currentIndex().row()
        target = 0 if current < 0 else max(0, min(rows - 1, current + step))
        self._select_row(target)

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        rid = current.data(ID_ROLE) if current.isValid() else None
        if rid is None:
            self._current_id = 0
            self.reader.show_release(None)
            self.release_changed.emit(0)
            return
        if rid != self._current_id:
            self._show_release(rid)

    def _show_release(self, rid: int, emit: bool = True) -> None:
        try:
            release = self._ctx.library.release(rid)
        except NotFoundError:
            release = None
        except ReleaseReviewError as exc:
            self.statusBar().showMessage(str(exc), 8000)
            return
        self._current_id = release.id if release else 0
        self.reader.show_release(release, self.model.release_filter.search)
        if emit:
            self.release_changed.emit(self._current_id)

    def _update_current(self) -> None:
        try:
            release = self._ctx.library.release(self._current_id)
        except NotFoundError:
            self._show_release(self._current_id)
            return
        except ReleaseReviewError as exc:
            self.statusBar().showMessage(str(exc), 8000)
            return
        self.reader.update_release(release)

    def _filter_changed(self, flt: ReleaseFilter) -> None:
        if self._query(lambda: self.model.set_filter(flt)):
            self.reader.set_query(flt.search)
            self._restore_current()

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        if self._query(lambda: self.model.sort(column, order)):
            self._restore_current()

    def _reload_keeping_current(self) -> None:
        self._query(self.model.reload)
        self._restore_current()

    def _query(self, run: Callable[[], None]) -> bool:
        """Run a list query with a busy cursor; a storage error goes to the status bar."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            run()
        except ReleaseReviewError as exc:
            self.statusBar().showMessage(str(exc), 8000)
            return False
        finally:
            QApplication.restoreOverrideCursor()
        return True

    def _restore_current(self) -> None:
        """After a reload, keep the same release current, else the first one."""
        row = self.model.row_of(self._current_id) if self._current_id else None
        if row is None and self.model.rowCount():
            row = 0
        if row is not None:
            self._select_row(row)
        else:
            self._current_row_changed(QModelIndex(), QModelIndex())

    def _update_counts(self) -> None:
        shown = self.model.rowCount()
        try:
            total = self._ctx.library.count()
        except ReleaseReviewError:
            total = shown
        text = (QCoreApplication.translate("MainWindow", "{shown:,} releases").format(shown=shown) if shown == total
                else QCoreApplication.translate("MainWindow", "{shown:,} of {total:,} releases").format(shown=shown, total=total))
        self.count_label.setText(text)

    # --- databases --------------------------------------------------------------------------

    def _load_context(self) -> None:
        lib = self._ctx.library
        if not self.filter_bar.set_choices(lib.languages(), lib.sources()):
            self.model.reload()
        self._current_id = 0
        self._restore_current()
        location = self._ctx.location
        self.db_label.setText(location)
        self.setWindowTitle(f"{Path(location).name} — {APP_NAME}")
        self.settings.remember_database(location)

    def open_database_dialog(self) -> None:
        self.databases.open_dialog()

    def import_files_dialog(self) -> None:
        self.imports.choose_files()

    def import_folder_dialog(self) -> None:
        self.imports.choose_folder()

    def _set_busy(self, busy: bool) -> None:
        for action in (self.import_action, self.import_folder_action):
            action.setEnabled(not busy)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.start_import(paths)

    # --- state ----------------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            if self.settings.get(Keys.WINDOW_STATE).isEmpty():
                window_state.default_dock_sizes(self)

    def _restore_state(self) -> None:
        window_state.restore(self)

    def _save_state(self) -> None:
        window_state.save(self)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.import_task is not None:
            answer = QMessageBox.question(
                self, APP_NAME, QCoreApplication.translate("MainWindow", "An import is running. Stop it and quit? Files imported so far "
                "are kept; importing the same files again completes it."))
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            self.runner.cancel_all()
            self.runner.wait_all()
        self._save_state()
        super().closeEvent(event)
