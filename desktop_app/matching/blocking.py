"""Candidate generation: an inverted index on rare keys, within date windows.

A pair is a candidate when the two releases share a key that few releases carry and, when both
release dates are known, were published within `window_days` of each other. Frequent keys are
left out of the index, so the work per release stays bounded and the total grows about linearly
with the corpus. The partial dot product over the shared rare keys ranks the candidates; the
best `per_row` of each release go on to exact scoring.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..domain.progress import CancelToken, Progress, ProgressCallback, ignore_progress
from .scoring import MAX_RELEASE_GAP_DAYS


@dataclass(frozen=True, slots=True)
class BlockingConfig:
    max_df: int = 400              # keys in more releases than this are not indexed
    max_df_share: float = 0.02     # ... nor in more than this share of them
    window_days: int = MAX_RELEASE_GAP_DAYS   # dated releases further apart are never paired
    per_row: int = 40              # best candidates kept per release
    batch_rows: int = 4000


@dataclass
class Postings:
    """Rows of every indexed key, sorted by key."""

    feats: np.ndarray
    rows: np.ndarray
    vals: np.ndarray

    @classmethod
    def build(cls, indptr: np.ndarray, feats: np.ndarray, vals: np.ndarray,
              cap: int) -> Postings:
        n = len(indptr) - 1
        rows = np.repeat(np.arange(n, dtype=np.int64), np.diff(indptr))
        if len(feats) == 0:
            return cls(feats, rows, vals)
        df = np.bincount(feats)
        keep = (df[feats] >= 2) & (df[feats] <= cap)
        order = np.argsort(feats[keep], kind="stable")
        return cls(feats[keep][order], rows[keep][order], vals[keep][order])


def effective_cap(config: BlockingConfig, n_rows: int) -> int:
    return max(8, min(config.max_df, int(config.max_df_share * n_rows)))


def _expand(starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For ranges [start, end): the owning range of each element and the element indices."""
    lengths = ends - starts
    owner = np.repeat(np.arange(len(starts)), lengths)
    offsets = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    return owner, np.repeat(starts, lengths) + offsets


def top_per_row(a: np.ndarray, b: np.ndarray, s: np.ndarray, k: int
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Keep the `k` highest-scoring pairs of each `a`."""
    if len(a) == 0:
        return a, b, s
    order = np.lexsort((-s, a))
    a, b, s = a[order], b[order], s[order]
    first = np.r_[0, np.flatnonzero(np.diff(a)) + 1]
    rank = np.arange(len(a)) - np.repeat(first, np.diff(np.r_[first, len(a)]))
    keep = rank < k
    return a[keep], b[keep], s[keep]


def candidate_pairs(indptr: np.ndarray, feats: np.ndarray, vals: np.ndarray, day: np.ndarray,
                    config: BlockingConfig, targets: np.ndarray | None = None,
                    progress: ProgressCallback = ignore_progress,
                    cancel: CancelToken | None = None, postings: Postings | None = None
                    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Candidate pairs (a, b, partial score) with a < b, or with a in `targets`.

    Without targets every pair is considered once; with targets only pairs that involve one.
    """
    n = len(indptr) - 1
    post = postings or Postings.build(indptr, feats, vals, effective_cap(config, n))
    rows = np.arange(n, dtype=np.int64) if targets is None else np.asarray(targets, np.int64)
    is_target = np.zeros(n, dtype=bool)
    is_target[rows] = True
    out_a, out_b, out_s = [], [], []
    for start in range(0, len(rows), config.batch_rows):
        if cancel is not None:
            cancel.raise_if_cancelled()
        progress(Progress(start, len(rows), "finding candidates"))
        batch = rows[start:start + config.batch_rows]
        lo, hi = indptr[batch], indptr[batch + 1]
        owner, idx = _expand(lo, hi)
        mine_row = batch[owner]
        mine_feat, mine_val = feats[idx], vals[idx]
        left = np.searchsorted(post.feats, mine_feat, "left")
        right = np.searchsorted(post.feats, mine_feat, "right")
        who, pidx = _expand(left, right)
        a = mine_row[who]
        b = post.rows[pidx]
        contrib = mine_val[who] * post.vals[pidx]
        # Each unordered pair once: a < b, or b is not a target (incremental runs).
        keep = (a < b) | ((a != b) & ~is_target[b])
        da, db = day[a], day[b]
        keep &= (da < 0) | (db < 0) | (np.abs(da - db) <= config.window_days)
        a, b, contrib = a[keep], b[keep], contrib[keep]
        if len(a) == 0:
            continue
        code = a * n + b
        uniq, inverse = np.unique(code, return_inverse=True)
        partial = np.bincount(inverse, weights=contrib).astype(np.float32)
        ua, ub = uniq // n, uniq % n
        # Keep the best per release on both sides, so a pair found from either end survives.
        ka, kb, ks = top_per_row(ua, ub, partial, config.per_row)
        kb2, ka2, ks2 = top_per_row(ub, ua, partial, config.per_row)
        out_a += [ka, ka2]
        out_b += [kb, kb2]
        out_s += [ks, ks2]
    progress(Progress(len(rows), len(rows), "finding candidates"))
    if not out_a:
        empty = np.zeros(0, np.int64)
        return empty, empty, np.zeros(0, np.float32)
    a, b, s = np.concatenate(out_a), np.concatenate(out_b), np.concatenate(out_s)
    code = a * n + b
    uniq, first = np.unique(code, return_index=True)
    return a[first], b[first], s[first]
