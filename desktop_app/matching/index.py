"""The in-memory index detection runs on: sparse tf-idf rows built from stored match keys.

Built once from every release's keys (never from texts) and extended in place when new
releases arrive, so incremental detection does not rebuild it. Rarity (idf) is fixed when the
index is built; keys first seen later get the idf of a key seen once.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from .keys import FAMILIES, MatchKeys

# Relative weight of each key family in the similarity. Word stems count as much as names:
# on short, name-poor items they carry most of the signal (shared cognates, related languages).
FAMILY_WEIGHTS: dict[str, float] = {"n": 1.0, "e": 1.2, "a": 1.0, "num": 1.0, "d": 1.0,
                                    "dy": 1.0, "w": 1.0}
# Keys found in more than this share of releases are as good as stop words: ignored.
MAX_DF_SHARE = 0.05
MIN_DOCS_FOR_DF_CAP = 200


def day_number(iso: str | None) -> int:
    """Days since year 1 for a full ISO date, -1 when the day is not known."""
    if not iso or len(iso) < 10 or iso.startswith("--"):
        return -1
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return -1


@dataclass
class Doc:
    release_id: int
    keys: MatchKeys
    features: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    values: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32))


class CorpusIndex:
    """Feature vocabulary, document frequencies and normalised sparse rows of every release."""

    def __init__(self, entity_keys: Mapping[str, str] | None = None) -> None:
        self.entity_keys = dict(entity_keys or {})
        self.vocab: dict[str, int] = {}
        self.df: list[int] = []
        self.docs: list[Doc] = []
        self.position: dict[int, int] = {}
        self.n_built = 0
        self.langs: list[str] = []
        self.lang_ids: dict[str, int] = {}
        self._arrays_dirty = True
        self._lang = np.zeros(0, np.int32)
        self._day = np.zeros(0, np.int64)

    # --- building ------------------------------------------------------------------------

    def _features(self, keys: MatchKeys) -> dict[str, float]:
        out: dict[str, float] = {}
        for fam in FAMILIES:
            for key, weight in keys.families.get(fam, {}).items():
                name = f"{fam}:{key}"
                if fam == "n" and key in self.entity_keys:
                    name = f"e:{self.entity_keys[key]}"
                out[name] = out.get(name, 0.0) + weight
        return out

    def build(self, items: Iterable[tuple[int, MatchKeys]]) -> None:
        """(Re)build from every release: vocabulary, idf and rows."""
        self.vocab.clear()
        self.df = []
        self.docs = []
        self.position = {}
        raw: list[dict[str, float]] = []
        for release_id, keys in items:
            feats = self._features(keys)
            for name in feats:
                fid = self.vocab.get(name)
                if fid is None:
                    fid = self.vocab[name] = len(self.df)
                    self.df.append(0)
                self.df[fid] += 1
            self.position[release_id] = len(self.docs)
            self.docs.append(Doc(release_id, keys))
            raw.append(feats)
        self.n_built = len(self.docs)
        for doc, feats in zip(self.docs, raw, strict=True):
            self._vectorise(doc, feats)
        self._arrays_dirty = True

    def add(self, items: Iterable[tuple[int, MatchKeys]]) -> list[int]:
        """Add or replace releases after the build; returns their row positions."""
        rows = []
        for release_id, keys in items:
            feats = self._features(keys)
            for name in feats:
                if name not in self.vocab:
                    self.vocab[name] = len(self.df)
                    self.df.append(0)
                self.df[self.vocab[name]] += 1
            pos = self.position.get(release_id)
            doc = Doc(release_id, keys)
            if pos is None:
                pos = self.position[release_id] = len(self.docs)
                self.docs.append(doc)
            else:
                self.docs[pos] = doc
            self._vectorise(doc, feats)
            rows.append(pos)
        self._arrays_dirty = True
        return rows

    def idf(self, fid: int) -> float:
        n = max(self.n_built, 1)
        df = max(self.df[fid], 1)
        if n >= MIN_DOCS_FOR_DF_CAP and df > MAX_DF_SHARE * n:
            return 0.0
        return math.log((n + 1) / df)

    def _vectorise(self, doc: Doc, feats: dict[str, float]) -> None:
        fids, vals = [], []
        for name, weight in feats.items():
            fid = self.vocab[name]
            idf = self.idf(fid)
            if idf <= 0:
                continue
            fam = name.split(":", 1)[0]
            fids.append(fid)
            vals.append(FAMILY_WEIGHTS.get(fam, 1.0) * (1.0 + math.log(max(weight, 1.0))) * idf)
        order = np.argsort(np.asarray(fids, dtype=np.int64), kind="stable")
        f = np.asarray(fids, dtype=np.int64)[order]
        v = np.asarray(vals, dtype=np.float32)[order]
        norm = float(np.sqrt(np.dot(v, v))) if len(v) else 0.0
        doc.features = f
        doc.values = v / norm if norm > 0 else v

    # --- arrays used by blocking and scoring ---------------------------------------------

    def lang_id(self, lang: str | None) -> int:
        key = lang or "?"
        if key not in self.lang_ids:
            self.lang_ids[key] = len(self.langs)
            self.langs.append(key)
        return self.lang_ids[key]

    def _refresh(self) -> None:
        if not self._arrays_dirty:
            return
        self._lang = np.array([self.lang_id(d.keys.lang) for d in self.docs], dtype=np.int32)
        self._day = np.array([day_number(d.keys.date) for d in self.docs], dtype=np.int64)
        self._arrays_dirty = False

    @property
    def lang(self) -> np.ndarray:
        self._refresh()
        return self._lang

    @property
    def day(self) -> np.ndarray:
        self._refresh()
        return self._day

    def __len__(self) -> int:
        return len(self.docs)

    def csr(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """indptr, feature ids and values of every row, rows in position order."""
        lengths = np.fromiter((len(d.features) for d in self.docs), dtype=np.int64,
                              count=len(self.docs))
        indptr = np.zeros(len(self.docs) + 1, dtype=np.int64)
        np.cumsum(lengths, out=indptr[1:])
        if not self.docs:
            return indptr, np.zeros(0, np.int64), np.zeros(0, np.float32)
        feats = np.concatenate([d.features for d in self.docs])
        vals = np.concatenate([d.values for d in self.docs])
        return indptr, feats, vals
