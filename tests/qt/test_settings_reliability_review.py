"""settings.ini written by another program while the app runs (review s36,
finding 6): the app neither crashes at its next save nor forgets the
person's settings, and the file it could not read is kept, never overwritten.

The crash cases run in a child process: a segfault there must fail the test,
not end the test run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.qt.test_flow import app_window

from stretchguide.paths import AppPaths

__all__ = ["app_window"]  # the fixture, used by name

# The value that crashed QSettings (a QPalette) when QtGui is loaded.
PALETTE = b"theme=@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\bQPalette)"


def _child(code: str, settings: Path) -> subprocess.CompletedProcess[str]:
    """Run ``code`` with a QApplication up and ``p``, the app's Preferences on
    ``settings``, already made and saved once (as at start)."""
    prelude = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from stretchguide.qt.preferences import Preferences
        f = Path({str(settings)!r})
        p = Preferences(f)
        told = []
        p.on_set_aside = told.append
        p.reminder_time = "07:30"
        p.disclaimer_accepted = True
        p.sync()
        time.sleep(0.01)  # another program's write comes later
        """
    )
    return subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_NO_GLIB": "1"},
    )


def _asides(settings: Path) -> list[Path]:
    return sorted(settings.parent.glob("settings.ini.damaged-*"))


def test_a_qt_object_value_written_while_the_app_runs_does_not_crash_its_next_save(
    tmp_path: Path,
) -> None:
    settings = AppPaths(tmp_path / "d").ensure().settings_file
    run = _child(
        f"""
        f.write_bytes(f.read_bytes() + b"\\n[appearance]\\n" + {PALETTE!r} + b"\\n")
        p.volume = 55
        p.sync()  # crashed here (SIGSEGV)
        print("saved", p.reminder_time, p.disclaimer_accepted, p.volume, told[0].kind)
        """,
        settings,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.split() == ["saved", "07:30", "True", "55", "value"]
    data = settings.read_bytes()
    assert b"@Variant" not in data and b"volume=55" in data and b"07:30" in data
    [aside] = _asides(settings)
    assert PALETTE in aside.read_bytes()  # kept as it was


def test_qts_own_deferred_save_is_checked_too(tmp_path: Path) -> None:
    # No sync() by the app: Qt saves by itself on the next turn of the event
    # loop after a setValue, and that save read the file unchecked.
    settings = AppPaths(tmp_path / "d").ensure().settings_file
    run = _child(
        f"""
        f.write_bytes(f.read_bytes() + b"\\n[appearance]\\n" + {PALETTE!r} + b"\\n")
        p.qsettings.setValue("audio/volume", 55)
        app.processEvents()
        print("alive", len(told))
        """,
        settings,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.split() == ["alive", "1"]
    assert b"@Variant" not in settings.read_bytes()
    assert len(_asides(settings)) == 1


def test_a_file_replaced_by_junk_while_running_is_kept_and_the_settings_come_back(
    tmp_path: Path,
) -> None:
    settings = AppPaths(tmp_path / "d").ensure().settings_file
    junk = bytes(range(256)) * 12  # not an INI file: Qt reads no setting from it
    run = _child(
        f"""
        f.write_bytes({junk!r})
        p.volume = 55
        p.sync()
        print(p.reminder_time, p.disclaimer_accepted, p.volume, told[0].kind, told[0].path.name)
        """,
        settings,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    reminder, disclaimer, volume, kind, aside_name = run.stdout.split()
    # Before: every setting read as its default (18:00, the disclaimer not
    # accepted) and the app's save wrote over the junk, keeping no copy.
    assert (reminder, disclaimer, volume, kind) == ("07:30", "True", "55", "restored")
    [aside] = _asides(settings)
    assert aside.name == aside_name and aside.read_bytes() == junk
    data = settings.read_bytes()
    assert b"time=07:30" in data and b"disclaimer_accepted=true" in data and b"volume=55" in data


def test_a_file_qt_cannot_parse_at_start_is_kept_and_what_it_could_read_stays(
    tmp_path: Path,
) -> None:
    from stretchguide.qt.preferences import Preferences
    from stretchguide.qt.settings_guard import UNREADABLE

    settings = AppPaths(tmp_path / "d").ensure().settings_file
    # A comment in the wrong style (Qt wants ';') and a line of junk.
    text = b"# my notes\n[reminder]\ntime=07:30\n\x01\x02 junk \xff\n[audio]\nvolume=40\n"
    settings.write_bytes(text)
    p = Preferences(settings)
    assert p.set_aside is not None and p.set_aside.kind == UNREADABLE
    assert p.set_aside.path.read_bytes() == text
    assert (p.reminder_time, p.volume) == ("07:30", 40)
    p.volume = 41
    p.sync()
    assert b"volume=41" in settings.read_bytes()
    assert len(_asides(settings)) == 1  # the app's own file is not set aside again


def test_the_window_names_the_file_it_set_aside_while_running(qtbot, app_window) -> None:
    window, *_ = app_window
    prefs = window.ctx.prefs
    prefs.reminder_time = "07:30"
    prefs.sync()
    os.utime(prefs.path, ns=(1, 1))  # as if another program wrote it
    prefs.path.write_bytes(b"\x00\x01[[[ not settings")
    prefs.volume = 30
    prefs.sync()
    [aside] = _asides(prefs.path)
    assert str(aside) in window.statusBar().currentMessage()
    assert "as they were before" in window.statusBar().currentMessage()
    assert prefs.reminder_time == "07:30"


def test_an_untouched_file_is_not_checked_again(tmp_path: Path, monkeypatch) -> None:
    # The check costs one stat while nobody else writes the file.
    from stretchguide.qt import preferences

    settings = AppPaths(tmp_path / "d").ensure().settings_file
    p = preferences.Preferences(settings)
    checked: list[Path] = []
    monkeypatch.setattr(preferences, "set_aside_unreadable", lambda path, *a: checked.append(path))
    for v in range(5):
        p.volume = v
        p.sync()
    assert checked == []
    settings.write_bytes(settings.read_bytes() + b"\n[other]\nkey=1\n")
    p.sync()
    assert checked == [settings]
