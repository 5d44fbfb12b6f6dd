"""Alias matching across scripts: suggestions over a release text and fuzzy entity search.

Every alias and every text is compared in folded form (`desktop_app.text.fold`: casefold,
Azerbaijani letters, anyascii), so `Антонио Виторино`, `António Vitorino` and `Antonio
Vitorino` share one key. Azerbaijani and Russian attach case endings to names (`Vitorinonu`,
`Vitorinoya`, `Алиеву`); a word of the text also matches an alias word when it is that word
plus one known ending, or when both differ only by the final vowel that a declension changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from ..text import fold

_WORD = re.compile(r"[0-9a-z]+")

# Case endings in folded form (ə→a, ı→i, ü→u, ö→o): Azerbaijani genitive, accusative, dative,
# locative, ablative, instrumental and plural; Russian noun and adjective endings.
_ENDINGS = frozenset({
    # Azerbaijani
    "nin", "nun", "in", "un", "ni", "nu", "i", "u", "ya", "na", "a", "da", "ta", "nda",
    "dan", "tan", "ndan", "la", "yla", "ila", "lar", "larin", "lari", "si", "su", "sinin",
    "sunun", "sini", "sunu", "sina", "suna", "sinda", "sunda", "yi", "yu", "ye",
    # Russian (anyascii spelling)
    "e", "y", "om", "em", "ym", "im", "oy", "ey", "ogo", "ego", "omu", "emu", "ov", "ev",
    "ykh", "ikh", "ami", "yami", "akh", "yakh", "yey", "oyu", "eyu", "am", "yam",
})
_MAX_ENDING = max(len(e) for e in _ENDINGS)
_VOWELS = frozenset("aeiouy")
MIN_STEM = 3
# Characters allowed between two words of one alias in the text (space, hyphen, apostrophe, dot).
_JOINERS = frozenset(" \t\u00a0-'.\u2011")


def word_variants(word: str) -> frozenset[str]:
    """The folded word, the word without one known case ending, and without a final vowel."""
    out = {word}
    for n in range(1, min(_MAX_ENDING, len(word) - MIN_STEM) + 1):
        if word[-n:] in _ENDINGS:
            out.add(word[:-n])
    return frozenset(out)


# A word of the source text: letters and digits with the combining marks that belong to them.
_SOURCE_WORD = re.compile(
    "[\\w\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    "\u0900-\u0903\u093a-\u094f\u0981-\u0983\u09bc-\u09cd\u0e31-\u0e3a]+")


@lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    """A source word folded to ASCII letters and digits (Васильев → vasilev)."""
    return "".join(_WORD.findall(fold(word)))


@lru_cache(maxsize=200_000)
def _text_variants(folded: str) -> frozenset[str]:
    return word_variants(folded)


def folded_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded word) for each word of `text`, offsets in code points."""
    out = []
    for m in _SOURCE_WORD.finditer(text):
        f = fold_word(m.group())
        if f:
            out.append((m.start(), m.end(), f))
    return out


def alias_word_variants(word: str) -> frozenset[str]:
    """An alias word as written, and without its final vowel (Москва → Москве, Баку → Bakı)."""
    if len(word) > MIN_STEM and word[-1] in _VOWELS:
        return frozenset({word, word[:-1]})
    return frozenset({word})


@dataclass(frozen=True, slots=True)
class AliasEntry:
    alias_id: int
    entity_id: int
    type_id: int
    alias: str
    key: str


@dataclass(frozen=True, slots=True)
class AliasMatch:
    start: int          # code points over the text, end-exclusive
    end: int
    entity_id: int
    type_id: int
    alias: str
    score: float


@dataclass(frozen=True, slots=True)
class _Compiled:
    words: tuple[frozenset[str], ...]
    entry: AliasEntry
    capital: bool      # the alias starts with a capital: so must the mention
    exact: str         # the alias's folded words joined, to score exact matches higher


class AliasIndex:
    """All aliases of the knowledge base, indexed by the variants of their first word."""

    def __init__(self, entries: Iterable[AliasEntry]) -> None:
        self.entries: list[AliasEntry] = []
        self._keys: list[str] = []
        self._first: dict[str, list[_Compiled]] = {}
        for entry in entries:
            self.add(entry)

    def __len__(self) -> int:
        return len(self.entries)

    def add(self, entry: AliasEntry) -> None:
        words = [f for _s, _e, f in folded_words(entry.alias)]
        if not words or max(len(w) for w in words) < 2:
            return  # a one-letter alias would be proposed everywhere
        stripped = entry.alias.lstrip()
        compiled = _Compiled(tuple(alias_word_variants(w) for w in words), entry,
                             bool(stripped) and stripped[0].isupper(), " ".join(words))
        self.entries.append(entry)
        self._keys.append(" ".join(words))
        for v in compiled.words[0]:
            self._first.setdefault(v, []).append(compiled)

    def suggest(self, text: str) -> list[AliasMatch]:
        """Every place in `text` where an alias occurs, longest first at each start."""
        words = folded_words(text)
        first_index = self._first
        found: dict[tuple[int, int, int], AliasMatch] = {}
        for i, (first, _end, folded) in enumerate(words):
            candidates: list[_Compiled] = []
            for v in _text_variants(folded):
                candidates.extend(first_index.get(v, ()))
            for c in candidates:
                if c.capital and not text[first].isupper():
                    continue
                n = len(c.words)
                if i + n > len(words):
                    continue
                ok = True
                for j in range(1, n):
                    gap = text[words[i + j - 1][1]:words[i + j][0]]
                    if len(gap) > 2 or any(ch not in _JOINERS for ch in gap) or not (
                            _text_variants(words[i + j][2]) & c.words[j]):
                        ok = False
                        break
                if not ok:
                    continue
                end = words[i + n - 1][1]
                mention = " ".join(w[2] for w in words[i:i + n])
                score = 100.0 if mention == c.exact else 90.0
                key = (first, end, c.entry.entity_id)
                old = found.get(key)
                if old is None or old.score < score:
                    found[key] = AliasMatch(first, end, c.entry.entity_id, c.entry.type_id,
                                            c.entry.alias, score)
        return _drop_contained(list(found.values()))

    def search(self, query: str, limit: int = 20, cutoff: float = 55.0) -> list[tuple[AliasEntry, float]]:
        """Aliases closest to `query`, best first, tolerant of script and case endings."""
        words = [f for _s, _e, f in folded_words(query)]
        if not words or not self.entries:
            return []
        keys = self._keys
        queries = {" ".join(words)}
        last = words[-1]
        for v in word_variants(last):
            queries.add(" ".join([*words[:-1], v]))
        best: dict[int, float] = {}
        for q in queries:
            for _key, score, idx in process.extract(q, keys, scorer=_score, limit=limit * 4,
                                                    score_cutoff=cutoff):
                if score > best.get(idx, 0.0):
                    best[idx] = score
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], self.entries[kv[0]].alias))
        return [(self.entries[i], round(s, 1)) for i, s in ranked[:limit * 4]]


def _score(query: str, key: str, *, score_cutoff: float | None = None, **_kw) -> float:
    """Whole-name similarity, or the best word-for-word match for a partial name."""
    whole = fuzz.ratio(query, key)
    if whole >= 100:
        return 100.0
    words = key.split()
    part = max((fuzz.ratio(query, w) for w in words), default=0.0) * 0.95 if len(words) > 1 else 0
    prefix = 0.0
    if len(query) >= 3 and any(w.startswith(query) for w in words):
        prefix = 88.0 if len(query) >= 4 else 75.0
    tokens = fuzz.token_set_ratio(query, key) * 0.97
    score = max(whole, part, prefix, tokens)
    return score if score_cutoff is None or score >= score_cutoff else 0.0


def _drop_contained(matches: list[AliasMatch]) -> list[AliasMatch]:
    """Drop a match that lies inside a longer match of the same entity."""
    by_entity: dict[int, list[AliasMatch]] = {}
    for m in matches:
        by_entity.setdefault(m.entity_id, []).append(m)
    kept: list[AliasMatch] = []
    for group in by_entity.values():
        group.sort(key=lambda m: (m.start, -(m.end - m.start)))
        reach = -1
        for m in group:
            if m.end <= reach:
                continue
            kept.append(m)
            reach = max(reach, m.end)
    kept.sort(key=lambda m: (m.start, -(m.end - m.start), m.entity_id))
    return kept
