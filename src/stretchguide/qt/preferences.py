"""Preferences: the QSettings INI file beside the data.

``Preferences`` is the single typed view of the INI file: every other part of
the app reads and writes preferences through it, so key names and defaults
live in one place. The dialog only edits a ``Preferences``.
"""

from __future__ import annotations

import math
import os
import time
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QEvent, QSettings, QTime

from stretchguide.qt.settings_guard import (
    FOREIGN_VALUE,
    NOT_A_FILE,
    NOT_SAVED,
    RESTORED,
    SetAside,
    set_aside_foreign_values,
    set_aside_odd_entry,
    set_aside_unreadable,
)
from stretchguide.qt.theme import THEMES, Theme

if TYPE_CHECKING:
    # core.safety pulls in core.trends: ~40 ms the first paint does not need.
    from stretchguide.core.safety import PainThresholds

# "" = not asked yet (the app asks before a session needs it); "both" = both
# legs (one of the urgent signs: the safety questions follow), "unsure" = not
# sure; both legs are exercised for either. Files from older versions hold
# "none", which was the untouched default and so says nothing about the leg:
# it reads as "".
AFFECTED_SIDES = ("", "left", "right", "both", "unsure")
SIDE_MODES = ("both", "affected_only", "affected_first", "extra_affected")


class Defaults:
    """Every preference's default, read as ``DEFAULTS.name`` (read-only).

    A plain class, not a frozen dataclass: making that dataclass (its
    generated methods are compiled at import) and importing ``dataclasses``
    cost ~4 ms of CPU before the first paint, which reads the language.
    """

    __slots__ = ()  # no instance attributes: ``DEFAULTS.voice = ...`` raises
    voice: bool = True
    beeps: bool = True
    volume: int = 80
    prepare_s: int = 5
    # The first get-ready of a session: time to get down onto the mat
    # (StretchGuide's number).
    first_prepare_s: int = 15
    session_fullscreen: bool = True
    theme: str = Theme.SYSTEM
    # "system" follows LC_ALL/LC_MESSAGES/LANG; else a language code.
    language: str = "system"
    rest_s: int = 15
    switch_s: int = 5
    affected_side: str = ""
    side_mode: str = "both"
    reminder_enabled: bool = False
    reminder_time: str = "18:00"
    morning_reminder_time: str = "09:00"
    red_flag_interval_days: int = 7
    # core.safety.PainThresholds' defaults (a test keeps them equal).
    pain_fine_max: int = 3
    pain_acceptable_max: int = 5


DEFAULTS = Defaults()

# The whole numbers each setting may hold: a hand-edited file is clamped to
# them, and the Settings page's spin boxes take their ranges from here, so
# the page cannot offer a value the next read would change.
RANGES: Final[dict[str, tuple[int, int]]] = {
    "session/prepare_s": (0, 60),
    "session/first_prepare_s": (0, 120),
    "session/rest_s": (0, 300),
    "session/switch_s": (0, 60),
    "safety/red_flag_interval_days": (1, 365),
    "safety/pain_fine_max": (0, 10),
    "safety/pain_acceptable_max": (0, 10),
}


# Settings files set aside this process, by the file's path: the first
# Preferences (the language, before the window) finds it, the window's says so.
_SET_ASIDE: dict[Path, SetAside] = {}
# Each settings file as this process last read or wrote it: (inode, size,
# mtime in ns) and its bytes. A file that no longer matches was written by
# someone else, and is checked before Qt reads it again.
_SEEN: dict[Path, tuple[tuple[int, int, int], bytes]] = {}


def _file_state(path: Path) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


class _CheckedSettings(QSettings):
    """QSettings whose own deferred save (posted after every ``setValue``)
    runs the same check as ``Preferences.sync``: that save reads the file
    again if it changed, and reading a ``@Variant`` value can crash."""

    def __init__(self, prefs: Preferences) -> None:
        super().__init__(str(prefs.path), QSettings.Format.IniFormat)
        self._prefs = weakref.ref(prefs)

    def event(self, event: QEvent) -> bool:
        prefs = self._prefs()
        if prefs is None or event.type() != QEvent.Type.UpdateRequest:
            return super().event(event)
        prefs.check_file()
        handled = super().event(event)
        prefs.remember_file()
        prefs.check_saved()
        return handled


class Preferences:
    """Typed access to the preferences file.

    Values are read from QSettings' copy in memory; the file is read when
    the object is made and at a save, and each time it is checked first
    (``check_file``): a file another program changed under us is never
    read unchecked.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        # Told when the file is set aside while the app runs (the window's
        # status bar); one found at start is ``set_aside``.
        self.on_set_aside: Callable[[SetAside], None] | None = None
        self.check_file()
        # The file set aside (this run) because it could not be read.
        self.set_aside: SetAside | None = _SET_ASIDE.get(path)
        self._said_not_saved = False
        self.qsettings: QSettings = _CheckedSettings(self)
        self.remember_file()

    def check_file(self) -> None:
        """Before Qt reads the file: if someone else wrote it since we last
        did, set aside what Qt cannot read. Costs one ``stat`` when nobody did."""
        path = self.path
        state = _file_state(path)
        seen = _SEEN.get(path)
        if state is None or (seen is not None and seen[0] == state):
            return
        now = time.time()
        # First: the reads below would wait on a pipe for ever.
        odd = set_aside_odd_entry(path, now, seen[1] if seen is not None else None)
        if odd is not None:
            # While running, the settings as the app had them are put back.
            self._tell(SetAside(odd, NOT_A_FILE if seen is None else RESTORED))
            return
        moved = set_aside_foreign_values(path, now)
        if moved is not None:
            self._tell(SetAside(moved, FOREIGN_VALUE))
        damaged = set_aside_unreadable(path, now, seen[1] if seen is not None else None)
        if damaged is not None:
            self._tell(damaged)

    def remember_file(self) -> None:
        """After Qt read or wrote the file: this is the file as we know it."""
        state = _file_state(self.path)
        try:
            data = self.path.read_bytes()
        except OSError:
            return
        if state is not None:
            _SEEN[self.path] = (state, data)

    def check_saved(self) -> None:
        """After Qt saved: a file or folder it may not write (read-only)
        leaves every value in memory, where the app goes on using it, and
        Qt says nothing, so changed settings were silently lost at the next
        start. The person is told once, naming the file; Qt keeps the error
        for the rest of the run, so there is nothing more to say."""
        if self._said_not_saved or self.qsettings.status() != QSettings.Status.AccessError:
            return
        self._said_not_saved = True
        aside = SetAside(self.path, NOT_SAVED)
        if self.on_set_aside is not None:
            self.on_set_aside(aside)
        elif self.set_aside is None:
            self.set_aside = aside  # before the window: its start-up checks say it

    def _tell(self, aside: SetAside) -> None:
        _SET_ASIDE[self.path] = aside
        if self.on_set_aside is not None:
            self.on_set_aside(aside)

    def _get(self, key: str, default: object, kind: type) -> object:
        value = self.qsettings.value(key, default)
        if kind is bool:
            if isinstance(value, str):
                # A word that is neither yes nor no ("ture", a typo in the
                # file) is no answer either: the default, where it read as
                # no and could switch off a safety default.
                word = value.strip().lower()
                if word in ("1", "true", "yes", "on"):
                    return True
                if word in ("0", "false", "no", "off"):
                    return False
                return default
            # A list (INI reads "a, b" as one) or bytes is no answer: the
            # default, not bool() of it, which took "yes, no" for yes.
            return value if isinstance(value, bool) else default
        try:
            return kind(value)
        except (TypeError, ValueError):
            return default

    # _get hands back kind(value) or the default: these narrow that to the
    # number the property promises, falling back to the default otherwise.
    def _get_int(self, key: str, default: int) -> int:
        value = self._get(key, default, int)
        return value if isinstance(value, int) else default

    def _get_float(self, key: str, default: float) -> float:
        # Only a finite number: float() reads "nan" and "inf", and a NaN
        # "last asked" made the red-flag questions never due again (every
        # comparison with it is false), an infinite "seen by a doctor"
        # closed an urgent answer for good.
        value = self._get(key, default, float)
        return value if isinstance(value, float) and math.isfinite(value) else default

    def _set(self, key: str, value: object) -> None:
        self.qsettings.setValue(key, value)

    def sync(self) -> None:
        self.check_file()
        self.qsettings.sync()
        self.remember_file()
        self.check_saved()

    # audio
    @property
    def voice(self) -> bool:
        return bool(self._get("audio/voice", DEFAULTS.voice, bool))

    @voice.setter
    def voice(self, v: bool) -> None:
        self._set("audio/voice", bool(v))

    @property
    def beeps(self) -> bool:
        return bool(self._get("audio/beeps", DEFAULTS.beeps, bool))

    @beeps.setter
    def beeps(self, v: bool) -> None:
        self._set("audio/beeps", bool(v))

    @property
    def volume(self) -> int:
        return max(0, min(100, self._get_int("audio/volume", DEFAULTS.volume)))

    @volume.setter
    def volume(self, v: int) -> None:
        self._set("audio/volume", int(v))

    @property
    def muted(self) -> bool:
        return bool(self._get("audio/muted", False, bool))

    @muted.setter
    def muted(self, v: bool) -> None:
        self._set("audio/muted", bool(v))

    # session timing
    def _int(self, key: str, default: int) -> int:
        lo, hi = RANGES[key]
        return max(lo, min(hi, self._get_int(key, default)))

    @property
    def prepare_s(self) -> int:
        return self._int("session/prepare_s", DEFAULTS.prepare_s)

    @prepare_s.setter
    def prepare_s(self, v: int) -> None:
        self._set("session/prepare_s", int(v))

    @property
    def theme(self) -> str:
        v = str(self._get("appearance/theme", DEFAULTS.theme, str))
        return v if v in THEMES else DEFAULTS.theme

    @theme.setter
    def theme(self, v: str) -> None:
        self._set("appearance/theme", str(v))

    @property
    def language(self) -> str:
        # Core's list (a language ships when its .po does), not qt.i18n's:
        # qt.i18n reads these preferences, and the two must not import each other.
        from stretchguide.core.languages import available_languages

        v = str(self._get("appearance/language", DEFAULTS.language, str))
        return v if v in ("system", *available_languages()) else DEFAULTS.language

    @language.setter
    def language(self, v: str) -> None:
        self._set("appearance/language", str(v))

    @property
    def first_prepare_s(self) -> int:
        return self._int("session/first_prepare_s", DEFAULTS.first_prepare_s)

    @first_prepare_s.setter
    def first_prepare_s(self, v: int) -> None:
        self._set("session/first_prepare_s", int(v))

    @property
    def session_fullscreen(self) -> bool:
        return bool(self._get("session/fullscreen", DEFAULTS.session_fullscreen, bool))

    @session_fullscreen.setter
    def session_fullscreen(self, v: bool) -> None:
        self._set("session/fullscreen", bool(v))

    @property
    def rest_s(self) -> int:
        return self._int("session/rest_s", DEFAULTS.rest_s)

    @rest_s.setter
    def rest_s(self, v: int) -> None:
        self._set("session/rest_s", int(v))

    @property
    def switch_s(self) -> int:
        return self._int("session/switch_s", DEFAULTS.switch_s)

    @switch_s.setter
    def switch_s(self, v: int) -> None:
        self._set("session/switch_s", int(v))

    @property
    def affected_side(self) -> str:
        v = str(self._get("session/affected_side", DEFAULTS.affected_side, str))
        return v if v in AFFECTED_SIDES else DEFAULTS.affected_side

    @affected_side.setter
    def affected_side(self, v: str) -> None:
        self._set("session/affected_side", v)

    @property
    def side_known(self) -> bool:
        """Whether the person has said which leg hurts (or both, or not sure)."""
        return self.affected_side != ""

    @property
    def side_mode(self) -> str:
        v = str(self._get("session/side_mode", DEFAULTS.side_mode, str))
        return v if v in SIDE_MODES else DEFAULTS.side_mode

    @side_mode.setter
    def side_mode(self, v: str) -> None:
        self._set("session/side_mode", v)

    # reminders and safety
    @property
    def reminder_enabled(self) -> bool:
        return bool(self._get("reminder/enabled", DEFAULTS.reminder_enabled, bool))

    @reminder_enabled.setter
    def reminder_enabled(self, v: bool) -> None:
        self._set("reminder/enabled", bool(v))

    @property
    def reminder_time(self) -> str:
        v = str(self._get("reminder/time", DEFAULTS.reminder_time, str))
        return v if QTime.fromString(v, "HH:mm").isValid() else DEFAULTS.reminder_time

    @reminder_time.setter
    def reminder_time(self, v: str) -> None:
        self._set("reminder/time", v)

    @property
    def morning_reminder_time(self) -> str:
        """When the next-morning check-in is offered (qt/tray.py reads the key)."""
        v = str(self._get("reminder/morning_time", DEFAULTS.morning_reminder_time, str))
        return v if QTime.fromString(v, "HH:mm").isValid() else DEFAULTS.morning_reminder_time

    @morning_reminder_time.setter
    def morning_reminder_time(self, v: str) -> None:
        self._set("reminder/morning_time", v)

    @property
    def red_flag_interval_days(self) -> int:
        return self._int("safety/red_flag_interval_days", DEFAULTS.red_flag_interval_days)

    @red_flag_interval_days.setter
    def red_flag_interval_days(self, v: int) -> None:
        self._set("safety/red_flag_interval_days", int(v))

    @property
    def pain_thresholds(self) -> PainThresholds:
        """The pain-response rule's limits; a hand-edited file cannot invert them."""
        from stretchguide.core.safety import PainThresholds

        fine = self._int("safety/pain_fine_max", DEFAULTS.pain_fine_max)
        acceptable = self._int("safety/pain_acceptable_max", DEFAULTS.pain_acceptable_max)
        return PainThresholds(fine_max=fine, acceptable_max=max(fine, acceptable))

    @pain_thresholds.setter
    def pain_thresholds(self, v: PainThresholds) -> None:
        self._set("safety/pain_fine_max", v.fine_max)
        self._set("safety/pain_acceptable_max", v.acceptable_max)

    @property
    def disclaimer_accepted(self) -> bool:
        return bool(self._get("safety/disclaimer_accepted", False, bool))

    @disclaimer_accepted.setter
    def disclaimer_accepted(self, v: bool) -> None:
        self._set("safety/disclaimer_accepted", bool(v))

    @property
    def red_flags_checked_at(self) -> float:
        return self._get_float("safety/red_flags_checked_at", 0.0)

    @red_flags_checked_at.setter
    def red_flags_checked_at(self, v: float) -> None:
        self._set("safety/red_flags_checked_at", float(v))

    @property
    def urgent_at(self) -> float:
        """When an urgent red flag was last answered yes (0: never)."""
        return self._get_float("safety/urgent_at", 0.0)

    @urgent_at.setter
    def urgent_at(self, v: float) -> None:
        self._set("safety/urgent_at", float(v))

    @property
    def seen_doctor_at(self) -> float:
        """When the person last said a doctor has seen them since (0: never)."""
        return self._get_float("safety/seen_doctor_at", 0.0)

    @seen_doctor_at.setter
    def seen_doctor_at(self, v: float) -> None:
        self._set("safety/seen_doctor_at", float(v))

    def red_flags_due(self, now: float | None = None) -> bool:
        """True when the red-flag questions should be asked again (the rule,
        with answers stamped "in the future", is core.clock_rules')."""
        from stretchguide.core.clock_rules import red_flags_due

        now = time.time() if now is None else now
        return red_flags_due(self.red_flags_checked_at, now, self.red_flag_interval_days)

    @property
    def morning_checkin_offered_on(self) -> str:
        return str(self._get("checkin/morning_offered_on", "", str))

    @morning_checkin_offered_on.setter
    def morning_checkin_offered_on(self, v: str) -> None:
        self._set("checkin/morning_offered_on", v)

    # voice commands (issue 13): off unless the person turns them on
    @property
    def voice_commands(self) -> bool:
        return bool(self._get("voice/commands", False, bool))

    @voice_commands.setter
    def voice_commands(self, v: bool) -> None:
        self._set("voice/commands", bool(v))

    @property
    def microphone(self) -> str:
        """The chosen microphone's device id (hex); empty = the system default.

        A hand-edited value that is no hex (it would stop the voice settings
        and every session with voice on) counts as the system default.
        """
        value = str(self._get("voice/microphone", "", str))
        try:
            bytes.fromhex(value)
        except ValueError:
            return ""
        return value

    @microphone.setter
    def microphone(self, v: str) -> None:
        self._set("voice/microphone", str(v))
