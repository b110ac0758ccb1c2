"""settings.ini saved as UTF-16 or UTF-32 (Notepad's "Unicode"): Qt cannot
read it, so it is set aside as before, and the status bar now says what it
is, in the words every other reader uses (core.text_encoding), where it
said only "could not be read"."""

from __future__ import annotations

from pathlib import Path

import pytest

from stretchguide.qt.preferences import Preferences
from stretchguide.qt.settings_guard import UNREADABLE, set_aside_message

GOOD = "[audio]\nvolume=40\n[session]\nrest_s=25\n"


@pytest.mark.parametrize(("encoding", "name"), [("utf-16", "UTF-16"), ("utf-32", "UTF-32")])
def test_settings_in_another_encoding_say_which(
    qapp, tmp_path: Path, encoding: str, name: str
) -> None:
    path = tmp_path / "settings.ini"
    path.write_bytes(GOOD.encode(encoding))
    prefs = Preferences(path)
    aside = prefs.set_aside
    assert aside is not None and aside.kind == UNREADABLE
    said = set_aside_message(aside)
    assert f"{name} text, not UTF-8" in said and str(aside.path) in said, said
    assert aside.path.read_bytes() == GOOD.encode(encoding)  # kept as it was


def test_settings_qt_reads_say_nothing_of_encoding(qapp, tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_bytes(GOOD.encode())
    assert Preferences(path).set_aside is None
