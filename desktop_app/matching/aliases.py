"""Alias matching across scripts: suggestions over a release text and fuzzy entity search.

Every alias and every text is compared in folded form (`desktop_app.text.fold`: casefold,
Azerbaijani letters, anyascii), so `Антонио Виторино`, `António Vitorino` and `Antonio
Vitorino` share one key. Azerbaijani and Russian attach case endings to names (`Vitorinonu`,
`Vitorinoya`, `Алиеву`); a word of the text also matches an alias word when it is that word
plus one known ending, or when both differ only by the final vowel that a declension changes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from ..text import fold, fold_with_map

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
        words = _WORD.findall(fold(entry.alias))
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
        folded = fold_with_map(text)
        origin = folded.origin
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(folded.text)]
        cache: dict[int, frozenset[str]] = {}

        def variants(i: int) -> frozenset[str]:
            v = cache.get(i)
            if v is None:
                v = cache[i] = word_variants(words[i][2])
            return v

        found: dict[tuple[int, int, int], AliasMatch] = {}
        for i, (ws, _we, _word) in enumerate(words):
            first = origin[ws]
            if first > 0 and (text[first - 1].isalnum()):
                continue  # the word begins inside a longer source word (a folded ligature)
            candidates: list[_Compiled] = []
            for v in variants(i):
                candidates.extend(self._first.get(v, ()))
            for c in candidates:
                if c.capital and not text[first].isupper():
                    continue
                n = len(c.words)
                if i + n > len(words):
                    continue
                ok = True
                for j in range(1, n):
                    prev_end, start = words[i + j - 1][1], words[i + j][0]
                    gap = folded.text[prev_end:start]
                    if len(gap) > 2 or not gap or any(ch not in _JOINERS for ch in gap):
                        ok = False
                        break
                    if not (variants(i + j) & c.words[j]):
                        ok = False
                        break
                if not ok:
                    continue
                last_end = words[i + n - 1][1]
                end = origin[last_end - 1] + 1
                while end < len(text) and unicodedata.combining(text[end]):
                    end += 1  # a decomposed accent folds to nothing but belongs to the word
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
        words = _WORD.findall(fold(query))
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
