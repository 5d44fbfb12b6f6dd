"""dedup, pairs, decide-pair, eval-dedup: versions of releases from the command line."""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path

from ..domain.duplicates import PairFilter
from ..domain.enums import DuplicateKind, PairStatus
from ..domain.errors import NotFoundError, ReleaseReviewError
from ..domain.progress import Progress
from ..domain.releases import ParsedRelease
from ..matching.evaluation import LabelledDoc, evaluate
from ..services.context import open_context
from ..services.paths import AppPaths
from .common import context, print_json

_DOMAIN = re.compile(r"domain=([\w-]+)")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("dedup", help="find exact copies, near-duplicates and versions in "
                                     "other languages")
    p.add_argument("--release", action="append", type=int, default=[], metavar="ID",
                   help="only these (new) releases against the corpus (repeatable)")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(handler=cmd_dedup)

    p = sub.add_parser("pairs", help="list candidate pairs, best score first")
    p.add_argument("--kind", action="append", default=[], choices=[k.value for k in DuplicateKind])
    p.add_argument("--status", action="append", default=[],
                   choices=[s.value for s in PairStatus])
    p.add_argument("--limit", type=int, default=0)
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.set_defaults(handler=cmd_pairs)

    p = sub.add_parser("decide-pair", help="confirm or reject a candidate pair")
    p.add_argument("pair", type=int)
    p.add_argument("decision", choices=["confirm", "reject", "reopen"])
    p.add_argument("--reviewer", help="name recorded as the decider")
    p.set_defaults(handler=cmd_decide)

    p = sub.add_parser("eval-dedup", help="score detection on a labelled JSONL file "
                                          "(fields id, lang, group, title, text, source)")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=cmd_eval)


def _progress(quiet: bool):
    def show(p: Progress) -> None:
        if not quiet and p.message:
            print(f"  {p.message} [{p.done}/{p.total}]", file=sys.stderr)
    return show


def cmd_dedup(args: argparse.Namespace) -> int:
    with context(args) as ctx:
        if args.release:
            report, _, _ = ctx.dedup.detect_new(args.release, _progress(args.quiet))
        else:
            report, _, _ = ctx.dedup.detect(_progress(args.quiet))
    print(report.summary())
    return 0


def cmd_pairs(args: argparse.Namespace) -> int:
    flt = PairFilter(kinds=tuple(DuplicateKind(k) for k in args.kind),
                     statuses=tuple(PairStatus(s) for s in args.status))
    with context(args) as ctx:
        pairs = ctx.dedup.pairs(flt, args.limit or None)
        paths = ctx.dedup.source_paths([x for p in pairs for x in (p.release_a, p.release_b)])
    for p in pairs:
        if args.json:
            print_json({
                "id": p.id, "kind": p.kind.value, "score": round(p.score, 4),
                "status": p.status.value, "decided_by": p.decided_by,
                "a": {"id": p.release_a, "external_id": p.external_a, "language": p.lang_a,
                      "source_paths": paths.get(p.release_a, [p.path_a])},
                "b": {"id": p.release_b, "external_id": p.external_b, "language": p.lang_b,
                      "source_paths": paths.get(p.release_b, [p.path_b])},
                "evidence": p.evidence.to_json()})
        else:
            print(f"{p.id}\t{p.kind.value}\t{p.score:.3f}\t{p.status.value}\t"
                  f"{p.release_a} ({p.lang_a or '-'}) ↔ {p.release_b} ({p.lang_b or '-'})\t"
                  f"{p.evidence.summary()}")
    if not args.json:
        print(f"{len(pairs)} pairs", file=sys.stderr)
    return 0


def cmd_decide(args: argparse.Namespace) -> int:
    status = {"confirm": PairStatus.CONFIRMED, "reject": PairStatus.REJECTED,
              "reopen": PairStatus.CANDIDATE}[args.decision]
    with context(args) as ctx:
        if args.reviewer:
            ctx.dedup.log.set_actor(args.reviewer)
        ctx.dedup.decide(args.pair, status)
        pair = ctx.dedup.pair(args.pair)
    print(f"pair {pair.id}: {pair.status.value}")
    return 0


def read_labelled(path: Path) -> tuple[list[ParsedRelease], list[tuple[str, str, str]]]:
    """Releases to detect on (title, text, lang only) and their labels (lang, group, domain)."""
    if not path.is_file():
        raise NotFoundError(f"No such file: {path}")
    parsed, labels = [], []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                text, lang, group = obj["text"], obj["lang"], obj["group"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise ReleaseReviewError(f"{path}:{n}: not a labelled record ({exc})") from exc
            found = _DOMAIN.search(str(obj.get("source", "")))
            parsed.append(ParsedRelease(source_path=f"{path.name}:{n}",
                                        title=obj.get("title") or "", body=text, language=lang))
            labels.append((lang, group, found.group(1) if found else "unknown"))
    if not parsed:
        raise ReleaseReviewError(f"{path}: no records")
    return parsed, labels


def cmd_eval(args: argparse.Namespace) -> int:
    parsed, labels = read_labelled(args.file)
    with tempfile.TemporaryDirectory(prefix="rr-eval-") as tmp:
        ctx = open_context(Path(tmp) / "eval.sqlite3", AppPaths.resolve(tmp))
        try:
            started = time.monotonic()
            ids = ctx.dedup.store_parsed(parsed)
            stored = time.monotonic()
            report, _, result = ctx.dedup.detect(keep_scores=True)
            done = time.monotonic()
        finally:
            ctx.close()
    docs = [LabelledDoc(i, lang, group, domain)
            for i, (lang, group, domain) in zip(ids, labels, strict=True)]
    scores = {(a, b): s for a, b, s in result.scores}
    flagged = [(c.a, c.b) for c in result.candidates]
    print(f"{len(docs)} documents; import {stored - started:.1f} s, detection "
          f"{done - stored:.1f} s; {report.summary()}")
    for line in evaluate(docs, flagged, scores).lines():
        print(line)
    return 0
