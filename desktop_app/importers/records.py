"""JSONL and CSV files: one release per record.

Fields `id, title, text, lang, date, url, source`; any other field is kept as metadata
(as a string). A malformed record is skipped and reported; a file with no usable record
at all is refused.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..domain.errors import ImportFileError
from ..domain.releases import ParsedRelease
from .dates import parse_date
from .encoding import clean_text, decode_text
from .layout import Layout, analyse
from .plain import release_from_layout

KNOWN_FIELDS = ("id", "title", "text", "lang", "date", "url", "source")
ALIASES = {"body": "text", "content": "text", "language": "lang", "headline": "title",
           "link": "url", "published": "date"}
MAX_PROBLEMS_LISTED = 20
MAX_FIELD_CHARS = 8 * 1024 * 1024

csv.field_size_limit(MAX_FIELD_CHARS)


class ReadResult(list[ParsedRelease]):
    """Releases of one file plus the records that were skipped, with their reasons."""

    def __init__(self, releases: Iterable[ParsedRelease] = (),
                 problems: Iterable[str] = ()) -> None:
        super().__init__(releases)
        self.problems: list[str] = list(problems)


class RecordError(ValueError):
    """One record cannot be used."""


def _text_value(value: object, name: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, int | float) and not isinstance(value, bool) and name in ("id", "date"):
        return str(value)
    raise RecordError(f"field {name!r} is not text")


def _meta_value(value: object) -> str:
    if isinstance(value, str):
        return clean_text(value)
    return json.dumps(value, ensure_ascii=False)


def record_release(path: Path, record: dict[object, object]) -> ParsedRelease:
    fields: dict[str, str] = {}
    metadata: dict[str, str] = {}
    for raw_key, value in record.items():
        if raw_key is None:
            raise RecordError("more values than columns")
        key = str(raw_key).strip()
        name = ALIASES.get(key.casefold(), key.casefold())
        if name in KNOWN_FIELDS:
            fields[name] = _text_value(value, name).strip()
        elif value is not None:
            metadata[key] = _meta_value(value)
    text = fields.get("text", "")
    title = fields.get("title", "")
    if not text and not title:
        raise RecordError("no title and no text")
    layout = analyse(text) if not title else Layout(title=title, body=text.strip())
    if title and layout.title != title:
        layout.title = title
    layout.metadata = {**layout.metadata, **metadata}
    if fields.get("date"):
        layout.date = parse_date(fields["date"]) or layout.date
        if layout.date is None:
            layout.metadata.setdefault("date", fields["date"])
    layout.url = fields.get("url") or layout.url
    layout.source = fields.get("source") or layout.source
    layout.language = fields.get("lang") or layout.language
    layout.external_id = fields.get("id") or layout.external_id
    return release_from_layout(path, layout)


def _collect(path: Path, records: Iterator[tuple[int, dict[object, object] | str]],
             kind: str) -> ReadResult:
    result = ReadResult()
    bad = 0
    for line_no, record in records:
        try:
            if isinstance(record, str):
                raise RecordError(record)
            result.append(record_release(path, record))
        except (RecordError, ImportFileError) as exc:
            bad += 1
            if len(result.problems) < MAX_PROBLEMS_LISTED:
                result.problems.append(f"{kind} line {line_no}: {exc}")
    if bad > MAX_PROBLEMS_LISTED:
        result.problems.append(f"... {bad - MAX_PROBLEMS_LISTED} more records skipped")
    if not result:
        detail = f" ({result.problems[0]})" if result.problems else ""
        raise ImportFileError(f"no usable record in the {kind} file{detail}")
    return result


def _jsonl_records(text: str) -> Iterator[tuple[int, dict[object, object] | str]]:
    for line_no, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except (ValueError, RecursionError) as exc:
            yield line_no, f"invalid JSON ({str(exc)[:80]})"
            continue
        if not isinstance(value, dict):
            yield line_no, "not a JSON object"
            continue
        yield line_no, value


def read_jsonl(path: Path, data: bytes) -> ReadResult:
    return _collect(path, _jsonl_records(decode_text(data)), "JSONL")


def _csv_records(text: str) -> Iterator[tuple[int, dict[object, object] | str]]:
    # The header line decides the delimiter: field names never contain one.
    first = text[:text.find("\n")] if "\n" in text[:65536] else text[:65536]
    delimiter = max(",;\t|", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except (csv.Error, StopIteration) as exc:
        raise ImportFileError(f"CSV header unreadable: {exc}") from exc
    names = [h.strip().lstrip("\ufeff") for h in header]
    known = {ALIASES.get(n.casefold(), n.casefold()) for n in names}
    if not known & {"text", "title"}:
        raise ImportFileError("CSV header has no 'text' or 'title' column")
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield reader.line_num, f"malformed CSV ({exc})"
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(names):
            yield reader.line_num, f"{len(row)} values for {len(names)} columns"
            continue
        yield reader.line_num, dict(zip(names, row, strict=False))


def read_csv(path: Path, data: bytes) -> ReadResult:
    return _collect(path, _csv_records(decode_text(data)), "CSV")
