"""Match keys of one release, computed once at import and stored as JSON.

Families (each a mapping key -> weight, the weight summing title/lead-weighted occurrences):
  n  proper names as skeletons (`vtrn` for Vitorino / Виторино / Vitorinonu)
  a  acronyms (folded)
  num  figures of two or more digits, group separators removed, decimal comma as point
  d  dates as `MM-DD`; `dy` the same with the year when written (`2023-03-01`)
  w  word stems (five folded letters) for same-language overlap
Names, figures, dates and acronyms also keep the first surface form, for evidence.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, compress
from operator import itemgetter, not_

from ..domain.releases import ParsedRelease
from ..text import fold, nfc
from .dates import TOKEN, find_dates
from .names import name_key, word_key

KEYS_VERSION = 2
TITLE_WEIGHT = 2.0
LEAD_WEIGHT = 1.5
LEAD_WORDS = 60
FAMILIES = ("n", "a", "num", "d", "dy", "w")
SURFACE_FAMILIES = ("n", "a", "num", "d", "dy")

# Figures: no word character, point or comma before. The lookbehind follows the first digit
# so that the regex engine can skip to digits (same matches as a leading lookbehind).
NUMBER = re.compile(r"\d(?<![\w.,]\d)(?:\d{0,2}(?:[.,\u0020\u00a0\u202f]\d{3})+(?!\d)"
                    r"|\d*(?:[.,]\d+)?(?!\d))")
_ALNUM = re.compile(r"[^\W_]+")
_SPACES = re.compile(r"\s+")
# Clock times and web addresses carry digits that are not figures of the story.
_CLOCK = re.compile(r"\d(?<!\w\d)\d?:\d{2}(?::\d{2})?\b")
_WEB = re.compile(r"https?://\S+|www\.\S+")
_SPLIT = re.compile(f"({TOKEN.pattern})")
_FIRST = itemgetter(0)
_ASCII_WORDS = {c: (chr(c).lower() if chr(c).isalnum() else " ") for c in range(128)}
_GROUPED = re.compile(r"\d{1,3}(?:[., ]\d{3})+")
_NON_DIGIT = re.compile(r"\D")
_SENTENCE_END = set(".!?:;\"«»“”„—–-•*\n")


@dataclass(slots=True)
class MatchKeys:
    """The stored keys of one release (see the module docstring for the families)."""

    lang: str | None = None
    date: str | None = None          # release date (ISO, as precise as known)
    exact: str = ""                  # hash of the folded words: same words, same hash
    words: int = 0                   # length in words
    families: dict[str, dict[str, float]] = field(default_factory=dict)
    surfaces: dict[str, dict[str, str]] = field(default_factory=dict)

    def to_json(self) -> dict:
        """Stored form: per family one string of keys and one of weights (tenths), so that
        loading 100k releases parses a few strings each rather than hundreds of objects."""
        out: dict = {"v": KEYS_VERSION, "lang": self.lang, "date": self.date,
                     "exact": self.exact, "len": self.words, "k": {}, "wt": {}, "s": {}}
        for fam, keys in self.families.items():
            if not keys:
                continue
            out["k"][fam] = " ".join(keys)
            out["wt"][fam] = " ".join(map(_weight_text, keys.values()))
            if fam in SURFACE_FAMILIES:
                surf = self.surfaces.get(fam, {})
                out["s"][fam] = "\t".join([_one_space(surf.get(k, k)) for k in keys])
        return out

    @classmethod
    def from_legacy(cls, data: Mapping) -> MatchKeys:
        """Keys stored by the first version (one JSON object per key)."""
        keys = cls(lang=data.get("lang"), date=data.get("date"), exact=data.get("exact", ""),
                   words=int(data.get("len", 0)))
        for fam in FAMILIES:
            raw = data.get(fam) or {}
            if fam in SURFACE_FAMILIES:
                keys.families[fam] = {k: float(v[0]) for k, v in raw.items()}
                keys.surfaces[fam] = {k: str(v[1]) for k, v in raw.items()}
            else:
                keys.families[fam] = {k: float(v) for k, v in raw.items()}
        return keys

    @classmethod
    def from_json(cls, data: Mapping, families: tuple[str, ...] = FAMILIES) -> MatchKeys:
        """Keys as stored; `families` limits what is read (evidence needs no word stems)."""
        if data.get("v") != KEYS_VERSION:
            return cls.from_legacy(data)
        keys = cls(lang=data.get("lang"), date=data.get("date"), exact=data.get("exact", ""),
                   words=int(data.get("len", 0)))
        for fam in families:
            names = data.get("k", {}).get(fam)
            if not names:
                keys.families[fam] = {}
                keys.surfaces[fam] = {}
                continue
            split = names.split(" ")
            weights = [int(w) / 10 for w in data["wt"][fam].split(" ")]
            keys.families[fam] = dict(zip(split, weights, strict=True))
            if fam in SURFACE_FAMILIES:
                keys.surfaces[fam] = dict(zip(split, data["s"][fam].split("\t"), strict=True))
        return keys


def exact_hash(text: str) -> str:
    """Identical after case, punctuation and spacing."""
    if text.isascii():  # same words, without a regex pass: other characters become spaces
        words = text.translate(_ASCII_WORDS).split()
    else:
        words = _ALNUM.findall(nfc(text).casefold())
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()[:20]


@lru_cache(maxsize=100_000)
def normal_number(raw: str) -> str:
    """`1,000` / `1 000` / `1.000` -> `1000`; `3,5` -> `3.5`."""
    s = raw.replace("\u00a0", " ").replace("\u202f", " ")
    if _GROUPED.fullmatch(s):
        return _NON_DIGIT.sub("", s)
    return s.replace(",", ".")


@lru_cache(maxsize=100_000)
def _figure(raw: str) -> str:
    """The normal form of a figure of two or more digits, else ""."""
    value = normal_number(raw)
    return value if len(value.replace(".", "")) >= 2 else ""


@lru_cache(maxsize=100_000)
def _acronym(tok: str) -> str | None:
    """The folded acronym when `tok` is one (2 to 8 capitals), else None."""
    letters = tok.replace("'", "").replace("’", "")
    if len(letters) >= 2 and letters.isupper() and len(letters) <= 8:
        return fold(letters)
    return None


class _StemTable(dict):
    """Word -> stem key for one language ("" for words under four letters), filled on use."""

    def __init__(self, lang: str | None) -> None:
        super().__init__()
        self.lang = lang

    def __missing__(self, word: str) -> str:
        key = word_key(word, self.lang) if len(word) >= 4 else ""
        if len(self) > 200_000:
            self.clear()
        self[word] = key
        return key


_STEM_TABLES: dict[str | None, _StemTable] = {}


def _stem_table(lang: str | None) -> _StemTable:
    table = _STEM_TABLES.get(lang)
    if table is None:
        table = _STEM_TABLES.setdefault(lang, _StemTable(lang))
    return table


def _sentence_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\u00a0(\"'«“„":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


@lru_cache(maxsize=4096)
def _weight_text(weight: float) -> str:
    return str(max(1, round(weight * 10)))


@lru_cache(maxsize=100_000)
def _one_space(surface: str) -> str:
    return _SPACES.sub(" ", surface)


class _Weights:
    def __init__(self) -> None:
        self.families: dict[str, dict[str, float]] = {f: {} for f in FAMILIES}
        self.surfaces: dict[str, dict[str, str]] = {f: {} for f in SURFACE_FAMILIES}

    def add(self, fam: str, key: str, weight: float, surface: str | None = None) -> None:
        if not key:
            return
        bucket = self.families[fam]
        bucket[key] = bucket.get(key, 0.0) + weight
        if surface is not None and key not in self.surfaces[fam]:
            self.surfaces[fam][key] = surface


def compute_keys(title: str, body: str, lang: str | None = None,
                 date: str | None = None) -> MatchKeys:
    """Keys of a release from its title, body, language and release date."""
    title, body = nfc(title or ""), nfc(body or "")
    text = f"{title}\n\n{body}" if title else body
    body_start = len(title) + 2 if title else 0
    # One regex split gives the tokens and, by summing part lengths, their offsets.
    parts = _SPLIT.split(text)
    offsets = list(accumulate(map(len, parts), initial=0))
    words = parts[1::2]
    starts = offsets[1:-1:2]
    tokens = list(zip(words, starts, offsets[2::2], strict=True))
    # Per-token tests as C-level maps: digit tokens aside, capitalised words aside.
    firsts = list(map(_FIRST, words))
    is_letter = list(map(not_, map(str.isdigit, firsts)))
    letter = list(compress(range(len(words)), is_letter))
    lw = list(compress(words, is_letter))
    upper = list(map(str.isupper, compress(firsts, is_letter)))
    title_words = bisect_left(letter, bisect_left(starts, body_start))
    lead_words = min(len(lw), LEAD_WORDS + title_words)
    lead_end = starts[letter[lead_words - 1]] + 1 if lw else 0

    def weight(pos: int) -> float:
        if pos < body_start:
            return TITLE_WEIGHT
        return LEAD_WEIGHT if pos < lead_end else 1.0

    acc = _Weights()
    # Per distinct word, in half units: 2 per occurrence, +1 in the lead or title, +1 more
    # in the title (weights 2 / 1.5 / 1; halves add exactly, whatever the order).
    halves = Counter(lw)
    halves.update(lw)
    halves.update(lw[:lead_words])
    halves.update(lw[:title_words])
    stems = acc.families["w"]
    for key, n in zip(map(_stem_table(lang).__getitem__, halves), halves.values(), strict=True):
        if key:
            stems[key] = stems.get(key, 0.0) + n / 2
    lower_forms = set(compress(lw, map(not_, upper)))
    for k in compress(range(len(lw)), upper):
        tok = lw[k]
        w = TITLE_WEIGHT if k < title_words else (LEAD_WEIGHT if k < lead_words else 1.0)
        acronym = _acronym(tok)
        if acronym is not None:
            acc.add("a", acronym, w, tok)
        elif len(tok) >= 2:
            if tok.lower() in lower_forms and _sentence_start(text, starts[letter[k]]):
                continue
            acc.add("n", name_key(tok, lang), w, tok)
    skip: list[tuple[int, int]] = [m.span() for m in _CLOCK.finditer(text)]
    if "://" in text or "www." in text:  # a clock time inside an address adds nothing
        skip += [m.span() for m in _WEB.finditer(text)]
    for d in find_dates(text, tokens, words):
        w = weight(d.start)
        surface = text[d.start:d.end]
        acc.add("d", d.month_day, w, surface)
        if d.year:
            acc.add("dy", d.key, w, surface)
            acc.add("num", str(d.year), w, str(d.year))
        skip.append((d.start, d.end))
    for m in NUMBER.finditer(text):
        start = m.start()
        if any(a <= start < b for a, b in skip):
            continue
        raw = m.group()
        if value := _figure(raw):
            acc.add("num", value, weight(start), raw)
    return MatchKeys(lang=lang, date=date, exact=exact_hash(text),
                     words=len(lw), families=acc.families, surfaces=acc.surfaces)


def keys_for(parsed: ParsedRelease) -> dict:
    """What the importer stores in `releases.match_keys` for one parsed release."""
    date = parsed.date.iso if parsed.date else None
    return compute_keys(parsed.title, parsed.body, parsed.language, date).to_json()


__all__ = ["FAMILIES", "KEYS_VERSION", "MatchKeys", "compute_keys", "exact_hash", "keys_for",
           "normal_number"]
