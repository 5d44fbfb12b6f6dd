"""Help ▸ About: what the app is, its licence and components, and what a bug report needs.

The versions and paths are plain text the reviewer can copy in one click, and the log
folder opens from here, so "send us the log" never means hunting through hidden folders.
"""

from __future__ import annotations

import sqlite3
import sys
from importlib import metadata
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME, __version__
from .resources import app_icon

# Components shipped with the app and their licences (shown in the Components tab).
COMPONENTS = (
    ("Qt / PySide6", "LGPL-3.0"),
    ("SQLite", "public domain"),
    ("SQLAlchemy", "MIT"),
    ("Alembic", "MIT"),
    ("RapidFuzz", "MIT"),
    ("anyascii", "ISC"),
    ("py3langid", "BSD-3-Clause"),
    ("charset-normalizer", "MIT"),
    ("platformdirs", "MIT"),
    ("NumPy", "BSD-3-Clause"),
    ("Python", "PSF-2.0"),
)



def _dist_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def versions() -> dict[str, str]:
    return {
        APP_NAME: __version__,
        "Qt": qVersion(),
        "PySide6": PySide6.__version__,
        "SQLAlchemy": _dist_version("SQLAlchemy"),
        "SQLite": sqlite3.sqlite_version,
        "Python": sys.version.split()[0],
        "Platform": f"{sys.platform}, {QGuiApplication.platformName() or '?'}",
    }


def about_text(database: str = "", log_dir: str = "") -> str:
    """Plain-text report of versions and locations, for a bug report."""
    lines = [f"{name} {version}" for name, version in versions().items()]
    if getattr(sys, "frozen", False):
        lines.append("Build: bundled")
    if database:
        lines.append(f"Database: {database}")
    if log_dir:
        lines.append(f"Logs: {log_dir}")
    return "\n".join(lines)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, database: str = "",
                 log_dir: str | Path = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About %1").replace("%1", APP_NAME))
        self.log_dir = str(log_dir) if log_dir else ""
        self.report = about_text(database, self.log_dir)

        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(96, 96))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        title = QLabel(f"{APP_NAME} {__version__}")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        title.setTextFormat(Qt.TextFormat.PlainText)
        blurb = QLabel(self.tr("Review multilingual press releases: import, read, tag entities "
                          "and events, confirm versions in other languages, export."))
        blurb.setWordWrap(True)
        blurb.setTextFormat(Qt.TextFormat.PlainText)
        licence = QLabel(self.tr("Free software under the MIT licence."))
        licence.setTextFormat(Qt.TextFormat.PlainText)
        head_text = QVBoxLayout()
        for w in (title, blurb, licence):
            head_text.addWidget(w)
        head_text.addStretch(1)
        head = QHBoxLayout()
        head.addWidget(icon)
        head.addLayout(head_text, 1)

        self.details = QPlainTextEdit(self.report)
        self.details.setReadOnly(True)
        self.details.setObjectName("aboutDetails")
        components = QPlainTextEdit("\n".join(f"{name} — {lic}" for name, lic in COMPONENTS))
        components.setReadOnly(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.details, self.tr("Details"))
        self.tabs.addTab(components, self.tr("Components"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.logs_button = QPushButton(self.tr("Open log folder"))
        self.logs_button.setEnabled(bool(self.log_dir))
        self.logs_button.clicked.connect(self.open_log_folder)
        buttons.addButton(self.logs_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(520, 420)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.report)

    def open_log_folder(self) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(self.log_dir))


def about_box(parent: QWidget | None, database: str = "", log_dir: str | Path = "") -> AboutDialog:
    return AboutDialog(parent, database, log_dir)
