"""Menus of the annotated text: a click on a tag, a right-click anywhere."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtWidgets import QMenu

from . import undo


class MenuActions:
    """Mixed into AnnotationController: the popup menus and what their entries do."""

    def _span_clicked(self, span_id: int) -> None:
        self.view.current_span = span_id
        if self.tags is not None:
            self.tags.select_span(span_id)
        self._show()
        self.menu = self.span_menu(span_id)
        self.menu.popup(self.view.viewport().mapToGlobal(self.view.point_of(
            next(s.start for s in self.spans if s.id == span_id))))

    def span_menu(self, span_id: int) -> QMenu:
        menu = QMenu(self.view)
        sp = next(s for s in self.spans if s.id == span_id)
        retype = menu.addMenu(QCoreApplication.translate("MenuActions", "Change type"))
        for t in self.annotate.schema().entity_types:
            act = retype.addAction(f"{t.name}\t{t.shortcut or ''}")
            act.setCheckable(True)
            act.setChecked(t.id == sp.type_id)
            act.triggered.connect(lambda _c=False, tid=t.id: self.retype_tag(span_id, tid))
        menu.addAction(QCoreApplication.translate("MenuActions", "Link to entity…\tCtrl+K"), lambda: self.link_tag(span_id))
        menu.addAction(QCoreApplication.translate("MenuActions", "New entity from this tag"), lambda: self._new_entity_for(span_id))
        if sp.entity_id:
            menu.addAction(QCoreApplication.translate("MenuActions", "Unlink"), lambda: self.unlink_tag(span_id))
        menu.addAction(QCoreApplication.translate("MenuActions", "New event with this trigger…"), lambda: self._event_for(span_id))
        menu.addSeparator()
        menu.addAction(QCoreApplication.translate("MenuActions", "Delete tag\tDel"), lambda: self.delete_tag(span_id))
        return menu

    def _new_entity_for(self, span_id: int) -> None:
        sp = next(s for s in self.spans if s.id == span_id)
        self.push(undo.NewEntityCommand(self, span_id, self.release.id, sp.type_id, sp.text,
                                        self.release.language))

    def _event_for(self, span_id: int) -> None:
        self.view.current_span = span_id
        cursor = self.view.textCursor()
        cursor.clearSelection()
        self.view.setTextCursor(cursor)
        self.new_event()

    def _context_menu(self, global_pos: QPoint, offset: int) -> None:
        menu = QMenu(self.view)
        schema = self.annotate.schema()
        if self.view.selected_span() is not None:
            tag_as = menu.addMenu(QCoreApplication.translate("MenuActions", "Tag as"))
            for t in schema.entity_types:
                tag_as.addAction(f"{t.name}\t{t.shortcut or ''}",
                                 lambda tid=t.id: self.tag_selection(tid))
            menu.addAction(QCoreApplication.translate("MenuActions", "New entity from selection\tCtrl+Shift+K"),
                           self.new_entity_from_selection)
            ev = menu.addMenu(QCoreApplication.translate("MenuActions", "New event from selection"))
            for t in schema.event_types:
                ev.addAction(f"{t.name}\t{t.shortcut or ''}", lambda tid=t.id: self.new_event(tid))
        spans = self.view.spans_at(offset)
        if spans:
            menu.addMenu(self.span_menu(spans[0])).setText(QCoreApplication.translate("MenuActions", "Tag “{text}”").format(text=spans[0].text))
        sug = self.view.suggestion_at(offset)
        if sug is not None:
            self.view.current_suggestion = self.suggestions.index(sug)
            menu.addAction(QCoreApplication.translate("MenuActions", "Accept suggestion “{text}”	A").format(text=sug.text), self.accept_suggestion)
            menu.addAction(QCoreApplication.translate("MenuActions", "Reject suggestion\tR"), self.reject_suggestion)
        menu.addSeparator()
        menu.addAction(QCoreApplication.translate("MenuActions", "Copy"), self.view.copy)
        menu.addAction(QCoreApplication.translate("MenuActions", "Keyboard shortcuts…\tF1"), self.show_cheat_sheet)
        self.menu = menu
        menu.popup(global_pos)
