"""Login items: the right place on each platform, written on, removed off."""

from __future__ import annotations

import configparser
import plistlib
import shlex
from pathlib import Path

from stretchguide import autostart

HOME = Path("/home/ann")


def test_linux_uses_xdg_config_home_or_dot_config():
    env = {"XDG_CONFIG_HOME": "/cfg"}
    assert autostart.autostart_path("linux", env, HOME) == Path(
        "/cfg/autostart/io.github.stretchguide.StretchGuide.desktop"
    )
    assert autostart.autostart_path("linux", {}, HOME) == HOME / ".config/autostart" / (
        "io.github.stretchguide.StretchGuide.desktop"
    )
    # A relative XDG_CONFIG_HOME is invalid by the spec and ignored.
    assert autostart.autostart_path("linux", {"XDG_CONFIG_HOME": "rel"}, HOME).is_relative_to(
        HOME / ".config"
    )


def test_windows_uses_the_startup_folder_under_appdata():
    env = {"APPDATA": r"C:\Users\Ann\AppData\Roaming"}
    p = autostart.autostart_path("win32", env, HOME)
    assert str(p).startswith(env["APPDATA"])
    assert p.parts[-6:-1] == ("Microsoft", "Windows", "Start Menu", "Programs", "Startup")
    assert p.name == "StretchGuide.cmd"


def test_macos_uses_a_launch_agent():
    p = autostart.autostart_path("darwin", {}, HOME)
    assert p == HOME / "Library/LaunchAgents/io.github.stretchguide.StretchGuide.plist"


def test_desktop_file_is_written_on_and_removed_off(tmp_path: Path):
    target = tmp_path / "autostart" / "io.github.stretchguide.StretchGuide.desktop"
    cmd = ["/opt/my apps/python", "-m", "stretchguide", "--data-dir", "/d/100%", "--minimized"]
    autostart.set_enabled(True, cmd, path=target)
    assert autostart.is_enabled(target)
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(target)
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    exec_line = entry["Exec"]
    assert shlex.split(exec_line.replace("%%", "%")) == cmd
    assert exec_line.endswith("--minimized")
    assert not list(target.parent.glob("*.tmp"))
    autostart.set_enabled(False, path=target)
    assert not target.exists()
    autostart.set_enabled(False, path=target)  # removing twice is fine


def test_launch_agent_plist_runs_at_load_with_the_command(tmp_path: Path):
    target = tmp_path / "io.github.stretchguide.StretchGuide.plist"
    autostart.set_enabled(True, ["/Applications/S.app/x", "--minimized"], path=target)
    data = plistlib.loads(target.read_bytes())
    assert data["RunAtLoad"] is True
    assert data["ProgramArguments"] == ["/Applications/S.app/x", "--minimized"]
    assert data["Label"] == autostart.APP_ID


def test_windows_cmd_starts_minimised_and_quotes_paths(tmp_path: Path):
    target = tmp_path / "StretchGuide.cmd"
    autostart.set_enabled(True, [r"C:\Program Files\S\s.exe", "--minimized"], path=target)
    text = target.read_text()
    assert 'start "" /min "C:\\Program Files\\S\\s.exe" "--minimized"' in text


def test_launch_command_ends_with_the_minimised_flag(tmp_path: Path):
    cmd = autostart.launch_command(tmp_path)
    assert cmd[-1] == "--minimized" and str(tmp_path) in cmd


def test_a_link_planted_at_the_old_temporary_name_is_never_written_through(tmp_path: Path):
    # s38: the login item went through a fixed "<name>.tmp", opened as it
    # stood: a symlink there had its target overwritten.
    target = tmp_path / "autostart" / "io.github.stretchguide.StretchGuide.desktop"
    target.parent.mkdir()
    victim = tmp_path / "victim"
    victim.write_text("keep me")
    target.with_name(target.name + ".tmp").symlink_to(victim)
    autostart.set_enabled(True, ["sg", "--minimized"], path=target)
    assert victim.read_text() == "keep me"
    assert target.read_text().startswith("[Desktop Entry]")
