"""The server connection dialog: fields remembered, the password never in the settings file."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from desktop_app.services.context import open_context
from desktop_app.services.paths import AppPaths
from desktop_app.ui.connect_dialog import (
    KEYRING_SERVICE,
    ConnectDialog,
    PasswordStore,
    ServerConnection,
)
from desktop_app.ui.settings import Settings

SECRET = "s3cr3t:p@ss/wörd"


class FakeKeyring:
    def __init__(self) -> None:
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service, account):
        return self.items.get((service, account))

    def set_password(self, service, account, password):
        self.items[(service, account)] = password

    def delete_password(self, service, account):
        self.items.pop((service, account), None)


@pytest.fixture
def settings(tmp_path):
    return Settings.at_path(tmp_path / "settings.ini")


def fill(dialog: ConnectDialog, host="db.team.example", port=6543, database="releases",
         user="ana", password=SECRET) -> None:
    dialog.host.setText(host)
    dialog.port.setValue(port)
    dialog.database.setText(database)
    dialog.user.setText(user)
    dialog.password.setText(password)


def press_connect(qtbot, dialog: ConnectDialog) -> None:
    button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_url_quotes_every_part_and_round_trips():
    conn = ServerConnection("db.team.example", 6543, "press releases", "ana.b@corp")
    url = conn.url(SECRET)
    parts = urlsplit(url)
    assert url.startswith("postgresql+psycopg://")
    assert parts.port == 6543 and parts.hostname == "db.team.example"
    assert ServerConnection.from_url(url) == conn
    assert SECRET not in conn.url() and ":" not in urlsplit(conn.url()).netloc.split("@")[0]
    assert ServerConnection.from_url("/home/ana/releases.sqlite3") is None
    assert ServerConnection.from_url("postgresql://x@h:notaport/db") is None


def test_password_never_written_without_keyring(qtbot, settings, tmp_path):
    dialog = ConnectDialog(settings, passwords=PasswordStore(backend=None))
    qtbot.addWidget(dialog)
    assert not dialog.remember.isEnabled() and "asked each time" in dialog.note.text()
    fill(dialog)
    press_connect(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ServerConnection.from_url(dialog.url()) == dialog.connection()
    assert urlsplit(dialog.url()).password is not None
    stored = (tmp_path / "settings.ini").read_text(encoding="utf-8")
    assert "db.team.example" in stored and "ana" in stored
    assert "s3cr3t" not in stored and "p%40ss" not in stored
    # Next time the fields come back, the password does not.
    again = ConnectDialog(Settings.at_path(tmp_path / "settings.ini"),
                          passwords=PasswordStore(backend=None))
    qtbot.addWidget(again)
    assert again.connection() == ServerConnection("db.team.example", 6543, "releases", "ana")
    assert again.password.text() == ""


def test_password_kept_in_keyring_when_asked(qtbot, settings, tmp_path):
    ring = FakeKeyring()
    dialog = ConnectDialog(settings, passwords=PasswordStore(backend=ring))
    qtbot.addWidget(dialog)
    fill(dialog)
    dialog.remember.setChecked(True)
    press_connect(qtbot, dialog)
    account = dialog.connection().account
    assert ring.items == {(KEYRING_SERVICE, account): SECRET}
    assert "s3cr3t" not in (tmp_path / "settings.ini").read_text(encoding="utf-8")
    again = ConnectDialog(settings, passwords=PasswordStore(backend=ring))
    qtbot.addWidget(again)
    assert again.password.text() == SECRET and again.remember.isChecked()
    again.remember.setChecked(False)
    press_connect(qtbot, again)
    assert ring.items == {}  # unticking forgets it


def test_missing_fields_are_explained(qtbot, settings):
    dialog = ConnectDialog(settings, passwords=PasswordStore(backend=None))
    qtbot.addWidget(dialog)
    fill(dialog, host="")
    press_connect(qtbot, dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "host" in dialog.error.text()
    fill(dialog, host="bad host/x")
    press_connect(qtbot, dialog)
    assert "cannot contain" in dialog.error.text()
    fill(dialog, user="")
    press_connect(qtbot, dialog)
    assert "user name" in dialog.error.text()


def test_dialog_url_opens_the_server(qtbot, settings, pg_url, tmp_path):
    conn = ServerConnection.from_url(pg_url)
    dialog = ConnectDialog(settings, passwords=PasswordStore(backend=None), initial=conn)
    qtbot.addWidget(dialog)
    assert dialog.connection() == conn
    dialog.password.setText("unused-with-trust-auth")
    press_connect(qtbot, dialog)
    ctx = open_context(dialog.url(), AppPaths.resolve(tmp_path / "data"))
    try:
        assert ctx.db.engine.dialect.name == "postgresql"
        assert "unused-with-trust-auth" not in ctx.location  # shown and remembered masked
        assert ctx.library.count() == 0
    finally:
        ctx.close()


def test_ask_server_url_prefills_from_a_recent_location(qtbot, settings, monkeypatch):
    from desktop_app.ui import connect_dialog

    seen = {}

    def fake_exec(self):
        seen["connection"] = self.connection()
        self.password.setText("pw")
        self.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(connect_dialog.ConnectDialog, "exec", fake_exec)
    url = connect_dialog.ask_server_url(
        settings, location="postgresql+psycopg://ben@db.lan:5433/press",
        passwords=PasswordStore(backend=None))
    assert seen["connection"] == ServerConnection("db.lan", 5433, "press", "ben")
    assert url == "postgresql+psycopg://ben:pw@db.lan:5433/press"
    monkeypatch.setattr(connect_dialog.ConnectDialog, "exec",
                        lambda self: QDialog.DialogCode.Rejected)
    assert connect_dialog.ask_server_url(settings, passwords=PasswordStore(backend=None)) is None
