"""Find versions of releases and record reviewers' decisions.

Detection reads only the match keys stored at import; the index built from them stays in
memory, so detection after an import (new releases against the corpus) costs little. A pair a
reviewer rejected is never proposed again: decided pairs are kept as they are on every re-run.
"""

from __future__ import annotations

import hashlib
import re
import threading
import time
from collections.abc import Iterable, Iterator, Sequence

from ..domain.changes import ChangeSet
from ..domain.duplicates import DetectionReport, DuplicatePair, PairFilter, VersionInfo
from ..domain.enums import PairStatus
from ..domain.progress import CancelToken, Progress, ProgressCallback, ignore_progress
from ..domain.releases import ParsedRelease, Release
from ..matching.blocking import BlockingConfig
from ..matching.engine import DetectionResult, Engine, Thresholds
from ..matching.index import CorpusIndex
from ..matching.keys import FAMILIES, SURFACE_FAMILIES, MatchKeys, compute_keys
from ..matching.locate import EvidenceSpans, locate_evidence
from ..matching.names import name_key
from ..storage import Database
from ..storage import duplicates as repo
from ..storage import releases as release_repo
from .ingest import content_hash
from .sessions import WorkLog

BACKFILL_BATCH = 500
_ALIAS_WORD = re.compile(r"[^\W\d_]{3,}")


def entity_key_map(aliases: Sequence[tuple[str, int]]) -> dict[str, str]:
    """Name keys of entity aliases -> entity key, so linked spellings meet on one key.

    A key two entities share (a common first name) maps to neither.
    """
    owners: dict[str, set[int]] = {}
    for alias, entity_id in aliases:
        for word in _ALIAS_WORD.findall(alias):
            owners.setdefault(name_key(word), set()).add(entity_id)
    return {k: str(next(iter(v))) for k, v in owners.items() if len(v) == 1}


class DedupService:
    def __init__(self, db: Database, log: WorkLog | None = None,
                 thresholds: Thresholds | None = None,
                 blocking: BlockingConfig | None = None) -> None:
        self.db = db
        self.log = log or WorkLog(db)
        self.thresholds = thresholds or Thresholds()
        self.blocking = blocking or BlockingConfig()
        self._engine: Engine | None = None
        self._lock = threading.Lock()   # one detection at a time per database

    # --- detection -----------------------------------------------------------------------

    def detect(self, progress: ProgressCallback = ignore_progress,
               cancel: CancelToken | None = None, keep_scores: bool = False
               ) -> tuple[DetectionReport, ChangeSet, DetectionResult]:
        """Full detection over every release; the index is rebuilt from stored keys."""
        with self._lock:
            started = time.monotonic()
            self._backfill(progress, cancel)
            engine = self._build(progress, cancel)
            engine.keep_scores = keep_scores
            result = engine.detect(progress=progress, cancel=cancel)
            return self._save(result, None, started, len(engine.index))

    def detect_new(self, release_ids: Sequence[int], progress: ProgressCallback = ignore_progress,
                   cancel: CancelToken | None = None
                   ) -> tuple[DetectionReport, ChangeSet, DetectionResult]:
        """Detection of `release_ids` (just imported) against the whole corpus."""
        with self._lock:
            started = time.monotonic()
            self._backfill(progress, cancel, release_ids)
            engine = self._engine or self._build(progress, cancel)
            with self.db.read() as s:
                rows = list(repo.iter_match_keys(s, release_ids))
            engine.index.add(rows)
            targets = [r[0] for r in rows]
            result = engine.detect(targets, progress=progress, cancel=cancel) if targets \
                else DetectionResult()
            return self._save(result, set(targets), started, len(targets))

    def forget_index(self) -> None:
        """Drop the cached index (after releases were deleted or keys recomputed)."""
        self._engine = None

    def _build(self, progress: ProgressCallback, cancel: CancelToken | None) -> Engine:
        progress(Progress(0, 1, "loading match keys"))
        with self.db.read() as s:
            aliases = repo.entity_aliases(s)
            index = CorpusIndex(entity_key_map(aliases))
            index.build(_checked(repo.iter_match_keys(s), cancel))
        self._engine = Engine(index, self._load_keys, self.blocking, self.thresholds)
        return self._engine

    def _load_keys(self, release_ids: Sequence[int]) -> dict[int, MatchKeys]:
        with self.db.read() as s:
            return {rid: _keys(data, lang, date, SURFACE_FAMILIES)
                    for rid, data, lang, date in repo.iter_match_keys(s, release_ids)}

    def _backfill(self, progress: ProgressCallback, cancel: CancelToken | None,
                  release_ids: Sequence[int] | None = None) -> None:
        """Keys for releases stored before keys were computed at import (read once)."""
        while True:
            with self.db.read() as s:
                rows = repo.releases_without_keys(s, BACKFILL_BATCH, release_ids)
            if not rows:
                return
            if cancel is not None:
                cancel.raise_if_cancelled()
            progress(Progress(0, 1, f"computing match keys of {len(rows)} releases"))
            keys = {rid: compute_keys(title, body, lang, date).to_json()
                    for rid, title, body, lang, date in rows}
            with self.db.write() as s:
                repo.set_match_keys(s, keys)
            if release_ids is None:
                self._engine = None

    def _save(self, result: DetectionResult, targets: set[int] | None, started: float,
              releases: int) -> tuple[DetectionReport, ChangeSet, DetectionResult]:
        with self.db.write() as s:
            # An incremental run only touches pairs of its releases and their candidates.
            scope = None if targets is None else targets | {
                x for c in result.candidates for x in (c.a, c.b)}
            states = repo.pair_states(s, scope)
            new, updated, kept, touched = repo.save_candidates(
                s, result.candidates, states, targets, targets is None)
            changed = repo.refresh_groups(s, touched | {x for c in result.candidates
                                                        for x in (c.a, c.b)})
        report = DetectionReport(releases=releases, candidates_scored=result.scored,
                                 proposed=len(result.candidates), new_pairs=new,
                                 updated_pairs=updated, kept_rejected=kept,
                                 seconds=time.monotonic() - started)
        for c in result.candidates:
            report.by_kind[c.kind.value] = report.by_kind.get(c.kind.value, 0) + 1
        return report, ChangeSet(releases=frozenset(changed), duplicates=True), result

    # --- review --------------------------------------------------------------------------

    def pairs(self, flt: PairFilter | None = None, limit: int | None = None
              ) -> list[DuplicatePair]:
        with self.db.read() as s:
            return repo.list_pairs(s, flt or PairFilter(), limit)

    def pair_ids(self, flt: PairFilter | None = None, sort: str = "score",
                 descending: bool = True) -> list[int]:
        with self.db.read() as s:
            return repo.list_pair_ids(s, flt, sort, descending)

    def pairs_by_id(self, ids: Sequence[int]) -> dict[int, DuplicatePair]:
        with self.db.read() as s:
            return repo.fetch_pairs(s, ids)

    def pair(self, pair_id: int) -> DuplicatePair:
        with self.db.read() as s:
            return repo.get_pair(s, pair_id)

    def language_pairs(self) -> list[str]:
        with self.db.read() as s:
            return repo.language_pairs(s)

    def decide(self, pair_id: int, status: PairStatus, expected_version: int | None = None
               ) -> ChangeSet:
        """Confirm, reject or reopen a pair; confirmed pairs join their releases' groups."""
        with self.db.write() as s:
            before = repo.get_pair(s, pair_id)
            after = repo.set_pair_status(s, pair_id, status, self.log.actor, expected_version)
            self.log.audit(s, f"pair.{status.value}", "duplicate_pair", pair_id,
                           before.release_a, {"from": before.status.value, "to": status.value,
                                              "release_b": before.release_b,
                                              "kind": before.kind.value,
                                              "score": before.score})
            changed = repo.refresh_groups(s, [after.release_a, after.release_b])
        return ChangeSet(releases=frozenset(changed | {after.release_a, after.release_b}),
                         duplicates=True, extra={"pair": pair_id})

    def confirm(self, pair_id: int, expected_version: int | None = None) -> ChangeSet:
        return self.decide(pair_id, PairStatus.CONFIRMED, expected_version)

    def reject(self, pair_id: int, expected_version: int | None = None) -> ChangeSet:
        return self.decide(pair_id, PairStatus.REJECTED, expected_version)

    def versions_of(self, release_id: int) -> list[VersionInfo]:
        with self.db.read() as s:
            return repo.versions_of(s, release_id)

    def side_by_side(self, pair_id: int) -> tuple[DuplicatePair, Release, Release,
                                                   EvidenceSpans, EvidenceSpans]:
        """Both releases of a pair and where the pair's evidence is written in each."""
        with self.db.read() as s:
            pair = repo.get_pair(s, pair_id)
            a = release_repo.get_release(s, pair.release_a)
            b = release_repo.get_release(s, pair.release_b)
        spans_a, spans_b = locate_evidence(a.text, a.language, b.text, b.language,
                                           pair.evidence)
        return pair, a, b, spans_a, spans_b

    def source_paths(self, release_ids: Sequence[int]) -> dict[int, list[str]]:
        with self.db.read() as s:
            return repo.source_paths(s, release_ids)

    # --- labelled sets (evaluation) ------------------------------------------------------

    def store_parsed(self, releases: Sequence[ParsedRelease]) -> list[int]:
        """Store parsed releases with their keys (for evaluation sets); returns their ids."""
        # Labelled sets may hold the same text twice; each line stays its own release.
        items = [(p, hashlib.sha256(f"{content_hash(p.title, p.body)}:{n}".encode()).hexdigest(),
                  compute_keys(p.title, p.body, p.language,
                               p.date.iso if p.date else None).to_json())
                 for n, p in enumerate(releases)]
        ids: list[int] = []
        sources = release_repo.SourceCache()
        for start in range(0, len(items), 500):
            with self.db.write() as s:
                ids += release_repo.insert_releases(s, items[start:start + 500], None, sources)
        return ids


def _checked(rows: Iterable, cancel: CancelToken | None) -> Iterator:
    for n, row in enumerate(rows):
        if cancel is not None and n % 5000 == 0:
            cancel.raise_if_cancelled()
        yield row


def _keys(data: dict, lang: str | None, date: str | None,
          families: tuple[str, ...] = FAMILIES) -> MatchKeys:
    keys = MatchKeys.from_json(data, families)
    keys.lang = lang or keys.lang
    keys.date = date or keys.date
    return keys
