"""Plain text releases."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from ..domain.errors import ImportFileError
from ..domain.releases import ParsedRelease


def read_text_file(path: Path, data: bytes) -> list[ParsedRelease]:
    if b"\x00" in data:
        raise ImportFileError("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(f"cannot decode as UTF-8: {exc.reason}") from exc
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n")).strip()
    title, _, body = text.partition("\n")
    return [ParsedRelease(source_path=str(path), title=title.strip(), body=body.strip())]
