"""The demo corpus: several events told in two to four languages, with re-posts, importable."""

from __future__ import annotations

import re
from collections import defaultdict

from desktop_app.domain.enums import ImportOutcome
from desktop_app.services.resources import demo_corpus_dir

NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})_([a-z-]+)_(fr|az|ru|en)\.txt$")
DATELINE = {
    "fr": re.compile(r"^\w[\w -]*, (1er|\d{1,2}) \w+(, AZERTAC| \(AZERTAC\))?$"),
    "az": re.compile(r"^[\wƏəİıŞşĞğÇçÖöÜü -]+, \d{1,2} \w+, AZƏRTAC$"),
    "ru": re.compile(r"^[А-ЯЁ][\wё -]+, \d{1,2} [а-я]+(, АЗЕРТАДЖ)?$"),
    "en": re.compile(r"^\w[\w -]*, [A-Z][a-z]+ \d{1,2}(, AZERTAC| \(AZERTAC\))$"),
}
SCRIPT_HINT = {
    "az": re.compile(r"[əƏ]"),
    "ru": re.compile(r"[а-яё]{4}"),
    "fr": re.compile(r"\b(le|la|les|des|du)\b"),
    "en": re.compile(r"\b(the|and|of)\b"),
}


def _files():
    return sorted(demo_corpus_dir().glob("*.txt"))


def test_corpus_shape() -> None:
    files = _files()
    assert 12 <= len(files) <= 20
    events: dict[str, set[str]] = defaultdict(set)
    reposts: dict[tuple[str, str], int] = defaultdict(int)
    for path in files:
        m = NAME.match(path.name)
        assert m, f"unexpected name {path.name}"
        day, _source, lang = m.groups()
        text = path.read_text(encoding="utf-8")
        title, blank, dateline = text.split("\n")[:3]
        assert title and not blank, path.name
        assert DATELINE[lang].match(dateline), f"{path.name}: dateline {dateline!r}"
        assert SCRIPT_HINT[lang].search(text.split("\n", 3)[3]), path.name
        month = day[:7]
        events[month].add(lang)
        reposts[(month, lang)] += 1
    assert len(events) >= 5
    assert all(2 <= len(langs) <= 4 for langs in events.values()), events
    assert any(len(langs) == 4 for langs in events.values())
    assert sum(1 for n in reposts.values() if n > 1) >= 3  # same-language re-posts


def test_demo_corpus_imports(ctx) -> None:
    report = ctx.ingest.import_paths([demo_corpus_dir()])
    files = _files()
    assert not report.problems, report.problems
    assert report.count(ImportOutcome.EXACT_DUPLICATE) == 1
    assert report.imported_releases == len(files) - 1
    titles = {ctx.library.release(i).title for i in report.new_release_ids}
    assert "Bakıda su ehtiyatlarının idarə olunmasına dair beynəlxalq forum keçirilir" in titles
    assert "В Баку проходит международный форум по управлению водными ресурсами" in titles
    for release_id in report.new_release_ids:
        release = ctx.library.release(release_id)
        expected = NAME.match(release.source_path.rsplit("/", 1)[-1]).group(3)
        if release.language is not None:  # only when a detector filled it in
            assert release.language == expected, release.source_path
    again = ctx.ingest.import_paths([demo_corpus_dir()])
    assert again.imported_releases == 0
