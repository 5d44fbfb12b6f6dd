"""Work queue: hand each reviewer releases that nobody else holds.

A hold is `releases.held_by` / `held_at`. Taking releases is race-free on both back ends:
PostgreSQL picks candidates with SELECT … FOR UPDATE SKIP LOCKED, so concurrent reviewers
skip rows another is taking instead of waiting for them; SQLite runs one conditional UPDATE
inside a BEGIN IMMEDIATE transaction, so takers are serialised. A hold older than the expiry
is free again (a reviewer who walked away does not block the team). Holding is not an edit of
the release: its optimistic-lock version is left alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session

from ..domain.enums import ReviewStatus
from ..domain.holds import Hold
from .tables import ReleaseRowTable as R

OPEN_STATUSES = (ReviewStatus.NEW, ReviewStatus.IN_PROGRESS)


def _free(expire_before: datetime):
    return or_(R.held_by.is_(None), R.held_at.is_(None), R.held_at < expire_before)


def held_by(session: Session, reviewer: str, expire_before: datetime,
            statuses: Sequence[ReviewStatus] | None = None) -> list[int]:
    """Releases `reviewer` holds and whose hold has not expired, oldest id first."""
    stmt = select(R.id).where(R.held_by == reviewer, R.held_at >= expire_before)
    if statuses is not None:
        stmt = stmt.where(R.review_status.in_([s.value for s in statuses]))
    return list(session.scalars(stmt.order_by(R.id)))


def take(session: Session, reviewer: str, count: int, now: datetime, expire_before: datetime,
         statuses: Sequence[ReviewStatus] = OPEN_STATUSES,
         among: Sequence[int] | None = None) -> list[int]:
    """Hold up to `count` more free releases for `reviewer`; returns the ids now taken.

    `among` restricts the choice (e.g. to the releases of the reviewer's current filter).
    """
    if count <= 0:
        return []
    cond = and_(R.review_status.in_([s.value for s in statuses]), _free(expire_before),
                or_(R.held_by.is_(None), R.held_by != reviewer))
    if among is not None:
        if not among:
            return []
        cond = and_(cond, R.id.in_(list(among)))
    pick = select(R.id).where(cond).order_by(R.id).limit(count)
    if session.get_bind().dialect.name == "sqlite":
        stmt = (update(R).where(R.id.in_(pick.scalar_subquery()), _free(expire_before))
                .values(held_by=reviewer, held_at=now).returning(R.id)
                .execution_options(synchronize_session=False))
        return sorted(session.scalars(stmt))
    ids = list(session.scalars(pick.with_for_update(skip_locked=True, key_share=True)))
    if not ids:
        return []
    session.execute(update(R).where(R.id.in_(ids)).values(held_by=reviewer, held_at=now)
                    .execution_options(synchronize_session=False))
    return ids


def renew(session: Session, reviewer: str, ids: Iterable[int], now: datetime,
          expire_before: datetime) -> list[int]:
    """Refresh `reviewer`'s unexpired holds on `ids`; returns the ids still held."""
    wanted = list(ids)
    if not wanted:
        return []
    stmt = (update(R).where(R.id.in_(wanted), R.held_by == reviewer, R.held_at >= expire_before)
            .values(held_at=now).returning(R.id).execution_options(synchronize_session=False))
    return sorted(session.scalars(stmt))


def release(session: Session, reviewer: str, ids: Iterable[int] | None = None) -> list[int]:
    """Give back `reviewer`'s holds (all of them when `ids` is None); returns the ids freed."""
    stmt = update(R).where(R.held_by == reviewer)
    if ids is not None:
        wanted = list(ids)
        if not wanted:
            return []
        stmt = stmt.where(R.id.in_(wanted))
    stmt = (stmt.values(held_by=None, held_at=None).returning(R.id)
            .execution_options(synchronize_session=False))
    return sorted(session.scalars(stmt))


def expire(session: Session, expire_before: datetime) -> list[int]:
    """Free every hold taken before `expire_before`; returns the ids freed."""
    stmt = (update(R).where(R.held_by.is_not(None), R.held_at < expire_before)
            .values(held_by=None, held_at=None).returning(R.id)
            .execution_options(synchronize_session=False))
    return sorted(session.scalars(stmt))


def holds(session: Session, ids: Iterable[int] | None, expire_before: datetime) -> dict[int, Hold]:
    """Current (unexpired) holds, of `ids` or of every release when None."""
    stmt = select(R.id, R.held_by, R.held_at).where(R.held_by.is_not(None),
                                                   R.held_at >= expire_before)
    if ids is not None:
        wanted = list(ids)
        if not wanted:
            return {}
        stmt = stmt.where(R.id.in_(wanted))
    return {i: Hold(i, who, since) for i, who, since in session.execute(stmt.order_by(R.id))}
