"""brat standoff: per release a `.txt` (the text, unchanged) and a `.ann`; one annotation.conf.

T lines for spans (a span crossing a line break becomes a discontinuous `a b;c d` span, since
brat fragments cannot hold newlines), T lines labelled with the event type for triggers, E lines
with numbered repeated roles, N lines for entity links, AnnotatorNotes for event date/place.
Offsets are code points into the `.txt`, which brat reads as UTF-8 text.
"""

from __future__ import annotations

import re

from ..domain.export import ExportDocument, ExportSchema
from .base import Exporter

KB_NAME = "ReleaseReview"
_LABEL = re.compile(r"[^A-Za-z0-9_\-]")


def brat_label(name: str) -> str:
    """brat labels cannot hold spaces or most punctuation."""
    return _LABEL.sub("_", name) or "_"


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span split at line breaks, blank pieces dropped."""
    out = []
    pos = start
    for piece in text[start:end].split("\n"):
        a, b = pos, pos + len(piece)
        pos = b + 1
        if piece.strip():
            out.append((a, b))
    return out


class BratExporter(Exporter):
    folder = True

    def begin(self, schema: ExportSchema, header: dict) -> None:
        super().begin(schema, header)
        self._write_conf(schema)

    def _write_conf(self, schema: ExportSchema) -> None:
        lines = ["# Written by Release Review. Offsets are code points into the .txt files.",
                 "[entities]"]
        lines += [brat_label(t.name) for t in schema.entity_types]
        lines += ["", "[relations]", "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
                  "", "[events]"]
        for t in schema.event_types:
            args = ", ".join(f"{brat_label(r)}*:<ENTITY>" for r in t.roles)
            lines.append(f"{brat_label(t.name)}\t{args}" if args else brat_label(t.name))
        lines += ["", "[attributes]", ""]
        (self.stage / "annotation.conf").write_text("\n".join(lines), encoding="utf-8")
        tools = ["[normalization]", f"{KB_NAME}\tDB:none, <URL>:none", ""]
        (self.stage / "tools.conf").write_text("\n".join(tools), encoding="utf-8")

    def write_document(self, d: ExportDocument) -> None:
        text = d.text
        name = d.doc_name
        (self.stage / f"{name}.txt").write_text(text, encoding="utf-8", newline="")
        lines: list[str] = []
        tids: dict[int, str] = {}
        n_t = n_n = n_note = 0

        def add_t(label: str, start: int, end: int) -> str | None:
            nonlocal n_t
            frags = fragments(text, start, end)
            if not frags:
                return None
            n_t += 1
            offsets = ";".join(f"{a} {b}" for a, b in frags)
            covered = " ".join(text[a:b] for a, b in frags)
            lines.append(f"T{n_t}\t{brat_label(label)} {offsets}\t{covered}")
            return f"T{n_t}"

        for s in d.spans:
            tid = add_t(s.type, s.start, s.end)
            if tid is None:
                self.summary.lose("span of white space only", example=f"{name} {s.start}-{s.end}")
                continue
            tids[s.id] = tid
            if s.entity_id is not None:
                n_n += 1
                lines.append(f"N{n_n}\tReference {tid} {KB_NAME}:{s.entity_id}\t"
                             f"{_one_line(s.entity_name or '')}")
        spans = {s.id: s for s in d.spans}
        for n_e, e in enumerate(d.events, 1):
            trigger = spans.get(e.trigger_span_id)
            if trigger is None:
                self.summary.lose("event without a trigger span (brat events need one)",
                                  example=f"{name} event {e.id}")
                continue
            trig = add_t(e.type, trigger.start, trigger.end)
            args = []
            used: dict[str, int] = {}
            for p in e.participants:
                target = tids.get(p.span_id) if p.span_id is not None else None
                if target is None:
                    self.summary.lose("event participant given as an entity without a span",
                                      example=f"{name} event {e.id} {p.role}")
                    continue
                role = brat_label(p.role)
                used[role] = used.get(role, 0) + 1
                suffix = str(used[role]) if used[role] > 1 else ""
                args.append(f"{role}{suffix}:{target}")
            lines.append(f"E{n_e}\t{brat_label(e.type)}:{trig}" + "".join(f" {a}" for a in args))
            notes = [f"{k}={v}" for k, v in (("date", e.date_iso), ("location", e.location),
                                              ("event_group", e.event_group)) if v is not None]
            if notes:
                n_note += 1
                lines.append(f"#{n_note}\tAnnotatorNotes E{n_e}\t{_one_line('; '.join(notes))}")
        (self.stage / f"{name}.ann").write_text("\n".join(lines) + ("\n" if lines else ""),
                                               encoding="utf-8", newline="")


def _one_line(value: str) -> str:
    return value.replace("\t", " ").replace("\n", " ").replace("\r", " ")
