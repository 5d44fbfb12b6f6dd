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
    parser.add_argument("--self-test", action="store_true",
                        help="open the main window offscreen, check fonts, SQLite and FTS5")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(sys.argv[1:] if argv is None else list(argv))
    if args.self_test:
        from . import app_selftest

        return app_selftest.run(args)

    from PySide6.QtWidgets import QApplication

    from .services.logging_setup import setup_logging
    from .ui.errors import error_box, install_excepthook, set_log_path
    from .ui.main_window import MainWindow
    from .ui.resources import app_icon
    from .ui.settings import Settings

    paths = AppPaths.resolve(args.data_dir)
    logs = setup_logging(paths)
    set_log_path(logs.log_file)

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    install_excepthook()

    try:
        ctx = open_context(args.db, paths)
    except ReleaseReviewError as exc:
        log.warning("cannot open %s: %s", args.db or paths.default_database, exc)
        error_box(None, exc).exec()
        return 2
    window = MainWindow(ctx, Settings(), opener=lambda target: open_context(target, paths))
    window.show()
    try:
        return app.exec()
    finally:
        window.shutdown()


if __name__ == "__main__":
    sys.exit(main())
