"""Small multilingual release files for the robustness tests, written by the tests themselves."""

from __future__ import annotations

import random
from pathlib import Path

_LEADS = {
    "fr": "Bakou, {d} mars, AZERTAC\n\n{p} a reçu le {d} mars une délégation consacrée à {t}.",
    "az": "Bakı, {d} mart, AZƏRTAC\n\n{p} martın {d}-də {t} üzrə nümayəndə heyətini qəbul edib.",
    "ru": "Баку, {d} марта, АЗЕРТАДЖ\n\n{p} {d} марта принял делегацию по теме «{t}».",
    "en": "Baku, {d} March, AZERTAC\n\n{p} received a delegation on {t} on {d} March.",
}
_PEOPLE = {"fr": "Élise Marchand", "az": "Rəşad Əlizadə", "ru": "Ирина Соколова",
           "en": "Daniel Okafor"}
_TOPICS = {
    "fr": ["l’énergie solaire", "la santé publique", "les transports", "l’eau potable"],
    "az": ["günəş enerjisi", "ictimai səhiyyə", "nəqliyyat", "içməli su"],
    "ru": ["солнечная энергетика", "здравоохранение", "транспорт", "питьевая вода"],
    "en": ["solar energy", "public health", "transport", "drinking water"],
}
_FILLER = {
    "fr": "Les parties ont examiné des projets communs et convenu de poursuivre le dialogue.",
    "az": "Tərəflər birgə layihələri müzakirə edib və dialoqu davam etdirməyə razılaşıblar.",
    "ru": "Стороны обсудили совместные проекты и договорились продолжить диалог.",
    "en": "The parties discussed joint projects and agreed to continue the dialogue.",
}


def release_text(index: int) -> str:
    """A unique release (its number is in the title) of about 1 kB."""
    rng = random.Random(index)
    lang = ("fr", "az", "ru", "en")[index % 4]
    topic = rng.choice(_TOPICS[lang])
    lead = _LEADS[lang].format(d=1 + index % 28, p=_PEOPLE[lang], t=topic)
    body = "\n\n".join([lead] + [_FILLER[lang]] * rng.randint(4, 10))
    return f"{_PEOPLE[lang]} — {topic} ({index})\n\n{body}\n"


def write_part(root: Path, part: int, files: int, copies: int = 2) -> int:
    """Write part `part` of a corpus: `files` unique releases plus `copies` exact copies.

    Returns how many distinct releases the part adds.
    """
    folder = root / f"part{part:03d}"
    folder.mkdir(parents=True, exist_ok=True)
    first = part * files
    for i in range(first, first + files):
        (folder / f"r{i:06d}.txt").write_text(release_text(i), encoding="utf-8")
    for c in range(copies):
        (folder / f"copy{c}.txt").write_text(release_text(first + c), encoding="utf-8")
    return files
