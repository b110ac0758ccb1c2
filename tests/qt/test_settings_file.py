"""The settings file: a value no one at StretchGuide wrote must not stop the app."""

from __future__ import annotations

import os
from pathlib import Path

from stretchguide.paths import AppPaths


def test_the_settings_file_with_a_value_qt_would_build_is_set_aside(tmp_path: Path) -> None:
    import subprocess
    import sys

    from stretchguide.qt.preferences import set_aside_foreign_values

    data = AppPaths(tmp_path / "d").ensure()
    settings = data.settings_file
    # A QPalette: QSettings crashed the app building it, at every start.
    settings.write_bytes(
        b"[appearance]\nlanguage=@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\bQPalette)\ntheme=dark\n"
    )
    code = (
        "import sys; from pathlib import Path; from stretchguide.qt.preferences import Preferences;"
        f"p = Preferences(Path({str(settings)!r})); print(p.theme, p.language, p.set_aside)"
    )
    run = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("dark ")  # the other settings kept
    asides = list(settings.parent.glob("settings.ini.damaged-*"))
    assert len(asides) == 1 and b"QPalette" in asides[0].read_bytes()  # moved, not lost
    assert b"@Variant" not in settings.read_bytes()
    assert set_aside_foreign_values(settings, 0.0) is None  # nothing left to do
