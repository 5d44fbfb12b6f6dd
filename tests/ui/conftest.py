"""GUI fixtures: a main window over a temporary database, settings in a temporary INI file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.domain.enums import DatePrecision
from desktop_app.domain.releases import ParsedRelease, ReleaseDate
from desktop_app.services.ingest import content_hash
from desktop_app.storage import releases as repo
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.settings import Settings


def release(title: str, body: str, lang: str | None = None, date: str | None = None,
            source: str | None = None, path: str = "") -> ParsedRelease:
    precision = {10: DatePrecision.DAY, 7: DatePrecision.MONTH, 4: DatePrecision.YEAR}
    return ParsedRelease(
        source_path=path or f"fixture/{abs(hash(title))}.txt", title=title, body=body,
        language=lang, language_confidence=0.97 if lang else 0.0,
        date=ReleaseDate(date, precision[len(date)]) if date else None, source=source)


def add_releases(ctx, items: list[ParsedRelease]) -> list[int]:
    """Store releases directly (the import path is tested separately)."""
    with ctx.db.write() as s:
        return repo.insert_releases(
            s, [(p, content_hash(p.title, p.body), None) for p in items], None,
            repo.SourceCache())


MULTILINGUAL = [
    release("Le forum de l'eau s'ouvre à Bakou",
            "Marta Vitorino, représentante de l'ONU, a salué la coopération.", "fr",
            "2024-03-07", "AZERTAC"),
    release("Bakıda su forumu açıldı",
            "BMT nümayəndəsi Marta Vitorino əməkdaşlığı yüksək qiymətləndirib. "
            "İlham Əliyev forumun iştirakçılarını salamlayıb.", "az", "2024-03-07", "AZERTAC"),
    release("В Баку открылся водный форум",
            "Представитель ООН Марта Виторино высоко оценила сотрудничество.", "ru",
            "2024-03-07", "Baku Novosti"),
    release("Water forum opens in Baku",
            "UN representative Marta Vitorino praised the cooperation 🙂 with Azerbaijan.", "en",
            "2024-03-08", "Caspian Post"),
    release("Festival du film à Gandja", "Le festival accueille 40 films.", "fr", "2024-06",
            "Lettre du Caucase"),
    release("Gəncədə kino festivalı", "Festivalda 40 film nümayiş olunur.", "az", "2024-06-22",
            "AZERTAC"),
]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.at_path(tmp_path / "settings" / "test.ini")


@pytest.fixture
def window(qtbot, ctx, settings):
    win = MainWindow(ctx, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.runner.cancel_all()
    win.runner.wait_all()
    win.backups.stop()


@pytest.fixture
def filled_window(qtbot, ctx, settings):
    add_releases(ctx, MULTILINGUAL)
    win = MainWindow(ctx, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.runner.cancel_all()
    win.runner.wait_all()
    win.backups.stop()


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, one QKeyEvent per character (keyClicks aborts on non-ASCII)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
