"""Knowledge-base repository: entities, their aliases in any script, mentions, merges."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from ..domain.annotations import Alias, Entity, Mention
from ..domain.errors import NotFoundError
from ..text import fold
from .annotations import now
from .locking import check_versions, update_checked
from .tables import (
    EntityAliasRow,
    EntityRow,
    EventParticipantRow,
    RejectedSuggestionRow,
    ReleaseRowTable,
    SpanRow,
)


def alias_key(alias: str) -> str:
    return " ".join(fold(alias).split())


def _aliases(session: Session, entity_ids: Sequence[int]) -> dict[int, list[Alias]]:
    out: dict[int, list[Alias]] = {}
    if not entity_ids:
        return out
    for r in session.scalars(select(EntityAliasRow).where(EntityAliasRow.entity_id.in_(
            list(entity_ids))).order_by(EntityAliasRow.id)):
        out.setdefault(r.entity_id, []).append(Alias(r.id, r.entity_id, r.alias, r.key,
                                                     r.language))
    return out


def _mention_counts(session: Session, entity_ids: Sequence[int]) -> dict[int, int]:
    if not entity_ids:
        return {}
    return dict(session.execute(select(SpanRow.entity_id, func.count())
                                .where(SpanRow.entity_id.in_(list(entity_ids)))
                                .group_by(SpanRow.entity_id)).all())


def entities_by_id(session: Session, entity_ids: Iterable[int]) -> dict[int, Entity]:
    ids = list(dict.fromkeys(entity_ids))
    if not ids:
        return {}
    rows = list(session.scalars(select(EntityRow).where(EntityRow.id.in_(ids))))
    aliases = _aliases(session, ids)
    counts = _mention_counts(session, ids)
    return {r.id: Entity(r.id, r.type_id, r.canonical_name, tuple(aliases.get(r.id, ())),
                         r.merged_into, counts.get(r.id, 0), r.version) for r in rows}


def get_entity(session: Session, entity_id: int) -> Entity:
    found = entities_by_id(session, [entity_id]).get(entity_id)
    if found is None:
        raise NotFoundError(f"Entity {entity_id} does not exist.")
    return found


def list_entities(session: Session, type_id: int | None = None, limit: int = 0,
                  include_merged: bool = False) -> list[Entity]:
    stmt = select(EntityRow.id).order_by(EntityRow.canonical_name, EntityRow.id)
    if not include_merged:
        stmt = stmt.where(EntityRow.merged_into.is_(None))
    if type_id is not None:
        stmt = stmt.where(EntityRow.type_id == type_id)
    if limit:
        stmt = stmt.limit(limit)
    ids = list(session.scalars(stmt))
    found = entities_by_id(session, ids)
    return [found[i] for i in ids]


def alias_table(session: Session) -> list[tuple[int, int, int, str, str]]:
    """(alias id, entity id, entity type id, alias, key) of every live entity's aliases."""
    return [tuple(r) for r in session.execute(
        select(EntityAliasRow.id, EntityAliasRow.entity_id, EntityRow.type_id,
               EntityAliasRow.alias, EntityAliasRow.key)
        .join(EntityRow, EntityRow.id == EntityAliasRow.entity_id)
        .where(EntityRow.merged_into.is_(None)))]


def alias_rows(session: Session, alias_ids: Sequence[int]) -> list[tuple[int, int, int, str, str]]:
    """Rows of `alias_table` for some aliases only (to update the index in place)."""
    if not alias_ids:
        return []
    return [tuple(r) for r in session.execute(
        select(EntityAliasRow.id, EntityAliasRow.entity_id, EntityRow.type_id,
               EntityAliasRow.alias, EntityAliasRow.key)
        .join(EntityRow, EntityRow.id == EntityAliasRow.entity_id)
        .where(EntityAliasRow.id.in_(list(alias_ids)), EntityRow.merged_into.is_(None)))]


def insert_entity(session: Session, type_id: int, name: str, actor: str | None,
                  entity_id: int | None = None) -> int:
    row = EntityRow(type_id=type_id, canonical_name=name, created_by=actor, created_at=now())
    if entity_id is not None:
        row.id = entity_id
    session.add(row)
    session.flush()
    return row.id


def update_entity(session: Session, entity_id: int, expected_version: int | None = None,
                  **values) -> None:
    update_checked(session, EntityRow, entity_id, expected_version, values,
                   f"Entity {entity_id} does not exist.")
    session.flush()


def check_entity_versions(session: Session, expected: dict[int, int]) -> None:
    """Lock the entities; ConflictError if one changed since the reviewer read it."""
    check_versions(session, EntityRow, expected)


def delete_entity_row(session: Session, entity_id: int) -> None:
    session.execute(delete(EntityRow).where(EntityRow.id == entity_id))


def add_alias(session: Session, entity_id: int, alias: str, language: str | None,
              alias_id: int | None = None) -> int | None:
    """Add an alias unless the entity already has it; returns the new alias id or None."""
    exists = session.scalar(select(EntityAliasRow.id).where(
        EntityAliasRow.entity_id == entity_id, EntityAliasRow.alias == alias))
    if exists is not None:
        return None
    row = EntityAliasRow(entity_id=entity_id, alias=alias, key=alias_key(alias),
                         language=language)
    if alias_id is not None:
        row.id = alias_id
    session.add(row)
    session.flush()
    return row.id


def get_alias(session: Session, alias_id: int) -> Alias:
    r = session.get(EntityAliasRow, alias_id)
    if r is None:
        raise NotFoundError(f"Alias {alias_id} does not exist.")
    return Alias(r.id, r.entity_id, r.alias, r.key, r.language)


def set_alias_entity(session: Session, alias_id: int, entity_id: int) -> None:
    alias = get_alias(session, alias_id)
    clash = session.scalar(select(EntityAliasRow.id).where(
        EntityAliasRow.entity_id == entity_id, EntityAliasRow.alias == alias.alias))
    if clash is not None and clash != alias_id:
        session.execute(delete(EntityAliasRow).where(EntityAliasRow.id == alias_id))
        return
    session.execute(update(EntityAliasRow).where(EntityAliasRow.id == alias_id)
                    .values(entity_id=entity_id))


def delete_alias(session: Session, alias_id: int) -> None:
    session.execute(delete(EntityAliasRow).where(EntityAliasRow.id == alias_id))


def mentions(session: Session, entity_id: int, limit: int = 500) -> list[Mention]:
    rows = session.execute(
        select(SpanRow.id, SpanRow.release_id, ReleaseRowTable.language, ReleaseRowTable.title,
               SpanRow.start, SpanRow.end, SpanRow.text)
        .join(ReleaseRowTable, ReleaseRowTable.id == SpanRow.release_id)
        .where(SpanRow.entity_id == entity_id)
        .order_by(ReleaseRowTable.date_iso, SpanRow.release_id, SpanRow.start).limit(limit))
    return [Mention(*r) for r in rows]


def spans_linked_to(session: Session, entity_id: int) -> list[tuple[int, int]]:
    """(span id, release id) of the spans linked to an entity."""
    return [tuple(r) for r in session.execute(
        select(SpanRow.id, SpanRow.release_id).where(SpanRow.entity_id == entity_id))]


def relink_spans(session: Session, span_ids: Sequence[int], entity_id: int | None) -> None:
    if span_ids:
        session.execute(update(SpanRow).where(SpanRow.id.in_(list(span_ids)))
                        .values(entity_id=entity_id, version=SpanRow.version + 1)
                        .execution_options(synchronize_session=False))


def participant_ids_for(session: Session, entity_id: int) -> list[int]:
    return list(session.scalars(select(EventParticipantRow.id)
                                .where(EventParticipantRow.entity_id == entity_id)))


def repoint_participants(session: Session, participant_ids: Sequence[int],
                         entity_id: int) -> None:
    if participant_ids:
        session.execute(update(EventParticipantRow)
                        .where(EventParticipantRow.id.in_(list(participant_ids)))
                        .values(entity_id=entity_id)
                        .execution_options(synchronize_session=False))


def rejected_for(session: Session, entity_id: int) -> list[int]:
    return list(session.scalars(select(RejectedSuggestionRow.id)
                                .where(RejectedSuggestionRow.entity_id == entity_id)))


def alias_ids_of(session: Session, entity_id: int) -> list[int]:
    return list(session.scalars(select(EntityAliasRow.id)
                                .where(EntityAliasRow.entity_id == entity_id)))


def move_aliases(session: Session, alias_ids: Sequence[int], entity_id: int) -> list[int]:
    """Move aliases to `entity_id`; aliases it already has are dropped. Returns dropped ids."""
    dropped = []
    for aid in alias_ids:
        alias = get_alias(session, aid)
        clash = session.scalar(select(EntityAliasRow.id).where(
            EntityAliasRow.entity_id == entity_id, EntityAliasRow.alias == alias.alias))
        if clash is not None and clash != aid:
            dropped.append(aid)
            continue
        session.execute(update(EntityAliasRow).where(EntityAliasRow.id == aid)
                        .values(entity_id=entity_id))
    return dropped


def count_entities(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(EntityRow)
                          .where(EntityRow.merged_into.is_(None))) or 0


def alias_signature(session: Session) -> tuple:
    """Changes whenever an alias is added, removed or moved, or an entity merged."""
    a = session.execute(select(func.count(), func.max(EntityAliasRow.id),
                               func.sum(EntityAliasRow.entity_id))).one()
    e = session.execute(select(func.count(), func.sum(EntityRow.type_id))
                        .where(EntityRow.merged_into.is_(None))).one()
    return (*a, *e)


def entity_ids(session: Session, type_id: int | None = None) -> list[int]:
    """Ids of live entities ordered by name (the browser fetches rows lazily)."""
    stmt = (select(EntityRow.id).where(EntityRow.merged_into.is_(None))
            .order_by(EntityRow.canonical_name, EntityRow.id))
    if type_id is not None:
        stmt = stmt.where(EntityRow.type_id == type_id)
    return list(session.scalars(stmt))
