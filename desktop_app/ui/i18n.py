"""UI language: the system's or the one chosen in Preferences, through Qt's translators.

Our catalogues are resources/i18n/release_review_<lang>.qm (built from the .ts sources by
`make translations`); Qt's own (standard buttons, file dialogs) come from Qt's translations
folder. A missing .qm file leaves the UI in English and is logged, never fatal. A new choice
applies at the next start: widgets built in English would otherwise stay half translated.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..services.resources import translations_dir
from .settings import Key, Settings

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
CATALOGUE = "release_review"
LANGUAGE_KEY = Key("ui/language", "")  # "" follows the system
LANGUAGE_ENV = "RELEASE_REVIEW_LANGUAGE"

_installed: list[QTranslator] = []  # kept referenced: Qt does not own installed translators
_active = SOURCE_LANGUAGE


def catalogue_path(language: str, folder: Path | None = None) -> Path:
    return (folder or translations_dir()) / f"{CATALOGUE}_{language}.qm"


def available_languages(folder: Path | None = None) -> list[str]:
    """English plus every language whose compiled catalogue is present."""
    folder = folder or translations_dir()
    found = sorted(p.stem.removeprefix(CATALOGUE + "_") for p in folder.glob(f"{CATALOGUE}_*.qm"))
    return [SOURCE_LANGUAGE] + [lang for lang in found if lang != SOURCE_LANGUAGE]


def language_name(language: str) -> str:
    """The language's name in itself ("Русский"), as a language menu shows it."""
    name = QLocale(language).nativeLanguageName()
    return name[:1].upper() + name[1:] if name else language


def system_language(available: list[str], ui_languages: list[str] | None = None) -> str:
    """The first of the system's preferred UI languages that we have, else English."""
    preferred = ui_languages if ui_languages is not None else QLocale.system().uiLanguages()
    for tag in preferred:
        base = tag.replace("_", "-").split("-")[0].lower()
        if base in available:
            return base
    return SOURCE_LANGUAGE


def resolve_language(chosen: str, available: list[str],
                     ui_languages: list[str] | None = None) -> str:
    if chosen and chosen in available:
        return chosen
    if chosen:
        log.warning("UI language %r is not available (have %s); following the system",
                    chosen, ", ".join(available))
    return system_language(available, ui_languages)


def active_language() -> str:
    return _active


def install_translators(app: QCoreApplication, language: str,
                        folder: Path | None = None) -> str:
    """Load our catalogue and Qt's for `language`; returns the language actually in use."""
    global _active
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _active = SOURCE_LANGUAGE
    if language == SOURCE_LANGUAGE:
        return _active
    ours = QTranslator(app)
    path = catalogue_path(language, folder)
    if not ours.load(str(path)):
        log.warning("no UI translation at %s (run `make translations`); using English", path)
        return _active
    app.installTranslator(ours)
    _installed.append(ours)
    _active = language
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_catalogue = QTranslator(app)
    if qt_catalogue.load(QLocale(language), "qtbase", "_", qt_dir):
        app.installTranslator(qt_catalogue)
        _installed.append(qt_catalogue)
    else:
        log.info("Qt's own %s catalogue not found in %s", language, qt_dir)
    log.info("UI language: %s", language)
    return _active


def setup_language(app: QCoreApplication, settings: Settings, override: str = "") -> str:
    """Install the translators for the saved choice (or `override`, or the system's)."""
    available = available_languages()
    language = resolve_language(override or settings.get(LANGUAGE_KEY), available)
    return install_translators(app, language)


# Texts kept in constants elsewhere (menu keys, column titles, enum labels) and translated
# where they are shown; listed here so that lupdate extracts them under the right context.
_ELSEWHERE = (
    QT_TRANSLATE_NOOP("MainWindow", "&File"), QT_TRANSLATE_NOOP("MainWindow", "&Edit"),
    QT_TRANSLATE_NOOP("MainWindow", "&View"), QT_TRANSLATE_NOOP("MainWindow", "&Review"),
    QT_TRANSLATE_NOOP("MainWindow", "&Annotate"), QT_TRANSLATE_NOOP("MainWindow", "&Tools"),
    QT_TRANSLATE_NOOP("ReviewStatus", "new"), QT_TRANSLATE_NOOP("ReviewStatus", "in progress"),
    QT_TRANSLATE_NOOP("ReviewStatus", "done"), QT_TRANSLATE_NOOP("ReviewStatus", "skipped"),
    QT_TRANSLATE_NOOP("ReleaseTableModel", "Date"), QT_TRANSLATE_NOOP("ReleaseTableModel", "Lang"),
    QT_TRANSLATE_NOOP("ReleaseTableModel", "Title"),
    QT_TRANSLATE_NOOP("ReleaseTableModel", "Source"),
    QT_TRANSLATE_NOOP("ReleaseTableModel", "Status"),
    QT_TRANSLATE_NOOP("ReleaseTableModel", "Tags"), QT_TRANSLATE_NOOP("ReleaseTableModel", "Dups"),
    QT_TRANSLATE_NOOP("PairTableModel", "Score"), QT_TRANSLATE_NOOP("PairTableModel", "Kind"),
    QT_TRANSLATE_NOOP("PairTableModel", "Languages"),
    QT_TRANSLATE_NOOP("PairTableModel", "Release A"),
    QT_TRANSLATE_NOOP("PairTableModel", "Release B"),
    QT_TRANSLATE_NOOP("PairTableModel", "Evidence"), QT_TRANSLATE_NOOP("PairTableModel", "Status"),
    QT_TRANSLATE_NOOP("PairTableModel", "Group"),
    QT_TRANSLATE_NOOP("PairTableModel", "exact copy"),
    QT_TRANSLATE_NOOP("PairTableModel", "near-duplicate"),
    QT_TRANSLATE_NOOP("PairTableModel", "other language"),
    QT_TRANSLATE_NOOP("PairStatus", "candidate"), QT_TRANSLATE_NOOP("PairStatus", "confirmed"),
    QT_TRANSLATE_NOOP("PairStatus", "rejected"),
    QT_TRANSLATE_NOOP("TagsModel", "Text"), QT_TRANSLATE_NOOP("TagsModel", "Type"),
    QT_TRANSLATE_NOOP("TagsModel", "Entity"), QT_TRANSLATE_NOOP("TagsModel", "Offsets"),
    QT_TRANSLATE_NOOP("ConflictModel", "Kind"), QT_TRANSLATE_NOOP("ConflictModel", "Release"),
    QT_TRANSLATE_NOOP("ConflictModel", "Ours"), QT_TRANSLATE_NOOP("ConflictModel", "Theirs"),
    QT_TRANSLATE_NOOP("ConflictModel", "By"), QT_TRANSLATE_NOOP("ConflictModel", "From"),
    QT_TRANSLATE_NOOP("ReaderPane", "Date"), QT_TRANSLATE_NOOP("ReaderPane", "Language"),
    QT_TRANSLATE_NOOP("ReaderPane", "Source"), QT_TRANSLATE_NOOP("ReaderPane", "Dateline"),
    QT_TRANSLATE_NOOP("ReaderPane", "URL"), QT_TRANSLATE_NOOP("ReaderPane", "File"),
    QT_TRANSLATE_NOOP("ReaderPane", "Status"), QT_TRANSLATE_NOOP("ReaderPane", "Id"),
)
