"""CoNLL-2003 style BIO: `word POS chunk NE` per token, a `-DOCSTART-` line per release.

The document line is `-DOCSTART- -X- O O`: readers that look at the first token accept it as
well as the original `-DOCSTART- -X- -X- O`, and spaCy's converter splits documents only on
this exact line.

Tokenizer (stated in the summary): runs of letters and digits, keeping inner apostrophes and
hyphens (`Vitorino'nun`, `Bakı-Paris`), plus every other non-space character as its own token.
Sentences end at a line break and after `.`, `!`, `?`, `…`, unless that would cut a span.
Tags are IOB2 (B- at every entity start) by default, or BIOES. A span that starts or ends
inside a token is widened to whole tokens and reported; overlapping or nested spans keep the
first (longest) one and report the rest, since a token carries one tag.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..domain.export import ExportDocument, ExportSchema
from .base import Exporter

TOKEN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*|\S")
DOCSTART = "-DOCSTART- -X- O O"
SENTENCE_END = {".", "!", "?", "…"}
TOKENIZER = ("regex tokenizer: letter/digit runs with inner ' ’ - kept, every other "
             "non-space character alone; sentences split at line breaks and . ! ? …")


def tokenize(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in TOKEN.finditer(text)]


def bio_tags(text: str, tokens: list[tuple[int, int]], spans, scheme: str = "IOB2"):
    """(tags per token, snapped span ids, dropped span ids, empty span ids)."""
    starts = [a for a, _ in tokens]
    ends = [b for _, b in tokens]
    tags = ["O"] * len(tokens)
    snapped, dropped, empty = [], [], []
    for s in sorted(spans, key=lambda s: (s.start, -(s.end - s.start), s.id)):
        first = bisect_right(ends, s.start)        # first token ending after the start
        last = bisect_left(starts, s.end) - 1       # last token starting before the end
        if first > last:
            empty.append(s.id)
            continue
        if any(tags[i] != "O" for i in range(first, last + 1)):
            dropped.append(s.id)
            continue
        if starts[first] != s.start or ends[last] != s.end:
            snapped.append(s.id)
        label = s.type
        if scheme == "BIOES" and first == last:
            tags[first] = f"S-{label}"
            continue
        tags[first] = f"B-{label}"
        for i in range(first + 1, last + 1):
            tags[i] = f"I-{label}"
        if scheme == "BIOES":
            tags[last] = f"E-{label}"
    return tags, snapped, dropped, empty


def sentence_breaks(text: str, tokens: list[tuple[int, int]], spans) -> set[int]:
    """Indexes of tokens that start a new sentence."""
    inside = set()
    for s in spans:
        inside.update(range(s.start + 1, s.end))
    breaks = set()
    for i in range(1, len(tokens)):
        prev_a, prev_b = tokens[i - 1]
        a = tokens[i][0]
        if a in inside:
            continue
        if "\n" in text[prev_b:a] or text[prev_a:prev_b] in SENTENCE_END:
            breaks.add(i)
    return breaks


class ConllExporter(Exporter):
    suffix = ".conll"

    def begin(self, schema: ExportSchema, header: dict) -> None:
        super().begin(schema, header)
        self.scheme = str(self.options.get("scheme", "IOB2")).upper()
        if self.scheme not in ("IOB2", "BIOES"):
            raise ValueError(f"unknown tag scheme {self.scheme!r} (IOB2 or BIOES)")
        self.out = open(self.stage, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        self.summary.notes.append(f"tokenizer: {TOKENIZER}; tags: {self.scheme}")

    def write_document(self, d: ExportDocument) -> None:
        text = d.text
        tokens = tokenize(text)
        tags, snapped, dropped, empty = bio_tags(text, tokens, d.spans, self.scheme)
        name = d.doc_name
        lose = self.summary.lose
        for sid in snapped:
            lose("span not on token boundaries (widened to whole tokens)",
                 example=f"{name} span {sid}")
        for sid in dropped:
            lose("overlapping or nested span (a token carries one tag)",
                 example=f"{name} span {sid}")
        for sid in empty:
            lose("span covering no token", example=f"{name} span {sid}")
        lose("event (CoNLL has no events)", len(d.events))
        lose("entity link (CoNLL has no links)", sum(1 for s in d.spans if s.entity_id))
        breaks = sentence_breaks(text, tokens, d.spans)
        out = [DOCSTART, ""]
        for i, (a, b) in enumerate(tokens):
            if i in breaks:
                out.append("")
            out.append(f"{text[a:b]} -X- _ {tags[i]}")
        out.append("")
        out.append("")
        self.out.write("\n".join(out))

    def close_files(self) -> None:
        out = getattr(self, "out", None)
        if out is not None and not out.closed:
            out.close()
