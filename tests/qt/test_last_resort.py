"""An error no handler caught reaches the person as one sentence, never a
traceback; the traceback goes to a private log in the data folder."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

from stretchguide.qt import last_resort

ROOT = Path(__file__).resolve().parents[2]


def test_an_uncaught_error_in_a_slot_is_one_sentence_and_a_private_log(tmp_path):
    script = textwrap.dedent(
        f"""
        import sys
        from PySide6.QtCore import QCoreApplication, QObject, QTimer
        from stretchguide.qt.last_resort import install

        app = QCoreApplication([])
        shown = []
        install(__import__("pathlib").Path({str(tmp_path)!r}), shown.append)
        holder = QObject()

        def broken():
            raise ValueError("a case nobody foresaw")

        QTimer.singleShot(0, holder, broken)
        QTimer.singleShot(50, holder, app.quit)
        app.exec()
        print("SHOWN:", shown)
        """
    )
    env = dict(os.environ, PYTHONPATH=f"{ROOT / 'src'}", QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout
    assert "Something went wrong, and that action was stopped (ValueError)." in done.stderr
    assert "SHOWN: ['Something went wrong" in done.stdout
    log = tmp_path / last_resort.LOG_NAME
    assert "a case nobody foresaw" in log.read_text(encoding="utf-8")
    assert stat.S_IMODE(log.stat().st_mode) == 0o600


def test_the_log_stays_small_and_the_sentence_names_it(tmp_path):
    log = tmp_path / last_resort.LOG_NAME
    log.write_text("x" * (last_resort.LOG_MAX_BYTES + 1), encoding="utf-8")
    assert last_resort._append(log, "new\n")
    assert log.read_text(encoding="utf-8") == "new\n"
    assert (tmp_path / (last_resort.LOG_NAME + ".old")).exists()
    assert str(log) in last_resort.sentence(ValueError(), log)
    assert last_resort.sentence(ValueError(), None).endswith("(ValueError).")


def test_a_pipe_where_the_log_goes_is_passed_over_not_waited_on(tmp_path):
    # s38: the open waited for a reader, so the first unforeseen error froze
    # the app for good. Now the sentence is still said, without the log.
    import threading

    log = tmp_path / last_resort.LOG_NAME
    os.mkfifo(log)
    done: list[bool] = []
    worker = threading.Thread(target=lambda: done.append(last_resort._append(log, "x\n")))
    worker.daemon = True  # before the fix it never returned
    worker.start()
    worker.join(5)
    assert done == [False]
    assert stat.S_ISFIFO(log.lstat().st_mode)
