"""Code points <-> UTF-16 positions, checked against Python's encoder and a real QTextDocument."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from desktop_app.ui.textpos import Utf16Map, cp_to_utf16, utf16_length, utf16_to_cp

SAMPLES = [
    "İlham Əliyev Bakıda ğ ş ı",
    "Марта Виторино прибыла в Баку",
    "Emoji 🙂 and 👩‍👩‍👧 family, astral 𝔘𝔫𝔦 and 𠀋 CJK",
    "🙂🙂🙂",
    "",
]


def reference_utf16(text: str, cp: int) -> int:
    return len(text[:cp].encode("utf-16-le")) // 2


@pytest.mark.parametrize("text", SAMPLES)
def test_every_offset_matches_the_encoder(text: str) -> None:
    m = Utf16Map(text)
    assert utf16_length(text) == len(text.encode("utf-16-le")) // 2
    for cp in range(len(text) + 1):
        u = m.to_utf16(cp)
        assert u == reference_utf16(text, cp)
        assert m.to_code_point(u) == cp


def test_middle_of_a_surrogate_pair_snaps_to_the_character() -> None:
    text = "a🙂b"
    m = Utf16Map(text)
    assert m.to_utf16(1) == 1 and m.to_utf16(2) == 3
    assert m.to_code_point(2) == 1  # between the two halves of 🙂
    assert m.range_to_code_points(2, 3) == (1, 2)  # a half-covered pair counts as covered
    assert cp_to_utf16(text, 3) == 4 and utf16_to_cp(text, 4) == 3


def test_out_of_range_is_refused() -> None:
    m = Utf16Map("ab🙂")
    with pytest.raises(ValueError):
        m.to_utf16(4)
    with pytest.raises(ValueError):
        m.to_code_point(5)
    with pytest.raises(ValueError):
        m.to_utf16(-1)


@pytest.mark.parametrize("text", SAMPLES[:3])
def test_positions_select_the_same_text_in_a_qtextdocument(qapp, text: str) -> None:
    doc = QTextDocument()
    doc.setPlainText(text)
    m = Utf16Map(text)
    words = [(i, i + len(w)) for i, w in _words(text)]
    assert words
    for start, end in words:
        cursor = QTextCursor(doc)
        cursor.setPosition(m.to_utf16(start))
        cursor.setPosition(m.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == text[start:end]


def _words(text: str):
    pos = 0
    for word in text.split(" "):
        if word:
            yield pos, word
        pos += len(word) + 1


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_round_trip_on_any_text(text: str) -> None:
    m = Utf16Map(text)
    for cp in range(len(text) + 1):
        assert m.to_code_point(m.to_utf16(cp)) == cp
        assert m.to_utf16(cp) == reference_utf16(text, cp)
