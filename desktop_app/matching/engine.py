"""Detection: exact copies, same-language near-duplicates and cross-language versions.

Pipeline: blocking (rare keys, date windows) -> exact tf-idf cosine of the candidates ->
agreement of dates and figures -> selection (cross-language: CSLS margin over a floor that
rises with length; same language: near-mutual-best over a floor) -> evidence of each proposal.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..domain.duplicates import Candidate
from ..domain.enums import DuplicateKind
from ..domain.progress import CancelToken, Progress, ProgressCallback, ignore_progress
from .blocking import BlockingConfig, Postings, candidate_pairs, effective_cap
from .index import CorpusIndex
from .keys import MatchKeys
from .scoring import (
    agreement,
    agreement_factors,
    evidence,
    fuzzy_names,
    sparse_dot,
    unmatched,
)

# Pairs scoring below this never reach a floor; they are not examined further.
PRE_FLOOR = 0.01
# Loads the stored keys of some releases (for evidence of the proposed pairs only).
KeyLoader = Callable[[Sequence[int]], dict[int, MatchKeys]]


@dataclass(frozen=True, slots=True)
class Thresholds:
    """The shipped defaults: tuned on translated multi-way documents, set to hold on long text.

    Cross-language pairs are ranked by CSLS (cross-domain similarity local scaling,
    2·s − r(a) − r(b), r = mean of a release's `neighbours` best scores against the other's
    language): a release close to everything no longer pairs with whatever is nearest, and a
    real counterpart stands out; the margin must reach a floor that rises with length. Two
    versions in one language can both pair with a third (unlike strict 1-1 pairing).
    Same-language pairs keep their score and must be within `relative` of each side's best.
    """

    cross_floor_short: float = 0.02   # CSLS margin; shorter release at most `short_words`
    cross_floor_long: float = 0.04    # shorter release at least `long_words`
    near_floor_short: float = 0.30    # plain score for same-language pairs
    near_floor_long: float = 0.40
    short_words: int = 80
    long_words: int = 300
    relative: float = 0.8
    neighbours: int = 3
    # Plain-score floor of cross-language pairs whose shorter release is long: in a small
    # corpus the local scaling has few neighbours to go by.
    cross_score_long: float = 0.05
    # Least local scale r assumed (few releases in the other language).
    neighbour_prior: float = 0.02
    # Keys two releases must share at least (one shared word is chance, not a version).
    min_shared: int = 2

    def length_share(self, words: np.ndarray) -> np.ndarray:
        """0 for short releases, 1 for long ones, log-linear between."""
        t = (np.log(np.maximum(words, 1)) - math.log(self.short_words)) / (
            math.log(self.long_words) - math.log(self.short_words))
        return np.clip(t, 0.0, 1.0)

    def floors(self, cross: np.ndarray, words: np.ndarray) -> np.ndarray:
        """The floor of each pair from its kind and the shorter release's length."""
        t = self.length_share(words)
        cross_f = self.cross_floor_short + t * (self.cross_floor_long - self.cross_floor_short)
        near_f = self.near_floor_short + t * (self.near_floor_long - self.near_floor_short)
        return np.where(cross, cross_f, near_f)


@dataclass
class DetectionResult:
    candidates: list[Candidate] = field(default_factory=list)
    scored: int = 0
    # Every scored pair (release ids, ranking score), kept for evaluation (R@1, curves).
    scores: list[tuple[int, int, float]] = field(default_factory=list)


@dataclass
class _Tops:
    """Best scores of each (row, other language), sorted by code, kept between runs."""

    codes: np.ndarray
    top: np.ndarray        # shape (len(codes), k), descending, zero-padded


def _top_k(codes: np.ndarray, vals: np.ndarray, k: int) -> _Tops:
    if len(codes) == 0:
        return _Tops(np.zeros(0, np.int64), np.zeros((0, k), np.float32))
    order = np.lexsort((-vals, codes))
    codes, vals = codes[order], vals[order]
    first = np.r_[0, np.flatnonzero(np.diff(codes)) + 1]
    rank = np.arange(len(codes)) - np.repeat(first, np.diff(np.r_[first, len(codes)]))
    keep = rank < k
    group = np.repeat(np.arange(len(first)), np.diff(np.r_[first, len(codes)]))
    top = np.zeros((len(first), k), np.float32)
    top[group[keep], rank[keep]] = vals[keep]
    top = -np.sort(-top, axis=1)
    return _Tops(codes[first], top)


@dataclass
class Engine:
    index: CorpusIndex
    load_keys: KeyLoader
    blocking: BlockingConfig = field(default_factory=BlockingConfig)
    thresholds: Thresholds = field(default_factory=Thresholds)
    keep_scores: bool = False
    tops: _Tops | None = None

    def detect(self, targets: Sequence[int] | None = None,
               progress: ProgressCallback = ignore_progress,
               cancel: CancelToken | None = None) -> DetectionResult:
        """Pairs among all releases, or between `targets` (release ids) and the rest."""
        index = self.index
        rows = None
        if targets is not None:
            rows = np.array(sorted({index.position[t] for t in targets if t in index.position}),
                            dtype=np.int64)
        cap = effective_cap(self.blocking, len(index))
        postings = index.cached(("postings", cap), lambda: Postings.build(
            index.indptr, index.feats, index.vals, cap))
        a, b, _ = candidate_pairs(index.indptr, index.feats, index.vals, index.day,
                                  self.blocking, rows, progress, cancel, postings)
        if cancel is not None:
            cancel.raise_if_cancelled()
        progress(Progress(0, 1, f"scoring {len(a)} pairs"))
        shared = np.zeros(len(a), dtype=np.float32)
        raw = sparse_dot(index.indptr, index.feats, index.vals, a, b, index.coded(), shared)
        result = DetectionResult(scored=len(a))
        pre = raw >= PRE_FLOOR
        a, b, raw, shared = a[pre], b[pre], raw[pre], shared[pre]
        final = np.minimum(1.0, raw * agreement_factors(index, a, b)).astype(np.float32)
        final[shared < self.thresholds.min_shared] = 0.0
        if cancel is not None:
            cancel.raise_if_cancelled()
        chosen, rank = self._select(a, b, final, rows is None)
        if self.keep_scores:
            ids = np.array(index.release_ids, dtype=np.int64)
            result.scores = list(zip(ids[a].tolist(), ids[b].tolist(), rank.tolist(),
                                     strict=True))
        pairs = [(int(a[k]), int(b[k]), float(final[k])) for k in chosen]
        exact = self._exact_pairs(rows)
        progress(Progress(0, 1, f"evidence of {len(pairs) + len(exact)} pairs"))
        result.candidates = self._candidates(pairs, exact)
        progress(Progress(1, 1, f"{len(result.candidates)} pairs proposed"))
        return result

    def _select(self, a: np.ndarray, b: np.ndarray, s: np.ndarray, full: bool
                ) -> tuple[np.ndarray, np.ndarray]:
        """Indices of the pairs to propose, and every pair's ranking score."""
        th = self.thresholds
        lang = self.index.lang
        k = th.neighbours
        nl = 1 << 16
        code_a = a * nl + lang[b]
        code_b = b * nl + lang[a]
        fresh = _top_k(np.concatenate([code_a, code_b]), np.concatenate([s, s]), k)
        if full or self.tops is None:
            self.tops = fresh
        else:
            old = self.tops
            touched = np.isin(old.codes, fresh.codes)
            merged = _top_k(np.concatenate([np.repeat(old.codes[touched], k),
                                            fresh.codes.repeat(k)]),
                            np.concatenate([old.top[touched].ravel(), fresh.top.ravel()]), k)
            codes = np.concatenate([old.codes[~touched], merged.codes])
            top = np.concatenate([old.top[~touched], merged.top])
            order = np.argsort(codes, kind="stable")
            self.tops = _Tops(codes[order], top[order])
        tops = self.tops
        ia = np.searchsorted(tops.codes, code_a)
        ib = np.searchsorted(tops.codes, code_b)
        # The prior is a floor under r: with few releases in a language the local scale is
        # unknown, and more neighbours can only raise r (so blocking never adds proposals).
        r_a = np.maximum(tops.top[ia].mean(axis=1), th.neighbour_prior)
        r_b = np.maximum(tops.top[ib].mean(axis=1), th.neighbour_prior)
        best_a, best_b = tops.top[ia, 0], tops.top[ib, 0]
        known = np.array([x != "?" for x in self.index.langs], dtype=bool)
        same = (lang[a] == lang[b]) & known[lang[a]]
        words = np.minimum(self.index.words[a], self.index.words[b])
        rank = np.where(same, s, 2 * s - r_a - r_b).astype(np.float32)
        floor = th.floors(~same, words)
        ok = rank >= floor
        ok &= same | (s >= th.cross_score_long * th.length_share(words))
        ok &= ~same | (s >= th.relative * np.maximum(best_a, best_b))
        return np.flatnonzero(ok), rank

    def _candidates(self, pairs: list[tuple[int, int, float]],
                    exact: list[tuple[int, int]]) -> list[Candidate]:
        infos = self.index.infos
        wanted = {infos[i].release_id for p in (*pairs, *exact) for i in p[:2]}
        keys = self.load_keys(sorted(wanted)) if wanted else {}
        seen = {(min(i, j), max(i, j)) for i, j in exact}
        todo = [(i, j, 1.0, DuplicateKind.EXACT) for i, j in exact]
        for i, j, score in pairs:
            if (min(i, j), max(i, j)) not in seen:
                x, y = infos[i], infos[j]
                kind = (DuplicateKind.NEAR if x.lang == y.lang and x.lang
                        else DuplicateKind.CROSS_LANGUAGE)
                todo.append((i, j, score, kind))
        sides = []
        for i, j, _, _ in todo:
            kx, ky = keys[infos[i].release_id], keys[infos[j].release_id]
            sides.append((unmatched(kx, ky), unmatched(ky, kx)))
        similar = fuzzy_names(sides)
        out = []
        for (i, j, score, kind), side in zip(todo, sides, strict=True):
            x, y = infos[i], infos[j]
            kx, ky = keys[x.release_id], keys[y.release_id]
            conflicts = [] if kind is DuplicateKind.EXACT else agreement(
                kx, ky, int(self.index.day[i]), int(self.index.day[j]))[1]
            lo, hi = sorted((x.release_id, y.release_id))
            # Evidence reads a -> b; keep each side's spelling on its own side.
            ev = evidence(kx, ky, conflicts, similar, side) if x.release_id == lo else \
                evidence(ky, kx, conflicts, similar, (side[1], side[0]))
            out.append(Candidate(lo, hi, kind, round(score, 4), ev))
        return out

    def _exact_pairs(self, rows: np.ndarray | None) -> list[tuple[int, int]]:
        def groups() -> list[list[int]]:
            found: dict[str, list[int]] = defaultdict(list)
            for pos, info in enumerate(self.index.infos):
                if info.exact and info.release_id >= 0:
                    found[info.exact].append(pos)
            return [m for m in found.values() if len(m) > 1]

        wanted = None if rows is None else set(rows.tolist())
        pairs = []
        for members in self.index.cached("exact", groups):
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    i, j = members[x], members[y]
                    if wanted is None or i in wanted or j in wanted:
                        pairs.append((i, j))
        return pairs
