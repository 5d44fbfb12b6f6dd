"""release-review-cli --db postgresql+psycopg://… against the throwaway server."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from desktop_app.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_import_search_stats_on_server(pg_url, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Визит Антонио Виторино\n\nАнтонио Виторино прибыл в Баку.",
                                  encoding="utf-8")
    (folder / "b.txt").write_text("Görüş\n\nPrezident İlham Əliyev Vitorinonu qəbul edib.",
                                  encoding="utf-8")
    common = ("--db", pg_url, "--data-dir", str(tmp_path / "data"))
    code, out, _ = run(capsys, *common, "import", "--quiet", str(folder))
    assert code == 0 and "2 releases imported" in out
    code, out, _ = run(capsys, *common, "search", "--json", "vitorino")
    assert code == 0
    assert {json.loads(line)["title"] for line in out.splitlines()} == {
        "Визит Антонио Виторино", "Görüş"}
    code, out, _ = run(capsys, *common, "stats", "--json")
    assert code == 0 and json.loads(out)["total"] == 2
    # Nothing was written beside the data dir's logs: the releases live on the server.
    assert not (tmp_path / "data" / "releases.sqlite3").exists()


def test_cli_reports_unreachable_server_without_traceback(tmp_path):
    pytest.importorskip("psycopg", reason="PostgreSQL driver not installed")
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app.cli", "--db",
         "postgresql+psycopg://reviewer@127.0.0.1:1/releases", "--data-dir",
         str(tmp_path / "data"), "stats"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "cannot be reached" in done.stderr and "Traceback" not in done.stderr


def test_cli_migrate_plain_postgresql_url(pg_server_url, tmp_path, capsys):
    from pg_server import fresh_database

    with fresh_database(pg_server_url, migrated=False) as url:
        plain = url.replace("postgresql+psycopg://", "postgresql://")
        code, out, _ = run(capsys, "--db", plain, "--data-dir", str(tmp_path / "d"), "migrate")
    assert code == 0 and "schema up to date" in out and "postgresql" in out
