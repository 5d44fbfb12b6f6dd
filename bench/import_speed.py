"""Importer speed per release: decoding, layout analysis, language id, whole read.

Usage: python bench/import_speed.py PATH/TO/crosslang-dev.jsonl [--count N] [--size BYTES]
Builds N releases of about SIZE bytes from the documents (text repeated to size), then
reads them as .txt files and as one JSONL file with and without a `lang` field. Prints CPU
ms per release for each stage and releases per second. Exits 0 when the file is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_app.importers import read_release_file  # noqa: E402
from desktop_app.importers.encoding import decode_text  # noqa: E402
from desktop_app.importers.language import detect_language  # noqa: E402
from desktop_app.importers.layout import analyse  # noqa: E402


def build(path: Path, count: int, size: int) -> list[str]:
    docs = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                doc = json.loads(line)
                docs.append(((doc.get("title") or "").strip(), doc["text"]))
    out = []
    for i in range(count):
        title, text = docs[i % len(docs)]
        body = text
        while len(body.encode("utf-8")) < size:
            body += "\n\n" + text
        out.append(f"{title}\n\n{body[:size]}" if title else body[:size])
    return out


def timed(label: str, fn, items: list, per: int | None = None) -> None:
    fn(items[0])
    start = time.process_time()
    for item in items:
        fn(item)
    ms = (time.process_time() - start) * 1000 / (per or len(items))
    print(f"  {label:40} {ms:7.3f} ms/release  {1000 / ms:9.0f} releases/s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--size", type=int, default=3000)
    args = parser.parse_args()
    if not args.path.exists():
        print(f"skipped: {args.path} not found")
        return 0
    texts = build(args.path, args.count, args.size)
    blobs = [t.encode("utf-8") for t in texts]
    print(f"{len(texts)} releases of about {args.size} bytes (CPU time)")
    timed("decode (UTF-8, NFC, line ends)", decode_text, blobs)
    timed("layout (header, dateline, title, body)", analyse, texts)
    timed("language id", detect_language, texts)
    timed("read_release_file, .txt", lambda b: read_release_file(Path("r.txt"), b), blobs)
    for with_lang in (False, True):
        lines = [json.dumps({"id": str(i), "title": t.split("\n", 1)[0], "text": t,
                             **({"lang": "xx"} if with_lang else {})}, ensure_ascii=False)
                 for i, t in enumerate(texts)]
        data = ("\n".join(lines) + "\n").encode("utf-8")
        label = "one JSONL file, " + ("lang given" if with_lang else "lang detected")
        timed(label, lambda d: read_release_file(Path("r.jsonl"), d), [data] * 2,
              per=2 * len(texts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
