"""Composition root of the GUI: paths, logging, database, services, main window."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from . import APP_NAME, ORG_NAME, __version__
from .domain.errors import ReleaseReviewError
from .services.context import open_context
from .services.paths import AppPaths

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="release-review",
                                     description="Review multilingual press releases.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", metavar="URL_OR_PATH",
                        help="database file or URL (default: the embedded database)")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="folder for the default database, backups and logs")
    parser.add_argument("database", nargs="?", metavar="FILE",
                        help="database file to open, as the desktop menu entry passes it")
    parser.add_argument("--self-test", action="store_true",
                        help="open the main window offscreen, check fonts, SQLite and FTS5")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(sys.argv[1:] if argv is None else list(argv))
    if args.self_test:
        from . import app_selftest

        return app_selftest.run(args)

    from PySide6.QtWidgets import QApplication

    from .services.logging_setup import first_window_shown, setup_logging
    from .services.resources import APP_ID
    from .ui.errors import error_box, install_excepthook, set_log_path
    from .ui.extras import install_extras
    from .ui.i18n import setup_language
    from .ui.main_window import MainWindow
    from .ui.palette import ThemeManager
    from .ui.resources import app_icon
    from .ui.settings import Settings
    from .ui.welcome import should_welcome

    paths = AppPaths.resolve(args.data_dir)
    logs = setup_logging(paths)
    set_log_path(logs.log_file)

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)  # Wayland app id: matches the .desktop file
    app.setWindowIcon(app_icon())
    install_excepthook()

    target = args.db or args.database
    try:
        ctx = open_context(target, paths)
    except ReleaseReviewError as exc:
        log.warning("cannot open %s: %s", target or paths.default_database, exc)
        error_box(None, exc).exec()
        return 2
    # An explicit data folder (tests, portable use) keeps its settings beside the data.
    settings = Settings.at_path(paths.data_dir / "settings.ini") if args.data_dir else Settings()
    setup_language(app, settings)
    themes = ThemeManager(app)
    themes.apply_saved(settings)
    window = MainWindow(ctx, settings, opener=lambda target: open_context(target, paths))
    install_extras(window, settings, themes)
    window.show()
    app.processEvents()  # painted before anything is asked; the start-up time is taken here
    if first_window_shown():  # RELEASE_REVIEW_STARTUP_PROBE: measuring start-up only
        window.shutdown()
        return 0
    if should_welcome(ctx.library.count()):
        offer_start(window, settings)
    try:
        return app.exec()
    finally:
        window.shutdown()


def offer_start(window, settings) -> None:  # noqa: ANN001 - MainWindow, Settings
    """First run on an empty database: import a folder, open a database or try the demo."""
    from .services.resources import demo_corpus_dir
    from .ui import welcome

    dialog = welcome.WelcomeDialog(settings, window)
    dialog.exec()
    if dialog.choice == welcome.IMPORT_FOLDER:
        window.import_folder_dialog()
    elif dialog.choice == welcome.OPEN_DATABASE:
        window.open_database_dialog()
    elif dialog.choice == welcome.DEMO:
        window.start_import([demo_corpus_dir()])


if __name__ == "__main__":
    sys.exit(main())
