"""JSONL and CSV: known fields, extra fields as metadata, malformed records skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.domain.errors import ImportFileError
from desktop_app.importers import ReadResult, read_release_file

from .conftest import RELEASES


def read(name: str) -> ReadResult:
    path = RELEASES / name
    result = read_release_file(path, path.read_bytes())
    assert isinstance(result, ReadResult)
    return result


def test_jsonl_fields_metadata_and_problems() -> None:
    result = read("records.jsonl")
    assert [r.external_id for r in result] == ["r1", "r2", "5"]
    first = result[0]
    assert (first.title, first.language, first.language_confidence) == (
        "Le ministre a reçu l'ambassadeur", "fr", 1.0)
    assert (first.date.iso, first.url, first.source) == ("2023-03-01", "https://example.fr/1",
                                                         "Ministère")
    assert first.metadata == {"desk": "culture", "priority": "2"}
    second = result[1]
    assert second.language == "az"  # detected: no lang field
    assert second.date.iso == "2023-03-01"
    assert result[2].metadata == {"tags": '["a", "b"]'}
    assert len(result.problems) == 3
    assert result.problems[0].startswith("JSONL line 3: invalid JSON")
    assert result.problems[1] == "JSONL line 4: not a JSON object"
    assert result.problems[2] == "JSONL line 5: no title and no text"


def test_csv_fields_metadata_and_problems() -> None:
    result = read("records.csv")
    assert [r.external_id for r in result] == ["c1", "c2"]
    assert result[0].date.iso == "2023-03-12"
    assert result[0].metadata == {"desk": "trade"}
    assert result[1].language == "de"
    assert result[1].date.iso == "2023-03-01"
    assert result[1].metadata == {"desk": ""}
    assert result.problems == ["CSV line 4: 10 values for 8 columns",
                               "CSV line 5: no title and no text"]


def test_csv_semicolon_and_quoted_newlines() -> None:
    data = ('id;title;text\n1;Titre;"Premier paragraphe.\n\nSecond paragraphe."\n').encode("cp1252")
    result = read_release_file(Path("x.csv"), data)
    assert result[0].body == "Premier paragraphe.\n\nSecond paragraphe."


def test_record_without_title_is_analysed_like_a_text_file() -> None:
    line = '{"id": "a", "text": "Bakou, 7 mars, AZERTAC\\n\\nLe ministre a reçu le 7 mars."}\n'
    r = read_release_file(Path("x.jsonl"), line.encode())[0]
    assert (r.dateline, r.source, r.date.iso) == ("Bakou, 7 mars, AZERTAC", "AZERTAC", "--03-07")
    assert r.body == "Le ministre a reçu le 7 mars."


def test_unparsable_date_is_kept_as_metadata() -> None:
    line = '{"title": "T", "text": "Some English text here.", "date": "sometime"}\n'
    r = read_release_file(Path("x.jsonl"), line.encode())[0]
    assert r.date is None and r.metadata == {"date": "sometime"}


def test_non_text_title_is_a_record_problem() -> None:
    data = b'{"title": 5, "text": "x"}\n{"title": "ok", "text": "fine text"}\n'
    result = read_release_file(Path("x.jsonl"), data)
    assert len(result) == 1
    assert result.problems == ["JSONL line 1: field 'title' is not text"]


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("x.jsonl", b"{not json}\n[1, 2]\n", "no usable record in the JSONL file"),
    ("x.jsonl", b'{"id": 1}\n', "no title and no text"),
    ("x.csv", b"a,b,c\n1,2,3\n", "no 'text' or 'title' column"),
    ("x.csv", b"id,text\n", "no usable record in the CSV file"),
])
def test_unusable_record_files(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(ImportFileError, match=reason):
        read_release_file(Path(name), data)


def test_many_bad_lines_are_summarised() -> None:
    data = b"oops\n" * 50 + b'{"title": "ok", "text": "fine text"}\n'
    result = read_release_file(Path("x.jsonl"), data)
    assert len(result) == 1
    assert len(result.problems) == 21
    assert result.problems[-1] == "... 30 more records skipped"
