"""Detection: exact copies, same-language near-duplicates and cross-language versions.

Pipeline: blocking (rare keys, date windows) -> exact tf-idf cosine of the candidates ->
agreement of dates and figures -> per language pair, near-mutual-best selection with a floor
that rises with length -> evidence for every proposed pair.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from ..domain.duplicates import Candidate
from ..domain.enums import DuplicateKind
from ..domain.progress import CancelToken, Progress, ProgressCallback, ignore_progress
from .blocking import BlockingConfig, candidate_pairs
from .index import CorpusIndex
from .scoring import agreement, cosine, evidence

# Pairs scoring below this never reach a floor; they are not examined further.
PRE_FLOOR = 0.01


@dataclass(frozen=True, slots=True)
class Thresholds:
    """The shipped defaults; tuned on translated multi-way documents, set to hold on long text.

    A pair is proposed when its score reaches the floor for its length and is within `relative`
    of the best score either release has against the other's language (greedy 1-1 pairing
    relaxed, so two versions in one language can both pair with a third).
    """

    cross_floor_short: float = 0.02   # CSLS margin; both releases at most `short_words` long
    cross_floor_long: float = 0.04    # the shorter release at least `long_words` long
    near_floor_short: float = 0.30    # plain score for same-language pairs
    near_floor_long: float = 0.40
    short_words: int = 80
    long_words: int = 300
    relative: float = 0.8
    neighbours: int = 3

    def floor(self, kind: DuplicateKind, words: int) -> float:
        lo, hi = ((self.cross_floor_short, self.cross_floor_long)
                  if kind is DuplicateKind.CROSS_LANGUAGE
                  else (self.near_floor_short, self.near_floor_long))
        if words <= self.short_words:
            return lo
        if words >= self.long_words:
            return hi
        t = (math.log(words) - math.log(self.short_words)) / (
            math.log(self.long_words) - math.log(self.short_words))
        return lo + t * (hi - lo)


@dataclass
class DetectionResult:
    candidates: list[Candidate] = field(default_factory=list)
    scored: int = 0
    # Every scored pair (release ids and final score), kept for evaluation (R@1, curves).
    scores: list[tuple[int, int, float]] = field(default_factory=list)


@dataclass
class Engine:
    index: CorpusIndex
    blocking: BlockingConfig = field(default_factory=BlockingConfig)
    thresholds: Thresholds = field(default_factory=Thresholds)
    keep_scores: bool = False
    # Best score of each row against each language, kept between incremental runs.
    tops: dict[int, np.ndarray] = field(default_factory=dict)
    _nl: int = 1

    def detect(self, targets: list[int] | None = None,
               progress: ProgressCallback = ignore_progress,
               cancel: CancelToken | None = None) -> DetectionResult:
        """Pairs among all releases, or between `targets` (release ids) and the rest."""
        index = self.index
        rows = None
        if targets is not None:
            rows = np.array(sorted({index.position[t] for t in targets if t in index.position}),
                            dtype=np.int64)
        indptr, feats, vals = index.csr()
        a, b, _ = candidate_pairs(indptr, feats, vals, index.day, self.blocking, rows,
                                  progress, cancel)
        if cancel is not None:
            cancel.raise_if_cancelled()
        progress(Progress(0, 1, f"scoring {len(a)} pairs"))
        raw = cosine(indptr, feats, vals, a, b)
        result = DetectionResult(scored=len(a))
        lang = index.lang
        # Dates and figures only for pairs that could still pass a floor.
        pre = raw >= PRE_FLOOR
        a, b, raw = a[pre], b[pre], raw[pre]
        final = np.empty(len(a), dtype=np.float32)
        conflicts: list[list[str]] = []
        day = index.day
        docs = index.docs
        for k in range(len(a)):
            x, y = docs[a[k]].keys, docs[b[k]].keys
            factor, found = agreement(x, y, int(day[a[k]]), int(day[b[k]]))
            final[k] = min(1.0, float(raw[k]) * factor)
            conflicts.append(found)
            if cancel is not None and k % 20000 == 0:
                cancel.raise_if_cancelled()
        chosen, rank = self._select(a, b, final, lang, targets is None)
        if self.keep_scores:
            result.scores = [(docs[i].release_id, docs[j].release_id, float(s))
                             for i, j, s in zip(a, b, rank, strict=True)]
        exact = self._exact_pairs(rows)
        seen = set()
        for i, j in exact:
            pair = (min(i, j), max(i, j))
            seen.add(pair)
            x, y = docs[i], docs[j]
            lo, hi = sorted((x.release_id, y.release_id))
            result.candidates.append(Candidate(lo, hi, DuplicateKind.EXACT, 1.0,
                                               evidence(x.keys, y.keys, [])))
        for k in chosen:
            i, j = int(a[k]), int(b[k])
            if (min(i, j), max(i, j)) in seen:
                continue
            x, y = docs[i], docs[j]
            kind = (DuplicateKind.NEAR if lang[i] == lang[j] and x.keys.lang
                    else DuplicateKind.CROSS_LANGUAGE)
            lo, hi = sorted((x.release_id, y.release_id))
            result.candidates.append(Candidate(lo, hi, kind, round(float(final[k]), 4),
                                               evidence(x.keys, y.keys, conflicts[k])))
        progress(Progress(1, 1, f"{len(result.candidates)} pairs proposed"))
        return result

    def _local_tops(self, a: np.ndarray, b: np.ndarray, s: np.ndarray, lang: np.ndarray,
                    full: bool) -> dict[int, np.ndarray]:
        """Top-k scores of each (row, other language), merged with earlier runs."""
        k = self.thresholds.neighbours
        nl = max(len(self.index.langs), 1) + 1
        codes = np.concatenate([a * nl + lang[b], b * nl + lang[a]])
        vals = np.concatenate([s, s])
        if full:
            self.tops = {}
        tops: dict[int, np.ndarray] = {}
        if len(codes):
            order = np.lexsort((-vals, codes))
            codes, vals = codes[order], vals[order]
            first = np.r_[0, np.flatnonzero(np.diff(codes)) + 1]
            bounds = np.r_[first, len(codes)]
            for x in range(len(first)):
                code = int(codes[first[x]])
                mine = vals[bounds[x]:min(bounds[x + 1], bounds[x] + k)]
                old = self.tops.get(code)
                if old is not None:
                    mine = np.sort(np.concatenate([old, mine]))[::-1][:k]
                tops[code] = mine
        self.tops.update(tops)
        self._nl = nl
        return self.tops

    def _select(self, a: np.ndarray, b: np.ndarray, s: np.ndarray, lang: np.ndarray,
                full: bool) -> tuple[list[int], np.ndarray]:
        """Indices of the pairs to propose, and every pair's ranking score.

        Cross-language pairs are ranked by cross-domain similarity local scaling (CSLS):
        2·s − r(a) − r(b), r being the mean of a release's `neighbours` best scores against
        the other's language. A release close to everything (a hub) no longer pairs with
        whatever is nearest; a real counterpart stands out. Same-language pairs keep their
        score and must be within `relative` of each side's best.
        """
        th = self.thresholds
        tops = self._local_tops(a, b, s, lang, full)
        nl = self._nl
        k = th.neighbours
        docs = self.index.docs

        def local(code: int) -> tuple[float, float]:
            t = tops.get(code)
            if t is None or not len(t):
                return 0.0, 0.0
            return float(t.sum()) / k, float(t[0])

        chosen = []
        rank = np.empty(len(a), dtype=np.float32)
        for x in range(len(a)):
            i, j, v = int(a[x]), int(b[x]), float(s[x])
            ri, bi = local(i * nl + int(lang[j]))
            rj, bj = local(j * nl + int(lang[i]))
            words = min(docs[i].keys.words, docs[j].keys.words)
            if lang[i] == lang[j] and docs[i].keys.lang:
                rank[x] = v
                if v >= th.floor(DuplicateKind.NEAR, words) and v >= th.relative * max(bi, bj):
                    chosen.append(x)
            else:
                rank[x] = 2 * v - ri - rj
                if rank[x] >= th.floor(DuplicateKind.CROSS_LANGUAGE, words):
                    chosen.append(x)
        return chosen, rank

    def _exact_pairs(self, rows: np.ndarray | None) -> list[tuple[int, int]]:
        groups: dict[str, list[int]] = defaultdict(list)
        for pos, doc in enumerate(self.index.docs):
            if doc.keys.exact:
                groups[doc.keys.exact].append(pos)
        wanted = None if rows is None else set(rows.tolist())
        pairs = []
        for members in groups.values():
            if len(members) < 2:
                continue
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    i, j = members[x], members[y]
                    if wanted is None or i in wanted or j in wanted:
                        pairs.append((i, j))
        return pairs
