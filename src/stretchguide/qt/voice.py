"""Voice commands in the app: microphone capture and the recognizer thread.

- `VoiceListener` opens the microphone with `QAudioSource` (16 kHz mono,
  16-bit) and hands each block to a `stretchguide.voice.recognizer.Recognizer`
  that lives on its own QThread, so the GUI thread only copies bytes. While
  the app speaks or plays a cue (the `CuePlayer` says when), blocks are passed
  as "ignore": the half-duplex gate. Audio is never written anywhere.
- `microphones()` lists what the settings offer.

The session screen's side (the router and the badge) is `qt/voice_screen.py`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal, Slot

from stretchguide.qt.i18n import QT_TRANSLATE_NOOP
from stretchguide.voice.commands import ACKNOWLEDGEMENTS, Command
from stretchguide.voice.duplex import HalfDuplexGate

SAMPLE_RATE = 16000


# The acknowledgements in the interface's language. The English lives with
# the commands (voice/commands.py, no Qt); these marks let lupdate extract
# it, and tests/qt/test_voice.py holds the two lists equal.
ACKNOWLEDGEMENT_TEXTS = (
    QT_TRANSLATE_NOOP("voice", "Paused"),
    QT_TRANSLATE_NOOP("voice", "Resuming"),
    QT_TRANSLATE_NOOP("voice", "Skipped"),
    QT_TRANSLATE_NOOP("voice", "Repeating"),
    QT_TRANSLATE_NOOP("voice", "This hurts"),
    QT_TRANSLATE_NOOP("voice", "Easing off"),
    QT_TRANSLATE_NOOP("voice", "Stop?"),
    QT_TRANSLATE_NOOP("voice", "Yes"),
    QT_TRANSLATE_NOOP("voice", "No"),
    QT_TRANSLATE_NOOP("voice", "Muted"),
    QT_TRANSLATE_NOOP("voice", "Sound on"),
)


def acknowledgement(command: Command) -> str:
    """What the screen shows for a heard command ("Paused"), translated."""
    return QCoreApplication.translate("voice", ACKNOWLEDGEMENTS[command])


class _Worker(QObject):
    """Runs the recognizer off the GUI thread."""

    sig_heard = Signal(str, str)
    """A command (its value) and the words heard."""
    sig_level = Signal(float)
    """Input level 0..1 of the latest block (only while metering)."""
    sig_ready = Signal()
    """The engine is loaded and listening."""
    sig_failed = Signal(str)
    """The engine could not start; the reason, for a person."""
    sig_other = Signal(str)
    """Words heard that are no command (the microphone test says so)."""

    def __init__(self) -> None:
        super().__init__()
        self._recognizer: Any = None
        self.metering = False

    @Slot()
    def start_engine(self) -> None:
        from stretchguide.voice.recognizer import Recognizer, VoiceUnavailableError

        try:
            self._recognizer = Recognizer()
        except VoiceUnavailableError as exc:
            self.sig_failed.emit(str(exc))
            return
        self.sig_ready.emit()

    @Slot(bytes, bool)
    def audio(self, pcm: bytes, listen: bool) -> None:
        if self.metering:
            from stretchguide.voice.acoustics import level

            self.sig_level.emit(level(pcm))
        r = self._recognizer
        if r is None:
            return
        if not listen:
            r.ignore(pcm)
            return
        commands = r.feed(pcm)
        # The recognizer keeps every utterance for voice-check's report; the
        # app reads them here and lets them go, or a day of listening would
        # keep them all.
        others = [u.text for u in r.utterances if u.command is None and u.text and not u.own_clip]
        r.utterances.clear()
        for heard in commands:
            self.sig_heard.emit(heard.command.value, heard.text)
        for text in others:
            self.sig_other.emit(text)


READ_EVERY_MS = 100


def _error_name(source: Any) -> str:
    """The audio source's error by name.

    Not compared with ``QAudio.Error.NoError``: since Qt 6.7 the enums live in
    ``QtAudio`` too, and on PySide6 6.11 ``QAudioSource.error()`` returns a
    ``QtAudio.Error``, which never equals its ``QAudio`` twin. Compared that
    way, every microphone "could not be opened" (and one that opened would
    "stop working" at its first state change). The names are the same in
    both and in every PySide6 this app supports.
    """
    return str(source.error().name)


class VoiceListener(QObject):
    """The microphone and the recognizer thread; emits commands on the GUI thread."""

    sig_command = Signal(str)
    """A recognised command (a `Command` value)."""
    sig_heard_text = Signal(str)
    """The words of the last recognised command."""
    sig_no_command = Signal(str)
    """Speech heard with no command in it: its words, as the model heard them."""
    sig_level = Signal(float)
    """Microphone level 0..1 (while `set_metering(True)`)."""
    sig_unavailable = Signal(str)
    """Voice commands cannot work here; one clear reason. Emitted once."""
    sig_listening = Signal(bool)
    """True when the microphone is open and the engine ready."""

    _sig_audio = Signal(bytes, bool)
    _sig_start_engine = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        device_id: bytes = b"",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.gate = HalfDuplexGate()
        self._device_id = device_id
        self._source: Any = None
        self._io: Any = None
        # The microphone is read on a timer, not on readyRead: see _open_microphone.
        self._poll = QTimer(self)
        self._poll.setObjectName("stretchguide-voice-poll")
        self._poll.setInterval(READ_EVERY_MS)
        self._poll.setTimerType(Qt.TimerType.CoarseTimer)
        self._poll.timeout.connect(self._read)
        self._failed = False
        self._ready = False
        self._thread = QThread(self)
        self._thread.setObjectName("stretchguide-voice")
        self._worker = _Worker()
        self._worker.moveToThread(self._thread)
        self._thread.finished.connect(self._worker.deleteLater)
        self._sig_audio.connect(self._worker.audio)
        self._sig_start_engine.connect(self._worker.start_engine)
        self._worker.sig_heard.connect(self._on_heard)
        self._worker.sig_other.connect(self.sig_no_command)
        self._worker.sig_level.connect(self.sig_level)
        self._worker.sig_ready.connect(self._on_ready)
        self._worker.sig_failed.connect(self._fail)

    @property
    def listening(self) -> bool:
        return self._ready and self._source is not None and not self._failed

    def attach_player(self, player: Any) -> None:
        """Close the gate whenever the cue player speaks or plays a sound."""
        if player is None:
            return
        player.sig_line_started.connect(self._line_started)
        player.sig_line_finished.connect(self._line_finished)
        player.sig_sound_played.connect(self._sound_played)

    def _line_started(self, *_: Any) -> None:
        self.gate.line_started(self.clock())

    def _line_finished(self, *_: Any) -> None:
        self.gate.line_finished(self.clock())

    def _sound_played(self, *_: Any) -> None:
        self.gate.sound_played(self.clock())

    def set_device(self, device_id: bytes) -> None:
        """The microphone to open at the next start (empty: the system default)."""
        self._device_id = device_id

    def set_metering(self, on: bool) -> None:
        self._worker.metering = on

    def start(self) -> None:
        """Open the microphone and load the engine (in the background)."""
        if self._source is not None or self._failed:
            return
        if not self._thread.isRunning():
            self._thread.start()
            self._sig_start_engine.emit()
        self._open_microphone()

    def _open_microphone(self) -> None:
        from PySide6.QtMultimedia import QAudioSource, QMediaDevices

        devices = QMediaDevices.audioInputs()
        device = next((d for d in devices if bytes(d.id().data()) == self._device_id), None)
        if device is None:
            device = QMediaDevices.defaultAudioInput()
        if device.isNull():
            self._fail(
                self.tr("No microphone was found. Voice commands are off; the keys still work.")
            )
            return
        fmt = microphone_format()
        if not device.isFormatSupported(fmt):
            self._fail(
                self.tr(
                    "The microphone cannot record 16 kHz mono sound. "
                    "Voice commands are off; the keys still work."
                )
            )
            return
        self._source = QAudioSource(device, fmt, self)
        # Room for five reads, should the GUI thread be late for one.
        self._source.setBufferSize(SAMPLE_RATE * 2 * READ_EVERY_MS * 5 // 1000)
        self._io = self._source.start()
        if self._io is None or _error_name(self._source) != "NoError":
            self._source = None
            self._fail(
                self.tr(
                    "The microphone could not be opened (it may be in use, or access was "
                    "denied). Voice commands are off; the keys still work."
                )
            )
            return
        # Read every 100 ms rather than on readyRead: PulseAudio hands Qt
        # 64 ms fragments, and each block crosses to the recognizer's thread.
        # Listening on a silent microphone through a real sound server took
        # 0.9-1.1 % of a core with readyRead and 0.8 % read every 100 ms,
        # of which Qt's capture alone is 0.5 % (docs/PERFORMANCE.md).
        self._poll.start()
        self._source.stateChanged.connect(self._on_state)
        self._emit_listening()

    @Slot()
    def _on_state(self) -> None:
        # No state argument: PySide6 6.11 cannot convert the QAudio::State of
        # stateChanged for a Python slot until the QAudio class has been
        # loaded ("cannot be converted", and the slot never runs). The error
        # is what matters, and it is read here.
        if self._source is not None and _error_name(self._source) not in (
            "NoError",
            "UnderrunError",
        ):
            self.stop()
            self._fail(
                self.tr(
                    "The microphone stopped working. Voice commands are off; the keys still work."
                )
            )

    @Slot()
    def _read(self) -> None:
        if self._io is None:
            return
        data = bytes(self._io.readAll().data())
        if data:
            self.feed(data)

    def feed(self, pcm: bytes) -> None:
        """One block of microphone audio (also how tests speak to the listener)."""
        self._sig_audio.emit(pcm, self.gate.listening(self.clock()))

    def _on_ready(self) -> None:
        self._ready = True
        self._emit_listening()

    def _emit_listening(self) -> None:
        self.sig_listening.emit(self.listening)

    def _on_heard(self, command: str, text: str) -> None:
        self.sig_heard_text.emit(text)
        self.sig_command.emit(command)

    def _fail(self, why: str) -> None:
        if self._failed:
            return
        self._failed = True
        self.sig_listening.emit(False)
        self.sig_unavailable.emit(why)

    def stop(self) -> None:
        """Close the microphone; the engine stays loaded for the next session."""
        self._poll.stop()
        if self._source is not None:
            self._source.stop()
            self._source.deleteLater()
        self._source = None
        self._io = None
        self.gate.reset()
        self.sig_listening.emit(False)

    def shutdown(self) -> None:
        self.stop()
        self._thread.quit()
        self._thread.wait(5000)


def microphone_format() -> Any:
    """What the recognizer hears: 16 kHz mono, 16-bit (a ``QAudioFormat``)."""
    from PySide6.QtMultimedia import QAudioFormat

    fmt = QAudioFormat()
    fmt.setSampleRate(SAMPLE_RATE)
    fmt.setChannelCount(1)
    fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
    return fmt


def microphones() -> list[tuple[bytes, str]]:
    """(device id, description) of every microphone Qt sees."""
    from PySide6.QtMultimedia import QMediaDevices

    return [(bytes(d.id().data()), d.description()) for d in QMediaDevices.audioInputs()]
