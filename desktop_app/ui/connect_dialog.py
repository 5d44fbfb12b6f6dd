"""Connect to a team server: host, port, database, user and password.

Host, port, database and user are remembered in the settings; the password never is. It goes
to the system keyring when the `keyring` package is importable and the reviewer ticks
"Remember"; otherwise it is asked each time.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .settings import Key, Settings

DEFAULT_PORT = 5432
KEYRING_SERVICE = "Release Review team server"
SCHEMES = ("postgresql+psycopg://", "postgresql://", "postgres://")


class ServerKeys:
    HOST = Key("server/host", "")
    PORT = Key("server/port", DEFAULT_PORT)
    DATABASE = Key("server/database", "releases")
    USER = Key("server/user", "")
    REMEMBER = Key("server/remember_password", False)


@dataclass(frozen=True, slots=True)
class ServerConnection:
    host: str
    port: int
    database: str
    user: str

    def url(self, password: str = "") -> str:
        """The database URL; with the password only for opening, never for storing."""
        auth = quote(self.user, safe="")
        if password:
            auth += ":" + quote(password, safe="")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"postgresql+psycopg://{auth}@{host}:{self.port}/{quote(self.database, safe='')}"

    @property
    def account(self) -> str:
        """The keyring entry name: one password per user on each server database."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    @classmethod
    def from_url(cls, url: str) -> ServerConnection | None:
        """The fields of a server URL (as in the recent-databases list), or None."""
        if not url.startswith(SCHEMES):
            return None
        try:
            parts = urlsplit(url)
            port = parts.port or DEFAULT_PORT
        except ValueError:
            return None
        return cls(parts.hostname or "", port, unquote(parts.path.lstrip("/")),
                   unquote(parts.username or ""))


class PasswordStore:
    """The system keyring when importable; otherwise remembers nothing."""

    def __init__(self, backend: object | None = None) -> None:
        if backend is None:
            try:
                backend = importlib.import_module("keyring")
            except Exception:  # not installed, or no usable backend on this desktop
                backend = None
        self.backend = backend

    @property
    def available(self) -> bool:
        return self.backend is not None

    def get(self, account: str) -> str:
        if self.backend is None:
            return ""
        try:
            return self.backend.get_password(KEYRING_SERVICE, account) or ""
        except Exception:  # a locked or broken keyring: ask instead
            return ""

    def set(self, account: str, password: str) -> bool:
        if self.backend is None:
            return False
        try:
            self.backend.set_password(KEYRING_SERVICE, account, password)
            return True
        except Exception:
            return False

    def forget(self, account: str) -> None:
        if self.backend is None:
            return
        try:
            self.backend.delete_password(KEYRING_SERVICE, account)
        except Exception:  # nothing stored is fine
            pass


class ConnectDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None,
                 passwords: PasswordStore | None = None,
                 initial: ServerConnection | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to team server"))
        self.settings = settings
        self.passwords = passwords if passwords is not None else PasswordStore()

        self.host = QLineEdit()
        self.host.setPlaceholderText("db.example.org")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.database = QLineEdit()
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember the password in the system keyring"))
        self.note = QLabel()
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("&Host:"), self.host)
        form.addRow(self.tr("&Port:"), self.port)
        form.addRow(self.tr("&Database:"), self.database)
        form.addRow(self.tr("&User:"), self.user)
        form.addRow(self.tr("Pass&word:"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Connect"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        if self.passwords.available:
            self.note.setText(self.tr("The password is never written to the settings file."))
        else:
            self.remember.setEnabled(False)
            self.note.setText(self.tr("No system keyring is available: the password is asked "
                                      "each time and never written to disk."))
        self._fill(initial)

    def _fill(self, initial: ServerConnection | None) -> None:
        s = self.settings
        conn = initial or ServerConnection(s.get(ServerKeys.HOST), s.get(ServerKeys.PORT),
                                           s.get(ServerKeys.DATABASE), s.get(ServerKeys.USER))
        self.host.setText(conn.host)
        self.port.setValue(conn.port if 0 < conn.port < 65536 else DEFAULT_PORT)
        self.database.setText(conn.database)
        self.user.setText(conn.user)
        remember = self.passwords.available and s.get(ServerKeys.REMEMBER)
        self.remember.setChecked(bool(remember))
        if remember and conn.host and conn.user:
            self.password.setText(self.passwords.get(conn.account))
        focus = next((w for w in (self.host, self.database, self.user, self.password)
                      if not w.text()), self.password)
        focus.setFocus()

    def connection(self) -> ServerConnection:
        return ServerConnection(self.host.text().strip(), self.port.value(),
                                self.database.text().strip(), self.user.text().strip())

    def url(self) -> str:
        """The URL to open, password included (keep it in memory only)."""
        return self.connection().url(self.password.text())

    def problem(self) -> str:
        conn = self.connection()
        if not conn.host:
            return self.tr("Enter the server's host name or address.")
        if any(ch.isspace() or ch in "/@?#" for ch in conn.host):
            return self.tr("The host name cannot contain spaces or / @ ? #.")
        if not conn.database:
            return self.tr("Enter the name of the database on the server.")
        if not conn.user:
            return self.tr("Enter your user name on the server.")
        return ""

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error.setText(problem)
            return
        conn = self.connection()
        s = self.settings
        s.set(ServerKeys.HOST, conn.host)
        s.set(ServerKeys.PORT, conn.port)
        s.set(ServerKeys.DATABASE, conn.database)
        s.set(ServerKeys.USER, conn.user)
        remember = self.remember.isChecked() and self.passwords.available
        s.set(ServerKeys.REMEMBER, remember)
        if remember and self.password.text():
            self.passwords.set(conn.account, self.password.text())
        else:
            self.passwords.forget(conn.account)
        s.sync()
        super().accept()


def ask_server_url(settings: Settings, parent: QWidget | None = None,
                   location: str | None = None,
                   passwords: PasswordStore | None = None) -> str | None:
    """Show the dialog (prefilled from `location`, a server URL without password, when
    given, e.g. from the recent-databases list); the URL to open, or None when cancelled."""
    initial = ServerConnection.from_url(location) if location else None
    dialog = ConnectDialog(settings, parent, passwords, initial)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.url()
