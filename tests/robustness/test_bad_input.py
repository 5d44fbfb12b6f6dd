"""Any text in the search box and the filters: no error reaches the user, no SQL is injected."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.domain.enums import ReviewStatus
from desktop_app.domain.releases import SORT_COLUMNS, ReleaseFilter
from desktop_app.services.context import open_context
from desktop_app.services.paths import AppPaths

from .corpus import write_part

N = 24
TRIED = {"filters": 0}


@pytest.fixture(scope="module")
def lib_ctx(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad-input")
    ctx = open_context(None, AppPaths.resolve(root / "data"))
    write_part(root / "corpus", 0, N, copies=0)
    ctx.ingest.import_paths([root / "corpus"])
    yield ctx
    ctx.close()
    print(f"\nfilters tried: {TRIED['filters']}")


def schema_of(ctx) -> list[tuple]:
    con = sqlite3.connect(Path(ctx.location))
    try:
        return con.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
    finally:
        con.close()


words = st.text(max_size=40) | st.sampled_from(
    ["fr", "az", "ru", "en", "Виторино", "Əliyev", "İLHAM", "\x00", "%", "_", "*", '"', "'",
     "NEAR(a b)", "a OR b", "NOT", "title:x", "^x", "x*", "😀", "\u202e", "\ufeff"])
filters = st.builds(
    ReleaseFilter,
    languages=st.lists(words, max_size=3).map(tuple),
    sources=st.lists(words, max_size=3).map(tuple),
    statuses=st.lists(st.sampled_from(list(ReviewStatus)), max_size=4).map(tuple),
    date_from=st.none() | words,
    date_to=st.none() | words,
    search=words,
)


@settings(max_examples=400, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(flt=filters, sort=st.sampled_from(SORT_COLUMNS) | st.text(max_size=20),
       descending=st.booleans())
def test_any_filter_text_is_accepted(lib_ctx, flt, sort, descending):
    TRIED["filters"] += 1
    ids = lib_ctx.library.list_ids(flt, sort, descending)
    assert len(ids) == len(set(ids)) <= N
    rows = lib_ctx.library.rows(ids[:10])
    assert set(rows) == set(ids[:10])
    if ids:
        release = lib_ctx.library.release(ids[0])
        lib_ctx.library.hit_ranges(release.text, flt.search)


INJECTIONS = [
    "' OR '1'='1", "' OR 1=1 --", "fr' OR 'a'='a", "'; DROP TABLE releases; --",
    "\"; DELETE FROM spans; --", "1; UPDATE releases SET title='x'", "') OR ('1'='1",
    "' UNION SELECT id FROM releases --", "*/ OR 1=1 /*", "9999' OR '1'='1",
    "0000' OR '1'='1", "release_search MATCH '*'", "x\" OR title MATCH \"*",
]


@pytest.mark.parametrize("payload", INJECTIONS)
def test_classic_injections_are_plain_values(lib_ctx, payload):
    lib = lib_ctx.library
    before = schema_of(lib_ctx)
    everything = lib.list_ids()
    assert len(everything) == N
    # Bound as values, none of these matches a release; concatenated, they would match all.
    for flt in (ReleaseFilter(languages=(payload,)), ReleaseFilter(sources=(payload,)),
                ReleaseFilter(date_from="9999" + payload), ReleaseFilter(date_to="\x01" + payload)):
        assert lib.list_ids(flt) == [], flt
    lib.list_ids(ReleaseFilter(search=payload))
    lib.list_ids(ReleaseFilter(statuses=(ReviewStatus.NEW,)), sort=payload)
    assert lib.list_ids(sort=payload) == lib.list_ids()  # unknown sort: the default order
    assert schema_of(lib_ctx) == before
    assert lib.list_ids() == everything
    assert {r.title for r in lib.rows(everything).values()} == {
        r.title for r in lib.rows(lib.list_ids()).values()}
