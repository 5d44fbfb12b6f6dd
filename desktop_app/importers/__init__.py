"""Files to ParsedRelease objects. No storage, no Qt: bytes in, domain objects out.

`read_release_file` returns a list of releases; for JSONL and CSV it is a `ReadResult`
whose `problems` name the records that were skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from ..domain.errors import ImportFileError
from ..domain.releases import ParsedRelease
from .language import warm_up
from .plain import read_html_file, read_text_file
from .records import ReadResult, read_csv, read_jsonl

MAX_FILE_BYTES = 64 * 1024 * 1024
TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
RECORD_SUFFIXES = frozenset({".jsonl", ".csv"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES

_READERS: dict[str, Callable[[Path, bytes], list[ParsedRelease]]] = {
    ".txt": read_text_file, ".md": read_text_file,
    ".html": read_html_file, ".htm": read_html_file,
    ".jsonl": read_jsonl, ".csv": read_csv,
}


def discover(paths: Iterable[Path]) -> list[Path]:
    """Every supported file under the given files and folders, recursively, sorted, once."""
    found: dict[Path, None] = {}
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if (not hidden and child.suffix.lower() in SUPPORTED_SUFFIXES
                        and child.is_file()):
                    found.setdefault(child, None)
        else:
            found.setdefault(path, None)  # unsupported or missing: reported when read
    return list(found)


def read_release_file(path: Path, data: bytes) -> list[ParsedRelease]:
    """Parse one file's bytes; raise ImportFileError with a reason a reviewer understands."""
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise ImportFileError(f"unsupported file type {path.suffix.lower() or '(none)'}")
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    if not data.strip():
        raise ImportFileError("empty file")
    try:
        return reader(path, data)
    except RecursionError as exc:
        raise ImportFileError("structure nested too deeply to read") from exc
    except MemoryError as exc:
        raise ImportFileError("not enough memory to read the file") from exc


__all__ = ["MAX_FILE_BYTES", "SUPPORTED_SUFFIXES", "ImportFileError", "ReadResult",
           "discover", "read_release_file", "warm_up"]
