"""Two releases side by side, the evidence they share highlighted in both (plain text only)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.duplicates import DuplicatePair
from ...domain.releases import Release
from ...matching.locate import Mark
from ...services.dedup import DedupService
from ..textpos import Utf16Map

MARK_COLOURS = {"name": "#ffe08a", "number": "#bfe3ff", "date": "#c8f0c0", "acronym": "#f5c9a8"}


class _Side(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = QLabel(self)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.text, 1)
        self.marks: list[Mark] = []

    def show(self, release: Release, marks: list[Mark]) -> None:  # noqa: A003
        self.header.setText(f"#{release.id} · {release.language or '?'} · "
                            f"{release.date.iso if release.date else 'no date'} · "
                            f"{release.source or release.source_path}")
        text = release.text
        self.text.setPlainText(text)
        self.marks = marks
        pos = Utf16Map(text)
        selections = []
        for m in marks:
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(pos.to_utf16(m.start))
            cursor.setPosition(pos.to_utf16(m.end), QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(MARK_COLOURS.get(m.kind, "#ffe08a")))
            fmt.setToolTip(m.kind)
            sel.cursor = cursor
            sel.format = fmt
            selections.append(sel)
        self.text.setExtraSelections(selections)

    def marked_texts(self) -> list[str]:
        """What the highlights cover, as the reviewer sees it."""
        return [s.cursor.selectedText() for s in self.text.extraSelections()]

    def clear(self) -> None:
        self.header.clear()
        self.text.clear()
        self.text.setExtraSelections([])
        self.marks = []


class SideBySideView(QWidget):
    def __init__(self, service: DedupService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.pair: DuplicatePair | None = None
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.left, self.right = _Side(self), _Side(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.left)
        splitter.addWidget(self.right)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)

    def set_service(self, service: DedupService) -> None:
        self.service = service
        self.clear()

    def show_pair(self, pair_id: int) -> None:
        pair, a, b, marks_a, marks_b = self.service.side_by_side(pair_id)
        self.pair = pair
        parts = [f"{pair.kind.value} · score {pair.score:.3f} · {pair.status.value}"]
        if pair.evidence.summary(8):
            parts.append("shared: " + pair.evidence.summary(8))
        if pair.evidence.conflicts:
            parts.append("against: " + "; ".join(pair.evidence.conflicts))
        self.summary.setText("\n".join(parts))
        self.left.show(a, marks_a)
        self.right.show(b, marks_b)

    def clear(self) -> None:
        self.pair = None
        self.summary.clear()
        self.left.clear()
        self.right.clear()
