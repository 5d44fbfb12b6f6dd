"""Header lines at the top of a text release: `Title:`/`Date:`/`URL:` blocks, markdown front
matter, a leading ` date 2018-03` line, and datelines such as `Bakou, 7 mars, AZERTAC`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..domain.releases import ReleaseDate
from .dates import date_line, find_date

_KEYS = {
    "title": "title", "titre": "title", "titel": "title", "título": "title", "titulo": "title",
    "başlıq": "title", "başlık": "title", "заголовок": "title", "заголовок новини": "title",
    "headline": "title", "subject": "title",
    "date": "date", "datum": "date", "fecha": "date", "tarix": "date", "tarih": "date",
    "дата": "date", "published": "date", "pubdate": "date", "publication date": "date",
    "date de publication": "date",
    "url": "url", "link": "url", "source url": "url", "lien": "url", "ссылка": "url",
    "source": "source", "источник": "source", "джерело": "source", "mənbə": "source",
    "kaynak": "source", "quelle": "source", "fuente": "source", "agency": "source",
    "lang": "lang", "language": "lang", "langue": "lang", "dil": "lang", "язык": "lang",
    "id": "id", "dateline": "dateline",
}
_HEADER = re.compile(r"[ \t]*(?P<key>[^\W\d_][^\n:]{0,24}):(?P<value>.*)")
MAX_HEADER_LINE = 2000
_LEADING_DATE = re.compile(
    r"^\s*date\s*[:=]?\s*(?P<date>(?:19|20)\d\d(?:-\d\d){0,2})(?![\d-])[ \t]*(?P<rest>.*)$",
    re.IGNORECASE)
_DATELINE = re.compile(
    r"^(?P<place>[^\W\d_][^\W\d_ .'’-]*(?:[ .'’-]{1,2}[^\W\d_]+){0,3}),\s*"
    r"(?P<date>[^,()\n]{3,40}?)\s*"
    r"(?:,\s*(?P<src1>[^\W\d_][\w.&’'-]*(?:\s[\w.&’'-]+){0,3}?)|\((?P<src2>[^()\n]{2,40})\))"
    r"\s*(?:$|[-–—:.]+\s+|\.$)")
# A place and a date alone on a line: "Baku, 12 March 2023".
_PLACE_DATE = re.compile(
    r"^(?P<place>[^\W\d_][^\W\d_ .'’-]*(?:[ .'’-]{1,2}[^\W\d_]+){0,3}),\s*"
    r"(?P<date>[^,()\n]{3,60})$")


@dataclass
class HeaderInfo:
    fields: dict[str, str] = field(default_factory=dict)    # known keys, normalised
    extra: dict[str, str] = field(default_factory=dict)     # other `Key: value` lines
    leading_date: ReleaseDate | None = None


@dataclass(frozen=True, slots=True)
class Dateline:
    text: str
    date: ReleaseDate | None
    source: str
    rest: str        # body text that follows the dateline on the same line


def read_header_block(lines: list[str], start: int) -> tuple[HeaderInfo, int]:
    """Parse header lines from `start`; return them and the index of the first other line."""
    info = HeaderInfo()
    i = start
    if i < len(lines) and lines[i].strip() == "---":  # markdown front matter
        end = next((j for j in range(i + 1, min(len(lines), i + 60))
                    if lines[j].strip() == "---"), None)
        if end is not None:
            for line in lines[i + 1:end]:
                _add_field(info, line, allow_unknown=True)
            i = end + 1
    while i < len(lines):
        if not _add_field(info, lines[i], allow_unknown=bool(info.fields)):
            break
        i += 1
    if info.fields or info.extra:
        while i < len(lines) and not lines[i].strip():
            i += 1
    else:
        info, i = HeaderInfo(), start  # no block: nothing consumed
    return info, i


def _add_field(info: HeaderInfo, line: str, allow_unknown: bool) -> bool:
    if len(line) > MAX_HEADER_LINE:
        return False
    m = _HEADER.match(line)
    if m is None:
        return False
    key = m.group("key").strip().casefold()
    value = m.group("value").strip().strip('"')
    name = _KEYS.get(key)
    if name is None:
        if not allow_unknown or len(key.split()) > 3 or not value or "http" in key:
            return False
        info.extra[m.group("key").strip()] = value
        return True
    if value:
        info.fields.setdefault(name, value)
    return True


def read_leading_date(line: str) -> tuple[ReleaseDate | None, str] | None:
    """` date 2018-03 Bakou, 7 mars, AZERTAC` -> (2018-03, "Bakou, 7 mars, AZERTAC")."""
    m = _LEADING_DATE.match(line)
    if m is None:
        return None
    found = find_date(m.group("date"))
    return (found.date if found else None), m.group("rest").strip()


def read_dateline(line: str) -> Dateline | None:
    """`Baku, 12 March, AZERTAC` (also `BAKU, March 12 (Reuters) - text`), else None."""
    if len(line) > 4000:
        line = line[:4000]
    m = _DATELINE.match(line.strip())
    if m is None:
        alone = _PLACE_DATE.match(line.strip())
        when = date_line(alone.group("date")) if alone else None
        if when is None:
            return None
        return Dateline(text=line.strip(), date=when, source="", rest="")
    when = date_line(m.group("date"))
    if when is None:
        return None
    source = (m.group("src1") or m.group("src2") or "").strip()
    if not source or len(source) > 40:
        return None
    rest = line.strip()[m.end():].strip()
    text = line.strip()[:m.end()].rstrip(" -–—:.")
    return Dateline(text=text, date=when, source=source, rest=rest)
