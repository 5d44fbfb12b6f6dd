"""A tag survives the app being killed (SIGKILL) right after the tag was made.

The child process runs the real widgets offscreen: it opens the release, selects the text,
presses the type key, and kills itself as soon as that key press returns.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from desktop_app.services.context import open_context
from desktop_app.services.paths import AppPaths

from .conftest import import_corpus

CHILD = textwrap.dedent("""
    import os, signal, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication
    from desktop_app.services.context import open_context
    from desktop_app.services.paths import AppPaths
    from desktop_app.ui.annotate.workbench import AnnotationWorkbench
    sys.path.insert(0, sys.argv[4])
    from uihelpers import press, select_text

    app = QApplication([])
    ctx = open_context(None, AppPaths.resolve(sys.argv[1]))
    ctx.sessions.log.set_actor("Killed")
    wb = AnnotationWorkbench(ctx)
    wb.controller.open_release(int(sys.argv[2]))
    select_text(wb.view, sys.argv[3])
    press(wb.view, "p")
    print("tagged", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_tag_survives_sigkill_right_after_commit(tmp_path):
    data = tmp_path / "data"
    ctx = open_context(None, AppPaths.resolve(data))
    ids = import_corpus(ctx, tmp_path / "in")
    ctx.close()
    rid = ids["emoji.txt"]
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env = {**os.environ, "PYTHONPATH": root, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", CHILD, str(data), str(rid), "Алиев",
                           os.path.dirname(os.path.abspath(__file__))],
                          capture_output=True, text=True, timeout=120, env=env, cwd=root)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert proc.stdout.strip() == "tagged"
    again = open_context(None, AppPaths.resolve(data))
    try:
        spans = again.annotate.spans(rid)
        assert [(s.text, s.created_by) for s in spans] == [("Алиев", "Killed")]
        assert again.library.rows([rid])[rid].tag_count == 1
        assert [e.action for e in again.sessions.audit_entries(release_id=rid)] == ["span.create"]
    finally:
        again.close()
