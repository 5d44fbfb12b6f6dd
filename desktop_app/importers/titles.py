"""Title clean-up: markdown marks, and titles whose non-ASCII letters were lost.

Some crawlers keep only ASCII in a header: "Ilham liyev Beynlxalq..." for "İlham Əliyev
Beynəlxalq...". Such a title is repaired from the body, where the same words appear whole:
a body word matches when dropping its non-ASCII letters (after splitting off accents)
gives the title word.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def clean_title(title: str) -> str:
    """One-line title without markdown heading marks or emphasis."""
    title = " ".join(title.split())
    if title.startswith("#"):
        title = title.lstrip("#").lstrip()
        if title.endswith("#"):
            title = title.rstrip("#").rstrip()
    return title.strip(" *_")


@lru_cache(maxsize=65536)
def degrade(word: str) -> str:
    """What a word looks like after a crawler dropped its non-ASCII letters."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if ch.isascii())


def repair_lost_diacritics(title: str, body: str) -> str:
    """`title` with its degraded words replaced by their body spelling, when it is degraded."""
    if not title.isascii() or body.isascii():
        return title
    head = body[:20000]
    folded = head.casefold()
    missing = {w.casefold() for w in _WORD.findall(title)} - set(_WORD.findall(folded))
    if not missing:
        return title  # every title word is written as in the body: nothing was lost
    candidates: dict[str, Counter[str]] = {}
    plain: set[str] = set()
    for word in _WORD.findall(head):
        if word.isascii():
            plain.add(word.casefold())
            continue
        lost = degrade(word)
        if lost and lost.casefold() in missing:
            candidates.setdefault(lost.casefold(), Counter())[word] += 1
    words = _WORD.findall(title)
    if not words:
        return title
    fixes: dict[str, str] = {}
    known = 0
    for word in words:
        key = word.casefold()
        options = candidates.get(key)
        if options and key not in plain:
            fixes[word] = _match_case(word, options.most_common(1)[0][0])
            known += 1
        elif key in plain:
            known += 1
    # Repair only a title that is mostly the body's words, so a genuinely ASCII title
    # that happens to share one word with the body stays as written.
    if not fixes or known * 2 < len(words):
        return title
    return _WORD.sub(lambda m: fixes.get(m.group(0), m.group(0)), title)


def _match_case(degraded: str, word: str) -> str:
    if degraded[:1].isupper() and not word[:1].isupper():
        return word[:1].upper() + word[1:]
    if degraded.islower() and word[:1].isupper() and degrade(word[:1]).islower():
        return word.lower()
    return word
