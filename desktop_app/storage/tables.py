"""ORM tables. Only `storage/` and the migrations in `db/` see these classes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class SourceRow(Base):
    __tablename__ = "sources"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class ImportRunRow(Base):
    __tablename__ = "import_runs"
    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    roots: Mapped[list] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(20), default="running")
    files_total: Mapped[int] = mapped_column(Integer, default=0)
    releases_imported: Mapped[int] = mapped_column(Integer, default=0)
    files_skipped: Mapped[int] = mapped_column(Integer, default=0)
    report: Mapped[list] = mapped_column(JSON, default=list)


class ReleaseRowTable(Base):
    __tablename__ = "releases"
    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str | None] = mapped_column(String(300), index=True)
    source_path: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str | None] = mapped_column(String(8), index=True)
    language_confidence: Mapped[float] = mapped_column(Float, default=0.0)
    date_iso: Mapped[str | None] = mapped_column(String(10), index=True)
    date_precision: Mapped[str | None] = mapped_column(String(10))
    dateline: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"), index=True)
    import_run_id: Mapped[int | None] = mapped_column(ForeignKey("import_runs.id"))
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    review_status: Mapped[str] = mapped_column(String(20), default="new", index=True)
    metadata_json: Mapped[dict] = mapped_column(JSON, default=dict)
    # Language-neutral matching keys, computed once at import so detection never re-reads texts.
    match_keys: Mapped[dict | None] = mapped_column(JSON)
    version_group: Mapped[int | None] = mapped_column(Integer, index=True)
    tag_count: Mapped[int] = mapped_column(Integer, default=0, index=True)
    duplicate_count: Mapped[int] = mapped_column(Integer, default=0, index=True)
    held_by: Mapped[str | None] = mapped_column(String(100), index=True)
    held_at: Mapped[datetime | None] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class ReleaseFileRow(Base):
    """Every file path that produced a release, the first copy and any exact duplicates."""

    __tablename__ = "release_files"
    id: Mapped[int] = mapped_column(primary_key=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("releases.id", ondelete="CASCADE"), index=True)
    source_path: Mapped[str] = mapped_column(Text)
    file_hash: Mapped[str] = mapped_column(String(64))
    external_id: Mapped[str | None] = mapped_column(String(300))
    import_run_id: Mapped[int | None] = mapped_column(ForeignKey("import_runs.id"))
    __table_args__ = (UniqueConstraint("source_path", "file_hash", "external_id"),)


# --- annotation schema -------------------------------------------------------------------

class EntityTypeRow(Base):
    __tablename__ = "entity_types"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    colour: Mapped[str] = mapped_column(String(9))
    shortcut: Mapped[str | None] = mapped_column(String(1))
    position: Mapped[int] = mapped_column(Integer, default=0)


class EventTypeRow(Base):
    __tablename__ = "event_types"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    colour: Mapped[str] = mapped_column(String(9))
    shortcut: Mapped[str | None] = mapped_column(String(1))
    position: Mapped[int] = mapped_column(Integer, default=0)


class EventRoleRow(Base):
    __tablename__ = "event_roles"
    id: Mapped[int] = mapped_column(primary_key=True)
    event_type_id: Mapped[int] = mapped_column(ForeignKey("event_types.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(50))
    __table_args__ = (UniqueConstraint("event_type_id", "name"),)


class EntityRow(Base):
    __tablename__ = "entities"
    id: Mapped[int] = mapped_column(primary_key=True)
    type_id: Mapped[int] = mapped_column(ForeignKey("entity_types.id"))
    canonical_name: Mapped[str] = mapped_column(Text)
    merged_into: Mapped[int | None] = mapped_column(ForeignKey("entities.id"))
    created_by: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class EntityAliasRow(Base):
    __tablename__ = "entity_aliases"
    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(Text, index=True)  # folded form used for matching
    language: Mapped[str | None] = mapped_column(String(8))
    __table_args__ = (UniqueConstraint("entity_id", "alias"),)


class SpanRow(Base):
    __tablename__ = "spans"
    id: Mapped[int] = mapped_column(primary_key=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("releases.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    type_id: Mapped[int] = mapped_column(ForeignKey("entity_types.id"))
    entity_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"),
                                                  index=True)
    created_by: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __table_args__ = (Index("ix_spans_release_start", "release_id", "start"),)
    __mapper_args__ = {"version_id_col": version}


class RejectedSuggestionRow(Base):
    __tablename__ = "rejected_suggestions"
    id: Mapped[int] = mapped_column(primary_key=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("releases.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    __table_args__ = (UniqueConstraint("release_id", "start", "end", "entity_id"),)


class EventRow(Base):
    __tablename__ = "events"
    id: Mapped[int] = mapped_column(primary_key=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("releases.id", ondelete="CASCADE"),
                                            index=True)
    type_id: Mapped[int] = mapped_column(ForeignKey("event_types.id"))
    trigger_span_id: Mapped[int | None] = mapped_column(ForeignKey("spans.id", ondelete="SET NULL"))
    date_iso: Mapped[str | None] = mapped_column(String(10))
    location: Mapped[str | None] = mapped_column(Text)
    # Events that are the same happening told in other releases share a group id.
    event_group: Mapped[int | None] = mapped_column(Integer, index=True)
    created_by: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class EventParticipantRow(Base):
    __tablename__ = "event_participants"
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(50))
    span_id: Mapped[int | None] = mapped_column(ForeignKey("spans.id", ondelete="CASCADE"))
    entity_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))


# --- duplicates --------------------------------------------------------------------------

class DuplicatePairRow(Base):
    __tablename__ = "duplicate_pairs"
    id: Mapped[int] = mapped_column(primary_key=True)
    release_a: Mapped[int] = mapped_column(ForeignKey("releases.id", ondelete="CASCADE"))
    release_b: Mapped[int] = mapped_column(ForeignKey("releases.id", ondelete="CASCADE"),
                                           index=True)
    kind: Mapped[str] = mapped_column(String(10))
    score: Mapped[float] = mapped_column(Float)
    evidence: Mapped[dict] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(12), default="candidate", index=True)
    decided_by: Mapped[str | None] = mapped_column(String(100))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    found_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __table_args__ = (UniqueConstraint("release_a", "release_b"),)
    __mapper_args__ = {"version_id_col": version}


# --- work records ------------------------------------------------------------------------

class AuditRow(Base):
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    actor: Mapped[str | None] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(50))
    target_kind: Mapped[str] = mapped_column(String(30))
    target_id: Mapped[int | None] = mapped_column(Integer)
    release_id: Mapped[int | None] = mapped_column(Integer, index=True)
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    session_id: Mapped[int | None] = mapped_column(ForeignKey("review_sessions.id"))


class ReviewSessionRow(Base):
    __tablename__ = "review_sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    reviewer: Mapped[str | None] = mapped_column(String(100))
    started_at: Mapped[datetime] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)
