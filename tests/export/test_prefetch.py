"""The read-ahead of export batches: order kept, errors surfaced, reader stopped early."""

from __future__ import annotations

import contextlib
import threading

import pytest

from desktop_app.services.export import prefetched


def test_order_and_end():
    assert list(prefetched(iter([[1], [2], [3]]), depth=1)) == [[1], [2], [3]]
    assert list(prefetched(iter([]))) == []


def test_reader_error_reaches_the_caller():
    def batches():
        yield [1]
        raise RuntimeError("disk went away")

    got = []
    with pytest.raises(RuntimeError, match="disk went away"):
        for b in prefetched(batches()):
            got.append(b)
    assert got == [[1]]


def test_closing_early_stops_and_joins_the_reader():
    closed = threading.Event()

    def endless():
        try:
            n = 0
            while True:
                n += 1
                yield [n]
        finally:
            closed.set()

    with contextlib.closing(prefetched(endless(), depth=2)) as batches:
        for b in batches:
            if b == [3]:
                break
    assert closed.is_set()
    assert not any(t.name == "export-reader" for t in threading.enumerate())
