"""export, import-annotations, conflicts, resolve."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..domain.enums import ReviewStatus
from ..domain.export import ExportFilter, ExportFormat, Resolution
from ..domain.progress import Progress
from ..exporters.label_studio import label_config
from ..services.export import ExportService
from ..services.merge import MergeService
from .common import context, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export", help="export releases with their annotations",
        description="Write the releases passing the filters, with spans, events, entities and "
                    "duplicate decisions, in one of the formats. Ends with a summary of what "
                    "was written and what the format could not represent.")
    p.add_argument("--format", "-f", required=True, choices=[f.value for f in ExportFormat],
                   help="output format (csv and brat write a folder)")
    p.add_argument("--out", "-o", required=True, type=Path, help="output file or folder")
    p.add_argument("--status", action="append", default=[],
                   choices=[s.value for s in ReviewStatus], help="review status (repeatable)")
    p.add_argument("--lang", action="append", default=[], help="language code (repeatable)")
    p.add_argument("--source", action="append", default=[], help="source name (repeatable)")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="earliest date (ISO)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="latest date (ISO prefix)")
    p.add_argument("--tag", action="append", default=[],
                   help="keep releases with a span or event of this type (repeatable)")
    p.add_argument("--entity", action="append", default=[],
                   help="keep releases mentioning this entity: id, name or alias (repeatable)")
    p.add_argument("--version-group", action="append", default=[], type=int, metavar="N",
                   help="keep releases of this version group (repeatable)")
    p.add_argument("--grouped", action="store_true",
                   help="keep only releases that belong to a version group")
    p.add_argument("--scheme", choices=["IOB2", "BIOES"], default="IOB2",
                   help="CoNLL tag scheme (default IOB2)")
    p.add_argument("--predictions", action="store_true",
                   help="Label Studio: write results as predictions (pre-annotations)")
    p.add_argument("--label-config", type=Path, metavar="XML",
                   help="Label Studio: also write the matching labelling config to XML")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser(
        "import-annotations", help="import or merge a native JSONL export",
        description="Into an empty database the file is restored as it was; into a database "
                    "with work in it, it is merged and disagreements are listed as conflicts.")
    p.add_argument("file", type=Path)
    p.add_argument("--reviewer", help="your name, recorded on the conflicts")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("conflicts", help="list merge conflicts waiting for a decision")
    p.add_argument("--all", action="store_true", help="include resolved ones")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_conflicts)

    p = sub.add_parser("resolve", help="resolve a merge conflict")
    p.add_argument("conflict", type=int)
    p.add_argument("choice", choices=[r.value for r in Resolution],
                   help="local: keep ours; incoming: take theirs; both: keep both spans")
    p.add_argument("--reviewer")
    p.set_defaults(handler=cmd_resolve)


def _filter(args: argparse.Namespace, service: ExportService) -> ExportFilter:
    return ExportFilter(
        statuses=tuple(ReviewStatus(s) for s in args.status), languages=tuple(args.lang),
        sources=tuple(args.source), date_from=args.date_from, date_to=args.date_to,
        tags=tuple(args.tag), entity_ids=tuple(service.entity_ids(args.entity)),
        version_groups=tuple(args.version_group), in_version_group=args.grouped)


def cmd_export(args: argparse.Namespace) -> int:
    def show(p: Progress) -> None:
        if not args.quiet and p.total and p.done < p.total:
            print(f"\r{p.message}", end="", file=sys.stderr, flush=True)

    with context(args) as ctx:
        service = ctx.export
        flt = _filter(args, service)
        options = {"scheme": args.scheme, "predictions": args.predictions}
        summary = service.export(ExportFormat(args.format), args.out, flt, options,
                                 progress=show)
    if not args.quiet:
        print("", file=sys.stderr)
    if args.label_config and not summary.cancelled:
        with context(args) as ctx:
            args.label_config.write_text(label_config(ctx.export.schema()), encoding="utf-8")
    if args.json:
        print_json(summary.as_dict())
    else:
        print(summary.text())
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    with context(args) as ctx:
        report = MergeService(ctx.db, actor=args.reviewer).import_file(args.file)
    if args.json:
        print_json({"summary": report.summary(), "releases_added": report.releases_added,
                    "releases_matched": report.releases_matched,
                    "spans_added": report.spans_added, "events_added": report.events_added,
                    "pairs_added": report.pairs_added,
                    "conflicts": [_conflict_json(c) for c in report.conflicts]})
        return 0
    print(report.summary())
    for c in report.conflicts:
        print(f"  conflict {c.id} (release {c.release_id}): {c.describe()}")
    if report.conflicts:
        print("Resolve them in the app (Tools ▸ Merge conflicts) or with "
              "`release-review-cli resolve ID local|incoming|both`.")
    return 0


def _conflict_json(c) -> dict:
    return {"id": c.id, "kind": c.kind.value, "release_id": c.release_id,
            "target_id": c.target_id, "local": c.local, "incoming": c.incoming,
            "reviewer": c.reviewer, "origin": c.origin,
            "resolution": c.resolution.value if c.resolution else None}


def cmd_conflicts(args: argparse.Namespace) -> int:
    with context(args) as ctx:
        found = MergeService(ctx.db).conflicts(open_only=not args.all)
    for c in found:
        if args.json:
            print_json(_conflict_json(c))
        else:
            state = f" [{c.resolution.value}]" if c.resolution else ""
            print(f"{c.id}\trelease {c.release_id}\t{c.describe()}{state}")
    if not args.json:
        print(f"{len(found)} conflicts", file=sys.stderr)
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    with context(args) as ctx:
        MergeService(ctx.db, actor=args.reviewer).resolve(args.conflict, Resolution(args.choice))
    print(f"conflict {args.conflict} resolved: {args.choice}")
    return 0
