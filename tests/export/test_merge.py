"""Another reviewer's export merged into this database: additions taken, conflicts listed."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from desktop_app.domain.enums import DatePrecision
from desktop_app.domain.errors import ReleaseReviewError
from desktop_app.domain.export import ConflictKind, ExportFormat, ExportSpan, Resolution
from desktop_app.domain.releases import ParsedRelease, ReleaseDate
from desktop_app.services.ingest import content_hash
from desktop_app.storage import merge_writes as mw
from desktop_app.storage import releases as repo

from .factory import T0, build, find

EXTRA = ParsedRelease(source_path="b/extra.txt", title="Новости", body="Только у второго.",
                      language="ru", date=ReleaseDate("2023-04-01", DatePrecision.DAY))


def theirs(db):
    """Reviewer B: the same four releases, read differently in places, plus one more."""
    c = build(db)
    with db.write() as s:
        ents, _, _ = mw.type_ids(s)
        mw.set_span(s, c.span("fr", "Bakou", 1), type_id=ents["ORGANIZATION"])   # typed apart
        mw.set_span(s, c.span("fr", "Antonio Vitorino", 0), entity_id=c.entities["aliyev"])
        text = c.texts["ru"]
        start = find(text, "МОМ", 0)
        mw.insert_span(s, c.releases["ru"], ExportSpan(0, start, start + 3, "МОМ",
                       "ORGANIZATION", None, None, "bruno", T0), ents["ORGANIZATION"], None,
                       False)                                                     # new span
        mw.set_pair_decision(s, c.pairs["fr_ru"], "confirmed", "bruno", T0)      # vs rejected
        mw.set_pair_decision(s, c.pairs["az_ru"], "confirmed", "bruno", T0)      # vs candidate
        mw.set_review_status(s, c.releases["fr"], "skipped")                     # vs done
        mw.set_review_status(s, c.releases["ru"], "done")                        # vs new
        mw.set_event(s, c.events["az_meeting"], date_iso="2023-03-04")           # vs 03-03
        mw.set_event(s, c.events["ru_meeting"], location="Баку")                 # vs none
        mw.refresh_derived(s, set(c.releases.values()))
        repo.insert_releases(s, [(EXTRA, content_hash(EXTRA.title, EXTRA.body), None)], None,
                             repo.SourceCache())
    return c


@pytest.fixture
def merged(corpus, ctx, other_db, tmp_path):
    theirs(other_db.db)
    path = tmp_path / "bruno.jsonl"
    other_db.export.export(ExportFormat.NATIVE, path)
    return path, ctx.merge.import_file(path)


class Reader:
    """Plain SQL reads of the test database, on any back end (`?` marks the arguments)."""

    def __init__(self, db):
        self.db = db

    def execute(self, sql, args=()):
        names = {f"a{i}": v for i, v in enumerate(args)}
        parts = sql.split("?")
        bound = parts[0] + "".join(f":a{i}{p}" for i, p in enumerate(parts[1:]))
        with self.db.engine.connect() as conn:
            return _Rows(list(conn.execute(text(bound), names)))

    def close(self):
        pass


class _Rows:
    def __init__(self, rows):
        self.rows = [tuple(r) for r in rows]

    def fetchone(self):
        return self.rows[0] if self.rows else None

    def fetchall(self):
        return self.rows

    def __iter__(self):
        return iter(self.rows)


def one(con, sql, *args):
    return con.execute(sql, args).fetchone()


def test_merge_adds_and_lists_conflicts(corpus, ctx, merged):
    path, report = merged
    assert report.releases_added == 1 and report.releases_matched == 4
    assert report.spans_added == 1          # МОМ; the retyped Bakou is a conflict, not a span
    assert report.decisions_added == 1      # az-ru was undecided here
    assert report.statuses_updated == 1     # ru was new here
    changes = report.changes
    assert changes.release_list and changes.duplicates and corpus.releases["ru"] in changes.annotations
    kinds = sorted(c.kind.value for c in report.conflicts)
    assert kinds == sorted(["span_type", "span_entity", "pair_decision", "review_status",
                            "event_field"])
    con = Reader(ctx.db)
    # nothing of ours was overwritten
    bakou = corpus.span("fr", "Bakou", 1)
    assert one(con, "SELECT t.name FROM spans s JOIN entity_types t ON t.id = s.type_id "
                    "WHERE s.id = ?", bakou) == ("LOCATION",)
    assert one(con, "SELECT status FROM duplicate_pairs WHERE id = ?",
               corpus.pairs["fr_ru"]) == ("rejected",)
    assert one(con, "SELECT review_status FROM releases WHERE id = ?",
               corpus.releases["fr"]) == ("done",)
    assert one(con, "SELECT date_iso FROM events WHERE id = ?",
               corpus.events["az_meeting"]) == ("2023-03-03",)
    # additions were taken
    assert one(con, "SELECT status, decided_by FROM duplicate_pairs WHERE id = ?",
               corpus.pairs["az_ru"]) == ("confirmed", "bruno")
    # az-ru confirmed joins ru to the fr-az versions, by the app's grouping rule
    fr = corpus.releases["fr"]
    assert one(con, "SELECT review_status, version_group FROM releases WHERE id = ?",
               corpus.releases["ru"]) == ("done", fr)
    assert one(con, "SELECT version_group, duplicate_count FROM releases WHERE id = ?",
               corpus.releases["az"]) == (fr, 2)
    assert one(con, "SELECT location FROM events WHERE id = ?",
               corpus.events["ru_meeting"]) == ("Баку",)
    assert one(con, "SELECT created_by FROM spans WHERE text = 'МОМ'") == ("bruno",)
    assert one(con, "SELECT tag_count FROM releases WHERE id = ?",
               corpus.releases["ru"])[0] == 6
    con.close()
    # conflicts are stored, with both readings and who made theirs
    stored = {c.kind: c for c in ctx.merge.conflicts()}
    assert set(stored) == {c.kind for c in report.conflicts}
    span_c = stored[ConflictKind.SPAN_TYPE]
    assert span_c.local["type"] == "LOCATION" and span_c.incoming["type"] == "ORGANIZATION"
    assert span_c.reviewer == "alice" and path.name in span_c.origin
    pair_c = stored[ConflictKind.PAIR_DECISION]
    assert (pair_c.local["status"], pair_c.incoming["status"]) == ("rejected", "confirmed")
    assert pair_c.incoming["decided_by"] == "bruno"


def test_reimport_does_not_repeat_conflicts(ctx, merged):
    path, first = merged
    again = ctx.merge.import_file(path)
    assert again.conflicts == [] and again.spans_added == 0 and again.releases_added == 0
    assert len(ctx.merge.conflicts()) == len(first.conflicts)


def test_resolving_conflicts(corpus, ctx, merged):
    _, report = merged
    by_kind = {c.kind: c for c in report.conflicts}
    con = Reader(ctx.db)
    bakou = corpus.span("fr", "Bakou", 1)

    ctx.merge.resolve(by_kind[ConflictKind.SPAN_TYPE].id, Resolution.KEEP_BOTH, "me")
    types = con.execute("SELECT t.name FROM spans s JOIN entity_types t ON t.id = s.type_id "
                        "WHERE s.release_id = ? AND s.start = (SELECT start FROM spans "
                        "WHERE id = ?) ORDER BY s.id", (corpus.releases["fr"], bakou)).fetchall()
    assert types == [("LOCATION",), ("ORGANIZATION",)]

    ctx.merge.resolve(by_kind[ConflictKind.PAIR_DECISION].id, Resolution.TAKE_INCOMING)
    assert one(con, "SELECT status, decided_by FROM duplicate_pairs WHERE id = ?",
               corpus.pairs["fr_ru"]) == ("confirmed", "bruno")
    ctx.merge.resolve(by_kind[ConflictKind.REVIEW_STATUS].id, Resolution.KEEP_LOCAL)
    assert one(con, "SELECT review_status FROM releases WHERE id = ?",
               corpus.releases["fr"]) == ("done",)
    ctx.merge.resolve(by_kind[ConflictKind.EVENT_FIELD].id, Resolution.TAKE_INCOMING)
    assert one(con, "SELECT date_iso FROM events WHERE id = ?",
               corpus.events["az_meeting"]) == ("2023-03-04",)
    ctx.merge.resolve(by_kind[ConflictKind.SPAN_ENTITY].id, Resolution.TAKE_INCOMING)
    assert one(con, "SELECT entity_id FROM spans WHERE id = ?",
               corpus.span("fr", "Antonio Vitorino", 0)) == (corpus.entities["aliyev"],)
    con.close()
    assert ctx.merge.conflicts() == []
    done = ctx.merge.conflicts(open_only=False)
    assert {c.resolution for c in done} == {Resolution.KEEP_BOTH, Resolution.TAKE_INCOMING,
                                            Resolution.KEEP_LOCAL}
    with pytest.raises(ReleaseReviewError, match="already resolved"):
        ctx.merge.resolve(done[0].id, Resolution.KEEP_LOCAL)
    with pytest.raises(ReleaseReviewError, match="no conflict"):
        ctx.merge.resolve(99999, Resolution.KEEP_LOCAL)


def test_pair_choice_both_is_refused(ctx, merged):
    _, report = merged
    pair = next(c for c in report.conflicts if c.kind is ConflictKind.PAIR_DECISION)
    with pytest.raises(ReleaseReviewError, match="not a choice"):
        ctx.merge.resolve(pair.id, Resolution.KEEP_BOTH)
