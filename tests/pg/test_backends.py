"""The store's behaviours on SQLite and on a real PostgreSQL server, from the same migrations."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from desktop_app.domain.enums import ReviewStatus
from desktop_app.domain.errors import StorageError
from desktop_app.domain.releases import ReleaseFilter
from desktop_app.storage import open_database
from desktop_app.storage.engine import database_url
from desktop_app.storage.migrate import current_revision, head_revision


def write(folder: Path, name: str, content: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


def corpus(folder: Path) -> Path:
    write(folder, "a.txt", "Визит Антонио Виторино\n\nАнтонио Виторино прибыл в Баку.")
    write(folder, "b.txt", "Görüş\n\nPrezident İlham Əliyev Antonio Vitorinonu qəbul edib.")
    write(folder, "c.txt", "Unrelated\n\nThe weather in Paris was fine. Astral 😀 text.")
    write(folder, "sub/d.md", "Vitoria\n\nA different word that shares a prefix: Vitoria.")
    return folder


def titles(ctx, query: str) -> set[str]:
    ids = ctx.library.list_ids(ReleaseFilter(search=query))
    return {r.title for r in ctx.library.rows(ids).values()}


def test_schema_at_head_on_both_backends(any_ctx, backend):
    assert any_ctx.db.engine.dialect.name == backend
    assert current_revision(any_ctx.db.engine) == head_revision()
    with any_ctx.db.read() as s:
        names = set(s.scalars(text("SELECT name FROM entity_types")))
    assert {"PERSON", "ORGANIZATION", "LOCATION", "DATE", "MISC"} <= names


def test_seeded_tables_accept_new_rows(any_ctx):
    # 0001 seeds event types with explicit ids; a server-side sequence must not reuse them.
    with any_ctx.db.write() as s:
        s.execute(text("INSERT INTO event_types(name, colour, position) "
                       "VALUES ('PROTEST', '#123456', 9)"))
        s.execute(text("INSERT INTO entity_types(name, colour, position) "
                       "VALUES ('WEAPON', '#654321', 9)"))
    with any_ctx.db.read() as s:
        assert s.scalar(text("SELECT count(*) FROM event_types")) == 7


def test_import_search_across_scripts(any_ctx, tmp_path):
    report = any_ctx.ingest.import_paths([corpus(tmp_path / "in")])
    assert report.imported_releases == 4
    assert titles(any_ctx, "Vitorino") == {"Визит Антонио Виторино", "Görüş"}
    assert titles(any_ctx, "виторино") == {"Визит Антонио Виторино", "Görüş"}
    assert titles(any_ctx, "aliyev") == {"Görüş"}
    assert titles(any_ctx, "ƏLİYEV") == {"Görüş"}
    # Prefix at a word start only: "vitori" matches both names, "itorino" matches nothing.
    assert titles(any_ctx, "vitori") == {"Визит Антонио Виторино", "Görüş", "Vitoria"}
    assert titles(any_ctx, "itorino") == set()
    assert titles(any_ctx, "antonio baku") == {"Визит Антонио Виторино"}
    assert titles(any_ctx, "paris astral") == {"Unrelated"}


@pytest.mark.parametrize("hostile", ['"', "NEAR(", "a OR", "*", "') OR 1=1 --", "title:x", "^",
                                     "'; DROP TABLE releases; --", "%", "_", ".*", "\\", "(a|b"])
def test_hostile_search_input_never_raises(any_ctx, tmp_path, hostile):
    any_ctx.ingest.import_paths([corpus(tmp_path / "in")])
    any_ctx.library.list_ids(ReleaseFilter(search=hostile))
    assert any_ctx.library.count() == 4


def test_reimport_and_exact_duplicates(any_ctx, tmp_path):
    folder = corpus(tmp_path / "in")
    write(folder, "copy.txt", "Unrelated\n\nThe  weather in Paris was fine. Astral 😀 text.\n")
    first = any_ctx.ingest.import_paths([folder])
    assert first.imported_releases == 4
    again = any_ctx.ingest.import_paths([folder])
    assert again.imported_releases == 0
    with any_ctx.db.read() as s:
        assert s.execute(text("SELECT count(DISTINCT release_id), count(*) FROM release_files")
                         ).one() == (4, 5)


def test_import_keeps_ids_in_order_of_the_batch(any_ctx, tmp_path):
    folder = tmp_path / "in"
    for i in range(60):
        write(folder, f"r{i:03d}.txt", f"Title {i}\n\nBody number {i} unique{i}.")
    any_ctx.ingest.import_paths([folder])
    for i in (0, 17, 59):
        ids = any_ctx.library.list_ids(ReleaseFilter(search=f"unique{i}"))
        assert len(ids) == 1
        assert any_ctx.library.release(ids[0]).title == f"Title {i}"


def test_status_filters_sort_and_stats(any_ctx, tmp_path):
    any_ctx.ingest.import_paths([corpus(tmp_path / "in")])
    ids = any_ctx.library.list_ids(sort="title", descending=False)
    rows = any_ctx.library.rows(ids)
    assert [rows[i].title for i in ids] == sorted(rows[i].title for i in ids)
    before = any_ctx.library.release(ids[0]).version
    change = any_ctx.library.set_status(ids[:2], ReviewStatus.DONE)
    assert change.releases == frozenset(ids[:2])
    assert any_ctx.library.release(ids[0]).version == before + 1
    done = any_ctx.library.list_ids(ReleaseFilter(statuses=(ReviewStatus.DONE,)))
    assert set(done) == set(ids[:2])
    stats = any_ctx.library.stats()
    assert stats["status"] == {"done": 2, "new": 2}
    assert sum(stats["language"].values()) == 4


def test_server_errors_are_clear(tmp_path):
    pytest.importorskip("psycopg", reason="PostgreSQL driver not installed")
    with pytest.raises(StorageError, match="cannot be reached"):
        open_database("postgresql+psycopg://nobody@127.0.0.1:1/none")
    with pytest.raises(StorageError, match="address"):
        open_database("postgresql+psycopg://nobody@127.0.0.1:notaport/none")
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"


def test_migrations_run_on_an_empty_server_database(pg_server_url):
    from pg_server import fresh_database

    with fresh_database(pg_server_url, migrated=False) as url:
        db = open_database(url)
        try:
            assert current_revision(db.engine) == head_revision()
            with db.read() as s:
                tables = set(s.scalars(text(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")))
                indexes = set(s.scalars(text(
                    "SELECT indexname FROM pg_indexes WHERE tablename = 'release_search'")))
            assert {"releases", "spans", "entities", "duplicate_pairs", "release_search"} <= tables
            assert "ix_release_search_folded_trgm" in indexes
            db.dispose()
            open_database(url).dispose()  # a second open is a no-op at head
        finally:
            db.dispose()
