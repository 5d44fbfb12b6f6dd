"""The shortcut cheat sheet, the review-session summary, and the reviewer's name."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.annotations import SessionSummary
from ..settings import Key, Settings

REVIEWER = Key("annotate/reviewer", "")


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class CheatSheetDialog(QDialog):
    """Every shortcut of the tagging flow, grouped; `rows` is (group, key, what it does)."""

    def __init__(self, rows: Sequence[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("CheatSheetDialog", "Keyboard shortcuts"))
        self.setObjectName("cheat_sheet")
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([QCoreApplication.translate("CheatSheetDialog", "Key"), QCoreApplication.translate("CheatSheetDialog", "Action")])
        self.tree.setRootIsDecorated(False)
        groups: dict[str, QTreeWidgetItem] = {}
        for group, key, what in rows:
            parent_item = groups.get(group)
            if parent_item is None:
                parent_item = QTreeWidgetItem([group, ""])
                font = parent_item.font(0)
                font.setBold(True)
                parent_item.setFont(0, font)
                self.tree.addTopLevelItem(parent_item)
                groups[group] = parent_item
            parent_item.addChild(QTreeWidgetItem([key, what]))
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(520, 560)

    def keys(self) -> list[str]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            out.extend(top.child(j).text(0) for j in range(top.childCount()))
        return out


def summary_text(summary: SessionSummary | None) -> str:
    if summary is None:
        return "No review session yet: it starts with your first tag."
    minutes = summary.duration_seconds / 60
    end = summary.ended_at.strftime("%H:%M") if summary.ended_at else "now"
    return "\n".join([
        f"Reviewer: {summary.reviewer or 'unnamed'}",
        f"Started: {summary.started_at:%Y-%m-%d %H:%M} (UTC), until {end} — {minutes:.0f} min",
        f"Releases touched: {len(summary.releases_touched)}",
        f"Tags made: {summary.tags_made}, removed: {summary.tags_removed}",
        f"Events made: {summary.events_made}",
        f"Actions recorded: {summary.actions}",
    ])


class SessionSummaryDialog(QDialog):
    def __init__(self, summary: SessionSummary | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("SessionSummaryDialog", "Review session"))
        self.label = QLabel(summary_text(summary), self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(buttons)


def reviewer_name(settings: Settings, parent: QWidget | None, ask: bool = True) -> str | None:
    """The reviewer's name from settings; asked once (and kept) when missing."""
    name = settings.get(REVIEWER).strip()
    if name or not ask:
        return name or None
    text, ok = QInputDialog.getText(
        parent, QCoreApplication.translate("small_dialogs", "Your name"), QCoreApplication.translate("small_dialogs", "Your name is recorded with every tag you make (asked once):"))
    name = " ".join(text.split()) if ok else ""
    if name:
        settings.set(REVIEWER, name)
        settings.sync()
    return name or None
