"""Regression guard for the PySide6 6.12.0 + CPython 3.11 crash.

That pair drops a reference to None on every void Qt call; after a few
thousand calls the interpreter aborts with "Fatal Python error: none_dealloc".
pyproject.toml pins 3.11 to the 6.11 line; this test fails loudly if the pin
is ever loosened onto the broken pair (or a new release brings the bug back).
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget


def test_void_qt_calls_do_not_leak_references_to_none(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(20_000):
        widget.update()  # a void method: returns None to Python
    after = sys.getrefcount(None)
    # A small rise is fine (interned None in new frames); a fall of ~20,000
    # is the bug.
    assert after >= before - 100, f"None refcount fell by {before - after}"


def test_installed_pyside_is_not_the_known_broken_pair() -> None:
    import PySide6

    major_minor = tuple(int(p) for p in PySide6.__version__.split(".")[:2])
    assert not (sys.version_info[:2] == (3, 11) and major_minor >= (6, 12)), (
        f"PySide6 {PySide6.__version__} on Python 3.11 is the crashing pair"
    )
