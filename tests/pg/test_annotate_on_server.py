"""The tagging service tests of tests/annotate, run against PostgreSQL."""

from annotate.conftest import corpus  # noqa: F401 - the fixture, resolved here
from annotate.test_services import *  # noqa: F403

# This one drives the CLI on the data dir's default SQLite file, not on `ctx`'s database.
del test_cli_entities_and_tags  # noqa: F821
