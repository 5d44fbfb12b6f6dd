"""Bytes to clean text: detect the encoding, refuse binary data, NFC, LF line ends.

A cheap cascade decides almost every file (BOM, strict UTF-8, then CP1251 vs CP1252 by the
share of Cyrillic-range bytes among letters); charset-normalizer is asked only when the
single-byte guess is unclear (bench/encoding_eval.py measures both). Turkish CP1254 is told
from CP1252 by the bytes of ğ, ı and ş.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..domain.errors import ImportFileError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 controls other than tab, LF, VT, FF, CR: a text file has (almost) none.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_CYRILLIC_1251 = re.compile(rb"[\xc0-\xff\xa8\xb8\xb2\xb3\xaa\xba\xaf\xbf\xa5\xb4]")
_LATIN_LETTER = re.compile(rb"[A-Za-z]")
_HIGH = re.compile(rb"[\x80-\xff]")
# ğ ı ş Ğ İ Ş in CP1254; in CP1252 they are ð ý þ Ð Ý Þ, which French, German or Spanish
# never write.
_TURKISH_1254 = re.compile(rb"[\xd0\xdd\xde\xf0\xfd\xfe]")
_LINE_ENDS = re.compile(r"\r\n?|\u2028|\u2029|\x85")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding name) of a text file's bytes; ImportFileError when it is not text."""
    if not data.strip():
        raise ImportFileError("empty file")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], name), name + " (BOM)"
    utf16 = _bomless_utf16(data)
    if utf16:
        return _strict(data, utf16), utf16
    if b"\x00" in data:
        raise ImportFileError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if len(_CONTROL_BYTES.findall(data[:65536])) > 8:
        raise ImportFileError("binary file (control bytes)")
    name = _single_byte_guess(data)
    if name is None:
        name = _ask_charset_normalizer(data)
    if name is None:
        raise ImportFileError(
            f"cannot decode: not UTF-8 ({utf8_error.reason} at byte {utf8_error.start})"
            " and no single-byte encoding fits")
    try:
        return data.decode(name), name
    except (UnicodeDecodeError, LookupError):
        return data.decode("latin-1"), "latin-1"


def _strict(data: bytes, name: str) -> str:
    try:
        return data.decode(name)
    except UnicodeDecodeError as exc:
        raise ImportFileError(f"cannot decode as {name}: {exc.reason}") from exc


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: every other byte NUL (text in Latin or Cyrillic script)."""
    sample = data[:4096]
    if len(sample) < 8 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _single_byte_guess(data: bytes) -> str | None:
    sample = data[:65536]
    high = len(_HIGH.findall(sample))
    if high == 0:
        return "ascii"
    cyrillic = len(_CYRILLIC_1251.findall(sample))
    latin = len(_LATIN_LETTER.findall(sample))
    share = cyrillic / (cyrillic + latin) if cyrillic + latin else 0.0
    # Russian or Ukrainian in CP1251 is mostly high bytes; French or German in CP1252
    # has a few accented letters among many ASCII ones.
    if share > 0.6:
        return "cp1251"
    if share < 0.35:
        turkish = len(_TURKISH_1254.findall(sample))
        return "cp1254" if turkish >= 2 and turkish * 5 >= high else "cp1252"
    return None


def _ask_charset_normalizer(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # imported late: it is slow to load

    best = from_bytes(data[:65536]).best()
    return best.encoding if best is not None else None


def clean_text(text: str) -> str:
    """NFC, LF line ends, no stray control characters, no trailing spaces on lines."""
    text = _LINE_ENDS.sub("\n", text)
    if _CONTROL.search(text):
        if len(_CONTROL.findall(text[:65536])) > 8:
            raise ImportFileError("binary file (control characters)")
        text = _CONTROL.sub(" ", text)
    text = text.replace("\ufeff", "")
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text


def decode_text(data: bytes) -> str:
    text = clean_text(decode_bytes(data)[0])
    if not text.strip():
        raise ImportFileError("empty file")
    return text
