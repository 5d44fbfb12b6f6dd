"""Sub-commands of release-review-cli; each module has `register(subparsers)`."""

from . import corpus

COMMAND_MODULES = [corpus]
