"""The keyboard flow of tagging: one table of keys, used by the view and the cheat sheet."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ...domain.annotations import AnnotationSchema
from ...domain.enums import ReviewStatus

if TYPE_CHECKING:
    from .controller import AnnotationController

STATUS_KEYS = {ReviewStatus.NEW: "Ctrl+1", ReviewStatus.IN_PROGRESS: "Ctrl+2",
               ReviewStatus.DONE: "Ctrl+3", ReviewStatus.SKIPPED: "Ctrl+4"}

Row = tuple[str, str, str, Callable[[], object]]


def build_keymap(c: AnnotationController, schema: AnnotationSchema) -> list[Row]:
    """(group, key, what it does, handler) for every key of the tagging flow."""
    rows: list[Row] = []
    for t in schema.entity_types:
        if t.shortcut:
            rows.append(("Tag", t.shortcut, f"Tag the selection as {t.name} (or retype the tag "
                         "at the cursor)", lambda tid=t.id: c.tag_selection(tid)))
    rows += [
        ("Tag", "Ctrl+K", "Link the tag to an entity (search in any script, or create)",
         lambda: c.link_tag()),
        ("Tag", "Ctrl+Shift+K", "New entity from the selection, tagged and linked in one step",
         c.new_entity_from_selection),
        ("Tag", "Del", "Delete the tag at the cursor", lambda: c.delete_tag()),
        ("Tag", "Backspace", "Delete the tag at the cursor", lambda: c.delete_tag()),
    ]
    for t in schema.event_types:
        if t.shortcut:
            rows.append(("Event", t.shortcut, f"New {t.name} event (trigger: the selection, "
                         "or the whole release)", lambda tid=t.id: c.new_event(tid)))
    rows.append(("Event", "e", "New event (choose the type)", lambda: c.new_event()))
    rows += [
        ("Suggestion", "n", "Next suggestion", lambda: c.move_suggestion(1)),
        ("Suggestion", "N", "Previous suggestion", lambda: c.move_suggestion(-1)),
        ("Suggestion", "a", "Accept the current suggestion", c.accept_suggestion),
        ("Suggestion", "r", "Reject the current suggestion (remembered)", c.reject_suggestion),
        ("Suggestion", "A", "Accept every suggestion of this release", c.accept_all),
        ("Suggestion", "R", "Reject every suggestion of this release", c.reject_all),
        ("Release", "j", "Next release", lambda: c.step(1)),
        ("Release", "k", "Previous release", lambda: c.step(-1)),
        ("Release", "u", "Next release without tags", c.next_untagged),
        ("Release", "Ctrl+Return", "Mark done and go to the next release", c.done_and_next),
    ]
    for status, key in STATUS_KEYS.items():
        rows.append(("Release", key, f"Mark {status.label}",
                     lambda s=status: c.set_status(s)))
    rows += [
        ("Edit", "Ctrl+Z", "Undo (across releases)", c.stack.undo),
        ("Edit", "Ctrl+Shift+Z", "Redo", c.stack.redo),
        ("Edit", "Ctrl+Y", "Redo", c.stack.redo),
        ("Windows", "Ctrl+E", "Entities: browse, merge, move aliases", c.show_entities),
        ("Windows", "Ctrl+Shift+T", "Annotation schema: types, colours, keys, roles",
         c.edit_schema),
        ("Windows", "F9", "Review session summary", c.show_session),
        ("Windows", "F1", "This list of shortcuts", c.show_cheat_sheet),
        ("Windows", "?", "This list of shortcuts", c.show_cheat_sheet),
    ]
    return rows
