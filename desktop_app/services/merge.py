"""Import a native export: into an empty database as it was, or merged into existing work.

Releases are matched by content hash, entities by type and canonical name, spans by offsets,
events by type and trigger, pairs by their two releases. What the file adds is added; where the
two databases disagree (a span typed differently, a pair confirmed here and rejected there, ...)
a conflict record keeps both readings for the reviewer, and nothing is overwritten.

The file is read twice: once to check it whole (a truncated or damaged file imports nothing),
then to import it in short transactions. Re-importing the same file changes nothing, so a
cancelled import is completed by running it again.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from pathlib import Path

from ..domain.changes import ChangeSet
from ..domain.errors import Cancelled, ImportFileError, NotFoundError, ReleaseReviewError
from ..domain.export import (
    ConflictKind,
    ExportDocument,
    ExportEntity,
    ExportPair,
    ExportSchema,
    ExportSpan,
    MergeConflict,
    MergeReport,
    Resolution,
)
from ..domain.progress import CancelToken, Progress, ProgressCallback, ignore_progress
from ..exporters.native import read_native
from ..storage import Database
from ..storage import merge_writes as mw
from ..storage.releases import SourceCache

BATCH = 200


def validate(path: Path) -> dict[str, int]:
    """Read the whole file once; counts per record kind. Raises ImportFileError if unusable."""
    seen = {"releases": 0, "spans": 0, "events": 0, "pairs": 0, "entities": 0}
    end: dict = {}
    for kind, obj in read_native(path):
        if kind == "release":
            seen["releases"] += 1
            seen["spans"] += len(obj.spans)
            seen["events"] += len(obj.events)
        elif kind == "entity":
            seen["entities"] += 1
        elif kind == "pair":
            seen["pairs"] += 1
        elif kind == "end":
            end = obj
    for key, n in seen.items():
        if end.get(key) != n:
            raise ImportFileError(
                f"{path}: the end record announces {end.get(key)} {key} but the file holds {n}; "
                "it was damaged after export. Nothing was imported.")
    return seen


class MergeService:
    def __init__(self, db: Database, actor: str | None = None) -> None:
        self.db = db
        self.actor = actor

    # --- import --------------------------------------------------------------------------

    def import_file(self, path: Path, progress: ProgressCallback = ignore_progress,
                    cancel: CancelToken | None = None) -> MergeReport:
        path = Path(path)
        progress(Progress(0, 0, f"checking {path.name}"))
        counts = validate(path)
        run = _Run(self, path, counts, progress, cancel)
        try:
            run.go()
        except Cancelled:
            run.report.cancelled = True
        return run.report

    # --- conflicts -----------------------------------------------------------------------

    def conflicts(self, open_only: bool = True,
                  release_id: int | None = None) -> list[MergeConflict]:
        with self.db.read() as s:
            return mw.conflicts(s, open_only, release_id)

    def resolve(self, conflict_id: int, resolution: Resolution,
                actor: str | None = None) -> ChangeSet:
        with self.db.write() as s:
            found = mw.conflicts(s, open_only=False, conflict_id=conflict_id)
            if not found:
                raise NotFoundError(f"There is no conflict {conflict_id}.")
            c = found[0]
            if c.resolution is not None:
                raise ReleaseReviewError(
                    f"Conflict {conflict_id} was already resolved ({c.resolution.value}).")
            if resolution not in c.choices:
                raise ReleaseReviewError(f"{resolution.value} is not a choice for {c.kind.label}.")
            change = _apply(s, c, resolution) if resolution is not Resolution.KEEP_LOCAL else (
                ChangeSet())
            mw.mark_resolved(s, c.id, c.release_id, resolution, actor or self.actor)
        return change


def _apply(s, c: MergeConflict, resolution: Resolution) -> ChangeSet:
    inc = c.incoming
    releases = frozenset({c.release_id} if c.release_id else ())
    if c.kind is ConflictKind.SPAN_TYPE:
        ents, _, _ = mw.type_ids(s)
        if inc["type"] not in ents:
            raise ReleaseReviewError(f"The entity type {inc['type']} no longer exists.")
        if resolution is Resolution.KEEP_BOTH:
            span = ExportSpan(0, inc["start"], inc["end"], inc["text"], inc["type"],
                              inc.get("entity_id"), None, inc.get("created_by"),
                              datetime.fromisoformat(inc["created_at"]))
            mw.insert_span(s, c.release_id, span, ents[inc["type"]], inc.get("entity_id"), False)
            mw.refresh_derived(s, {c.release_id})
        else:
            _need_span(s, c)
            mw.set_span(s, c.target_id, type_id=ents[inc["type"]], entity_id=inc.get("entity_id"))
        return ChangeSet(releases=releases, annotations=releases)
    if c.kind is ConflictKind.SPAN_ENTITY:
        _need_span(s, c)
        mw.set_span(s, c.target_id, entity_id=inc["entity_id"])
        return ChangeSet(annotations=releases)
    if c.kind is ConflictKind.PAIR_DECISION:
        decided = inc.get("decided_at")
        mw.set_pair_decision(s, c.target_id, inc["status"], inc.get("decided_by"),
                             datetime.fromisoformat(decided) if decided else None)
        pair = {c.release_id, c.local["release_b"]}
        mw.refresh_derived(s, pair)
        return ChangeSet(releases=frozenset(pair), duplicates=True)
    if c.kind is ConflictKind.EVENT_FIELD:
        mw.set_event(s, c.target_id, date_iso=inc.get("date"), location=inc.get("location"))
        return ChangeSet(annotations=releases)
    if c.kind is ConflictKind.REVIEW_STATUS:
        mw.set_review_status(s, c.release_id, inc["status"])
        return ChangeSet(releases=releases)
    raise ReleaseReviewError(f"Unknown conflict kind {c.kind}.")


def _need_span(s, c: MergeConflict) -> None:
    if c.target_id not in {x.id for x in mw.local_spans(s, c.release_id)}:
        raise NotFoundError("The span of this conflict was deleted since; nothing to change.")


class _Run:
    """One import: maps from the file's ids to local ids, batches, the report."""

    def __init__(self, service: MergeService, path: Path, counts: dict[str, int],
                 progress: ProgressCallback, cancel: CancelToken | None) -> None:
        self.db = service.db
        self.actor = service.actor
        self.path = path
        self.total = counts["releases"] + counts["entities"] + counts["pairs"]
        self.done = 0
        self.progress = progress
        self.cancel = cancel
        self.report = MergeReport(path=str(path))
        self.entity_map: dict[int, int] = {}
        self.entity_names: dict[int, str] = {}
        self.merged_pending: list[tuple[int, int]] = []
        self.inserted: set[int] = set()
        self.version_groups: dict[int, list[int]] = defaultdict(list)
        self.event_groups: dict[int, list[int]] = defaultdict(list)
        self.sources = SourceCache()
        self.keep_ids = False
        self.origin = path.name

    def go(self) -> None:
        with self.db.write() as s:
            self.keep_ids = mw.is_empty(s)
        pending: list = []
        kind_of_pending = None
        for kind, obj in read_native(self.path):
            if kind in ("header", "end"):
                if kind == "header":
                    self.origin = f"{self.path.name} ({obj.get('exported_at', '')})"
                continue
            if kind == "schema":
                with self.db.write() as s:
                    self._schema(s, obj)
                continue
            if pending and kind != kind_of_pending:
                self._flush(kind_of_pending, pending)
                pending = []
            kind_of_pending = kind
            pending.append(obj)
            if len(pending) >= BATCH:
                self._flush(kind, pending)
                pending = []
        if pending:
            self._flush(kind_of_pending, pending)
        self._finish_entities()
        with self.db.write() as s:
            if self.keep_ids:
                # A restore keeps every stored value, groups and counts included.
                self._restore_groups(s)
                mw.sync_sequences(s)
            else:
                mw.refresh_derived(s, self.report.touched)
            self._event_groups(s)
            mw.record_import(s, self.actor, {
                "file": str(self.path), "releases_added": self.report.releases_added,
                "spans_added": self.report.spans_added, "conflicts": len(self.report.conflicts)})
        self.progress(Progress(self.total, self.total, self.report.summary()))

    def _flush(self, kind: str, batch: list) -> None:
        if self.cancel is not None:
            self.cancel.raise_if_cancelled()
        if kind != "entity":
            self._finish_entities()
        with self.db.write() as s:
            known = self._prefetch(s, batch) if kind == "release" else None
            for obj in batch:
                if kind == "entity":
                    self._entity(s, obj)
                elif kind == "release":
                    self._release(s, obj, known)
                elif kind == "pair":
                    self._pair(s, obj)
        self.done += len(batch)
        self.progress(Progress(self.done, self.total, f"{self.done} of {self.total} records"))

    # --- records -------------------------------------------------------------------------

    def _schema(self, s, schema: ExportSchema) -> None:
        ents, evs, roles = mw.type_ids(s)
        for t in schema.entity_types:
            if t.name not in ents:
                mw.add_entity_type(s, t)
        for t in schema.event_types:
            type_id = evs.get(t.name) or mw.add_event_type(s, t)
            for r in t.roles:
                if (type_id, r) not in roles:
                    mw.add_role(s, type_id, r)
        self.ent_types, self.ev_types, _ = mw.type_ids(s)

    def _entity(self, s, e: ExportEntity) -> None:
        type_id = self.ent_types[e.type]
        local = None if self.keep_ids else mw.find_entity(s, type_id, e.canonical_name)
        new = local is None
        if new:
            local = mw.insert_entity(s, e, type_id, self.keep_ids)
            self.report.entities_added += 1
        else:
            self.report.entities_matched += 1
        mw.add_aliases(s, local, e.aliases, new=new)
        self.entity_map[e.id] = local
        self.entity_names[local] = e.canonical_name
        if e.merged_into is not None:
            self.merged_pending.append((local, e.merged_into))

    def _finish_entities(self) -> None:
        if not self.merged_pending:
            return
        with self.db.write() as s:
            for local, remote in self.merged_pending:
                target = self.entity_map.get(remote)
                if target is not None and target != local:
                    mw.set_merged_into(s, local, target)
        self.merged_pending = []

    def _prefetch(self, s, batch: list[ExportDocument]) -> dict:
        """What a batch of releases needs from here, read in a few queries."""
        found = mw.releases_by_hash(s, [d.content_hash for d in batch])
        ids = [x.id for x in found.values()]
        return {"releases": found, "spans": mw.local_spans_of(s, ids),
                "events": mw.local_events_of(s, ids)}

    def _release(self, s, d: ExportDocument, known: dict) -> None:
        local = known["releases"].get(d.content_hash)
        if local is None:
            rid = mw.insert_release(s, d, self.sources, self.keep_ids, None)
            self.inserted.add(rid)
            self.report.releases_added += 1
        else:
            rid = local.id
            self.report.releases_matched += 1
            self._status(s, rid, local.review_status, d)
        mw.add_files(s, rid, d.files)
        if d.version_group is not None and self.keep_ids:
            self.version_groups[d.version_group].append(rid)
        span_map = self._spans(s, rid, d, known["spans"].get(rid, []))
        self._events(s, rid, d, span_map, known["events"].get(rid, []))
        mw.add_rejected(s, rid, [(r.start, r.end, self.entity_map[r.entity_id])
                                 for r in d.rejected if r.entity_id in self.entity_map])
        self.report.touched.add(rid)

    def _status(self, s, rid: int, local: str, d: ExportDocument) -> None:
        incoming = d.review_status
        if incoming == local or incoming == "new":
            return
        if local == "new":
            mw.set_review_status(s, rid, incoming)
            self.report.statuses_updated += 1
            return
        self._conflict(s, ConflictKind.REVIEW_STATUS, rid, rid, {"status": local},
                       {"status": incoming})

    def _spans(self, s, rid: int, d: ExportDocument,
               here: list[mw.LocalSpan]) -> dict[int, int]:
        existing = defaultdict(list)
        for x in here:
            existing[(x.start, x.end)].append(x)
        span_map: dict[int, int] = {}
        pending: list[tuple[ExportSpan, int, int | None, mw.LocalSpan]] = []
        for sp in d.spans:
            entity = self.entity_map.get(sp.entity_id) if sp.entity_id is not None else None
            same = existing.get((sp.start, sp.end), [])
            typed = [x for x in same if x.type == sp.type]
            if typed:
                x = typed[0]
                span_map[sp.id] = x.id
                self.report.spans_matched += 1
                if entity is not None and x.entity_id is None:
                    mw.set_span(s, x.id, entity_id=entity)
                    x.entity_id = entity
                    self.report.links_added += 1
                elif entity is not None and x.entity_id != entity:
                    self._conflict(s, ConflictKind.SPAN_ENTITY, rid, x.id,
                                   {"span_id": x.id, "text": sp.text, "entity_id": x.entity_id,
                                    "entity": self._name(s, x.entity_id)},
                                   {"text": sp.text, "entity_id": entity,
                                    "entity": self._name(s, entity),
                                    "created_by": sp.created_by})
                continue
            if same:
                x = same[0]
                span_map[sp.id] = x.id
                self._conflict(s, ConflictKind.SPAN_TYPE, rid, x.id,
                               {"span_id": x.id, "text": sp.text, "type": x.type,
                                "entity_id": x.entity_id},
                               {"start": sp.start, "end": sp.end, "text": sp.text,
                                "type": sp.type, "entity_id": entity,
                                "created_by": sp.created_by,
                                "created_at": sp.created_at.isoformat()})
                continue
            # New: inserted together below; a twin later in this file matches this one.
            local = mw.LocalSpan(0, sp.start, sp.end, sp.type, entity)
            existing[(sp.start, sp.end)].append(local)
            pending.append((sp, self.ent_types[sp.type], entity, local))
        new_ids = mw.insert_spans(s, rid, [(sp, t, e) for sp, t, e, _ in pending], self.keep_ids)
        for (_, _, _, local), new_id in zip(pending, new_ids, strict=True):
            local.id = new_id
        self.report.spans_added += len(pending)
        for sp in d.spans:
            if sp.id not in span_map:
                local = next(x for x in existing[(sp.start, sp.end)] if x.type == sp.type)
                span_map[sp.id] = local.id
        return span_map

    def _events(self, s, rid: int, d: ExportDocument, span_map: dict[int, int],
                local: list[mw.LocalEvent]) -> None:
        offsets = {sp.id: (sp.start, sp.end) for sp in d.spans}
        for e in d.events:
            parts = [(p.role, span_map.get(p.span_id) if p.span_id is not None else None,
                      self.entity_map.get(p.entity_id) if p.entity_id is not None else None)
                     for p in e.participants]
            trigger = offsets.get(e.trigger_span_id)
            match = next((x for x in local if x.type == e.type and x.trigger == trigger and (
                trigger is not None or x.participants == set(parts))), None)
            if match is None:
                values = {"type_id": self.ev_types[e.type],
                          "trigger_span_id": span_map.get(e.trigger_span_id),
                          "date_iso": e.date_iso, "location": e.location, "event_group": None,
                          "created_by": e.created_by, "created_at": e.created_at}
                event_id = mw.insert_event(s, rid, values, e.id if self.keep_ids else None)
                mw.add_participants(s, event_id, parts)
                self.report.events_added += 1
            else:
                event_id = match.id
                missing = [p for p in parts if p not in match.participants]
                mw.add_participants(s, event_id, missing)
                match.participants.update(missing)
                self.report.participants_added += len(missing)
                self._event_fields(s, rid, match, e)
            if e.event_group is not None:
                self.event_groups[e.event_group].append(event_id)

    def _event_fields(self, s, rid: int, match: mw.LocalEvent, e) -> None:
        fill = {}
        clash = False
        for field, mine, theirs in (("date_iso", match.date_iso, e.date_iso),
                                    ("location", match.location, e.location)):
            if theirs is None or mine == theirs:
                continue
            if mine is None:
                fill[field] = theirs
            else:
                clash = True
        if fill:
            mw.set_event(s, match.id, **fill)
        if clash:
            self._conflict(s, ConflictKind.EVENT_FIELD, rid, match.id,
                           {"type": match.type, "date": match.date_iso,
                            "location": match.location},
                           {"type": e.type, "date": e.date_iso, "location": e.location,
                            "created_by": e.created_by})

    def _pair(self, s, p: ExportPair) -> None:
        found = mw.releases_by_hash(s, [p.hash_a, p.hash_b])
        if p.hash_a not in found or p.hash_b not in found:
            return  # a pair whose release is in neither database cannot be placed
        a, b = found[p.hash_a].id, found[p.hash_b].id
        existing = mw.find_pair(s, a, b)
        if existing is None:
            mw.insert_pair(s, p, a, b, self.keep_ids)
            self.report.pairs_added += 1
            self.report.touched.update((a, b))
            return
        pair_id, status, decided_by = existing
        if status == p.status or p.status == "candidate":
            return
        if status == "candidate":
            mw.set_pair_decision(s, pair_id, p.status, p.decided_by, p.decided_at)
            self.report.decisions_added += 1
            self.report.touched.update((a, b))
            return
        self._conflict(s, ConflictKind.PAIR_DECISION, a, pair_id,
                       {"pair_id": pair_id, "status": status, "decided_by": decided_by,
                        "release_b": b},
                       {"status": p.status, "decided_by": p.decided_by,
                        "decided_at": p.decided_at.isoformat() if p.decided_at else None,
                        "release_b": b})

    def _restore_groups(self, s) -> None:
        for remote, members in self.version_groups.items():
            mw.set_version_group(s, members, remote)

    def _event_groups(self, s) -> None:
        for remote, events in self.event_groups.items():
            _regroup_events(s, remote, events, self.keep_ids)

    def _conflict(self, s, kind: ConflictKind, release_id: int | None, target_id: int | None,
                  local: dict, incoming: dict) -> None:
        reviewer = incoming.get("created_by") or incoming.get("decided_by")
        cid = mw.add_conflict(s, kind, release_id, target_id, local, incoming, reviewer,
                              self.origin, self.actor)
        if cid is None:
            return  # recorded by an earlier import of the same file
        self.report.conflicts.append(MergeConflict(
            cid, kind, release_id, target_id, local, incoming, reviewer, self.origin,
            mw.now()))

    def _name(self, s, entity_id: int | None) -> str | None:
        if entity_id is None:
            return None
        return self.entity_names.get(entity_id) or mw.entity_name(s, entity_id)


def _regroup_events(s, remote: int, events: list[int], keep_ids: bool) -> None:
    current = {g for g in (mw.event_group_of(s, e) for e in events) if g is not None}
    if len(current) > 1:
        return  # both sides grouped these events differently; leave each as it is
    if current:
        group = current.pop()
    elif keep_ids and not mw.group_used(s, "event", remote):
        group = remote
    else:
        group = mw.next_group(s, "event")
    for e in events:
        if mw.event_group_of(s, e) != group:
            mw.set_event(s, e, event_group=group)
