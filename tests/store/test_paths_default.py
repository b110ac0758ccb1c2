"""The data folder's Linux fast path names exactly the folder platformdirs names."""

from __future__ import annotations

import subprocess
import sys

import pytest

CASES = [
    {"HOME": "/home/ann"},
    {"HOME": "/home/ann/", "XDG_DATA_HOME": ""},
    {"HOME": "/home/ann", "XDG_DATA_HOME": "/srv/data"},
    {"HOME": "/home/ann", "XDG_DATA_HOME": "/srv/data/"},
    {"HOME": "/home/ann", "XDG_DATA_HOME": "relative/data"},
    {"HOME": "/home/ann", "XDG_DATA_HOME": "  "},
    {"HOME": "/", "XDG_DATA_HOME": ""},
    {"HOME": "relative-home"},
    {"HOME": "relative-home", "XDG_DATA_HOME": "/srv/x"},
    {"HOME": "/home/with space/ünï"},
    {},  # no HOME: platformdirs falls back to the password database
]

CODE = (
    "from pathlib import Path\n"
    "from stretchguide import paths\n"
    "fast = paths._linux_data_home()\n"
    "ours = str(paths.default_data_dir())\n"
    "from platformdirs import PlatformDirs\n"
    "theirs = str(Path(PlatformDirs('stretchguide', appauthor=False).user_data_dir))\n"
    "print(fast is not None, ours == theirs, ours, theirs)\n"
)


@pytest.mark.skipif(sys.platform != "linux", reason="the fast path is Linux only")
@pytest.mark.parametrize("env", CASES, ids=lambda e: repr(e))
def test_linux_fast_path_agrees_with_platformdirs(env):
    # A fresh process each: platformdirs picks its class at import time.
    keep = {k: v for k, v in __import__("os").environ.items() if k in ("PATH", "PYTHONPATH")}
    out = subprocess.run(
        [sys.executable, "-c", CODE], env={**keep, **env}, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    fast, same, ours, theirs = out.stdout.split(" ", 3)
    assert same == "True", (ours, theirs)


def test_the_plain_cases_take_the_fast_path_and_skip_platformdirs():
    import os

    code = (
        "import sys\nfrom stretchguide import paths\n"
        "print(paths.default_data_dir(), 'platformdirs' in sys.modules)"
    )
    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "PYTHONPATH")}
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={**keep, "HOME": "/home/ann", "XDG_DATA_HOME": "/srv/data"},
        capture_output=True,
        text=True,
        check=True,
    )
    if sys.platform == "linux":
        assert out.stdout.split() == ["/srv/data/stretchguide", "False"]
