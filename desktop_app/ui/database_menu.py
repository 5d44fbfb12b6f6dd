"""File ▸ New database…, Open database…, Recent databases."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from .. import APP_NAME
from .connect_dialog import ServerConnection
from .settings import Keys

if TYPE_CHECKING:
    from .main_window import MainWindow

DB_FILTER = "Release Review databases (*.sqlite3 *.sqlite *.db);;All files (*)"


class DatabaseMenu(QObject):
    def __init__(self, window: MainWindow, recent_menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.recent_menu = recent_menu
        recent_menu.aboutToShow.connect(self.fill_recent)

    def _start_folder(self) -> str:
        w = self.window
        return w.settings.get(Keys.LAST_DATABASE_FOLDER) or str(w.ctx.paths.data_dir)

    def new_database(self) -> None:
        w = self.window
        path, _ = QFileDialog.getSaveFileName(
            w, QCoreApplication.translate("DatabaseMenu", "New database"), str(Path(self._start_folder()) / "releases.sqlite3"), DB_FILTER)
        if not path:
            return
        if Path(path).exists():
            QMessageBox.warning(w, APP_NAME, QCoreApplication.translate("DatabaseMenu", "{path} already exists; use Open database.").format(path=path))
            return
        w.settings.set(Keys.LAST_DATABASE_FOLDER, str(Path(path).parent))
        w.open_database(path)

    def open_dialog(self) -> None:
        w = self.window
        path, _ = QFileDialog.getOpenFileName(w, QCoreApplication.translate("DatabaseMenu", "Open database"), self._start_folder(), DB_FILTER)
        if path:
            w.settings.set(Keys.LAST_DATABASE_FOLDER, str(Path(path).parent))
            w.open_database(path)

    def fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.window.settings.recent_databases
        for location in recent:
            action = self.recent_menu.addAction(location)
            action.triggered.connect(lambda _c=False, loc=location: self.open_recent(loc))
        if not recent:
            self.recent_menu.addAction(QCoreApplication.translate("DatabaseMenu", "(none)")).setEnabled(False)

    def open_recent(self, location: str) -> bool:
        w = self.window
        if ServerConnection.from_url(location) is not None:  # kept without its password
            return w.team.connect_to_server(location)
        if "://" not in location and not Path(location).exists():
            QMessageBox.warning(w, APP_NAME, QCoreApplication.translate("DatabaseMenu", "{location} no longer exists.").format(location=location))
            w.settings.forget_database(location)
            return False
        return w.open_database(location)
