"""Text releases: header styles, datelines, teaser, boilerplate, lost diacritics."""

from __future__ import annotations

import pytest

from desktop_app.domain.enums import DatePrecision
from desktop_app.importers.boilerplate import strip_trailing
from desktop_app.importers.titles import degrade, repair_lost_diacritics

from .conftest import parse_text, read_one


@pytest.mark.parametrize(("name", "lang", "iso", "precision"), [
    ("fr_leading_date.txt", "fr", "2019-06-14", DatePrecision.DAY),
    ("fr_dateline_no_year.txt", "fr", "--04-01", DatePrecision.MONTH_DAY),
    ("az_header_lost_diacritics.txt", "az", "2021-06-14", DatePrecision.DAY),
    ("az_dateline.txt", "az", "--03-01", DatePrecision.MONTH_DAY),
    ("ru_teaser.txt", "ru", "2021-02-03", DatePrecision.DAY),
    ("tr_date_line.txt", "tr", "2023-03-05", DatePrecision.DAY),
    ("uk_date_line.txt", "uk", "2023-03-12", DatePrecision.DAY),
    ("de_heading.md", "de", "2023-03-01", DatePrecision.DAY),
    ("es_page.html", "es", "2023-03-01", DatePrecision.DAY),
])
def test_fixture_date_and_language(name: str, lang: str, iso: str,
                                   precision: DatePrecision) -> None:
    release = read_one(name)
    assert release.language == lang
    assert release.language_confidence > 0.9
    assert release.date is not None
    assert (release.date.iso, release.date.precision) == (iso, precision)


def test_leading_date_line_and_dateline_combine() -> None:
    r = read_one("fr_leading_date.txt")
    assert r.dateline == "Bakou, 14 juin, AZERTAC"
    assert r.source == "AZERTAC"
    assert r.title == ""
    assert r.body.startswith("Le ministre des Affaires étrangères a reçu le 14 juin")
    assert "date 2019" not in r.body and "AZERTAC" not in r.body


def test_dateline_without_year_gives_month_day() -> None:
    r = read_one("fr_dateline_no_year.txt")
    assert (r.dateline, r.source) == ("Paris, 1er avril, AFP", "AFP")
    assert r.date.as_date() is None


@pytest.mark.parametrize(("line", "source", "iso"), [
    ("Baku, 12 March, AZERTAC", "AZERTAC", "--03-12"),
    ("Bakou, 7 mars, AZERTAC", "AZERTAC", "--03-07"),
    ("Bakı, 1 mart, AZƏRTAC", "AZƏRTAC", "--03-01"),
    ("Madrid, 1 de marzo de 2023, EFE", "EFE", "2023-03-01"),
    ("BERLIN, 1. März 2023 (dpa)", "dpa", "2023-03-01"),
    ("Баку, 21 мая, AZERTAC", "AZERTAC", "--05-21"),
    ("Київ, 12 березня 2023, Укрінформ", "Укрінформ", "2023-03-12"),
    ("Ankara, 5 Mart 2023, AA", "AA", "2023-03-05"),
    ("Baku, 12 March 2023", None, "2023-03-12"),
])
def test_dateline_styles(line: str, source: str | None, iso: str) -> None:
    r = parse_text(f"{line}\n\nThe text of the release follows here and says what happened.\n")
    assert (r.dateline, r.source, r.date.iso) == (line, source, iso)
    assert r.body == "The text of the release follows here and says what happened."


def test_a_comma_in_a_first_line_is_not_a_dateline() -> None:
    r = parse_text("Paris, la ville lumière, accueille le sommet\n\nLe sommet s'ouvre lundi.\n")
    assert r.dateline is None
    assert r.title == "Paris, la ville lumière, accueille le sommet"


def test_inline_dateline_is_cut_from_the_first_paragraph() -> None:
    r = parse_text("Ministers met in Vienna\n\nVIENNA, March 3 (Reuters) - The ministers met "
                   "on Friday to discuss the agreement.\n")
    assert r.title == "Ministers met in Vienna"
    assert r.source == "Reuters"
    assert r.date.iso == "--03-03"
    assert r.body == "The ministers met on Friday to discuss the agreement."


def test_header_block_fields() -> None:
    r = read_one("az_header_lost_diacritics.txt")
    assert r.url == "https://example.az/az/news/1234"
    assert r.source == "example.az"
    assert r.body.startswith("Xarici işlər naziri Ceyhun Bayramov iyunun 14-də")


def test_header_block_other_fields_become_metadata() -> None:
    r = parse_text("Title: Annual report published\nDate: 2022-11-05\nSource: Ministry\n"
                   "Author: Press office\n\nThe annual report of the ministry was published.\n")
    assert (r.title, r.date.iso, r.source) == ("Annual report published", "2022-11-05",
                                               "Ministry")
    assert r.metadata == {"Author": "Press office"}
    assert r.body == "The annual report of the ministry was published."


def test_body_line_with_colon_is_not_a_header() -> None:
    r = parse_text("Note: the meeting was postponed until further notice by the organisers.\n\n"
                   "More details will follow.\n")
    assert r.body.startswith("Note: the meeting")


def test_markdown_front_matter_and_heading() -> None:
    r = parse_text("---\ntitle: Vertrag unterzeichnet\ndate: 2023-03-01\ncategory: Politik\n---\n"
                   "\nDie beiden Minister haben am Mittwoch den Vertrag unterzeichnet.\n",
                   name="r.md")
    assert (r.title, r.date.iso) == ("Vertrag unterzeichnet", "2023-03-01")
    assert r.metadata == {"category": "Politik"}
    md = read_one("de_heading.md")
    assert md.title == "Außenministerin empfängt Delegation aus Aserbaidschan"
    assert md.body.endswith("Wirtschaftskonferenz auszurichten.")  # footer dropped


def test_teaser_section_label_and_repeated_title_are_skipped() -> None:
    r = read_one("ru_teaser.txt")
    assert r.title == "Минтранс объявил о запуске нового маршрута между Баку и Тбилиси"
    assert r.body.startswith("С первого апреля пассажирские поезда")
    assert "Экономика" not in r.body
    assert r.title not in r.body
    assert r.body.endswith("стоимость билетов останется прежней.")  # related news dropped


def test_teaser_without_repeated_title() -> None:
    text = ("Port reopens after storm\n\nPort reopens after storm The port of the city reopened "
            "on Tuesday after three days of closure because of the sto...\n\nThe port of the city "
            "reopened on Tuesday after three days of closure because of the storm, officials "
            "said.\n\nShips began to unload in the afternoon.\n")
    r = parse_text(text)
    assert r.title == "Port reopens after storm"
    assert r.body.startswith("The port of the city reopened on Tuesday")
    assert r.body.count("three days of closure") == 1


def test_footer_is_dropped_and_not_a_date() -> None:
    r = read_one("en_footer.txt")
    assert r.title.startswith("Minister of Health opened")
    assert r.date is None
    assert "©" not in r.body and "Privacy" not in r.body
    assert r.body.endswith("before the end of the decade.")


@pytest.mark.parametrize("name", ["tr_date_line.txt", "uk_date_line.txt"])
def test_related_news_lists_are_dropped(name: str) -> None:
    r = read_one(name)
    assert r.body.rstrip().endswith(".")
    assert "Haberler" not in r.body and "Останні новини" not in r.body


def test_strip_trailing_keeps_a_body_that_only_mentions_news() -> None:
    lines = ["Short intro.", "", "Read more about it in the report, the minister said.",
             "", "Related news", "Another headline", "© 2024 Agency"]
    assert strip_trailing(lines) == lines[:3]
    assert strip_trailing(["Only line."]) == ["Only line."]


def test_lost_diacritics_are_repaired_from_the_body() -> None:
    r = read_one("az_header_lost_diacritics.txt")
    assert r.title == "Xarici işlər naziri Ceyhun Bayramov Gürcüstanın səfiri ilə görüşüb"


def test_degrade_and_repair_rules() -> None:
    assert degrade("Əliyev") == "liyev"
    assert degrade("Təşkilatının") == "Tskilatnn"
    body = "Prezident İlham Əliyev Beynəlxalq Miqrasiya Təşkilatının direktorunu qəbul edib."
    assert repair_lost_diacritics("Ilham liyev Tskilatnn direktorunu qbul edib", body) == \
        "İlham Əliyev Təşkilatının direktorunu qəbul edib"
    # An English title that shares one word with the body stays as written.
    assert repair_lost_diacritics("Meeting in Baku with partners", "Görüş Bakıda keçirildi") == \
        "Meeting in Baku with partners"
    # A title already in the body's spelling is untouched.
    assert repair_lost_diacritics("İlham Əliyev", body) == "İlham Əliyev"


def test_title_line_rules() -> None:
    r = parse_text("A long first paragraph that reads like a sentence of the body.\n\n"
                   "Second paragraph.\n")
    assert r.title == ""
    assert r.body.startswith("A long first paragraph")
    r = parse_text("Only a title line\n")
    assert r.title == "" and r.body == "Only a title line"


def test_blank_lines_are_collapsed_and_crlf_normalised() -> None:
    r = parse_text("Headline here\r\n\r\n\r\n\r\nFirst paragraph.\r\n\r\n\r\nSecond.\r\n")
    assert r.title == "Headline here"
    assert r.body == "First paragraph.\n\nSecond."


def test_title_quoted_later_in_the_body_does_not_drop_paragraphs() -> None:
    text = ("Statement\n\nThe ministry published the following text on its website today, "
            "after the meeting of the board.\n\nStatement\n\nWe support the agreement.\n")
    r = parse_text(text)
    assert r.title == "Statement"
    assert r.body.startswith("The ministry published the following text")


def test_section_label_and_date_above_the_title() -> None:
    r = parse_text("Внешняя политика\n21 мая 2022 г. 16:49\nМинистр принял посла\n\n"
                   "Министр иностранных дел принял посла Франции и обсудил сотрудничество.\n")
    assert r.title == "Министр принял посла"
    assert r.date.iso == "2022-05-21"
    assert r.body.startswith("Министр иностранных дел")
