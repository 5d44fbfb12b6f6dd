"""Exports read back by independent, well-kept readers from PyPI (the `readers` extra).

Each test skips with the reason when its reader is not installed:
    pip install -e '.[readers]'
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.domain.export import ExportFormat

from .factory import SPANS

pytestmark = pytest.mark.readers
FIXTURES = Path(__file__).parent / "fixtures"


def spans_by_text(corpus):
    """{release text: {(start, end, label)}} of the corpus, in code points."""
    out = {}
    for key, text in corpus.texts.items():
        out[text] = {corpus.offsets[sid] for (k, _, _), sid in corpus.spans.items() if k == key}
    return out


def test_pyld_expands_web_annotation_selectors(corpus, exporter, tmp_path):
    jsonld = pytest.importorskip("pyld.jsonld", reason="pyld not installed (extra: readers)")
    context = json.loads((FIXTURES / "anno.jsonld").read_text(encoding="utf-8"))

    def loader(url, options=None):
        # Offline: serve the W3C context from the fixture instead of the network.
        assert url.rstrip("/").endswith("ns/anno.jsonld"), url
        return {"contextUrl": None, "documentUrl": url, "document": context}

    target = tmp_path / "w.jsonld"
    exporter.export(ExportFormat.WEB_ANNOTATION, target)
    doc = json.loads(target.read_text(encoding="utf-8"))
    expanded = jsonld.expand(doc, {"documentLoader": loader})
    oa = "http://www.w3.org/ns/oa#"
    items = expanded[0]["http://www.w3.org/ns/activitystreams#first"][0][
        "http://www.w3.org/ns/activitystreams#items"][0]["@list"]
    texts = {f"urn:release-review:release:{corpus.hashes[k]}": corpus.texts[k]
             for k in corpus.texts}
    found = set()
    for item in items:
        assert item["@type"] == [oa + "Annotation"]
        targets = item[oa + "hasTarget"]
        for t in targets:
            for sel in t.get(oa + "hasSelector", []):
                if sel["@type"] == [oa + "TextPositionSelector"]:
                    start = int(sel[oa + "start"][0]["@value"])
                    end = int(sel[oa + "end"][0]["@value"])
                    text = texts[t[oa + "hasSource"][0]["@id"]]
                    found.add((text, start, end))
                if sel["@type"] == [oa + "TextQuoteSelector"]:
                    exact = sel[oa + "exact"][0]["@value"]
                    assert exact in texts[t[oa + "hasSource"][0]["@id"]]
    expected = {(text, a, b) for text, spans in spans_by_text(corpus).items()
                for a, b, _ in spans}
    assert found == expected and len(found) == len(SPANS)


def test_pybrat_reads_standoff(corpus, exporter, tmp_path):
    parser_mod = pytest.importorskip("pybrat.parser", reason="pybrat not installed (readers)")
    target = tmp_path / "brat"
    exporter.export(ExportFormat.BRAT, target)

    class Parser(parser_mod.BratParser):
        def _check_entities(self, entities):
            """pybrat refuses two text-bound annotations on the same offsets; brat allows
            them, and an event trigger sits on the words of the span it was made from."""

    examples = Parser(error="raise").parse(target)
    assert len(examples) == 4
    expected = spans_by_text(corpus)
    for ex in examples:
        spans = {(e.spans[0].start, e.spans[-1].end, e.type) for e in ex.entities
                 if e.type not in ("MEETING", "AGREEMENT")}
        assert spans == expected[ex.text]
        for e in ex.entities:
            assert e.mention == " ".join(ex.text[s.start:s.end] for s in e.spans)
        linked = [e for e in ex.entities if e.references]
        assert all(r.rid == "ReleaseReview" for e in linked for r in e.references)
        for ev in ex.events:   # pybrat keeps the argument annotations, not their roles
            assert ev.trigger.type in ("MEETING", "AGREEMENT")
            assert ev.arguments and all(a.id in {e.id for e in ex.entities}
                                        for a in ev.arguments)
    fr = next(ex for ex in examples if ex.text == corpus.texts["fr"])
    assert sorted(len(ev.arguments) for ev in fr.events) == [2, 3]
    assert sum(len(ex.events) for ex in examples) == 3   # the untriggered event is reported


def test_spacy_conll_converter_reads_bio(corpus, exporter, tmp_path):
    converters = pytest.importorskip("spacy.training.converters",
                                     reason="spaCy not installed (extra: readers)")
    target = tmp_path / "x.conll"
    summary = exporter.export(ExportFormat.CONLL, target)
    docs = list(converters.conll_ner_to_docs(target.read_text(encoding="utf-8"),
                                             n_sents=100, no_print=True))
    assert len(docs) == 4
    dropped = summary.lost["overlapping or nested span (a token carries one tag)"]
    assert sum(len(d.ents) for d in docs) == len(SPANS) - dropped
    for doc, key in zip(docs, ("fr", "az", "ru", "en"), strict=True):
        text = corpus.texts[key]
        on_tokens = {(text[a:b], label) for a, b, label in spans_by_text(corpus)[text]}
        read = {(e.text, e.label_) for e in doc.ents}
        # spans on token boundaries come back exactly (spaCy joins tokens with one space)
        for surface, label in read:
            if (surface, label) not in on_tokens:
                assert label in ("PERSON", "MISC")   # widened or joined across a line break
        assert len(read & on_tokens) >= len(read) - 2


def test_label_studio_converter_reads_tasks(corpus, exporter, tmp_path):
    lsc = pytest.importorskip("label_studio_converter",
                              reason="label-studio-converter not installed (extra: readers)")
    from desktop_app.exporters.label_studio import label_config
    target = tmp_path / "ls.json"
    exporter.export(ExportFormat.LABEL_STUDIO, target)
    converter = lsc.Converter(config=label_config(exporter.schema()), project_dir=str(tmp_path),
                              download_resources=False)
    out = tmp_path / "min"
    converter.convert_to_json_min(str(target), str(out), is_dir=False)
    items = json.loads((out / "result.json").read_text(encoding="utf-8"))
    assert len(items) == 4
    spans = 0
    for item in items:
        text = item["text"]
        units = text.encode("utf-16-le")
        for region in item.get("label", []):
            piece = units[region["start"] * 2:region["end"] * 2].decode("utf-16-le")
            assert piece == region["text"]
            spans += 1
    assert spans == len(SPANS)
