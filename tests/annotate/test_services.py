"""Services of tagging: spans, entities, suggestions across scripts, events, audit, sessions."""

from __future__ import annotations

import pytest

from desktop_app.domain.annotations import EventDraft
from desktop_app.domain.errors import InvalidSpanError, ReleaseReviewError

from .conftest import person


def find(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def test_span_checked_stored_and_counted(ctx, corpus):
    rid = corpus["az.txt"]
    text = ctx.annotate.text_of(rid)
    start, end = find(text, "İlham Əliyev")
    span, changes = ctx.annotate.create_span(rid, start, end, person(ctx))
    assert span.text == "İlham Əliyev" and rid in changes.annotations
    assert ctx.library.rows([rid])[rid].tag_count == 1
    with pytest.raises(InvalidSpanError):
        ctx.annotate.create_span(rid, start, end, person(ctx), covered="Ilham Aliyev")
    with pytest.raises(InvalidSpanError):
        ctx.annotate.create_span(rid, len(text) - 1, len(text) + 5, person(ctx))
    # a drag that grabbed the spaces around a word is trimmed to the word
    s2, _ = ctx.annotate.create_span(rid, start - 1, end + 1, person(ctx))
    assert (s2.start, s2.end) == (start, end)
    snap, _ = ctx.annotate.delete_span(span.id)
    assert ctx.library.rows([rid])[rid].tag_count == 1
    ctx.annotate.restore_span(snap)
    assert [s.id for s in ctx.annotate.spans(rid)] == sorted([span.id, s2.id])


def test_nested_and_overlapping_spans(ctx, corpus):
    rid = corpus["fr.txt"]
    text = ctx.annotate.text_of(rid)
    outer = find(text, "Le président Ilham Aliyev")
    inner = find(text, "Ilham Aliyev")
    overlap = (inner[0] + 6, find(text, " a reçu")[1])
    for a, b in (outer, inner, overlap):
        ctx.annotate.create_span(rid, a, b, person(ctx))
    assert len(ctx.annotate.spans(rid)) == 3


def test_suggestions_across_scripts_and_case_endings(ctx, corpus):
    fr, az, ru = corpus["fr.txt"], corpus["az.txt"], corpus["ru.txt"]
    text = ctx.annotate.text_of(fr)
    span, _ = ctx.annotate.create_span(fr, *find(text, "António Vitorino"), person(ctx))
    entity = ctx.entities.create(person(ctx), "António Vitorino")
    ctx.annotate.link_span(span.id, entity.id)
    # taught in French, proposed in Azerbaijani (with case ending) and Russian (Cyrillic)
    az_sugs = {s.text for s in ctx.annotate.suggestions(az)}
    ru_sugs = {s.text for s in ctx.annotate.suggestions(ru)}
    assert az_sugs == {"Antonio Vitorinonu"}
    assert ru_sugs == {"Антонио Виторино"}
    assert ctx.annotate.spans(az) == []   # nothing tagged without the reviewer
    # reject one in Russian: remembered
    first = ctx.annotate.suggestions(ru)[0]
    ctx.annotate.reject_suggestions(ru, [first])
    assert len(ctx.annotate.suggestions(ru)) == 1
    made, _ = ctx.annotate.accept_suggestions(az, ctx.annotate.suggestions(az))
    assert [(s.text, s.entity_id) for s in made] == [("Antonio Vitorinonu", entity.id)]
    assert ctx.annotate.suggestions(az) == []
    mentions = ctx.entities.mentions(entity.id)
    assert {m.language for m in mentions} >= {"az"} and len(mentions) == 2


def test_link_search_merge_and_move_alias(ctx, corpus):
    p = person(ctx)
    vit = ctx.entities.create(p, "António Vitorino")
    other = ctx.entities.create(p, "Виторино", language="ru")
    for query in ("Vitorinonu", "Виторино", "Vitorinoya", "vitorino"):
        hits = ctx.entities.search(query)
        assert {h.entity.id for h in hits[:2]} == {vit.id, other.id}, query
    rid = corpus["ru.txt"]
    text = ctx.annotate.text_of(rid)
    span, _ = ctx.annotate.create_span(rid, *find(text, "Виторино."[:-1]), p)
    ctx.annotate.link_span(span.id, other.id)
    record, _ = ctx.entities.merge(vit.id, other.id)
    assert ctx.annotate.span(span.id).entity_id == vit.id
    merged = ctx.entities.get(vit.id)
    assert "Виторино" in {a.alias for a in merged.aliases}
    assert [e.id for e in ctx.entities.list()] == [vit.id]
    ctx.entities.unmerge(record)
    assert ctx.annotate.span(span.id).entity_id == other.id
    assert {a.alias for a in ctx.entities.get(vit.id).aliases} == {"António Vitorino"}
    alias = ctx.entities.get(other.id).aliases[0]
    assert ctx.entities.move_alias(alias.id, vit.id) == other.id
    assert ctx.entities.get(other.id).aliases == ()
    with pytest.raises(ReleaseReviewError):
        ctx.entities.merge(vit.id, vit.id)


def test_event_with_roles_and_group(ctx, corpus):
    schema = ctx.annotate.schema()
    meeting = schema.event_types[0]
    assert "host" in meeting.roles and "guest" in meeting.roles
    fr, en = corpus["fr.txt"], corpus["en.txt"]
    text = ctx.annotate.text_of(fr)
    host, _ = ctx.annotate.create_span(fr, *find(text, "Ilham Aliyev"), person(ctx))
    trigger, _ = ctx.annotate.create_span(fr, *find(text, "reçu"), schema.entity_types[4].id)
    ent = ctx.entities.create(person(ctx), "António Vitorino")
    draft = EventDraft(meeting.id, trigger.id, "01.03.2023", " Bakou ",
                       (("host", host.id, None), ("guest", None, ent.id)))
    event, _ = ctx.annotate.create_event(fr, draft)
    assert event.date_iso == "2023-03-01" and event.location == "Bakou"
    assert [(p.role, p.label) for p in event.participants] == [
        ("host", "Ilham Aliyev"), ("guest", "António Vitorino")]
    with pytest.raises(ReleaseReviewError):
        ctx.annotate.create_event(fr, EventDraft(meeting.id, date_iso="2023-02-30"))
    with pytest.raises(ReleaseReviewError):
        ctx.annotate.create_event(fr, EventDraft(meeting.id, participants=(("pilot", host.id, None),)))
    other, _ = ctx.annotate.create_event(en, EventDraft(meeting.id, date_iso="2023-03"))
    old, _ = ctx.annotate.link_events([event.id, other.id])
    group = ctx.annotate.event(event.id).event_group
    assert group is not None and {e.id for e in ctx.annotate.event_group(group)} == {
        event.id, other.id}
    ctx.annotate.set_event_groups(old)
    assert ctx.annotate.event(event.id).event_group is None
    # deleting the host's tag drops its role; restoring the tag brings the role back
    snap, _ = ctx.annotate.delete_span(host.id)
    assert len(ctx.annotate.event(event.id).participants) == 1
    ctx.annotate.restore_span(snap)
    assert len(ctx.annotate.event(event.id).participants) == 2


def test_audit_and_session_summary(ctx, corpus):
    rid = corpus["en.txt"]
    text = ctx.annotate.text_of(rid)
    span, _ = ctx.annotate.create_span(rid, *find(text, "Baku"), person(ctx))
    ctx.annotate.create_span(corpus["fr.txt"], 0, 6, person(ctx))
    ctx.annotate.delete_span(span.id)
    summary = ctx.sessions.summary()
    assert summary.reviewer == "Tester"
    assert summary.tags_made == 2 and summary.tags_removed == 1
    assert set(summary.releases_touched) == {rid, corpus["fr.txt"]}
    entries = ctx.sessions.audit_entries(release_id=rid)
    assert [e.action for e in entries] == ["span.delete", "span.create"]
    assert all(e.actor == "Tester" for e in entries)
    ctx.sessions.end()
    assert ctx.sessions.summary(summary.id).ended_at is not None


def test_schema_edit_rules(ctx):
    annotate = ctx.annotate
    tid = annotate.save_entity_type(None, "weapon", "#123456", "w")
    assert annotate.schema().entity_type(tid).name == "WEAPON"
    with pytest.raises(ReleaseReviewError, match="already tags"):
        annotate.save_entity_type(None, "vehicle", "#123456", "p")
    with pytest.raises(ValueError):
        annotate.save_entity_type(None, "vehicle", "red", "v")
    eid = annotate.save_event_type(None, "protest", "#aa0000", "7", ["participant", "place"])
    assert annotate.schema().event_type(eid).roles == ("participant", "place")
    annotate.delete_type(tid, events=False)
    assert annotate.schema().entity_type(tid) is None


def test_cli_entities_and_tags(ctx, corpus, capsys):
    import json

    from desktop_app.cli import main

    rid = corpus["en.txt"]
    text = ctx.annotate.text_of(rid)
    span, _ = ctx.annotate.create_span(rid, *find(text, "Antonio Vitorino"), person(ctx))
    ent = ctx.entities.create(person(ctx), "António Vitorino", aliases=("Виторино",))
    ctx.annotate.link_span(span.id, ent.id)
    base = ["--data-dir", str(ctx.paths.data_dir)]
    capsys.readouterr()
    assert main([*base, "entities", "Vitorinoya", "--json"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert rows[0]["name"] == "António Vitorino" and rows[0]["mentions"] == 1
    assert {a["alias"] for a in rows[0]["aliases"]} >= {"Виторино"}
    assert main([*base, "tags", str(rid), "--json"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert rows == [{"kind": "span", "id": span.id, "release": rid, "start": span.start,
                     "end": span.end, "text": "Antonio Vitorino", "type": "PERSON",
                     "entity_id": ent.id, "entity": "António Vitorino", "created_by": "Tester"}]
    az = corpus["az.txt"]
    assert main([*base, "tags", str(az), "--json", "--suggestions"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    # the Cyrillic alias Виторино finds the Azerbaijani Vitorinoya (dative ending)
    assert [(r["kind"], r["text"], r["entity"]) for r in rows] == [
        ("suggestion", "Antonio Vitorinonu", "António Vitorino"),
        ("suggestion", "Vitorinoya", "António Vitorino")]
    assert main([*base, "entities", "--type", "nosuch"]) == 2
    assert "known types" in capsys.readouterr().err


def test_alias_index_follows_changes_from_this_and_other_processes(ctx, corpus, app_paths):
    from desktop_app.services.context import open_context

    ru = corpus["ru.txt"]
    ctx.annotate.aliases.check_every = 0      # look for other processes' changes every time
    assert ctx.annotate.suggestions(ru) == []
    ent = ctx.entities.create(person(ctx), "Baku")            # added in place
    assert [s.text for s in ctx.annotate.suggestions(ru)] == ["Баку"]
    other = open_context(None, app_paths)                      # another window or the CLI
    try:
        other.entities.add_alias(ent.id, "Антонио Виторино")
    finally:
        other.close()
    assert [s.text for s in ctx.annotate.suggestions(ru)] == [
        "Антонио Виторино", "Антонио Виторино", "Баку"]
    ctx.entities.remove_alias(ctx.entities.get(ent.id).aliases[0].id)   # removal: rebuilt
    assert "Баку" not in [s.text for s in ctx.annotate.suggestions(ru)]


def test_merge_over_a_colleagues_rename_is_refused(ctx, corpus):
    from desktop_app.domain.errors import ConflictError

    p = person(ctx)
    keep = ctx.entities.create(p, "António Vitorino")
    gone = ctx.entities.create(p, "Vitorino A.")
    seen = {keep.id: keep.version, gone.id: gone.version}
    ctx.entities.rename(gone.id, "Antonio Vitorino (IOM)")   # a colleague, meanwhile
    with pytest.raises(ConflictError) as caught:
        ctx.entities.merge(keep.id, gone.id, expected_versions=seen)
    assert caught.value.record_id == gone.id
    assert {e.id for e in ctx.entities.list()} == {keep.id, gone.id}  # nothing merged
    ctx.entities.merge(keep.id, gone.id, expected_versions={
        keep.id: ctx.entities.get(keep.id).version, gone.id: ctx.entities.get(gone.id).version})
    assert [e.id for e in ctx.entities.list()] == [keep.id]


def test_event_edit_over_a_colleagues_edit_is_refused(ctx, corpus):
    from desktop_app.domain.errors import ConflictError

    meeting = ctx.annotate.schema().event_types[0]
    fr = corpus["fr.txt"]
    text = ctx.annotate.text_of(fr)
    host, _ = ctx.annotate.create_span(fr, *find(text, "Ilham Aliyev"), person(ctx))
    event, _ = ctx.annotate.create_event(fr, EventDraft(meeting.id, date_iso="2023-03-01"))
    seen = ctx.annotate.event(event.id).version
    # A colleague adds a participant only: the event's own fields do not change.
    ctx.annotate.update_event(event.id, EventDraft(meeting.id, date_iso="2023-03-01",
                                                   participants=(("host", host.id, None),)))
    with pytest.raises(ConflictError):
        ctx.annotate.update_event(event.id, EventDraft(meeting.id, date_iso="2023-03-02"),
                                  expected_version=seen)
    kept = ctx.annotate.event(event.id)
    assert kept.date_iso == "2023-03-01" and [p.role for p in kept.participants] == ["host"]


def test_alias_moved_by_a_colleague_is_not_moved_back_silently(ctx, corpus):
    from desktop_app.domain.errors import ConflictError

    p = person(ctx)
    a = ctx.entities.create(p, "António Vitorino", ("Vitorino",))
    b = ctx.entities.create(p, "Antonio Guterres")
    c = ctx.entities.create(p, "Lucio Vitorino")
    alias = next(x for x in ctx.entities.get(a.id).aliases if x.alias == "Vitorino")
    ctx.entities.move_alias(alias.id, c.id)                   # a colleague, meanwhile
    with pytest.raises(ConflictError):
        ctx.entities.move_alias(alias.id, b.id, expected_from=a.id)
    assert "Vitorino" in {x.alias for x in ctx.entities.get(c.id).aliases}
