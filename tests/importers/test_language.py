"""Language of releases in the languages the app must know, Azerbaijani and Turkish included."""

from __future__ import annotations

import pytest

from desktop_app.importers.language import LanguageDetector, detect_language, spelling_fix

SAMPLES = {
    "fr": "Le ministre a reçu mardi une délégation de l’Organisation mondiale de la santé pour "
          "discuter de la coopération dans le domaine de la santé publique.",
    "az": "Nazir çərşənbə axşamı Ümumdünya Səhiyyə Təşkilatının nümayəndə heyətini qəbul edib, "
          "səhiyyə sahəsində əməkdaşlıq məsələlərini müzakirə edib.",
    "tr": "Bakan salı günü Dünya Sağlık Örgütü heyetini kabul etti ve sağlık alanındaki "
          "işbirliği konularını görüştü.",
    "ru": "Министр во вторник принял делегацию Всемирной организации здравоохранения и обсудил "
          "сотрудничество в области общественного здоровья.",
    "uk": "Міністр у вівторок прийняв делегацію Всесвітньої організації охорони здоров’я та "
          "обговорив співпрацю у сфері громадського здоров’я.",
    "en": "On Tuesday the minister received a delegation of the World Health Organization to "
          "discuss cooperation in public health.",
    "de": "Der Minister empfing am Dienstag eine Delegation der Weltgesundheitsorganisation, um "
          "über die Zusammenarbeit im Gesundheitswesen zu sprechen.",
    "es": "El ministro recibió el martes a una delegación de la Organización Mundial de la Salud "
          "para hablar de la cooperación en salud pública.",
    "cs": "Ministr v úterý přijal delegaci Světové zdravotnické organizace a jednal o spolupráci "
          "v oblasti veřejného zdraví.",
}


@pytest.mark.parametrize(("lang", "text"), sorted(SAMPLES.items()))
def test_detects(lang: str, text: str) -> None:
    code, confidence = detect_language(text)
    assert code == lang
    assert 0.5 < confidence <= 1.0


@pytest.mark.parametrize(("text", "lang"), [
    ("Prezident İlham Əliyev səfiri qəbul edib", "az"),
    ("Cumhurbaşkanı büyükelçiyi kabul etti", "tr"),
])
def test_azerbaijani_and_turkish_short_titles(text: str, lang: str) -> None:
    assert detect_language(text)[0] == lang


def test_warm_up_loads_the_model_once() -> None:
    from desktop_app.importers import warm_up
    from desktop_app.importers.language import default_detector

    warm_up()
    model = default_detector()._model
    assert model is not None
    warm_up()
    assert default_detector()._model is model


def test_no_letters_no_language() -> None:
    assert detect_language("12345 67 -- 2023") == (None, 0.0)
    assert detect_language("") == (None, 0.0)


def test_spelling_rules() -> None:
    assert spelling_fix("tr", "Azərbaycan Respublikası və Əliyev") == "az"
    assert spelling_fix("tr", "Türkiye Cumhuriyeti") == "tr"
    assert spelling_fix("bg", "Мы были в этом городе") == "ru"
    assert spelling_fix("ru", "Їжак і ґанок") == "uk"
    assert spelling_fix("uk", "Київ і Харків") == "uk"


def test_restricted_language_set_is_honoured() -> None:
    detector = LanguageDetector(languages=("fr", "en"))
    assert detector.detect(SAMPLES["es"])[0] in ("fr", "en")
    assert detector.detect(SAMPLES["fr"])[0] == "fr"
