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
from collections.abc import Mapping
from dataclasses import dataclass, field

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

NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:(?:[.,]|[ \u00a0\u202f])\d{3})+(?![\d])"
                     r"|(?<![\w.,])\d+(?:[.,]\d+)?(?!\d)")
_SENTENCE_END = set(".!?:;\"«»“”„—–-•*\n")
_ALNUM = re.compile(r"[^\W_]+")
_SPACES = re.compile(r"\s+")
# Clock times and web addresses carry digits that are not figures of the story.
_NOT_FIGURES = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b|(?:https?://|www\.)\S+")


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
            out["wt"][fam] = " ".join(str(max(1, round(w * 10))) for w in keys.values())
            if fam in SURFACE_FAMILIES:
                surf = self.surfaces.get(fam, {})
                out["s"][fam] = "\t".join(_SPACES.sub(" ", surf.get(k, k)) for k in keys)
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
    words = _ALNUM.findall(nfc(text).casefold())
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()[:20]


def normal_number(raw: str) -> str:
    """`1,000` / `1 000` / `1.000` -> `1000`; `3,5` -> `3.5`."""
    s = raw.replace("\u00a0", " ").replace("\u202f", " ")
    if re.fullmatch(r"\d{1,3}(?:[., ]\d{3})+", s):
        return re.sub(r"\D", "", s)
    return s.replace(",", ".")


def _sentence_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\u00a0(\"'«“„":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


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
    tokens = [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]
    spans = [(pos, tok) for tok, pos, _ in tokens if not tok[0].isdigit()]
    title_words = sum(1 for pos, _ in spans if pos < body_start)
    lead_end = (spans[min(len(spans), LEAD_WORDS + title_words) - 1][0] + 1) if spans else 0

    def weight(pos: int) -> float:
        if pos < body_start:
            return TITLE_WEIGHT
        return LEAD_WEIGHT if pos < lead_end else 1.0

    # One pass over the words: weights per distinct word, capitalised occurrences aside.
    word_weights: dict[str, float] = {}
    capitalised: list[tuple[int, str, float]] = []
    lower_forms: set[str] = set()
    for pos, tok in spans:
        w = TITLE_WEIGHT if pos < body_start else (LEAD_WEIGHT if pos < lead_end else 1.0)
        if tok[0].isupper():
            capitalised.append((pos, tok, w))
        else:
            lower_forms.add(tok)
        if len(tok) >= 4:
            word_weights[tok] = word_weights.get(tok, 0.0) + w
    acc = _Weights()
    for tok, w in word_weights.items():
        acc.add("w", word_key(tok, lang), w)
    for pos, tok, w in capitalised:
        letters = tok.replace("'", "").replace("’", "")
        if len(letters) >= 2 and letters.isupper() and len(letters) <= 8:
            acc.add("a", fold(letters), w, tok)
        elif len(tok) >= 2 and (not _sentence_start(text, pos)
                                or tok.lower() not in lower_forms):
            acc.add("n", name_key(tok, lang), w, tok)
    skip: list[tuple[int, int]] = [m.span() for m in _NOT_FIGURES.finditer(text)]
    for d in find_dates(text, tokens):
        w = weight(d.start)
        surface = text[d.start:d.end]
        acc.add("d", d.month_day, w, surface)
        if d.year:
            acc.add("dy", d.key, w, surface)
            acc.add("num", str(d.year), w, str(d.year))
        skip.append((d.start, d.end))
    for m in NUMBER.finditer(text):
        if any(a <= m.start() < b for a, b in skip):
            continue
        value = normal_number(m.group())
        if len(value.replace(".", "")) >= 2:
            acc.add("num", value, weight(m.start()), m.group())
    return MatchKeys(lang=lang, date=date, exact=exact_hash(text),
                     words=len(spans), families=acc.families, surfaces=acc.surfaces)


def keys_for(parsed: ParsedRelease) -> dict:
    """What the importer stores in `releases.match_keys` for one parsed release."""
    date = parsed.date.iso if parsed.date else None
    return compute_keys(parsed.title, parsed.body, parsed.language, date).to_json()


__all__ = ["FAMILIES", "KEYS_VERSION", "MatchKeys", "compute_keys", "exact_hash", "keys_for",
           "normal_number"]
