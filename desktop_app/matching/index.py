"""The in-memory index detection runs on: sparse tf-idf rows built from stored match keys.

Built from every release's stored keys (never from texts) into flat numpy arrays, and extended
in place when new releases arrive, so incremental detection does not rebuild it. Rarity (idf)
is fixed when the index is built; keys first seen later count as seen once.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

import numpy as np

from .keys import FAMILIES, KEYS_VERSION, MatchKeys
from .sparse import row_codes

# Relative weight of each key family in the similarity. Word stems count as much as names:
# on short, name-poor items they carry most of the signal (cognates, related languages).
FAMILY_WEIGHTS: dict[str, float] = {"n": 1.0, "e": 1.2, "a": 1.0, "num": 1.0, "d": 0.5,
                                    "dy": 0.5, "w": 1.0}
FAMILY_IDS = {f: i for i, f in enumerate((*FAMILIES, "e"))}
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


def _is_year(key: str) -> bool:
    return len(key) == 4 and key.isdigit() and 1900 <= int(key) <= 2100


@dataclass(frozen=True, slots=True)
class DocInfo:
    """What the index keeps of each release besides its row."""

    release_id: int
    lang: str | None
    date: str | None
    words: int
    exact: str


def keys_payload(keys: MatchKeys) -> dict:
    """The stored JSON form the index reads (tests and evaluation build it from MatchKeys)."""
    return keys.to_json()


class CorpusIndex:
    """Feature vocabulary, document frequencies and normalised sparse rows of every release."""

    def __init__(self, entity_keys: Mapping[str, str] | None = None) -> None:
        self.entity_keys = dict(entity_keys or {})
        self.vocab: dict[str, dict[str, int]] = {f: {} for f in FAMILY_IDS}
        self.fam_of = array("b")        # family id of each feature id
        self.year_of = array("b")       # 1 when the feature is a year figure
        self.infos: list[DocInfo] = []
        self.position: dict[int, int] = {}
        self.langs: list[str] = []
        self.lang_ids: dict[str, int] = {}
        self.n_built = 0
        self.df = np.zeros(0, np.int64)
        self.idf = np.zeros(0, np.float64)
        self.indptr = np.zeros(1, np.int64)
        self.feats = np.zeros(0, np.int64)
        self.vals = np.zeros(0, np.float32)
        self.lang = np.zeros(0, np.int32)
        self.day = np.zeros(0, np.int64)
        self.words = np.zeros(0, np.int64)
        self._views: dict = {}

    def __len__(self) -> int:
        return len(self.infos)

    @property
    def release_ids(self) -> list[int]:
        return [d.release_id for d in self.infos]

    def lang_id(self, lang: str | None) -> int:
        key = lang or "?"
        if key not in self.lang_ids:
            self.lang_ids[key] = len(self.langs)
            self.langs.append(key)
        return self.lang_ids[key]

    # --- reading stored keys -------------------------------------------------------------

    def _fid(self, fam: str, key: str) -> int:
        table = self.vocab[fam]
        fid = table.get(key)
        if fid is None:
            fid = table[key] = len(self.fam_of)
            self.fam_of.append(FAMILY_IDS[fam])
            self.year_of.append(1 if fam == "num" and _is_year(key) else 0)
        return fid

    def _read(self, items: Iterable[tuple[int, dict, str | None, str | None]]
              ) -> tuple[array, np.ndarray, array, list[DocInfo]]:
        """Feature ids, weights and row lengths; weights parsed by numpy a chunk at a time."""
        fids, lengths = array("i"), array("q")
        weight_text: list[str] = []
        weight_parts: list[np.ndarray] = []
        infos = []
        entity = self.entity_keys
        vocab = self.vocab
        for release_id, data, lang, when in items:
            start = len(fids)
            if data.get("v") != KEYS_VERSION:
                data = MatchKeys.from_legacy(data).to_json()
            tenths = data["wt"]
            for fam, joined in data["k"].items():
                keys = joined.split(" ")
                if fam == "n" and entity:
                    ids = [self._fid("e", entity[k]) if k in entity else self._fid("n", k)
                           for k in keys]
                else:
                    get = vocab[fam].get
                    ids = [get(k) for k in keys]
                    if None in ids:
                        ids = [i if i is not None else self._fid(fam, k)
                               for i, k in zip(ids, keys, strict=True)]
                fids.extend(ids)
                weight_text.append(tenths[fam])
            lengths.append(len(fids) - start)
            infos.append(DocInfo(release_id, lang or data.get("lang"),
                                 when or data.get("date"), int(data.get("len", 0)),
                                 data.get("exact", "")))
            if len(weight_text) >= 20000:
                weight_parts.append(_parse_weights(weight_text))
                weight_text = []
        weight_parts.append(_parse_weights(weight_text))
        return fids, np.concatenate(weight_parts), lengths, infos

    def _rows(self, fids: array, weights: np.ndarray, lengths: array
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Rows (sorted by feature) with tf-idf values normalised to unit length.

        Keys too common to count (idf 0) are dropped first: most word stems are, and the
        sort then works on a tenth of the entries.
        """
        n_rows = len(lengths)
        feats = np.frombuffer(fids, dtype=np.int32) if len(fids) else np.zeros(0, np.int32)
        rows = np.repeat(np.arange(n_rows, dtype=np.int32),
                         np.frombuffer(lengths, dtype=np.int64) if n_rows else 0)
        keep = (self.idf > 0)[feats]
        feats, rows, w = feats[keep].astype(np.int64), rows[keep].astype(np.int64), \
            weights[keep].astype(np.float64) / 10.0
        n_feat = max(len(self.fam_of), 1)
        codes = rows * n_feat + feats
        order = np.argsort(codes, kind="stable")
        codes, w = codes[order], w[order]
        if self.entity_keys and len(codes):
            # Linked names can put one entity key twice in a row: add their weights.
            first = np.r_[True, codes[1:] != codes[:-1]]
            w = np.add.reduceat(w, np.flatnonzero(first))
            codes = codes[first]
        rows, feats = codes // n_feat, codes % n_feat
        fam = np.frombuffer(self.fam_of, dtype=np.int8)[feats]
        fam_w = np.array([FAMILY_WEIGHTS[f] for f in FAMILY_IDS], dtype=np.float64)[fam]
        vals = fam_w * (1.0 + np.log(np.maximum(w, 1.0))) * self.idf[feats]
        norms = np.sqrt(np.bincount(rows, weights=vals * vals, minlength=n_rows))
        vals = (vals / np.where(norms > 0, norms, 1.0)[rows]).astype(np.float32)
        indptr = np.zeros(n_rows + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=n_rows), out=indptr[1:])
        return indptr, feats, vals

    def _set_idf(self, df: np.ndarray, n: int) -> None:
        self.df = df
        idf = np.log((n + 1) / np.maximum(df, 1))
        if n >= MIN_DOCS_FOR_DF_CAP:
            idf[df > MAX_DF_SHARE * n] = 0.0
        self.idf = idf

    # --- building ------------------------------------------------------------------------

    def build(self, items: Iterable[tuple[int, dict, str | None, str | None]]) -> None:
        """(Re)build from (release id, stored keys, language, release date) of every release."""
        self.__init__(self.entity_keys)
        fids, weights, lengths, infos = self._read(items)
        n = len(infos)
        # A key appears once per release (linked names aside): df counts releases.
        feats = np.frombuffer(fids, dtype=np.int32) if len(fids) else np.zeros(0, np.int32)
        self._set_idf(np.bincount(feats, minlength=len(self.fam_of)), n)
        del feats
        self.n_built = n
        self.indptr, self.feats, self.vals = self._rows(fids, weights, lengths)
        self.infos = infos
        self.position = {d.release_id: i for i, d in enumerate(infos)}
        self._meta(infos, reset=True)
        self._views = {}

    def add(self, items: Iterable[tuple[int, dict, str | None, str | None]]) -> list[int]:
        """Append releases after the build (ids already present are replaced); their rows."""
        items = list(items)
        replaced = [rid for rid, *_ in items if rid in self.position]
        if replaced:
            self.remove(replaced)
        fids, weights, lengths, infos = self._read(items)
        grown = len(self.fam_of) - len(self.idf)
        if grown > 0:  # unseen keys: as rare as a key seen once
            self.idf = np.concatenate([self.idf, np.full(grown, math.log(self.n_built + 1))])
            self.df = np.concatenate([self.df, np.zeros(grown, np.int64)])
        indptr, feats, vals = self._rows(fids, weights, lengths)
        base = len(self.infos)
        self.indptr = np.concatenate([self.indptr, indptr[1:] + self.indptr[-1]])
        self.feats = np.concatenate([self.feats, feats])
        self.vals = np.concatenate([self.vals, vals])
        for i, info in enumerate(infos):
            self.position[info.release_id] = base + i
        self.infos.extend(infos)
        self._meta(infos, reset=False)
        self._views = {}
        return list(range(base, base + len(infos)))

    def remove(self, release_ids: Iterable[int]) -> None:
        """Empty the rows of releases (deleted or about to be replaced)."""
        for rid in release_ids:
            pos = self.position.pop(rid, None)
            if pos is None:
                continue
            lo, hi = self.indptr[pos], self.indptr[pos + 1]
            self.vals[lo:hi] = 0.0
            self.infos[pos] = DocInfo(-1, None, None, 0, "")
        self._views = {}

    def _meta(self, infos: list[DocInfo], reset: bool) -> None:
        lang = np.array([self.lang_id(d.lang) for d in infos], dtype=np.int32)
        day = np.array([day_number(d.date) for d in infos], dtype=np.int64)
        words = np.array([d.words for d in infos], dtype=np.int64)
        if reset:
            self.lang, self.day, self.words = lang, day, words
        else:
            self.lang = np.concatenate([self.lang, lang])
            self.day = np.concatenate([self.day, day])
            self.words = np.concatenate([self.words, words])

    # --- views used by scoring -----------------------------------------------------------

    def family_rows(self, families: tuple[str, ...], years: bool | None = None
                    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, tuple[np.ndarray, int]]:
        """Binary rows restricted to some families (years only / no years for `num`),
        with their row codes; kept until the index changes."""
        key = (families, years)
        if key in self._views:
            return self._views[key]
        fam = np.frombuffer(self.fam_of, dtype=np.int8)[self.feats]
        mask = np.isin(fam, [FAMILY_IDS[f] for f in families]) & (self.vals > 0)
        if years is not None:
            is_year = np.frombuffer(self.year_of, dtype=np.int8)[self.feats].astype(bool)
            mask &= is_year if years else ~is_year
        rows = np.repeat(np.arange(len(self.infos), dtype=np.int64), np.diff(self.indptr))
        counts = np.bincount(rows[mask], minlength=len(self.infos))
        indptr = np.zeros(len(self.infos) + 1, dtype=np.int64)
        np.cumsum(counts, out=indptr[1:])
        feats = self.feats[mask]
        view = (indptr, feats, np.ones(len(feats), dtype=np.float32), row_codes(indptr, feats))
        self._views[key] = view
        return view

    def cached(self, key: object, make: Callable[[], object]):  # noqa: ANN201
        """A value derived from the rows, kept until the index changes."""
        if key not in self._views:
            self._views[key] = make()
        return self._views[key]

    def coded(self) -> tuple[np.ndarray, int]:
        """Row codes of the tf-idf rows (see `scoring.row_codes`), kept until a change."""
        if "rows" not in self._views:
            self._views["rows"] = row_codes(self.indptr, self.feats)
        return self._views["rows"]


def _parse_weights(parts: list[str]) -> np.ndarray:
    if not parts:
        return np.zeros(0, np.float32)
    return np.fromstring(" ".join(parts), dtype=np.float32, sep=" ")


def payload_items(items: Iterable[tuple[int, MatchKeys]]
                  ) -> list[tuple[int, dict, str | None, str | None]]:
    """(release id, MatchKeys) -> what `build`/`add` read, for callers holding MatchKeys."""
    return [(rid, k.to_json(), k.lang, k.date) for rid, k in items]
