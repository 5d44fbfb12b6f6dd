"""The throwaway server's own behaviour: a clear reason when it cannot start."""

from __future__ import annotations

import pytest
from pg_server import LocalServer


def test_missing_binaries_give_a_clear_reason():
    server = LocalServer()
    server.bin = None
    with pytest.raises(RuntimeError, match="install the Debian package postgresql"):
        server.start()
    server.stop()


def test_failed_initdb_is_reported_and_cleaned_up(tmp_path):
    server = LocalServer()
    if server.bin is None:
        pytest.skip("PostgreSQL binaries not installed")
    server.bin = tmp_path  # no initdb there
    with pytest.raises((RuntimeError, OSError)):
        server.start()
    root = server.root
    server.stop()
    assert root is None or not root.exists()
