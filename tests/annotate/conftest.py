"""Fixtures of the tagging tests: a small multilingual corpus built in the test."""

from __future__ import annotations

from pathlib import Path

import pytest

# One meeting told in four languages, plus texts with astral characters and Turkic letters.
CORPUS = {
    "fr.txt": "Visite d'António Vitorino\n\n"
              "Le président Ilham Aliyev a reçu António Vitorino à Bakou le 1er mars 2023.",
    "az.txt": "Görüş\n\nPrezident İlham Əliyev Antonio Vitorinonu qəbul edib. "
              "Vitorinoya təşəkkür edilib.",
    "ru.txt": "Визит Антонио Виторино\n\nАнтонио Виторино прибыл в Баку. Встреча с Виторино.",
    "en.txt": "Visit of Antonio Vitorino\n\nPresident Aliyev received Antonio Vitorino in Baku.",
    "emoji.txt": "Emoji 😀 day\n\n🎉 Şəki ğöl ışıq 😀 Алиев встретил 👍 Vitorino.",
}


def import_corpus(ctx, folder: Path, files: dict[str, str] = CORPUS) -> dict[str, int]:
    """Import `files` and return release ids by file name."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    ctx.ingest.import_paths([folder])
    ids = {}
    for rid in ctx.library.list_ids():
        rel = ctx.library.release(rid)
        ids[Path(rel.source_path).name] = rid
    return ids


@pytest.fixture
def corpus(ctx, tmp_path) -> dict[str, int]:
    ctx.sessions.log.set_actor("Tester")
    return import_corpus(ctx, tmp_path / "in")


def person(ctx) -> int:
    return ctx.annotate.schema().entity_types[0].id


@pytest.fixture(autouse=True)
def _delete_new_windows():
    """Delete the windows a test created (closing them is not enough: later tests restyle or
    walk every top-level widget of the process)."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    before = {id(w) for w in app.topLevelWidgets()} if app else set()
    yield
    app = QApplication.instance()
    if app is None:
        return
    for w in app.topLevelWidgets():
        if id(w) not in before:
            w.close()
            w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
