"""The microphone and the recognizer on their own thread (`VoiceWorker`).

`qt/voice.py`'s `VoiceListener` makes one, moves it to its thread and talks
to it by queued signals only: it chooses the microphone, the worker opens it,
reads it every `READ_EVERY_MS`, converts what it reads to what the
recognizer hears (`voice.wav.StreamConverter`), passes each block through
the half-duplex gate and sends back commands, levels and the microphone's
state. No audio leaves this thread, and none is written anywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from stretchguide.voice.acoustics import SAMPLE_BYTES, SAMPLE_RATE, all_zero

READ_EVERY_MS = 100

# A microphone that gives nothing but exact zeros for this long from when it
# opens is muted (a switch, the system's mute) or dead: a working one hears
# the noise of the room and of its own electronics. StretchGuide's figure,
# short enough to show before the first command is tried. Watched only
# until the first sound: a noise suppressor that gates the quiet between
# words to exact zeros would otherwise make the warning come and go all
# session.
SILENT_S = 3.0


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


class VoiceWorker(QObject):
    """The microphone and the recognizer, on their own thread."""

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
    sig_microphone_open = Signal(int, bool)
    """The microphone of that request (its number) opened, or could not."""
    sig_microphone_broke = Signal()
    """The open microphone stopped with an error."""
    sig_silent = Signal(bool)
    """The microphone has given only exact zeros for `SILENT_S` since it
    opened (True), or its first sound after that (False)."""

    def __init__(self, listen: Callable[[], bool]) -> None:
        super().__init__()
        self._recognizer: Any = None
        self._listen = listen  # the half-duplex gate, read at each block
        self.metering = False
        self._source: Any = None
        self._io: Any = None
        self._convert: Callable[[bytes], bytes] = bytes
        self._zeros_s = 0.0  # exact zeros heard since the microphone opened
        self._sounded = False  # has given a sound since it opened
        # Read on a timer, not on readyRead: see open_microphone. A child, so
        # it moves to the thread with its parent.
        self._poll = QTimer(self)
        self._poll.setObjectName("stretchguide-voice-poll")
        self._poll.setInterval(READ_EVERY_MS)
        self._poll.setTimerType(Qt.TimerType.CoarseTimer)
        self._poll.timeout.connect(self._read)

    @Slot()
    def start_engine(self) -> None:
        from stretchguide.voice.recognizer import Recognizer, VoiceUnavailableError

        try:
            self._recognizer = Recognizer()
        except VoiceUnavailableError as exc:
            self.sig_failed.emit(exc.user_message)  # in the language of core's words
            return
        self.sig_ready.emit()

    @Slot(int, object, object)
    def open_microphone(self, request: int, device: Any, fmt: Any) -> None:
        from PySide6.QtMultimedia import QAudioSource

        from stretchguide.voice.wav import StreamConverter

        self.close_microphone()
        source = QAudioSource(device, fmt, self)
        # Room for five reads, should a read be late.
        source.setBufferSize(fmt.bytesForDuration(READ_EVERY_MS * 5 * 1000))
        io = source.start()
        if io is None or _error_name(source) != "NoError":
            source.deleteLater()
            self.sig_microphone_open.emit(request, False)
            return
        self._source, self._io = source, io
        self._convert = StreamConverter(
            fmt.sampleFormat().name, fmt.channelCount(), fmt.sampleRate()
        )
        source.stateChanged.connect(self._on_state)
        # Read every 100 ms on this thread rather than on readyRead: PulseAudio
        # hands Qt 64 ms fragments. Listening on a silent microphone through a
        # real sound server took 0.9-1.1 % of a core read on readyRead in the
        # GUI thread, 0.8 % read there every 100 ms (each block then crossed
        # to this thread) and 0.74 % read here, of which Qt's capture alone
        # is 0.45 % (docs/PERFORMANCE.md).
        self._poll.start()
        self.sig_microphone_open.emit(request, True)

    @Slot()
    def close_microphone(self) -> None:
        self._poll.stop()
        if self._silent:
            self.sig_silent.emit(False)
        self._zeros_s, self._sounded = 0.0, False
        if self._source is not None:
            self._source.stop()
            self._source.deleteLater()  # may be inside its own signal
        self._source = None
        self._io = None

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
            self.close_microphone()
            self.sig_microphone_broke.emit()

    @Slot()
    def _read(self) -> None:
        if self._io is None:
            return
        data = self._convert(bytes(self._io.readAll().data()))
        if data:
            self.audio(data, self._listen())

    @Slot(bytes, bool)
    def audio(self, pcm: bytes, listen: bool) -> None:
        self._watch_silence(pcm)
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

    @property
    def _silent(self) -> bool:
        """Said to be silent: only zeros for `SILENT_S` since it opened."""
        return not self._sounded and self._zeros_s >= SILENT_S

    def _watch_silence(self, pcm: bytes) -> None:
        if self._sounded:
            return
        was = self._silent
        if all_zero(pcm):
            self._zeros_s += len(pcm) / (SAMPLE_BYTES * SAMPLE_RATE)
        else:
            self._sounded = True
        if self._silent != was:
            self.sig_silent.emit(self._silent)
