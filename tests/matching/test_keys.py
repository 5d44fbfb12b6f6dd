"""Match keys: transliterated names, case endings, dates in several languages, figures."""

from __future__ import annotations

import pytest

from desktop_app.matching.dates import find_dates
from desktop_app.matching.keys import MatchKeys, compute_keys, exact_hash, normal_number
from desktop_app.matching.names import name_key


@pytest.mark.parametrize(("words", "lang_of"), [
    (["Vitorino", "Виторино", "Vitorinonu", "Vitorinoya"], ["fr", "ru", "az", "az"]),
    (["Hasanov", "Həsənov", "Гасанов", "Hassanov"], ["en", "az", "ru", "fr"]),
    (["Thompson", "Томпсон"], ["en", "ru"]),
    (["Aliyev", "Əliyev", "Алиев"], ["fr", "az", "ru"]),
    (["Berglund", "Берглунда", "Berqlundu"], ["en", "ru", "az"]),
])
def test_one_name_in_several_scripts_gets_one_key(words, lang_of):
    keys = {name_key(w, lang) for w, lang in zip(words, lang_of, strict=True)}
    assert len(keys) == 1, keys


def test_case_endings_are_tolerated_only_in_their_language():
    assert name_key("Вусалом", "ru") == name_key("Vusal", "en")
    assert name_key("Гусейновым", "ru") == name_key("Hüseynov", "az")
    assert name_key("Bakıda", "az") == name_key("Баку", "ru")
    # French has no case endings: a final -in is part of the name.
    assert name_key("Martin", "fr") != name_key("Mart", "fr")


def test_different_names_keep_different_keys():
    assert name_key("Vitorino", "fr") != name_key("Thompson", "fr")
    assert name_key("Mammadova", "en") != name_key("Berglund", "en")


@pytest.mark.parametrize(("text", "expected"), [
    ("Bakou, 1er mars, AZERTAC", ["03-01"]),
    ("Prezident martın 1-də qəbul edib", ["03-01"]),
    ("Министр 1 марта 2023 года принял", ["2023-03-01"]),
    ("On March 1, 2023, the minister", ["2023-03-01"]),
    ("am 1. März 2023 in Berlin", ["2023-03-01"]),
    ("el 1 de marzo de 2023", ["2023-03-01"]),
    ("1 березня відбулася зустріч", ["03-01"]),
    ("dne 1. března 2023", ["2023-03-01"]),
    ("5 Mart 2023 tarihinde", ["2023-03-05"]),
    ("Date: mart 01,2023 11:00", ["2023-03-01"]),
    ("signed on 01.03.2023 and 2024-12-31", ["2023-03-01", "2024-12-31"]),
    ("12 мая и 3 октября", ["05-12", "10-03"]),
])
def test_dates_in_several_languages(text, expected):
    found = find_dates(text)
    assert [d.key for d in found] == expected
    for d in found:
        assert text[d.start:d.end].strip()  # spans point at the written date


def test_words_that_are_not_dates():
    assert find_dates("you may 2 go") == []
    assert find_dates("article 45 of the law") == []


@pytest.mark.parametrize(("raw", "value"), [
    ("1,000", "1000"), ("1 000", "1000"), ("1.000", "1000"), ("3,5", "3.5"), ("4.8", "4.8"),
    ("12", "12"),
])
def test_figures_are_normalised(raw, value):
    assert normal_number(raw) == value


def test_keys_have_names_figures_dates_and_weights():
    keys = compute_keys("Leyla Mammadova receives Jonas Berglund",
                        "Baku, 12 March. The budget is 4,8 million euros for 2024-2026; "
                        "the NWA trained 36 engineers. Talks ended at 11:30, see "
                        "https://example.org/a/59065.", "en", "2024-03-12")
    assert name_key("Berglund") in keys.families["n"]
    assert keys.families["n"][name_key("Berglund")] > 1.0   # title weighs more than body
    assert {"4.8", "2024", "2026", "36"} <= set(keys.families["num"])
    assert "59065" not in keys.families["num"] and "30" not in keys.families["num"]
    assert keys.families["d"] == {"03-12": pytest.approx(1.5)}
    assert "nwa" in keys.families["a"]
    again = MatchKeys.from_json(keys.to_json())
    for fam, weights in keys.families.items():
        assert again.families[fam] == pytest.approx(weights, abs=0.01)
    assert again.surfaces["n"][name_key("Berglund")] == "Berglund"
    assert again.date == "2024-03-12" and again.lang == "en"


def test_sentence_start_words_are_not_names_unless_they_look_like_one():
    keys = compute_keys("", "The minister spoke. The talks ended. Vitorino left the room.", "en")
    assert name_key("The") not in keys.families["n"]
    assert name_key("Vitorino") in keys.families["n"]


def test_exact_hash_ignores_case_spacing_and_punctuation():
    assert exact_hash("Hello,  World!") == exact_hash("hello world")
    assert exact_hash("Hello World") != exact_hash("Hello Word")
