"""Helpers shared by the CLI sub-commands."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator

from ..services.context import AppContext, open_context
from ..services.paths import AppPaths


@contextlib.contextmanager
def context(args: argparse.Namespace) -> Iterator[AppContext]:
    ctx = open_context(args.db, AppPaths.resolve(args.data_dir))
    try:
        yield ctx
    finally:
        ctx.close()


def print_json(obj: object) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=None, default=str)
    sys.stdout.write("\n")
