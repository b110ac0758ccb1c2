"""The settings dialog: edits a ``Preferences`` (see preferences.py)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QSlider,
    QSpinBox,
    QStyle,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from stretchguide.core.safety import PainThresholds
from stretchguide.qt.i18n import LANGUAGE_NAMES, resolve_language
from stretchguide.qt.preferences import (
    AFFECTED_SIDES,
    DEFAULTS,
    RANGES,
    SIDE_MODES,
    Defaults,
    Preferences,
)
from stretchguide.qt.theme import Theme

__all__ = ["AFFECTED_SIDES", "DEFAULTS", "SIDE_MODES", "Defaults", "Preferences", "SettingsDialog"]


class SettingsDialog(QDialog):
    """Edits a Preferences; nothing is written until OK."""

    sig_applied = Signal()
    """The preferences were changed and saved."""

    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self.setWindowTitle(self.tr("Settings"))
        # The form scrolls inside the dialog and OK / Cancel stay in view:
        # with the voice section (and German's longer lines) it is taller
        # than a 1280x720 screen leaves for a dialog.
        outer = QVBoxLayout(self)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        # Not a Tab stop of its own: it showed nothing when focused (the
        # dialog opened with its focus there). It still scrolls to the focus.
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        content = QWidget()
        form = QFormLayout(content)
        # A label over its field where the two do not fit side by side: at
        # twice the text size the dialog asked for 1,009-1,136 px, and OK
        # was off a 1024 px screen.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)

        self.voice = QCheckBox(self.tr("Spoken guidance"))
        self.beeps = QCheckBox(self.tr("Cue sounds"))
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.prepare = self._spin("session/prepare_s", self.tr(" s"))
        self.first_prepare = self._spin("session/first_prepare_s", self.tr(" s"))
        self.fullscreen = QCheckBox(self.tr("Full screen during a session"))
        self.theme = QComboBox()
        for theme, label in (
            (Theme.SYSTEM, self.tr("System")),
            (Theme.LIGHT, self.tr("Light")),
            (Theme.DARK, self.tr("Dark")),
        ):
            self.theme.addItem(label, theme.value)
        self.language = QComboBox()
        system = LANGUAGE_NAMES[resolve_language("system")]
        self.language.addItem(self.tr("As the system (%1)").replace("%1", system), "system")
        for key, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, key)
        self.language_note = QLabel(
            self.tr("StretchGuide speaks the new language after a restart.")
        )
        self.language_note.setWordWrap(True)
        self.language_note.hide()
        self.language.currentIndexChanged.connect(
            lambda _i: self.language_note.setVisible(
                self.language.currentData() != self.prefs.language
            )
        )
        self.rest = self._spin("session/rest_s", self.tr(" s"))
        self.switch = self._spin("session/switch_s", self.tr(" s"))
        self.side = QComboBox()
        for key, label in (
            ("", self.tr("Not said yet (ask before a session)")),
            ("left", self.tr("Left leg")),
            ("right", self.tr("Right leg")),
            ("both", self.tr("Both legs (both legs are exercised)")),
            ("unsure", self.tr("Not sure (both legs are exercised)")),
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
        self.reminder = QCheckBox(self.tr("Remind me on planned days at"))
        self.reminder.setToolTip(
            self.tr(
                "StretchGuide then starts at login, in the tray, so reminders come with the "
                "window closed. Turning this off removes it from login again."
            )
        )
        self.reminder_time = QTimeEdit()
        self.reminder_time.setDisplayFormat("HH:mm")
        self.morning_time = QTimeEdit()
        self.morning_time.setDisplayFormat("HH:mm")
        self.red_flag_days = self._spin("safety/red_flag_interval_days")
        # "every 1 day", "every 7 days", in each language's plural forms.
        self.red_flag_days.valueChanged.connect(self._days_unit)
        self._days_unit(self.red_flag_days.value())
        # The pain-response rule after a session (0-3 fine, 4-5 acceptable,
        # above that ease off: a common physiotherapy approach and
        # StretchGuide's defaults, not the articles', CLINICAL.md section 3),
        # for a physiotherapist who sets other limits. "Fine" can never
        # exceed "acceptable".
        self.pain_fine = self._spin("safety/pain_fine_max")
        self.pain_acceptable = self._spin("safety/pain_acceptable_max")
        self.pain_fine.valueChanged.connect(self.pain_acceptable.setMinimum)
        for spin in (self.pain_fine, self.pain_acceptable):
            spin.setSuffix(self.tr(" / 10"))

        for widget, name in (
            (self.voice, self.tr("Spoken guidance")),
            (self.beeps, self.tr("Cue sounds")),
            (self.volume, self.tr("Volume")),
            (self.prepare, self.tr("Get-ready time in seconds")),
            (self.first_prepare, self.tr("First get-ready of a session in seconds")),
            (self.fullscreen, self.tr("Full screen during a session")),
            (self.theme, self.tr("Theme: light, dark or as the system")),
            (self.language, self.tr("Language")),
            (self.rest, self.tr("Rest between exercises in seconds")),
            (self.switch, self.tr("Time to switch sides in seconds")),
            (self.side, self.tr("Painful side")),
            (self.side_mode, self.tr("Which sides to exercise")),
            (self.reminder, self.tr("Daily reminder")),
            (self.reminder_time, self.tr("Reminder time")),
            (self.morning_time, self.tr("Morning check-in reminder time")),
            (self.red_flag_days, self.tr("Ask the safety questions every")),
            (self.pain_fine, self.tr("Pain after a session that is fine, up to")),
            (self.pain_acceptable, self.tr("Pain that is acceptable, up to; above it, ease off")),
        ):
            widget.setAccessibleName(name)

        form.addRow(self.voice)
        form.addRow(self.beeps)
        form.addRow(self.tr("&Volume"), self.volume)
        form.addRow(self.tr("&Get ready before each exercise"), self.prepare)
        form.addRow(self.tr("F&irst, to get down onto the mat"), self.first_prepare)
        form.addRow(self.fullscreen)
        form.addRow(self.tr("&Theme"), self.theme)
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(self.language_note)
        form.addRow(self.tr("&Rest"), self.rest)
        form.addRow(self.tr("S&witch sides"), self.switch)
        form.addRow(self.tr("&Painful side"), self.side)
        form.addRow(self.tr("Which si&des to work"), self.side_mode)
        form.addRow(self.reminder, self.reminder_time)
        form.addRow(self.tr("&Morning check-in at"), self.morning_time)
        form.addRow(self.tr("Safety &questions every"), self.red_flag_days)
        form.addRow(self.tr("Pain that is &fine, up to"), self.pain_fine)
        form.addRow(self.tr("Pain that is &acceptable, up to"), self.pain_acceptable)
        # No article gives these numbers: the app says whose they are.
        self.own_numbers_note = QLabel(
            self.tr(
                "The safety questions' 7 days and the pain limits 3 and 5 are "
                "StretchGuide's starting numbers, not the articles'. Your "
                "physiotherapist can set yours."
            )
        )
        self.own_numbers_note.setWordWrap(True)
        form.addRow(self.own_numbers_note)
        self._add_voice_section(form)
        self.buttons = buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.scroll_area.setWidget(content)
        outer.addWidget(self.scroll_area)
        outer.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.load()
        self._fit_to_screen(content)
        self._wheel_scrolls_the_page(content)

    def _fit_to_screen(self, content: QWidget) -> None:
        self._content = content
        screen = self.screen()
        room = screen.availableGeometry() if screen else None
        # Room for the window's title bar and frame and the desktop's panels.
        self.fit_to_height(
            room.height() - 60 if room else 10_000, room.width() - 40 if room else 10_000
        )

    def fit_to_height(self, height: int, width: int = 10_000) -> None:
        """As large as the form, but the whole dialog no taller than
        ``height`` and, where the form can wrap its rows (a label over its
        field), no wider than ``width``."""
        hint = self._content.sizeHint()
        least = self._content.minimumSizeHint().width()
        layout = self.layout()
        assert layout is not None  # __init__ gave the dialog its layout
        m = layout.contentsMargins()
        chrome = self.buttons.sizeHint().height() + layout.spacing() + m.top() + m.bottom()
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        frame = 2 * self.scroll_area.frameWidth()
        across = max(least, min(hint.width(), width - m.left() - m.right() - bar - frame))
        self.scroll_area.setMinimumWidth(across + bar + frame)
        self.scroll_area.setMinimumHeight(max(150, min(hint.height(), height - chrome)))

    def _wheel_scrolls_the_page(self, content: QWidget) -> None:
        """The wheel over a number or a list scrolls the form, unless that
        field has the keyboard focus (a click or Tab gives it).

        A spin box or combo box takes the wheel by default: scrolling the
        dialog over "Pain that is acceptable" set it to 10 / 10 unseen.
        """
        self._wheel_guard = _WheelToPage(self)
        fields: list[QWidget] = [
            *content.findChildren(QAbstractSpinBox),  # spin boxes and time fields
            *content.findChildren(QComboBox),
            *content.findChildren(QSlider),  # the volume: the same trap
        ]
        for field in fields:
            # Not WheelFocus: the wheel would give the focus, then the value.
            field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            field.installEventFilter(self._wheel_guard)

    def _add_voice_section(self, form: QFormLayout) -> None:
        from stretchguide.qt.voice_settings import VoiceSection

        self.voice_section = VoiceSection(self)
        form.addRow(self.voice_section)
        self.finished.connect(self.voice_section.close_test)
        # A click that turns voice commands on or starts the microphone test
        # brings the test into view: on a screen 800 pixels high it lies
        # below the fold, and what it says ("No microphone was found") went
        # unseen. Clicks only: opening the dialog with voice on stays at the top.
        self.voice_section.enabled.clicked.connect(self._show_microphone_test)
        self.voice_section.test.button.clicked.connect(self._show_microphone_test)

    def _show_microphone_test(self, on: bool) -> None:
        if on:  # once the section has laid out what it just showed
            QTimer.singleShot(0, self, self._scroll_to_microphone_test)

    def _scroll_to_microphone_test(self) -> None:
        self.scroll_area.ensureWidgetVisible(self.voice_section.test, 0, 0)

    def _days_unit(self, n: int) -> None:
        # A spin box shows its own number: keep the words on either side of it.
        before, _, after = self.tr("%n day(s)", "", n).partition(str(n))
        self.red_flag_days.setPrefix(before)
        self.red_flag_days.setSuffix(after)

    def _spin(self, key: str, suffix: str | None = None) -> QSpinBox:
        """A spin box for the setting ``key``, its range the one Preferences clamps to."""
        spin = QSpinBox()
        spin.setRange(*RANGES[key])
        if suffix:
            spin.setSuffix(suffix)
        return spin

    def load(self) -> None:
        p = self.prefs
        self.voice.setChecked(p.voice)
        self.beeps.setChecked(p.beeps)
        self.volume.setValue(p.volume)
        self.prepare.setValue(p.prepare_s)
        self.first_prepare.setValue(p.first_prepare_s)
        self.fullscreen.setChecked(p.session_fullscreen)
        self.theme.setCurrentIndex(max(0, self.theme.findData(p.theme)))
        self.language.setCurrentIndex(max(0, self.language.findData(p.language)))
        self.rest.setValue(p.rest_s)
        self.switch.setValue(p.switch_s)
        self.side.setCurrentIndex(max(0, self.side.findData(p.affected_side)))
        self.side_mode.setCurrentIndex(max(0, self.side_mode.findData(p.side_mode)))
        self.reminder.setChecked(p.reminder_enabled)
        self.reminder_time.setTime(QTime.fromString(p.reminder_time, "HH:mm"))
        self.morning_time.setTime(QTime.fromString(p.morning_reminder_time, "HH:mm"))
        self.red_flag_days.setValue(p.red_flag_interval_days)
        limits = p.pain_thresholds
        self.pain_fine.setValue(limits.fine_max)
        self.pain_acceptable.setValue(limits.acceptable_max)
        self.voice_section.load(p)

    def save(self) -> None:
        p = self.prefs
        p.voice = self.voice.isChecked()
        p.beeps = self.beeps.isChecked()
        p.volume = self.volume.value()
        p.prepare_s = self.prepare.value()
        p.first_prepare_s = self.first_prepare.value()
        p.session_fullscreen = self.fullscreen.isChecked()
        p.theme = str(self.theme.currentData())
        p.language = str(self.language.currentData())
        p.rest_s = self.rest.value()
        p.switch_s = self.switch.value()
        side = str(self.side.currentData())
        if side == "both" and p.affected_side != "both":
            # Pain in both legs is one of the urgent signs: the safety
            # questions come before the next session, not in a week.
            p.red_flags_checked_at = 0.0
        p.affected_side = side
        p.side_mode = str(self.side_mode.currentData())
        p.reminder_enabled = self.reminder.isChecked()
        p.reminder_time = self.reminder_time.time().toString("HH:mm")
        p.morning_reminder_time = self.morning_time.time().toString("HH:mm")
        p.red_flag_interval_days = self.red_flag_days.value()
        p.pain_thresholds = PainThresholds(self.pain_fine.value(), self.pain_acceptable.value())
        self.voice_section.save(p)
        p.sync()

    def accept(self) -> None:
        self.save()
        self.sig_applied.emit()
        super().accept()


class _WheelToPage(QObject):
    """Event filter: a wheel event over a field without focus goes on to its
    parents (the scroll area) instead of into the field."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(watched, QWidget)
            and not watched.hasFocus()
        ):
            # Ignored and filtered: Qt hands it to the parent widgets, so the
            # scroll area's viewport scrolls the page.
            event.ignore()
            return True
        return super().eventFilter(watched, event)
