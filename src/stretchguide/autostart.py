"""Start StretchGuide at login, minimised to the tray, for reminders.

Only ever written when the person turns reminders on and removed when they
turn them off (:func:`set_enabled`), never behind their back. One file per
platform, in the place that platform's session reads at login:

* Linux and other XDG desktops: ``$XDG_CONFIG_HOME/autostart/<id>.desktop``
* Windows: a ``.cmd`` in the user's Startup folder (``%APPDATA%``)
* macOS: a LaunchAgent ``~/Library/LaunchAgents/<id>.plist``

Standard library only, so the path logic is tested on every platform.
"""

from __future__ import annotations

import os
import plistlib
import shlex
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Final

from stretchguide.core.atomic import write_text_atomically

APP_ID: Final = "io.github.stretchguide.StretchGuide"
MINIMIZED_FLAG: Final = "--minimized"


def launch_command(data_dir: Path | None = None) -> list[str]:
    """How to start this installation, minimised to the tray."""
    if getattr(sys, "frozen", False):
        cmd = [sys.executable]
    else:
        cmd = [sys.executable, "-m", "stretchguide"]
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    return [*cmd, MINIMIZED_FLAG]


def autostart_path(
    platform: str = sys.platform,
    env: Mapping[str, str] | None = None,
    home: Path | None = None,
) -> Path:
    """Where the login item lives on ``platform`` (``sys.platform`` values)."""
    env = os.environ if env is None else env
    home = Path.home() if home is None else home
    if platform.startswith("win"):
        appdata = Path(env.get("APPDATA") or home / "AppData" / "Roaming")
        startup = appdata / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Startup"
        return startup / "StretchGuide.cmd"
    if platform == "darwin":
        return home / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
    config = env.get("XDG_CONFIG_HOME") or ""
    base = Path(config) if config and Path(config).is_absolute() else home / ".config"
    return base / "autostart" / f"{APP_ID}.desktop"


def file_text(command: Sequence[str], platform: str = sys.platform) -> str:
    if platform.startswith("win"):
        # `start "" /min` returns at once, so the console window closes.
        args = " ".join(f'"{a}"' for a in command)
        return f'@echo off\r\nstart "" /min {args}\r\n'
    if platform == "darwin":
        plist = {
            "Label": APP_ID,
            "ProgramArguments": list(command),
            "RunAtLoad": True,
            "ProcessType": "Interactive",
        }
        return plistlib.dumps(plist).decode("utf-8")
    exec_line = " ".join(_desktop_quote(a) for a in command)
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=StretchGuide reminders\n"
        "Comment=Reminds you of your stretches; starts in the tray\n"
        f"Exec={exec_line}\n"
        "Icon=io.github.stretchguide.StretchGuide\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
        "NoDisplay=false\n"
    )


def _desktop_quote(arg: str) -> str:
    # The Desktop Entry spec quotes with double quotes and escapes ", `, $, \;
    # a bare "%" would be read as a field code.
    arg = arg.replace("%", "%%")
    if arg and all(c.isalnum() or c in "-_./=:+," for c in arg):
        return arg
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return f'"{escaped}"'


def is_enabled(path: Path | None = None) -> bool:
    return (path or autostart_path()).is_file()


def set_enabled(
    on: bool, command: Sequence[str] | None = None, *, path: Path | None = None
) -> Path:
    """Write (on) or remove (off) the login item; returns its path.

    Writes through a temporary file so a login never reads half a file.
    Raises OSError with the path when the folder cannot be written.
    """
    target = path or autostart_path()
    if not on:
        target.unlink(missing_ok=True)
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    platform = sys.platform
    if target.suffix == ".desktop":
        platform = "linux"
    elif target.suffix == ".plist":
        platform = "darwin"
    elif target.suffix == ".cmd":
        platform = "win32"
    # core/atomic.py: a new private temporary name, flushed, then renamed.
    # The fixed "<name>.tmp" was opened as it stood, so a link planted there
    # had its target overwritten, and a full disk left the .tmp behind.
    write_text_atomically(target, file_text(command or launch_command(), platform), prefix=None)
    return target


def describe(command: Sequence[str]) -> str:
    """The command as a shell line, for the settings' explanation."""
    return shlex.join(command)
