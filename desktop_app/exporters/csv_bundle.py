"""CSV bundle for spreadsheets: releases, mentions, entities, events, event roles, duplicates.

RFC 4180 quoting, UTF-8 with a byte-order mark so Excel opens the files as UTF-8. Offsets are
Unicode code points (the README.txt in the bundle says so), end-exclusive.
"""

from __future__ import annotations

import csv
import unicodedata

from ..domain.export import ExportDocument, ExportEntity, ExportPair, ExportSchema
from .base import Exporter, iso

FILES = {
    "releases.csv": ["doc_id", "content_hash", "external_id", "lang", "date", "source", "title",
                     "status", "version_group", "spans", "events"],
    "mentions.csv": ["doc_id", "lang", "ann_id", "label", "start", "end", "text", "entity_id",
                     "entity_name", "annotator", "created_at", "status"],
    "entities.csv": ["entity_id", "type", "canonical_name", "merged_into", "aliases_latin",
                     "aliases_cyrillic", "aliases_other", "created_by", "created_at"],
    "events.csv": ["doc_id", "event_id", "type", "trigger_ann_id", "trigger_text", "date",
                   "location", "event_group", "annotator", "created_at"],
    "event_roles.csv": ["event_id", "doc_id", "role", "ann_id", "text", "entity_id",
                        "entity_name"],
    "duplicates.csv": ["pair_id", "doc_a", "doc_b", "hash_a", "hash_b", "kind", "score",
                       "decision", "reviewer", "decided_at"],
}

README = """\
Release Review CSV bundle
=========================

Files are RFC 4180 CSV, UTF-8 with a byte-order mark.
Offsets (start, end in mentions.csv) are Unicode code points, 0-based, end-exclusive, over the
release text: the title, two line breaks, then the body (NFC normalised). They are not UTF-16
units and not bytes.

releases.csv     one row per release (doc_id is the release id in the exporting database)
mentions.csv     one row per tagged span; entity_id links to entities.csv
entities.csv     the knowledge base; aliases grouped by script, separated by " | "
events.csv       one row per event; trigger_ann_id points to mentions.csv ann_id
event_roles.csv  one row per event participant (a span, an entity, or both)
duplicates.csv   candidate and decided duplicate pairs; decision is candidate/confirmed/rejected
"""


def script_of(text: str) -> str:
    """latin, cyrillic or other, after the first letter of `text`."""
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            if name.startswith("LATIN"):
                return "latin"
            if name.startswith("CYRILLIC"):
                return "cyrillic"
            return "other"
    return "other"


class CsvBundleExporter(Exporter):
    carries_pairs = True
    folder = True

    def begin(self, schema: ExportSchema, header: dict) -> None:
        super().begin(schema, header)
        self.summary.notes.append("CSV bundle: release titles only, not bodies (use jsonl for "
                                  "the full text); pair evidence is left out.")
        (self.stage / "README.txt").write_text(README, encoding="utf-8")
        self.handles = {}
        self.writers = {}
        for name, columns in FILES.items():
            fh = open(self.stage / name, "w", encoding="utf-8-sig", newline="")  # noqa: SIM115
            self.handles[name] = fh
            self.writers[name] = csv.writer(fh, lineterminator="\r\n")
            self.writers[name].writerow(columns)

    def write_entities(self, batch: list[ExportEntity]) -> None:
        w = self.writers["entities.csv"]
        for e in batch:
            groups: dict[str, list[str]] = {"latin": [], "cyrillic": [], "other": []}
            for a in e.aliases:
                groups[script_of(a.alias)].append(a.alias)
            w.writerow([e.id, e.type, e.canonical_name, _s(e.merged_into),
                        " | ".join(groups["latin"]), " | ".join(groups["cyrillic"]),
                        " | ".join(groups["other"]), _s(e.created_by), iso(e.created_at)])

    def write_document(self, d: ExportDocument) -> None:
        self.writers["releases.csv"].writerow([
            d.id, d.content_hash, _s(d.external_id), _s(d.language), _s(d.date_iso),
            _s(d.source), d.title, d.review_status, _s(d.version_group), len(d.spans),
            len(d.events)])
        mentions = self.writers["mentions.csv"]
        by_id = {}
        for s in d.spans:
            by_id[s.id] = s
            mentions.writerow([d.id, _s(d.language), s.id, s.type, s.start, s.end, s.text,
                               _s(s.entity_id), _s(s.entity_name), _s(s.created_by),
                               iso(s.created_at), d.review_status])
        events = self.writers["events.csv"]
        roles = self.writers["event_roles.csv"]
        for e in d.events:
            trigger = by_id.get(e.trigger_span_id)
            events.writerow([d.id, e.id, e.type, _s(e.trigger_span_id),
                             trigger.text if trigger else "", _s(e.date_iso), _s(e.location),
                             _s(e.event_group), _s(e.created_by), iso(e.created_at)])
            for p in e.participants:
                span = by_id.get(p.span_id)
                entity = p.entity_id if p.entity_id is not None else (
                    span.entity_id if span else None)
                roles.writerow([e.id, d.id, p.role, _s(p.span_id), span.text if span else "",
                                _s(entity), _s(span.entity_name) if span else ""])

    def write_pairs(self, batch: list[ExportPair]) -> None:
        w = self.writers["duplicates.csv"]
        for p in batch:
            w.writerow([p.id, p.release_a, p.release_b, p.hash_a, p.hash_b, p.kind,
                        f"{p.score:.4f}", p.status, _s(p.decided_by), iso(p.decided_at)])

    def close_files(self) -> None:
        for fh in getattr(self, "handles", {}).values():
            if not fh.closed:
                fh.close()


def _s(value: object) -> str:
    return "" if value is None else str(value)
