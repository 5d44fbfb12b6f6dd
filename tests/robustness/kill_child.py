"""Child process of the kill test: import, tag and detect, reporting each commit once it returned.

    python kill_child.py DB DATA_DIR CORPUS_ROOT SEED TAGS

Lines on stdout: `IMPORT <n>` per file about to be read, `IMPORTED <count>` when the import
returned, `TAG <span id> <release id> <start> <end>` after each tag's commit returned,
`DETECTING`, `DETECT <method or unavailable>` and `DONE`. The parent SIGKILLs this process at a random moment.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop_app.domain.releases import ReleaseFilter  # noqa: E402
from desktop_app.services import ingest  # noqa: E402
from desktop_app.services.context import open_context  # noqa: E402
from desktop_app.services.paths import AppPaths  # noqa: E402

# Small batches: more commits in flight, so kills land inside and between transactions.
ingest.BATCH_RELEASES = 15


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def detect(ctx) -> str:  # noqa: ANN001
    service = getattr(ctx, "dedup", None) or getattr(ctx, "duplicates", None)
    if service is None:
        return "unavailable"
    for name in ("detect", "detect_all", "run_detection", "run"):
        method = getattr(service, name, None)
        if callable(method):
            try:
                method()
            except TypeError:
                continue
            return name
    return "unavailable"


def main() -> int:
    db, data_dir, corpus, seed, tags = sys.argv[1:6]
    rng = random.Random(int(seed))
    ctx = open_context(Path(db), AppPaths.resolve(data_dir))
    ctx.ingest.import_paths([Path(corpus)], progress=lambda p: say(f"IMPORT {p.done}"))
    ids = ctx.library.list_ids(ReleaseFilter())
    say(f"IMPORTED {len(ids)}")
    type_id = ctx.annotate.schema().entity_types[0].id
    for _ in range(int(tags)):
        release_id = rng.choice(ids)
        text = ctx.annotate.text_of(release_id)
        starts = [i for i in range(len(text) - 8) if not text[i].isspace()]
        start = rng.choice(starts)
        span, _changes = ctx.annotate.create_span(release_id, start, start + 8, type_id)
        say(f"TAG {span.id} {span.release_id} {span.start} {span.end}")
    say("DETECTING")
    say(f"DETECT {detect(ctx)}")
    ctx.close()
    say("DONE")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
