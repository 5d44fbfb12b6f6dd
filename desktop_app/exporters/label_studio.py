"""Label Studio JSON: an array of tasks, written as a stream; offsets in UTF-16 units.

Spans are `labels` regions (from_name "label"); an entity link is a per-region `textarea`
(from_name "entity") reusing the region id; an event is a region labelled with the event type
(from_name "event") on its trigger, with one `relation` per participant labelled with the role.
With option `predictions`, results go under `predictions` so Label Studio shows them as
pre-annotations.
"""

from __future__ import annotations

import json
from xml.sax.saxutils import quoteattr

from ..domain.export import ExportDocument, ExportSchema, needs_utf16, utf16_offsets
from .base import Exporter, iso

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def label_config(schema: ExportSchema) -> str:
    """The labeling config matching the export, to paste into a Label Studio project."""
    ents = "".join(f'<Label value={quoteattr(t.name)} background={quoteattr(t.colour)}/>'
                   for t in schema.entity_types)
    evs = "".join(f'<Label value={quoteattr(t.name)} background={quoteattr(t.colour)}/>'
                  for t in schema.event_types)
    roles = sorted({r for t in schema.event_types for r in t.roles})
    rels = "".join(f"<Relation value={quoteattr(r)}/>" for r in roles)
    return ('<View><Labels name="label" toName="text">' + ents + "</Labels>"
            '<Labels name="event" toName="text">' + evs + "</Labels>"
            '<Text name="text" value="$text"/>'
            '<TextArea name="entity" toName="text" perRegion="true"/>'
            "<Relations>" + rels + "</Relations></View>")


class LabelStudioExporter(Exporter):
    suffix = ".json"

    def begin(self, schema: ExportSchema, header: dict) -> None:
        super().begin(schema, header)
        self.as_predictions = bool(self.options.get("predictions"))
        self.out = open(self.stage, "w", encoding="utf-8")  # noqa: SIM115
        self.out.write("[\n")
        self.first = True

    def write_document(self, d: ExportDocument) -> None:
        text = d.text
        table = utf16_offsets(text) if needs_utf16(text) else None

        def u(i: int) -> int:
            return table[i] if table is not None else i

        result = []
        regions = {}
        for s in d.spans:
            rid = f"s{s.id}"
            regions[s.id] = rid
            value = {"start": u(s.start), "end": u(s.end), "text": s.text, "labels": [s.type]}
            result.append({"id": rid, "from_name": "label", "to_name": "text", "type": "labels",
                           "value": value, "origin": "manual",
                           "meta": {"text": [f"annotator: {s.created_by or ''}"]}})
            if s.entity_id is not None:
                result.append({"id": rid, "from_name": "entity", "to_name": "text",
                               "type": "textarea",
                               "value": {"start": u(s.start), "end": u(s.end),
                                         "text": [f"{s.entity_name} [E{s.entity_id}]"]}})
        spans = {s.id: s for s in d.spans}
        for e in d.events:
            trigger = spans.get(e.trigger_span_id)
            if trigger is None:
                self.summary.lose("event without a trigger span", example=f"{d.doc_name} "
                                  f"event {e.id}")
                continue
            eid = f"e{e.id}"
            result.append({"id": eid, "from_name": "event", "to_name": "text", "type": "labels",
                           "value": {"start": u(trigger.start), "end": u(trigger.end),
                                     "text": trigger.text, "labels": [e.type]}})
            if e.date_iso or e.location:
                self.summary.lose("event date or location")
            for p in e.participants:
                target = regions.get(p.span_id) if p.span_id is not None else None
                if target is None:
                    self.summary.lose("event participant given as an entity without a span")
                    continue
                result.append({"type": "relation", "from_id": eid, "to_id": target,
                               "direction": "right", "labels": [p.role]})
        task = {
            "id": d.id,
            "data": {"text": text, "release_id": d.id, "content_hash": d.content_hash,
                     "title": d.title, "language": d.language, "date": d.date_iso,
                     "source": d.source, "review_status": d.review_status,
                     "version_group": d.version_group},
        }
        if self.as_predictions:
            task["predictions"] = [{"model_version": "release-review", "result": result}]
        else:
            annotators = sorted({s.created_by for s in d.spans if s.created_by})
            task["annotations"] = [{
                "id": d.id, "result": result, "was_cancelled": False, "ground_truth": False,
                "lead_time": 0, "created_at": iso(max((s.created_at for s in d.spans),
                                                      default=d.imported_at)),
                "meta": {"annotators": annotators}}]
            task["predictions"] = []
        self.out.write(("" if self.first else ",\n") + _dumps(task))
        self.first = False

    def finish(self) -> None:
        self.out.write("\n]\n")
        super().finish()

    def close_files(self) -> None:
        out = getattr(self, "out", None)
        if out is not None and not out.closed:
            out.close()
