"""Exact scores of candidate pairs, date and figure agreement, and the evidence reviewers see."""

from __future__ import annotations

import numpy as np
from rapidfuzz import fuzz, process

from ..domain.duplicates import Evidence
from .index import CorpusIndex
from .keys import MatchKeys
from .names import base_form
from .sparse import sparse_dot

# A release date further apart than this (days) counts against a pair.
DATE_TOLERANCE_DAYS = 3
LONG_WORDS = 150
# Multipliers of a pair's score: versions of one release keep its dates and figures.
RELEASE_DATES_APART = 0.4   # release dates more than DATE_TOLERANCE_DAYS apart
# Releases published further apart than this are never versions of one another (the date
# window of blocking is the same, so blocking loses nothing by it).
MAX_RELEASE_GAP_DAYS = 10
DATES_DIFFER = 0.15         # both mention dates, none in common
FIGURES_DIFFER = 0.9        # times the share of the shorter text's figures the other lacks
NOTHING_SHARED = 0.6        # long texts sharing no figure, year or date


def agreement_factors(index: CorpusIndex, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """`agreement` for many pairs at once, from the index alone (same rules)."""
    factor = np.ones(len(a), dtype=np.float64)
    if len(a) == 0:
        return factor
    day = index.day
    da, db = day[a], day[b]
    dated = (da >= 0) & (db >= 0)
    gap = np.abs(da - db)
    factor[dated & (gap > DATE_TOLERANCE_DAYS)] *= RELEASE_DATES_APART
    factor[dated & (gap > MAX_RELEASE_GAP_DAYS)] = 0.0

    def counts(view: tuple[np.ndarray, np.ndarray, np.ndarray, tuple[np.ndarray, int]]):
        indptr, feats, vals, coded = view
        n = np.diff(indptr)
        return n[a], n[b], sparse_dot(indptr, feats, vals, a, b, coded)

    nda, ndb, sd = counts(index.family_rows(("d",)))
    both = (nda > 0) & (ndb > 0)
    factor[both & (sd > 0)] *= 1.0 + 0.15 * np.minimum(sd, 3)[both & (sd > 0)]
    factor[both & (sd == 0)] *= DATES_DIFFER
    nfa, nfb, sf = counts(index.family_rows(("num",), years=False))
    wa, wb = index.words[a], index.words[b]
    n_short = np.where(wa <= wb, nfa, nfb)
    figs = (nfa > 0) & (nfb > 0)
    factor[figs & (sf > 0)] *= 1.0 + 0.1 * np.minimum(sf, 4)[figs & (sf > 0)]
    missing = n_short - sf
    bad = figs & (missing >= 2) & (missing > sf)
    share = missing / np.maximum(n_short, 1)
    factor[bad] *= np.maximum(0.1, 1.0 - FIGURES_DIFFER * share)[bad]
    _, _, sy = counts(index.family_rows(("num",), years=True))
    stated = (nda + ndb + nfa + nfb) > 0
    none_shared = (sd == 0) & (sf == 0) & (sy == 0)
    factor[(np.minimum(wa, wb) >= LONG_WORDS) & none_shared & stated] *= NOTHING_SHARED
    return factor


def _shared(x: MatchKeys, y: MatchKeys, fam: str) -> set[str]:
    return set(x.families.get(fam, {})) & set(y.families.get(fam, {}))


def _figures(keys: MatchKeys) -> set[str]:
    """Figures that tell events apart: not years, not single small counts."""
    out = set()
    for k in keys.families.get("num", {}):
        if len(k) == 4 and k.isdigit() and 1900 <= int(k) <= 2100:
            continue
        out.add(k)
    return out


def agreement(x: MatchKeys, y: MatchKeys, day_x: int, day_y: int) -> tuple[float, list[str]]:
    """Multiplier for a pair's score from dates and figures, and the conflicts found.

    Shared dates and figures raise the score; dates or figures each side has and the other
    lacks lower it. Only what the shorter release states is held against the pair, so a
    version cut short still matches the full one.
    """
    factor = 1.0
    conflicts: list[str] = []
    if day_x >= 0 and day_y >= 0 and abs(day_x - day_y) > DATE_TOLERANCE_DAYS:
        factor *= RELEASE_DATES_APART if abs(day_x - day_y) <= MAX_RELEASE_GAP_DAYS else 0.0
        conflicts.append(f"release dates {x.date} / {y.date}")
    dx, dy = set(x.families.get("d", {})), set(y.families.get("d", {}))
    if dx and dy:
        if dx & dy:
            factor *= 1.0 + 0.15 * min(len(dx & dy), 3)
        else:
            factor *= DATES_DIFFER
            conflicts.append("dates " + ", ".join(sorted(dx)[:3]) + " / " +
                             ", ".join(sorted(dy)[:3]))
    fx, fy = _figures(x), _figures(y)
    short, long_ = (fx, fy) if x.words <= y.words else (fy, fx)
    if short and long_:
        common = fx & fy
        missing = short - long_
        if common:
            factor *= 1.0 + 0.1 * min(len(common), 4)
        if len(missing) >= 2 and len(missing) > len(common):
            factor *= max(0.1, 1.0 - FIGURES_DIFFER * len(missing) / len(short))
            conflicts.append("figures " + ", ".join(sorted(missing)[:4]))
    # Long releases that are versions of one another share some figure or date; two long
    # texts sharing none (while stating some) are more likely two stories on one topic.
    if (min(x.words, y.words) >= LONG_WORDS and not (dx & dy) and not (fx & fy)
            and not (_years(x) & _years(y)) and (dx or dy or fx or fy)):
        factor *= NOTHING_SHARED
        conflicts.append("no shared figure or date")
    return factor, conflicts


def _years(keys: MatchKeys) -> set[str]:
    return {k for k in keys.families.get("num", {})
            if len(k) == 4 and k.isdigit() and 1900 <= int(k) <= 2100}


FuzzyNames = dict[str, set[str]]
# (key, folded spelling) of the names one side has and the other lacks, most weighted first.
Unmatched = list[tuple[str, str]]


def unmatched(x: MatchKeys, y: MatchKeys, limit: int = 12) -> Unmatched:
    other = y.families.get("n", {})
    mine = x.families.get("n", {})
    surf = x.surfaces.get("n", {})
    keys = sorted((k for k in mine if k not in other), key=mine.__getitem__,
                  reverse=True)[:limit]
    return [(k, base_form(surf.get(k, k), x.lang)) for k in keys]


def fuzzy_names(sides: list[tuple[Unmatched, Unmatched]], workers: int = -1) -> FuzzyNames:
    """Close spellings among the names proposed pairs do not share (Azərbaycan / Azerbaïdjan).

    One rapidfuzz `cdist` per first letter over every such spelling, on all cores, instead
    of one call per pair.
    """
    forms: set[str] = set()
    for ux, uy in sides:
        forms.update(f for _, f in ux if len(f) >= 5)
        forms.update(f for _, f in uy if len(f) >= 5)
    blocks: dict[str, list[str]] = {}
    for f in sorted(forms):
        blocks.setdefault(f[0], []).append(f)
    similar: FuzzyNames = {}
    for block in blocks.values():
        if len(block) < 2:
            continue
        sims = process.cdist(block, block, scorer=fuzz.ratio, score_cutoff=80,
                             workers=workers, dtype=np.uint8)
        for i, j in zip(*np.nonzero(sims), strict=True):
            if i != j:
                similar.setdefault(block[i], set()).add(block[j])
    return similar


def evidence(x: MatchKeys, y: MatchKeys, conflicts: list[str],
             similar: FuzzyNames | None = None,
             sides: tuple[Unmatched, Unmatched] | None = None) -> Evidence:
    """Matched names (with each side's spelling), shared figures, dates and acronyms."""
    sx, sy = x.surfaces.get("n", {}), y.surfaces.get("n", {})
    nx = x.families.get("n", {})
    names = [(sx.get(k, k), sy.get(k, k))
             for k in sorted(_shared(x, y, "n"), key=nx.__getitem__, reverse=True)]
    ux, uy = sides if sides is not None else (unmatched(x, y), unmatched(y, x))
    if similar is None:
        similar = fuzzy_names([(ux, uy)], workers=1)
    if similar and ux and uy:
        right = {f: k for k, f in uy}
        for k, f in ux:
            for g in similar.get(f, ()):
                if g in right:
                    names.append((sx.get(k, k), sy.get(right[g], right[g])))
    ax, ay = x.surfaces.get("a", {}), y.surfaces.get("a", {})
    acronyms = [(ax.get(k, k), ay.get(k, k)) for k in sorted(_shared(x, y, "a"))]
    numbers = sorted(_shared(x, y, "num"), key=lambda v: (len(v), v))
    dates = sorted(_shared(x, y, "dy")) or sorted(_shared(x, y, "d"))
    return Evidence(names=tuple(names[:20]), numbers=tuple(numbers[:12]),
                    dates=tuple(dates[:6]), acronyms=tuple(acronyms[:8]),
                    conflicts=tuple(conflicts))
