"""The first-run welcome: three ways in, and the reviewer's name kept for the tagging flow."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog

from desktop_app.ui.annotate.small_dialogs import REVIEWER, reviewer_name
from desktop_app.ui.settings import Settings
from desktop_app.ui.welcome import (
    DEMO,
    IMPORT_FOLDER,
    NOTHING,
    OPEN_DATABASE,
    WelcomeDialog,
    should_welcome,
)


def type_text(widget, text: str) -> None:
    """Per-character key events: qtbot.keyClicks cannot send non-ASCII text."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings.at_path(tmp_path / "settings.ini")


def test_offered_only_for_an_empty_database() -> None:
    assert should_welcome(0)
    assert not should_welcome(1)


@pytest.mark.parametrize(("button", "choice"), [
    ("import_button", IMPORT_FOLDER), ("open_button", OPEN_DATABASE), ("demo_button", DEMO)])
def test_each_button_records_its_choice(qtbot, settings, button: str, choice: str) -> None:
    dialog = WelcomeDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.chosen) as blocker:
        qtbot.mouseClick(getattr(dialog, button), Qt.MouseButton.LeftButton)
    assert blocker.args == [choice]
    assert dialog.choice == choice
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_reviewer_name_typed_once_is_used_by_tagging(qtbot, settings) -> None:
    dialog = WelcomeDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name_edit.setFocus()
    type_text(dialog.name_edit, "  Ləman   Əliyeva ")
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    assert settings.get(REVIEWER) == "Ləman Əliyeva"
    # The tagging flow finds it and does not ask again.
    assert reviewer_name(settings, None, ask=False) == "Ləman Əliyeva"

    again = WelcomeDialog(settings)
    qtbot.addWidget(again)
    assert again.name_edit.text() == "Ləman Əliyeva"


def test_closing_keeps_a_name_but_never_erases_one(qtbot, settings) -> None:
    settings.set(REVIEWER, "Rauf")
    dialog = WelcomeDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name_edit.clear()
    with qtbot.waitSignal(dialog.chosen) as blocker:
        dialog.later_button.click()
    assert blocker.args == [NOTHING]
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert settings.get(REVIEWER) == "Rauf"
