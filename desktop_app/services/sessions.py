"""Review sessions and the reviewer's identity, shared by every annotation service.

A session starts when the reviewer starts work (the first annotation action, or explicitly)
and ends when the window closes; its summary is computed from the audit rows it owns.
"""

from __future__ import annotations

import logging

from ..domain.annotations import AuditEntry, SessionSummary
from ..domain.errors import StorageError
from ..storage import Database
from ..storage import audit as audit_repo

log = logging.getLogger(__name__)


class WorkLog:
    """Who is working, in which review session; every audited write goes through `audit`."""

    def __init__(self, db: Database, actor: str | None = None) -> None:
        self.db = db
        self.actor = actor
        self.session_id: int | None = None

    def set_actor(self, name: str | None) -> None:
        name = (name or "").strip() or None
        if name != self.actor and self.session_id is not None:
            self.end()  # a new reviewer starts a new session
        self.actor = name

    def ensure_session(self, session) -> int:  # noqa: ANN001 - a storage write session
        """The current review session, started inside the caller's write transaction."""
        if self.session_id is None:
            self.session_id = audit_repo.start_session(session, self.actor)
        return self.session_id

    def audit(self, session, action: str, target_kind: str, target_id: int | None,  # noqa: ANN001
              release_id: int | None, detail: dict | None = None) -> None:
        sid = self.ensure_session(session)
        audit_repo.record(session, self.actor, action, target_kind, target_id, release_id,
                          detail, sid)

    def start(self) -> int:
        with self.db.write() as s:
            return self.ensure_session(s)

    def end(self) -> None:
        """Close the session; at shutdown a failure (disk full, read-only) is only logged,
        the session then simply has no end time."""
        if self.session_id is None:
            return
        sid, self.session_id = self.session_id, None
        try:
            with self.db.write() as s:
                audit_repo.end_session(s, sid)
        except StorageError as exc:
            log.warning("review session %s not closed: %s", sid, exc)


class SessionService:
    def __init__(self, db: Database, log: WorkLog) -> None:
        self.db = db
        self.log = log

    def start(self) -> int:
        return self.log.start()

    def end(self) -> None:
        self.log.end()

    @property
    def current_id(self) -> int | None:
        return self.log.session_id

    def summary(self, session_id: int | None = None) -> SessionSummary | None:
        sid = session_id if session_id is not None else self.log.session_id
        if sid is None:
            return None
        with self.db.read() as s:
            return audit_repo.summary(s, sid)

    def recent(self, limit: int = 20) -> list[SessionSummary]:
        with self.db.read() as s:
            return [audit_repo.summary(s, sid) for sid in audit_repo.recent_sessions(s, limit)]

    def audit_entries(self, release_id: int | None = None, session_id: int | None = None,
                      limit: int = 200) -> list[AuditEntry]:
        with self.db.read() as s:
            return audit_repo.entries(s, release_id, session_id, limit)

    def record(self, action: str, release_ids: list[int], detail: dict | None = None) -> None:
        """Audit an action done through another service (e.g. a review-status change)."""
        with self.db.write() as s:
            for rid in release_ids:
                self.log.audit(s, action, "release", rid, rid, detail)
