"""The export service tests of tests/export, run against PostgreSQL."""

from export.conftest import corpus, exporter  # noqa: F401 - the fixtures, resolved here
from export.test_filters_cli import *  # noqa: F403
from export.test_formats import *  # noqa: F403

# These drive the CLI on SQLite files by path, not on `ctx`'s database.
for _name in ("test_cli_export_and_import", "test_cli_errors_are_plain"):
    globals().pop(_name, None)
