"""The "Voice commands" section of the settings dialog and its microphone test."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stretchguide.qt.i18n import QT_TRANSLATE_NOOP
from stretchguide.voice.commands import Command

EXPLANATION = QT_TRANSLATE_NOOP(
    "VoiceSection",
    "Say pause, go on, skip, back, ouch, stop, mute or unmute during a session. "
    "Listening happens on this computer only: the sound never leaves it and "
    "nothing is recorded to disk. The microphone is used only while a session runs "
    "or while you test it here.",
)


class MicrophoneTest(QWidget):
    """Level meter and the last command heard, while the test runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.button = QPushButton(self.tr("Test your microphone"))
        self.button.setCheckable(True)
        self.button.setMinimumHeight(32)
        self.setMinimumHeight(32 + 2 * self.fontMetrics().lineSpacing() + 12)
        self.meter = QProgressBar()
        self.meter.setRange(0, 100)
        self.meter.setTextVisible(False)
        self.meter.setAccessibleName(self.tr("Microphone level"))
        self.last = QLabel(self.tr("Last command: none yet"))
        self.last.setAccessibleName(self.tr("Last command heard"))
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addWidget(self.meter, 1)
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.addLayout(row)
        col.addWidget(self.last)
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
        self.notice.setText(self.tr("Loading the speech engine…"))
        self.listener = VoiceListener(self, device_id=self.device_id)
        self.listener.set_metering(True)
        self.listener.sig_level.connect(self.show_level)
        self.listener.sig_command.connect(self.show_command)
        self.listener.sig_unavailable.connect(self.show_problem)
        self.listener.sig_listening.connect(self._listening)
        self.listener.start()

    def _listening(self, on: bool) -> None:
        if on:
            self.notice.setText(self.tr("Listening: say a command."))

    def stop(self) -> None:
        if self.listener is not None:
            self.listener.shutdown()
            self.listener.deleteLater()
            self.listener = None
        self.meter.setValue(0)

    def show_level(self, level: float) -> None:
        self.meter.setValue(round(level * 100))

    def show_command(self, value: str) -> None:
        try:
            from stretchguide.qt.voice import acknowledgement

            text = acknowledgement(Command(value))
        except ValueError:
            return
        self.last.setText(self.tr("Last command: %1 (%2)").replace("%1", value).replace("%2", text))

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
        from stretchguide.qt.voice import microphones

        self._filled = True
        self.microphone.blockSignals(True)
        self.microphone.clear()
        self.microphone.addItem(self.tr("System default"), "")
        for device_id, name in microphones():
            self.microphone.addItem(name, device_id.hex())
        self.microphone.setCurrentIndex(max(0, self.microphone.findData(self._saved_microphone)))
        self.microphone.blockSignals(False)
        self._device_changed()

    def _device_changed(self) -> None:
        self.test.device_id = bytes.fromhex(str(self.microphone.currentData() or ""))
        if self.test.listener is not None:
            self.test.start()

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
