"""CuePlayer with Qt's `mock` speech engine: what is said, in what order, and fallbacks."""

from __future__ import annotations

import sys
import time

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from stretchguide.core.catalog import (
    Area,
    Dose,
    Equipment,
    Exercise,
    Kind,
    Position,
    Routine,
    RoutineItem,
    Schedule,
    Sides,
)
from stretchguide.core.session import Session
from stretchguide.core.timeline import SessionOptions, build_timeline
from stretchguide.qt import audio
from stretchguide.qt.audio import CuePlayer, english_locale_for


@pytest.fixture(autouse=True)
def _first_device_query_unlogged(qtlog):
    """Without a sound server Qt warns once, on the first device query, that it
    could not connect. That is a situation these tests are about, not a fault."""
    with qtlog.disabled():
        from PySide6.QtMultimedia import QMediaDevices

        QMediaDevices.audioOutputs()
    yield

KNEES = Exercise(
    id="knees_to_chest",
    name="Knees to chest",
    steps=("Lie on your back.", "Hug both knees in."),
    position=Position.SUPINE,
    equipment=frozenset({Equipment.MAT}),
    kind=Kind.STRETCH,
    dose=Dose(hold_s=6),
    feel=(Area.LOWER_BACK,),
)
CLAM = Exercise(
    id="clam_shell",
    name="Clam shell",
    steps=("Lie on your side.", "Lift the top knee."),
    position=Position.SIDE_LYING,
    equipment=frozenset({Equipment.MAT}),
    kind=Kind.STRENGTHEN,
    dose=Dose(reps=2, rep_s=2, sides=Sides.EACH),
    feel=(Area.OUTER_HIP,),
)
EXERCISES = {e.id: e for e in (KNEES, CLAM)}

EXPECTED_LINES = [
    "Knees to chest. Lie on your back. Get ready.",
    "3", "2", "1",
    "Hold for 6 seconds.",
    "3", "2", "1",
    "Release. Rest 4 seconds. Next: Clam shell.",
    "3", "2", "1",
    "Clam shell. Lie on your side. Get ready. Start with your left leg.",
    "3", "2", "1",
    "1 of 2.", "2 of 2.",
    "Release. Switch to your right leg.",
    "3", "2", "1",
    "1 of 2.", "2 of 2.",
    "Release. Session complete. Well done.",
]


def short_session() -> tuple[Session, list[float]]:
    routine = Routine("t", "Test", "", (RoutineItem("knees_to_chest", KNEES.dose),
                                          RoutineItem("clam_shell", CLAM.dose)), Schedule(1, ""))
    timeline = build_timeline(routine, EXERCISES,
                              SessionOptions(prepare_s=4, switch_s=4, rest_between_exercises_s=4))
    now = [1000.0]
    return Session(timeline, lambda: now[0]), now


@pytest.fixture
def player(qtbot):
    p = CuePlayer(speech_engine="mock", locale=QLocale("en_GB"))
    yield p
    p.shutdown()
    p.deleteLater()


def run_fast(session: Session, now: list[float], player: CuePlayer, step: float = 0.25) -> None:
    """Drive the session on its fake clock as fast as the CPU allows.

    The event loop turns between ticks, as it does in the app (each tick is a
    timer callback); only the session's clock races.
    """
    player.handle(session.start(now[0]))
    while not session.done:
        now[0] += step
        player.handle(session.tick(now[0]))
        QCoreApplication.processEvents()


def run_paced(session: Session, now: list[float], player: CuePlayer, qtbot,
              speed: float) -> None:
    """Drive the fake clock at ``speed`` times real time, letting Qt run."""
    start_real, start_fake = time.monotonic(), now[0]
    player.handle(session.start(now[0]))
    while not session.done:
        qtbot.wait(10)
        now[0] = start_fake + (time.monotonic() - start_real) * speed
        player.handle(session.tick(now[0]))


def test_lines_requested_for_a_short_routine_are_the_expected_ones_in_order(player) -> None:
    queued: list[str] = []
    player.sig_line_queued.connect(queued.append)
    player.prepare(EXERCISES)
    assert player.voice_backend == "tts"
    session, now = short_session()
    run_fast(session, now, player)
    assert queued == EXPECTED_LINES


def test_speech_never_overlaps_and_the_last_word_is_said(player, qtbot) -> None:
    log: list[tuple[str, str]] = []
    player.prepare(EXERCISES)
    tts = player._tts
    states: list[object] = []
    player.sig_line_started.connect(lambda text, _backend: (log.append(("start", text)),
                                                             states.append(tts.state())))
    player.sig_line_finished.connect(lambda text: log.append(("end", text)))
    session, now = short_session()
    run_paced(session, now, player, qtbot, speed=8.0)
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
    session, now = short_session()
    said: list[str] = []
    player.sig_line_started.connect(lambda text, _backend: said.append(text))
    run_fast(session, now, player)
    qtbot.waitUntil(lambda: bool(said) and said[-1].endswith("Well done."), timeout=15_000)
    # Run in a blink: the countdowns and repetitions were stale long before
    # the intro finished, and the urgent finale cleared them.
    assert "3" not in said
    assert len(said) < len(EXPECTED_LINES)


def test_a_line_after_a_beep_waits_for_the_beep_to_finish(player, qtbot) -> None:
    player.prepare(EXERCISES)
    if not player.beeps_available:
        pytest.skip("no audio output device: no beeps to order against")
    times: dict[str, float] = {}
    player.sig_sound_played.connect(lambda s: times.setdefault("beep", time.monotonic()))
    player.sig_line_started.connect(lambda t, b: times.setdefault("line", time.monotonic()))
    session, now = short_session()
    session.start(now[0])
    session.tick(now[0] + 3.9)  # the prepare step, unheard
    times.clear()
    player.handle(session.tick(now[0] + 4.0))  # HOLD_START: beep + "Hold for 6 seconds."
    qtbot.waitUntil(lambda: "line" in times, timeout=3000)
    assert times["line"] - times["beep"] >= player._durations[audio.Sound.HOLD_START]


def test_voice_off_queues_nothing_but_beeps_go_on(player) -> None:
    queued: list[str] = []
    sounds: list[str] = []
    player.sig_line_queued.connect(queued.append)
    player.sig_sound_played.connect(sounds.append)
    player.prepare(EXERCISES)
    player.set_voice_enabled(False)
    session, now = short_session()
    run_fast(session, now, player)
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
    session, now = short_session()
    player.handle(session.start(now[0]))
    assert queued == [] and player.muted
    player.set_muted(False)
    now[0] += 1.0
    player.handle(session.tick(now[0]))
    assert queued == ["3"]


def test_engine_error_mid_session_falls_back_to_clips_and_says_so_once(player, qtbot) -> None:
    statuses: list[str] = []
    player.sig_status.connect(statuses.append)
    player.prepare(EXERCISES)
    session, now = short_session()
    player.handle(session.start(now[0]))
    tts = player._tts
    from PySide6.QtTextToSpeech import QTextToSpeech

    tts.errorOccurred.emit(QTextToSpeech.ErrorReason.Playback, "device went away")
    tts.errorOccurred.emit(QTextToSpeech.ErrorReason.Playback, "device went away")
    expected = "clips" if player._device is not None else "none"
    assert player.voice_backend == expected
    assert len([s for s in statuses if "speech engine" in s]) == 1
    # The session goes on: later events still play without raising.
    now[0] += 4.0
    player.handle(session.tick(now[0]))


def test_engine_that_never_starts_speaking_is_given_up_on(player, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(audio, "SPEECH_START_TIMEOUT_MS", 100)
    player.prepare(EXERCISES)
    player._tts.say = lambda text: None  # a wedged engine: accepts, never speaks
    session, now = short_session()
    player.handle(session.start(now[0]))
    qtbot.waitUntil(lambda: player.voice_backend != "tts", timeout=3000)


def test_no_output_device_means_visual_only_said_once(qtbot, monkeypatch) -> None:
    from PySide6.QtMultimedia import QAudioDevice, QMediaDevices

    monkeypatch.setattr(QMediaDevices, "defaultAudioOutput", staticmethod(lambda: QAudioDevice()))
    monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(lambda: []))
    statuses: list[str] = []
    player = CuePlayer(speech_engine=None)
    player.sig_status.connect(statuses.append)
    player.prepare(EXERCISES)
    session, now = short_session()
    run_fast(session, now, player)  # must not raise
    player.prepare(EXERCISES)  # a second session: no second message
    assert len(statuses) == 1 and "on screen" in statuses[0]
    assert not player.beeps_available and player.voice_backend == "none"
    player.shutdown()


def test_qtmultimedia_failing_to_import_means_visual_only(qtbot, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)
    statuses: list[str] = []
    player = CuePlayer(speech_engine="")
    player.sig_status.connect(statuses.append)
    session, now = short_session()
    run_fast(session, now, player)
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
    session, now = short_session()
    player.handle(session.start(now[0]))
    assert queued and queued[0].startswith("Knees to chest.")
