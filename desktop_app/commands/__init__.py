"""Sub-commands of release-review-cli; each module has `register(subparsers)`."""

from . import annotations, corpus, dedup, export

COMMAND_MODULES = [corpus, annotations, export, dedup]
