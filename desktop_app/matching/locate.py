"""Where a pair's evidence is written in each text, for highlighting (display only)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..domain.duplicates import Evidence
from ..text import fold
from .dates import find_dates
from .keys import NUMBER, normal_number
from .names import name_key

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True, slots=True)
class Mark:
    start: int          # code points, end-exclusive, over the release text
    end: int
    kind: str           # "name", "number", "date" or "acronym"


EvidenceSpans = list[Mark]


def _marks(text: str, lang: str | None, names: set[str], numbers: set[str], dates: set[str],
           acronyms: set[str]) -> EvidenceSpans:
    out: list[Mark] = []
    taken: list[tuple[int, int]] = []
    for d in find_dates(text):
        if d.key in dates or d.month_day in dates:
            out.append(Mark(d.start, d.end, "date"))
            taken.append((d.start, d.end))
    for m in NUMBER.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        if normal_number(m.group()) in numbers:
            out.append(Mark(m.start(), m.end(), "number"))
    for m in _WORD.finditer(text):
        tok = m.group()
        if tok.isupper() and len(tok) >= 2 and fold(tok) in acronyms:
            out.append(Mark(m.start(), m.end(), "acronym"))
        elif tok[0].isupper() and name_key(tok, lang) in names:
            out.append(Mark(m.start(), m.end(), "name"))
    return sorted(out, key=lambda k: k.start)


def locate_evidence(text_a: str, lang_a: str | None, text_b: str, lang_b: str | None,
                    evidence: Evidence) -> tuple[EvidenceSpans, EvidenceSpans]:
    """Marks of the shared names, figures, dates and acronyms in both texts."""
    names = set()
    for x, y in evidence.names:
        names.update({name_key(x, lang_a), name_key(y, lang_b), name_key(x, lang_b),
                      name_key(y, lang_a)})
    numbers = set(evidence.numbers)
    dates = set(evidence.dates)
    acronyms = {fold(x) for pair in evidence.acronyms for x in pair}
    return (_marks(text_a, lang_a, names, numbers, dates, acronyms),
            _marks(text_b, lang_b, names, numbers, dates, acronyms))
