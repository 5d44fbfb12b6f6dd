"""doccano JSONL (relation-extraction shape): text, entities, relations, metadata keys.

Offsets are code points. doccano counts JavaScript string units unless its grapheme mode is
on, so releases with astral characters (emoji) are counted in the summary as a warning.
Events become an entity on the trigger labelled with the event type and one relation per
participant labelled with the role. Entity links travel as metadata (`entity_links`).
"""

from __future__ import annotations

import json

from ..domain.export import ExportDocument, needs_utf16
from .base import Exporter

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


class DoccanoExporter(Exporter):
    suffix = ".jsonl"

    def begin(self, schema, header) -> None:
        super().begin(schema, header)
        self.out = open(self.stage, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        self.astral = 0

    def write_document(self, d: ExportDocument) -> None:
        entities, relations, links = [], [], []
        ids: dict[int, int] = {}
        for s in d.spans:
            ids[s.id] = len(entities)
            entities.append({"id": len(entities), "label": s.type, "start_offset": s.start,
                             "end_offset": s.end})
            if s.entity_id is not None:
                links.append({"entity": ids[s.id], "entity_id": s.entity_id,
                              "name": s.entity_name})
        spans = {s.id: s for s in d.spans}
        for e in d.events:
            trigger = spans.get(e.trigger_span_id)
            if trigger is None:
                self.summary.lose("event without a trigger span",
                                  example=f"{d.doc_name} event {e.id}")
                continue
            tid = len(entities)
            entities.append({"id": tid, "label": e.type, "start_offset": trigger.start,
                             "end_offset": trigger.end})
            for p in e.participants:
                if p.span_id not in ids:
                    self.summary.lose("event participant given as an entity without a span")
                    continue
                relations.append({"id": len(relations), "from_id": tid, "to_id": ids[p.span_id],
                                  "type": p.role})
        text = d.text
        if needs_utf16(text):
            self.astral += 1
        record = {"id": d.id, "text": text, "entities": entities, "relations": relations,
                  "release_id": d.id, "content_hash": d.content_hash, "title": d.title,
                  "language": d.language, "date": d.date_iso, "source": d.source,
                  "review_status": d.review_status, "entity_links": links}
        self.out.write(_dumps(record))
        self.out.write("\n")

    def finish(self) -> None:
        if self.astral:
            self.summary.notes.append(
                f"{self.astral} releases contain characters outside the Basic Multilingual "
                "Plane (emoji): offsets here are code points; doccano counts UTF-16 units "
                "unless its grapheme mode is on, so turn that on before importing.")
        super().finish()

    def close_files(self) -> None:
        out = getattr(self, "out", None)
        if out is not None and not out.closed:
            out.close()
