"""The composition root: self-test entry and the first-run offer on an empty database."""

from __future__ import annotations

from desktop_app import app as app_module
from desktop_app.ui import welcome


def test_self_test_flag(qapp, tmp_path, capsys) -> None:
    assert app_module.main(["--self-test", "--data-dir", str(tmp_path)]) == 0
    assert "self-test passed" in capsys.readouterr().out


def test_demo_chosen_on_first_run_is_imported(qtbot, window, settings, monkeypatch) -> None:
    class Chooser:
        def __init__(self, settings, parent) -> None:
            self.choice = welcome.DEMO

        def exec(self) -> int:
            return 1

    monkeypatch.setattr(welcome, "WelcomeDialog", Chooser)
    assert welcome.should_welcome(window.ctx.library.count())
    with qtbot.waitSignal(window.import_finished, timeout=60000) as blocker:
        app_module.offer_start(window, settings)
    assert blocker.args[0].imported_releases >= 12
    assert window.model.rowCount() == blocker.args[0].imported_releases
    langs = {window.model.release_row(r).language for r in range(window.model.rowCount())}
    assert {"fr", "az", "ru", "en"} <= langs
