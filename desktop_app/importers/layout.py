"""Find title, date, dateline and the clean body in the text of one release.

Order of the top of a release, each part optional: header block, ` date` line, dateline,
title, then pre-body matter (teaser, section label, date line, the title again), then body,
then site furniture.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..domain.releases import ReleaseDate
from . import boilerplate
from .dates import combine, date_line, parse_date
from .headers import Dateline, read_dateline, read_header_block, read_leading_date
from .titles import clean_title, repair_lost_diacritics

PRE_BODY_LINES = 12
MAX_TEASER_CHARS = 1500
_TITLE_END_BAD = tuple(".,;:")


@dataclass
class Layout:
    title: str = ""
    body: str = ""
    date: ReleaseDate | None = None
    dateline: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    external_id: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def looks_like_title(line: str) -> bool:
    line = line.strip()
    if not line or len(line) > 250 or line.endswith(_TITLE_END_BAD) and not line.endswith("..."):
        return False
    if len(line.split()) > 40 or date_line(line) or boilerplate.is_footer(line):
        return False
    return any(ch.isalpha() for ch in line)


def _next_content(lines: list[str], i: int) -> int:
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i


class _Reader:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.dates: list[ReleaseDate] = []
        self.dateline: Dateline | None = None

    def take_dateline(self, i: int) -> int:
        """Consume a dateline at line i; its trailing text stays as the line's content."""
        if i >= len(self.lines) or self.dateline is not None:
            return i
        found = read_dateline(self.lines[i])
        if found is None:
            return i
        self.dateline = found
        if found.date:
            self.dates.append(found.date)
        if found.rest:
            self.lines[i] = found.rest
            return i
        return _next_content(self.lines, i + 1)

    def skip_labels(self, i: int) -> int:
        """Section labels and date lines above the title."""
        while i < len(self.lines) and (boilerplate.is_section_label(self.lines[i])
                                       or self._note_date(self.lines[i])):
            i = _next_content(self.lines, i + 1)
        return i

    def skip_pre_body(self, i: int, title: str) -> int:
        """Skip teaser, section labels, date lines and a repeated title before the body."""
        key = _norm(title) if title else None
        window = self.lines[i:i + PRE_BODY_LINES]
        if key:
            low, high = len(key) * 0.8, len(key) * 1.5 + 8
            for j, line in enumerate(window):
                if low <= len(line) <= high and _norm(line) == key:
                    if not all(self._pre_body_like(x, key) for x in window[:j]):
                        break  # real paragraphs before it: the title is quoted in the body
                    for skipped in window[:j]:
                        self._note_date(skipped)
                    return _next_content(self.lines, i + j + 1)
        while i < len(self.lines):
            line = self.lines[i]
            if not line.strip():
                i += 1
            elif key and _norm(line) == key:
                i += 1
            elif boilerplate.is_section_label(line) or self._note_date(line):
                i += 1
            elif self.dateline is None and read_dateline(line) is not None:
                after = self.take_dateline(i)
                if after == i:  # the body goes on after the dateline on the same line
                    break
                i = after
            elif self._is_teaser(i, key):
                i += 1
            else:
                break
        return i

    @staticmethod
    def _pre_body_like(line: str, title_key: str) -> bool:
        """Blank, short label, date, dateline, or a teaser that starts with the title."""
        text = line.strip()
        return (len(text) <= 60 or _norm(text[:len(title_key) * 2]).startswith(title_key)
                or (len(text) <= MAX_TEASER_CHARS and _looks_cut(text)))

    def _note_date(self, line: str) -> bool:
        when = date_line(line)
        if when is not None:
            self.dates.append(when)
        return when is not None

    def _is_teaser(self, i: int, title_key: str | None) -> bool:
        """A paragraph that repeats the title and/or the start of a later paragraph."""
        line = self.lines[i]
        if len(line) > MAX_TEASER_CHARS:
            return False
        text = _norm(line.rstrip(" \t.…"))
        if title_key and text.startswith(title_key):
            text = text[len(title_key):].strip()
            if not text:
                return True
        # A teaser is cut short: it ends with an ellipsis or in the middle of a sentence.
        if len(text) < 30 or not _looks_cut(line):
            return False
        later = self.lines[i + 1:i + 1 + PRE_BODY_LINES * 2]
        prefix = 2 * len(text) + 16  # whitespace may shrink when normalised; keep spare
        return any(_norm(x[:prefix]).startswith(text) for x in later if len(x) > len(text))


def _looks_cut(line: str) -> bool:
    end = line.rstrip()
    return end.endswith(("...", "…")) or not end.endswith(tuple(".!?»\"”)"))


def analyse(text: str, markdown: bool = False, fallback_title: str = "") -> Layout:
    lines = [line.rstrip() for line in text.split("\n")]
    out = Layout()
    reader = _Reader(lines)
    i = _next_content(lines, 0)
    header, i = read_header_block(lines, i)
    fields = header.fields
    out.metadata.update(header.extra)
    if i < len(lines):
        leading = read_leading_date(lines[i])
        if leading is not None:
            header.leading_date, rest = leading
            if rest:
                lines[i] = rest
            else:
                i = _next_content(lines, i + 1)
    i = reader.take_dateline(i)
    i = reader.skip_labels(i)
    title = clean_title(fields.get("title", ""))
    if not title and i < len(lines):
        first = clean_title(lines[i]) if markdown else lines[i].strip()
        after = _next_content(lines, i + 1)
        if after < len(lines) and looks_like_title(first) and (
                reader.dateline is None or len(first) < len(lines[after])):
            title, i = first, after
            i = reader.take_dateline(i)
    if not title and fallback_title:
        title = clean_title(fallback_title)
    i = reader.skip_pre_body(i, title)
    body_lines = boilerplate.strip_trailing(lines[i:])
    out.body = _join_paragraphs(body_lines)
    out.title = repair_lost_diacritics(title, out.body) if title else ""
    out.date = _choose_date(fields.get("date"), header.leading_date, reader.dates)
    if reader.dateline is not None:
        out.dateline = reader.dateline.text
        out.source = reader.dateline.source or None
    out.dateline = fields.get("dateline", out.dateline)
    out.url = fields.get("url")
    out.source = fields.get("source") or out.source or _host(out.url)
    out.language = fields.get("lang")
    out.external_id = fields.get("id")
    return out


def _choose_date(field_value: str | None, leading: ReleaseDate | None,
                 found: list[ReleaseDate]) -> ReleaseDate | None:
    best = parse_date(field_value) if field_value else None
    best = combine(best, leading) if best else leading
    for when in found:
        best = combine(best, when)
    return best


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


def _join_paragraphs(lines: list[str]) -> str:
    """Lines as written, with runs of blank lines reduced to one."""
    out: list[str] = []
    blank = False
    for line in lines:
        if line.strip():
            if blank and out:
                out.append("")
            out.append(line.strip())
            blank = False
        else:
            blank = True
    return "\n".join(out)
