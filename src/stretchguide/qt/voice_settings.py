"""The "Voice commands" section of the settings dialog and its microphone test."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stretchguide.qt.accessible import role
from stretchguide.qt.i18n import QT_TRANSLATE_NOOP
from stretchguide.voice.commands import PHRASES, Command

EXPLANATION = QT_TRANSLATE_NOOP(
    "VoiceSection",
    "Say pause, go on, skip, back, ouch, stop, mute or unmute during a session. "
    "Listening happens on this computer only: the sound never leaves it and "
    "nothing is recorded to disk. The microphone is used only while a session runs "
    "or while you test it here.",
)


HINT = QT_TRANSLATE_NOOP(
    "MicrophoneTest",
    "Say each command from where you will lie. A tick means it was heard in "
    "your voice and room. Not ticked after a few tries: say its other word, "
    "or bring the microphone nearer. In a session, the H key always does "
    "“this hurts”.",
)

NO_COMMAND = QT_TRANSLATE_NOOP(
    "MicrophoneTest",
    "Heard you, but no command: say the command on its own, or its other word.",
)

# The accessible text of a command in the check list; its words stay English
# (the speech model is English).
HEARD = QT_TRANSLATE_NOOP("MicrophoneTest", "%1: heard")
NOT_HEARD = QT_TRANSLATE_NOOP("MicrophoneTest", "%1: not heard yet")
# The session's commands first, then the answers to its questions (yes and
# no to "stop?", ease off to "this hurts").
ROWS: tuple[tuple[Command, ...], ...] = (
    (Command.PAUSE, Command.RESUME, Command.SKIP),
    (Command.BACK, Command.HURT, Command.STOP),
    (Command.MUTE, Command.UNMUTE),
    (Command.YES, Command.NO, Command.EASE),
)


def command_words() -> dict[Command, tuple[str, ...]]:
    """Every command with the phrases that say it, in the order PHRASES has them."""
    words: dict[Command, tuple[str, ...]] = {}
    for phrase, command in PHRASES.items():
        words[command] = (*words.get(command, ()), phrase)
    return words


class CommandCheck(QWidget):
    """Every command, ticked once the test has heard it: a person finds out
    before a session which of their words the recognizer hears from them.

    Accents, voices and rooms differ, and the model hears some people's "go
    on" less well than their "resume"; this is where they learn which to
    say (docs/PERFORMANCE.md has the figures for synthetic voices).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: dict[Command, QLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        words = command_words()
        for row, commands in enumerate(ROWS):
            for column, command in enumerate(commands):
                label = QLabel()
                label.setProperty("words", " / ".join(words[command]))
                self.labels[command] = label
                grid.addWidget(label, row, column)
        self.heard: set[Command] = set()
        self.clear()

    def clear(self) -> None:
        self.heard.clear()
        for command in self.labels:
            self._show(command)

    def mark(self, command: Command) -> None:
        self.heard.add(command)
        self._show(command)

    def _show(self, command: Command) -> None:
        label = self.labels[command]
        words = str(label.property("words"))
        heard = command in self.heard
        label.setText(f"\N{CHECK MARK} {words}" if heard else f"\N{WHITE CIRCLE} {words}")
        font = label.font()
        font.setBold(heard)
        label.setFont(font)
        # The tick and the weight say it; the colour only helps the eye.
        label.setForegroundRole(
            QPalette.ColorRole.WindowText if heard else QPalette.ColorRole.PlaceholderText
        )
        label.setAccessibleName(
            QCoreApplication.translate("MicrophoneTest", HEARD if heard else NOT_HEARD).replace(
                "%1", words
            )
        )


class MicrophoneTest(QWidget):
    """Level meter, the last command heard and the commands heard so far,
    while the test runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.button = QPushButton(self.tr("Test your microphone"))
        self.button.setCheckable(True)
        self.button.setMinimumHeight(32)
        self.meter = QProgressBar()
        self.meter.setRange(0, 100)
        self.meter.setTextVisible(False)
        self.meter.setAccessibleName(self.tr("Microphone level"))
        self.last = QLabel(self.tr("Last command: none yet"))
        role(self.last, self.tr("Last command heard"))
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.check = CommandCheck()
        self.hint = QLabel(self.tr(HINT))
        self.hint.setWordWrap(True)
        # As the section's explanation: a wrapped label asks for one line
        # until it knows its width, and the dialog sizes itself before that.
        self.hint.setMinimumHeight(self.hint.fontMetrics().lineSpacing() * 3)
        self.notice.setMinimumHeight(self.notice.fontMetrics().lineSpacing() * 2)
        self._words = ""
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addWidget(self.meter, 1)
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.addLayout(row)
        col.addWidget(self.last)
        col.addWidget(self.check)
        col.addWidget(self.hint)
        col.addWidget(self.notice)
        self.listener: Any = None
        self.device_id = b""
        self.button.toggled.connect(self._toggle)

    def _toggle(self, on: bool) -> None:
        if on:
            self.start()
        else:
            self.stop()

    def start(self) -> None:
        from stretchguide.qt.voice import VoiceListener

        self.stop()
        self.check.clear()
        self.last.setText(self.tr("Last command: none yet"))
        self.notice.setText(self.tr("Loading the speech engine…"))
        self.attach(VoiceListener(self, device_id=self.device_id))
        self.listener.start()

    def attach(self, listener: Any) -> None:
        """Show what ``listener`` hears (``start`` gives it the microphone)."""
        self.listener = listener
        listener.set_metering(True)
        listener.sig_level.connect(self.show_level)
        listener.sig_heard_text.connect(self.show_words)
        listener.sig_command.connect(self.show_command)
        listener.sig_no_command.connect(self.show_no_command)
        listener.sig_unavailable.connect(self.show_problem)
        listener.sig_notice.connect(self.notice.setText)
        listener.sig_listening.connect(self._listening)
        listener.sig_silent.connect(self._silent)

    def _listening(self, on: bool) -> None:
        if on:
            self.notice.setText(self.tr("Listening: say a command."))

    def _silent(self, silent: bool) -> None:
        self.notice.setText(
            self.tr("The microphone gives no sound at all: is it muted, or switched off?")
            if silent
            else self.tr("Listening: say a command.")
        )

    def stop(self) -> None:
        if self.listener is not None:
            self.listener.shutdown()
            self.listener.deleteLater()
            self.listener = None
        self.meter.setValue(0)

    def show_level(self, level: float) -> None:
        self.meter.setValue(round(level * 100))

    def show_words(self, words: str) -> None:
        """The words of the command about to be shown (the listener sends them first)."""
        self._words = words

    def show_command(self, value: str) -> None:
        try:
            command = Command(value)
        except ValueError:
            return
        from stretchguide.qt.voice import acknowledgement

        # The phrase the person said: the words heard are one of this
        # command's phrases, or begin with it ("stop stop", a slow "go on"
        # heard as "go on is"); else the second look chose the command, and
        # its first phrase stands for it.
        phrases = command_words()[command]
        words, self._words = self._words, ""
        said = next((p for p in phrases if f"{words} ".startswith(f"{p} ")), phrases[0])
        self.check.mark(command)
        self.notice.setText(self.tr("Listening: say a command."))
        self.last.setText(
            self.tr("Last command: “%1” (%2)")
            .replace("%1", said)
            .replace("%2", acknowledgement(command))
        )

    def show_no_command(self, _words: str) -> None:
        # Not the words themselves: the model fits what it heard to its own
        # few dozen words, and "the cat" for a mumbled "ouch" would puzzle.
        self.notice.setText(self.tr(NO_COMMAND))

    def show_problem(self, why: str) -> None:
        self.notice.setText(why)
        self.button.setChecked(False)


class VoiceSection(QGroupBox):
    """Opt-in switch, microphone choice and the test panel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Voice commands"))
        self.enabled = QCheckBox(self.tr("Listen for voice commands during a session"))
        self.enabled.setAccessibleName(self.tr("Voice commands"))
        self.explanation = QLabel(self.tr(EXPLANATION))
        self.explanation.setWordWrap(True)
        # A wrapped label asks for one line's height until it knows its width,
        # and the dialog sizes itself before that: reserve the lines it needs.
        self.explanation.setMinimumHeight(self.explanation.fontMetrics().lineSpacing() * 5)
        self.microphone = QComboBox()
        self.microphone.setAccessibleName(self.tr("Microphone"))
        self.test = MicrophoneTest()
        # Said under the choice, not only in the test: the microphone, not
        # the person's voice, is why commands go unheard.
        self.band = QLabel()
        self.band.setWordWrap(True)
        self.band.setMinimumHeight(self.band.fontMetrics().lineSpacing() * 3)
        self.band.hide()
        mic_row = QHBoxLayout()
        mic_label = QLabel(self.tr("&Microphone"))
        mic_label.setBuddy(self.microphone)
        mic_row.addWidget(mic_label)
        mic_row.addWidget(self.microphone, 1)
        # A box layout, not a form: a form gives the wrapped explanation one
        # line's height and cuts it off.
        col = QVBoxLayout(self)
        col.addWidget(self.enabled)
        col.addWidget(self.explanation)
        col.addLayout(mic_row)
        col.addWidget(self.band)
        col.addWidget(self.test)
        self.microphone.addItem(self.tr("System default"), "")
        # The device list is read only once voice commands are on: asking Qt
        # for microphones wakes the sound server, which opening Settings to
        # change a number should not do.
        self._filled = False
        self._saved_microphone = ""
        self.microphone.currentIndexChanged.connect(self._device_changed)
        self.enabled.toggled.connect(self._enable)
        self._enable(False)

    def _fill_microphones(self) -> None:
        from stretchguide.qt.microphones import microphones

        if not self._filled:
            # A microphone plugged in while the settings are open shows up.
            from stretchguide.qt.microphones import media_devices

            self._devices = media_devices()
            self._devices.audioInputsChanged.connect(self._refill)
        self._filled = True
        self.microphone.blockSignals(True)
        self.microphone.clear()
        self.microphone.addItem(self.tr("System default"), "")
        for device_id, name in microphones():
            self.microphone.addItem(name, device_id.hex())
        saved = self._saved_microphone
        if saved and self.microphone.findData(saved) < 0:
            # A headset unplugged for now stays the choice: shown, and saved
            # again as it was, not swapped for the default by an OK. Its id
            # is all that was saved (PulseAudio's is its readable name).
            name = bytes.fromhex(saved).decode("utf-8", "replace")
            self.microphone.addItem(self.tr("%1 (not plugged in)").replace("%1", name), saved)
        self.microphone.setCurrentIndex(max(0, self.microphone.findData(saved)))
        self.microphone.blockSignals(False)
        self._device_changed()

    @Slot()
    def _refill(self) -> None:
        """The list again, the choice kept (a running test goes on)."""
        self._saved_microphone = str(self.microphone.currentData() or "")
        self._fill_microphones()

    def _device_changed(self) -> None:
        device_id = bytes.fromhex(str(self.microphone.currentData() or ""))
        self._show_band(device_id)
        if device_id == self.test.device_id:
            return
        self.test.device_id = device_id
        if self.test.listener is not None:
            self.test.start()

    def _show_band(self, device_id: bytes) -> None:
        """Warn when the chosen microphone (or the default) records like a telephone."""
        from PySide6.QtMultimedia import QMediaDevices

        from stretchguide.qt.microphones import telephone_notice

        inputs = QMediaDevices.audioInputs()
        device = next((d for d in inputs if bytes(d.id().data()) == device_id), None)
        if device is None and not device_id:
            device = QMediaDevices.defaultAudioInput()
        text = telephone_notice(device) if device is not None and not device.isNull() else ""
        self.band.setText(text)
        self.band.setVisible(bool(text))

    def _enable(self, on: bool) -> None:
        if on and not self._filled:
            self._fill_microphones()
        self.microphone.setEnabled(on)
        self.test.setEnabled(on)
        if not on:
            self.test.button.setChecked(False)

    def load(self, prefs: Any) -> None:
        self._saved_microphone = prefs.microphone
        if self._filled:
            index = self.microphone.findData(prefs.microphone)
            self.microphone.setCurrentIndex(max(0, index))
        self.enabled.setChecked(prefs.voice_commands)
        self._enable(prefs.voice_commands)

    def save(self, prefs: Any) -> None:
        prefs.voice_commands = self.enabled.isChecked()
        if self._filled:  # otherwise the list was never shown: keep the choice
            prefs.microphone = str(self.microphone.currentData() or "")

    def close_test(self) -> None:
        self.test.button.setChecked(False)
        self.test.stop()
