"""The README's key tables, spoken commands and Debian packages against the code.

A person on the mat learns the keys and words from the README; a key or a
word changed in the code and not there (or the other way round) would leave
them pressing or saying something that does nothing, and no other test
would notice.
"""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from tests.qt.test_flow import app_window

from stretchguide.qt.session_keys import KeyActions, key_table
from stretchguide.qt.voice_screen import HURT_QUESTION, OVERLAY_ANSWERS
from stretchguide.voice.commands import PHRASES, Command

__all__ = ["app_window"]  # the fixture, used by name

ROOT = Path(__file__).parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
K = Qt.Key
C = Command

# Each row of the session's key table, by its first cell: the keys it names
# with the KeyActions field each must trigger, and the commands its "or
# say" cell lists.
SESSION_ROWS: dict[str, tuple[list[tuple[Qt.Key, str]], set[Command]]] = {
    "Space, media play/pause": (
        [(K.Key_Space, "toggle_pause"), (K.Key_MediaTogglePlayPause, "toggle_pause")],
        {C.PAUSE, C.RESUME},
    ),
    "→ / ←": ([(K.Key_Right, "next"), (K.Key_Left, "previous")], {C.SKIP, C.BACK}),
    "H": ([(K.Key_H, "hurts")], {C.HURT}),
    "M": ([(K.Key_M, "mute")], {C.MUTE, C.UNMUTE}),
    "F": ([(K.Key_F, "fullscreen")], set()),
    "Esc": ([(K.Key_Escape, "stop")], {C.STOP, C.YES, C.NO}),
}


def table_after(intro: str) -> list[list[str]]:
    """The cells of the first Markdown table after the line that holds ``intro``."""
    lines = README.splitlines()
    start = next(n for n, line in enumerate(lines) if intro in line)
    rows: list[list[str]] = []
    for line in lines[start + 1 :]:
        if line.startswith("|"):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
        elif rows:
            break
    return rows[2:]  # past the header and its ---


def quoted(text: str) -> list[str]:
    return re.findall(r"“([^”]+)”", text)


def bound_keys() -> dict[int, str]:
    """Each key of the session's key map and the KeyActions field it calls."""
    names = {f.name: (lambda name=f.name: name) for f in fields(KeyActions)}
    out: dict[int, str] = {}
    for keys, slot in key_table(KeyActions(**names)):
        for key in keys:
            if isinstance(key, Qt.Key):
                out[key.value] = str(slot())
    return out


def test_the_session_key_table_is_the_key_map(qapp):
    rows = table_after("During a session, from across the room:")
    assert {row[0] for row in rows} == set(SESSION_ROWS)
    bound = bound_keys()
    for name, (keys, _said) in SESSION_ROWS.items():
        for key, action in keys:
            assert bound.get(key.value) == action, (name, key)
    # Every action the session has is in the table.
    named = {action for keys, _said in SESSION_ROWS.values() for _key, action in keys}
    assert named == {f.name for f in fields(KeyActions)}


def test_the_spoken_commands_in_the_readme_are_the_recognised_ones():
    rows = {row[0]: row for row in table_after("During a session, from across the room:")}
    for name, (_keys, commands) in SESSION_ROWS.items():
        said = quoted(rows[name][1])
        assert all(phrase in PHRASES for phrase in said), (name, said)
        assert {PHRASES[phrase] for phrase in said} == commands, name
    # Every phrase the recognizer takes is in the README, in quotes.
    missing = [phrase for phrase in PHRASES if f"“{phrase}”" not in README]
    assert missing == []
    # The this-hurts question's spoken answers are the ones it takes.
    answers = quoted(rows["H"][2].split("Spoken answers:", 1)[1])
    assert {PHRASES[phrase] for phrase in answers} == set(OVERLAY_ANSWERS[HURT_QUESTION])


def test_the_toolbar_key_table_is_the_toolbar(qtbot, app_window):
    window = app_window[0]
    window.ensure_routines()  # the shortcuts are set after the first paint
    rows = table_after("The toolbar's keys:")
    shown = {
        (act.shortcut().toString(QKeySequence.SequenceFormat.PortableText), act.text())
        for act in window.nav_actions
    }
    assert {(key, name) for key, name in rows} == {
        (key, text.replace("&", "")) for key, text in shown
    }


def test_the_debian_packages_are_what_ci_installs():
    block = README.split("## On a bare Debian/Ubuntu system", 1)[1].split("## ", 1)[0]
    command = block.split("sudo apt-get install", 1)[1].split("```", 1)[0]
    readme = set(command.replace("\\", " ").split())
    readme |= set(re.search(r"speech engine install `([^`]+)`", block)[1].split())
    ci_text = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    install = ci_text.split("--no-install-recommends", 1)[1].split(">/dev/null", 1)[0]
    ci = set(install.replace("\\", " ").split())
    # CI's image has Python's venv and make already; everything else the
    # README asks for is what the suite runs with.
    assert readme - {"make", "python3-venv"} <= ci
    # A library or font CI added for Qt is one a person needs too.
    words = set(re.findall(r"[\w.+-]+", README))
    assert {p for p in ci if p.startswith(("lib", "fonts-"))} <= words
