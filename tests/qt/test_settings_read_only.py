"""A settings file StretchGuide may not write (the file 0444, or its folder
read-only): Qt keeps every value in memory and says nothing, so changed
settings were silently gone at the next start. The person is told once,
with the file's name; the app goes on with the values in memory.

The real failure is Qt's own save in a child process. Run as root, chmod
changes nothing (root may write anywhere), so the child then runs without
the capabilities that let root ignore file modes (``setpriv``); where that
is not possible the test is skipped rather than faked.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from tests.qt.test_flow import app_window

from stretchguide.paths import AppPaths

__all__ = ["app_window"]  # the fixture, used by name

_NO_OVERRIDE = "-dac_override,-dac_read_search"


def _as_a_person(argv: list[str], guarded: Path) -> list[str]:
    """``argv`` run so that file modes hold for it, or skip the test."""
    if not os.access(guarded, os.W_OK):
        return argv  # not root: chmod holds as it is
    setpriv = shutil.which("setpriv")
    if os.geteuid() != 0 or setpriv is None:
        pytest.skip("file modes do not hold for this user and setpriv is missing")
    wrapped = [setpriv, f"--inh-caps={_NO_OVERRIDE}", f"--bounding-set={_NO_OVERRIDE}", *argv]
    probe = subprocess.run(
        [*wrapped[: -len(argv)], "sh", "-c", f"test -w {str(guarded)!r}"], check=False
    )
    if probe.returncode == 0:  # still writable (no capabilities to drop here)
        pytest.skip("cannot run without root's override of file modes")
    return wrapped


def _child(settings: Path, guarded: Path, code: str) -> subprocess.CompletedProcess[str]:
    prelude = textwrap.dedent(
        f"""
        from pathlib import Path
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from stretchguide.qt.preferences import Preferences
        from stretchguide.qt.settings_guard import set_aside_message
        p = Preferences(Path({str(settings)!r}))
        told = []
        p.on_set_aside = told.append
        """
    )
    return subprocess.run(
        _as_a_person([sys.executable, "-c", prelude + textwrap.dedent(code)], guarded),
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_NO_GLIB": "1"},
    )


_CHANGE_TWICE = """
    p.volume = 35
    p.reminder_time = "07:30"
    p.sync()
    p.volume = 36
    p.sync()
    print(p.volume, p.reminder_time, len(told), told[0].kind)
    print(set_aside_message(told[0]))
"""


def _settings(tmp_path: Path) -> Path:
    settings = AppPaths(tmp_path / "d").ensure().settings_file
    settings.write_bytes(b"[audio]\nvolume=50\n")
    return settings


def test_a_read_only_settings_file_is_said_once_and_the_changes_kept_in_memory(
    tmp_path: Path,
) -> None:
    settings = _settings(tmp_path)
    settings.chmod(0o444)
    try:
        run = _child(settings, settings, _CHANGE_TWICE)
    finally:
        settings.chmod(0o600)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    counts, message = run.stdout.splitlines()
    # In use for the rest of the run; said once, not at every save.
    assert counts.split() == ["36", "07:30", "1", "not_saved"]
    assert "cannot be saved" in message and str(settings) in message
    assert settings.read_bytes() == b"[audio]\nvolume=50\n"  # the file as it was


def test_a_settings_file_in_a_read_only_folder_is_said_too(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    folder = settings.parent
    folder.chmod(0o500)
    try:
        run = _child(settings, folder, _CHANGE_TWICE)
    finally:
        folder.chmod(0o700)
    assert run.returncode == 0, run.stderr[-2000:]
    counts, message = run.stdout.splitlines()
    assert counts.split() == ["36", "07:30", "1", "not_saved"]
    assert str(settings) in message


def test_qts_own_deferred_save_failing_is_said_as_well(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    settings.chmod(0o444)
    try:
        run = _child(
            settings,
            settings,
            """
            p.qsettings.setValue("audio/volume", 20)
            app.processEvents()  # Qt's own save, posted by setValue
            print(p.volume, len(told))
            """,
        )
    finally:
        settings.chmod(0o600)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.split() == ["20", "1"]


def _fail_saves(prefs, monkeypatch) -> None:
    """Qt's save failing as the child tests show it does (an access error
    kept for the run), for a test in this process, which may be root."""
    monkeypatch.setattr(prefs.qsettings, "status", lambda: QSettings.Status.AccessError)


def test_the_window_names_the_file_in_the_status_bar(qtbot, app_window, monkeypatch) -> None:
    window, *_ = app_window
    prefs = window.ctx.prefs
    _fail_saves(prefs, monkeypatch)
    prefs.volume = 30
    prefs.sync()
    said = window.statusBar().currentMessage()
    assert "cannot be saved" in said and str(prefs.path) in said
    window.statusBar().showMessage("something else")
    prefs.volume = 31
    prefs.sync()
    assert window.statusBar().currentMessage() == "something else"  # once
    assert prefs.volume == 31


def test_a_save_failing_before_the_window_is_said_by_its_start_up_checks(
    tmp_path: Path, qtbot, monkeypatch
) -> None:
    from stretchguide.qt.preferences import Preferences
    from stretchguide.qt.settings_guard import NOT_SAVED

    prefs = Preferences(_settings(tmp_path))
    _fail_saves(prefs, monkeypatch)
    prefs.volume = 30
    prefs.sync()
    assert prefs.set_aside is not None and prefs.set_aside.kind == NOT_SAVED
    assert prefs.set_aside.path == prefs.path
