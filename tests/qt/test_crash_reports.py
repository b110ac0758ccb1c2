"""A test that crashes the process must still say why, in the run's output.

CI shows only the end of a run. pytest captures each test's stderr in a
buffer and pytest-qt records Qt's messages in a list; a native abort kills
both before they are printed. This runs a crashing test in a child pytest
and checks that its last words reach the output: a C library's stderr line
(--capture=sys in pyproject.toml) and Qt's fatal message (tests/conftest.py).
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CRASHING_TEST = textwrap.dedent(
    """
    import os
    from PySide6.QtCore import qFatal

    def test_dies(qtbot):
        os.write(2, b"libexample: assertion failed, aborting\\n")
        qFatal("the reason Qt gave")
    """
)


def run_child(test_file: Path, timeout: float = 60.0) -> subprocess.CompletedProcess[str]:
    """A child pytest of ``test_file`` with this suite's configuration.

    A child still running after ``timeout`` seconds is aborted with SIGABRT,
    and Python's fault handler (on in the child) prints where every thread
    of it stood: the test then fails with that, not with a bare timeout.
    CI once saw this child hang for 60 s on the PySide6 6.12 line, once in
    hundreds of runs, with nothing to say where.
    """
    with subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pytest",
            "-c",
            str(ROOT / "pyproject.toml"),
            "--rootdir",
            str(ROOT),
            "-p",
            "tests.conftest",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:faulthandler",
            str(test_file),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONFAULTHANDLER": "1"},
        # No core file: CI collects cores from the root to show a real crash.
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_CORE, (0, 0)),
    ) as child:
        try:
            out, err = child.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            child.send_signal(signal.SIGABRT)
            out, err = child.communicate()
            where = err[max(0, err.find("Fatal Python error")) :][:6000]  # innermost frame first
            pytest.fail(
                f"the child pytest still ran after {timeout:g} s; where it stood:\n"
                f"{out[-3000:]}\n{where}"
            )
    return subprocess.CompletedProcess(child.args, child.returncode, out, err)


HANGS = textwrap.dedent(
    """
    import time

    def test_hangs():
        time.sleep(600)
    """
)


def test_a_child_that_hangs_says_where(tmp_path: Path) -> None:
    (tmp_path / "test_hangs.py").write_text(HANGS)
    with pytest.raises(pytest.fail.Exception) as failed:
        run_child(tmp_path / "test_hangs.py", timeout=8.0)
    assert "still ran after 8 s" in str(failed.value)
    assert "Fatal Python error: Aborted" in str(failed.value)
    assert "in test_hangs\n" in str(failed.value)


def test_a_native_abort_leaves_its_reason_in_the_output(tmp_path: Path) -> None:
    (tmp_path / "test_dies.py").write_text(CRASHING_TEST)
    child = run_child(tmp_path / "test_dies.py")
    assert child.returncode != 0
    assert "libexample: assertion failed, aborting" in child.stderr
    # PySide passes a Python qFatal() to Qt as a warning with the text, then
    # a fatal message that names Python as the caller.
    assert "Qt QtFatalMsg: [A qFatal() call was made from Python code]" in child.stderr


# A window that only a reference cycle keeps alive once its test returns,
# with a collection inside a paint (any allocation in a Python paintEvent
# may start one), as pytest-qt paints once more after the test.
PAINTED_AFTER_THE_TEST = textwrap.dedent(
    """
    import gc

    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QWidget


    class Painted(QWidget):
        def paintEvent(self, event):
            p = QPainter(self)
            gc.collect()
            p.drawPolyline([QPointF(0, 0), QPointF(40, 10), QPointF(10, 40)])
            p.end()


    def test_shows_a_window(qtbot):
        holder = QWidget()
        holder.cycle = holder
        qtbot.addWidget(holder)
        Painted(holder).resize(100, 100)
        holder.resize(100, 100)
        holder.show()
        qtbot.waitExposed(holder)
        holder.update()
    """
)


def test_a_window_a_test_leaves_is_not_collected_while_it_paints(tmp_path: Path) -> None:
    # The collector deleted the window and its backing store under the
    # active QPainter: a segmentation fault in QPaintEngine::drawPolygon,
    # at the figure's _paint_shape in CI (tests/conftest.py).
    (tmp_path / "test_painted.py").write_text(PAINTED_AFTER_THE_TEST)
    child = run_child(tmp_path / "test_painted.py")
    assert child.returncode == 0, child.stdout[-2000:] + child.stderr[-2000:]
