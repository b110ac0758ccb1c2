"""Regression guard for the PySide6 6.12.0 + CPython 3.11 crash.

That pair drops a reference to None on every void Qt call; after a few
thousand calls the interpreter aborts with "Fatal Python error: none_dealloc".
pyproject.toml pins 3.11 to the 6.11 line; this test fails if the pin is ever
loosened onto the broken pair (or a new release brings the bug back).

The loop runs in a child interpreter: on the broken pair it would abort the
whole pytest process, and we want a named failure, not a dead test run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

CHILD = textwrap.dedent(
    """
    import sys
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication([])
    widget = QWidget()
    before = sys.getrefcount(None)
    for i in range(20_000):
        widget.update()  # a void method: returns None to Python
        # Stop before None's count reaches zero and the interpreter aborts.
        if i % 256 == 0 and sys.getrefcount(None) < before - 1_000:
            print(f"FELL {before - sys.getrefcount(None)} after {i + 1} calls")
            sys.exit(3)
    print(f"DELTA {sys.getrefcount(None) - before}")
    """
)


def test_20000_void_qt_calls_do_not_drop_references_to_none() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, env=env, timeout=120
    )
    assert child.returncode == 0, (
        f"void Qt calls leak references to None (exit {child.returncode}): "
        f"{child.stdout.strip()} {child.stderr.strip()[-300:]}"
    )
    delta = int(child.stdout.split()[-1])
    # A small rise is normal (new frames hold None); the bug is a fall of
    # one reference per call.
    assert delta >= -100, f"None refcount fell by {-delta} over 20,000 void calls"


def test_installed_pyside_is_not_the_known_broken_pair() -> None:
    import PySide6

    major_minor = tuple(int(p) for p in PySide6.__version__.split(".")[:2])
    assert not (sys.version_info[:2] == (3, 11) and major_minor >= (6, 12)), (
        f"PySide6 {PySide6.__version__} on Python 3.11 is the known crashing pair"
    )
