"""A small annotated corpus written straight through the storage layer.

Four releases in four scripts (French, Azerbaijani with ə ı ğ ş, Russian, English with emoji and
mathematical bold letters outside the BMP); overlapping and nested spans, a span crossing a line
break, a span ending inside a word; events with several roles (one repeated, one entity-only
participant, one event without trigger); entity links and a merged entity; duplicate pairs
confirmed, rejected and undecided; so a version group (fr and az).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from desktop_app.domain.enums import DatePrecision
from desktop_app.domain.export import ExportAlias, ExportEntity, ExportPair, ExportSpan
from desktop_app.domain.releases import ParsedRelease, ReleaseDate, compose_text
from desktop_app.services.ingest import content_hash
from desktop_app.storage import merge_writes as mw
from desktop_app.storage import releases as repo

T0 = datetime(2024, 5, 6, 9, 30, 15)

RELEASES = {
    "fr": ParsedRelease(
        source_path="fixtures/fr.txt", external_id="iom-fr-1", language="fr",
        language_confidence=0.99, date=ReleaseDate("2023-03-03", DatePrecision.DAY),
        source="iom.int", url="https://example.org/fr/1", dateline="Bakou",
        metadata={"author": "Service de presse"},
        title="Visite d’Antonio Vitorino à Bakou",
        body="Le président İlham Əliyev a reçu Antonio Vitorino à Bakou le 3 mars. "
             "Ils ont signé un accord sur l’aide humanitaire."),
    "az": ParsedRelease(
        source_path="fixtures/az.txt", external_id="mfa-az-1", language="az",
        language_confidence=0.97, date=ReleaseDate("2023-03-03", DatePrecision.DAY),
        source="mfa.gov.az",
        title="Prezident İlham Əliyev Antonio Vitorinonu qəbul edib",
        body="Bakı, 3 mart. Prezident İlham Əliyev Beynəlxalq Miqrasiya Təşkilatının baş "
             "direktoru Antonio Vitorinonu qəbul edib. Görüşdə ğ ş ı ə hərfləri var."),
    "ru": ParsedRelease(
        source_path="fixtures/ru.txt", external_id="mfa-ru-1", language="ru",
        language_confidence=0.99, date=ReleaseDate("2023-03", DatePrecision.MONTH),
        source="mfa.gov.az",
        title="Ильхам Алиев принял Антонио Виторино",
        body="Баку, 3 марта. Президент Ильхам Алиев принял генерального директора МОМ "
             "Антонио Виторино."),
    "en": ParsedRelease(
        source_path="fixtures/en.txt", external_id="iom-en-2", language="en",
        language_confidence=0.9, date=ReleaseDate("2024-01-10", DatePrecision.DAY),
        source="iom.int",
        title="Aid convoy 🚚 reaches Gəncə 🎉",
        body="The convoy 🚚🚚 with 𝐁𝐨𝐥𝐝 supplies arrived in Gəncə. Antonio Vitorino 👋 "
             "thanked the volunteers\nof Gəncə."),
}

# (release, surface text, occurrence, type, entity key or None, annotator)
SPANS = [
    ("fr", "Antonio Vitorino", 0, "PERSON", "vitorino", "alice"),
    ("fr", "Bakou", 0, "LOCATION", "baku", "alice"),
    ("fr", "İlham Əliyev", 0, "PERSON", "aliyev", "alice"),
    ("fr", "président İlham Əliyev", 0, "MISC", None, "bob"),      # overlaps the person
    ("fr", "Antonio Vitorino", 1, "PERSON", "vitorino", "alice"),
    ("fr", "Bakou", 1, "LOCATION", "baku", "alice"),
    ("fr", "a reçu", 0, "MISC", None, "alice"),
    ("fr", "signé", 0, "MISC", None, "alice"),
    ("az", "İlham Əliyev", 0, "PERSON", "aliyev", "bob"),
    ("az", "Bakı", 0, "LOCATION", "baku", "bob"),
    ("az", "İlham Əliyev", 1, "PERSON", "aliyev_old", "bob"),      # linked to a merged entity
    ("az", "Beynəlxalq Miqrasiya Təşkilatının", 0, "ORGANIZATION", None, "bob"),
    ("az", "Antonio Vitorino", 1, "PERSON", "vitorino", "bob"),    # ends inside "Vitorinonu"
    ("az", "qəbul edib", 1, "MISC", None, "bob"),
    ("ru", "Ильхам Алиев", 0, "PERSON", "aliyev", "carol"),
    ("ru", "Антонио Виторино", 0, "PERSON", "vitorino", "carol"),
    ("ru", "Баку", 0, "LOCATION", "baku", "carol"),
    ("ru", "Ильхам Алиев", 1, "PERSON", "aliyev", "carol"),
    ("ru", "Антонио Виторино", 1, "PERSON", "vitorino", "carol"),
    ("en", "Gəncə", 0, "LOCATION", "ganja", "alice"),
    ("en", "𝐁𝐨𝐥𝐝 supplies", 0, "MISC", None, "alice"),
    ("en", "Gəncə", 1, "LOCATION", "ganja", "alice"),
    ("en", "Antonio Vitorino", 0, "PERSON", "vitorino", "alice"),
    ("en", "volunteers\nof Gəncə", 0, "MISC", None, "alice"),       # crosses a line break
    ("en", "convoy 🚚🚚", 0, "MISC", None, "alice"),                 # ends on astral chars
]

ENTITIES = {
    "vitorino": ("PERSON", "Antonio Vitorino", [("Antonio Vitorino", "en"),
                                                ("Антонио Виторино", "ru"),
                                                ("Antonio Vitorinonu", "az")]),
    "aliyev": ("PERSON", "İlham Əliyev", [("İlham Əliyev", "az"), ("Ильхам Алиев", "ru"),
                                          ("Ilham Aliyev", "en")]),
    "aliyev_old": ("PERSON", "I. Aliyev", [("I. Aliyev", "en")]),
    "baku": ("LOCATION", "Bakı", [("Bakı", "az"), ("Bakou", "fr"), ("Баку", "ru")]),
    "ganja": ("LOCATION", "Gəncə", [("Gəncə", "az"), ("Ganja", "en")]),
}


@dataclass
class Corpus:
    releases: dict[str, int] = field(default_factory=dict)      # key -> release id
    hashes: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    entities: dict[str, int] = field(default_factory=dict)
    spans: dict[tuple[str, str, int], int] = field(default_factory=dict)
    offsets: dict[int, tuple[int, int, str]] = field(default_factory=dict)  # span -> s, e, type
    events: dict[str, int] = field(default_factory=dict)
    pairs: dict[str, int] = field(default_factory=dict)

    def span(self, key: str, surface: str, occurrence: int = 0) -> int:
        return self.spans[(key, surface, occurrence)]


def find(text: str, surface: str, occurrence: int) -> int:
    pos = -1
    for _ in range(occurrence + 1):
        pos = text.index(surface, pos + 1)
    return pos


def build(db, only: tuple[str, ...] = ("fr", "az", "ru", "en")) -> Corpus:
    c = Corpus()
    with db.write() as s:
        items = [(RELEASES[k], content_hash(RELEASES[k].title, RELEASES[k].body), None)
                 for k in only]
        ids = repo.insert_releases(s, items, None, repo.SourceCache())
        for k, rid, (_, h, _) in zip(only, ids, items, strict=True):
            c.releases[k], c.hashes[k] = rid, h
            c.texts[k] = compose_text(RELEASES[k].title, RELEASES[k].body)
        ent_types, ev_types, _ = mw.type_ids(s)
        for n, (key, (etype, name, aliases)) in enumerate(ENTITIES.items()):
            ent = ExportEntity(0, etype, name, None, "alice", T0.replace(minute=n),
                               tuple(ExportAlias(a, a.casefold(), lang) for a, lang in aliases))
            c.entities[key] = mw.insert_entity(s, ent, ent_types[etype], False)
            mw.add_aliases(s, c.entities[key], ent.aliases)
        mw.set_merged_into(s, c.entities["aliyev_old"], c.entities["aliyev"])
        for n, (k, surface, occ, stype, ekey, who) in enumerate(SPANS):
            if k not in c.releases:
                continue
            start = find(c.texts[k], surface, occ)
            end = start + len(surface)
            span = ExportSpan(0, start, end, surface, stype, None, None, who,
                              T0.replace(second=n))
            entity = c.entities[ekey] if ekey else None
            sid = mw.insert_span(s, c.releases[k], span, ent_types[stype], entity, False)
            c.spans[(k, surface, occ)] = sid
            c.offsets[sid] = (start, end, stype)
        _events(s, c, ev_types)
        _pairs_and_groups(s, c)
    return c


def _events(s, c: Corpus, ev_types: dict[str, int]) -> None:
    def event(name, k, etype, trigger, parts, date=None, location=None, group=None, who="alice"):
        if k not in c.releases:
            return
        values = {"type_id": ev_types[etype], "trigger_span_id": trigger, "date_iso": date,
                  "location": location, "event_group": group, "created_by": who,
                  "created_at": T0.replace(hour=11)}
        c.events[name] = mw.insert_event(s, c.releases[k], values, None)
        mw.add_participants(s, c.events[name], parts)

    if "fr" in c.releases:
        event("fr_meeting", "fr", "MEETING", c.span("fr", "a reçu"), [
            ("host", c.span("fr", "İlham Əliyev"), None),
            ("guest", c.span("fr", "Antonio Vitorino", 1), None),
            ("location", c.span("fr", "Bakou", 1), None),
            ("participant", None, c.entities["vitorino"])],            # entity only
              date="2023-03-03", location="Bakou", group=1)
        event("fr_agreement", "fr", "AGREEMENT", c.span("fr", "signé"), [
            ("participant", c.span("fr", "İlham Əliyev"), None),
            ("participant", c.span("fr", "Antonio Vitorino", 1), None)])  # repeated role
    if "az" in c.releases:
        event("az_meeting", "az", "MEETING", c.span("az", "qəbul edib", 1), [
            ("host", c.span("az", "İlham Əliyev", 1), None),
            ("guest", c.span("az", "Antonio Vitorino", 1), None),
            ("location", c.span("az", "Bakı"), None)], date="2023-03-03", group=1, who="bob")
    if "ru" in c.releases:
        event("ru_meeting", "ru", "MEETING", None, [                    # no trigger
            ("host", c.span("ru", "Ильхам Алиев", 1), None),
            ("guest", c.span("ru", "Антонио Виторино", 1), None)], group=1, who="carol")


def _pairs_and_groups(s, c: Corpus) -> None:
    have = c.releases

    def pair(name, a, b, status, who, score):
        if a not in have or b not in have:
            return
        p = ExportPair(0, 0, 0, "", "", "cross", score, {"names": ["Vitorino"], "score": score},
                       status, who, T0.replace(hour=14) if who else None, T0.replace(hour=8))
        c.pairs[name] = mw.insert_pair(s, p, have[a], have[b], False)

    pair("fr_az", "fr", "az", "confirmed", "alice", 0.91)
    pair("fr_ru", "fr", "ru", "rejected", "bob", 0.55)
    pair("az_ru", "az", "ru", "candidate", None, 0.72)
    for k, status in (("fr", "done"), ("az", "in_progress"), ("en", "skipped")):
        if k in have:
            mw.set_review_status(s, have[k], status)
    # Tag counts, pair counts and version groups (fr and az, confirmed) by the app's rules.
    mw.refresh_derived(s, set(have.values()))
    if "en" in have:  # a suggestion the reviewer turned down
        start = find(c.texts["en"], "Antonio Vitorino", 0)
        mw.add_rejected(s, have["en"], [(start, start + 7, c.entities["aliyev"])])
