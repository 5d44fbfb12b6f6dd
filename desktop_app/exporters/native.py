"""Native JSONL: every field of every record, one JSON object per line; and its reader.

Line order: header, schema, entities, releases (each with its spans, events, files and
rejected suggestions), duplicate pairs, end. The end line carries the counts, so a truncated
file is recognised on import. See docs/export-formats.md for the field list.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from ..domain.errors import ImportFileError
from ..domain.export import (
    NATIVE_FORMAT,
    NATIVE_SCHEMA_VERSION,
    ExportAlias,
    ExportDocument,
    ExportEntity,
    ExportEvent,
    ExportFile,
    ExportPair,
    ExportParticipant,
    ExportSchema,
    ExportSpan,
    RejectedSuggestion,
    TypeDef,
)
from .base import Exporter, iso

encode_basestring = json.encoder.encode_basestring

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


class NativeExporter(Exporter):
    carries_pairs = True
    suffix = ".jsonl"

    def begin(self, schema: ExportSchema, header: dict) -> None:
        super().begin(schema, header)
        self.out = open(self.stage, "w", encoding="utf-8", newline="\n",  # noqa: SIM115
                        buffering=1 << 20)
        self.counts = {"releases": 0, "spans": 0, "events": 0, "pairs": 0, "entities": 0}
        self._line({"record": "header", "format": NATIVE_FORMAT,
                    "schema_version": NATIVE_SCHEMA_VERSION, **header})
        self._line({"record": "schema",
                    "entity_types": [_typedef(t) for t in schema.entity_types],
                    "event_types": [_typedef(t) for t in schema.event_types]})

    def _line(self, obj: dict) -> None:
        self.out.write(_dumps(obj))
        self.out.write("\n")

    def write_entities(self, batch: list[ExportEntity]) -> None:
        write = self.out.write
        for e in batch:
            write(_dumps({"record": "entity", "id": e.id, "type": e.type,
                          "name": e.canonical_name, "merged_into": e.merged_into,
                          "created_by": e.created_by, "created_at": iso(e.created_at),
                          "aliases": [{"alias": a.alias, "key": a.key, "language": a.language}
                                      for a in e.aliases]}))
            write("\n")
        self.counts["entities"] += len(batch)

    def write_document(self, d: ExportDocument) -> None:
        # Spans are most of the volume: they are written by hand (same JSON the encoder would
        # give), which halves the time of a large export.
        head = _dumps(document_record(d, spans=False))
        self.out.write(f'{head[:-1]},"spans":[{",".join([_span_json(s) for s in d.spans])}]}}\n')
        self.counts["releases"] += 1
        self.counts["spans"] += len(d.spans)
        self.counts["events"] += len(d.events)

    def write_pairs(self, batch: list[ExportPair]) -> None:
        write = self.out.write
        for p in batch:
            write(_dumps({"record": "pair", "id": p.id, "a": p.release_a, "b": p.release_b,
                          "a_hash": p.hash_a, "b_hash": p.hash_b, "kind": p.kind,
                          "score": p.score, "evidence": p.evidence, "status": p.status,
                          "decided_by": p.decided_by, "decided_at": iso(p.decided_at),
                          "found_at": iso(p.found_at)}))
            write("\n")
        self.counts["pairs"] += len(batch)

    def finish(self) -> None:
        self._line({"record": "end", **self.counts})
        super().finish()

    def close_files(self) -> None:
        out = getattr(self, "out", None)
        if out is not None and not out.closed:
            out.close()


def _typedef(t: TypeDef) -> dict:
    out = {"name": t.name, "colour": t.colour, "shortcut": t.shortcut, "position": t.position}
    if t.roles:
        out["roles"] = list(t.roles)
    return out


def _span_json(s: ExportSpan, q=encode_basestring) -> str:
    entity = "null" if s.entity_id is None else int(s.entity_id)
    who = "null" if s.created_by is None else q(s.created_by)
    return (f'{{"id":{int(s.id)},"start":{int(s.start)},"end":{int(s.end)},"text":{q(s.text)},'
            f'"type":{q(s.type)},"entity":{entity},"created_by":{who},'
            f'"created_at":"{s.created_at.isoformat()}"}}')


def document_record(d: ExportDocument, spans: bool = True) -> dict:
    record = {
        "record": "release", "id": d.id, "content_hash": d.content_hash,
        "external_id": d.external_id, "source_path": d.source_path, "title": d.title,
        "body": d.body, "language": d.language, "language_confidence": d.language_confidence,
        "date": d.date_iso, "date_precision": d.date_precision, "dateline": d.dateline,
        "url": d.url, "source": d.source, "imported_at": iso(d.imported_at),
        "review_status": d.review_status, "metadata": d.metadata, "match_keys": d.match_keys,
        "version_group": d.version_group, "tag_count": d.tag_count,
        "duplicate_count": d.duplicate_count,
        "events": [{"id": e.id, "type": e.type, "trigger": e.trigger_span_id,
                    "date": e.date_iso, "location": e.location, "event_group": e.event_group,
                    "created_by": e.created_by, "created_at": iso(e.created_at),
                    "participants": [{"role": p.role, "span": p.span_id, "entity": p.entity_id}
                                     for p in e.participants]} for e in d.events],
        "files": [{"source_path": f.source_path, "file_hash": f.file_hash,
                   "external_id": f.external_id} for f in d.files],
        "rejected_suggestions": [{"start": r.start, "end": r.end, "entity": r.entity_id}
                                 for r in d.rejected],
    }
    if spans:
        record["spans"] = [json.loads(_span_json(s)) for s in d.spans]
    return record


# --- reading -----------------------------------------------------------------------------

NativeRecord = tuple[str, object]


def read_native(path: Path) -> Iterator[NativeRecord]:
    """Records of a native export, typed: ("header", dict), ("schema", ExportSchema),
    ("entity", ExportEntity), ("release", ExportDocument), ("pair", ExportPair), ("end", dict).

    Raises ImportFileError naming the line for anything malformed, and when the end line is
    missing (a truncated file).
    """
    try:
        fh = open(path, encoding="utf-8-sig")  # noqa: SIM115
    except OSError as exc:
        raise ImportFileError(f"Cannot read {path}: {exc.strerror or exc}") from exc
    with fh:
        seen_end = False
        first = True
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            if seen_end:
                raise ImportFileError(f"{path}, line {number}: data after the end record.")
            try:
                obj = json.loads(line)
                if not isinstance(obj, dict):
                    raise ValueError("a line is not a JSON object")
                kind = obj.get("record")
                if first or kind == "header":
                    _check_header(obj, first)
                    first = False
                    yield "header", obj
                    continue
                parser = _PARSERS.get(kind)
                if parser is None:
                    raise ValueError(f"unknown record type {kind!r}")
                if kind == "end":
                    seen_end = True
                yield kind, parser(obj)
            except ImportFileError as exc:
                raise ImportFileError(f"{path}, line {number}: {exc}") from exc
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                raise ImportFileError(
                    f"{path}, line {number}: not a valid Release Review export record "
                    f"({type(exc).__name__}: {exc}).") from exc
        if not seen_end:
            raise ImportFileError(
                f"{path} ends without its end record: the file is truncated or not a "
                "Release Review export. Nothing was imported from it.")


def _check_header(obj: dict, first: bool) -> None:
    if obj.get("record") != "header" or obj.get("format") != NATIVE_FORMAT or not first:
        raise ImportFileError("this is not a Release Review JSONL export (no header line).")
    version = obj.get("schema_version")
    if not isinstance(version, int) or version > NATIVE_SCHEMA_VERSION:
        raise ImportFileError(
            f"the export uses schema version {version}; this version of the app reads up to "
            f"{NATIVE_SCHEMA_VERSION}. Update the app to import it.")


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value is not None else None


def _parse_schema(obj: dict) -> ExportSchema:
    def typedef(t: dict) -> TypeDef:
        return TypeDef(t["name"], t["colour"], t.get("shortcut"), int(t.get("position", 0)),
                       tuple(t.get("roles", ())))
    return ExportSchema(tuple(typedef(t) for t in obj["entity_types"]),
                        tuple(typedef(t) for t in obj["event_types"]))


def _parse_entity(o: dict) -> ExportEntity:
    return ExportEntity(
        id=int(o["id"]), type=o["type"], canonical_name=o["name"], merged_into=o["merged_into"],
        created_by=o["created_by"], created_at=_dt(o["created_at"]),
        aliases=tuple(ExportAlias(a["alias"], a["key"], a["language"]) for a in o["aliases"]))


def parse_document(o: dict) -> ExportDocument:
    spans = tuple(ExportSpan(int(s["id"]), int(s["start"]), int(s["end"]), s["text"], s["type"],
                             s["entity"], None, s["created_by"], _dt(s["created_at"]))
                  for s in o["spans"])
    text = o["title"] + "\n\n" + o["body"] if o["title"] else o["body"]
    if not unicodedata.is_normalized("NFC", text):
        raise ValueError(f"release {o['id']}: the text is not NFC-normalised (was it edited?)")
    for s in spans:
        if not (0 <= s.start < s.end <= len(text)) or text[s.start:s.end] != s.text:
            raise ValueError(f"span {s.id} ({s.start}-{s.end}) does not match the release text")
    events = tuple(ExportEvent(
        int(e["id"]), e["type"], e["trigger"], e["date"], e["location"], e["event_group"],
        e["created_by"], _dt(e["created_at"]),
        tuple(ExportParticipant(p["role"], p["span"], p["entity"]) for p in e["participants"]))
        for e in o["events"])
    return ExportDocument(
        id=int(o["id"]), content_hash=o["content_hash"], external_id=o["external_id"],
        source_path=o["source_path"], title=o["title"], body=o["body"], language=o["language"],
        language_confidence=float(o["language_confidence"]), date_iso=o["date"],
        date_precision=o["date_precision"], dateline=o["dateline"], url=o["url"],
        source=o["source"], imported_at=_dt(o["imported_at"]), review_status=o["review_status"],
        metadata=dict(o["metadata"] or {}), match_keys=o["match_keys"],
        version_group=o["version_group"], tag_count=int(o["tag_count"]),
        duplicate_count=int(o["duplicate_count"]), spans=spans, events=events,
        files=tuple(ExportFile(f["source_path"], f["file_hash"], f["external_id"])
                    for f in o["files"]),
        rejected=tuple(RejectedSuggestion(int(r["start"]), int(r["end"]), int(r["entity"]))
                       for r in o["rejected_suggestions"]))


def _parse_pair(o: dict) -> ExportPair:
    return ExportPair(
        id=int(o["id"]), release_a=int(o["a"]), release_b=int(o["b"]), hash_a=o["a_hash"],
        hash_b=o["b_hash"], kind=o["kind"], score=float(o["score"]),
        evidence=dict(o["evidence"] or {}), status=o["status"], decided_by=o["decided_by"],
        decided_at=_dt(o["decided_at"]), found_at=_dt(o["found_at"]))


_PARSERS = {
    "schema": _parse_schema,
    "entity": _parse_entity,
    "release": parse_document,
    "pair": _parse_pair,
    "end": lambda o: {k: v for k, v in o.items() if k != "record"},
}
