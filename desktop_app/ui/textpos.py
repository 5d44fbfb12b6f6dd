"""Code-point offsets (the store's) <-> UTF-16 positions (QTextCursor's).

Python indexes strings by code point; Qt counts UTF-16 code units, so every character outside
the Basic Multilingual Plane (emoji, some CJK, historic scripts) takes two Qt positions.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right


def utf16_length(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class Utf16Map:
    """Converts positions in one text both ways in O(log n) per call."""

    __slots__ = ("_astral", "_starts", "_length")

    def __init__(self, text: str) -> None:
        # Code-point indexes of astral characters, and the UTF-16 index each one starts at.
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._starts = [cp + k for k, cp in enumerate(self._astral)]
        self._length = len(text)

    @property
    def simple(self) -> bool:
        """True when both counts agree everywhere (no astral characters)."""
        return not self._astral

    def to_utf16(self, cp: int) -> int:
        """UTF-16 position of code-point offset `cp` (0 <= cp <= len(text))."""
        if not 0 <= cp <= self._length:
            raise ValueError(f"code-point offset {cp} outside 0..{self._length}")
        return cp + bisect_left(self._astral, cp)

    def to_code_point(self, u16: int) -> int:
        """Code-point offset of UTF-16 position `u16`; inside a surrogate pair, its start."""
        if not 0 <= u16 <= self._length + len(self._astral):
            raise ValueError(f"UTF-16 position {u16} outside the text")
        before = bisect_right(self._starts, u16 - 1)  # astral characters starting before u16
        if before and self._starts[before - 1] + 1 == u16:
            return self._astral[before - 1]  # between the two halves of a pair
        return u16 - before

    def range_to_utf16(self, start: int, end: int) -> tuple[int, int]:
        return self.to_utf16(start), self.to_utf16(end)

    def range_to_code_points(self, start: int, end: int) -> tuple[int, int]:
        """A UTF-16 selection as a code-point span; a half-covered pair counts as covered."""
        cp_start = self.to_code_point(start)
        cp_end = self.to_code_point(end)
        if cp_end < self._length and self.to_utf16(cp_end) < end:
            cp_end += 1
        return cp_start, cp_end


def cp_to_utf16(text: str, cp: int) -> int:
    return Utf16Map(text).to_utf16(cp)


def utf16_to_cp(text: str, u16: int) -> int:
    return Utf16Map(text).to_code_point(u16)
