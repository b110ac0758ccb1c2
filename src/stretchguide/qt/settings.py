"""Preferences (QSettings INI beside the data) and the settings dialog.

``Preferences`` is the single typed view of the INI file: every other part of
the app reads and writes preferences through it, so key names and defaults
live in one place. The dialog only edits a ``Preferences``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSlider,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

AFFECTED_SIDES = ("none", "left", "right")
SIDE_MODES = ("both", "affected_only", "affected_first", "extra_affected")


@dataclass(frozen=True)
class Defaults:
    voice: bool = True
    beeps: bool = True
    volume: int = 80
    prepare_s: int = 5
    rest_s: int = 15
    switch_s: int = 5
    affected_side: str = "none"
    side_mode: str = "both"
    reminder_enabled: bool = False
    reminder_time: str = "18:00"
    red_flag_interval_days: int = 7


DEFAULTS = Defaults()


class Preferences:
    """Typed access to the preferences file."""

    def __init__(self, path: Path) -> None:
        self.qsettings = QSettings(str(path), QSettings.Format.IniFormat)

    def _get(self, key: str, default: object, kind: type) -> object:
        value = self.qsettings.value(key, default)
        if kind is bool:
            if isinstance(value, str):
                return value.lower() in ("1", "true", "yes")
            return bool(value)
        try:
            return kind(value)
        except (TypeError, ValueError):
            return default

    def _set(self, key: str, value: object) -> None:
        self.qsettings.setValue(key, value)

    def sync(self) -> None:
        self.qsettings.sync()

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
        return max(0, min(100, int(self._get("audio/volume", DEFAULTS.volume, int))))  # type: ignore[call-overload]

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
    def _int(self, key: str, default: int, lo: int, hi: int) -> int:
        return max(lo, min(hi, int(self._get(key, default, int))))  # type: ignore[call-overload]

    @property
    def prepare_s(self) -> int:
        return self._int("session/prepare_s", DEFAULTS.prepare_s, 0, 60)

    @prepare_s.setter
    def prepare_s(self, v: int) -> None:
        self._set("session/prepare_s", int(v))

    @property
    def rest_s(self) -> int:
        return self._int("session/rest_s", DEFAULTS.rest_s, 0, 300)

    @rest_s.setter
    def rest_s(self, v: int) -> None:
        self._set("session/rest_s", int(v))

    @property
    def switch_s(self) -> int:
        return self._int("session/switch_s", DEFAULTS.switch_s, 0, 60)

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
    def red_flag_interval_days(self) -> int:
        return self._int("safety/red_flag_interval_days", DEFAULTS.red_flag_interval_days, 1, 365)

    @red_flag_interval_days.setter
    def red_flag_interval_days(self, v: int) -> None:
        self._set("safety/red_flag_interval_days", int(v))

    @property
    def disclaimer_accepted(self) -> bool:
        return bool(self._get("safety/disclaimer_accepted", False, bool))

    @disclaimer_accepted.setter
    def disclaimer_accepted(self, v: bool) -> None:
        self._set("safety/disclaimer_accepted", bool(v))

    @property
    def red_flags_checked_at(self) -> float:
        return float(self._get("safety/red_flags_checked_at", 0.0, float))  # type: ignore[arg-type]

    @red_flags_checked_at.setter
    def red_flags_checked_at(self, v: float) -> None:
        self._set("safety/red_flags_checked_at", float(v))

    def red_flags_due(self, now: float | None = None) -> bool:
        """True when the red-flag questions should be asked again."""
        now = time.time() if now is None else now
        last = self.red_flags_checked_at
        return last <= 0 or now - last >= self.red_flag_interval_days * 86400

    @property
    def morning_checkin_offered_on(self) -> str:
        return str(self._get("checkin/morning_offered_on", "", str))

    @morning_checkin_offered_on.setter
    def morning_checkin_offered_on(self, v: str) -> None:
        self._set("checkin/morning_offered_on", v)


class SettingsDialog(QDialog):
    """Edits a Preferences; nothing is written until OK."""

    sig_applied = Signal()
    """The preferences were changed and saved."""

    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self.setWindowTitle(self.tr("Settings"))
        form = QFormLayout(self)

        self.voice = QCheckBox(self.tr("Spoken guidance"))
        self.beeps = QCheckBox(self.tr("Cue sounds"))
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.prepare = self._spin(0, 60)
        self.rest = self._spin(0, 300)
        self.switch = self._spin(0, 60)
        self.side = QComboBox()
        for key, label in (
            ("none", self.tr("Both / not sure")),
            ("left", self.tr("Left")),
            ("right", self.tr("Right")),
        ):
            self.side.addItem(label, key)
        self.side_mode = QComboBox()
        for key, label in (
            ("both", self.tr("Both sides equally")),
            ("affected_only", self.tr("Painful side only")),
            ("affected_first", self.tr("Painful side first")),
            ("extra_affected", self.tr("An extra set on the painful side")),
        ):
            self.side_mode.addItem(label, key)
        self.reminder = QCheckBox(self.tr("Remind me every day at"))
        self.reminder_time = QTimeEdit()
        self.reminder_time.setDisplayFormat("HH:mm")
        self.red_flag_days = self._spin(1, 365)
        self.red_flag_days.setSuffix(self.tr(" days"))

        for widget, name in (
            (self.voice, self.tr("Spoken guidance")),
            (self.beeps, self.tr("Cue sounds")),
            (self.volume, self.tr("Volume")),
            (self.prepare, self.tr("Get-ready time in seconds")),
            (self.rest, self.tr("Rest between exercises in seconds")),
            (self.switch, self.tr("Time to switch sides in seconds")),
            (self.side, self.tr("Painful side")),
            (self.side_mode, self.tr("Which sides to exercise")),
            (self.reminder, self.tr("Daily reminder")),
            (self.reminder_time, self.tr("Reminder time")),
            (self.red_flag_days, self.tr("Ask the safety questions every")),
        ):
            widget.setAccessibleName(name)

        form.addRow(self.voice)
        form.addRow(self.beeps)
        form.addRow(self.tr("&Volume"), self.volume)
        form.addRow(self.tr("&Get ready (s)"), self.prepare)
        form.addRow(self.tr("&Rest (s)"), self.rest)
        form.addRow(self.tr("S&witch sides (s)"), self.switch)
        form.addRow(self.tr("&Painful side"), self.side)
        form.addRow(self.tr("Si&des"), self.side_mode)
        form.addRow(self.reminder, self.reminder_time)
        form.addRow(self.tr("Safety &questions every"), self.red_flag_days)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        form.addRow(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.load()

    def _spin(self, lo: int, hi: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(lo, hi)
        return spin

    def load(self) -> None:
        p = self.prefs
        self.voice.setChecked(p.voice)
        self.beeps.setChecked(p.beeps)
        self.volume.setValue(p.volume)
        self.prepare.setValue(p.prepare_s)
        self.rest.setValue(p.rest_s)
        self.switch.setValue(p.switch_s)
        self.side.setCurrentIndex(max(0, self.side.findData(p.affected_side)))
        self.side_mode.setCurrentIndex(max(0, self.side_mode.findData(p.side_mode)))
        self.reminder.setChecked(p.reminder_enabled)
        self.reminder_time.setTime(QTime.fromString(p.reminder_time, "HH:mm"))
        self.red_flag_days.setValue(p.red_flag_interval_days)

    def save(self) -> None:
        p = self.prefs
        p.voice = self.voice.isChecked()
        p.beeps = self.beeps.isChecked()
        p.volume = self.volume.value()
        p.prepare_s = self.prepare.value()
        p.rest_s = self.rest.value()
        p.switch_s = self.switch.value()
        p.affected_side = str(self.side.currentData())
        p.side_mode = str(self.side_mode.currentData())
        p.reminder_enabled = self.reminder.isChecked()
        p.reminder_time = self.reminder_time.time().toString("HH:mm")
        p.red_flag_interval_days = self.red_flag_days.value()
        p.sync()

    def accept(self) -> None:
        self.save()
        self.sig_applied.emit()
        super().accept()
