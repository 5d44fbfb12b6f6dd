"""Menu entries around the main window: Preferences, the demo corpus, the welcome screen.

Added by the composition root (app.py), so the main window itself stays about reading and
reviewing.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from ..services.resources import demo_corpus_dir
from .palette import ThemeManager
from .preferences import PreferencesDialog
from .settings import Settings
from .welcome import DEMO, IMPORT_FOLDER, OPEN_DATABASE, WelcomeDialog

log = logging.getLogger(__name__)


def import_demo(window) -> None:  # noqa: ANN001 - MainWindow (imported lazily by app.py)
    folder = demo_corpus_dir()
    if not folder.is_dir():
        log.warning("demo corpus missing at %s", folder)
        window.statusBar().showMessage(
            QCoreApplication.translate("AppExtras", "The demo corpus is not installed."), 8000)
        return
    window.start_import([folder])


def run_choice(window, choice: str) -> None:  # noqa: ANN001
    if choice == IMPORT_FOLDER:
        window.import_folder_dialog()
    elif choice == OPEN_DATABASE:
        window.open_database_dialog()
    elif choice == DEMO:
        import_demo(window)


def install_extras(window: QMainWindow, settings: Settings, themes: ThemeManager) -> None:
    """Edit ▸ Preferences… and Help ▸ Try the demo corpus / Welcome screen."""
    prefs = QAction(QCoreApplication.translate("AppExtras", "&Preferences…"), window)
    prefs.setMenuRole(QAction.MenuRole.PreferencesRole)
    prefs.setShortcut("Ctrl+,")
    prefs.triggered.connect(lambda: PreferencesDialog(settings, themes, window).exec())
    edit = window.menu("&Edit")
    edit.addSeparator()
    edit.addAction(prefs)
    window.addAction(prefs)

    help_menu = window.menu("&Help")
    first = help_menu.actions()[0] if help_menu.actions() else None
    demo = QAction(QCoreApplication.translate("AppExtras", "Try the &demo corpus"), window)
    demo.triggered.connect(lambda: import_demo(window))
    welcome = QAction(QCoreApplication.translate("AppExtras", "&Welcome screen…"), window)
    welcome.triggered.connect(lambda: _show_welcome(window, settings))
    help_menu.insertActions(first, [welcome, demo])
    if first is not None:
        help_menu.insertSeparator(first)


def _show_welcome(window, settings: Settings) -> None:  # noqa: ANN001
    dialog = WelcomeDialog(settings, window)
    dialog.chosen.connect(lambda choice: run_choice(window, choice))
    dialog.open()
