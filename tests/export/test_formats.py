"""Every format on the four-script corpus: offsets, overlaps, events, links, pairs, losses."""

from __future__ import annotations

import csv
import json
import re

import pytest

from desktop_app.domain.export import ExportFormat
from desktop_app.exporters.conll import tokenize

from .factory import SPANS


def export(exporter, fmt, tmp_path, name=None, **options):
    target = tmp_path / (name or f"out-{fmt.value}")
    summary = exporter.export(fmt, target, options=options)
    assert not summary.cancelled
    assert target.exists() and not target.with_name(target.name + ".part").exists()
    return target, summary


def texts_by_hash(corpus):
    return {corpus.hashes[k]: corpus.texts[k] for k in corpus.releases}


def test_native_lines_carry_every_record(corpus, exporter, tmp_path):
    target, summary = export(exporter, ExportFormat.NATIVE, tmp_path, "x.jsonl")
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    kinds = [r["record"] for r in records]
    assert kinds[0] == "header" and kinds[1] == "schema" and kinds[-1] == "end"
    assert records[0]["schema_version"] == 1 and "code points" in records[0]["offsets"]
    assert kinds.count("release") == 4 and kinds.count("entity") == 5 and kinds.count("pair") == 3
    assert records[-1] == {"record": "end", "releases": 4, "spans": len(SPANS), "events": 4,
                           "pairs": 3, "entities": 5}
    assert (summary.releases, summary.spans, summary.events, summary.pairs) == (4, 25, 4, 3)
    assert not summary.lost
    for r in (r for r in records if r["record"] == "release"):
        text = r["title"] + "\n\n" + r["body"]
        for s in r["spans"]:
            assert text[s["start"]:s["end"]] == s["text"]
            assert s["created_by"] and s["created_at"]
    en = next(r for r in records if r["record"] == "release" and r["language"] == "en")
    assert "🚚" in en["title"]
    raw = target.read_bytes()
    assert "🚚".encode() in raw and b"\\ud83d" not in raw   # UTF-8, not \\u escapes


def test_csv_bundle_has_bom_code_points_and_scripts(corpus, exporter, tmp_path):
    target, _ = export(exporter, ExportFormat.CSV, tmp_path)
    names = {p.name for p in target.iterdir()}
    assert {"mentions.csv", "entities.csv", "events.csv", "event_roles.csv", "duplicates.csv",
            "releases.csv", "README.txt"} <= names
    assert "code points" in (target / "README.txt").read_text(encoding="utf-8")
    for name in names - {"README.txt"}:
        assert (target / name).read_bytes().startswith(b"\xef\xbb\xbf")

    def rows(name):
        with open(target / name, encoding="utf-8-sig", newline="") as fh:
            return list(csv.DictReader(fh))

    texts = {str(corpus.releases[k]): corpus.texts[k] for k in corpus.releases}
    mentions = rows("mentions.csv")
    assert len(mentions) == len(SPANS)
    for m in mentions:
        assert texts[m["doc_id"]][int(m["start"]):int(m["end"])] == m["text"]
    crossing = next(m for m in mentions if "\n" in m["text"])
    assert crossing["text"] == "volunteers\nof Gəncə"   # quoted, line break kept
    aliyev = next(e for e in rows("entities.csv") if e["canonical_name"] == "İlham Əliyev")
    assert aliyev["aliases_cyrillic"] == "Ильхам Алиев"
    assert set(aliyev["aliases_latin"].split(" | ")) == {"İlham Əliyev", "Ilham Aliyev"}
    old = next(e for e in rows("entities.csv") if e["canonical_name"] == "I. Aliyev")
    assert old["merged_into"] == aliyev["entity_id"]
    assert len(rows("events.csv")) == 4
    roles = rows("event_roles.csv")
    assert len(roles) == 4 + 2 + 3 + 2
    assert any(r["role"] == "participant" and not r["ann_id"] and r["entity_id"] for r in roles)
    decisions = {r["decision"]: r["reviewer"] for r in rows("duplicates.csv")}
    assert decisions == {"confirmed": "alice", "rejected": "bob", "candidate": ""}


def parse_ann(path):
    out = {"T": {}, "E": [], "N": [], "#": []}
    for line in path.read_text(encoding="utf-8").splitlines():
        key = line[0]
        if key == "T":
            tid, mid, covered = line.split("\t")
            label, offsets = mid.split(" ", 1)
            frags = [tuple(map(int, f.split())) for f in offsets.split(";")]
            out["T"][tid] = (label, frags, covered)
        else:
            out[key].append(line.split("\t"))
    return out


def test_brat_offsets_events_links(corpus, exporter, tmp_path):
    target, summary = export(exporter, ExportFormat.BRAT, tmp_path)
    conf = (target / "annotation.conf").read_text(encoding="utf-8")
    for section in ("[entities]", "[events]", "[relations]", "[attributes]"):
        assert section in conf
    assert re.search(r"^MEETING\t.*host\*:<ENTITY>", conf, re.M)
    anns = sorted(target.glob("*.ann"))
    assert len(anns) == 4 and len(list(target.glob("*.txt"))) == 4
    total_t = links = 0
    for ann in anns:
        text = ann.with_suffix(".txt").read_text(encoding="utf-8")
        assert text in corpus.texts.values()   # the text, unchanged
        parsed = parse_ann(ann)
        for _label, frags, covered in parsed["T"].values():
            assert covered == " ".join(text[a:b] for a, b in frags)
            assert all("\n" not in text[a:b] for a, b in frags)
        total_t += len(parsed["T"])
        links += len(parsed["N"])
        for n in parsed["N"]:
            assert n[1].startswith("Reference T") and ":" in n[1].split()[-1]
        for e in parsed["E"]:
            trigger, *args = e[1].split()
            assert trigger.split(":")[1] in parsed["T"]
            assert all(a.split(":")[1] in parsed["T"] for a in args)
    fr = parse_ann(target / f"release-{corpus.releases['fr']}-{corpus.hashes['fr'][:12]}.ann")
    agreement = next(e for e in fr["E"] if e[1].startswith("AGREEMENT"))
    assert "participant:" in agreement[1] and "participant2:" in agreement[1]
    en = parse_ann(target / f"release-{corpus.releases['en']}-{corpus.hashes['en'][:12]}.ann")
    crossing = next(t for t in en["T"].values() if len(t[1]) == 2)
    assert crossing[2] == "volunteers of Gəncə"
    assert links == sum(1 for s in SPANS if s[4])
    assert total_t == len(SPANS) + 3   # plus one trigger annotation per triggered event
    assert summary.lost["event without a trigger span (brat events need one)"] == 1
    assert summary.lost["event participant given as an entity without a span"] == 1
    assert summary.lost["duplicate pairs and their decisions"] == 3


def conll_docs(path):
    docs, sentence = [], []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("-DOCSTART-"):
            docs.append([])
            continue
        if not line:
            if sentence:
                docs[-1].append(sentence)
            sentence = []
            continue
        cols = line.split(" ")
        assert len(cols) == 4 and cols[1] == "-X-" and cols[2] == "_"
        sentence.append((cols[0], cols[3]))
    return docs


@pytest.mark.parametrize("scheme", ["IOB2", "BIOES"])
def test_conll_bio_is_well_formed(corpus, exporter, tmp_path, scheme):
    target, summary = export(exporter, ExportFormat.CONLL, tmp_path, scheme=scheme)
    docs = conll_docs(target)
    assert len(docs) == 4
    assert target.read_text(encoding="utf-8").count("-DOCSTART- -X- O O\n\n") == 4
    for doc in docs:
        for sentence in doc:
            prev = "O"
            for _, tag in sentence:
                if tag.startswith(("I-", "E-")):
                    assert prev[2:] == tag[2:] and prev[0] in "BI", (prev, tag)
                prev = tag
    flat = [tok for doc in docs for sent in doc for tok in sent]
    assert ("Ильхам", "B-PERSON") in flat and ("Gəncə", ("B-LOCATION" if scheme == "IOB2"
                                                         else "S-LOCATION")) in flat
    assert ("🚚", "I-MISC") in flat and ("🚚", "E-MISC" if scheme == "BIOES" else "I-MISC") in flat
    assert any("tokenizer" in n for n in summary.notes)
    off = summary.lost["span not on token boundaries (widened to whole tokens)"]
    assert off >= 1
    widened = summary.examples["span not on token boundaries (widened to whole tokens)"]
    az_span = f"span {corpus.span('az', 'Antonio Vitorino', 1)}"   # ends inside Vitorinonu
    assert any(ex.endswith(az_span) for ex in widened)
    assert summary.lost["overlapping or nested span (a token carries one tag)"] == 1
    assert summary.lost["event (CoNLL has no events)"] == 4
    # every document's tokens, joined, rebuild the text's non-space characters
    for doc, text in zip(docs, [corpus.texts[k] for k in ("fr", "az", "ru", "en")], strict=True):
        words = [w for sent in doc for w, _ in sent]
        assert words == [text[a:b] for a, b in tokenize(text)]


def utf16_slice(text, start, end):
    return text.encode("utf-16-le")[start * 2:end * 2].decode("utf-16-le")


def test_label_studio_uses_utf16_offsets(corpus, exporter, tmp_path):
    target, summary = export(exporter, ExportFormat.LABEL_STUDIO, tmp_path, "ls.json")
    tasks = json.loads(target.read_text(encoding="utf-8"))
    assert len(tasks) == 4
    shifted = 0
    for task in tasks:
        text = task["data"]["text"]
        results = task["annotations"][0]["result"]
        ids = {r["id"] for r in results if "id" in r}
        for r in results:
            if r["type"] == "labels":
                v = r["value"]
                assert utf16_slice(text, v["start"], v["end"]) == v["text"]
                shifted += text[v["start"]:v["end"]] != v["text"]
            elif r["type"] == "relation":
                assert r["from_id"] in ids and r["to_id"] in ids and r["labels"]
            elif r["type"] == "textarea":
                assert r["id"] in ids and r["value"]["text"][0].endswith("]")
    assert shifted >= 3   # spans after emoji differ between code points and UTF-16
    assert summary.lost["event without a trigger span"] == 1
    target2, _ = export(exporter, ExportFormat.LABEL_STUDIO, tmp_path, "pred.json",
                        predictions=True)
    tasks = json.loads(target2.read_text(encoding="utf-8"))
    assert all(t["predictions"][0]["result"] and "annotations" not in t for t in tasks)


def test_doccano_code_points_and_astral_warning(corpus, exporter, tmp_path):
    target, summary = export(exporter, ExportFormat.DOCCANO, tmp_path, "d.jsonl")
    lines = [json.loads(x) for x in target.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 4
    for line in lines:
        ents = {e["id"]: e for e in line["entities"]}
        for e in ents.values():
            assert 0 <= e["start_offset"] < e["end_offset"] <= len(line["text"])
        for r in line["relations"]:
            assert r["from_id"] in ents and r["to_id"] in ents
    en = next(x for x in lines if x["language"] == "en")
    texts = {en["text"][e["start_offset"]:e["end_offset"]] for e in en["entities"]}
    assert "convoy 🚚🚚" in texts and "𝐁𝐨𝐥𝐝 supplies" in texts
    assert any("grapheme" in n for n in summary.notes)


def test_web_annotation_selectors(corpus, exporter, tmp_path):
    target, _ = export(exporter, ExportFormat.WEB_ANNOTATION, tmp_path, "w.jsonld")
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc["type"] == "AnnotationCollection"
    assert doc["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    items = doc["first"]["items"]
    assert doc["total"] == len(items) == len(SPANS) + 4 + 3
    texts = texts_by_hash(corpus)
    spans = [i for i in items if i["id"].startswith("urn:release-review:span:")]
    for a in spans:
        text = texts[a["target"]["source"].rsplit(":", 1)[1]]
        pos, quote = a["target"]["selector"]
        assert pos["type"] == "TextPositionSelector" and quote["type"] == "TextQuoteSelector"
        assert text[pos["start"]:pos["end"]] == quote["exact"]
        assert text[:pos["start"]].endswith(quote["prefix"])
        assert text[pos["end"]:].startswith(quote["suffix"])
    ids = {a["id"] for a in spans}
    events = [i for i in items if ":event:" in i["id"]]
    for e in events:
        assert e["motivation"] == "linking"
        for t in e["target"]:
            assert t["source"] in ids or ":entity:" in t["source"] or ":release:" in t["source"]
    pairs = [i for i in items if ":pair:" in i["id"]]
    assert {p["body"][1]["value"] for p in pairs} == {"confirmed", "rejected", "candidate"}


def test_folder_format_refuses_non_empty_folder(corpus, exporter, tmp_path):
    from desktop_app.exporters import ExportTargetError
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ExportTargetError, match="not an empty folder"):
        exporter.export(ExportFormat.BRAT, busy)
    assert (busy / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_format_list_matches_writers():
    from desktop_app.exporters import WRITERS, default_name
    assert set(WRITERS) == set(ExportFormat)
    for fmt, cls in WRITERS.items():
        assert fmt.writes_folder == cls.folder
        assert default_name(fmt).startswith("release-review-")
