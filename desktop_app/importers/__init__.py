"""Files to ParsedRelease objects. No storage, no Qt: bytes in, domain objects out."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..domain.errors import ImportFileError
from ..domain.releases import ParsedRelease
from .plain import read_text_file

MAX_FILE_BYTES = 64 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".md"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES


def discover(paths: Iterable[Path]) -> list[Path]:
    """Every supported file under the given files and folders, recursively, sorted, once."""
    found: dict[Path, None] = {}
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUPPORTED_SUFFIXES:
                    found.setdefault(child, None)
        elif path.is_file():
            found.setdefault(path, None)
        else:
            found.setdefault(path, None)  # reported as missing when read
    return list(found)


def read_release_file(path: Path, data: bytes) -> list[ParsedRelease]:
    """Parse one file's bytes; raise ImportFileError with a reason a reviewer understands."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ImportFileError(f"unsupported file type {suffix or '(none)'}")
    if not data.strip():
        raise ImportFileError("empty file")
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    return read_text_file(path, data)
