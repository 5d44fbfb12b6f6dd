"""Who holds which release in the team work queue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

# A hold lapses after this long without activity, so an absent colleague blocks nobody.
HOLD_LAPSE = timedelta(hours=2)


@dataclass(frozen=True, slots=True)
class Hold:
    release_id: int
    reviewer: str
    since: datetime  # UTC, naive
