"""Annotation data: schema types, spans, entities, suggestions, events, audit and sessions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from .errors import InvalidSpanError

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$")


@dataclass(frozen=True, slots=True)
class EntityType:
    id: int
    name: str
    colour: str
    shortcut: str | None
    position: int = 0


@dataclass(frozen=True, slots=True)
class EventType:
    id: int
    name: str
    colour: str
    shortcut: str | None
    position: int = 0
    roles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AnnotationSchema:
    entity_types: tuple[EntityType, ...]
    event_types: tuple[EventType, ...]

    def entity_type(self, type_id: int) -> EntityType | None:
        return next((t for t in self.entity_types if t.id == type_id), None)

    def event_type(self, type_id: int) -> EventType | None:
        return next((t for t in self.event_types if t.id == type_id), None)

    def entity_type_for_key(self, key: str) -> EntityType | None:
        k = key.lower()
        return next((t for t in self.entity_types if t.shortcut and t.shortcut.lower() == k), None)


@dataclass(frozen=True, slots=True)
class Span:
    """A tagged mention: code-point offsets over Release.text, end-exclusive."""

    id: int
    release_id: int
    start: int
    end: int
    text: str
    type_id: int
    entity_id: int | None = None
    created_by: str | None = None
    created_at: datetime | None = None
    version: int = 1


@dataclass(frozen=True, slots=True)
class Alias:
    id: int
    entity_id: int
    alias: str
    key: str
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    id: int
    type_id: int
    canonical_name: str
    aliases: tuple[Alias, ...] = ()
    merged_into: int | None = None
    mention_count: int = 0
    version: int = 1


@dataclass(frozen=True, slots=True)
class EntityHit:
    """An entity found by the link dialog's search, best first."""

    entity: Entity
    score: float
    matched_alias: str


@dataclass(frozen=True, slots=True)
class Mention:
    """Where an entity is mentioned: one span, with its release's language and title."""

    span_id: int
    release_id: int
    language: str | None
    title: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A known alias found in a release: a proposal only, until the reviewer accepts it."""

    release_id: int
    start: int
    end: int
    text: str
    entity_id: int
    type_id: int
    alias: str
    score: float = 100.0

    @property
    def key(self) -> tuple[int, int, int]:
        return (self.start, self.end, self.entity_id)


@dataclass(frozen=True, slots=True)
class Participant:
    id: int
    event_id: int
    role: str
    span_id: int | None = None
    entity_id: int | None = None
    label: str = ""   # the span text or entity name, for display


@dataclass(frozen=True, slots=True)
class Event:
    id: int
    release_id: int
    type_id: int
    trigger_span_id: int | None = None
    date_iso: str | None = None
    location: str | None = None
    event_group: int | None = None
    participants: tuple[Participant, ...] = ()
    created_by: str | None = None
    version: int = 1


@dataclass(frozen=True, slots=True)
class EventDraft:
    """What the event dialog collects: participants are (role, span_id, entity_id)."""

    type_id: int
    trigger_span_id: int | None = None
    date_iso: str | None = None
    location: str | None = None
    participants: tuple[tuple[str, int | None, int | None], ...] = ()


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str | None
    action: str
    target_kind: str
    target_id: int | None
    release_id: int | None
    detail: dict = field(default_factory=dict)
    session_id: int | None = None


@dataclass(frozen=True, slots=True)
class SessionSummary:
    id: int
    reviewer: str | None
    started_at: datetime
    ended_at: datetime | None
    releases_touched: tuple[int, ...]
    tags_made: int
    tags_removed: int
    actions: int
    events_made: int

    @property
    def duration_seconds(self) -> float:
        end = self.ended_at or datetime.now(self.started_at.tzinfo)
        return max(0.0, (end - self.started_at).total_seconds())


# --- rules -------------------------------------------------------------------------------

def check_span(text: str, start: int, end: int, covered: str | None = None) -> str:
    """The text covered by [start, end) in `text`; raise InvalidSpanError when it is wrong."""
    if not (isinstance(start, int) and isinstance(end, int)):
        raise InvalidSpanError("Span offsets must be whole numbers.")
    if start < 0 or end > len(text) or start >= end:
        raise InvalidSpanError(
            f"Span {start}-{end} is outside the release text (0-{len(text)}) or empty.")
    actual = text[start:end]
    if covered is not None and covered != actual:
        raise InvalidSpanError(
            f"Span {start}-{end} should cover {covered!r} but the release has {actual!r}.")
    if not actual.strip():
        raise InvalidSpanError("A span must cover some visible text, not only spaces.")
    return actual


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without leading/trailing white space (a drag selection often grabs a space)."""
    if not 0 <= start <= end <= len(text):
        return start, end  # left for check_span to refuse with a clear message
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def check_colour(colour: str) -> str:
    if not _COLOUR.match(colour or ""):
        raise ValueError(f"{colour!r} is not a colour like #1f77b4.")
    return colour.lower()


_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_date(value: str | None) -> str | None:
    """An event date normalised as YYYY, YYYY-MM or YYYY-MM-DD (or None)."""
    if value is None or not value.strip():
        return None
    v = value.strip()
    m = re.match(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$", v)  # 01.03.2023, the usual local form
    if m:
        v = f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    if not _DATE.match(v):
        raise ValueError(f"{value!r} is not a date like 2023-03-01, 2023-03 or 2023.")
    parts = [int(p) for p in v.split("-")]
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        raise ValueError(f"{value!r} has no such month.")
    if len(parts) > 2:
        try:
            date(*parts)
        except ValueError as exc:
            raise ValueError(f"{value!r} has no such day.") from exc
    return v
