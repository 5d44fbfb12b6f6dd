"""Written dates in every supported language and the numeric forms."""

from __future__ import annotations

import pytest

from desktop_app.domain.enums import DatePrecision
from desktop_app.domain.releases import ReleaseDate
from desktop_app.importers.dates import combine, date_line, find_date, find_dates, parse_date

DAY, MONTH, YEAR, MONTH_DAY = (DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR,
                               DatePrecision.MONTH_DAY)


@pytest.mark.parametrize(("text", "iso", "precision"), [
    # French
    ("7 mars 2018", "2018-03-07", DAY),
    ("1er mars", "--03-01", MONTH_DAY),
    ("le 14 juillet 2022 à Paris", "2022-07-14", DAY),
    ("12 décembre", "--12-12", MONTH_DAY),
    # Azerbaijani, with case endings
    ("martın 1-də", "--03-01", MONTH_DAY),
    ("1 mart 2023-cü il", "2023-03-01", DAY),
    ("mart 01,2023 11:00", "2023-03-01", DAY),
    ("iyunun 14-də", "--06-14", MONTH_DAY),
    ("2023-cü il 5 aprel", "2023-04-05", DAY),
    # Russian
    ("21 мая 2022 г. 16:49", "2022-05-21", DAY),
    ("3 февраля", "--02-03", MONTH_DAY),
    # Ukrainian
    ("12 березня 2023 року", "2023-03-12", DAY),
    ("1 листопада", "--11-01", MONTH_DAY),
    # English
    ("March 12, 2023", "2023-03-12", DAY),
    ("12 March", "--03-12", MONTH_DAY),
    ("1st of nothing, 2 September 2021", "2021-09-02", DAY),
    # Turkish
    ("1 Mart 2023", "2023-03-01", DAY),
    ("15 Ağustos 2020 Cumartesi", "2020-08-15", DAY),
    # German
    ("1. März 2023", "2023-03-01", DAY),
    ("24. Dezember", "--12-24", MONTH_DAY),
    # Spanish
    ("1 de marzo de 2023", "2023-03-01", DAY),
    ("30 de septiembre", "--09-30", MONTH_DAY),
    # Numeric
    ("2023-03-01", "2023-03-01", DAY),
    ("2023-03-01T10:00:00Z", "2023-03-01", DAY),
    ("01.03.2023", "2023-03-01", DAY),
    ("2018-03", "2018-03", MONTH),
    ("mars 2018", "2018-03", MONTH),
])
def test_find_date(text: str, iso: str, precision: DatePrecision) -> None:
    match = find_date(text)
    assert match is not None, text
    assert match.date == ReleaseDate(iso, precision)


@pytest.mark.parametrize("text", [
    "© 2024 The Republic", "2023-2024", "31.02.2023", "12 marshals", "version 3.14", "",
])
def test_no_date(text: str) -> None:
    assert find_date(text) is None


def test_impossible_day_is_not_a_day() -> None:
    assert all(m.date.precision is not DAY for m in find_dates("31 février 2023"))


def test_leap_day_without_year_is_kept() -> None:
    assert find_date("29 février").date == ReleaseDate("--02-29", MONTH_DAY)


def test_parse_date_field() -> None:
    assert parse_date("2021") == ReleaseDate("2021", YEAR)
    assert parse_date(" 1 Mart 2023 ") == ReleaseDate("2023-03-01", DAY)
    assert parse_date("not a date") is None
    assert parse_date("") is None


@pytest.mark.parametrize(("line", "iso"), [
    ("21 мая 2022 г. 16:49", "2022-05-21"),
    ("12 березня 2023 року", "2023-03-12"),
    ("5 Mart 2023", "2023-03-05"),
    ("1. März 2023, 10:30 Uhr", "2023-03-01"),
])
def test_date_line(line: str, iso: str) -> None:
    assert date_line(line).iso == iso


@pytest.mark.parametrize("line", [
    "Le ministre a reçu le 7 mars 2018 une délégation.",
    "Внешняя политика",
    "7 mars, Bakou et Paris",
])
def test_not_a_date_line(line: str) -> None:
    assert date_line(line) is None


def test_combine_month_with_month_day() -> None:
    assert combine(ReleaseDate("2018-03", MONTH), ReleaseDate("--03-07", MONTH_DAY)) == \
        ReleaseDate("2018-03-07", DAY)
    # A January file reporting news of late December belongs to the year before.
    assert combine(ReleaseDate("2019-01", MONTH), ReleaseDate("--12-30", MONTH_DAY)) == \
        ReleaseDate("2018-12-30", DAY)
    # Months that disagree: keep the surer year-month.
    assert combine(ReleaseDate("2018-03", MONTH), ReleaseDate("--07-07", MONTH_DAY)) == \
        ReleaseDate("2018-03", MONTH)
    assert combine(ReleaseDate("2018", YEAR), ReleaseDate("--07-07", MONTH_DAY)) == \
        ReleaseDate("2018-07-07", DAY)
    assert combine(None, ReleaseDate("--07-07", MONTH_DAY)) == ReleaseDate("--07-07", MONTH_DAY)
