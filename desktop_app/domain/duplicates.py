"""Candidate versions of a release: what the engine proposes and what reviewers decide."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from .enums import DuplicateKind, PairStatus


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why two releases look like versions of one another.

    `names` pairs the spelling on each side (`("Vitorino", "Виторино")`); `numbers` and `dates`
    list what both sides share (`dates` as `MM-DD` or `YYYY-MM-DD`); `conflicts` names figures or
    dates found on one side only, which count against the match.
    """

    names: tuple[tuple[str, str], ...] = ()
    numbers: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    acronyms: tuple[tuple[str, str], ...] = ()
    conflicts: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return {"names": [list(p) for p in self.names], "numbers": list(self.numbers),
                "dates": list(self.dates), "acronyms": [list(p) for p in self.acronyms],
                "conflicts": list(self.conflicts), "notes": list(self.notes)}

    @classmethod
    def from_json(cls, data: dict | None) -> Evidence:
        data = data or {}
        return cls(names=tuple(tuple(p) for p in data.get("names", ())),
                   numbers=tuple(data.get("numbers", ())), dates=tuple(data.get("dates", ())),
                   acronyms=tuple(tuple(p) for p in data.get("acronyms", ())),
                   conflicts=tuple(data.get("conflicts", ())),
                   notes=tuple(data.get("notes", ())))

    def summary(self, limit: int = 4) -> str:
        parts = [f"{a} ↔ {b}" if a != b else a for a, b in self.names[:limit]]
        parts += list(self.numbers[:limit]) + list(self.dates[:limit])
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A pair the engine proposes; `a < b` (release ids)."""

    a: int
    b: int
    kind: DuplicateKind
    score: float
    evidence: Evidence = field(default_factory=Evidence)


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    """A stored pair with its review state and what the list shows of both releases."""

    id: int
    release_a: int
    release_b: int
    kind: DuplicateKind
    score: float
    evidence: Evidence
    status: PairStatus
    decided_by: str | None = None
    decided_at: datetime | None = None
    found_at: datetime | None = None
    lang_a: str | None = None
    lang_b: str | None = None
    title_a: str = ""
    title_b: str = ""
    external_a: str | None = None
    external_b: str | None = None
    path_a: str = ""
    path_b: str = ""
    group_a: int | None = None
    group_b: int | None = None
    version: int = 1

    @property
    def language_pair(self) -> str:
        langs = sorted([self.lang_a or "?", self.lang_b or "?"])
        return "–".join(langs)


@dataclass(frozen=True, slots=True)
class PairFilter:
    kinds: tuple[DuplicateKind, ...] = ()
    statuses: tuple[PairStatus, ...] = ()
    language_pair: str | None = None   # "az–fr" as `DuplicatePair.language_pair` writes it
    release_id: int | None = None


@dataclass(frozen=True, slots=True)
class VersionInfo:
    """Other confirmed versions of a release, for "also in: az, ru" in the reader."""

    release_id: int
    language: str | None
    title: str


@dataclass(slots=True)
class DetectionReport:
    releases: int = 0
    candidates_scored: int = 0
    proposed: int = 0
    new_pairs: int = 0
    updated_pairs: int = 0
    kept_rejected: int = 0
    seconds: float = 0.0
    cancelled: bool = False
    by_kind: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        kinds = ", ".join(f"{k}: {n}" for k, n in sorted(self.by_kind.items()))
        text = (f"{self.releases} releases, {self.candidates_scored} pairs scored, "
                f"{self.proposed} proposed ({kinds or 'none'}), {self.new_pairs} new, "
                f"{self.kept_rejected} rejected kept, {self.seconds:.1f} s")
        return text + (" (cancelled)" if self.cancelled else "")
