"""Dates written in running text, in several languages, normalised to `MM-DD` / `YYYY-MM-DD`.

`1er mars`, `martın 1-də`, `1 марта`, `March 1, 2023`, `1. März`, `1 de marzo`, `1 березня`,
`1. března`, `01.03.2023` and `2023-03-01` all give month 3, day 1.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

# Month words as they are written (casefolded). Inflected forms are listed in full where the
# language inflects the month (Slavic genitives); Turkic suffixes are handled by `_SUFFIXED`.
_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("january", "janvier", "januar", "jänner", "enero", "gennaio", "janeiro", "yanvar",
        "ocak", "январь", "января", "январе", "січень", "січня", "leden", "ledna", "styczeń",
        "stycznia"),
    2: ("february", "février", "fevrier", "februar", "febrero", "febbraio", "fevereiro", "fevral",
        "şubat", "subat", "февраль", "февраля", "феврале", "лютий", "лютого", "únor", "února",
        "luty", "lutego"),
    3: ("march", "mars", "märz", "marz", "marzo", "março", "marco", "mart", "март", "марта",
        "марте", "березень", "березня", "březen", "března", "marzec", "marca"),
    4: ("april", "avril", "abril", "aprile", "aprel", "nisan", "апрель", "апреля", "апреле",
        "квітень", "квітня", "duben", "dubna", "kwiecień", "kwietnia"),
    5: ("may", "mai", "mayo", "maggio", "maio", "mayıs", "mayis", "май", "мая", "мае",
        "травень", "травня", "květen", "května", "maj", "maja"),
    6: ("june", "juin", "juni", "junio", "giugno", "junho", "iyun", "haziran", "июнь", "июня",
        "июне", "червень", "червня", "červen", "června", "czerwiec", "czerwca"),
    7: ("july", "juillet", "juli", "julio", "luglio", "julho", "iyul", "temmuz", "июль", "июля",
        "июле", "липень", "липня", "červenec", "července", "lipiec", "lipca"),
    8: ("august", "août", "aout", "agosto", "avqust", "ağustos", "agustos", "август", "августа",
        "августе", "серпень", "серпня", "srpen", "srpna", "sierpień", "sierpnia"),
    9: ("september", "septembre", "septiembre", "setiembre", "settembre", "setembro", "sentyabr",
        "eylül", "eylul", "сентябрь", "сентября", "сентябре", "вересень", "вересня", "září",
        "wrzesień", "września"),
    10: ("october", "octobre", "oktober", "octubre", "ottobre", "outubro", "oktyabr", "ekim",
         "октябрь", "октября", "октябре", "жовтень", "жовтня", "říjen", "října",
         "październik", "października"),
    11: ("november", "novembre", "noviembre", "novembro", "noyabr", "kasım", "kasim", "ноябрь",
         "ноября", "ноябре", "листопад", "листопада", "listopad", "listopadu", "listopada"),
    12: ("december", "décembre", "decembre", "dezember", "diciembre", "dicembre", "dezembro",
         "dekabr", "aralık", "aralik", "декабрь", "декабря", "декабре", "грудень", "грудня",
         "prosinec", "prosince", "grudzień", "grudnia"),
}
_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12, "janv": 1, "févr": 2, "avr": 4, "juil": 7, "déc": 12,
}
MONTH_WORDS: dict[str, int] = {w: m for m, words in _MONTHS.items() for w in words}
# Azerbaijani and Turkish attach case endings to the month: martın, mayın, yanvarda, Mart'ta.
_SUFFIXED = {w: m for m, words in _MONTHS.items() for w in words
             if w.isascii() and len(w) >= 3}
_TURKIC_ENDINGS = re.compile(r"^'?(?:ın|in|un|ün|nın|nin|da|də|de|ta|te|dan|dən|den|ten|a|ə|e|"
                             r"ı|i|u|ü|ya|yə|ye|dək|a qədər)$")

TOKEN = re.compile(r"\d+|[^\W\d_]+(?:['’][^\W\d_]+)?")
# No digit (and for _DOTTED no point) before the date. The lookbehinds follow the first
# characters so that the regex engine can skip ahead to digits.
_ISO = re.compile(r"((?:19|20)(?<!\d{3})\d\d)-(0?[1-9]|1[0-2])-(0?[1-9]|[12]\d|3[01])(?!\d)")
_DOTTED = re.compile(r"(0(?<![\d.].)[1-9]|[1-9](?<![\d.].)|[12](?<![\d.].)\d|3(?<![\d.].)[01])"
                     r"[./](0?[1-9]|1[0-2])[./]((?:19|20)\d\d)(?!\d)")
# What every _DOTTED match contains; it starts with a point or slash, so it is quick to scan.
_DOTTED_HINT = re.compile(r"[./]\d\d?[./](?:19|20)\d\d")
# What may stand between a day number and the month: ordinal endings and case suffixes.
_DAY_TAILS = {"er", "re", "st", "nd", "rd", "th", "de", "da", "də", "ci", "cı", "cu", "cü",
              "go", "ho", "e", "o", "a", "del", "di"}
_PREFIXES = {w[:3] for w in (*MONTH_WORDS, *_ABBREVIATIONS)}
_GAP = re.compile(r"^[\s.,\-–]*$")


@dataclass(frozen=True, slots=True)
class DateMention:
    month: int
    day: int
    year: int | None
    start: int
    end: int

    @property
    def key(self) -> str:
        """`YYYY-MM-DD` when the year is written, else `MM-DD`."""
        md = f"{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{md}" if self.year else md

    @property
    def month_day(self) -> str:
        return f"{self.month:02d}-{self.day:02d}"


@lru_cache(maxsize=100_000)
def month_of(word: str) -> int | None:
    w = word.casefold().rstrip(".")
    if w in MONTH_WORDS:
        return MONTH_WORDS[w]
    if w in _ABBREVIATIONS:
        return _ABBREVIATIONS[w]
    for size in range(min(len(w) - 1, 9), 2, -1):
        stem = w[:size]
        if stem in _SUFFIXED and _TURKIC_ENDINGS.match(w[size:]):
            return _SUFFIXED[stem]
    return None


# Tokens already classified, so that each text costs set operations (cleared when large).
_SEEN: set[str] = set()
_SEEN_MONTHS: set[str] = set()
_SEEN_LOCK = threading.Lock()


def _month_tokens(distinct: set[str]) -> set[str]:
    """The tokens among `distinct` that name a month ("may" is the English verb)."""
    with _SEEN_LOCK:
        new = distinct - _SEEN
        if new:
            if len(_SEEN) > 500_000:
                _SEEN.clear()
                _SEEN_MONTHS.clear()
                new = distinct
            _SEEN.update(new)
            _SEEN_MONTHS.update(w for w in new if w[:3].casefold() in _PREFIXES
                                and w != "may" and month_of(w) is not None)
        return distinct & _SEEN_MONTHS


def _day(tok: str) -> int | None:
    if tok.isdigit() and len(tok) <= 2:
        d = int(tok)
        return d if 1 <= d <= 31 else None
    return None


def _year(tok: str) -> int | None:
    if tok.isdigit() and len(tok) == 4 and 1900 <= int(tok) <= 2100:
        return int(tok)
    return None


def find_dates(text: str, tokens: list[tuple[str, int, int]] | None = None,
               words: list[str] | None = None) -> list[DateMention]:
    """Every day-and-month date written in `text`, with its code-point span.

    `tokens`: `TOKEN` matches of `text` as (text, start, end), when the caller has them;
    `words`: the same tokens' text only.
    """
    found: dict[int, DateMention] = {}
    for m in _ISO.finditer(text):
        found[m.start()] = DateMention(int(m[2]), int(m[3]), int(m[1]), m.start(), m.end())
    for m in _DOTTED.finditer(text) if _DOTTED_HINT.search(text) else ():
        found.setdefault(m.start(), DateMention(int(m[2]), int(m[1]), int(m[3]),
                                                m.start(), m.end()))
    toks = tokens if tokens is not None else [(m.group(), m.start(), m.end())
                                              for m in TOKEN.finditer(text)]
    if words is None:
        words = [t[0] for t in toks]
    months = _month_tokens(set(words))
    if not months:
        return sorted(found.values(), key=lambda d: d.start)

    def close(i: int, j: int) -> bool:
        return 0 <= i < len(toks) and 0 <= j < len(toks) and bool(
            _GAP.match(text[toks[i][2]:toks[j][1]]))

    for i in list(compress(range(len(words)), map(months.__contains__, words))):
        tok, start, end = toks[i]
        month = month_of(tok)
        # Day before the month: "1 mars", "1er mars", "1. März", "1-də", "1 de marzo".
        j = i - 1
        skipped = 0
        while (j >= 0 and skipped < 2 and toks[j][0].casefold() in _DAY_TAILS
               and close(j, j + 1)):
            j -= 1
            skipped += 1
        day = _day(toks[j][0]) if j >= 0 and close(j, j + 1) else None
        if day is not None:
            last = end
            k = i + 1
            if k < len(toks) and toks[k][0].casefold() in ("de", "del", "of") and close(i, k):
                k += 1
            year = _year(toks[k][0]) if k < len(toks) and close(k - 1, k) else None
            if year:
                last = toks[k][2]
            found.setdefault(toks[j][1], DateMention(month, day, year, toks[j][1], last))
            continue
        # Day after the month: "March 1", "martın 1-də", "mart 01,2023".
        k = i + 1
        if k < len(toks) and close(i, k) and (day := _day(toks[k][0])) is not None:
            last = toks[k][2]
            n = k + 1
            if n < len(toks) and toks[n][0].casefold() in _DAY_TAILS and close(k, n):
                last = toks[n][2]
                n += 1
            year = _year(toks[n][0]) if n < len(toks) and close(n - 1, n) else None
            if year:
                last = toks[n][2]
            # A year before the month ("2023 March 1") is rarer; the year stays unknown then.
            found.setdefault(start, DateMention(month, day, year, start, last))
    return sorted(found.values(), key=lambda d: d.start)


__all__ = ["DateMention", "MONTH_WORDS", "find_dates", "month_of"]
