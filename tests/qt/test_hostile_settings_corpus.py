"""Generated settings.ini files, read: every preference stays in its range.

A person (or a sync tool, or a script) may write anything into
settings.ini. Whatever a key holds, the typed view (``Preferences``) hands
back a value the app can use: a number in its range and finite, a choice
from its list, a time Qt can read. A file Qt cannot read, or with a value
Qt would build into an object, is moved aside whole, never overwritten.
Only reading is tested here: the writer belongs to the settings work.
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QTime
from tests.damaged_bytes import damaged

from stretchguide.qt.preferences import AFFECTED_SIDES, SIDE_MODES, Preferences
from stretchguide.qt.theme import THEMES

CAREFUL = settings(
    max_examples=400,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
_names = itertools.count()

KEYS = {
    "audio": ["voice", "beeps", "volume", "muted"],
    "session": [
        "prepare_s",
        "first_prepare_s",
        "fullscreen",
        "rest_s",
        "switch_s",
        "affected_side",
        "side_mode",
    ],
    "appearance": ["theme", "language"],
    "reminder": ["enabled", "time", "morning_time"],
    "safety": [
        "red_flag_interval_days",
        "pain_fine_max",
        "pain_acceptable_max",
        "disclaimer_accepted",
        "red_flags_checked_at",
        "urgent_at",
        "seen_doctor_at",
    ],
    "checkin": ["morning_offered_on"],
    "voice": ["commands", "microphone"],
}
_raw = st.sampled_from(
    [
        "",
        "true",
        "TRUE",
        "ture",
        "no",
        "0",
        "1",
        "-1",
        "5",
        "5.5",
        "1e3",
        "1_000",
        "99999999999999999999999",
        "9" * 5000,
        "nan",
        "-inf",
        "0x10",
        "\uff19",  # a full-width nine
        "a, b",
        '"quoted"',
        "@Invalid()",
        "@ByteArray(\\0\\xff)",
        "@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\bQPalette\\0)",
        "\\x1b[2J",
        "18:00",
        "25:61",
        "dark",
        "de",
        "left",
        "affected_first",
        "\u00e9" * 3000,
        "zz",
    ]
)


def _read_all(prefs: Preferences) -> None:
    """Every typed preference, checked against what the app can use."""
    for flag in (
        prefs.voice,
        prefs.beeps,
        prefs.muted,
        prefs.session_fullscreen,
        prefs.reminder_enabled,
        prefs.disclaimer_accepted,
        prefs.voice_commands,
    ):
        assert isinstance(flag, bool)
    for value, lo, hi in (
        (prefs.volume, 0, 100),
        (prefs.prepare_s, 0, 60),
        (prefs.first_prepare_s, 0, 120),
        (prefs.rest_s, 0, 300),
        (prefs.switch_s, 0, 60),
        (prefs.red_flag_interval_days, 1, 365),
    ):
        assert type(value) is int and lo <= value <= hi
    assert prefs.theme in THEMES
    assert isinstance(prefs.language, str) and prefs.language
    assert prefs.affected_side in AFFECTED_SIDES and prefs.side_mode in SIDE_MODES
    for clock in (prefs.reminder_time, prefs.morning_reminder_time):
        assert QTime.fromString(clock, "HH:mm").isValid()
    limits = prefs.pain_thresholds
    assert 0 <= limits.fine_max <= limits.acceptable_max <= 10
    for stamp in (prefs.red_flags_checked_at, prefs.urgent_at, prefs.seen_doctor_at):
        assert isinstance(stamp, float) and math.isfinite(stamp)
    assert isinstance(prefs.red_flags_due(), bool)
    assert isinstance(prefs.morning_checkin_offered_on, str)
    bytes.fromhex(prefs.microphone)


def _fresh(tmp: Path) -> Path:
    # Preferences remembers each path it has read: one path per example.
    folder = tmp / f"d{next(_names)}"
    folder.mkdir()
    return folder / "settings.ini"


@CAREFUL
@given(
    values=st.dictionaries(
        st.sampled_from([f"{g}/{k}" for g, ks in KEYS.items() for k in ks]),
        _raw,
        min_size=1,
        max_size=6,
    )
)
def test_any_value_in_any_key_reads_as_a_usable_preference(
    qapp, tmp_path_factory: pytest.TempPathFactory, values: dict[str, str]
) -> None:
    path = _fresh(tmp_path_factory.mktemp("ini"))
    groups: dict[str, list[str]] = {}
    for key, value in values.items():
        group, name = key.split("/")
        groups.setdefault(group, []).append(f"{name}={value}")
    path.write_text(
        "".join(f"[{g}]\n" + "\n".join(lines) + "\n" for g, lines in groups.items()),
        encoding="utf-8",
    )
    _read_all(Preferences(path))


@CAREFUL
@given(data=st.data())
def test_a_damaged_file_is_read_or_moved_aside_never_lost(
    qapp, tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    path = _fresh(tmp_path_factory.mktemp("ini"))
    good = (
        "[audio]\nvolume=40\nvoice=false\n[session]\nrest_s=20\naffected_side=left\n"
        "[safety]\ndisclaimer_accepted=true\nred_flags_checked_at=1767261600\n"
        "[reminder]\ntime=07:30\n"
    )
    encoding = data.draw(st.sampled_from(["utf-8", "utf-16", "latin-1", "utf-8-sig"]))
    body = good.replace("left", "l\u00e9ft").encode(encoding)
    body = damaged(data, body, ["cut", "flip", "insert", "nul"], insert_max=6)
    path.write_bytes(body)
    prefs = Preferences(path)
    _read_all(prefs)
    prefs.sync()
    # What the person wrote is still there: in the file, or in the copy set aside.
    kept = [p.read_bytes() for p in path.parent.iterdir() if p.is_file()]
    assert body in kept, sorted(p.name for p in path.parent.iterdir())


@pytest.mark.parametrize(
    ("word", "read"),
    [("ture", None), ("nope", None), ("", None), ("2", None), ("Yes", True), (" on ", True),
     ("1", True), ("OFF", False), ("false", False), ("0", False)],
)  # fmt: skip
def test_a_yes_or_no_setting_that_is_neither_reads_as_its_default(
    tmp_path: Path, word: str, read: bool | None
) -> None:
    # "ture" read as no: voice guidance, a default on, was off for a typo.
    from stretchguide.qt.preferences import DEFAULTS

    path = tmp_path / "settings.ini"
    path.write_text(f"[audio]\nvoice={word}\nbeeps={word}\n", encoding="utf-8")
    prefs = Preferences(path)
    assert prefs.voice == (DEFAULTS.voice if read is None else read)
    assert prefs.beeps == (DEFAULTS.beeps if read is None else read)
