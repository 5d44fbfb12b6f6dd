"""A dateline without a year takes it only from a full date of the same day."""

from __future__ import annotations

from pathlib import Path

from desktop_app.domain.enums import DatePrecision
from desktop_app.importers import read_release_file

BODY = "Bakou, 15 avril, AZERTAC\n\nLe ministre a inauguré la nouvelle ligne de bus.\n"


def read(name: str, text: str):
    return read_release_file(Path(name), text.encode("utf-8"))[0]


def test_year_from_file_name_with_same_day():
    r = read("2024-04-15_azertac_fr.txt", BODY)
    assert (r.date.iso, r.date.precision) == ("2024-04-15", DatePrecision.DAY)


def test_file_name_weeks_away_is_ignored():
    r = read("2024-05-02_download.txt", BODY)
    assert (r.date.iso, r.date.precision) == ("--04-15", DatePrecision.MONTH_DAY)


def test_year_from_full_date_in_text():
    r = read("release.txt", BODY + "\nLa cérémonie du 15 avril 2024 a réuni les élus.\n")
    assert r.date.iso == "2024-04-15"


def test_bare_year_in_text_is_not_enough():
    r = read("release.txt", BODY + "\nLe programme court jusqu'en 2027.\n")
    assert r.date.precision is DatePrecision.MONTH_DAY


def test_file_name_a_day_later_lends_its_year():
    r = read("2024-04-16_bakunovosti_fr.txt", BODY)
    assert r.date.iso == "2024-04-15"


def test_file_name_across_new_year():
    body = "Bakou, 30 décembre, AZERTAC\n\nLe ministre a inauguré la nouvelle ligne de bus.\n"
    assert read("2025-01-02_repost.txt", body).date.iso == "2024-12-30"
