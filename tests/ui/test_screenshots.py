"""`make screenshots` renders the main views of the demo corpus to PNG files."""

from __future__ import annotations

from PySide6.QtGui import QImage

from desktop_app.ui import screenshots


def test_screenshots_are_rendered(qapp, tmp_path) -> None:
    written = screenshots.render(tmp_path / "shots")
    names = {p.name for p in written}
    assert names == {"main-window.png", "search-hit.png", "filter-language.png",
                     "import-report.png", "import-progress.png", "versions.png", "tagging.png"}
    for path in written:
        image = QImage(str(path))
        assert not image.isNull() and image.width() >= 400
    # The list actually has rows: the image is not a blank window.
    shot = QImage(str(tmp_path / "shots" / "main-window.png"))
    colours = {shot.pixel(x, y) for x in range(0, shot.width(), 7)
               for y in range(0, shot.height(), 7)}
    assert len(colours) > 20
