"""W3C Web Annotation JSON-LD: one AnnotationCollection whose first page holds every item.

A span is an Annotation tagging its type (and identifying its entity) with a target carrying a
TextPositionSelector (code points, end-exclusive) and a TextQuoteSelector (exact text with 32
characters of context each side). Events and duplicate pairs have no native type: they are
`linking` annotations whose targets are the annotations (or releases) they join; roles, scores
and decisions use terms under the `rr:` prefix declared in the context.
"""

from __future__ import annotations

import json
import uuid

from ..domain.export import ExportDocument, ExportPair, ExportSchema
from .base import Exporter

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
RR = "urn:release-review:vocab#"
QUOTE_CONTEXT = 32

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def release_iri(content_hash: str) -> str:
    return f"urn:release-review:release:{content_hash}"


def span_iri(span_id: int) -> str:
    return f"urn:release-review:span:{span_id}"


def entity_iri(entity_id: int) -> str:
    return f"urn:release-review:entity:{entity_id}"


def _when(value) -> str | None:
    # Stored times are UTC without a zone; xsd:dateTime readers want the zone spelled out.
    return value.isoformat() + "Z" if value is not None else None


def _creator(name: str | None) -> dict | None:
    return {"type": "Person", "nickname": name} if name else None


def _clean(obj: dict) -> dict:
    return {k: v for k, v in obj.items() if v is not None}


class WebAnnotationExporter(Exporter):
    carries_pairs = True
    suffix = ".jsonld"

    def begin(self, schema: ExportSchema, header: dict) -> None:
        super().begin(schema, header)
        self.out = open(self.stage, "w", encoding="utf-8")  # noqa: SIM115
        self.items = 0
        head = {"@context": [ANNO_CONTEXT, {"rr": RR}],
                "id": f"urn:uuid:{uuid.uuid4()}", "type": "AnnotationCollection",
                "label": "Release Review export",
                "generated": (header["exported_at"] + "Z") if header.get("exported_at") else None}
        text = _dumps(_clean(head))
        self.out.write(text[:-1] + ',"first":{"type":"AnnotationPage","items":[\n')

    def _item(self, obj: dict) -> None:
        self.out.write(("" if self.items == 0 else ",\n") + _dumps(_clean(obj)))
        self.items += 1

    def write_document(self, d: ExportDocument) -> None:
        text = d.text
        source = release_iri(d.content_hash)
        for s in d.spans:
            body = [{"type": "TextualBody", "purpose": "tagging", "value": s.type}]
            if s.entity_id is not None:
                body.append(_clean({"type": "SpecificResource", "purpose": "identifying",
                                    "source": entity_iri(s.entity_id),
                                    "label": s.entity_name}))
            selectors = [
                {"type": "TextPositionSelector", "start": s.start, "end": s.end},
                {"type": "TextQuoteSelector", "exact": s.text,
                 "prefix": text[max(0, s.start - QUOTE_CONTEXT):s.start],
                 "suffix": text[s.end:s.end + QUOTE_CONTEXT]},
            ]
            self._item({"id": span_iri(s.id), "type": "Annotation",
                        "motivation": "identifying" if s.entity_id is not None else "tagging",
                        "created": _when(s.created_at), "creator": _creator(s.created_by),
                        "body": body, "target": {"source": source, "selector": selectors}})
        for e in d.events:
            body = [{"type": "TextualBody", "purpose": "tagging", "value": e.type}]
            if e.date_iso:
                body.append({"type": "TextualBody", "purpose": "describing",
                             "value": e.date_iso, "rr:field": "date"})
            if e.location:
                body.append({"type": "TextualBody", "purpose": "describing",
                             "value": e.location, "rr:field": "location"})
            targets = []
            if e.trigger_span_id is not None:
                targets.append({"type": "SpecificResource", "source": span_iri(e.trigger_span_id),
                                "rr:role": "trigger"})
            for p in e.participants:
                ref = span_iri(p.span_id) if p.span_id is not None else entity_iri(p.entity_id)
                targets.append({"type": "SpecificResource", "source": ref, "rr:role": p.role})
            if not targets:
                targets.append({"type": "SpecificResource", "source": source,
                                "rr:role": "release"})
            self._item({"id": f"urn:release-review:event:{e.id}", "type": "Annotation",
                        "motivation": "linking", "created": _when(e.created_at),
                        "creator": _creator(e.created_by), "body": body, "target": targets,
                        "rr:eventGroup": e.event_group, "rr:release": source})

    def write_pairs(self, batch: list[ExportPair]) -> None:
        for p in batch:
            self._item({
                "id": f"urn:release-review:pair:{p.id}", "type": "Annotation",
                "motivation": "linking",
                "created": _when(p.found_at), "modified": _when(p.decided_at),
                "creator": _creator(p.decided_by),
                "body": [{"type": "TextualBody", "purpose": "tagging",
                          "value": f"duplicate:{p.kind}"},
                         {"type": "TextualBody", "purpose": "assessing", "value": p.status}],
                "target": [release_iri(p.hash_a), release_iri(p.hash_b)],
                "rr:score": round(p.score, 4)})

    def finish(self) -> None:
        self.out.write(f'\n]}},"total":{self.items}}}\n')
        super().finish()

    def close_files(self) -> None:
        out = getattr(self, "out", None)
        if out is not None and not out.closed:
            out.close()
