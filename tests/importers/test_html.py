"""HTML pages: furniture dropped, paragraphs kept, broken or deep markup survives."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.domain.errors import ImportFileError
from desktop_app.importers import read_release_file
from desktop_app.importers.html_text import extract

from .conftest import read_one


def test_fixture_page() -> None:
    r = read_one("es_page.html")
    assert r.title.startswith("El ministro recibió a la delegación")
    assert r.dateline == "Madrid, 1 de marzo de 2023, EFE"
    assert r.source == "EFE"
    assert r.url == "https://example.es/noticias/42"
    assert r.body.split("\n\n")[0].startswith("El ministro de Asuntos Exteriores recibió")
    assert "otoño & firmar" in r.body  # entities decoded
    for furniture in ("tracking", "color: red", "Inicio", "derechos reservados"):
        assert furniture not in r.body
    assert r.metadata["html_lang"] == "es"


def test_paragraphs_and_inline_tags() -> None:
    doc = extract("<p>One <b>bold</b> <i>word</i>.</p><p>Two<br>lines</p><ul><li>a</li>"
                  "<li>b</li></ul>")
    assert doc.text == "One bold word.\n\nTwo\nlines\n\na\n\nb"
    assert extract("<p>source\nline   ends</p>").text == "source line ends"


def test_meta_fields() -> None:
    doc = extract('<html lang="az-Latn"><head><title>Xəbər | Sayt</title>'
                  '<meta property="article:published_time" content="2023-03-01T10:00:00+04:00">'
                  '<link rel="canonical" href="https://example.az/x"></head>'
                  "<body><p>Mətn</p></body></html>")
    assert (doc.title, doc.heading, doc.date, doc.url, doc.lang) == (
        "Xəbər | Sayt", "Xəbər | Sayt", "2023-03-01T10:00:00+04:00", "https://example.az/x", "az")


def test_page_date_from_meta() -> None:
    html = ('<meta name="date" content="2021-07-09"><h1>Port reopened after the storm</h1>'
            "<p>The port reopened on Friday after three days.</p>")
    r = read_release_file(Path("p.html"), html.encode())[0]
    assert (r.title, r.date.iso) == ("Port reopened after the storm", "2021-07-09")


def test_deeply_nested_markup() -> None:
    html = "<div>" * 50000 + "<p>deep text</p>" + "</div>" * 50000
    assert extract(html).text == "deep text"


def test_broken_markup_keeps_what_it_can() -> None:
    doc = extract("<p>kept <b>bold <script>lost(</p><p>also lost")
    assert doc.text == "kept bold"
    doc = extract("</div></p><p>after stray ends</span>< p><<>>&bogus;</")
    assert "after stray ends" in doc.text
    doc = extract("<nav><nav>menu</nav> still menu</nav><p>body</p>")
    assert doc.text == "body"


def test_page_without_text_is_refused() -> None:
    with pytest.raises(ImportFileError, match="no text"):
        read_release_file(Path("e.html"), b"<html><script>x()</script><nav>menu</nav></html>")


def test_time_element_gives_the_date() -> None:
    html = ('<h1>Port reopened after the storm</h1><time datetime="2020-02-03">3 Feb</time>'
            "<p>The port reopened on Friday after three days.</p>")
    r = read_release_file(Path("p.html"), html.encode())[0]
    assert r.date.iso == "2020-02-03"
