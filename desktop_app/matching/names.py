"""Script-neutral keys for proper names and words: folding, case-ending stripping, skeletons.

`Vitorinonu` (az), `Vitorino` (fr) and `Виторино` (ru) share the skeleton `vtrn`;
`Hasanov`, `Həsənov` and `Гасанов` share `ksnv`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import fold

# Case endings worth removing before a skeleton is taken: only endings carrying a consonant
# matter, vowels are dropped by the skeleton anyway. Keyed by release language.
_ENDINGS: dict[str, tuple[str, ...]] = {
    "ru": ("ogo", "ego", "omu", "emu", "ami", "yami", "ykh", "ikh", "akh", "yakh", "om", "em",
           "ym", "im", "oy"),
    "uk": ("ogo", "omu", "ovi", "evi", "ami", "yami", "ykh", "ikh", "akh", "om", "em", "im",
           "iv"),
    "be": ("ага", "ogo", "am", "om", "em", "im", "ykh", "akh"),
    "bg": ("ta", "at"),
    "cs": ("ovi", "ami", "emu", "eho", "ych", "ach", "em", "um", "ym", "ou"),
    "sk": ("ovi", "ami", "emu", "eho", "ych", "ach", "om", "em", "ym", "ou"),
    "pl": ("owi", "ami", "emu", "ego", "ych", "ach", "em", "om", "ym"),
    "az": ("nin", "nun", "dan", "den", "tan", "ten", "yla", "nda", "nde", "da", "de", "ta",
           "te", "la", "le", "nu", "ni", "ya", "ye", "in", "un"),
    "tr": ("nin", "nun", "dan", "den", "tan", "ten", "yla", "yle", "nda", "nde", "da", "de",
           "ta", "te", "la", "le", "nu", "ni", "ya", "ye", "in", "un"),
}
# Turkic languages write the ending after an apostrophe on foreign names: Vitorino'nun.
_APOSTROPHES = "'’ʼ`´"
_DIGRAPHS = (("shch", "s"), ("dzh", "j"), ("kh", "h"), ("sh", "s"), ("ch", "c"), ("zh", "j"),
             ("th", "t"), ("ph", "f"), ("ck", "k"), ("ts", "c"), ("tz", "c"), ("gh", "g"))
# Velars fall together (Berqlund / Berglund, Гасанов / Hasanov / Khasanov).
_LETTERS = str.maketrans({"h": "k", "g": "k", "q": "k", "w": "v", "x": "k", "z": "s", "c": "k",
                          "j": "", "a": "", "e": "", "i": "", "o": "", "u": "", "y": ""})
_NON_LETTER = re.compile(r"[^a-z]")
_REPEAT = re.compile(r"(.)\1+")

SKELETON_SIZE = 4


@lru_cache(maxsize=200_000)
def base_form(word: str, lang: str | None = None) -> str:
    """Folded letters of `word` without the case ending its language adds (when known)."""
    for mark in _APOSTROPHES:
        if mark in word:
            word = word.split(mark, 1)[0]
    folded = _NON_LETTER.sub("", fold(word))
    for ending in _ENDINGS.get(lang or "", ()):
        if folded.endswith(ending) and len(folded) - len(ending) >= 4:
            return folded[: -len(ending)]
    return folded


@lru_cache(maxsize=200_000)
def skeleton(folded: str) -> str:
    """Consonant skeleton of a folded word: the spelling differences of scripts fall away."""
    s = folded
    for a, b in _DIGRAPHS:
        s = s.replace(a, b)
    s = s.translate(_LETTERS)
    return _REPEAT.sub(r"\1", s)


@lru_cache(maxsize=200_000)
def name_key(word: str, lang: str | None = None) -> str:
    """The key two spellings of one name share; short skeletons fall back to the folded form."""
    base = base_form(word, lang)
    skel = skeleton(base)
    if len(skel) >= 2:
        return skel[:SKELETON_SIZE]
    return base[:6]


@lru_cache(maxsize=200_000)
def word_key(word: str, lang: str | None = None) -> str:
    """A crude stem for same-language overlap: the first five folded letters."""
    return base_form(word, lang)[:5]


__all__ = ["SKELETON_SIZE", "base_form", "name_key", "skeleton", "word_key"]
