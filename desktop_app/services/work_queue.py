"""Team work queue: each reviewer is handed releases nobody else holds.

Holds expire (default two hours without renewal), so a reviewer who leaves does not block the
team; the release list shows who holds what through `holds()`.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta

from ..domain.changes import ChangeSet
from ..domain.enums import ReviewStatus
from ..domain.errors import ReleaseReviewError
from ..domain.holds import HOLD_LAPSE, Hold
from ..storage import Database
from ..storage import work_queue as repo
from .sessions import WorkLog

DEFAULT_HOLD = HOLD_LAPSE


def default_reviewer() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some service accounts): still usable, just anonymous
        return "reviewer"


def _checked(name: str) -> str:
    name = name.strip()
    if not name:
        raise ReleaseReviewError("A reviewer name is needed to take releases from the queue.")
    if len(name) > 100:
        raise ReleaseReviewError("A reviewer name may have at most 100 characters.")
    return name


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class WorkQueueService:
    def __init__(self, db: Database, reviewer: str | None = None,
                 hold_for: timedelta = DEFAULT_HOLD, clock=utcnow,
                 log: WorkLog | None = None) -> None:
        if hold_for <= timedelta(0):
            raise ReleaseReviewError("Holds must last a positive time.")
        self.db = db
        self.log = log  # when given, holds are taken under the name tags are recorded with
        self._reviewer = _checked(reviewer if reviewer is not None else default_reviewer())
        self.hold_for = hold_for
        self.clock = clock

    @property
    def reviewer(self) -> str:
        if self.log is not None and self.log.actor:
            return _checked(self.log.actor)
        return self._reviewer

    def _cutoff(self, now: datetime) -> datetime:
        return now - self.hold_for

    def mine(self) -> list[int]:
        """The releases this reviewer holds now."""
        with self.db.read() as s:
            return repo.held_by(s, self.reviewer, self._cutoff(self.clock()))

    def next(self, count: int = 1, statuses: Sequence[ReviewStatus] = repo.OPEN_STATUSES,
             among: Sequence[int] | None = None) -> ChangeSet:
        """Make sure this reviewer holds `count` releases: theirs first, then free ones.

        extra["held"] lists the ids held afterwards (fewer than `count` when the queue is
        empty), extra["taken"] the ones newly taken.
        """
        if count < 1:
            raise ReleaseReviewError("Ask for at least one release.")
        now = self.clock()
        cutoff = self._cutoff(now)
        with self.db.write() as s:
            every = repo.held_by(s, self.reviewer, cutoff)
            still_open = set(repo.held_by(s, self.reviewer, cutoff, statuses))
            # Releases finished (or skipped) since they were taken go back to the pool.
            finished = repo.release(s, self.reviewer, [i for i in every if i not in still_open])
            held = repo.renew(s, self.reviewer, sorted(still_open), now, cutoff)
            if among is not None:
                held = [i for i in held if i in set(among)]
            taken = repo.take(s, self.reviewer, count - len(held), now, cutoff, statuses, among)
        ids = held[:count] + taken
        return ChangeSet(releases=frozenset(taken) | frozenset(finished),
                         extra={"held": tuple(ids), "taken": tuple(taken)})

    def take(self, release_ids: Iterable[int]) -> ChangeSet:
        """Take these particular releases if free; extra["taken"] says which were."""
        wanted = sorted(set(release_ids))
        now = self.clock()
        with self.db.write() as s:
            taken = repo.take(s, self.reviewer, len(wanted), now, self._cutoff(now),
                              tuple(ReviewStatus), among=wanted)
        return ChangeSet(releases=frozenset(taken), extra={"taken": tuple(taken)})

    def renew(self) -> ChangeSet:
        """Keep this reviewer's holds alive; extra["held"] lists the ones not lost."""
        now = self.clock()
        cutoff = self._cutoff(now)
        with self.db.write() as s:
            held = repo.renew(s, self.reviewer, repo.held_by(s, self.reviewer, cutoff), now,
                              cutoff)
        return ChangeSet(extra={"held": tuple(held)})

    def release(self, release_ids: Iterable[int] | None = None) -> ChangeSet:
        """Give back some (or all) of this reviewer's holds."""
        with self.db.write() as s:
            freed = repo.release(s, self.reviewer, release_ids)
        return ChangeSet(releases=frozenset(freed), extra={"freed": tuple(freed)})

    def expire(self) -> ChangeSet:
        """Free every hold older than the hold time, whoever took it."""
        with self.db.write() as s:
            freed = repo.expire(s, self._cutoff(self.clock()))
        return ChangeSet(releases=frozenset(freed), extra={"freed": tuple(freed)})

    def holds(self, release_ids: Iterable[int] | None = None) -> dict[int, Hold]:
        """Who holds which of `release_ids` (all releases when None), for the list."""
        with self.db.read() as s:
            return repo.holds(s, release_ids, self._cutoff(self.clock()))
