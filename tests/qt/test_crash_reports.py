"""A test that crashes the process must still say why, in the run's output.

CI shows only the end of a run. pytest captures each test's stderr in a
buffer and pytest-qt records Qt's messages in a list; a native abort kills
both before they are printed. This runs a crashing test in a child pytest
and checks that its last words reach the output: a C library's stderr line
(--capture=sys in pyproject.toml) and Qt's fatal message (tests/conftest.py).
"""

from __future__ import annotations

import resource
import subprocess
import sys
import textwrap
from pathlib import Path

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


def test_a_native_abort_leaves_its_reason_in_the_output(tmp_path: Path) -> None:
    (tmp_path / "test_dies.py").write_text(CRASHING_TEST)
    child = subprocess.run(
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
            str(tmp_path / "test_dies.py"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        # No core file: CI collects cores from the root to show a real crash.
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_CORE, (0, 0)),
    )
    assert child.returncode != 0
    assert "libexample: assertion failed, aborting" in child.stderr
    # PySide passes a Python qFatal() to Qt as a warning with the text, then
    # a fatal message that names Python as the caller.
    assert "Qt QtFatalMsg: [A qFatal() call was made from Python code]" in child.stderr
