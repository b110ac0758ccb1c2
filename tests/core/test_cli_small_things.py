"""Command-line manners (issue 17): a closed pipe and a missing data folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _env(data: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["STRETCHGUIDE_DATA_DIR"] = str(data)
    return env


def test_a_reader_that_goes_away_gets_no_traceback(tmp_path: Path) -> None:
    # `stretchguide routines --json | head -c 10`: the reader closes its end
    # before the output is written.
    r, w = os.pipe()
    os.close(r)
    proc = subprocess.run(
        [sys.executable, "-m", "stretchguide", "routines", "--json"],
        stdout=w,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(tmp_path),
        check=False,
    )
    os.close(w)
    assert "Traceback" not in proc.stderr
    assert "BrokenPipeError" not in proc.stderr
    assert proc.returncode == 0


def test_a_data_dir_that_does_not_exist_is_announced(tmp_path: Path) -> None:
    missing = tmp_path / "not-yet"
    proc = subprocess.run(
        [sys.executable, "-m", "stretchguide", "--data-dir", str(missing), "routines"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0
    assert str(missing) in proc.stderr and "will create it" in proc.stderr
    quiet = subprocess.run(
        [sys.executable, "-m", "stretchguide", "--data-dir", str(tmp_path), "routines"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "will create" not in quiet.stderr
