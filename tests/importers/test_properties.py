"""Whatever the bytes, reading a file returns releases or raises ImportFileError, nothing else."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.domain.errors import ImportFileError
from desktop_app.domain.releases import ParsedRelease
from desktop_app.importers import SUPPORTED_SUFFIXES, read_release_file

SUFFIXES = sorted(SUPPORTED_SUFFIXES)
SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
WORDS = ["Bakou", "7 mars", "AZERTAC", "Title:", "Date:", "URL:", " date 2018-03", "martın 1-də",
         "21 мая 2022 г.", "©", "Последние новости", "<p>", "</div>", "<script>", "\n", "\n\n",
         ",", '"', "{", "}", "İlham", "Əliyev", "|", "\r\n", "\x00", "\ufeff", "---", "#"]


def check(name: str, data: bytes) -> None:
    try:
        releases = read_release_file(Path(name), data)
    except ImportFileError as exc:
        assert str(exc)
        return
    assert releases
    for r in releases:
        assert isinstance(r, ParsedRelease)
        assert isinstance(r.title, str) and isinstance(r.body, str)
        assert "\r" not in r.body and "\x00" not in r.body
        assert all(isinstance(v, str) for v in r.metadata.values())


@SETTINGS
@given(st.sampled_from(SUFFIXES), st.binary(max_size=3000))
def test_random_bytes(suffix: str, data: bytes) -> None:
    check("f" + suffix, data)


@SETTINGS
@given(st.sampled_from(SUFFIXES), st.text(max_size=800),
       st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "cp1251", "cp1252"]))
def test_any_text_in_any_encoding(suffix: str, text: str, encoding: str) -> None:
    check("f" + suffix, text.encode(encoding, errors="replace"))


@SETTINGS
@given(st.sampled_from(SUFFIXES), st.lists(st.sampled_from(WORDS) | st.text(max_size=20),
                                           max_size=60))
def test_release_like_fragments(suffix: str, parts: list[str]) -> None:
    text = " ".join(parts)
    check("f" + suffix, text.encode("utf-8", errors="replace"))


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(["utf-8", "cp1251", "cp1252", "utf-16"]),
                          st.text(max_size=80)), min_size=1, max_size=8))
def test_mixed_encodings_in_one_file(chunks: list[tuple[str, str]]) -> None:
    data = b"\n".join(text.encode(enc, errors="replace") for enc, text in chunks)
    for suffix in (".txt", ".csv", ".jsonl"):
        check("f" + suffix, data)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=1, max_value=200_000), st.sampled_from(SUFFIXES))
def test_huge_lines(length: int, suffix: str) -> None:
    check("f" + suffix, b"Title: x\n\n" + b"a" * length + b"\n")
    check("f" + suffix, ("й" * length).encode("utf-8"))
    # Long runs that a backtracking pattern would take quadratic time over.
    check("f" + suffix, b"Title: a\nkey: " + b" " * length + b"x\n\n" + b"." * length + b"x")


@SETTINGS
@given(st.lists(st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<script>", "</script>",
                                 "<nav>", "<!--", "-->", "<![CDATA[", "&amp", "&#99999999;",
                                 "<h1>", "</h1>", "<title>", "<b", "text", "<", ">", "'", '"']),
                max_size=200))
def test_broken_html(parts: list[str]) -> None:
    check("f.html", "".join(parts).encode())


@SETTINGS
@given(st.lists(st.one_of(
    st.dictionaries(st.sampled_from(["id", "title", "text", "lang", "date", "url", "source",
                                     "extra"]),
                    st.one_of(st.text(max_size=40), st.integers(), st.none(), st.booleans(),
                              st.lists(st.integers(), max_size=3), st.floats())),
    st.text(max_size=40)), max_size=12))
def test_malformed_jsonl(items: list) -> None:
    lines = [json.dumps(x) if isinstance(x, dict) else x for x in items]
    check("f.jsonl", "\n".join(lines).encode("utf-8", errors="replace"))


@SETTINGS
@given(st.lists(st.lists(st.text(alphabet=st.sampled_from('ab,;"\n\t é\r'), max_size=12),
                         max_size=9), max_size=12))
def test_malformed_csv(rows: list[list[str]]) -> None:
    body = "\n".join(",".join(row) for row in rows)
    check("f.csv", ("id,title,text,lang,date\n" + body).encode())
    check("f.csv", ('"unterminated\n' + body).encode())
