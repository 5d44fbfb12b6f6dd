"""The backup recipe of the team-server guide: pg_dump, then pg_restore into a new database."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pg_server import _bin_dir, fresh_database
from sqlalchemy.engine import make_url

from desktop_app.domain.releases import ReleaseFilter
from desktop_app.services.context import open_context
from desktop_app.services.paths import AppPaths


def tool(name: str) -> str:
    folder = _bin_dir()
    found = str(folder / name) if folder and (folder / name).exists() else shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed")
    return found


def test_pg_dump_and_restore_round_trip(pg_server_url, pg_url, tmp_path):
    paths = AppPaths.resolve(tmp_path / "data")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Визит\n\nАнтонио Виторино прибыл в Баку.", encoding="utf-8")
    (folder / "b.txt").write_text("Görüş\n\nİlham Əliyev Vitorinonu qəbul edib.", encoding="utf-8")
    ctx = open_context(pg_url, paths)
    ctx.ingest.import_paths([folder])
    ctx.close()

    url = make_url(pg_url)
    conn = ["-h", url.host, "-p", str(url.port), "-U", url.username]
    dump = Path(tmp_path / "releases.dump")
    subprocess.run([tool("pg_dump"), *conn, "-Fc", "-f", str(dump), url.database],
                   check=True, capture_output=True, timeout=120)
    assert dump.stat().st_size > 0
    with fresh_database(pg_server_url, migrated=False) as restored:
        subprocess.run([tool("pg_restore"), *conn, "-d", make_url(restored).database,
                        "--no-owner", str(dump)], check=True, capture_output=True, timeout=120)
        again = open_context(restored, paths)
        try:
            assert again.library.count() == 2
            ids = again.library.list_ids(ReleaseFilter(search="vitorino"))
            assert len(ids) == 2
        finally:
            again.close()
