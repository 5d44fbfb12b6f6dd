"""Releases as the importers produce them and as the store returns them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from .enums import DatePrecision, ImportOutcome, ReviewStatus


@dataclass(frozen=True, slots=True)
class ReleaseDate:
    """A date as far as it is known; `iso` is YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD."""

    iso: str
    precision: DatePrecision

    @property
    def sort_key(self) -> str:
        return self.iso if not self.iso.startswith("--") else ""

    def as_date(self) -> date | None:
        """The first day the date can mean, or None when the year is unknown."""
        if self.precision is DatePrecision.MONTH_DAY:
            return None
        parts = [int(p) for p in self.iso.split("-")]
        while len(parts) < 3:
            parts.append(1)
        return date(parts[0], parts[1], parts[2])


@dataclass(frozen=True, slots=True)
class ParsedRelease:
    """One release read from a file, before it is stored."""

    source_path: str
    title: str
    body: str
    external_id: str | None = None
    language: str | None = None
    language_confidence: float = 0.0
    date: ReleaseDate | None = None
    dateline: str | None = None
    url: str | None = None
    source: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Release:
    """A stored release."""

    id: int
    external_id: str | None
    source_path: str
    content_hash: str
    title: str
    body: str
    language: str | None
    language_confidence: float
    date: ReleaseDate | None
    dateline: str | None
    url: str | None
    source: str | None
    imported_at: datetime
    review_status: ReviewStatus
    version: int
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The text spans point into: title, blank line, body."""
        return compose_text(self.title, self.body)

    @property
    def body_offset(self) -> int:
        return len(self.title) + 2 if self.title else 0


def compose_text(title: str, body: str) -> str:
    return f"{title}\n\n{body}" if title else body


@dataclass(frozen=True, slots=True)
class ReleaseRow:
    """What the release list shows for one release (no body)."""

    id: int
    date_iso: str | None
    language: str | None
    title: str
    source: str | None
    review_status: ReviewStatus
    tag_count: int = 0
    duplicate_count: int = 0
    version_group: int | None = None
    version: int = 0   # the stored version when the row was read (0: unknown)


@dataclass(frozen=True, slots=True)
class ReleaseFilter:
    """Filters of the release list; empty fields do not filter."""

    languages: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    statuses: tuple[ReviewStatus, ...] = ()
    date_from: str | None = None   # inclusive, ISO prefix
    date_to: str | None = None     # inclusive, ISO prefix
    search: str = ""               # the user's words, never FTS syntax


SORT_COLUMNS = ("date", "language", "title", "source", "status", "tags", "duplicates", "held",
                "id")


@dataclass(frozen=True, slots=True)
class FileReport:
    path: str
    outcome: ImportOutcome
    reason: str = ""
    releases: int = 0
    warnings: tuple[str, ...] = ()   # records of the file that were skipped, with why


@dataclass(slots=True)
class ImportReport:
    run_id: int | None = None
    files: list[FileReport] = field(default_factory=list)
    cancelled: bool = False
    new_release_ids: list[int] = field(default_factory=list)

    def count(self, outcome: ImportOutcome) -> int:
        return sum(1 for f in self.files if f.outcome is outcome)

    @property
    def imported_releases(self) -> int:
        return len(self.new_release_ids)

    @property
    def warnings(self) -> list[tuple[str, str]]:
        """(file, message) for every skipped record inside files that were imported."""
        return [(f.path, w) for f in self.files for w in f.warnings]

    @property
    def problems(self) -> list[FileReport]:
        return [f for f in self.files if f.outcome in (ImportOutcome.SKIPPED, ImportOutcome.FAILED)]

    def summary(self) -> str:
        parts = [
            f"{self.imported_releases} releases imported",
            f"{self.count(ImportOutcome.EXACT_DUPLICATE)} exact duplicates linked",
            f"{self.count(ImportOutcome.UNCHANGED)} already imported",
            f"{len(self.problems)} files skipped",
        ]
        if self.warnings:
            parts.append(f"{len(self.warnings)} records skipped")
        text = ", ".join(parts)
        return text + (" (cancelled)" if self.cancelled else "")
