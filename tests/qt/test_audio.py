"""CuePlayer with Qt's `mock` speech engine: what is said, in what order, and fallbacks."""

from __future__ import annotations

import sys
import time
from typing import ClassVar

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal
from PySide6.QtTextToSpeech import QTextToSpeech
from tests.support import FakeClock, by_id, hold_exercise, reps_exercise, timeline_of

from stretchguide.core.catalog import Area, Equipment, Kind, Position, Sides
from stretchguide.core.session import Session
from stretchguide.core.timeline import SessionOptions
from stretchguide.qt import audio
from stretchguide.qt.audio import CuePlayer, english_locale_for


@pytest.fixture(autouse=True)
def _first_device_query_unlogged(qtlog):
    """Without a sound server Qt warns once, on the first device query, that it
    could not connect. That is a situation these tests are about, not a fault."""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:  # no libpulse0: CuePlayer falls back to visual cues
        yield
        return
    with qtlog.disabled():
        QMediaDevices.audioOutputs()
    yield


def _qt_multimedia():
    """QtMultimedia, for tests that fake its devices; skipped where it cannot load."""
    return pytest.importorskip(
        "PySide6.QtMultimedia",
        reason="QtMultimedia does not load (libpulse0 missing?)",
        exc_type=ImportError,
    )


KNEES = hold_exercise(
    "knees_to_chest",
    6,
    name="Knees to chest",
    steps=("Lie on your back.", "Hug both knees in."),
    equipment={Equipment.MAT},
    feel=(Area.LOWER_BACK,),
)
CLAM = reps_exercise(
    "clam_shell",
    2,
    2,
    sides=Sides.EACH,
    name="Clam shell",
    steps=("Lie on your side.", "Lift the top knee."),
    position=Position.SIDE_LYING,
    equipment={Equipment.MAT},
    kind=Kind.STRENGTHEN,
    feel=(Area.OUTER_HIP,),
)
EXERCISES = by_id(KNEES, CLAM)

EXPECTED_LINES = [
    "Knees to chest. Lie on your back. Get ready.",
    "3",
    "2",
    "1",
    "Hold for 6 seconds.",
    "3",
    "2",
    "1",
    "Release. Rest 4 seconds. Up next: Clam shell.",
    "3",
    "2",
    "1",
    "Clam shell. Lie on your side. Get ready. Start with your left leg.",
    "3",
    "2",
    "1",
    "1 of 2.",
    "2 of 2.",
    "Release. Switch to your right leg.",
    "3",
    "2",
    "1",
    "1 of 2.",
    "2 of 2.",
    "Release. Session complete. Well done.",
]


def short_session() -> tuple[Session, FakeClock]:
    clock = FakeClock(1000.0)
    timeline = timeline_of(
        KNEES, CLAM, options=SessionOptions(prepare_s=4, switch_s=4, rest_between_exercises_s=4)
    )
    return Session(timeline, clock), clock


def loading(player: CuePlayer) -> list[str]:
    """The cue sounds whose effect is still loading its sample."""
    if not player._effects:  # no output device, or no QtMultimedia at all
        return []
    from PySide6.QtMultimedia import QSoundEffect

    loading = QSoundEffect.Status.Loading
    return [s.value for s, e in player._effects.items() if e.status() is loading]


@pytest.fixture
def player(qtbot):
    p = CuePlayer(speech_engine="mock", locale=QLocale("en_GB"))
    yield p
    # Never delete an effect while Qt 6.11 still decodes its sample on a
    # worker thread: prepare() returns with all nine Loading (5-7 ms idle,
    # far longer under load), and the quickest tests end before that.
    qtbot.waitUntil(lambda: not loading(p), timeout=10_000)
    p.shutdown()
    p.deleteLater()


def run_fast(session: Session, clock: FakeClock, player: CuePlayer, step: float = 0.25) -> None:
    """Drive the session on its fake clock as fast as the CPU allows.

    The event loop turns between ticks, as it does in the app (each tick is a
    timer callback); only the session's clock races.
    """
    player.handle(session.start(clock.now))
    while not session.done:
        clock.now += step
        player.handle(session.tick(clock.now))
        QCoreApplication.processEvents()


def run_paced(session: Session, clock: FakeClock, player: CuePlayer, qtbot, speed: float) -> None:
    """Drive the fake clock at ``speed`` times real time, letting Qt run."""
    start_real, start_fake = time.monotonic(), clock.now
    player.handle(session.start(clock.now))
    while not session.done:
        qtbot.wait(10)
        clock.now = start_fake + (time.monotonic() - start_real) * speed
        player.handle(session.tick(clock.now))


def test_lines_requested_for_a_short_routine_are_the_expected_ones_in_order(player) -> None:
    queued: list[str] = []
    player.sig_line_queued.connect(queued.append)
    player.prepare(EXERCISES)
    assert player.voice_backend == "tts"
    session, clock = short_session()
    run_fast(session, clock, player)
    assert queued == EXPECTED_LINES


def test_speech_never_overlaps_and_the_last_word_is_said(player, qtbot) -> None:
    log: list[tuple[str, str]] = []
    player.prepare(EXERCISES)
    tts = player._tts
    states: list[object] = []
    player.sig_line_started.connect(
        lambda text, _backend: (log.append(("start", text)), states.append(tts.state()))
    )
    player.sig_line_finished.connect(lambda text: log.append(("end", text)))
    session, clock = short_session()
    run_paced(session, clock, player, qtbot, speed=8.0)
    qtbot.waitUntil(lambda: bool(log) and log[-1] == ("end", EXPECTED_LINES[-1]), timeout=15_000)
    # Strictly start, end, start, end...: a line never begins while another
    # is spoken, and the engine is idle each time one begins.
    assert [kind for kind, _ in log] == ["start", "end"] * (len(log) // 2)
    assert all(log[i][1] == log[i + 1][1] for i in range(0, len(log), 2))
    assert all(state == tts.State.Ready for state in states)
    texts = [t for kind, t in log if kind == "start"]
    # What was said is the expected script with stale lines left out, in order.
    it = iter(EXPECTED_LINES)
    assert all(any(t == e for e in it) for t in texts)
    assert texts[0] == EXPECTED_LINES[0]


def test_stale_lines_are_dropped_rather_than_said_late(player, qtbot) -> None:
    player.prepare(EXERCISES)
    session, clock = short_session()
    said: list[str] = []
    player.sig_line_started.connect(lambda text, _backend: said.append(text))
    run_fast(session, clock, player)
    qtbot.waitUntil(lambda: bool(said) and said[-1].endswith("Well done."), timeout=15_000)
    # Run in a blink: the countdowns and repetitions were stale long before
    # the intro finished, and the urgent finale cleared them.
    assert "3" not in said
    assert len(said) < len(EXPECTED_LINES)


@pytest.mark.audio
@pytest.mark.realtime
def test_a_line_after_a_beep_waits_for_the_beep_to_finish(player, qtbot, private_pulse) -> None:
    _qt_multimedia()
    player.prepare(EXERCISES)
    assert player.beeps_available  # the private null sink is an output
    times: dict[str, float] = {}
    player.sig_sound_played.connect(lambda s: times.setdefault("beep", time.monotonic()))
    player.sig_line_started.connect(lambda t, b: times.setdefault("line", time.monotonic()))
    session, clock = short_session()
    session.start(clock.now)
    session.tick(clock.now + 3.9)  # the prepare step, unheard
    times.clear()
    player.handle(session.tick(clock.now + 4.0))  # HOLD_START: beep + "Hold for 6 seconds."
    qtbot.waitUntil(lambda: "line" in times, timeout=3000)
    assert times["line"] - times["beep"] >= player._durations[audio.Sound.HOLD_START]


def test_voice_off_queues_nothing_but_beeps_go_on(player) -> None:
    queued: list[str] = []
    sounds: list[str] = []
    player.sig_line_queued.connect(queued.append)
    player.sig_sound_played.connect(sounds.append)
    player.prepare(EXERCISES)
    player.set_voice_enabled(False)
    session, clock = short_session()
    run_fast(session, clock, player)
    assert queued == []
    assert bool(sounds) == player.beeps_available


def test_voice_off_at_prepare_opens_no_speech_engine_until_turned_on(player) -> None:
    # speechd takes ~1.5 s to open: someone who turned the voice off must not
    # wait for it at every session start.
    player.set_voice_enabled(False)
    player.prepare(EXERCISES)
    assert player.voice_backend == "none"
    player.set_voice_enabled(True)
    assert player.voice_backend == "tts"  # the mock engine, opened on demand


def test_mute_silences_both_and_unmute_brings_lines_back(player) -> None:
    queued: list[str] = []
    player.sig_line_queued.connect(queued.append)
    player.prepare(EXERCISES)
    player.set_muted(True)
    session, clock = short_session()
    player.handle(session.start(clock.now))
    assert queued == [] and player.muted
    player.set_muted(False)
    clock.now += 1.0
    player.handle(session.tick(clock.now))
    assert queued == ["3"]


def test_engine_error_mid_session_falls_back_to_clips_and_says_so_once(player, qtbot) -> None:
    statuses: list[str] = []
    player.sig_status.connect(statuses.append)
    player.prepare(EXERCISES)
    session, clock = short_session()
    player.handle(session.start(clock.now))
    tts = player._tts
    from PySide6.QtTextToSpeech import QTextToSpeech

    tts.errorOccurred.emit(QTextToSpeech.ErrorReason.Playback, "device went away")
    tts.errorOccurred.emit(QTextToSpeech.ErrorReason.Playback, "device went away")
    expected = "clips" if player._device is not None else "none"
    assert player.voice_backend == expected
    assert len([s for s in statuses if "speech engine" in s]) == 1
    # The session goes on: later events still play without raising.
    clock.now += 4.0
    player.handle(session.tick(clock.now))


def test_engine_that_never_starts_speaking_is_given_up_on(player, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(audio, "SPEECH_START_TIMEOUT_MS", 100)
    player.prepare(EXERCISES)
    player._tts.say = lambda text: None  # a wedged engine: accepts, never speaks
    session, clock = short_session()
    player.handle(session.start(clock.now))
    qtbot.waitUntil(lambda: player.voice_backend != "tts", timeout=3000)


def test_no_output_device_means_visual_only_said_once(qtbot, monkeypatch) -> None:
    multimedia = _qt_multimedia()
    QAudioDevice, QMediaDevices = multimedia.QAudioDevice, multimedia.QMediaDevices  # noqa: N806

    monkeypatch.setattr(QMediaDevices, "defaultAudioOutput", staticmethod(lambda: QAudioDevice()))
    monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(lambda: []))
    statuses: list[str] = []
    player = CuePlayer(speech_engine=None)
    player.sig_status.connect(statuses.append)
    player.prepare(EXERCISES)
    session, clock = short_session()
    run_fast(session, clock, player)  # must not raise
    player.prepare(EXERCISES)  # a second session: no second message
    assert len(statuses) == 1 and "on screen" in statuses[0]
    assert not player.beeps_available and player.voice_backend == "none"
    player.shutdown()


def test_voice_off_with_no_output_device_opens_no_engine_until_turned_on(
    qtbot, monkeypatch
) -> None:
    multimedia = _qt_multimedia()
    QAudioDevice, QMediaDevices = multimedia.QAudioDevice, multimedia.QMediaDevices  # noqa: N806

    monkeypatch.setattr(QMediaDevices, "defaultAudioOutput", staticmethod(lambda: QAudioDevice()))
    monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(lambda: []))
    player = CuePlayer(speech_engine="mock")
    player.set_voice_enabled(False)
    player.prepare(EXERCISES)
    assert player.voice_backend == "none"
    player.set_voice_enabled(True)
    assert player.voice_backend == "tts"  # the mock engine needs no device
    player.shutdown()


def test_qtmultimedia_failing_to_import_means_visual_only(qtbot, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)
    statuses: list[str] = []
    player = CuePlayer(speech_engine="")
    player.sig_status.connect(statuses.append)
    session, clock = short_session()
    run_fast(session, clock, player)
    assert statuses and "on screen" in statuses[0]
    player.shutdown()


def test_english_locale_follows_the_ui_when_it_is_english() -> None:
    assert english_locale_for(QLocale("en_GB")).name() == "en_GB"
    assert english_locale_for(QLocale("de_DE")).name() == "en_US"


def test_speech_locale_is_set_explicitly_to_the_ui_english(player) -> None:
    player.prepare(EXERCISES)
    assert player._tts.locale().name() == "en_GB"


def test_events_without_prepare_still_play(player) -> None:
    queued: list[str] = []
    player.sig_line_queued.connect(queued.append)
    session, clock = short_session()
    player.handle(session.start(clock.now))
    assert queued and queued[0].startswith("Knees to chest.")


def test_the_recordings_are_passed_in_or_read_from_the_builtin_catalog(qtbot) -> None:
    from stretchguide.core.catalog import load_builtin
    from stretchguide.core.cues import recorded_clips
    from stretchguide.core.i18n import translate_catalog

    given = {"intro_bridge": "Lie on your back."}
    assert CuePlayer(speech_engine="", recorded=given).recorded is given
    builtin = recorded_clips(load_builtin().exercises.values())
    assert "intro_bridge" in builtin
    assert CuePlayer(speech_engine="", language="en").recorded == builtin
    # Another language's clips were recorded from its own translation.
    german = recorded_clips(translate_catalog(load_builtin(), "de").exercises.values())
    assert german["intro_bridge"] != builtin["intro_bridge"]
    assert CuePlayer(speech_engine="", language="de").recorded == german


# --- speaking the chosen language ------------------------------------------------


class _Voice:
    def __init__(self, name: str, locale: str) -> None:
        self._name, self._locale = name, QLocale(locale)

    def name(self) -> str:
        return self._name

    def locale(self) -> QLocale:
        return self._locale


def test_the_speech_locale_is_the_language_in_the_ui_region_or_its_main_one() -> None:
    assert audio.speech_locale_for("de", QLocale("de_AT")).name() == "de_AT"
    assert audio.speech_locale_for("de", QLocale("en_GB")).name() == "de_DE"
    assert audio.speech_locale_for("fr", QLocale("fr_CA")).name() == "fr_CA"
    assert audio.speech_locale_for("es", QLocale("de_DE")).name() == "es_ES"
    assert audio.speech_locale_for("en", QLocale("de_DE")).name() == "en_US"


def test_a_locale_of_another_language_is_never_picked() -> None:
    offered = [QLocale("en_US"), QLocale("fr_FR"), QLocale("fr_CA")]
    assert audio.pick_locale(offered, QLocale("fr_CA")).name() == "fr_CA"
    assert audio.pick_locale(offered, QLocale("fr_BE")).name() in {"fr_CA", "fr_FR"}
    assert audio.pick_locale(offered, QLocale("de_DE")) is None


def test_a_voice_of_another_language_is_never_picked() -> None:
    voices = [_Voice("English (America)", "en_US"), _Voice("German", "de_DE")]
    assert audio.pick_voice(voices, QLocale("de_AT")).name() == "German"
    assert audio.pick_voice(voices, QLocale("es_ES")) is None


class _FakeEngine(QObject):
    """QTextToSpeech's surface as CuePlayer uses it, with the voices we choose."""

    State = QTextToSpeech.State
    ErrorReason = QTextToSpeech.ErrorReason
    stateChanged = Signal(object)
    errorOccurred = Signal(object, str)
    voices: ClassVar[list[_Voice]] = []
    locales: ClassVar[list[str]] = []  # offered apart from the voices' own

    def __init__(self, engine: str, parent: QObject | None = None) -> None:
        # No Qt parent: Python alone owns the double and frees it.
        super().__init__()
        self._locale = QLocale("en_US")
        self._voice: _Voice | None = None
        self.said: list[tuple[str, str]] = []

    @staticmethod
    def availableEngines() -> list[str]:  # noqa: N802 - Qt's name
        return ["fake"]

    def state(self) -> QTextToSpeech.State:
        return QTextToSpeech.State.Ready

    def availableLocales(self) -> list[QLocale]:  # noqa: N802
        return [v.locale() for v in self.voices] + [QLocale(n) for n in self.locales]

    def setLocale(self, locale: QLocale) -> None:  # noqa: N802
        self._locale = locale

    def locale(self) -> QLocale:
        return self._locale

    def availableVoices(self) -> list[_Voice]:  # noqa: N802
        mine = [v for v in self.voices if v.locale().language() == self._locale.language()]
        return mine or list(self.voices)  # as speech-dispatcher lists them

    def setVoice(self, voice: _Voice) -> None:  # noqa: N802
        self._voice = voice

    def setVolume(self, volume: float) -> None:  # noqa: N802
        pass

    def say(self, text: str) -> None:
        assert self._voice is not None
        self.said.append((text, self._voice.locale().name()))

    def stop(self) -> None:
        pass

    def deleteLater(self) -> None:  # noqa: N802
        pass


@pytest.fixture
def fake_engine(monkeypatch):
    from PySide6 import QtTextToSpeech

    monkeypatch.setattr(QtTextToSpeech, "QTextToSpeech", _FakeEngine)
    return _FakeEngine


def _german_exercises() -> dict:
    from stretchguide.core.catalog import load_builtin
    from stretchguide.core.i18n import translate_catalog

    catalog = translate_catalog(load_builtin(), "de")
    return {k: catalog.exercises[k] for k in ("knees_to_chest",)}


def test_german_is_spoken_by_a_german_voice_in_german(qtbot, fake_engine) -> None:
    fake_engine.voices = [_Voice("English (America)", "en_US"), _Voice("German", "de_DE")]
    fake_engine.locales = []
    player = CuePlayer(speech_engine="fake", locale=QLocale("en_GB"), language="de")
    player.prepare(_german_exercises())
    assert player.voice_backend == "tts"
    assert player._tts.locale().name() == "de_DE"
    started: list[tuple[str, str]] = []
    player.sig_line_started.connect(lambda text, backend: started.append((text, backend)))
    from stretchguide.core.catalog import load_builtin
    from stretchguide.core.i18n import translate_catalog

    catalog = translate_catalog(load_builtin(), "de")
    routine = Session(
        timeline_of(catalog.exercises["knees_to_chest"], options=SessionOptions(prepare_s=4)),
        FakeClock(0.0),
    )
    player.handle(routine.start(0.0))
    qtbot.waitUntil(lambda: bool(started), timeout=3000)  # after the intro's beep
    assert started[0][1] == "tts"
    text, voice_locale = player._tts.said[0]
    assert text.startswith(catalog.exercises["knees_to_chest"].name) and voice_locale == "de_DE"
    assert "Machen Sie sich bereit." in text
    qtbot.waitUntil(lambda: not loading(player), timeout=10_000)  # as the fixture does
    player.shutdown()
    player.deleteLater()  # as the fixture does: Qt deletes it, not the GC


@pytest.mark.parametrize(
    ("locales", "voices"),
    [
        ([], [("English (America)", "en_US")]),  # no German at all
        # speech-dispatcher can offer a locale and then only English voices in it
        (["de_DE"], [("English (America)", "en_US")]),
    ],
    ids=["no-german-locale", "no-german-voice"],
)
@pytest.mark.audio
def test_an_engine_without_a_german_voice_is_not_used_for_german(
    qtbot, fake_engine, locales, voices, private_pulse
) -> None:
    fake_engine.voices = [_Voice(name, locale) for name, locale in voices]
    fake_engine.locales = locales
    player = CuePlayer(speech_engine="fake", language="de")
    player.prepare(_german_exercises())
    # The recorded German clips speak instead.
    assert player.voice_backend == "clips"
    assert player._tts is None
    qtbot.waitUntil(lambda: not loading(player), timeout=10_000)  # as the fixture does
    player.shutdown()
    player.deleteLater()  # as the fixture does: Qt deletes it, not the GC


@pytest.mark.audio
def test_without_an_engine_german_lines_play_from_the_german_clips(qtbot, private_pulse) -> None:
    exercises = _german_exercises()
    player = CuePlayer(speech_engine="", language="de")
    player.prepare(exercises)
    assert player.voice_backend == "clips"
    started: list[tuple[str, str]] = []
    finished: list[str] = []
    player.sig_line_started.connect(lambda text, backend: started.append((text, backend)))
    player.sig_line_finished.connect(finished.append)
    session = Session(
        timeline_of(exercises["knees_to_chest"], options=SessionOptions(prepare_s=4)),
        FakeClock(0.0),
    )
    player.handle(session.start(0.0))
    qtbot.waitUntil(lambda: bool(started), timeout=3000)
    text, backend = started[0]
    assert backend == "clips" and text.startswith(exercises["knees_to_chest"].name)
    # ... and ends: the sink's state change reaches the player (the voice
    # commands' microphone stays deaf until a line has finished). PySide6
    # 6.11 cannot convert a QAudio.State for a Python slot until the QAudio
    # class has been touched; the player reads its states from it first.
    qtbot.waitUntil(lambda: finished == [text], timeout=15_000)
    # What was loaded is the German recording of the line, not the English.
    from stretchguide.clip_files import read_clip
    from stretchguide.qt.assets import asset_path

    german = read_clip(asset_path("sounds/voice/de/ex_knees_to_chest.wav")).pcm
    english = read_clip(asset_path("sounds/voice/ex_knees_to_chest.wav")).pcm
    loaded = player._clips._clips["ex_knees_to_chest"]
    assert loaded == german != english
    qtbot.waitUntil(lambda: not loading(player), timeout=10_000)  # as the fixture does
    player.shutdown()
    player.deleteLater()  # as the fixture does: Qt deletes it, not the GC


def test_a_new_cue_sound_stops_the_one_still_sounding(player, qtbot, private_pulse) -> None:
    """One cue sound at a time. Two effects sounding together on PulseAudio
    send Qt 6.11's sound engine into a loop over a closed socket: cues 0.2 s
    apart (a skip pressed twice, a late tick) cost 60-80 % of a core and
    millions of "Invalid socket" warnings, and aborted the process in one run
    of four (bench/bench_cue_overlap.py). The newer cue is the one that
    means something now."""
    _qt_multimedia()
    player.prepare(EXERCISES)
    assert player.beeps_available
    qtbot.waitUntil(lambda: not loading(player), timeout=10_000)
    sounds = list(audio.Sound)
    longest = max(player._durations.values())
    assert longest > 0.1  # so a cue 0.1 s later finds the one before still sounding
    sounding: list[int] = []
    for i in range(2 * len(sounds)):
        player._play_cue(audio.Cue(sound=sounds[i % len(sounds)]), time.monotonic(), beep=True)
        sounding.append(sum(e.isPlaying() for e in player._effects.values()))
        qtbot.wait(100)
    assert sounding == [1] * len(sounding)
