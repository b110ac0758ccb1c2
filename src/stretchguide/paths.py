"""The only module that decides where stretchguide keeps its files.

Order of precedence for the data folder: the ``--data-dir`` flag, then the
``STRETCHGUIDE_DATA_DIR`` environment variable, then the platform's user data
folder (via platformdirs). Everything the person owns -- the history database,
its backups, their own routines -- lives below that one folder, created with
mode 0700 because it holds health data.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ENV_VAR = "STRETCHGUIDE_DATA_DIR"
APP_NAME = "stretchguide"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "history.db"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def routines_dir(self) -> Path:
        """The person's own routines, one file each."""
        return self.data_dir / "routines"

    @property
    def settings_file(self) -> Path:
        """Preferences (QSettings INI) kept beside the data so a portable
        install or a test data dir carries its own settings."""
        return self.data_dir / "settings.ini"

    def ensure(self) -> AppPaths:
        """Create the folders with private permissions (idempotent)."""
        for folder in (self.data_dir, self.backups_dir, self.routines_dir):
            folder.mkdir(parents=True, exist_ok=True)
            # mkdir's mode is masked by the umask; chmod makes 0700 certain.
            os.chmod(folder, 0o700)
        return self


def default_data_dir() -> Path:
    from platformdirs import PlatformDirs

    return Path(PlatformDirs(APP_NAME, appauthor=False).user_data_dir)


def resolve(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """Pick the data folder: explicit flag, then environment, then platform default."""
    if data_dir:
        chosen = Path(data_dir)
    elif os.environ.get(ENV_VAR):
        chosen = Path(os.environ[ENV_VAR])
    else:
        chosen = default_data_dir()
    return AppPaths(chosen.expanduser().resolve())
