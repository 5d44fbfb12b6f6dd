"""Wires the annotated text view, the tags and events panels and the dialogs to the services,
through one QUndoStack. Every action is a QUndoCommand (committed at once by its service);
undoing an action made in another release first brings that release back into view."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QDialog, QInputDialog, QMenu, QMessageBox, QWidget

from ...domain.annotations import Span, Suggestion
from ...domain.changes import ChangeSet
from ...domain.enums import ReviewStatus
from ...domain.errors import ConflictError, NotFoundError, ReleaseReviewError
from ...domain.releases import Release
from ...services.context import AppContext
from ..commands import SetStatusCommand
from ..errors import show_error
from ..settings import Settings
from . import undo
from .entity_browser import EntityBrowser
from .event_actions import EventActions
from .keys import STATUS_KEYS, build_keymap
from .link_dialog import LinkEntityDialog
from .menus import MenuActions
from .panels import EventsPanel, TagsPanel
from .schema_dialog import SchemaDialog
from .small_dialogs import REVIEWER, CheatSheetDialog, SessionSummaryDialog, reviewer_name
from .view import AnnotatedTextView


class AnnotationController(EventActions, MenuActions, QObject):
    changes_applied = Signal(object)   # ChangeSet
    release_opened = Signal(int)
    message = Signal(str)              # short feedback for a status bar

    def __init__(self, ctx: AppContext, view: AnnotatedTextView, tags: TagsPanel | None = None,
                 events: EventsPanel | None = None, stack: QUndoStack | None = None,
                 settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.annotate, self.entities, self.sessions = ctx.annotate, ctx.entities, ctx.sessions
        self.view, self.tags, self.events_panel = view, tags, events
        self.stack = stack if stack is not None else QUndoStack(self)
        self.settings = settings
        self.widget_parent = parent or view
        self.release: Release | None = None
        self.spans: list[Span] = []
        self.suggestions: list[Suggestion] = []
        self.events: list = []
        self.linked: dict = {}
        self.last_error: str | None = None
        self.error_box: QMessageBox | None = None
        self.menu: QMenu | None = None
        self.browser: EntityBrowser | None = None
        # Hooks the main window may set: release order, how to show a release, set status.
        self.release_order: Callable[[], list[int]] | None = None
        self.show_release_hook: Callable[[int], object] | None = None
        self.status_hook: Callable[[ReviewStatus], object] | None = None
        # Dialogs run through here, so tests can fill them in without a modal loop.
        self.exec_dialog: Callable[[QDialog], bool] = (
            lambda d: d.exec() == QDialog.DialogCode.Accepted)
        self.ask_name = True

        view.span_clicked.connect(self._span_clicked)
        view.menu_requested.connect(self._context_menu)
        if tags is not None:
            tags.span_activated.connect(self.select_tag)
            tags.delete_requested.connect(self.delete_tag)
        if events is not None:
            events.new_requested.connect(lambda: self.new_event())
            events.edit_requested.connect(self.edit_event)
            events.delete_requested.connect(self.delete_event)
            events.link_requested.connect(self.link_event_versions)
            events.unlink_requested.connect(self.unlink_event)
        self.rebind_keys()

    # --- host protocol for commands -----------------------------------------------------

    def apply(self, changes: ChangeSet, release_id: int | None) -> None:
        if release_id is not None and self.release is not None and release_id != self.release.id:
            self.goto(release_id)   # show what an undo/redo changed
        elif self.release is not None and (self.release.id in changes.annotations
                                           or changes.entities):
            self.reload()
        self.changes_applied.emit(changes)

    def report_error(self, text: str, exc: ReleaseReviewError | None = None) -> None:
        self.last_error = text
        self.message.emit(text)
        if isinstance(exc, ConflictError) and self.view.isVisible():
            show_error(self.widget_parent, exc)  # what changed, with Reload; non-blocking
            return
        if self.view.isVisible():
            # Window-modal but not blocking: the undo stack is mid-push when this is called.
            box = QMessageBox(QMessageBox.Icon.Warning, "Release Review", text,
                              QMessageBox.StandardButton.Ok, self.widget_parent)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.error_box = box
            box.open()

    def push(self, command: undo.ServiceCommand) -> bool:
        """Run a command through the stack; False when its service refused it."""
        self.ensure_reviewer()
        self.stack.push(command)
        return command.error is None

    def ensure_reviewer(self) -> None:
        if self.sessions.log.actor is None and self.settings is not None:
            self.sessions.log.set_actor(reviewer_name(self.settings, self.widget_parent,
                                                      ask=self.ask_name))

    # --- opening and refreshing ----------------------------------------------------------

    def set_context(self, ctx: AppContext) -> None:
        """Another database was opened: use its services (the undo stack was cleared)."""
        self.ctx = ctx
        self.annotate, self.entities, self.sessions = ctx.annotate, ctx.entities, ctx.sessions
        if self.browser is not None:
            self.browser.close()
            self.browser = None
        self.release = None
        self.rebind_keys()

    def show_release(self, release: Release | None) -> None:
        """The reader shows `release` (its text is already in the view)."""
        if release is None:
            self.open_release(None)
            return
        self.release = release
        self.view.set_release(release.id, release.text)
        self.reload()
        self.release_opened.emit(release.id)

    def open_release(self, release_id: int | None) -> None:
        if release_id is None:
            self.release = None
            self.view.set_release(None, "")
            self.spans, self.suggestions, self.events = [], [], []
            self._show()
            return
        try:
            self.release = self.ctx.library.release(release_id)
        except NotFoundError as exc:
            self.report_error(str(exc))
            return
        self.view.set_release(release_id, self.release.text)
        self.reload()
        self.release_opened.emit(release_id)

    def reload(self) -> None:
        if self.release is None:
            return
        rid = self.release.id
        self.spans = self.annotate.spans(rid)
        self.suggestions = self.annotate.suggestions(rid, self.release.text, self.spans)
        self.events = self.annotate.events(rid)
        wanted = {s.entity_id for s in self.spans if s.entity_id}
        wanted |= {p.entity_id for e in self.events for p in e.participants if p.entity_id}
        self.linked = self.entities.many(wanted)
        self._show()

    def _show(self) -> None:
        schema = self.annotate.schema()
        current = self.view.current_span
        if current is not None and all(s.id != current for s in self.spans):
            self.view.current_span = None
        self.view.show_annotations(schema, self.spans, self.suggestions)
        if self.tags is not None:
            self.tags.set_tags(schema, self.spans, self.linked, len(self.suggestions))
        if self.events_panel is not None:
            sizes = self.annotate.group_sizes(e.event_group for e in self.events)
            self.events_panel.set_events(schema, self.events, sizes)

    def rebind_keys(self) -> None:
        self.keymap = build_keymap(self, self.annotate.schema())
        self.view.bind_keys({key: handler for _g, key, _d, handler in self.keymap})

    def cheat_sheet_rows(self) -> list[tuple[str, str, str]]:
        return [(g, k, d) for g, k, d, _h in self.keymap]

    # --- navigation ----------------------------------------------------------------------

    def order(self) -> list[int]:
        return self.release_order() if self.release_order else self.ctx.library.list_ids()

    def goto(self, release_id: int) -> None:
        if self.show_release_hook is not None:
            self.show_release_hook(release_id)
            if self.release is None or self.release.id != release_id:
                self.open_release(release_id)
        else:
            self.open_release(release_id)

    def step(self, delta: int) -> None:
        ids = self.order()
        if not ids:
            return
        pos = ids.index(self.release.id) if self.release and self.release.id in ids else -1
        target = max(0, min(len(ids) - 1, pos + delta)) if pos >= 0 else 0
        if pos != target or self.release is None:
            self.goto(ids[target])

    def next_untagged(self) -> None:
        ids = self.order()
        pos = ids.index(self.release.id) if self.release and self.release.id in ids else -1
        rest = ids[pos + 1:] + ids[:pos + 1]
        for start in range(0, len(rest), 200):
            chunk = rest[start:start + 200]
            rows = self.ctx.library.rows(chunk)
            for rid in chunk:
                if rid in rows and rows[rid].tag_count == 0 and (
                        self.release is None or rid != self.release.id):
                    self.goto(rid)
                    return
        self.message.emit("Every release has tags.")

    def set_status(self, status: ReviewStatus) -> None:
        if self.release is None:
            return
        if self.status_hook is not None:
            self.status_hook(status)
        else:
            self.ensure_reviewer()
            self.stack.push(SetStatusCommand(self.ctx.library, [self.release.id], status,
                                             lambda ch: self.changes_applied.emit(ch)))
        self.sessions.record("release.status", [self.release.id], {"status": status.value})

    def done_and_next(self) -> None:
        self.set_status(ReviewStatus.DONE)
        self.step(1)

    # --- tags ----------------------------------------------------------------------------

    def _target_span(self) -> Span | None:
        """The clicked/listed tag, else the innermost tag at the text cursor."""
        if self.view.current_span is not None:
            found = next((s for s in self.spans if s.id == self.view.current_span), None)
            if found is not None:
                return found
        cur = self.view.cursor_offset()
        inside = self.view.spans_at(cur) or (self.view.spans_at(cur - 1) if cur else [])
        return inside[0] if inside else None

    def tag_selection(self, type_id: int, entity_id: int | None = None) -> Span | None:
        """Tag the selection (or retype the tag at the cursor) with an entity type."""
        if self.release is None:
            return None
        etype = self.annotate.schema().entity_type(type_id)
        sel = self.view.selected_span()
        if sel is None:
            target = self._target_span()
            if target is None:
                self.message.emit("Select some text first, then press a type key.")
                return None
            if target.type_id != type_id:
                self.push(undo.RetypeSpanCommand(self, target.id, self.release.id, type_id,
                                                 etype.name if etype else "?", target.version))
            return target
        cmd = undo.CreateSpanCommand(self, self.release.id, sel[0], sel[1], type_id,
                                     etype.name if etype else "?", entity_id)
        if not self.push(cmd):
            return None
        self.view.current_span = cmd.span_id
        cursor = self.view.textCursor()
        cursor.clearSelection()
        self.view.setTextCursor(cursor)
        self._show()
        return next((s for s in self.spans if s.id == cmd.span_id), None)

    def select_tag(self, span_id: int) -> None:
        sp = next((s for s in self.spans if s.id == span_id), None)
        if sp is None:
            return
        self.view.current_span = span_id
        self.view.select_span(sp.start, sp.end)
        self._show()

    def delete_tag(self, span_id: int | None = None) -> None:
        sp = next((s for s in self.spans if s.id == span_id), None) if span_id else \
            self._target_span()
        if sp is None or self.release is None:
            return
        self.push(undo.DeleteSpanCommand(self, sp.id, self.release.id, sp.text))

    def retype_tag(self, span_id: int, type_id: int) -> None:
        etype = self.annotate.schema().entity_type(type_id)
        self.push(undo.RetypeSpanCommand(self, span_id, self.release.id, type_id,
                                         etype.name if etype else "?", self._version(span_id)))

    def _version(self, span_id: int) -> int | None:
        """The version of a tag as the reviewer sees it (stale saves are refused)."""
        return next((s.version for s in self.spans if s.id == span_id), None)

    def link_tag(self, span_id: int | None = None) -> None:
        """Open the link dialog for a tag: link to a found entity, or create one."""
        sp = next((s for s in self.spans if s.id == span_id), None) if span_id else \
            self._target_span()
        if sp is None:
            if self.view.selected_span() is None:
                self.message.emit("Click a tag (or select text) to link it.")
                return
            sp = self.tag_selection(self.default_type())
            if sp is None:
                return
        dialog = LinkEntityDialog(self.entities, self.annotate.schema(), sp.text, sp.type_id,
                                  self.widget_parent)
        if not self.exec_dialog(dialog):
            return
        if dialog.chosen_entity_id is not None:
            name = self.entities.get(dialog.chosen_entity_id).canonical_name
            self.push(undo.LinkSpanCommand(self, sp.id, self.release.id,
                                           dialog.chosen_entity_id, name, sp.version))
        elif dialog.new_entity is not None:
            type_id, name = dialog.new_entity
            self.push(undo.NewEntityCommand(self, sp.id, self.release.id, type_id, name,
                                            self.release.language))

    def unlink_tag(self, span_id: int) -> None:
        self.push(undo.LinkSpanCommand(self, span_id, self.release.id, None, "",
                                       self._version(span_id)))

    def new_entity_from_selection(self) -> None:
        """One step: tag the selection (if needed), create an entity named by it, link."""
        if self.release is None:
            return
        sel = self.view.selected_span()
        self.stack.beginMacro("New entity from selection")
        try:
            sp = self.tag_selection(self.default_type()) if sel else self._target_span()
            if sp is not None:
                self.push(undo.NewEntityCommand(self, sp.id, self.release.id, sp.type_id,
                                                sp.text, self.release.language))
        finally:
            self.stack.endMacro()

    def default_type(self) -> int:
        schema = self.annotate.schema()
        current = self._target_span()
        return current.type_id if current else schema.entity_types[0].id

    # --- suggestions ---------------------------------------------------------------------

    def move_suggestion(self, delta: int) -> None:
        if not self.suggestions:
            self.message.emit("No suggestions in this release.")
            return
        n = len(self.suggestions)
        i = self.view.current_suggestion
        self.view.current_suggestion = (i + delta) % n if i >= 0 else (0 if delta > 0 else n - 1)
        sug = self.suggestions[self.view.current_suggestion]
        self.view.current_span = None
        cursor = self.view.textCursor()
        cursor.setPosition(self.view.positions.to_utf16(sug.start))
        self.view.setTextCursor(cursor)
        self.view.ensureCursorVisible()
        self._show()

    def current_suggestion(self) -> Suggestion | None:
        i = self.view.current_suggestion
        if 0 <= i < len(self.suggestions):
            return self.suggestions[i]
        return self.view.suggestion_at(self.view.cursor_offset())

    def accept_suggestion(self) -> None:
        sug = self.current_suggestion()
        if sug is None:
            self.move_suggestion(1)
            return
        self.push(undo.AcceptSuggestionsCommand(self, self.release.id, [sug]))

    def reject_suggestion(self) -> None:
        sug = self.current_suggestion()
        if sug is None:
            self.move_suggestion(1)
            return
        self.push(undo.RejectSuggestionsCommand(self, self.release.id, [sug]))

    def accept_all(self) -> None:
        if self.release is not None and self.suggestions:
            self.push(undo.AcceptSuggestionsCommand(self, self.release.id, self.suggestions))

    def reject_all(self) -> None:
        if self.release is not None and self.suggestions:
            self.push(undo.RejectSuggestionsCommand(self, self.release.id, self.suggestions))

    # --- dialogs -------------------------------------------------------------------------

    def show_cheat_sheet(self) -> CheatSheetDialog:
        dialog = CheatSheetDialog(self.cheat_sheet_rows(), self.widget_parent)
        dialog.show()
        return dialog

    def show_session(self) -> SessionSummaryDialog:
        dialog = SessionSummaryDialog(self.sessions.summary(), self.widget_parent)
        dialog.show()
        return dialog

    def edit_schema(self) -> None:
        dialog = SchemaDialog(self.annotate, self.widget_parent)
        if self.exec_dialog(dialog):
            self.rebind_keys()
            self.reload()
            self.changes_applied.emit(ChangeSet(schema=True))

    def show_entities(self) -> EntityBrowser:
        if self.browser is None:
            self.browser = EntityBrowser(self.entities, self.annotate.schema(), self, self.stack,
                                         self.widget_parent)
            self.browser.open_mention.connect(self._open_mention)
            self.changes_applied.connect(self.browser.on_changes)
        self.browser.show()
        self.browser.raise_()
        return self.browser

    def _open_mention(self, release_id: int, start: int, end: int) -> None:
        self.goto(release_id)
        if self.release is not None and self.release.id == release_id:
            self.view.select_span(start, end)

    def change_reviewer(self, name: str | None = None) -> None:
        """Record work under another name from now on (a new review session starts)."""
        if name is None:
            name, ok = QInputDialog.getText(self.widget_parent, QCoreApplication.translate("AnnotationController", "Reviewer"),
                                            QCoreApplication.translate("AnnotationController", "Your name, recorded with every tag you make:"),
                                            text=self.sessions.log.actor or "")
            if not ok:
                return
        name = " ".join(name.split())
        if not name:
            return
        if self.settings is not None:
            self.settings.set(REVIEWER, name)
            self.settings.sync()
        self.sessions.log.set_actor(name)
        self.message.emit(f"Tags are now recorded as made by {name}.")

    def actions(self) -> list[QAction]:
        """Menu actions for a host window (entities, schema, session, shortcuts)."""
        out = []
        for text, slot, key in ((QCoreApplication.translate("AnnotationController", "&Entities…"), self.show_entities, "Ctrl+E"),
                                (QCoreApplication.translate("AnnotationController", "Annotation &schema…"), self.edit_schema, "Ctrl+Shift+T"),
                                (QCoreApplication.translate("AnnotationController", "Review &session summary"), self.show_session, "F9"),
                                (QCoreApplication.translate("AnnotationController", "&Reviewer name…"), self.change_reviewer, ""),
                                (QCoreApplication.translate("AnnotationController", "&Keyboard shortcuts"), self.show_cheat_sheet, "F1")):
            act = QAction(text, self)
            if key:
                act.setShortcut(key)
            act.triggered.connect(lambda _c=False, f=slot: f())
            out.append(act)
        return out


__all__ = ["STATUS_KEYS", "AnnotationController", "ReleaseReviewError"]
