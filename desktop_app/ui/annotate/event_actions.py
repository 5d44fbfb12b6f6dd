"""Event actions of the annotation controller: create (from a trigger or for the whole
release), edit, delete, and link the same event across language versions."""

from __future__ import annotations

from ...domain.annotations import EventDraft, Span
from ...services.annotate import draft_of
from . import undo
from .event_dialog import EventDialog, LinkEventsDialog
from .link_dialog import LinkEntityDialog

NEW_TRIGGER = -1


class EventActions:
    """Mixed into AnnotationController (uses its services, view, stack and dialogs)."""

    def _pick_entity(self) -> tuple[int, str] | None:
        dialog = LinkEntityDialog(self.entities, self.annotate.schema(), "", None,
                                  self.widget_parent, allow_create=False, title="Choose entity")
        if not self.exec_dialog(dialog) or dialog.chosen_entity_id is None:
            return None
        return dialog.chosen_entity_id, self.entities.get(dialog.chosen_entity_id).canonical_name

    def new_event(self, type_id: int | None = None) -> None:
        """An event from the selection (its trigger) or for the whole release."""
        if self.release is None:
            return
        schema = self.annotate.schema()
        if not schema.event_types:
            return
        sel = self.view.selected_span()
        target = None if sel else self._target_span()
        trigger = NEW_TRIGGER if sel else (target.id if target else None)
        init = EventDraft(type_id or schema.event_types[0].id, trigger,
                          self.release.date.iso if self.release.date else None)
        spans = list(self.spans)
        if sel:
            text = self.release.text[sel[0]:sel[1]].strip()
            spans.insert(0, Span(NEW_TRIGGER, self.release.id, sel[0], sel[1], text,
                                 self.trigger_type()))
        dialog = EventDialog(schema, spans, self.linked, self._pick_entity, init,
                             None, self.widget_parent)
        if not self.exec_dialog(dialog) or dialog.draft is None:
            return
        draft = dialog.draft
        etype = schema.event_type(draft.type_id)
        self.stack.beginMacro(f"New {etype.name if etype else ''} event")
        try:
            if draft.trigger_span_id == NEW_TRIGGER or any(
                    p[1] == NEW_TRIGGER for p in draft.participants):
                sp = self.tag_selection_range(sel, self.trigger_type())
                if sp is None:
                    return
                draft = _replace_new(draft, sp.id)
            self.push(undo.CreateEventCommand(self, self.release.id, draft,
                                              etype.name if etype else ""))
        finally:
            self.stack.endMacro()

    def tag_selection_range(self, sel: tuple[int, int] | None, type_id: int) -> Span | None:
        if sel is None:
            return None
        self.view.select_span(*sel)
        return self.tag_selection(type_id)

    def trigger_type(self) -> int:
        schema = self.annotate.schema()
        return next((t.id for t in schema.entity_types if t.name == "MISC"),
                    schema.entity_types[-1].id)

    def edit_event(self, event_id: int) -> None:
        ev = next((e for e in self.events if e.id == event_id), None)
        if ev is None:
            return
        dialog = EventDialog(self.annotate.schema(), self.spans, self.linked, self._pick_entity,
                             draft_of(ev), None, self.widget_parent)
        if self.exec_dialog(dialog) and dialog.draft is not None:
            self.push(undo.UpdateEventCommand(self, self.release.id, event_id, dialog.draft,
                                              seen_version=ev.version))

    def delete_event(self, event_id: int) -> None:
        self.push(undo.DeleteEventCommand(self, self.release.id, event_id))

    def link_event_versions(self, event_id: int) -> None:
        candidates = self.annotate.candidate_events(event_id)
        dialog = LinkEventsDialog(self.annotate.schema(), candidates, self.widget_parent)
        if self.exec_dialog(dialog) and dialog.chosen:
            self.push(undo.LinkEventsCommand(self, self.release.id, [event_id, *dialog.chosen]))

    def unlink_event(self, event_id: int) -> None:
        self.push(undo.UnlinkEventCommand(self, self.release.id, event_id))


def _replace_new(draft: EventDraft, span_id: int) -> EventDraft:
    parts = tuple((r, span_id if s == NEW_TRIGGER else s, e) for r, s, e in draft.participants)
    trigger = span_id if draft.trigger_span_id == NEW_TRIGGER else draft.trigger_span_id
    return EventDraft(draft.type_id, trigger, draft.date_iso, draft.location, parts)
