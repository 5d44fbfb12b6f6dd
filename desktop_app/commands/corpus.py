"""import, list, search, stats, migrate, self-test."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..domain.enums import ImportOutcome, ReviewStatus
from ..domain.progress import Progress
from ..domain.releases import ReleaseFilter
from .common import context, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="import files and folders of releases")
    p.add_argument("paths", nargs="+", type=Path)
    p.add_argument("--quiet", action="store_true", help="print only the summary")
    p.set_defaults(handler=cmd_import)

    for name, helptext in (("list", "list releases"), ("search", "full-text search")):
        p = sub.add_parser(name, help=helptext)
        if name == "search":
            p.add_argument("query")
        p.add_argument("--lang", action="append", default=[], help="language code (repeatable)")
        p.add_argument("--source", action="append", default=[])
        p.add_argument("--status", action="append", default=[],
                       choices=[s.value for s in ReviewStatus])
        p.add_argument("--from", dest="date_from", metavar="DATE")
        p.add_argument("--to", dest="date_to", metavar="DATE")
        p.add_argument("--limit", type=int, default=0, help="at most this many (0: all)")
        p.add_argument("--json", action="store_true", help="one JSON object per line")
        p.set_defaults(handler=cmd_list)

    p = sub.add_parser("stats", help="counts by language, source, status and year")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_stats)

    p = sub.add_parser("migrate", help="bring the database schema up to date")
    p.set_defaults(handler=cmd_migrate)

    p = sub.add_parser("self-test", help="check Qt, fonts, SQLite and FTS5; exit 0 when all is well")
    p.set_defaults(handler=cmd_self_test)


def cmd_import(args: argparse.Namespace) -> int:
    def show(p: Progress) -> None:
        if not args.quiet and p.done < p.total:
            print(f"[{p.done + 1}/{p.total}] {p.message}", file=sys.stderr)

    with context(args) as ctx:
        report = ctx.ingest.import_paths(args.paths, progress=show)
    for f in report.problems:
        print(f"{f.outcome.value}: {f.path}: {f.reason}")
    for path, message in report.warnings:
        print(f"record skipped: {path}: {message}")
    print(report.summary())
    return 1 if report.problems or report.warnings else 0


def _filter(args: argparse.Namespace) -> ReleaseFilter:
    return ReleaseFilter(
        languages=tuple(args.lang), sources=tuple(args.source),
        statuses=tuple(ReviewStatus(s) for s in args.status),
        date_from=args.date_from, date_to=args.date_to, search=getattr(args, "query", ""))


def cmd_list(args: argparse.Namespace) -> int:
    with context(args) as ctx:
        ids = ctx.library.list_ids(_filter(args))
        if args.limit:
            ids = ids[: args.limit]
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            rows = ctx.library.rows(chunk)
            for i in chunk:
                r = rows[i]
                if args.json:
                    print_json({"id": r.id, "date": r.date_iso, "lang": r.language,
                                "title": r.title, "source": r.source,
                                "status": r.review_status.value})
                else:
                    print(f"{r.id}\t{r.date_iso or '-'}\t{r.language or '-'}\t"
                          f"{r.source or '-'}\t{r.title}")
        if not args.json:
            print(f"{len(ids)} releases", file=sys.stderr)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    with context(args) as ctx:
        stats = ctx.library.stats()
        total = ctx.library.count()
    if args.json:
        print_json({"total": total, **stats})
        return 0
    print(f"releases: {total}")
    for group, counts in stats.items():
        print(f"\nby {group}:")
        for key, n in counts.items():
            print(f"  {key:<30} {n}")
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    with context(args) as ctx:
        print(f"schema up to date: {ctx.location}")
    return 0


def cmd_self_test(args: argparse.Namespace) -> int:
    # The check that opens a window lives with the GUI; import it only when asked.
    from importlib import import_module

    selftest = import_module("desktop_app.app_selftest")
    return selftest.run(args)


__all__ = ["ImportOutcome", "register"]
