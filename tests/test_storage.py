"""The store: PRAGMAs, migrations, refusal of newer schemas, search across scripts."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop_app.domain.errors import SchemaTooNewError, StorageError
from desktop_app.domain.releases import ReleaseFilter
from desktop_app.services.context import open_context
from desktop_app.storage import open_database
from desktop_app.storage.migrate import head_revision


def write(folder: Path, name: str, content: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(content, encoding="utf-8")
    return path


def test_pragmas_are_set(ctx):
    with ctx.db.read() as s:
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert s.execute(text("PRAGMA synchronous")).scalar() == 1  # NORMAL
        assert s.execute(text("PRAGMA busy_timeout")).scalar() >= 1000


def test_schema_at_head_with_default_annotation_types(ctx):
    with ctx.db.read() as s:
        assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
        names = set(s.scalars(text("SELECT name FROM entity_types")))
    assert {"PERSON", "ORGANIZATION", "LOCATION", "DATE", "MISC"} <= names


def test_newer_schema_is_refused_and_file_untouched(tmp_path):
    path = tmp_path / "db.sqlite3"
    open_database(path).dispose()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(SchemaTooNewError, match="newer version"):
        open_database(path)
    assert path.read_bytes() == before


def test_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("hello", encoding="utf-8")
    with pytest.raises(StorageError, match="not a Release Review database"):
        open_database(path)


def test_search_crosses_scripts_and_quotes_user_input(ctx, tmp_path):
    folder = tmp_path / "in"
    write(folder, "a.txt", "Визит Антонио Виторино\n\nАнтонио Виторино прибыл в Баку.")
    write(folder, "b.txt", "Görüş\n\nPrezident İlham Əliyev Antonio Vitorinonu qəbul edib.")
    write(folder, "c.txt", "Unrelated\n\nThe weather in Paris was fine.")
    ctx.ingest.import_paths([folder])
    lib = ctx.library

    def titles(query: str) -> set[str]:
        ids = lib.list_ids(ReleaseFilter(search=query))
        return {r.title for r in lib.rows(ids).values()}

    assert titles("Vitorino") == {"Визит Антонио Виторино", "Görüş"}
    assert titles("aliyev") == {"Görüş"}
    assert titles("ƏLİYEV") == {"Görüş"}
    for hostile in ['"', "NEAR(", "a OR", "*", "') OR 1=1 --", "title:x", "^", "'; DROP TABLE releases; --"]:
        lib.list_ids(ReleaseFilter(search=hostile))  # never raises
    assert lib.count() == 3


def test_reimport_changes_nothing(ctx, tmp_path):
    folder = tmp_path / "in"
    write(folder, "a.txt", "One\n\nFirst text.")
    (folder / "sub").mkdir(parents=True)
    write(folder, "sub/b.md", "Two\n\nSecond text.")
    first = ctx.ingest.import_paths([folder])
    assert first.imported_releases == 2
    with ctx.db.read() as s:
        before = s.execute(text("SELECT count(*) FROM release_files")).scalar()
    again = ctx.ingest.import_paths([folder])
    assert again.imported_releases == 0
    with ctx.db.read() as s:
        assert s.execute(text("SELECT count(*) FROM release_files")).scalar() == before
    assert ctx.library.count() == 2


def test_exact_duplicate_is_linked_not_stored(ctx, tmp_path):
    folder = tmp_path / "in"
    write(folder, "a.txt", "Same\n\nThe  same words.")
    write(folder, "copy.txt", "Same\n\nThe same   words.\n")
    report = ctx.ingest.import_paths([folder])
    assert report.imported_releases == 1
    with ctx.db.read() as s:
        assert s.execute(text("SELECT count(DISTINCT release_id), count(*) FROM release_files")
                         ).one() == (1, 2)


def test_context_opens_default_database_in_data_dir(app_paths):
    ctx = open_context(None, app_paths)
    try:
        assert Path(ctx.location) == app_paths.default_database
    finally:
        ctx.close()


def test_integrity_check_deferred_after_clean_close_but_run_after_a_crash(tmp_path):
    path = tmp_path / "db.sqlite3"
    open_database(path).dispose()
    clean = open_database(path)
    assert clean.integrity_checked is False  # the caller checks in the background
    clean.dispose()
    # A write-ahead log left behind means the last close was not clean: check at once.
    holder = sqlite3.connect(path)
    holder.execute("PRAGMA journal_mode=WAL")
    holder.execute("CREATE TABLE scratch(x)")
    holder.commit()
    assert (tmp_path / "db.sqlite3-wal").stat().st_size > 0
    crashed = open_database(path)
    try:
        assert crashed.integrity_checked is True
    finally:
        crashed.dispose()
        holder.close()


def test_database_of_schema_0001_upgrades_with_a_backup_first(tmp_path):
    """A database written by the first released schema opens in this version, data intact."""
    import shutil

    from desktop_app.storage.migrate import current_revision

    path = tmp_path / "old.sqlite3"
    shutil.copy(Path(__file__).parent / "fixtures" / "schemas" / "schema-0001.sqlite3", path)
    db = open_database(path, tmp_path / "backups")
    try:
        assert current_revision(db.engine) == head_revision()
        with db.read() as s:
            assert s.execute(text("SELECT title, review_status FROM releases")).one() == (
                "Visite à Bakou", "done")
            assert s.execute(text("SELECT text FROM spans")).scalar() == "Bakou"
    finally:
        db.dispose()
    backups = list((tmp_path / "backups").glob("*before-migrate-0001*"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    con.close()


def test_head_found_without_alembic_matches_alembic():
    from alembic.script import ScriptDirectory

    from desktop_app.storage.migrate import _config

    assert head_revision() == ScriptDirectory.from_config(_config()).get_current_head()


def test_stale_status_change_is_refused_and_says_what_changed(ctx, tmp_path):
    from desktop_app.domain.enums import ReviewStatus
    from desktop_app.domain.errors import ConflictError

    folder = tmp_path / "in"
    write(folder, "a.txt", "One\n\nA release about a meeting in Baku.")
    ctx.ingest.import_paths([folder])
    rid = ctx.library.list_ids()[0]
    seen = ctx.library.release(rid).version
    ctx.library.set_status([rid], ReviewStatus.SKIPPED, {rid: seen})  # a colleague, first
    with pytest.raises(ConflictError) as caught:
        ctx.library.set_status([rid], ReviewStatus.DONE, {rid: seen})
    assert [(c.field, c.theirs) for c in caught.value.changes] == [("review_status", "skipped")]
    assert ctx.library.release(rid).review_status is ReviewStatus.SKIPPED


def test_list_sorts_by_who_holds_each_release(ctx, tmp_path):
    folder = tmp_path / "in"
    for i in range(4):
        write(folder, f"{i}.txt", f"Release {i}\n\nText number {i} about Baku.")
    ctx.ingest.import_paths([folder])
    ids = sorted(ctx.library.list_ids())
    ctx.work_queue.take([ids[2]])
    held_last = ctx.library.list_ids(sort="held", descending=False)
    held_first = ctx.library.list_ids(sort="held", descending=True)
    assert held_first[0] == ids[2]
    assert held_last[-1] == ids[2]
