"""Files shipped beside the code: icons, translations, the demo corpus.

From a checkout they sit in the repository's resources/ folder; in a PyInstaller bundle they
are unpacked under sys._MEIPASS, the same way the migrations are found.
"""

from __future__ import annotations

import sys
from pathlib import Path

APP_ID = "org.releasereview.ReleaseReview"


def resources_dir() -> Path:
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled:
        return Path(bundled) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def icon_path() -> Path:
    return resources_dir() / "icons" / "release-review.svg"


def translations_dir() -> Path:
    return resources_dir() / "i18n"


def demo_corpus_dir() -> Path:
    return resources_dir() / "demo"
