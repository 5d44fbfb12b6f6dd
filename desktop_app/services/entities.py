"""The knowledge base: canonical entities with aliases in any script, search, merge, move.

Each mutation returns what its undo needs (the old values), and commits at once.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from ..domain.annotations import Entity, EntityHit, Mention
from ..domain.changes import ChangeSet
from ..domain.errors import ConflictError, FieldChange, NotFoundError, ReleaseReviewError
from ..matching.aliases import AliasEntry, AliasIndex
from ..storage import Database
from ..storage import entities as repo
from ..text import nfc
from .sessions import WorkLog


@dataclass(frozen=True, slots=True)
class MergeRecord:
    """What a merge changed, so that it can be undone exactly."""

    kept: int
    gone: int
    moved_aliases: tuple[int, ...]
    dropped_aliases: tuple[tuple[int, str, str | None], ...]   # (id, alias, language)
    relinked_spans: tuple[int, ...]
    repointed_participants: tuple[int, ...]
    releases: frozenset[int]


@dataclass(frozen=True, slots=True)
class EntitySnapshot:
    """An entity and its aliases, to re-create it with the same ids."""

    id: int
    type_id: int
    name: str
    aliases: tuple[tuple[int, str, str | None], ...]


class AliasCache:
    """The alias index of the knowledge base, rebuilt when the aliases change (in any process).

    This process's own changes update the index at once; changes made by another process (a
    second window, the CLI) are noticed by a cheap signature query, run at most every
    `check_every` seconds so that tagging in a row does not scan the aliases each time.
    """

    def __init__(self, db: Database, check_every: float = 2.0) -> None:
        self.db = db
        self.check_every = check_every
        self._index: AliasIndex | None = None
        self._signature: tuple | None = None
        self._checked = 0.0
        self.generation = 0   # bumped at each rebuild, so cached matches know they are stale

    def index(self) -> AliasIndex:
        now = time.monotonic()
        if self._index is not None and now - self._checked < self.check_every:
            return self._index
        with self.db.read() as s:
            sig = repo.alias_signature(s)
            if self._index is None or sig != self._signature:
                self._index = AliasIndex(AliasEntry(*row) for row in repo.alias_table(s))
                self._signature = sig
                self.generation += 1
        self._checked = now
        return self._index

    def invalidate(self) -> None:
        self._index = None

    def added(self, alias_ids: list[int | None]) -> None:
        """Aliases just added by this process: put them in the index instead of rebuilding."""
        ids = [i for i in alias_ids if i is not None]
        if self._index is None or not ids:
            return
        with self.db.read() as s:
            for row in repo.alias_rows(s, ids):
                self._index.add(AliasEntry(*row))
            self._signature = repo.alias_signature(s)
        self.generation += 1


def clean_name(name: str) -> str:
    text = " ".join(nfc(name or "").split())
    if not text:
        raise ReleaseReviewError("A name cannot be empty.")
    if len(text) > 300:
        raise ReleaseReviewError("A name is limited to 300 characters.")
    return text


class EntityService:
    def __init__(self, db: Database, log: WorkLog, aliases: AliasCache) -> None:
        self.db = db
        self.log = log
        self.aliases = aliases

    # --- reading -------------------------------------------------------------------------

    def get(self, entity_id: int) -> Entity:
        with self.db.read() as s:
            return repo.get_entity(s, entity_id)

    def many(self, entity_ids) -> dict[int, Entity]:  # noqa: ANN001 - any iterable of ids
        with self.db.read() as s:
            return repo.entities_by_id(s, entity_ids)

    def list(self, type_id: int | None = None, limit: int = 0) -> list[Entity]:
        with self.db.read() as s:
            return repo.list_entities(s, type_id, limit)

    def ids(self, type_id: int | None = None) -> list[int]:
        with self.db.read() as s:
            return repo.entity_ids(s, type_id)

    def count(self) -> int:
        with self.db.read() as s:
            return repo.count_entities(s)

    def search(self, query: str, type_id: int | None = None, limit: int = 20) -> list[EntityHit]:
        """Entities whose name or an alias is close to `query`, in any script, best first."""
        hits = self.aliases.index().search(query, limit=limit)
        best: dict[int, tuple[float, str]] = {}
        for entry, score in hits:
            if type_id is not None and entry.type_id != type_id:
                continue
            if score > best.get(entry.entity_id, (-1.0, ""))[0]:
                best[entry.entity_id] = (score, entry.alias)
        order = sorted(best, key=lambda e: -best[e][0])[:limit]
        found = self.many(order)
        return [EntityHit(found[e], best[e][0], best[e][1]) for e in order if e in found]

    def mentions(self, entity_id: int, limit: int = 500) -> list[Mention]:
        with self.db.read() as s:
            return repo.mentions(s, entity_id, limit)

    # --- writing -------------------------------------------------------------------------

    def create(self, type_id: int, name: str, aliases: tuple[str, ...] = (),
               language: str | None = None) -> Entity:
        name = clean_name(name)
        with self.db.write() as s:
            eid = repo.insert_entity(s, type_id, name, self.log.actor)
            added = [repo.add_alias(s, eid, a, language)
                     for a in dict.fromkeys((name, *(clean_name(x) for x in aliases)))]
            self.log.audit(s, "entity.create", "entity", eid, None, {"name": name})
            entity = repo.get_entity(s, eid)
        self.aliases.added(added)
        return entity

    def snapshot(self, entity_id: int) -> EntitySnapshot:
        e = self.get(entity_id)
        return EntitySnapshot(e.id, e.type_id, e.canonical_name,
                              tuple((a.id, a.alias, a.language) for a in e.aliases))

    def restore(self, snap: EntitySnapshot) -> None:
        with self.db.write() as s:
            repo.insert_entity(s, snap.type_id, snap.name, self.log.actor, entity_id=snap.id)
            added = [repo.add_alias(s, snap.id, alias, lang, alias_id=aid)
                     for aid, alias, lang in snap.aliases]
            self.log.audit(s, "entity.restore", "entity", snap.id, None, {"name": snap.name})
        self.aliases.added(added)

    def delete(self, entity_id: int) -> EntitySnapshot:
        """Delete an entity that nothing mentions (undo of a creation)."""
        snap = self.snapshot(entity_id)
        with self.db.write() as s:
            if repo.spans_linked_to(s, entity_id) or repo.participant_ids_for(s, entity_id):
                raise ReleaseReviewError(
                    f"{snap.name} is still linked to tags or events; unlink them first.")
            repo.delete_entity_row(s, entity_id)
            self.log.audit(s, "entity.delete", "entity", entity_id, None, {"name": snap.name})
        self.aliases.invalidate()
        return snap

    def rename(self, entity_id: int, name: str,
               expected_version: int | None = None) -> tuple[str, int | None]:
        """Rename; the new name also becomes an alias. Returns (old name, alias id added).
        With `expected_version`, someone else's change made meanwhile raises ConflictError."""
        name = clean_name(name)
        with self.db.write() as s:
            old = repo.get_entity(s, entity_id)
            repo.update_entity(s, entity_id, expected_version, canonical_name=name)
            added = repo.add_alias(s, entity_id, name, None)
            self.log.audit(s, "entity.rename", "entity", entity_id, None,
                           {"old": old.canonical_name, "new": name})
        self.aliases.added([added])
        return old.canonical_name, added

    def unrename(self, entity_id: int, old_name: str, added_alias: int | None) -> None:
        with self.db.write() as s:
            repo.update_entity(s, entity_id, canonical_name=old_name)
            if added_alias is not None:
                repo.delete_alias(s, added_alias)
            self.log.audit(s, "entity.rename", "entity", entity_id, None,
                           {"new": old_name, "undo": True})
        self.aliases.invalidate()

    def set_type(self, entity_id: int, type_id: int, expected_version: int | None = None) -> int:
        with self.db.write() as s:
            old = repo.get_entity(s, entity_id).type_id
            repo.update_entity(s, entity_id, expected_version, type_id=type_id)
            self.log.audit(s, "entity.retype", "entity", entity_id, None,
                           {"old": old, "new": type_id})
        self.aliases.invalidate()
        return old

    def add_alias(self, entity_id: int, alias: str, language: str | None = None) -> int | None:
        """Teach an alias; returns its id, or None when the entity already had it."""
        alias = clean_name(alias)
        with self.db.write() as s:
            repo.get_entity(s, entity_id)
            aid = repo.add_alias(s, entity_id, alias, language)
            if aid is not None:
                self.log.audit(s, "alias.add", "alias", aid, None,
                               {"entity": entity_id, "alias": alias})
        self.aliases.added([aid])
        return aid

    def remove_alias(self, alias_id: int) -> tuple[int, str, str | None]:
        """Remove an alias; returns (entity id, alias, language) to restore it."""
        with self.db.write() as s:
            a = repo.get_alias(s, alias_id)
            repo.delete_alias(s, alias_id)
            self.log.audit(s, "alias.remove", "alias", alias_id, None,
                           {"entity": a.entity_id, "alias": a.alias})
        self.aliases.invalidate()
        return a.entity_id, a.alias, a.language

    def restore_alias(self, alias_id: int, entity_id: int, alias: str,
                      language: str | None) -> None:
        with self.db.write() as s:
            repo.add_alias(s, entity_id, alias, language, alias_id=alias_id)
            self.log.audit(s, "alias.add", "alias", alias_id, None,
                           {"entity": entity_id, "alias": alias})
        self.aliases.added([alias_id])

    def move_alias(self, alias_id: int, to_entity: int, expected_from: int | None = None) -> int:
        """Move an alias to another entity; returns the entity it came from.

        With `expected_from` (the entity the reviewer saw it under), a colleague's move made
        meanwhile raises ConflictError instead of being undone silently."""
        with self.db.write() as s:
            a = repo.get_alias(s, alias_id)
            if expected_from is not None and a.entity_id != expected_from:
                now_under = repo.get_entity(s, a.entity_id).canonical_name
                raise ConflictError(
                    f"Someone else moved the alias {a.alias!r} to {now_under} meanwhile. "
                    "Reload to see it; nothing was changed.", kind="alias", record_id=alias_id,
                    changes=(FieldChange("entity", expected_from, a.entity_id),))
            target = repo.get_entity(s, to_entity)
            if target.merged_into is not None:
                raise ReleaseReviewError(f"{target.canonical_name} was merged into another entity.")
            if a.entity_id == to_entity:
                return a.entity_id
            if any(x.alias == a.alias for x in target.aliases):
                raise ReleaseReviewError(f"{target.canonical_name} already has the alias {a.alias!r}.")
            repo.set_alias_entity(s, alias_id, to_entity)
            self.log.audit(s, "alias.move", "alias", alias_id, None,
                           {"from": a.entity_id, "to": to_entity, "alias": a.alias})
        self.aliases.invalidate()
        return a.entity_id

    def merge(self, keep: int, gone: int, expected_versions: dict[int, int] | None = None
              ) -> tuple[MergeRecord, ChangeSet]:
        """Merge entity `gone` into `keep`: aliases, mentions and event roles move over.

        With `expected_versions` (entity id -> version the reviewer saw), a colleague's
        change to either entity made meanwhile raises ConflictError and nothing moves."""
        if keep == gone:
            raise ReleaseReviewError("An entity cannot be merged into itself.")
        with self.db.write() as s:
            if expected_versions:
                repo.check_entity_versions(s, expected_versions)
            k, g = repo.get_entity(s, keep), repo.get_entity(s, gone)
            if k.merged_into is not None or g.merged_into is not None:
                raise ReleaseReviewError("One of these entities was already merged.")
            alias_ids = repo.alias_ids_of(s, gone)
            dropped_ids = set(repo.move_aliases(s, alias_ids, keep))
            dropped = tuple((a.id, a.alias, a.language) for a in g.aliases if a.id in dropped_ids)
            for aid in dropped_ids:
                repo.delete_alias(s, aid)
            spans = repo.spans_linked_to(s, gone)
            repo.relink_spans(s, [sid for sid, _ in spans], keep)
            parts = repo.participant_ids_for(s, gone)
            repo.repoint_participants(s, parts, keep)
            repo.update_entity(s, gone, merged_into=keep)  # the ORM bumps its version
            self.log.audit(s, "entity.merge", "entity", keep, None,
                           {"kept": k.canonical_name, "gone": g.canonical_name, "gone_id": gone})
        self.aliases.invalidate()
        releases = frozenset(r for _, r in spans)
        record = MergeRecord(keep, gone, tuple(a for a in alias_ids if a not in dropped_ids),
                             dropped, tuple(sid for sid, _ in spans), tuple(parts), releases)
        return record, ChangeSet(annotations=releases, entities=True)

    def unmerge(self, record: MergeRecord) -> ChangeSet:
        with self.db.write() as s:
            repo.update_entity(s, record.gone, merged_into=None)
            repo.move_aliases(s, record.moved_aliases, record.gone)
            for aid, alias, lang in record.dropped_aliases:
                repo.add_alias(s, record.gone, alias, lang, alias_id=aid)
            repo.relink_spans(s, record.relinked_spans, record.gone)
            repo.repoint_participants(s, record.repointed_participants, record.gone)
            self.log.audit(s, "entity.unmerge", "entity", record.gone, None,
                           {"from": record.kept})
        self.aliases.invalidate()
        return ChangeSet(annotations=record.releases, entities=True)


__all__ = ["AliasCache", "EntityService", "EntitySnapshot", "MergeRecord", "NotFoundError"]
