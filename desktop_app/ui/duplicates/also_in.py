"""'Also in: az, ru' for the release in the reader, each language a link to that version."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from ...services.dedup import DedupService


class AlsoInLabel(QLabel):
    release_activated = Signal(int)

    def __init__(self, service: DedupService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        # Rich text only for the links; every title and language is escaped.
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                     | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.linkActivated.connect(self._activated)
        self.versions: list[int] = []

    def set_service(self, service: DedupService) -> None:
        self.service = service
        self.show_release(0)

    def show_release(self, release_id: int) -> None:
        versions = self.service.versions_of(release_id) if release_id else []
        self.versions = [v.release_id for v in versions]
        if not versions:
            self.clear()
            self.setToolTip("")
            return
        links = ", ".join(f'<a href="{v.release_id}">{html.escape(v.language or "?")}</a>'
                          for v in versions)
        self.setText(QCoreApplication.translate("AlsoInLabel", "Also in: {links}").format(links=links))
        self.setToolTip("<qt>" + "<br>".join(html.escape(f"{v.language or '?'}: {v.title}")
                                              for v in versions) + "</qt>")

    def _activated(self, href: str) -> None:
        if href.isdigit():
            self.release_activated.emit(int(href))
