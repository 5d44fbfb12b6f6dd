"""Optimistic locking: saves that never overwrite a change the reviewer has not seen.

Releases, spans, entities, events and duplicate pairs carry a `version`. A save names the
version the reviewer read; the UPDATE matches on it and bumps it, so of two reviewers saving
over the same version exactly one wins and the other gets a ConflictError listing what
changed. On PostgreSQL (READ COMMITTED) a concurrent UPDATE of the row waits for the first to
commit and then re-checks `version`; on SQLite writers are serialised by BEGIN IMMEDIATE.

`lock_rows` serialises read-then-write work on a parent row (e.g. counting a release's
spans), which a version check alone cannot protect on PostgreSQL.
"""

from __future__ import annotations

import contextlib
import zlib
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime

from sqlalchemy import delete, select, text, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..domain.errors import ConflictError, FieldChange, NotFoundError
from .tables import DuplicatePairRow, EntityRow, EventRow, ReleaseRowTable, SpanRow

# What a reviewer calls each versioned record, for messages.
KINDS: dict[type, str] = {
    ReleaseRowTable: "release",
    SpanRow: "tag",
    EntityRow: "entity",
    EventRow: "event",
    DuplicatePairRow: "duplicate decision",
}
# Columns not worth showing in a conflict: bookkeeping, or too long to display.
_HIDDEN = {"version", "body", "title", "match_keys", "metadata_json", "evidence", "held_at"}


def kind_of(table: type) -> str:
    return KINDS.get(table, table.__tablename__)


def lock_rows(session: Session, table: type, ids: Iterable[int]) -> None:
    """Hold row locks on `ids` until the transaction ends (no-op on SQLite: one writer).

    FOR NO KEY UPDATE: it serialises writers of the rows but, unlike FOR UPDATE, does not
    wait for transactions that merely inserted children pointing at them (their foreign-key
    check holds KEY SHARE), which would deadlock two taggers of one release.
    """
    wanted = sorted(set(ids))  # a fixed order, so two writers cannot deadlock
    if wanted and session.get_bind().dialect.name != "sqlite":
        session.execute(select(table.id).where(table.id.in_(wanted))
                        .order_by(table.id).with_for_update(key_share=True))


def get_locked(session: Session, table: type, row_id: int):
    """The ORM row, locked until the transaction ends, so a version check on it holds."""
    if session.get_bind().dialect.name == "sqlite":
        return session.get(table, row_id)
    return session.get(table, row_id, with_for_update={"key_share": True},
                       populate_existing=True)


def update_checked(session: Session, table: type, row_id: int, expected_version: int | None,
                   values: Mapping[str, object], missing: str):  # noqa: ANN201 - ORM row
    """Set `values` on a row, first checking it is still at `expected_version` (when given).

    The row is locked, so the version checked is still the one the UPDATE replaces; the ORM's
    version column then bumps it. `missing` is the message when the row is gone.
    """
    row = get_locked(session, table, row_id)
    if row is None:
        raise NotFoundError(missing)
    if expected_version is not None and row.version != expected_version:
        raise conflict(session, table, row_id, expected_version, values)
    for key, value in values.items():
        setattr(row, key, value)
    return row


def serialize(session: Session, name: str) -> None:
    """Let one transaction at a time past this point for `name`, until it ends.

    For derived data computed from many rows (e.g. version groups over confirmed pairs):
    after the wait, the transaction reads what the previous holder committed. A PostgreSQL
    transaction-level advisory lock; SQLite has one writer anyway.
    """
    if session.get_bind().dialect.name != "sqlite":
        key = zlib.crc32(name.encode("utf-8")) - (1 << 31)  # a stable signed 32-bit key
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": key})


def current_values(session: Session, table: type, row_id: int) -> dict | None:
    """The row as stored now (read past this session's identity map), or None if deleted."""
    row = session.execute(select(table.__table__).where(table.id == row_id)).mappings().first()
    return dict(row) if row is not None else None


def _show(value: object) -> object:
    return value.isoformat(sep=" ", timespec="seconds") if isinstance(value, datetime) else value


def conflict(session: Session, table: type, row_id: int, expected_version: int | None,
             attempted: Mapping[str, object] | None = None,
             base: Mapping[str, object] | None = None) -> ConflictError:
    """The ConflictError for a save over `expected_version` that did not match.

    `base` is what the reviewer read: the fields whose stored value now differs from it are
    the other reviewer's changes. Without it, the attempted fields that differ are listed.
    """
    kind = kind_of(table)
    now = current_values(session, table, row_id)
    if now is None:
        return ConflictError(
            f"This {kind} was deleted by someone else meanwhile; reload to see the current "
            "state.", kind=kind, record_id=row_id, expected_version=expected_version,
            deleted=True)
    reference = base if base is not None else (attempted or {})
    changes = tuple(
        FieldChange(name, _show(mine), _show(now[name]))
        for name, mine in reference.items()
        if name in now and name not in _HIDDEN and now[name] != mine)
    mine_was = "you had" if base is not None else "you were saving"
    detail = "; ".join(f"{c.field} is now {c.theirs!r} ({mine_was} {c.yours!r})"
                       for c in changes)
    message = (f"Someone else changed this {kind} meanwhile"
               + (f": {detail}" if detail else "")
               + ". Reload to see their version; nothing was overwritten.")
    return ConflictError(message, kind=kind, record_id=row_id,
                         expected_version=expected_version, current_version=now["version"],
                         changes=changes)


def update_versioned(session: Session, table: type, row_id: int, expected_version: int,
                     values: Mapping[str, object],
                     base: Mapping[str, object] | None = None) -> int:
    """UPDATE the row only if it is still at `expected_version`; returns the new version."""
    stmt = (update(table).where(table.id == row_id, table.version == expected_version)
            .values(**values, version=table.version + 1).returning(table.version)
            .execution_options(synchronize_session=False))
    new_version = session.execute(stmt).scalar()
    if new_version is None:
        raise conflict(session, table, row_id, expected_version, values, base)
    return new_version


def delete_versioned(session: Session, table: type, row_id: int, expected_version: int) -> None:
    """DELETE the row only if nobody changed it since `expected_version`."""
    stmt = (delete(table).where(table.id == row_id, table.version == expected_version)
            .returning(table.id).execution_options(synchronize_session=False))
    if session.execute(stmt).scalar() is None:
        raise conflict(session, table, row_id, expected_version)


def check_versions(session: Session, table: type, expected: Mapping[int, int],
                   attempted: Mapping[str, object] | None = None) -> None:
    """Lock the rows and raise ConflictError if any is no longer at its expected version.

    `attempted`: the fields the save would write, so the error can show what differs.
    """
    lock_rows(session, table, expected)
    rows = dict(session.execute(select(table.id, table.version)
                                .where(table.id.in_(list(expected)))).all())
    for row_id, version in sorted(expected.items()):
        if rows.get(row_id) != version:
            raise conflict(session, table, row_id, version, attempted=attempted)


@contextlib.contextmanager
def stale_as_conflict() -> Iterator[None]:
    """Turn the ORM's version-check failure (version_id_col) into a ConflictError."""
    try:
        yield
    except StaleDataError as exc:
        raise ConflictError(
            "Someone else changed or deleted this record meanwhile. Reload to see the "
            "current version; nothing was overwritten.") from exc
