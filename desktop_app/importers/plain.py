"""Text, markdown and HTML releases: one release per file."""

from __future__ import annotations

from pathlib import Path

from ..domain.enums import DatePrecision
from ..domain.errors import ImportFileError
from ..domain.releases import ParsedRelease
from . import html_text
from .dates import combine, complete_year, parse_date
from .encoding import decode_text
from .language import detect_language
from .layout import Layout, analyse

MAX_BODY_CHARS = 2_000_000


def release_from_layout(path: Path, layout: Layout) -> ParsedRelease:
    """The ParsedRelease of an analysed text; detects the language when none is given."""
    if not layout.title and not layout.body:
        raise ImportFileError("no text in the file")
    lang, confidence = _language(layout)
    layout.date = complete_year(layout.date, path.name, layout.body)
    return ParsedRelease(
        source_path=str(path), title=layout.title, body=layout.body,
        external_id=layout.external_id, language=lang, language_confidence=confidence,
        date=layout.date, dateline=layout.dateline, url=layout.url, source=layout.source,
        metadata=dict(layout.metadata),
    )


def _language(layout: Layout) -> tuple[str | None, float]:
    given = (layout.language or "").strip().lower().replace("_", "-").split("-")[0]
    if given and given.isalpha() and 2 <= len(given) <= 3:
        return given, 1.0
    return detect_language(f"{layout.title}\n{layout.body}" if layout.title else layout.body)


def read_text_file(path: Path, data: bytes) -> list[ParsedRelease]:
    text = decode_text(data)
    if len(text) > MAX_BODY_CHARS:
        raise ImportFileError("too much text for one release")
    layout = analyse(text, markdown=path.suffix.lower() == ".md")
    return [release_from_layout(path, layout)]


def read_html_file(path: Path, data: bytes) -> list[ParsedRelease]:
    doc = html_text.extract(decode_text(data))
    if not doc.text.strip():
        raise ImportFileError("no text in the HTML page")
    if len(doc.text) > MAX_BODY_CHARS:
        raise ImportFileError("too much text for one release")
    text = doc.text
    if doc.heading and not text.startswith(doc.heading):
        text = f"{doc.heading}\n\n{text}"  # the heading sits outside the article text
    layout = analyse(text, fallback_title=doc.heading)
    page_date = parse_date(doc.date) if doc.date else None
    if layout.date is None or layout.date.precision is not DatePrecision.DAY:
        # The page's machine-readable date gives the year a "3 Feb" in the text lacks.
        layout.date = combine(page_date, layout.date)
    layout.url = layout.url or doc.url or None
    layout.source = layout.source or doc.source or None
    if doc.lang:
        # Kept aside: a page's lang is often the site's default, not the article's.
        layout.metadata.setdefault("html_lang", doc.lang)
    return [release_from_layout(path, layout)]
