"""Who holds which release in the team work queue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Hold:
    release_id: int
    reviewer: str
    since: datetime  # UTC, naive
