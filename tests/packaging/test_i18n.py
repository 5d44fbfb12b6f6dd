"""UI translations: the Russian catalogue is complete, compiles, loads, and follows the choice."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from desktop_app.ui import i18n
from desktop_app.ui.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "release_review_ru.ts"
TOOLS = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"%(?:n|L?\d)|\{[^{}]*\}")  # Qt's %1 and str.format's {name}


def _tool(name: str) -> str:
    path = TOOLS / name
    if path.exists():
        return str(path)
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} not installed")
    return found


def _messages(ts: Path):
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message


def test_russian_catalogue_is_complete_and_consistent() -> None:
    count = 0
    for context, message in _messages(TS):
        count += 1
        source = message.findtext("source")
        translation = message.find("translation")
        where = f"{context}: {source!r}"
        assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), where
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        for text in forms:
            assert text.strip(), where
            proper_name = re.fullmatch(r"[A-Z][\w-]*( [A-Z][\w-]*)*", source)  # "Label Studio"
            assert (re.search(r"[а-яё]", text, re.IGNORECASE) or proper_name
                    or not re.search("[a-z]{3}", source)), where
            expected = set(PLACEHOLDER.findall(source)) - ({"%n"} if len(forms) > 1 else set())
            used = set(PLACEHOLDER.findall(text))
            # A translation may show a bare number ({..._count}, passed beside the English
            # "3 releases") instead of a placeholder that carries an English noun.
            extra = used - expected
            assert all(p.rstrip("}").endswith("count") for p in extra), where
            assert expected <= used or extra, where
            assert source.endswith("…") == text.endswith("…"), where
    assert count >= 20


def test_catalogue_covers_every_string_in_the_ui(tmp_path: Path) -> None:
    """lupdate over the UI sources finds no string the Russian catalogue lacks."""
    sources = sorted(str(p) for p in (ROOT / "desktop_app" / "ui").rglob("*.py"))
    sources += [str(ROOT / "desktop_app" / "app.py")]
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    proc = subprocess.run([_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none",
                           *sources, "-ts", str(fresh)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    unfinished = [f"{ctx}: {m.findtext('source')}" for ctx, m in _messages(fresh)
                  if m.find("translation").get("type") == "unfinished"]
    assert not unfinished, "run `make translations-update` and translate:\n" + "\n".join(unfinished)


def test_compiled_catalogue_translates_and_reverts(qapp, tmp_path: Path) -> None:
    qm = tmp_path / "release_review_ru.qm"
    proc = subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(qm)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert i18n.available_languages(tmp_path) == ["en", "ru"]
    try:
        assert i18n.install_translators(qapp, "ru", tmp_path) == "ru"
        assert QCoreApplication.translate("WelcomeDialog", "Try the demo corpus") == \
            "Попробовать демонстрационный корпус"
        from desktop_app.ui.welcome import WelcomeDialog

        dialog = WelcomeDialog(Settings.at_path(tmp_path / "s.ini"))
        assert dialog.demo_button.text() == "Попробовать демонстрационный корпус"
        dialog.deleteLater()
    finally:
        assert i18n.install_translators(qapp, "en", tmp_path) == "en"
    assert QCoreApplication.translate("WelcomeDialog", "Try the demo corpus") == "Try the demo corpus"


def test_missing_catalogue_falls_back_to_english(qapp, tmp_path: Path) -> None:
    assert i18n.install_translators(qapp, "ru", tmp_path) == "en"
    assert i18n.active_language() == "en"


def test_language_follows_choice_then_system() -> None:
    have = ["en", "ru"]
    assert i18n.resolve_language("ru", have, ["en-US"]) == "ru"
    assert i18n.resolve_language("", have, ["ru-RU", "en-US"]) == "ru"
    assert i18n.resolve_language("", have, ["de-DE", "ru"]) == "ru"
    assert i18n.resolve_language("", have, ["de-DE", "fr-FR"]) == "en"
    assert i18n.resolve_language("az", have, ["ru_RU"]) == "ru"  # unknown choice: system
    assert i18n.language_name("ru") == "Русский"
