"""Values in settings.ini that StretchGuide never writes (s38): numbers that
are not numbers, a window size that is no window. A safety rule must not
be silenced by one, and the window must open at a size a person can use."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow

from stretchguide.paths import AppPaths
from stretchguide.qt.app import build_window
from stretchguide.qt.preferences import Preferences


def _settings(tmp_path: Path, **values: object) -> Path:
    data = AppPaths(tmp_path / "d").ensure()
    qs = QSettings(str(data.settings_file), QSettings.Format.IniFormat)
    for key, value in values.items():
        qs.setValue(key.replace("__", "/"), value)
    qs.sync()
    del qs
    return data.settings_file


@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-inf", "1e999"])
def test_a_last_answer_that_is_not_a_number_asks_the_red_flags_again(qapp, tmp_path, value):
    # "nan" read as float('nan'): every comparison with it is false, so the
    # questions about bladder, bowel and numbness in the saddle area were
    # never due again.
    prefs = Preferences(_settings(tmp_path, safety__red_flags_checked_at=value))
    assert prefs.red_flags_checked_at == 0.0
    assert prefs.red_flags_due(time.time())


@pytest.mark.parametrize("value", ["nan", "inf", "1e999"])
def test_a_doctor_visit_that_is_not_a_number_leaves_an_urgent_answer_open(qapp, tmp_path, value):
    from stretchguide.core.safety import urgent_still_open

    now = time.time()
    prefs = Preferences(_settings(tmp_path, safety__urgent_at=now, safety__seen_doctor_at=value))
    assert prefs.seen_doctor_at == 0.0
    assert urgent_still_open(prefs.urgent_at, prefs.seen_doctor_at)


def _window_with_geometry(qtbot, tmp_path: Path, geometry: object):
    settings = _settings(tmp_path, window__geometry=geometry)
    window = build_window(AppPaths(settings.parent))
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_window_size_qt_cannot_read_opens_at_the_usual_size(qtbot, tmp_path):
    from PySide6.QtCore import QByteArray

    window = _window_with_geometry(qtbot, tmp_path, QByteArray(b"not a geometry"))
    free = window.screen().availableGeometry()
    # Before: 537 x 104, the bare minimum of its layout.
    assert window.width() >= min(1180, free.width() - 16)
    assert window.height() >= min(760, free.height() - 48)


def test_a_window_saved_one_pixel_small_opens_at_a_usable_size(qtbot, tmp_path):
    tiny = QMainWindow()
    tiny.resize(1, 1)
    tiny.show()
    geometry = tiny.saveGeometry()
    tiny.close()
    window = _window_with_geometry(qtbot, tmp_path, geometry)
    assert window.width() >= 480 and window.height() >= 360


def test_a_window_saved_far_off_screen_opens_on_it(qtbot, tmp_path):
    # Qt's restoreGeometry brings it back itself (a guard: fit_to_screen
    # leaves that as it is).
    far = QMainWindow()
    far.resize(700, 500)
    far.move(-60000, 90000)
    geometry = far.saveGeometry()
    window = _window_with_geometry(qtbot, tmp_path, geometry)
    frame = window.frameGeometry()
    seen = window.screen().availableGeometry().intersected(frame)
    assert seen.width() >= frame.width() - 16 and seen.height() >= frame.height() - 16


def test_a_list_where_a_yes_or_no_belongs_is_no_answer(qapp, tmp_path):
    # INI reads "yes, no" as a list, and bool() of a list is True: the
    # disclaimer counted as accepted and reminders as on.
    settings = _settings(tmp_path)
    settings.write_text("[safety]\ndisclaimer_accepted=yes, no\n[reminder]\nenabled=1, 0\n")
    prefs = Preferences(settings)
    assert prefs.disclaimer_accepted is False
    assert prefs.reminder_enabled is False


# ------------------------------------------------- settings.ini is not a file

OPEN_PREFS = (
    "import sys; from pathlib import Path; from stretchguide.qt.preferences import Preferences\n"
    "p = Preferences(Path(sys.argv[1])); p.volume = 40; p.sync()\n"
    "print(p.set_aside.kind if p.set_aside else None, p.volume)\n"
)


def _open_in_a_child(settings: Path) -> str:
    """Preferences made in a child process: before, some of these never returned."""
    import os
    import subprocess
    import sys

    run = subprocess.run(
        [sys.executable, "-c", OPEN_PREFS, str(settings)],
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert run.returncode == 0, run.stderr
    return run.stdout.strip()


@pytest.mark.parametrize("kind", ["pipe", "link to /dev/zero", "folder"])
def test_a_settings_entry_that_is_no_file_is_moved_aside_and_the_app_opens(tmp_path, kind):
    # A named pipe: the first read waited for a writer for ever (the app
    # never opened). /dev/zero: read without end. A folder: nothing saved.
    import os
    import subprocess

    settings = _settings(tmp_path)
    settings.unlink()
    if kind == "pipe":
        os.mkfifo(settings)
    elif kind == "folder":
        settings.mkdir()
    else:
        settings.symlink_to("/dev/zero")
    try:
        said = _open_in_a_child(settings)
    except subprocess.TimeoutExpired:
        pytest.fail(f"opening the settings never returned with a {kind} there")
    assert said == "not_a_file 40"
    assert settings.is_file() and not settings.is_symlink()
    (aside,) = settings.parent.glob("settings.ini.unusable-*")
    assert os.path.lexists(aside)


def test_a_settings_file_kept_elsewhere_through_a_link_stays_linked(tmp_path):
    # A guard: a link to a plain file (one's dotfiles) is read and written
    # through, as before.
    settings = _settings(tmp_path)
    settings.unlink()
    real = tmp_path / "dotfiles" / "stretchguide.ini"
    real.parent.mkdir()
    real.write_text("[audio]\nvolume=30\n")
    settings.symlink_to(real)
    assert _open_in_a_child(settings) == "None 40"
    assert settings.is_symlink() and "volume=40" in real.read_text()


def test_a_pipe_put_in_while_the_app_runs_is_set_aside_and_the_settings_kept(qapp, tmp_path):
    import os

    settings = _settings(tmp_path, audio__volume=30)
    prefs = Preferences(settings)
    assert prefs.volume == 30
    settings.unlink()
    os.mkfifo(settings)
    prefs.theme = "dark"
    prefs.sync()  # before: waited for a writer to the pipe for ever
    assert settings.is_file()
    assert "volume=30" in settings.read_text() and "theme=dark" in settings.read_text()
    assert list(settings.parent.glob("settings.ini.unusable-*"))
