"""entities (list/search the knowledge base) and tags RELEASE (a release's tags and events)."""

from __future__ import annotations

import argparse
import sys

from ..domain.errors import NotFoundError
from .common import context, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("entities", help="list or search the knowledge base of entities")
    p.add_argument("query", nargs="?", default="",
                   help="search by name or alias, in any script (omit to list all)")
    p.add_argument("--type", dest="type_name", metavar="TYPE", help="only this entity type")
    p.add_argument("--limit", type=int, default=0, help="at most this many (0: all, 20 when searching)")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.set_defaults(handler=cmd_entities)

    p = sub.add_parser("tags", help="the tags (and events) of one release")
    p.add_argument("release", help="database id, external id or content hash")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.add_argument("--no-events", action="store_true", help="tags only")
    p.add_argument("--suggestions", action="store_true",
                   help="also list the known aliases found in the text (not tags until accepted)")
    p.set_defaults(handler=cmd_tags)


def _type_id(schema, name: str | None) -> int | None:  # noqa: ANN001 - AnnotationSchema
    if not name:
        return None
    for t in schema.entity_types:
        if t.name.lower() == name.lower():
            return t.id
    known = ", ".join(t.name for t in schema.entity_types)
    raise NotFoundError(f"No entity type {name!r}; known types: {known}.")


def cmd_entities(args: argparse.Namespace) -> int:
    with context(args) as ctx:
        schema = ctx.annotate.schema()
        type_id = _type_id(schema, args.type_name)
        if args.query.strip():
            hits = ctx.entities.search(args.query, type_id=type_id, limit=args.limit or 20)
            rows = [(h.entity, h.score, h.matched_alias) for h in hits]
        else:
            rows = [(e, None, None) for e in ctx.entities.list(type_id, args.limit)]
        for entity, score, matched in rows:
            etype = schema.entity_type(entity.type_id)
            tname = etype.name if etype else str(entity.type_id)
            if args.json:
                obj = {"id": entity.id, "type": tname, "name": entity.canonical_name,
                       "aliases": [{"alias": a.alias, "lang": a.language} for a in entity.aliases],
                       "mentions": entity.mention_count}
                if score is not None:
                    obj.update(score=score, matched=matched)
                print_json(obj)
            else:
                extra = f"\t{score:.0f}\t{matched}" if score is not None else ""
                aliases = " | ".join(a.alias for a in entity.aliases)
                print(f"{entity.id}\t{tname}\t{entity.canonical_name}\t"
                      f"{entity.mention_count} mentions\t{aliases}{extra}")
        if not args.json:
            print(f"{len(rows)} entities", file=sys.stderr)
    return 0


def cmd_tags(args: argparse.Namespace) -> int:
    with context(args) as ctx:
        release = ctx.library.find(args.release)
        schema = ctx.annotate.schema()
        spans = ctx.annotate.spans(release.id)
        entities = ctx.entities.many({s.entity_id for s in spans if s.entity_id})
        events = [] if args.no_events else ctx.annotate.events(release.id)
        suggestions = ctx.annotate.suggestions(release.id) if args.suggestions else []
        entities.update(ctx.entities.many({g.entity_id for g in suggestions} - set(entities)))

    def tname(type_id: int) -> str:
        t = schema.entity_type(type_id)
        return t.name if t else str(type_id)

    for s in spans:
        ent = entities.get(s.entity_id) if s.entity_id else None
        if args.json:
            print_json({"kind": "span", "id": s.id, "release": release.id, "start": s.start,
                        "end": s.end, "text": s.text, "type": tname(s.type_id),
                        "entity_id": s.entity_id,
                        "entity": ent.canonical_name if ent else None,
                        "created_by": s.created_by})
        else:
            link = f"\t-> {ent.canonical_name} (#{ent.id})" if ent else ""
            print(f"{s.id}\t{s.start}-{s.end}\t{tname(s.type_id)}\t{s.text}{link}")
    for e in events:
        etype = schema.event_type(e.type_id)
        name = etype.name if etype else str(e.type_id)
        parts = [{"role": p.role, "span_id": p.span_id, "entity_id": p.entity_id,
                  "label": p.label} for p in e.participants]
        if args.json:
            print_json({"kind": "event", "id": e.id, "release": release.id, "type": name,
                        "trigger_span_id": e.trigger_span_id, "date": e.date_iso,
                        "location": e.location, "group": e.event_group,
                        "participants": parts})
        else:
            roles = "; ".join(f"{p['role']}: {p['label']}" for p in parts)
            print(f"event {e.id}\t{name}\t{e.date_iso or '-'}\t{e.location or '-'}\t{roles}")
    for g in suggestions:
        ent = entities.get(g.entity_id)
        name = ent.canonical_name if ent else None
        if args.json:
            print_json({"kind": "suggestion", "release": release.id, "start": g.start,
                        "end": g.end, "text": g.text, "type": tname(g.type_id),
                        "entity_id": g.entity_id, "entity": name, "alias": g.alias})
        else:
            print(f"suggest\t{g.start}-{g.end}\t{tname(g.type_id)}\t{g.text}\t-> {name} "
                  f"(#{g.entity_id}, alias {g.alias!r})")
    if not args.json:
        extra = f", {len(suggestions)} suggestions" if args.suggestions else ""
        print(f"{len(spans)} tags, {len(events)} events{extra} in release {release.id}",
              file=sys.stderr)
    return 0
