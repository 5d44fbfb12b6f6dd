"""Encodings: BOMs, UTF-8, CP1251, CP1252/Latin-1, UTF-16; unusable files refused."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest

from desktop_app.domain.errors import ImportFileError
from desktop_app.importers import MAX_FILE_BYTES, read_release_file
from desktop_app.importers.encoding import clean_text, decode_bytes, decode_text

RU = ("Генассамблея ООН высоко оценила работу\n\nВ рамках первого форума прошла встреча "
      "начальника службы с президентом Генеральной Ассамблеи. Ёлка и щётка.\n")
UK = "Уряд затвердив програму\n\nКабінет Міністрів затвердив програму підтримки, ґанок, їжак.\n"
FR = ("Le président a reçu la délégation\n\nLe président azerbaïdjanais a reçu le 1er mars le "
      "directeur général de l’Organisation, « très apprécié » à Genève.\n")
TR = ("Dışişleri Bakanı büyükelçiyi kabul etti\n\nGörüşmede iki ülke arasındaki ilişkiler "
      "ve İstanbul'daki forum ele alındı. Şubat ayında yeni bir görüşme yapılacak.\n")
DE = "Die Außenministerin empfängt\n\nDie Außenministerin hat über Straßenbau gesprochen.\n"


@pytest.mark.parametrize(("text", "encoding", "expected"), [
    (RU, "utf-8", "utf-8"),
    (RU, "utf-8-sig", "utf-8 (BOM)"),
    (RU, "utf-16", "utf-16-le (BOM)"),
    (FR, "utf-16-be", "utf-16-be"),
    (FR, "utf-16-le", "utf-16-le"),
    (RU, "cp1251", "cp1251"),
    (UK, "cp1251", "cp1251"),
    (FR, "cp1252", "cp1252"),
    (DE, "latin-1", "cp1252"),
    (TR, "cp1254", "cp1254"),
])
def test_decodes(text: str, encoding: str, expected: str) -> None:
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
        expected = "utf-16-be (BOM)"
    decoded, name = decode_bytes(data)
    assert decoded == text
    assert name == expected


def test_bomless_utf16_is_recognised() -> None:
    decoded, name = decode_bytes(FR.encode("utf-16-le"))
    assert (decoded, name) == (FR, "utf-16-le")


@pytest.mark.parametrize("encoding", ["cp1251", "cp1252", "utf-16", "utf-8-sig"])
def test_release_read_in_any_encoding_is_the_same(encoding: str) -> None:
    text = RU if encoding == "cp1251" else FR
    ref = read_release_file(Path("a.txt"), text.encode("utf-8"))[0]
    other = read_release_file(Path("a.txt"), text.encode(encoding))[0]
    assert (other.title, other.body, other.language) == (ref.title, ref.body, ref.language)


def test_nfc_and_line_ends() -> None:
    decomposed = unicodedata.normalize("NFD", "Azərbaycan é") + "\r\nline\rnext\u2028end"
    text = clean_text(decomposed)
    assert text == "Azərbaycan é\nline\nnext\nend"
    assert unicodedata.is_normalized("NFC", text)


def test_a_few_control_characters_become_spaces() -> None:
    assert clean_text("a\x07b\x1bc") == "a b c"


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty file"),
    (b"  \n\t\r\n ", "empty file"),
    (b"GIF89a\x00\x01\x00\x00\xff\xfe", "binary"),
    (bytes(range(0, 32)) * 20, "binary"),
    (codecs.BOM_UTF8 + b"\xff\xfe\xfd", "cannot decode"),
    (codecs.BOM_UTF8 + b"   ", "empty"),
])
def test_unusable_bytes(data: bytes, reason: str) -> None:
    with pytest.raises(ImportFileError, match=reason):
        decode_text(data)


def test_file_over_the_size_limit_is_refused() -> None:
    data = b"a" * (MAX_FILE_BYTES + 1)
    with pytest.raises(ImportFileError, match="larger than"):
        read_release_file(Path("big.txt"), data)


def test_unsupported_suffix_is_refused() -> None:
    with pytest.raises(ImportFileError, match="unsupported file type .pdf"):
        read_release_file(Path("x.pdf"), b"%PDF-1.4")
