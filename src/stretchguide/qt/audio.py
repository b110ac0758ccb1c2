# Why this file stays whole (about 660 lines): it is one class, CuePlayer, and the
# one clip sink it falls back to. Beeps, the speech engine and the clips share
# one output's state (what is sounding, the beep-to-voice gap, the stuck-engine
# timeouts, the line queue); split apart, that state would cross modules.
"""Plays the session's cues: beeps, and a voice that never talks over itself.

The app's seam is :class:`CuePlayer`::

    player = CuePlayer(parent, language="de", recorded=cues.recorded_clips(
        translate_catalog(builtin, "de").exercises.values()))   # cheap; nothing loads yet
    player.sig_status.connect(status_bar.showMessage)
    player.prepare(exercises)                  # when a session starts: loads sounds,
                                               # picks the speech layer (Exercise objects
                                               # or ids; they decide "leg" vs "side")
    player.handle(session.tick(now))           # every tick, with the engine's events
    player.set_voice_enabled(True); player.set_beeps_enabled(True)
    player.set_volume(0.8); player.set_muted(not player.muted)   # M in the session
    player.shutdown()                          # when the session view closes

Volume is 0.0-1.0 (the settings store 0-100). Feed ``handle`` the events of
control calls too (pause, next, stop...), not only of ticks: they flush
stale speech. Signals: ``sig_status(str)`` (once per problem),
``sig_line_started(text, backend)``, ``sig_line_finished(text)``,
``sig_sound_played(name)``.

Known cost: creating the speech-dispatcher engine blocks the calling thread
for ~1.5 s (it connects and lists ~300 voices). ``prepare()`` does it the
first time; call ``warm_up()`` earlier, at a moment a short stall does not
matter, to move it there. (Running the engine on a worker QThread crashed
PySide6 6.11 intermittently, so it stays on the GUI thread.)

What is said and played for each event is decided in
:mod:`stretchguide.core.cues`; this module only makes it audible.

Layers, each optional, chosen in :meth:`CuePlayer.prepare`:

* **Beeps**: one preloaded ``QSoundEffect`` per cue sound, so the first cue
  of a session does not wait for a file to load.
* **Voice**: ``QTextToSpeech`` when an engine really works (offered by
  ``availableEngines()``, not in the error state, a voice for the app's
  language available; the locale is set explicitly because
  speech-dispatcher otherwise picks whatever the environment says, and an
  engine without that language is not used: German text is never read by
  an English voice). Otherwise the recorded clips of that language
  (``resources/sounds/voice/`` for English, ``voice/<lang>/`` for the
  others) played back to back through one ``QAudioSink``. If the engine
  errors, or does not start speaking within a few seconds of being asked,
  the player switches to the clips for the rest of its life and says so
  once.
* Neither QtMultimedia nor an output device: the session runs with its
  visual cues only; ``sig_status`` says so once. Nothing here raises into
  the session or opens a dialog (DESIGN.md convention 8).

A beep and the line of the same moment are ordered: the line waits until
the beep has finished. Lines wait in a :class:`~stretchguide.core.cues.
LineQueue` and are dropped when they would start too late to be true.
"""

from __future__ import annotations

import logging
import time
import wave
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QLocale, QObject, QTimer, Signal

from stretchguide.clip_files import ClipFormatError, read_clip
from stretchguide.core.catalog import Exercise
from stretchguide.core.cues import Cue, Line, LineQueue, Sound, clip_resource, cues_for
from stretchguide.core.i18n import SOURCE_LANGUAGE, current_language
from stretchguide.core.session import Event
from stretchguide.qt.assets import MissingAssetError, asset_path

log = logging.getLogger(__name__)

BEEP_TO_VOICE_GAP_S = 0.06  # breath between a beep's tail and the voice
SPEECH_START_TIMEOUT_MS = 4000  # engine asked to speak but silent this long: broken
SPEECH_MAX_MS = 20_000  # no single line is this long; an engine stuck "speaking" is broken
CLIP_RATE = 16_000  # tools/gen_voice.py records at this rate

# Regional English voices by territory, for engines whose voice names say
# which English they speak (speech-dispatcher + espeak-ng do).
_VOICE_HINTS = {
    "UnitedStates": "America",
    "UnitedKingdom": "Great Britain",
    "Australia": "Austral",
    "Canada": "Canad",
    "Ireland": "Ireland",
    "India": "India",
    "NewZealand": "Zealand",
    "SouthAfrica": "Africa",
}


def _enum_name(value: Any) -> str:
    return getattr(value, "name", str(value))


def english_locale_for(ui: QLocale) -> QLocale:
    """The UI's own locale when it is English, else US English (the app's text)."""
    if ui.language() == QLocale.Language.English:
        return ui
    return QLocale("en_US")


def speech_locale_for(lang: str, ui: QLocale) -> QLocale:
    """The locale to speak ``lang`` in: the UI's region when it speaks it (de_AT), else the
    language's main one (de_DE); English keeps :func:`english_locale_for`."""
    if lang == SOURCE_LANGUAGE:
        return english_locale_for(ui)
    wanted = QLocale(lang)
    return ui if ui.language() == wanted.language() else wanted


def pick_locale(available: list[QLocale], target: QLocale) -> QLocale | None:
    """``target`` if offered, else another region of its language, else None."""
    exact = [loc for loc in available if loc.name() == target.name()]
    if exact:
        return exact[0]
    same = [loc for loc in available if loc.language() == target.language()]
    return min(same, key=lambda loc: loc.name()) if same else None


def pick_voice(voices: list[Any], locale: QLocale) -> Any | None:
    """The plainest voice for ``locale``: exact locale, base voice, regional name.

    Only a voice of the locale's language: none at all beats the wrong one.
    """
    same = [v for v in voices if v.locale().name() == locale.name()]
    if not same:
        same = [v for v in voices if v.locale().language() == locale.language()]
    if not same:
        return None
    hint = _VOICE_HINTS.get(_enum_name(locale.territory()), "")

    def score(v: Any) -> tuple[int, int, int]:
        name = v.name()
        return (
            0 if hint and hint in name else 1,
            0 if "+" not in name else 1,  # speechd variants: "English (America)+Max"
            0 if "," not in name else 1,  # city accents: "English (America, New York City)"
        )

    return min(same, key=score)


class _ClipVoice(QObject):
    """Plays recorded clips back to back through one QAudioSink."""

    def __init__(self, device: Any, parent: QObject, on_done: Callable[[], None]) -> None:
        super().__init__(parent)
        from PySide6.QtCore import QBuffer
        from PySide6.QtMultimedia import QAudio, QAudioFormat, QAudioSink

        self._QBuffer = QBuffer
        self._idle = QAudio.State.IdleState
        self._stopped = QAudio.State.StoppedState
        fmt = QAudioFormat()
        fmt.setSampleRate(CLIP_RATE)
        fmt.setChannelCount(1)
        fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        self._sink = QAudioSink(device, fmt, self)
        self._sink.stateChanged.connect(self._on_state)
        self._buffer: Any = None
        self._clips: dict[str, bytes] = {}
        self._on_done = on_done
        self.speaking = False

    def load(self, keys: Iterable[str], lang: str) -> list[str]:
        """Read ``lang``'s clips into memory; returns the keys that have no file."""
        missing = []
        for key in keys:
            if key in self._clips:
                continue
            try:
                clip = read_clip(asset_path(clip_resource(key, lang)))
                if clip.rate != CLIP_RATE:
                    raise ClipFormatError(f"{key}: {clip.rate} Hz, not {CLIP_RATE}")
                self._clips[key] = clip.pcm
            except (MissingAssetError, ClipFormatError):
                missing.append(key)
        return missing

    def say(self, line: Line) -> bool:
        pcm = b"".join(self._clips[k] for k in line.clips if k in self._clips)
        if not pcm:
            return False
        self.stop()
        buf = self._QBuffer(self)
        buf.setData(QByteArray(pcm))
        buf.open(self._QBuffer.OpenModeFlag.ReadOnly)
        self._buffer = buf
        self.speaking = True
        self._sink.start(buf)
        return True

    def stop(self) -> None:
        if self.speaking:
            self.speaking = False
            self._sink.stop()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None

    def set_volume(self, volume: float) -> None:
        self._sink.setVolume(volume)

    def _on_state(self, state: Any) -> None:
        if state in (self._idle, self._stopped) and self.speaking:
            self.speaking = False
            self._sink.stop()
            self._on_done()


class CuePlayer(QObject):
    """Turns session events into sound; see the module docstring for the API."""

    sig_status = Signal(str)
    """A one-line, human-readable note about audio (shown once in the status line)."""

    sig_sound_played = Signal(str)
    """A cue sound was started (its ``Sound`` value); for captions, tests and the bench."""

    sig_line_queued = Signal(str)
    """A line was handed to the speech queue (its text), in event order."""

    sig_line_started = Signal(str, str)
    """A line began to be spoken: (text, backend) with backend "tts" or "clips"."""

    sig_line_finished = Signal(str)
    """The line being spoken ended (or was cut off by a skip, stop or mute)."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        speech_engine: str | None = None,
        locale: QLocale | None = None,
        clock: Callable[[], float] = time.monotonic,
        recorded: Mapping[str, str] | None = None,
        language: str | None = None,
    ) -> None:
        """``speech_engine``: None picks a real engine, "" never uses one, "mock" is for tests.

        ``language``: what to speak ("de"); None follows the app's
        (``core.i18n.current_language()``, read when the player opens).

        ``recorded``: what the voice clips of the exercises say in that
        language (``core.cues.recorded_clips`` of the built-in catalog
        translated to it). Without it the player reads the built-in catalog
        itself, on first use.
        """
        super().__init__(parent)
        self._recorded = recorded
        self._engine_choice = speech_engine
        self._locale = locale or QLocale()
        self._language = language
        self._clock = clock
        self._queue = LineQueue()
        self._exercises: dict[str, Exercise] = {}
        self._voice_enabled = True
        self._beeps_enabled = True
        self._volume = 1.0
        self._muted = False
        self._prepared = False
        self._visual_only = False
        self._told: set[str] = set()

        self._effects: dict[Sound, Any] = {}
        self._durations: dict[Sound, float] = {}
        self._device: Any = None
        self._tts: Any = None
        self._tts_broken = False
        self._clips: _ClipVoice | None = None
        self._speaking: str = ""  # "", "tts" or "clips"
        self._line_text = ""
        self._tts_started = False
        self._tts_state: Any = None

        self._pump_timer = QTimer(self)
        self._pump_timer.setSingleShot(True)
        self._pump_timer.timeout.connect(self._pump)
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._speech_stuck)

    # -- public API ---------------------------------------------------------

    @property
    def voice_backend(self) -> str:
        """ "tts", "clips" or "none": what speaks lines right now."""
        if self._tts is not None and not self._tts_broken:
            return "tts"
        if self._clips is not None:
            return "clips"
        return "none"

    @property
    def language(self) -> str:
        """The language lines are spoken in (and whose clips are played)."""
        if self._language is None:
            self._language = current_language()
        return self._language

    @property
    def recorded(self) -> Mapping[str, str]:
        """What the exercises' voice clips say in :attr:`language` (see ``__init__``)."""
        if self._recorded is None:
            from stretchguide.core.catalog import load_builtin
            from stretchguide.core.cues import recorded_clips
            from stretchguide.core.i18n import translate_catalog

            # The window makes its player without the catalog at hand;
            # the built-in catalog is parsed once per process anyway. The
            # clips of a language are recorded from its translation.
            builtin = translate_catalog(load_builtin(), self.language)
            self._recorded = recorded_clips(builtin.exercises.values())
        return self._recorded

    @property
    def beeps_available(self) -> bool:
        return bool(self._effects)

    @property
    def muted(self) -> bool:
        return self._muted

    def warm_up(self) -> None:
        """Open the audio devices and the speech engine now (blocks ~1.5 s with speechd)."""
        if not self._prepared:
            self._prepared = True
            self._open_audio()

    def prepare(self, exercises: Iterable[Exercise | str] | Mapping[str, Exercise] = ()) -> None:
        """Load everything a session needs; call when it starts (cheap the second time)."""
        items = exercises.values() if isinstance(exercises, Mapping) else exercises
        ids: list[str] = []
        for item in items:
            if isinstance(item, Exercise):
                self._exercises[item.id] = item
                ids.append(item.id)
            else:
                ids.append(item)
        self._queue.clear()
        if not self._prepared:
            self._prepared = True
            self._open_audio()
        if self._clips is not None:
            from stretchguide.core.cues import clips_needed

            needed = clips_needed(ids, self.recorded, lang=self.language)
            self._clips.load(sorted(needed), self.language)

    def handle(self, events: Iterable[Event]) -> None:
        """Play what these events (from one tick or control call) call for."""
        events = list(events)
        if not events:
            return
        if not self._prepared:
            self.prepare()
        cues = cues_for(events, self._exercises, self.recorded, lang=self.language)
        now = self._clock()
        # A late tick can carry several moments: only the newest beep still
        # means something, but every line goes to the queue, which knows
        # which are stale.
        for i, cue in enumerate(cues):
            self._play_cue(cue, now, beep=i == len(cues) - 1)

    def say(self, text: str, clips: tuple[str, ...] = ()) -> None:
        """Speak a line that belongs to no session event (a question on screen).

        It replaces whatever was queued; with recorded clips only, just the
        ``clips`` given are played.
        """
        self._play_cue(
            Cue(None, Line(text, clips, 3.0, urgent=True), flush=True), self._clock(), beep=False
        )

    def set_voice_enabled(self, on: bool) -> None:
        self._voice_enabled = on
        if not on:
            self._silence_speech()
        elif self._prepared and self._tts is None and self._clips is None:
            self._open_voice()  # prepared while the voice was off

    def set_beeps_enabled(self, on: bool) -> None:
        self._beeps_enabled = on

    def set_volume(self, volume: float) -> None:
        """0.0-1.0, applied to beeps, the engine's voice and the clips alike."""
        self._volume = max(0.0, min(1.0, volume))
        for effect in self._effects.values():
            effect.setVolume(self._volume)
        if self._tts is not None:
            self._tts.setVolume(self._volume)
        if self._clips is not None:
            self._clips.set_volume(self._volume)

    def set_muted(self, muted: bool) -> None:
        self._muted = muted
        for effect in self._effects.values():
            effect.setMuted(muted)
        if muted:
            self._silence_speech()

    def shutdown(self) -> None:
        """Stop everything and let go of the audio devices."""
        self._silence_speech()
        self._watchdog.stop()
        for effect in self._effects.values():
            effect.stop()
            effect.deleteLater()
        self._effects.clear()
        if self._tts is not None:
            self._tts.deleteLater()
            self._tts = None
        if self._clips is not None:
            self._clips.deleteLater()
            self._clips = None
        self._prepared = False

    # -- set-up ---------------------------------------------------------------

    def _tell(self, key: str, message: str) -> None:
        if key not in self._told:
            self._told.add(key)
            log.info("audio: %s", message)
            self.sig_status.emit(message)

    def _open_audio(self) -> None:
        device = None
        try:
            from PySide6.QtMultimedia import QMediaDevices
        except ImportError as exc:  # no libpulse / libasound, or a stripped build
            log.info("QtMultimedia unavailable: %s", exc)
        else:
            device = QMediaDevices.defaultAudioOutput()
            if device.isNull() and QMediaDevices.audioOutputs():
                device = QMediaDevices.audioOutputs()[0]
        if device is None or device.isNull():
            self._visual_only = True
            if self._voice_enabled:
                self._open_voice()
            self._tell("visual", self.tr("No sound output found: cues are shown on screen only."))
            return
        self._device = device
        self._load_effects(device)
        # With the voice off, do not pay for the speech engine (speechd blocks
        # ~1.5 s while it opens); set_voice_enabled(True) opens it on demand.
        if self._voice_enabled:
            self._open_voice()

    def _open_voice(self) -> None:
        # Without an output device only the mock engine is worth opening: it
        # needs none, and tests still hear its lines.
        choice = self._engine_choice
        if choice != "" and (self._device is not None or choice == "mock"):
            self._open_speech()
        if self._tts is None:
            self._open_clips()  # needs the device; does nothing without one

    def _load_effects(self, device: Any) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        for sound in Sound:
            try:
                path = asset_path(sound.resource)
                with wave.open(str(path), "rb") as w:
                    self._durations[sound] = w.getnframes() / w.getframerate()
            except (MissingAssetError, OSError, wave.Error):
                self._tell("sounds", self.tr("Some cue sounds are missing; the voice carries on."))
                continue
            effect = QSoundEffect(device, self)
            effect.setSource(asset_url_for(path))
            effect.setVolume(self._volume)
            effect.setMuted(self._muted)
            self._effects[sound] = effect

    def _open_speech(self) -> None:
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:
            return
        engines = list(QTextToSpeech.availableEngines())
        choice = self._engine_choice
        if choice is None:
            # "mock" is Qt's test double: it speaks nothing out loud.
            real = [e for e in engines if e != "mock"]
            if not real:
                return
            choice = real[0]
        elif choice not in engines:
            return
        tts = QTextToSpeech(choice, self)
        if tts.state() == QTextToSpeech.State.Error:
            log.info("speech engine %s failed: %s", choice, tts.errorString())
            tts.deleteLater()
            return
        target = speech_locale_for(self.language, self._locale)
        locale = pick_locale(list(tts.availableLocales()), target)
        if locale is None:
            # Never read the language's text with another language's voice.
            log.info("speech engine %s has no %s voice", choice, target.name())
            tts.deleteLater()
            return
        tts.setLocale(locale)
        voice = pick_voice(list(tts.availableVoices()), tts.locale())
        if voice is None or voice.locale().language() != locale.language():
            log.info("speech engine %s offers %s but no voice for it", choice, locale.name())
            tts.deleteLater()
            return
        tts.setVoice(voice)
        tts.setVolume(self._volume)
        tts.stateChanged.connect(self._on_tts_state)
        tts.errorOccurred.connect(self._on_tts_error)
        self._tts = tts
        self._tts_state = QTextToSpeech.State

    def _open_clips(self) -> None:
        if self._device is None or self._clips is not None:
            return
        try:
            self._clips = _ClipVoice(self._device, self, self._speech_done)
        except ImportError:
            return
        self._clips.set_volume(self._volume)
        from stretchguide.core.cues import clips_needed

        needed = clips_needed(self._exercises, self.recorded, lang=self.language)
        if self._clips.load(sorted(needed), self.language):
            log.info("some voice clips are missing")

    # -- playing ------------------------------------------------------------------

    def _play_cue(self, cue: Cue, now: float, *, beep: bool) -> None:
        if cue.flush:
            self._silence_speech()
        if self._muted:
            return
        not_before = None
        if beep and cue.sound is not None and self._beeps_enabled:
            effect = self._effects.get(cue.sound)
            if effect is not None:
                # One cue sound at a time: a repeat restarts, and a new cue
                # cuts the one still sounding (only the newest means anything).
                # Never play() an effect that is still sounding, and never let
                # two sound together: on PulseAudio either sends Qt 6.11's
                # engine round a closed socket (millions of "Invalid socket"
                # warnings, up to 88 % of a core, sometimes SIGABRT; s39,
                # bench/bench_cue_overlap.py). stop() first survived 4000
                # restarts 15 ms apart.
                for other in self._effects.values():
                    if other.isPlaying():
                        other.stop()
                effect.play()
                self.sig_sound_played.emit(cue.sound.value)
                not_before = now + self._durations[cue.sound] + BEEP_TO_VOICE_GAP_S
        if cue.line is not None and self._voice_enabled and self.voice_backend != "none":
            self._queue.push(cue.line, now, not_before)
            self.sig_line_queued.emit(cue.line.text)
            self._pump()

    def _pump(self) -> None:
        if self._speaking or self._muted:
            return
        now = self._clock()
        line = self._queue.next_line(now)
        while line is not None and not self._start_line(line):
            line = self._queue.next_line(now)
        if line is None:
            due = self._queue.next_due()
            if due is not None:
                self._pump_timer.start(max(0, int((due - now) * 1000) + 1))

    def _start_line(self, line: Line) -> bool:
        if self.voice_backend == "tts":
            self._speaking = "tts"
            self._tts_started = False
            self._watchdog.start(SPEECH_START_TIMEOUT_MS)
            self._line_text = line.text
            self.sig_line_started.emit(line.text, "tts")
            self._tts.say(line.text)
            return True
        if self._clips is not None and self._clips.say(line):
            self._speaking = "clips"
            self._line_text = line.text
            self.sig_line_started.emit(line.text, "clips")
            return True
        return False

    def _speech_done(self) -> None:
        self._watchdog.stop()
        self._speaking = ""
        self.sig_line_finished.emit(self._line_text)
        self._pump()

    def _silence_speech(self) -> None:
        self._queue.clear()
        self._pump_timer.stop()
        self._watchdog.stop()
        was = self._speaking
        self._speaking = ""
        if was == "tts" and self._tts is not None:
            self._tts.stop()
        elif was == "clips" and self._clips is not None:
            self._clips.stop()
        if was:
            self.sig_line_finished.emit(self._line_text)

    # -- speech engine health -------------------------------------------------------

    def _on_tts_state(self, state: Any) -> None:
        states = self._tts_state
        if state == states.Speaking:
            self._tts_started = True
            self._watchdog.start(SPEECH_MAX_MS)
        elif state == states.Ready and self._speaking == "tts":
            self._speech_done()
        elif state == states.Error:
            self._on_tts_error()

    def _on_tts_error(self, *args: Any) -> None:
        reason = self._tts.errorString() if self._tts is not None else ""
        self._tts_failed(f"speech engine error {reason!r}")

    def _speech_stuck(self) -> None:
        if self._speaking == "tts":
            what = "never started" if not self._tts_started else "never finished"
            self._tts_failed(f"speech engine {what} a line")

    def _tts_failed(self, why: str) -> None:
        if self._tts_broken:
            return
        log.warning("audio: %s; falling back to recorded voice", why)
        self._tts_broken = True
        self._watchdog.stop()
        tts, self._tts = self._tts, None
        if tts is not None:
            tts.stateChanged.disconnect(self._on_tts_state)
            tts.errorOccurred.disconnect(self._on_tts_error)
            tts.stop()
            tts.deleteLater()
        if self._speaking:
            self._speaking = ""
            self.sig_line_finished.emit(self._line_text)
        self._open_clips()
        if self._clips is not None:
            self._tell("tts", self.tr("The speech engine stopped working: using recorded voice."))
        else:
            self._tell("tts", self.tr("The speech engine stopped working: beeps only."))
        self._pump()


def asset_url_for(path: Path) -> Any:
    from PySide6.QtCore import QUrl

    return QUrl.fromLocalFile(str(path))
