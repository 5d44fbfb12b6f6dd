"""Dot products of many pairs of sparse rows at once (numpy, no per-pair Python)."""

from __future__ import annotations

import numpy as np

CHUNK_PAIRS = 100_000


def row_codes(indptr: np.ndarray, feats: np.ndarray) -> tuple[np.ndarray, int]:
    """row * n_feat + feature of every entry: ascending when features are sorted per row."""
    n_feat = int(feats.max()) + 1 if len(feats) else 1
    rows = np.repeat(np.arange(len(indptr) - 1, dtype=np.int64), np.diff(indptr))
    return rows * n_feat + feats, n_feat


def sparse_dot(indptr: np.ndarray, feats: np.ndarray, vals: np.ndarray,
               a: np.ndarray, b: np.ndarray,
               coded: tuple[np.ndarray, int] | None = None,
               shared: np.ndarray | None = None) -> np.ndarray:
    """Dot products of rows a[k] and b[k] (features sorted within each row).

    On unit-length tf-idf rows this is the cosine; on binary rows, the shared-key count.
    `coded`: `row_codes(indptr, feats)` when the caller keeps it; `shared`, when given,
    receives the number of features each pair shares.
    """
    out = np.zeros(len(a), dtype=np.float32)
    if len(a) == 0 or len(feats) == 0:
        return out
    codes, n_feat = coded if coded is not None else row_codes(indptr, feats)
    for start in range(0, len(a), CHUNK_PAIRS):
        pa, pb = a[start:start + CHUNK_PAIRS], b[start:start + CHUNK_PAIRS]
        # Walk the shorter row of each pair and look its features up in the longer one.
        la, lb = indptr[pa + 1] - indptr[pa], indptr[pb + 1] - indptr[pb]
        short = np.where(la <= lb, pa, pb)
        long_ = np.where(la <= lb, pb, pa)
        lens = np.minimum(la, lb)
        owner = np.repeat(np.arange(len(pa)), lens)
        offs = np.arange(lens.sum()) - np.repeat(np.cumsum(lens) - lens, lens)
        idx = np.repeat(indptr[short], lens) + offs
        query = long_[owner] * n_feat + feats[idx]
        pos = np.minimum(np.searchsorted(codes, query), len(codes) - 1)
        hit = codes[pos] == query
        prod = np.where(hit, vals[idx] * vals[pos], 0.0)
        out[start:start + len(pa)] = np.bincount(owner, weights=prod, minlength=len(pa))
        if shared is not None:
            shared[start:start + len(pa)] = np.bincount(owner, weights=hit, minlength=len(pa))
    return out


__all__ = ["row_codes", "sparse_dot"]
