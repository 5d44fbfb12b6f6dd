"""`release-review-cli self-test` / `release-review --self-test`: can this machine run the app?

Checks, each printed on its own line: SQLite version, fonts, a real import and FTS5 search
across scripts on a throw-away database, and the main window opened offscreen over it.
Exit status 0 when every check passes, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

from .domain.releases import ReleaseFilter
from .services.context import AppContext, open_context
from .services.paths import AppPaths

MIN_SQLITE = (3, 35, 0)  # RETURNING, used by the importer
SAMPLE = "Əliyev met Виторино in Bakı 🙂\n\nThe minister İlham Əliyev received Марта Виторино.\n"


class SelfTest:
    def __init__(self) -> None:
        self.failures = 0

    def check(self, name: str, fn: Callable[[], str]) -> None:
        try:
            detail = fn()
        except Exception as exc:  # every failure is reported, not raised
            self.failures += 1
            print(f"FAIL  {name}: {type(exc).__name__}: {exc}")
            if os.environ.get("RELEASE_REVIEW_DEBUG"):
                traceback.print_exc()
        else:
            print(f"ok    {name}: {detail}")


def run(args: argparse.Namespace) -> int:
    if "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["release-review-self-test"])
    test = SelfTest()
    test.check("SQLite", _sqlite_version)
    test.check("fonts", _fonts)
    with tempfile.TemporaryDirectory(prefix="release-review-selftest-") as tmp:
        root = Path(tmp)
        holder: dict[str, AppContext] = {}
        try:
            test.check("database and FTS5 search", lambda: _database(root, holder))
            if "ctx" in holder:
                test.check("main window", lambda: _main_window(app, root, holder["ctx"]))
        finally:
            if "ctx" in holder:
                holder["ctx"].close()
    where = AppPaths.resolve(getattr(args, "data_dir", None))
    print(f"info  default database: {where.default_database}")
    print("self-test passed" if not test.failures else f"self-test FAILED ({test.failures})")
    return 0 if not test.failures else 1


def _sqlite_version() -> str:
    version = tuple(int(p) for p in sqlite3.sqlite_version.split("."))
    if version < MIN_SQLITE:
        raise RuntimeError(f"SQLite {sqlite3.sqlite_version} is older than "
                           f"{'.'.join(map(str, MIN_SQLITE))}")
    return sqlite3.sqlite_version


def _fonts() -> str:
    from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QFontMetrics

    font = QFont()
    family = QFontInfo(font).family()
    metrics = QFontMetrics(font)
    # Without any font file fontconfig still lists its generic aliases (Sans Serif, ...), so
    # the test is that the default font resolves to a real family with glyphs.
    if not family or not metrics.inFontUcs4(ord("A")):
        raise RuntimeError("no usable font found (install fonts, e.g. fonts-dejavu-core)")
    missing = [ch for ch in "əЖ" if not metrics.inFontUcs4(ord(ch))]
    note = f"; {family} lacks {' '.join(missing)}, another font must supply it" if missing else ""
    return f"{family}, {len(QFontDatabase.families())} families{note}"


def _database(root: Path, holder: dict[str, AppContext]) -> str:
    """Migrate a new database (creates the FTS5 table), import a file, search it both ways."""
    ctx = open_context(root / "selftest.sqlite3", AppPaths.resolve(root / "data"))
    holder["ctx"] = ctx
    sample = root / "in" / "sample.txt"
    sample.parent.mkdir()
    sample.write_text(SAMPLE, encoding="utf-8")
    report = ctx.ingest.import_paths([sample.parent])
    if report.imported_releases != 1:
        raise RuntimeError(f"import gave {report.summary()}")
    for query in ("aliyev", "Vitorino", "Виторино", 'OR "NEAR('):
        found = ctx.library.list_ids(ReleaseFilter(search=query))
        if query.startswith("OR"):
            continue  # must simply not raise
        if len(found) != 1:
            raise RuntimeError(f"search {query!r} found {len(found)} releases, expected 1")
    return "migrations, import and cross-script search work"


def _main_window(app, root: Path, ctx: AppContext) -> str:  # noqa: ANN001
    from .ui.main_window import MainWindow
    from .ui.settings import Settings

    window = MainWindow(ctx, Settings.at_path(root / "settings.ini"))
    try:
        window.show()
        app.processEvents()
        rows = window.model.rowCount()
        if rows != 1 or window.reader.release is None:
            raise RuntimeError(f"the list shows {rows} rows, expected 1 with it open")
        image = window.grab()
        if image.isNull():
            raise RuntimeError("the window could not be rendered")
        return f"opened on platform {app.platformName()}, {image.width()}x{image.height()}"
    finally:
        window.runner.wait_all()
        window.close()
        window.deleteLater()
        app.processEvents()
