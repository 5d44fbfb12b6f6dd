"""Release dates written in the languages of the corpus, as `ReleaseDate`s.

Month names are matched as whole words after lower-casing, with the case endings that
Azerbaijani, Russian and Ukrainian put on them (`martın`, `мая`, `березня`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..domain.enums import DatePrecision
from ..domain.releases import ReleaseDate

_MONTH_WORDS: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "janvier", "janv", "yanvar", "ocak", "januar", "jänner", "enero",
        "января", "январь", "январе", "січня", "січень", "ledna", "leden"),
    2: ("february", "feb", "février", "fevrier", "févr", "fevral", "şubat", "subat", "februar",
        "febrero", "февраля", "февраль", "феврале", "лютого", "лютий", "února", "unora", "únor"),
    3: ("march", "mar", "mars", "mart", "märz", "marz", "marzo", "марта", "март", "марте",
        "березня", "березень", "března", "brezna", "březen"),
    4: ("april", "apr", "avril", "aprel", "nisan", "abril", "апреля", "апрель", "апреле",
        "квітня", "квітень", "dubna", "duben"),
    5: ("may", "mai", "mayıs", "mayis", "mayo", "мая", "май", "мае", "травня", "травень",
        "května", "kvetna", "květen"),
    6: ("june", "jun", "juin", "iyun", "haziran", "juni", "junio", "июня", "июнь", "июне",
        "червня", "червень", "června", "cervna", "červen"),
    7: ("july", "jul", "juillet", "iyul", "temmuz", "juli", "julio", "июля", "июль", "июле",
        "липня", "липень", "července", "cervence", "červenec"),
    8: ("august", "aug", "août", "aout", "avqust", "ağustos", "agustos", "agosto", "августа",
        "август", "августе", "серпня", "серпень", "srpna", "srpen"),
    9: ("september", "sep", "sept", "septembre", "sentyabr", "eylül", "eylul", "septiembre",
        "setiembre", "сентября", "сентябрь", "сентябре", "вересня", "вересень", "září", "zari"),
    10: ("october", "oct", "octobre", "oktyabr", "ekim", "oktober", "okt", "octubre", "октября",
         "октябрь", "октябре", "жовтня", "жовтень", "října", "rijna", "říjen"),
    11: ("november", "nov", "novembre", "noyabr", "kasım", "kasim", "noviembre", "ноября",
         "ноябрь", "ноябре", "листопада", "листопад", "listopadu", "listopad"),
    12: ("december", "dec", "décembre", "decembre", "dekabr", "aralık", "aralik", "dezember",
         "dez", "diciembre", "декабря", "декабрь", "декабре", "грудня", "грудень", "prosince",
         "prosinec"),
}

# Azerbaijani and Turkish case endings on month names: martın, martda, Mart'ta, mayısın.
_TURKIC_SUFFIXES = ("ın", "in", "un", "ün", "nın", "nin", "da", "də", "de", "ta", "te",
                    "dan", "dən", "den", "tan", "ten", "a", "ə", "e", "ı", "i", "u", "ü",
                    "nda", "ndə", "nde", "yın", "yin")
_TURKIC_STEMS = {"yanvar": 1, "fevral": 2, "mart": 3, "aprel": 4, "may": 5, "iyun": 6,
                 "iyul": 7, "avqust": 8, "sentyabr": 9, "oktyabr": 10, "noyabr": 11,
                 "dekabr": 12, "ocak": 1, "şubat": 2, "nisan": 4, "mayıs": 5, "haziran": 6,
                 "temmuz": 7, "ağustos": 8, "eylül": 9, "ekim": 10, "kasım": 11, "aralık": 12}


def _month_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for month, words in _MONTH_WORDS.items():
        for word in words:
            table[word] = month
    for stem, month in _TURKIC_STEMS.items():
        for suffix in _TURKIC_SUFFIXES:
            table.setdefault(stem + suffix, month)
    return table


MONTHS = _month_table()

_M = r"(?P<mon>[^\W\d_]{3,12})\.?"
_D = r"(?P<day>\d{1,2})"
_Y = r"(?P<year>(?:19|20)\d\d)"
_ORD = r"(?:er|re|st|nd|rd|th|\.|-?(?:ci|cı|cu|cü|ji|го|е|я))?"
_YEAR_TAIL = r"(?:-?(?:ci|cı|cu|cü)\b)?"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("ymd", re.compile(rf"(?<![\d.])(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-{_D}(?![\d])")),
    ("ymd", re.compile(rf"(?<![\d.])(?P<year>(?:19|20)\d\d)[/.](?P<month>\d\d)[/.]{_D}(?![\d])")),
    ("dmy", re.compile(rf"(?<![\d.]){_D}[./](?P<month>\d{{1,2}})[./]{_Y}(?![\d])")),
    # 1 mart 2023-cü il, 7 mars 2018, 1. März 2023, 1 de marzo de 2023, 21 мая 2022 г.
    ("d_m_y", re.compile(rf"(?<![\d.]){_D}{_ORD}\s*(?:de\s+)?{_M}(?:,?\s*(?:de\s+|del\s+)?"
                         rf"{_Y}{_YEAR_TAIL})?", re.IGNORECASE)),
    # March 12, 2023; mart 01,2023; martın 1-də
    ("m_d_y", re.compile(rf"(?<!\w){_M}\s+{_D}(?:st|nd|rd|th|-[^\W\d_]+)?\b(?:,\s*|\s+)?"
                         rf"(?:{_Y}\b)?", re.IGNORECASE)),
    # 2023-cü il 1 mart
    ("y_d_m", re.compile(rf"(?<!\d){_Y}{_YEAR_TAIL}\s+(?:il\w*\s+)?{_D}\s+{_M}",
                         re.IGNORECASE)),
    ("m_y", re.compile(rf"(?<!\w){_M}\s+(?:de\s+)?{_Y}\b", re.IGNORECASE)),
    ("ym", re.compile(r"(?<![\d.])(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)(?![\d-])")),
]


@dataclass(frozen=True, slots=True)
class DateMatch:
    date: ReleaseDate
    start: int
    end: int


def make_date(year: int | None, month: int | None, day: int | None) -> ReleaseDate | None:
    """A ReleaseDate for whatever parts are known, or None when they are not a real date."""
    try:
        if year is not None and not 1900 <= year <= 2100:
            return None
        if month is None:
            return ReleaseDate(f"{year:04d}", DatePrecision.YEAR) if year else None
        if not 1 <= month <= 12:
            return None
        if day is None:
            if year is None:
                return None
            return ReleaseDate(f"{year:04d}-{month:02d}", DatePrecision.MONTH)
        if year is None:
            date(2000, month, day)  # leap year: 29 February is a valid month-day
            return ReleaseDate(f"--{month:02d}-{day:02d}", DatePrecision.MONTH_DAY)
        return ReleaseDate(date(year, month, day).isoformat(), DatePrecision.DAY)
    except ValueError:
        return None


def month_of(word: str) -> int | None:
    w = word.lower().replace("\u0307", "").rstrip(".")
    return MONTHS.get(w)


def _from_match(kind: str, m: re.Match[str]) -> ReleaseDate | None:
    groups = m.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    day = int(groups["day"]) if groups.get("day") else None
    if groups.get("mon"):
        month = month_of(groups["mon"])
        if month is None:
            return None
    else:
        month = int(groups["month"])
    if kind in ("m_y", "ym") and year is None:
        return None
    return make_date(year, month, day)


def find_dates(text: str) -> list[DateMatch]:
    """Every date in `text`, leftmost first; overlapping matches keep the longest."""
    found: list[DateMatch] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            d = _from_match(kind, m)
            if d is not None:
                found.append(DateMatch(d, m.start(), m.end()))
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    kept: list[DateMatch] = []
    for match in found:
        if kept and match.start < kept[-1].end:
            continue
        kept.append(match)
    return kept


def find_date(text: str) -> DateMatch | None:
    matches = find_dates(text)
    return matches[0] if matches else None


def parse_date(value: str) -> ReleaseDate | None:
    """A date field's value: ISO forms first, then any written date, then a bare year."""
    value = value.strip()[:200]
    if not value:
        return None
    match = find_date(value)
    if match is not None:
        return match.date
    bare = re.fullmatch(r"(?:19|20)\d\d", value)
    return make_date(int(value), None, None) if bare else None


_DATE_LINE_REST = re.compile(
    r"^(?:['’][^\W\d_]+)?[\s,.;:|/()\-–—]*"
    r"(?:(?:г|гг|года|року|р|il|ildə|year|à|at|um|a las|saat|o)\.?[\s,]*)?"
    r"(?:\d{1,2}[:.h]\d\d(?::\d\d)?(?:\s*(?:am|pm|Uhr|UTC|GMT))?)?[\s,.;|()\-–—]*$",
    re.IGNORECASE)


def date_line(line: str) -> ReleaseDate | None:
    """The date when `line` holds nothing but a date (and maybe a time), else None."""
    line = line.strip()
    if not line or len(line) > 60:
        return None
    match = find_date(line)
    if match is None or line[:match.start].strip(" ,|-–—"):
        return None
    return match.date if _DATE_LINE_REST.match(line[match.end:]) else None


def combine(partial: ReleaseDate | None, other: ReleaseDate | None) -> ReleaseDate | None:
    """Fill a month-day from a year-month of the same month (` date 2018-03` + `7 mars`)."""
    if partial is None:
        return other
    if other is None:
        return partial
    if other.precision is DatePrecision.MONTH_DAY and partial.precision in (
            DatePrecision.MONTH, DatePrecision.YEAR, DatePrecision.DAY):
        year = int(partial.iso[:4])
        month, day = int(other.iso[2:4]), int(other.iso[5:7])
        if partial.precision is not DatePrecision.YEAR:
            known_month = int(partial.iso[5:7])
            if known_month == 1 and month == 12:
                year -= 1  # a January file reporting late December news
            elif known_month != month:
                return partial
        return make_date(year, month, day) or partial
    if _rank(other) > _rank(partial):
        return other
    return partial


def _rank(d: ReleaseDate) -> int:
    return {DatePrecision.YEAR: 0, DatePrecision.MONTH_DAY: 1, DatePrecision.MONTH: 1,
            DatePrecision.DAY: 2}[d.precision]


_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")


def complete_year(found: ReleaseDate | None, file_name: str, body: str) -> ReleaseDate | None:
    """Give a year-less date (`1er mars`) its year from a full date written near it.

    A full date in the file name (`2024-04-16_agency.txt`) lends its year when the day falls
    within a week of it (a re-post names the day of the event); in the text, only a full date
    of the same day counts (`2024-cü il aprelin 15-dən`). A bare year is never enough:
    releases cite other years all the time.
    """
    if found is None or found.precision is not DatePrecision.MONTH_DAY:
        return found
    month, day = int(found.iso[2:4]), int(found.iso[5:7])
    for m in _NAME_DATE.finditer(file_name):
        try:
            named = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
        for year in (named.year, named.year - 1, named.year + 1):  # across New Year
            candidate = make_date(year, month, day)
            if candidate is not None and abs((date.fromisoformat(candidate.iso) - named).days) <= 7:
                return candidate
    for match in find_dates(body[:5000]):
        if match.date.precision is DatePrecision.DAY and match.date.iso[5:] == found.iso[2:]:
            return match.date
    return found
