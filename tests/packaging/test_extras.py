"""Preferences, demo corpus and welcome screen reachable from the main window's menus."""

from __future__ import annotations

from desktop_app.ui.extras import install_extras, run_choice
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.palette import ThemeManager
from desktop_app.ui.settings import Settings
from desktop_app.ui.welcome import DEMO


def _texts(menu) -> list[str]:
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def test_menus_offer_preferences_demo_and_welcome(qtbot, qapp, ctx, tmp_path) -> None:
    settings = Settings.at_path(tmp_path / "s.ini")
    themes = ThemeManager(qapp)
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    try:
        install_extras(window, settings, themes)
        assert "Preferences…" in _texts(window.menu("&Edit"))
        help_items = _texts(window.menu("&Help"))
        assert help_items[:2] == ["Welcome screen…", "Try the demo corpus"]
        assert help_items[-1].startswith("About")

        demo = next(a for a in window.menu("&Help").actions()
                    if a.text().replace("&", "") == "Try the demo corpus")
        with qtbot.waitSignal(window.import_finished, timeout=60000) as blocker:
            demo.trigger()
        assert blocker.args[0].imported_releases >= 12
        assert ctx.library.count() == blocker.args[0].imported_releases
        assert set(ctx.library.languages()) >= {"fr", "az", "ru", "en"}
    finally:
        window.runner.wait_all()
        window.shutdown()


def test_welcome_demo_choice_imports(qtbot, qapp, ctx, tmp_path) -> None:
    window = MainWindow(ctx, Settings.at_path(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignal(window.import_finished, timeout=60000):
            run_choice(window, DEMO)
        assert ctx.library.count() > 0
    finally:
        window.runner.wait_all()
        window.shutdown()
