"""`python -m desktop_app.ui.screenshots OUTDIR`: render the main views over the demo corpus.

Everything happens in a temporary folder (database, settings), so the reviewer's own data
and settings are never touched. Run offscreen: QT_QPA_PLATFORM=offscreen.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from ..domain.releases import ImportReport
from ..services.context import AppContext, open_context
from ..services.paths import AppPaths
from ..services.resources import demo_corpus_dir
from .main_window import MainWindow
from .settings import Settings

SIZE = (1440, 880)
# Typed in Cyrillic: the search also finds the Latin spelling in other languages.
SEARCH = "Самир"


def type_into(widget: QWidget, text: str) -> None:
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def settle(app: QApplication, window: MainWindow) -> None:
    """Let timers and layouts run (the search box waits for a pause in typing)."""
    window.filter_bar._debounce.stop()
    window.filter_bar._emit()
    for _ in range(5):
        app.processEvents()


def save(widget: QWidget, path: Path) -> Path:
    pixmap = widget.grab()
    if pixmap.isNull() or not pixmap.save(str(path)):
        raise RuntimeError(f"could not render {path.name}")
    print(f"wrote {path} ({pixmap.width()}x{pixmap.height()})")
    return path


def build_demo(root: Path) -> tuple[AppContext, ImportReport]:
    ctx = open_context(root / "demo.sqlite3", AppPaths.resolve(root / "data"))
    # Two unusable files beside the demo, so the report shows its table of skipped files.
    extra = root / "incoming"
    extra.mkdir()
    (extra / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00 not text")
    (extra / "notes.txt").write_bytes(b"")
    report = ctx.ingest.import_paths([demo_corpus_dir(), extra])
    return ctx, report


def versions_and_tags(app: QApplication, window: MainWindow, outdir: Path) -> list[Path]:
    """Detection over the demo, a pair side by side, and a release with tags and suggestions."""
    ctx = window.ctx
    window.filter_bar.clear()
    ctx.dedup.detect()
    panel = window.duplicates_panel
    panel.reload()
    settle(app, window)
    if panel.model.rowCount():
        panel.table.selectRow(0)
        settle(app, window)
    shots = [save(window, outdir / "versions.png")]
    # Teach one place name in French; the Azerbaijani and Russian spellings are suggested.
    location = next(t for t in ctx.annotate.schema().entity_types if t.name == "LOCATION")
    baku = ctx.entities.create(location.id, "Baku", ("Bakou", "Bakı", "Баку"))
    for rid in ctx.library.list_ids():
        release = ctx.library.release(rid)
        where = release.text.find("Bakou")
        if release.language == "fr" and where >= 0:
            _span, changes = ctx.annotate.create_span(rid, where, where + len("Bakou"),
                                                      location.id, baku.id)
            window.refresh(changes)
            window.select_release(rid)
            break
    settle(app, window)
    shots.append(save(window, outdir / "tagging.png"))
    return shots


def render(outdir: Path) -> list[Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(["release-review-screenshots"])
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="release-review-shots-") as tmp:
        root = Path(tmp)
        ctx, report = build_demo(root)
        window = MainWindow(ctx, Settings.at_path(root / "settings.ini"))
        try:
            window.resize(*SIZE)
            window.show()
            app.processEvents()
            written.append(save(window, outdir / "main-window.png"))

            window.filter_bar.focus_search()
            type_into(window.filter_bar.search, SEARCH)
            settle(app, window)
            # Show a hit in another script than the one typed.
            latin = [r for r in range(window.model.rowCount())
                     if (row := window.model.release_row(r)) and row.language == "az"]
            if latin:
                window.select_release(window.model.release_id(latin[0]))
                settle(app, window)
            written.append(save(window, outdir / "search-hit.png"))

            window.filter_bar.clear()
            language = window.filter_bar.language
            language.setCurrentIndex(max(language.findData("az"), 0))
            settle(app, window)
            window.move_current(1)
            settle(app, window)
            written.append(save(window, outdir / "filter-language.png"))

            written += versions_and_tags(app, window, outdir)
            from .import_dialogs import ImportProgressDialog, ImportReportDialog

            progress = ImportProgressDialog(window)
            progress.show()
            progress.update_progress(37, 120, str(demo_corpus_dir() / "2024-04-15_azertac_az.txt"))
            app.processEvents()
            written.append(save(progress, outdir / "import-progress.png"))
            progress.close()

            dialog = ImportReportDialog(report, window)
            dialog.show()
            app.processEvents()
            written.append(save(dialog, outdir / "import-report.png"))
            dialog.close()
        finally:
            window.close()
            window.shutdown()
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m desktop_app.ui.screenshots OUTDIR", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    render(Path(args[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
