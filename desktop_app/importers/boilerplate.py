"""Site furniture around a release: section labels, footers, "related news" lists."""

from __future__ import annotations

import re

# Lines that end the release: whatever follows them is a list of other stories or links.
_RELATED = {
    "en": ("related news", "related articles", "related stories", "latest news", "read more",
           "read also", "see also", "more news", "other news", "share", "share this", "tags"),
    "fr": ("actualités liées", "articles liés", "à lire aussi", "lire aussi", "voir aussi",
           "dernières nouvelles", "autres actualités", "partager", "sur le même sujet"),
    "az": ("digər xəbərlər", "son xəbərlər", "oxşar xəbərlər", "əlaqəli xəbərlər",
           "paylaş", "həmçinin oxuyun", "xəbər lenti", "orphus sistemi"),
    "ru": ("последние новости", "другие новости", "похожие новости", "читайте также",
           "читайте также:", "смотрите также", "поделиться", "лента новостей", "теги"),
    "uk": ("останні новини", "інші новини", "схожі новини", "читайте також", "поділитися",
           "стрічка новин", "теги"),
    "tr": ("ilgili haberler", "son haberler", "diğer haberler", "benzer haberler", "paylaş",
           "etiketler"),
    "de": ("ähnliche nachrichten", "weitere nachrichten", "verwandte artikel", "mehr zum thema",
           "das könnte sie auch interessieren", "teilen", "neueste nachrichten"),
    "es": ("noticias relacionadas", "últimas noticias", "otras noticias", "lea también",
           "leer más", "compartir", "te puede interesar"),
    "cs": ("související články", "další zprávy", "nejnovější zprávy", "sdílet"),
}
RELATED_HEADERS = frozenset(w for words in _RELATED.values() for w in words)

# Lines that are furniture wherever they stand near the end.
_FOOTER = re.compile(
    r"^(?:©|\(c\)|copyright\b)|all rights reserved|tous droits réservés|все права защищены|"
    r"всі права захищені|bütün hüquqlar qorunur|tüm hakları saklıdır|alle rechte vorbehalten|"
    r"todos los derechos reservados|všechna práva vyhrazena|privacy policy|terms of use|"
    r"terms for users|cookie policy|politique de confidentialité|"
    r"политика конфиденциальности|orphus|^print$|^версия для печати$|^çap et$",
    re.IGNORECASE)

# Labels of the site's sections printed above a release.
SECTION_LABELS = frozenset({
    "politics", "economy", "society", "world", "business", "foreign policy", "domestic policy",
    "politique", "économie", "société", "international", "politique étrangère",
    "siyasət", "iqtisadiyyat", "cəmiyyət", "xarici siyasət", "daxili siyasət", "dünya",
    "политика", "внешняя политика", "внутренняя политика", "экономика", "общество", "в мире",
    "політика", "зовнішня політика", "економіка", "суспільство", "світ",
    "siyaset", "dış politika", "ekonomi", "toplum", "politik", "außenpolitik", "wirtschaft", "gesellschaft",
    "política", "política exterior", "economía", "sociedad",
    "politika", "zahraniční politika", "ekonomika", "společnost",
    "news", "actualités", "xəbərlər", "новости", "новини", "haberler", "nachrichten", "noticias",
})


def _key(line: str) -> str:
    # casefold() turns Turkish İ into i + combining dot; drop the dot so İlgili = ilgili.
    return line.strip().strip(":|-–—•").strip().casefold().replace("\u0307", "")


def is_related_header(line: str) -> bool:
    return len(line) <= 60 and _key(line) in RELATED_HEADERS


def is_footer(line: str) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > 300:  # footers are short lines
        return False
    if _FOOTER.search(stripped):
        return True
    # A menu of short links: "Terms | Privacy | Contact".
    parts = [p.strip() for p in stripped.split("|")]
    return len(parts) >= 3 and all(0 < len(p) <= 30 for p in parts)


def is_section_label(line: str) -> bool:
    return len(line) <= 60 and _key(line) in SECTION_LABELS


def strip_trailing(lines: list[str]) -> list[str]:
    """Drop footers, link menus and a trailing "related news" list from the end."""
    end = len(lines)
    # A related-news header in the last part of the text, followed by short lines only.
    first_cut = max(1, len(lines) // 3)
    for i in range(first_cut, len(lines)):
        if is_related_header(lines[i]) and all(len(x) <= 200 for x in lines[i + 1:]):
            end = i
            break
    while end > 0 and (not lines[end - 1].strip() or is_footer(lines[end - 1])
                       or is_related_header(lines[end - 1])):
        end -= 1
    return lines[:end]
