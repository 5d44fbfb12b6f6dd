"""Audit trail and review sessions: who did what, when, and in which sitting."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ..domain.annotations import AuditEntry, SessionSummary
from ..domain.errors import NotFoundError
from .annotations import now
from .tables import AuditRow, ReviewSessionRow

# Actions that create or remove a tag, for the session summary.
TAG_MADE = ("span.create", "suggestion.accept", "span.restore")
TAG_REMOVED = ("span.delete",)
EVENT_MADE = ("event.create",)


def record(session: Session, actor: str | None, action: str, target_kind: str,
           target_id: int | None, release_id: int | None, detail: dict | None,
           session_id: int | None) -> None:
    session.execute(AuditRow.__table__.insert(), [{
        "at": now(), "actor": actor, "action": action, "target_kind": target_kind,
        "target_id": target_id, "release_id": release_id, "detail": detail or {},
        "session_id": session_id}])


def record_many(session: Session, rows: Sequence[dict]) -> None:
    if rows:
        stamp = now()
        session.execute(AuditRow.__table__.insert(), [{"at": stamp, **r} for r in rows])


def entries(session: Session, release_id: int | None = None, session_id: int | None = None,
            limit: int = 200) -> list[AuditEntry]:
    stmt = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
    if release_id is not None:
        stmt = stmt.where(AuditRow.release_id == release_id)
    if session_id is not None:
        stmt = stmt.where(AuditRow.session_id == session_id)
    return [AuditEntry(r.id, r.at, r.actor, r.action, r.target_kind, r.target_id, r.release_id,
                       dict(r.detail or {}), r.session_id) for r in session.scalars(stmt)]


def start_session(session: Session, reviewer: str | None) -> int:
    row = ReviewSessionRow(reviewer=reviewer, started_at=now())
    session.add(row)
    session.flush()
    return row.id


def end_session(session: Session, session_id: int) -> None:
    session.execute(update(ReviewSessionRow).where(ReviewSessionRow.id == session_id,
                                                   ReviewSessionRow.ended_at.is_(None))
                    .values(ended_at=now()))


def summary(session: Session, session_id: int) -> SessionSummary:
    row = session.get(ReviewSessionRow, session_id)
    if row is None:
        raise NotFoundError(f"Review session {session_id} does not exist.")
    touched = tuple(session.scalars(
        select(AuditRow.release_id).where(AuditRow.session_id == session_id,
                                          AuditRow.release_id.is_not(None))
        .group_by(AuditRow.release_id).order_by(func.min(AuditRow.id))))

    def count(actions: tuple[str, ...] | None) -> int:
        stmt = select(func.count()).where(AuditRow.session_id == session_id)
        if actions is not None:
            stmt = stmt.where(AuditRow.action.in_(actions))
        return session.scalar(stmt) or 0

    return SessionSummary(row.id, row.reviewer, row.started_at, row.ended_at, touched,
                          tags_made=count(TAG_MADE), tags_removed=count(TAG_REMOVED),
                          actions=count(None), events_made=count(EVENT_MADE))


def recent_sessions(session: Session, limit: int = 20) -> list[int]:
    return list(session.scalars(select(ReviewSessionRow.id)
                                .order_by(ReviewSessionRow.id.desc()).limit(limit)))
