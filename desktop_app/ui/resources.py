"""The application icon, painted when the SVG file or Qt's SVG plugin is missing."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from ..services.resources import icon_path


def app_icon() -> QIcon:
    path = icon_path()
    if path.is_file():
        icon = QIcon(str(path))
        if not icon.pixmap(64, 64).isNull():
            return icon
    return QIcon(_painted_icon(64))


def _painted_icon(size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#1f5f8b"))
    p.drawRoundedRect(QRectF(16 * s, 16 * s, 224 * s, 224 * s), 36 * s, 36 * s)
    p.setBrush(QColor("#ffffff"))
    p.drawRoundedRect(QRectF(60 * s, 44 * s, 136 * s, 168 * s), 10 * s, 10 * s)
    p.setBrush(QColor("#ffe066"))
    p.drawRoundedRect(QRectF(80 * s, 120 * s, 72 * s, 10 * s), 4 * s, 4 * s)
    p.end()
    return pixmap
