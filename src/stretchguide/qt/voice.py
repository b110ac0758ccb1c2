"""Voice commands in the app: microphone capture and the recognizer thread.

- `VoiceListener` chooses the microphone and hears the commands on the GUI
  thread. Its `VoiceWorker` (`qt/voice_worker.py`) opens the microphone
  with `QAudioSource` (16 kHz mono, 16-bit, or the microphone's own format
  converted to it) on the thread of its
  `stretchguide.voice.recognizer.Recognizer`, so the audio never passes
  through the GUI thread. While the app speaks or plays a cue (the
  `CuePlayer` says when), blocks are passed as "ignore": the half-duplex
  gate. Audio is never written anywhere.
- Which microphones there are, whether the app may use them and the format
  each is recorded in: `qt/microphones.py`.

The session screen's side (the router and the badge) is `qt/voice_screen.py`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QMetaObject,
    QObject,
    Qt,
    QThread,
    QTimer,
    Signal,
    Slot,
)

from stretchguide.qt.i18n import QT_TRANSLATE_NOOP
from stretchguide.qt.voice_worker import VoiceWorker
from stretchguide.voice.commands import ACKNOWLEDGEMENTS, Command
from stretchguide.voice.duplex import HalfDuplexGate

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
    """Voice commands stopped, or cannot start; one clear reason (not repeated)."""
    sig_notice = Signal(str)
    """Listening goes on with a change to know of: another microphone."""
    sig_listening = Signal(bool)
    """True when the microphone is open and the engine ready."""
    sig_silent = Signal(bool)
    """The open microphone gives no sound at all (muted?), or sound again."""
    sig_deaf = Signal(bool)
    """The app speaks (or its echo lasts): what is said now is not heard; or heard again."""

    _sig_audio = Signal(bytes, bool)
    _sig_start_engine = Signal()
    _sig_open = Signal(int, object, object)
    _sig_close = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        device_id: bytes = b"",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.gate = HalfDuplexGate()
        # The gate is moved by the cue player on this thread and read by the
        # microphone's thread at every block.
        self._gate_lock = threading.Lock()
        self._deaf = False  # the gate as last said (sig_deaf)
        # The gate opens again by time after a line's echo tail, with no
        # event to say so: this looks again then.
        self._reopen = QTimer(self)
        self._reopen.setSingleShot(True)
        self._reopen.timeout.connect(self._gate_moved)
        self._device_id = device_id
        self._wanted = False  # between start() and stop()
        self._requests = 0  # microphones asked for so far
        self._request = 0  # the one being opened or open; 0: none
        self._device: Any = None  # its QAudioDevice
        self._announce = False  # say which microphone once it opens
        self._asking = False  # the system is asking the person for the microphone
        self._problem = ""  # the last reason given, not given twice in a row
        self._devices: Any = None  # QMediaDevices, once started
        self._open = False
        self._failure = ""  # why the engine cannot run; set, it is for good
        self._ready = False
        self._thread = QThread(self)
        self._thread.setObjectName("stretchguide-voice")
        self._worker = VoiceWorker(self._gate_open)
        self._worker.moveToThread(self._thread)
        self._thread.finished.connect(self._worker.deleteLater)
        self._sig_audio.connect(self._worker.audio)
        self._sig_start_engine.connect(self._worker.start_engine)
        self._sig_open.connect(self._worker.open_microphone)
        self._sig_close.connect(self._worker.close_microphone)
        self._worker.sig_heard.connect(self._on_heard)
        self._worker.sig_other.connect(self.sig_no_command)
        self._worker.sig_level.connect(self.sig_level)
        self._worker.sig_ready.connect(self._on_ready)
        self._worker.sig_failed.connect(self._engine_failed)
        self._worker.sig_microphone_open.connect(self._on_microphone_open)
        self._worker.sig_microphone_broke.connect(self._on_microphone_broke)
        self._worker.sig_silent.connect(self.sig_silent)

    @property
    def listening(self) -> bool:
        return self._ready and self._open and not self._failure

    def attach_player(self, player: Any) -> None:
        """Close the gate whenever the cue player speaks or plays a sound."""
        if player is None:
            return
        player.sig_line_started.connect(self._line_started)
        player.sig_line_finished.connect(self._line_finished)
        player.sig_sound_played.connect(self._sound_played)

    def _line_started(self, *_: Any) -> None:
        with self._gate_lock:
            self.gate.line_started(self.clock())
        self._gate_moved()

    def _line_finished(self, *_: Any) -> None:
        with self._gate_lock:
            self.gate.line_finished(self.clock())
        self._gate_moved()

    def _sound_played(self, *_: Any) -> None:
        with self._gate_lock:
            self.gate.sound_played(self.clock())
        self._gate_moved()

    @Slot()
    def _gate_moved(self) -> None:
        """Say when the app's own sound makes the microphone deaf, and when it
        hears again: a command said meanwhile is lost, and the badge that
        said "Listening" through it left the person calling out in vain."""
        now = self.clock()
        with self._gate_lock:
            deaf = not self.gate.listening(now)
            reopens = self.gate.reopens_in(now)
        if deaf and reopens:
            # At least 50 ms: a clock that does not move (a test's) must not spin.
            self._reopen.start(max(50, round(reopens * 1000)))
        if deaf != self._deaf:
            self._deaf = deaf
            self.sig_deaf.emit(deaf)

    def _gate_open(self) -> bool:
        """May the block just read be heard? (Called from either thread.)"""
        with self._gate_lock:
            return self.gate.listening(self.clock())

    def set_device(self, device_id: bytes) -> None:
        """The microphone to open at the next start (empty: the system default)."""
        self._device_id = device_id

    def set_metering(self, on: bool) -> None:
        self._worker.metering = on

    def start(self) -> None:
        """Open the microphone and load the engine (both in the background).

        The chosen microphone, else the system's default. Until `stop`, one
        plugged in is taken up (the chosen one come back, a new default, any
        at all when there was none), with a word for the person, as when
        another than the chosen one listens from the start. One
        unplugged is not followed: with PulseAudio the server moves the
        stream to the default microphone itself, and Qt 6.11 does not always
        notice the unplugging (docs/ARCHITECTURE.md).
        """
        if self._wanted:
            return
        if self._failure:  # each session says so again
            self._give_reason(self._failure)
            return
        self._wanted = True
        if not self._thread.isRunning():
            self._thread.start()
            self._sig_start_engine.emit()
        if self._devices is None:
            from stretchguide.qt.microphones import media_devices

            self._devices = media_devices()
            self._devices.audioInputsChanged.connect(self._inputs_changed)
        self._follow(announce=False)

    @Slot()
    def _inputs_changed(self) -> None:
        if self._wanted and not self._failure:
            self._follow(announce=True)

    def _follow(self, announce: bool) -> None:
        """Listen with the microphone to use now, if that is another one."""
        device, fmt, why = self._choose_microphone()
        if device is not None and self._device is not None and device.id() == self._device.id():
            return  # still the one open (or being opened)
        # Opening another microphone closes the one before on its thread.
        if self._request and device is None:
            self._sig_close.emit()
        self._request = 0
        self._device = device
        self._open = False
        if device is None:
            if why:  # none while the system asks the person
                self._give_reason(why)
            return
        # Numbered, so an answer to a request given up since is not taken for
        # the answer to the next one.
        self._requests += 1
        self._request = self._requests
        # Said at the start too when the chosen one is not there: the person
        # should know another microphone listens.
        self._announce = announce or self._device_id not in (b"", bytes(device.id().data()))
        self._sig_open.emit(self._request, device, fmt)

    def _choose_microphone(self) -> tuple[Any, Any, str]:
        """The chosen microphone, else the system's default, and the format
        to record in; else None, None and why."""
        from PySide6.QtMultimedia import QMediaDevices

        from stretchguide.qt import microphones

        permission = microphones.microphone_permission()
        if permission == "undetermined":
            if not self._asking:
                self._asking = True
                microphones.ask_for_microphone(self, self._permission_answered)
            return None, None, ""
        if permission == "denied":
            return None, None, self._denied()
        devices = QMediaDevices.audioInputs()
        device = next((d for d in devices if bytes(d.id().data()) == self._device_id), None)
        if device is None:
            device = QMediaDevices.defaultAudioInput()
        if device.isNull():
            return (
                None,
                None,
                self.tr("No microphone was found. Voice commands are off; the keys still work."),
            )
        fmt = microphones.recording_format(device)
        if fmt is None:
            return (
                None,
                None,
                self.tr(
                    "The microphone records in no sound format this app can read. "
                    "Voice commands are off; the keys still work."
                ),
            )
        return device, fmt, ""

    def _denied(self) -> str:
        return self.tr(
            "StretchGuide may not use the microphone. To use voice commands, allow it in "
            "the system's privacy settings (Microphone). The keys still work."
        )

    def _permission_answered(self, granted: bool) -> None:
        self._asking = False
        if not self._wanted:
            return  # the session ended meanwhile; the next one looks again
        if granted:
            self._follow(announce=False)
        else:
            self._give_reason(self._denied())

    @Slot(int, bool)
    def _on_microphone_open(self, request: int, ok: bool) -> None:
        if request != self._request:
            return  # given up since it was asked for
        if not ok:
            self._request = 0
            self._device = None  # another device change tries it again
            self._give_reason(
                self.tr(
                    "The microphone could not be opened (it may be in use, or access was "
                    "denied). Voice commands are off; the keys still work."
                )
            )
            return
        self._open = True
        self._problem = ""
        self._emit_listening()
        from stretchguide.qt.microphones import telephone_notice

        words = []
        if self._announce:
            words.append(self.tr("Listening with “%1”.").replace("%1", self._device.description()))
        words.append(telephone_notice(self._device))  # every session: it explains misses
        if said := " ".join(filter(None, words)):
            self.sig_notice.emit(said)

    @Slot()
    def _on_microphone_broke(self) -> None:
        if not self._request:
            return
        self._request = 0
        self._open = False
        # A device change may bring it, or another one, back: _follow then
        # opens it (the device is forgotten so that it counts as new).
        self._device = None
        self._give_reason(
            self.tr("The microphone stopped working. Voice commands are off; the keys still work.")
        )

    def feed(self, pcm: bytes) -> None:
        """One block of microphone audio (also how tests speak to the listener)."""
        self._sig_audio.emit(pcm, self._gate_open())

    def _on_ready(self) -> None:
        self._ready = True
        self._emit_listening()

    def _emit_listening(self) -> None:
        self.sig_listening.emit(self.listening)

    def _on_heard(self, command: str, text: str) -> None:
        self.sig_heard_text.emit(text)
        self.sig_command.emit(command)

    def _engine_failed(self, why: str) -> None:
        self._failure = why
        self._give_reason(why)

    def _give_reason(self, why: str) -> None:
        """Voice commands are off for now; say why, once."""
        if why == self._problem:
            return
        self._problem = why
        self.sig_listening.emit(False)
        self.sig_unavailable.emit(why)

    def stop(self) -> None:
        """Close the microphone; the engine stays loaded for the next session."""
        if self._request:
            self._sig_close.emit()
        self._wanted = False
        self._request = 0
        self._device = None
        self._problem = ""
        self._open = False
        with self._gate_lock:
            self.gate.reset()
        self._reopen.stop()
        self._gate_moved()
        self.sig_listening.emit(False)

    def shutdown(self) -> None:
        self.stop()
        if self._thread.isRunning():
            # Closed on its own thread before that thread ends; a queued
            # close could still be waiting when the loop quits.
            QMetaObject.invokeMethod(
                self._worker, "close_microphone", Qt.ConnectionType.BlockingQueuedConnection
            )
        self._thread.quit()
        self._thread.wait(5000)
