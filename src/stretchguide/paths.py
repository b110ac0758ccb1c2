"""The only module that decides where stretchguide keeps its files.

Order of precedence for the data folder: the ``--data-dir`` flag, then the
``STRETCHGUIDE_DATA_DIR`` environment variable, then the platform's user data
folder (via platformdirs). Everything the person owns -- the history database,
its backups, their own routines -- lives below that one folder, created with
mode 0700 because it holds health data.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

ENV_VAR = "STRETCHGUIDE_DATA_DIR"
APP_NAME = "stretchguide"


class AppPaths:
    """The data folder and the files below it; immutable, compared by folder.

    Written out instead of a frozen dataclass: the app imports this before
    its first paint, and ``dataclasses`` plus making the class cost ~5 ms of
    CPU there (a bare Qt window's whole start is ~150 ms).
    """

    __slots__ = ("_data_dir",)

    def __init__(self, data_dir: Path) -> None:
        self._data_dir = data_dir

    @property
    def data_dir(self) -> Path:
        return self._data_dir

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, AppPaths):
            return NotImplemented
        return self.data_dir == other.data_dir

    def __hash__(self) -> int:
        return hash((self.data_dir,))

    def __repr__(self) -> str:
        return f"AppPaths(data_dir={self.data_dir!r})"

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
        """Create the folders (0700) and the settings file (0600) privately (idempotent).

        Qt writes settings.ini through a temporary file that copies the
        existing file's mode, so creating it 0600 first keeps it private
        whatever the umask (under umask 000 Qt alone made it 0666).
        """
        for folder in (self.data_dir, self.backups_dir, self.routines_dir):
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            if not folder.is_symlink():
                # mkdir's mode is masked by the umask; chmod makes 0700 certain.
                os.chmod(folder, 0o700)
        _private_file(self.settings_file)
        return self


def _private_file(path: Path) -> None:
    """Create ``path`` 0600 if missing, or make an existing plain file 0600,
    never following a symlink."""
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags, 0o600)
    except OSError:
        return  # a symlink or something odd: left alone, Qt then reports it
    try:
        import stat

        if stat.S_ISREG(os.fstat(fd).st_mode):
            os.fchmod(fd, 0o600)
    finally:
        os.close(fd)


def _linux_data_home() -> str | None:
    """platformdirs' Unix ``user_data_dir`` base for the plain cases, or None.

    Importing platformdirs cost 7-11 ms of CPU before the first paint (the
    lock and the settings need the folder). This repeats its rule only where
    it is simple: ``$XDG_DATA_HOME`` when absolute, else ``~/.local/share``
    with an absolute ``HOME``. Anything else (Android, a relative or missing
    HOME) asks platformdirs; tests/test_paths.py checks both agree.
    """
    if sys.platform != "linux" or hasattr(sys, "getandroidapilevel"):
        return None
    if os.environ.get("ANDROID_DATA") or os.environ.get("ANDROID_ROOT"):
        return None
    xdg = os.environ.get("XDG_DATA_HOME", "")
    if xdg.startswith("/"):
        return xdg
    home = os.environ.get("HOME")
    if not home or not home.startswith("/"):
        return None
    return os.path.expanduser("~/.local/share")


def default_data_dir() -> Path:
    base = _linux_data_home()
    if base is not None:
        return Path(os.path.join(base, APP_NAME))
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
    with contextlib.suppress(RuntimeError):  # "~name" of no such user: taken as written
        chosen = chosen.expanduser()
    try:
        return AppPaths(chosen.resolve())
    except (OSError, RuntimeError):
        # A symlink loop on the way (RuntimeError before Python 3.13) ended
        # every command in a traceback: the path as given, made absolute;
        # opening a file in it then says what is wrong, in a sentence.
        return AppPaths(Path(os.path.abspath(chosen)))
