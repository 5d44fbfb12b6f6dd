"""Plain types of export and merge: what leaves the store, what comes back, what disagrees.

Offsets are Unicode code points over `title + "\\n\\n" + body` (NFC), end-exclusive, as in the
store; formats that count UTF-16 units convert at the edge (see `utf16_offsets`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import NamedTuple

from .changes import ChangeSet
from .enums import ReviewStatus
from .releases import compose_text

NATIVE_FORMAT = "release-review-export"
NATIVE_SCHEMA_VERSION = 1


class ExportFormat(StrEnum):
    NATIVE = "jsonl"
    CSV = "csv"
    BRAT = "brat"
    CONLL = "conll"
    LABEL_STUDIO = "label-studio"
    DOCCANO = "doccano"
    WEB_ANNOTATION = "web-annotation"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def writes_folder(self) -> bool:
        """Formats made of several files write into a folder; the others write one file."""
        return self in (ExportFormat.CSV, ExportFormat.BRAT)


_LABELS = {
    ExportFormat.NATIVE: "Release Review JSONL (full fidelity)",
    ExportFormat.CSV: "CSV bundle (spreadsheet)",
    ExportFormat.BRAT: "brat standoff",
    ExportFormat.CONLL: "CoNLL-2003 BIO",
    ExportFormat.LABEL_STUDIO: "Label Studio JSON",
    ExportFormat.DOCCANO: "doccano JSONL",
    ExportFormat.WEB_ANNOTATION: "W3C Web Annotation JSON-LD",
}


@dataclass(frozen=True, slots=True)
class ExportFilter:
    """Which releases to export; empty fields do not filter."""

    statuses: tuple[ReviewStatus, ...] = ()
    languages: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    date_from: str | None = None        # inclusive ISO prefix
    date_to: str | None = None          # inclusive ISO prefix (2023-03 takes the whole month)
    tags: tuple[str, ...] = ()          # at least one span or event of one of these types
    entity_ids: tuple[int, ...] = ()    # at least one span linked to one of these entities
    version_groups: tuple[int, ...] = ()
    in_version_group: bool = False      # only releases that belong to some version group

    def describe(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for name in ("statuses", "languages", "sources", "tags", "entity_ids",
                     "version_groups"):
            value = getattr(self, name)
            if value:
                out[name] = [str(v) for v in value] if name == "statuses" else list(value)
        for name in ("date_from", "date_to"):
            if getattr(self, name):
                out[name] = getattr(self, name)
        if self.in_version_group:
            out["in_version_group"] = True
        return out


@dataclass(frozen=True, slots=True)
class TypeDef:
    """An entity or event type as configured; `roles` only for event types."""

    name: str
    colour: str
    shortcut: str | None
    position: int
    roles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ExportSchema:
    entity_types: tuple[TypeDef, ...]
    event_types: tuple[TypeDef, ...]


@dataclass(frozen=True, slots=True)
class ExportAlias:
    alias: str
    key: str
    language: str | None


@dataclass(frozen=True, slots=True)
class ExportEntity:
    id: int
    type: str
    canonical_name: str
    merged_into: int | None
    created_by: str | None
    created_at: datetime
    aliases: tuple[ExportAlias, ...] = ()


class ExportSpan(NamedTuple):
    """A tagged span. A named tuple rather than a dataclass: exports build millions."""

    id: int
    start: int
    end: int
    text: str
    type: str
    entity_id: int | None
    entity_name: str | None
    created_by: str | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class ExportParticipant:
    role: str
    span_id: int | None
    entity_id: int | None


@dataclass(frozen=True, slots=True)
class ExportEvent:
    id: int
    type: str
    trigger_span_id: int | None
    date_iso: str | None
    location: str | None
    event_group: int | None
    created_by: str | None
    created_at: datetime
    participants: tuple[ExportParticipant, ...] = ()


@dataclass(frozen=True, slots=True)
class ExportFile:
    source_path: str
    file_hash: str
    external_id: str | None


@dataclass(frozen=True, slots=True)
class RejectedSuggestion:
    start: int
    end: int
    entity_id: int


class ExportDocument(NamedTuple):
    """One release with everything annotated on it (a named tuple: exports build many)."""

    id: int
    content_hash: str
    external_id: str | None
    source_path: str
    title: str
    body: str
    language: str | None
    language_confidence: float
    date_iso: str | None
    date_precision: str | None
    dateline: str | None
    url: str | None
    source: str | None
    imported_at: datetime
    review_status: str
    metadata: dict
    match_keys: dict | None
    version_group: int | None
    tag_count: int
    duplicate_count: int
    spans: tuple[ExportSpan, ...] = ()
    events: tuple[ExportEvent, ...] = ()
    files: tuple[ExportFile, ...] = ()
    rejected: tuple[RejectedSuggestion, ...] = ()

    @property
    def text(self) -> str:
        return compose_text(self.title, self.body)

    @property
    def doc_name(self) -> str:
        """A file-name-safe name that stays stable across databases."""
        return f"release-{self.id}-{self.content_hash[:12]}"


@dataclass(frozen=True, slots=True)
class ExportPair:
    id: int
    release_a: int
    release_b: int
    hash_a: str
    hash_b: str
    kind: str
    score: float
    evidence: dict
    status: str
    decided_by: str | None
    decided_at: datetime | None
    found_at: datetime


@dataclass(slots=True)
class ExportSummary:
    """What was written, and what the chosen format could not carry."""

    format: str = ""
    path: str = ""
    releases: int = 0
    spans: int = 0
    events: int = 0
    pairs: int = 0
    entities: int = 0
    files: int = 0
    cancelled: bool = False
    # message -> how many times; e.g. "event without trigger (brat needs one)": 3
    lost: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def lose(self, what: str, count: int = 1, example: str | None = None) -> None:
        if count <= 0:
            return
        self.lost[what] += count
        if example is not None:
            shown = self.examples.setdefault(what, [])
            if len(shown) < 5:
                shown.append(example)

    def text(self) -> str:
        head = (f"{self.releases} releases, {self.spans} spans, {self.events} events, "
                f"{self.pairs} pairs, {self.entities} entities written to {self.path}")
        if self.cancelled:
            head += " (cancelled: the output is incomplete)"
        lines = [head]
        for what, n in sorted(self.lost.items()):
            line = f"not represented: {what}: {n}"
            if self.examples.get(what):
                line += " (e.g. " + "; ".join(self.examples[what]) + ")"
            lines.append(line)
        lines.extend(self.notes)
        return "\n".join(lines)

    def as_dict(self) -> dict[str, object]:
        return {"format": self.format, "path": self.path, "releases": self.releases,
                "spans": self.spans, "events": self.events, "pairs": self.pairs,
                "entities": self.entities, "cancelled": self.cancelled,
                "not_represented": dict(self.lost), "examples": self.examples,
                "notes": list(self.notes)}


# --- merge -------------------------------------------------------------------------------

class ConflictKind(StrEnum):
    SPAN_TYPE = "span_type"            # same offsets, different entity type
    SPAN_ENTITY = "span_entity"        # same span, linked to different entities
    PAIR_DECISION = "pair_decision"    # one confirmed, the other rejected
    EVENT_FIELD = "event_field"        # same event, different date or location
    REVIEW_STATUS = "review_status"    # both reviewed, with different outcomes

    @property
    def label(self) -> str:
        return _CONFLICT_LABELS[self]


_CONFLICT_LABELS = {
    ConflictKind.SPAN_TYPE: "span typed differently",
    ConflictKind.SPAN_ENTITY: "span linked to another entity",
    ConflictKind.PAIR_DECISION: "duplicate decided differently",
    ConflictKind.EVENT_FIELD: "event date or place differs",
    ConflictKind.REVIEW_STATUS: "review status differs",
}


class Resolution(StrEnum):
    KEEP_LOCAL = "local"
    TAKE_INCOMING = "incoming"
    KEEP_BOTH = "both"   # spans only: add the other reading as a second, overlapping span


@dataclass(frozen=True, slots=True)
class MergeConflict:
    id: int
    kind: ConflictKind
    release_id: int | None
    target_id: int | None
    local: dict
    incoming: dict
    reviewer: str | None       # who made the incoming decision
    origin: str                # the file it came from
    found_at: datetime
    resolution: Resolution | None = None

    @property
    def choices(self) -> tuple[Resolution, ...]:
        if self.kind is ConflictKind.SPAN_TYPE:
            return (Resolution.KEEP_LOCAL, Resolution.TAKE_INCOMING, Resolution.KEEP_BOTH)
        return (Resolution.KEEP_LOCAL, Resolution.TAKE_INCOMING)

    def describe(self) -> str:
        return f"{self.kind.label}: ours {_brief(self.local)} / theirs {_brief(self.incoming)}"


def _brief(values: dict) -> str:
    return ", ".join(f"{k}={v}" for k, v in values.items() if k not in ("span_id", "pair_id"))


@dataclass(slots=True)
class MergeReport:
    path: str = ""
    releases_added: int = 0
    releases_matched: int = 0
    entities_added: int = 0
    entities_matched: int = 0
    spans_added: int = 0
    spans_matched: int = 0
    links_added: int = 0
    events_added: int = 0
    participants_added: int = 0
    pairs_added: int = 0
    decisions_added: int = 0
    statuses_updated: int = 0
    conflicts: list[MergeConflict] = field(default_factory=list)
    cancelled: bool = False
    touched: set[int] = field(default_factory=set)

    @property
    def changes(self) -> ChangeSet:
        """What views showing the merged database should refresh."""
        touched = frozenset(self.touched)
        return ChangeSet(releases=touched, release_list=self.releases_added > 0,
                         annotations=touched, entities=self.entities_added > 0,
                         duplicates=bool(self.pairs_added or self.decisions_added))

    def summary(self) -> str:
        text = (f"{self.releases_added} releases added, {self.releases_matched} matched; "
                f"{self.spans_added} spans added ({self.spans_matched} already present), "
                f"{self.links_added} entity links added, {self.events_added} events added, "
                f"{self.pairs_added} duplicate pairs added, {self.decisions_added} decisions "
                f"taken over, {self.entities_added} entities added; "
                f"{len(self.conflicts)} conflicts to resolve")
        return text + (" (cancelled: nothing from the unfinished batch was kept)"
                       if self.cancelled else "")


def utf16_offsets(text: str) -> list[int]:
    """Prefix table: code-point index -> UTF-16 unit index (len(text)+1 entries).

    Only needed when the text holds astral characters; callers check `text.isascii()` or
    `needs_utf16(text)` first to stay fast.
    """
    out = [0] * (len(text) + 1)
    units = 0
    for i, ch in enumerate(text):
        out[i] = units
        units += 2 if ord(ch) > 0xFFFF else 1
    out[len(text)] = units
    return out


def needs_utf16(text: str) -> bool:
    return not text.isascii() and any(ord(ch) > 0xFFFF for ch in text)
