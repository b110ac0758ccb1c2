"""SIGTERM and SIGHUP while the app runs (s38): the app closes as closing
its window does, asking nothing, and what it had not saved yet is saved."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

# The real entry point in a child process, which starts a session as soon
# as the start-up checks have run and says so on stdout.
CHILD = r"""
import sys, time
from pathlib import Path
from stretchguide.qt.main_window import MainWindow

checks = MainWindow.startup_checks

def start_a_session(self):
    checks(self)
    self.ctx.audio = False
    prefs = self.ctx.prefs
    prefs.disclaimer_accepted = True
    prefs.red_flags_checked_at = time.time() - 60
    prefs.affected_side = "left"
    self.start_routine("flare_up_gentle")
    self.checkin.skip_button.click()
    print("PAGE", self.current_page(), flush=True)

MainWindow.startup_checks = start_a_session
from stretchguide.__main__ import main
sys.exit(main(["--data-dir", sys.argv[1]]))
"""


def _start(data: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    if line.strip() != "PAGE session":
        child.kill()
        pytest.fail(f"the child did not reach a session: {line!r} {child.communicate()}")
    return child


def _sessions(db: Path) -> list[tuple[str, object]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT status, ended_at FROM sessions").fetchall()
    finally:
        conn.close()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_mid_session_stores_the_session_as_stopped(tmp_path, signum):
    # Before: the process ended on the spot; the session stayed "in progress".
    data = tmp_path / "d"
    child = _start(data)
    child.send_signal(signum)
    out, err = child.communicate(timeout=30)
    assert child.returncode == 0, err
    assert "Traceback" not in err
    ((status, ended),) = _sessions(data / "history.db")
    assert status == "stopped" and ended is not None


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_a_signal_while_another_program_holds_the_history_saves_once_it_is_free(tmp_path):
    # The end of the session cannot be written while another process holds
    # the history's write lock; it is kept and tried again, and the app waits
    # a few seconds for it before it ends, instead of dying with it in memory.
    data = tmp_path / "d"
    child = _start(data)
    holder = sqlite3.connect(data / "history.db", isolation_level=None, timeout=10)
    holder.execute("BEGIN EXCLUSIVE")
    child.send_signal(signal.SIGTERM)
    time.sleep(1.0)
    holder.rollback()
    holder.close()
    out, err = child.communicate(timeout=30)
    assert child.returncode == 0, err
    ((status, ended),) = _sessions(data / "history.db")
    assert status == "stopped" and ended is not None
