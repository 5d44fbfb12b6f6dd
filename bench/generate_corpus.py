"""Deterministic synthetic corpora of multilingual press releases, with planted versions.

    python -m bench.generate_corpus --count 100000 --out bench/out/corpus-100k [--seed 7]

Writes `txt/NNN/rel-NNNNNNN.txt` (several header styles, datelines, teasers, footers),
`releases.jsonl` (fields id, title, text, lang, date, url, source), `truth.jsonl` (one line per
release: language, date, event, and whether it is an original, a cross-language version, a
same-language re-post or an exact copy of another release) and `manifest.json`.
The same seed and count always give the same bytes; release i does not depend on the count.
"""

from __future__ import annotations

import argparse
import json
import random
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from . import lexicon as lx

LANG_WEIGHTS = {"fr": 0.25, "az": 0.25, "ru": 0.2, "en": 0.2, "tr": 0.1}
KIND_ORIGINAL, KIND_VERSION, KIND_REPOST, KIND_COPY = "original", "version", "repost", "copy"
STYLES = ("header", "date-line", "dateline", "teaser", "plain")
FILES_PER_FOLDER = 1000
GENERATOR_VERSION = 2


def _rng(seed: int, index: int, salt: int = 0) -> random.Random:
    return random.Random(seed * 1_000_003 + index * 7 + salt)


def kind_of(seed: int, index: int) -> str:
    if index < 20:
        return KIND_ORIGINAL
    r = _rng(seed, index, 1).random()
    if r < 0.70:
        return KIND_ORIGINAL
    if r < 0.85:
        return KIND_VERSION
    if r < 0.97:
        return KIND_REPOST
    return KIND_COPY


def original_before(seed: int, index: int) -> int:
    """A random earlier original, usually recent (agencies re-post within days)."""
    rng = _rng(seed, index, 2)
    j = rng.randrange(max(0, index - 3000), index)
    while kind_of(seed, j) != KIND_ORIGINAL:
        j -= 1
    return j


@dataclass(frozen=True)
class Event:
    id: int
    lang: str
    kind: int
    p: int
    q: int
    o: int
    c: int
    t: int
    u: int
    date: tuple[int, int, int]
    specs: tuple[tuple[int, int, int, int], ...]  # template, number, year, topic rotation
    source: int


def make_event(seed: int, index: int) -> Event:
    rng = _rng(seed, index, 3)
    lang = rng.choices(list(LANG_WEIGHTS), weights=list(LANG_WEIGHTS.values()))[0]
    p, q = rng.sample(range(len(lx.PEOPLE)), 2)
    t, u = rng.sample(range(len(lx.TOPICS)), 2)
    year = rng.randint(2016, 2025)
    date = (year, rng.randint(1, 12), rng.randint(1, 28))
    length = max(6, min(60, int(rng.gauss(27, 8))))
    specs = [(0, 0, 0, 0)] + [
        (rng.randrange(1, len(lx.SENTENCES["en"])), rng.randint(3, 480), rng.randint(2005, year),
         rng.randrange(len(lx.TOPICS))) for _ in range(length - 1)]
    return Event(index, lang, rng.randrange(len(lx.TITLES["en"])), p, q,
                 rng.randrange(len(lx.ORGS)), rng.randrange(len(lx.CITIES)), t, u, date,
                 tuple(specs), rng.randrange(len(lx.SOURCES)))


def _li(lang: str) -> int:
    return lx.LANGS.index(lang)


def spoken_date(lang: str, date: tuple[int, int, int]) -> str:
    _, m, d = date
    if lang == "az":
        return f"{lx.AZ_GENITIVE[m - 1]} {d}-də"
    if lang == "en":
        return f"{d} {lx.MONTHS['en'][m - 1]}"
    day = "1er" if lang == "fr" and d == 1 else str(d)
    return f"{day} {lx.MONTHS[lang][m - 1]}"


def header_date(lang: str, date: tuple[int, int, int], rng: random.Random) -> str:
    y, m, d = date
    styles = [f"{y:04d}-{m:02d}-{d:02d}", f"{d:02d}.{m:02d}.{y}"]
    if lang == "az":
        styles.append(f"{lx.MONTHS['az'][m - 1]} {d:02d},{y} {rng.randint(9, 18)}:00")
    elif lang == "en":
        styles.append(f"{lx.MONTHS['en'][m - 1]} {d}, {y}")
    else:
        styles.append(f"{d} {lx.MONTHS[lang][m - 1]} {y}")
    return rng.choice(styles)


def render_content(ev: Event, lang: str) -> tuple[str, list[str]]:
    """Title and sentences of `ev` in `lang`; the same specs give parallel text in any language."""
    li = _li(lang)
    slots = {"p": lx.person(lx.PEOPLE[ev.p], lang), "q": lx.person(lx.PEOPLE[ev.q], lang),
             "o": lx.ORGS[ev.o][li], "c": lx.CITIES[ev.c][li], "t": lx.TOPICS[ev.t][li],
             "u": lx.TOPICS[ev.u][li], "d": spoken_date(lang, ev.date), "y": str(ev.date[0]),
             "n": "0"}
    title = lx.TITLES[lang][ev.kind].format(**slots)
    title = title[0].upper() + title[1:]
    sentences = []
    for template, number, year, rotation in ev.specs:
        topic = lx.TOPICS[rotation][li] if template not in (0, 3) else slots["t"]
        s = lx.SENTENCES[lang][template].format(**{**slots, "n": str(number), "y": str(year),
                                                    "t": topic})
        sentences.append(s[0].upper() + s[1:])
    return title, sentences


def paragraphs(sentences: list[str], rng: random.Random) -> list[str]:
    out, i = [], 0
    while i < len(sentences):
        k = rng.randint(1, 3)
        out.append(" ".join(sentences[i:i + k]))
        i += k
    return out


def strip_diacritics(text: str) -> str:
    """A title as some feeds deliver it: letters outside ASCII lost."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if ch.isascii())


@dataclass(frozen=True)
class Rendered:
    id: str
    lang: str
    title: str
    body: str
    date: str
    url: str
    source: str
    file_text: str
    style: str


def render(seed: int, index: int, ev: Event, lang: str, repost: bool) -> Rendered:
    rng = _rng(seed, index, 4)
    title, sentences = render_content(ev, lang)
    if repost:
        # A re-post: a sentence or two dropped, one moved, a new lead-in, sometimes a new title.
        for _ in range(rng.randint(1, 2)):
            if len(sentences) > 4:
                sentences.pop(rng.randrange(2, len(sentences)))
        if len(sentences) > 3:
            a = rng.randrange(1, len(sentences) - 1)
            sentences[a], sentences[a + 1] = sentences[a + 1], sentences[a]
        if rng.random() < 0.4:
            title = title + " (" + lx.SECTION_LABELS[lang] + ")"
    sentences.append(lx.CLOSING[lang].format(k=f"{1000 + index:,}".replace(",", " ")))
    y, m, d = ev.date
    paras = paragraphs(sentences, rng)
    body = "\n\n".join(paras)
    rid = f"syn-{index:07d}"
    url = f"https://news.example.org/{lang}/{y}/{m:02d}/{index}"
    source = lx.SOURCES[ev.source]
    li = _li(lang)
    day = "1er" if lang == "fr" and d == 1 else str(d)
    dateline = f"{lx.CITIES[ev.c][li]}, {day} {lx.MONTHS[lang][m - 1]}, {lx.AGENCIES[lang]}"
    style = rng.choice(STYLES)
    footer = ""
    if rng.random() < 0.35:
        footer = "\n\n" + rng.choice(lx.FOOTERS[lang]).format(y=y, t=lx.TOPICS[ev.u][li])
    if style == "header":
        shown = strip_diacritics(title) if lang == "az" and rng.random() < 0.3 else title
        lead = dateline + "\n\n" if rng.random() < 0.5 else ""
        text = (f"Title: {shown}\nDate: {header_date(lang, ev.date, rng)}\nURL: {url}\n\n"
                f"{lead}{body}{footer}")
    elif style == "date-line":
        text = f" date {y:04d}-{m:02d} {dateline}\n\n{body}{footer}"
    elif style == "dateline":
        text = f"{dateline}\n\n{body}{footer}"
    elif style == "teaser":
        text = f"{title}\n\n{title} {paras[0]}\n\n" + "\n\n".join(paras[1:]) + footer
    else:
        label = lx.SECTION_LABELS[lang] + "\n\n" if rng.random() < 0.2 else ""
        text = f"{label}{title}\n\n{body}{footer}"
    return Rendered(rid, lang, title, body, f"{y:04d}-{m:02d}-{d:02d}", url, source,
                    text.rstrip() + "\n", style)


def release(seed: int, index: int) -> tuple[Rendered, dict]:
    """Release `index` and its ground-truth record."""
    kind = kind_of(seed, index)
    if kind == KIND_ORIGINAL:
        ev = make_event(seed, index)
        r = render(seed, index, ev, ev.lang, repost=False)
        of = None
    else:
        of = original_before(seed, index)
        ev = make_event(seed, of)
        if kind == KIND_VERSION:
            lang = _rng(seed, index, 5).choice([x for x in lx.LANGS if x != ev.lang])
            r = render(seed, index, ev, lang, repost=False)
        elif kind == KIND_REPOST:
            r = render(seed, index, ev, ev.lang, repost=True)
        else:
            src = render(seed, of, ev, ev.lang, repost=False)
            r = Rendered(f"syn-{index:07d}", src.lang, src.title, src.body, src.date, src.url,
                         src.source, src.file_text, src.style)
    truth = {"id": r.id, "lang": r.lang, "date": r.date, "event": ev.id, "kind": kind,
             "of": f"syn-{of:07d}" if of is not None else None, "style": r.style}
    return r, truth


def file_name(index: int) -> str:
    return f"txt/{index // FILES_PER_FOLDER:03d}/rel-{index:07d}.txt"


def generate(out: Path, count: int, seed: int = 7, formats: tuple[str, ...] = ("txt", "jsonl"),
             ) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    langs: dict[str, int] = {}
    total_bytes = 0
    started = time.perf_counter()
    with open(out / "truth.jsonl", "w", encoding="utf-8") as truth_fh, \
            open(out / "releases.jsonl", "w", encoding="utf-8") as jsonl_fh:
        for i in range(count):
            r, truth = release(seed, i)
            truth["file"] = file_name(i)
            counts[truth["kind"]] = counts.get(truth["kind"], 0) + 1
            langs[r.lang] = langs.get(r.lang, 0) + 1
            data = r.file_text.encode("utf-8")
            total_bytes += len(data)
            if "txt" in formats:
                path = out / truth["file"]
                if i % FILES_PER_FOLDER == 0:
                    path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
            if "jsonl" in formats:
                jsonl_fh.write(json.dumps({"id": r.id, "title": r.title, "text": r.body,
                                           "lang": r.lang, "date": r.date, "url": r.url,
                                           "source": r.source}, ensure_ascii=False) + "\n")
            truth_fh.write(json.dumps(truth, ensure_ascii=False) + "\n")
    manifest = {
        "generator_version": GENERATOR_VERSION, "seed": seed, "count": count,
        "formats": list(formats), "kinds": counts, "languages": langs,
        # Exact copies are linked to their original, not stored again.
        "expected_releases": count - counts.get(KIND_COPY, 0),
        "mean_file_bytes": round(total_bytes / max(count, 1)),
        "seconds": round(time.perf_counter() - started, 2),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return manifest


def ensure_corpus(out: Path, count: int, seed: int = 7) -> dict:
    """Reuse a corpus already generated with the same parameters, else generate it."""
    manifest_path = out / "manifest.json"
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if (manifest.get("count"), manifest.get("seed"), manifest.get("generator_version")) == (
                count, seed, GENERATOR_VERSION):
            return manifest
    return generate(out, count, seed)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=10_000)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--formats", default="txt,jsonl", help="comma-separated: txt, jsonl")
    args = ap.parse_args(argv)
    manifest = generate(args.out, args.count, args.seed, tuple(args.formats.split(",")))
    print(json.dumps(manifest, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
