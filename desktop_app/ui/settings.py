"""One typed registry over QSettings: every key the GUI remembers is declared here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from .. import APP_NAME, ORG_NAME

T = TypeVar("T")

MAX_RECENT = 8


@dataclass(frozen=True, slots=True)
class Key(Generic[T]):
    name: str
    default: T


class Keys:
    WINDOW_GEOMETRY = Key("window/geometry", QByteArray())
    WINDOW_STATE = Key("window/state", QByteArray())
    SPLITTER_STATE = Key("window/splitter", QByteArray())
    LIST_HEADER_STATE = Key("window/list_header", QByteArray())
    RECENT_DATABASES: Key[list[str]] = Key("files/recent_databases", [])
    LAST_DATABASE = Key("files/last_database", "")
    LAST_IMPORT_FOLDER = Key("files/last_import_folder", "")
    LAST_DATABASE_FOLDER = Key("files/last_database_folder", "")


class Settings:
    """Typed get/set; values of the wrong type in the file fall back to the default."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings(ORG_NAME, APP_NAME)

    @classmethod
    def at_path(cls, path: str | Path) -> Settings:
        """Settings kept in an INI file of our choosing (tests, screenshots, self-test)."""
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    def get(self, key: Key[T]) -> T:
        value = self.store.value(key.name, None)
        default = key.default
        if value is None:
            return _copy(default)
        if isinstance(default, QByteArray):
            return value if isinstance(value, QByteArray) else _copy(default)  # type: ignore[return-value]
        if isinstance(default, list):
            # INI files return a lone string for a one-item list.
            items = [value] if isinstance(value, str) else value
            return [str(v) for v in items] if isinstance(items, list) else []  # type: ignore[return-value]
        if isinstance(default, bool):
            return (value in (True, "true", "1", 1)) if not isinstance(value, bool) else value  # type: ignore[return-value]
        if isinstance(default, int):
            try:
                return int(value)  # type: ignore[return-value]
            except (TypeError, ValueError):
                return default
        if isinstance(default, str):
            return str(value)  # type: ignore[return-value]
        return value

    def set(self, key: Key[T], value: T) -> None:
        self.store.setValue(key.name, value)

    def sync(self) -> None:
        self.store.sync()

    # --- recent databases ------------------------------------------------------------

    @property
    def recent_databases(self) -> list[str]:
        return self.get(Keys.RECENT_DATABASES)

    def remember_database(self, location: str) -> None:
        recent = [location] + [r for r in self.recent_databases if r != location]
        self.set(Keys.RECENT_DATABASES, recent[:MAX_RECENT])
        self.set(Keys.LAST_DATABASE, location)

    def forget_database(self, location: str) -> None:
        self.set(Keys.RECENT_DATABASES, [r for r in self.recent_databases if r != location])


def _copy(value: T) -> T:
    if isinstance(value, list):
        return list(value)  # type: ignore[return-value]
    if isinstance(value, QByteArray):
        return QByteArray(value)  # type: ignore[return-value]
    return value
