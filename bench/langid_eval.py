"""Language identification: accuracy and speed of py3langid, lingua and the importer's design.

Usage: python bench/langid_eval.py PATH/TO/crosslang-dev.jsonl [--limit N]
The file has one JSON object per line with `lang`, `title`, `text`. Prints, per variant,
accuracy on whole documents and on short snippets (title or first 60 characters), ms per
document, ms per 3 kB release, then per-language accuracy and the confusions of the
importer's detector. Then the same variants on the project's own fixture releases
(tests/fixtures/releases, language from the file-name prefix), which add Azerbaijani,
Turkish and French. Exits 0 with a message when the file is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_app.importers.language import DEFAULT_LANGUAGES, LanguageDetector  # noqa: E402

Detector = Callable[[str], str | None]
CORE = ("fr", "az", "ru", "en", "tr", "uk", "de", "es", "cs")


def load(path: Path, limit: int | None) -> list[dict]:
    docs = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                doc = json.loads(line)
                docs.append({"lang": doc["lang"], "text": (doc.get("title") or "") + "\n"
                             + doc.get("text", "")})
    return docs[:limit] if limit else docs


def py3langid_variant(langs: tuple[str, ...] | None, sample: int | None) -> Detector:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if langs:
        model.set_languages([c for c in langs if c in set(model.labels)])
    return lambda text: model.classify(text[:sample] if sample else text)[0]


def lingua_variant(langs: tuple[str, ...], low_accuracy: bool, sample: int | None) -> Detector:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    chosen = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in langs
              if hasattr(IsoCode639_1, c.upper())]
    builder = LanguageDetectorBuilder.from_languages(*chosen)
    if low_accuracy:
        builder = builder.with_low_accuracy_mode()
    detector = builder.build()

    def detect(text: str) -> str | None:
        found = detector.detect_language_of(text[:sample] if sample else text)
        return found.iso_code_639_1.name.lower() if found else None
    return detect


FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "releases"


def fixture_texts() -> tuple[list[str], list[str]]:
    from desktop_app.importers import read_release_file

    texts, gold = [], []
    for path in sorted(FIXTURES.glob("*.*")):
        prefix = path.name.split("_", 1)[0]
        if len(prefix) == 2 and path.suffix in (".txt", ".md", ".html"):
            release = read_release_file(path, path.read_bytes())[0]
            texts.append(f"{release.title}\n{release.body}")
            gold.append(prefix)
    return texts, gold


def run(detect: Detector, texts: list[str], gold: list[str]) -> tuple[float, float, list]:
    detect(texts[0])  # load the model outside the timing
    start = time.process_time()  # CPU time: other processes share the cores
    guesses = [detect(t) for t in texts]
    elapsed = time.process_time() - start
    correct = sum(g == y for g, y in zip(guesses, gold, strict=True))
    return correct / len(gold), elapsed * 1000 / len(gold), guesses


def snippet(text: str) -> str:
    title, _, body = text.partition("\n")
    return title if len(title) >= 20 else body[:60]


def three_kb(text: str) -> str:
    out = text
    while len(out.encode("utf-8")) < 3000:
        out += "\n" + text
    return out[:3000]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--no-lingua-high", action="store_true",
                        help="skip lingua's slow high-accuracy mode")
    args = parser.parse_args()
    if not args.path.exists():
        print(f"skipped: {args.path} not found")
        return 0
    docs = load(args.path, args.limit)
    gold = [d["lang"] for d in docs]
    texts = [d["text"] for d in docs]
    shorts = [snippet(t) for t in texts]
    big = [three_kb(t) for t in texts[:300]]
    ours = LanguageDetector()
    variants: list[tuple[str, Detector]] = [
        ("py3langid, all 97 languages", py3langid_variant(None, None)),
        (f"py3langid, {len(CORE)} core languages", py3langid_variant(CORE, None)),
        (f"py3langid, {len(DEFAULT_LANGUAGES)} configured", py3langid_variant(
            DEFAULT_LANGUAGES, None)),
        ("py3langid, configured, first 1500 chars", py3langid_variant(DEFAULT_LANGUAGES, 1500)),
        ("py3langid, configured, first 500 chars", py3langid_variant(DEFAULT_LANGUAGES, 500)),
        ("py3langid, configured, first 300 chars", py3langid_variant(DEFAULT_LANGUAGES, 300)),
        ("py3langid, configured, first 200 chars", py3langid_variant(DEFAULT_LANGUAGES, 200)),
    ]
    try:
        variants.append(("lingua low-accuracy, configured",
                         lingua_variant(DEFAULT_LANGUAGES, True, None)))
        if not args.no_lingua_high:
            variants.append(("lingua high-accuracy, configured",
                             lingua_variant(DEFAULT_LANGUAGES, False, None)))
    except ImportError:
        print("lingua-language-detector not installed: its variants are skipped")
    variants.append(("importer (py3langid 200/1000 chars, spelling)",
                     lambda t: ours.detect(t)[0]))
    print(f"{len(docs)} documents, languages {dict(Counter(gold))}")
    print("ms = CPU milliseconds per text; short = title, or first 60 characters of the body")
    print(f"{'variant':48} {'docs acc':>9} {'ms/doc':>7} {'short acc':>9} {'ms/short':>8}"
          f" {'ms/3kB':>7}")
    final_guesses: list = []
    final_short: list = []
    for name, detect in variants:
        acc, ms, guesses = run(detect, texts, gold)
        short_acc, short_ms, final_short = run(detect, shorts, gold)
        _, big_ms, _ = run(detect, big, gold[:len(big)])
        print(f"{name:48} {acc:9.2%} {ms:7.3f} {short_acc:9.2%} {short_ms:8.3f} {big_ms:7.3f}")
        final_guesses = guesses
    fx_texts, fx_gold = fixture_texts()
    if fx_texts:
        print(f"\nproject fixtures: {len(fx_texts)} releases, languages {sorted(set(fx_gold))}")
        for name, detect in variants:
            guesses = [detect(t) for t in fx_texts]
            wrong = [f"{y}->{g}" for g, y in zip(guesses, fx_gold, strict=True) if g != y]
            print(f"  {name:48} {len(fx_gold) - len(wrong)}/{len(fx_gold)}  {' '.join(wrong)}")
    print("\nimporter, whole documents, per language:")
    per: dict[str, list[int]] = {}
    confusion: Counter[tuple[str, str | None]] = Counter()
    for g, y in zip(final_guesses, gold, strict=True):
        per.setdefault(y, [0, 0])
        per[y][1] += 1
        per[y][0] += g == y
        if g != y:
            confusion[(y, g)] += 1
    for lang, (ok, n) in sorted(per.items()):
        print(f"  {lang}: {ok}/{n} = {ok / n:.2%}")
    print("confusions (gold -> guess):", dict(confusion) or "none")
    short_conf = Counter((y, g) for g, y in zip(final_short, gold, strict=True) if g != y)
    print("short-text confusions (gold -> guess):", dict(short_conf) or "none")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
