"""Script-neutral folding: casefold, Turkic/Azerbaijani letters, then anyascii transliteration.

`fold("İlham Əliyev") == "ilham aliyev"` and `fold("Виторино") == "vitorino"`, so a search
or a match key written in one script meets the same name written in another.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

# Letters whose anyascii form is not the usual Latin spelling of names in English and French
# (Əliyev is written Aliyev; anyascii alone would give Eliyev).
_SPECIAL = {
    "ə": "a", "Ə": "a",
    "ı": "i", "İ": "i", "I": "i",
    "ß": "ss",
    "’": "'", "ʼ": "'", "‘": "'",
}

_WORD = re.compile(r"[0-9a-z]+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=65536)
def _fold_char(ch: str) -> str:
    special = _SPECIAL.get(ch)
    if special is not None:
        return special
    if ch.isascii():
        return ch.lower()
    out = anyascii(ch.casefold())
    # anyascii renders emoji as ":name:"; such names are noise for search and matching.
    if out.startswith(":") and out.endswith(":") and len(out) > 2:
        return " "
    return out.lower()


class _FoldTable(dict):
    """str.translate table filled on first sight of each code point (C-speed afterwards)."""

    def __missing__(self, code: int) -> str:
        out = _fold_char(chr(code))
        self[code] = out
        return out


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lower-case ASCII rendering of `text` for search and matching."""
    if text.isascii():
        return text.lower()
    return text.translate(_TABLE)


@dataclass(frozen=True, slots=True)
class FoldedText:
    """Folded text plus, for each folded character, the index of the source character."""

    text: str
    origin: tuple[int, ...]

    def source_range(self, start: int, end: int) -> tuple[int, int]:
        """Source code-point range covering folded characters [start, end)."""
        if start >= end:
            return (self.origin[start] if start < len(self.origin) else len(self.origin), ) * 2
        return self.origin[start], self.origin[end - 1] + 1


def fold_with_map(text: str) -> FoldedText:
    parts: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        f = _fold_char(ch)
        parts.append(f)
        origin.extend([i] * len(f))
    return FoldedText("".join(parts), tuple(origin))


def search_terms(query: str) -> list[str]:
    """The user's words as folded alphanumeric terms; every other character is a separator."""
    return _WORD.findall(fold(nfc(query)))


def find_terms(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Code-point ranges in `text` where a word starts with one of `terms` (for highlighting)."""
    if not terms:
        return []
    folded = fold_with_map(text)
    pattern = re.compile(r"(?<![0-9a-z])(?:" + "|".join(re.escape(t) for t in terms) + ")")
    return [folded.source_range(m.start(), m.end()) for m in pattern.finditer(folded.text)]
