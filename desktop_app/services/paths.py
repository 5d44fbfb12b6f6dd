"""Where the app keeps its data, backups and logs (one platformdirs root, overridable)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_path, user_log_path

from .. import APP_NAME, ORG_NAME

DATA_DIR_ENV = "RELEASE_REVIEW_DATA_DIR"


@dataclass(frozen=True, slots=True)
class AppPaths:
    data_dir: Path
    log_dir: Path

    @property
    def default_database(self) -> Path:
        return self.data_dir / "releases.sqlite3"

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @classmethod
    def resolve(cls, data_dir: str | Path | None = None) -> AppPaths:
        chosen = data_dir or os.environ.get(DATA_DIR_ENV)
        if chosen:
            root = Path(chosen).expanduser().resolve()
            return cls(root, root / "logs")
        return cls(user_data_path(APP_NAME, ORG_NAME), user_log_path(APP_NAME, ORG_NAME))
