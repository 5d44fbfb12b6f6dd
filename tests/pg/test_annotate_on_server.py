"""The tagging service tests of tests/annotate, run against PostgreSQL."""

from annotate.conftest import corpus  # noqa: F401 - the fixture, resolved here
from annotate.test_services import *  # noqa: F403

# These open the data dir's default SQLite file (by the CLI or open_context(None, ...)),
# not `ctx`'s database, so they only make sense in their own folder.
for _name in ("test_cli_entities_and_tags",
              "test_alias_index_follows_changes_from_this_and_other_processes"):
    globals().pop(_name, None)
