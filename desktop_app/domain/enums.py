"""Enumerations shared by every layer."""

from enum import StrEnum


class ReviewStatus(StrEnum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    SKIPPED = "skipped"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class DatePrecision(StrEnum):
    """How much of a release date is known."""

    DAY = "day"          # 2023-03-01
    MONTH = "month"      # 2023-03
    YEAR = "year"        # 2023
    MONTH_DAY = "month_day"  # --03-01: day and month known, year not (ISO 8601 truncated form)


class DuplicateKind(StrEnum):
    EXACT = "exact"
    NEAR = "near"            # same language: re-post, edited or shortened copy
    CROSS_LANGUAGE = "cross"  # the same release in another language


class PairStatus(StrEnum):
    CANDIDATE = "candidate"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class ImportOutcome(StrEnum):
    IMPORTED = "imported"
    EXACT_DUPLICATE = "exact_duplicate"   # same text as a release already stored: linked, not stored
    UNCHANGED = "unchanged"               # this very file was imported before
    SKIPPED = "skipped"                   # unusable file (binary, empty, too large, undecodable)
    FAILED = "failed"                     # unexpected error reading this file
