"""Voice commands in a running session: each acts exactly as its key does.

Two identical sessions on fake clocks, one driven by a key, one by the
spoken command; their states must match. Then the listener end to end:
synthetic speech fed to it as microphone blocks, through the recognizer
thread, pauses the session, and the half-duplex gate keeps the app's own
speech out.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox
from tests.support import FakeClock, tiny_exercises, tiny_routine

from stretchguide.core.session import Session
from stretchguide.core.timeline import SessionOptions, build_timeline
from stretchguide.qt.session_view import SessionController, SessionView
from stretchguide.qt.voice import ListeningIndicator, VoiceListener, VoiceRouter, add_indicator
from stretchguide.voice.commands import ACKNOWLEDGEMENTS, Command


class Running:
    def __init__(self, qtbot) -> None:
        self.clock = FakeClock()
        options = SessionOptions(prepare_s=5, switch_s=5)
        self.session = Session(
            build_timeline(tiny_routine(), tiny_exercises(), options), self.clock
        )
        self.view = SessionView()
        self.stops_asked = 0

        def confirm() -> bool:
            self.stops_asked += 1
            return True

        self.view.confirm_stop = confirm
        qtbot.addWidget(self.view)
        self.view.show()
        self.controller = SessionController(self.session, self.view, self.clock)
        self.hurts: list[int] = []
        self.finished: list[str] = []
        self.controller.sig_hurts.connect(self.hurts.append)
        self.controller.sig_finished.connect(self.finished.append)
        self.controller.start()
        self.controller.timer.stop()
        self.router = VoiceRouter(
            self.view,
            paused=lambda: bool(self.session.snapshot(self.clock()).paused),
            muted=lambda: self.controller.muted,
        )
        self.acks: list[str] = []
        self.router.sig_acknowledged.connect(self.acks.append)

    def press(self, qtbot, key) -> None:
        # Two session windows are open; shortcuts go to the active one.
        self.view.activateWindow()
        self.view.setFocus()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is self.view, timeout=2000)
        qtbot.keyClick(self.view, key)

    def run(self, seconds: float) -> None:
        t = 0.0
        while t < seconds:
            self.clock.advance(0.5)
            self.controller.tick()
            t += 0.5

    def state(self):
        snap = self.session.snapshot(self.clock())
        return (
            snap.step_index,
            snap.paused,
            round(snap.remaining_s, 3),
            self.controller.muted,
            self.hurts,
            self.finished,
            self.stops_asked,
        )


@pytest.fixture
def pair(qtbot):
    return Running(qtbot), Running(qtbot)


KEYS = {
    Command.PAUSE: Qt.Key.Key_Space,
    Command.SKIP: Qt.Key.Key_Right,
    Command.BACK: Qt.Key.Key_Left,
    Command.HURT: Qt.Key.Key_H,
    Command.STOP: Qt.Key.Key_Escape,
    Command.MUTE: Qt.Key.Key_M,
}


@pytest.mark.parametrize("command", list(KEYS))
def test_each_spoken_command_does_what_its_key_does(pair, qtbot, command):
    by_key, by_voice = pair
    for r in pair:
        r.run(12)  # into the first hold, past a step boundary
    by_key.press(qtbot, KEYS[command])
    by_voice.router.handle(command.value)
    qtbot.wait(1)  # "stop" asks for confirmation on the next turn of the loop
    for r in pair:
        r.run(3)
    assert by_voice.state() == by_key.state()
    assert by_voice.acks == [ACKNOWLEDGEMENTS[command]]


def test_go_on_resumes_like_space_and_keeps_the_get_ready_seconds(pair, qtbot):
    by_key, by_voice = pair
    for r in pair:
        r.run(12)
    by_key.press(qtbot, Qt.Key.Key_Space)
    by_voice.router.handle(Command.PAUSE.value)
    for r in pair:
        r.run(30)
    by_key.press(qtbot, Qt.Key.Key_Space)
    by_voice.router.handle(Command.RESUME.value)
    assert by_voice.state() == by_key.state()
    assert by_voice.session.snapshot(by_voice.clock()).resume_left_s > 0  # get ready again
    for r in pair:
        r.run(6)
    assert by_voice.state() == by_key.state()
    assert not by_voice.session.snapshot(by_voice.clock()).paused


def test_a_word_says_what_it_wants_where_a_key_would_toggle(qtbot):
    r = Running(qtbot)
    r.run(8)
    r.router.handle("resume")  # not paused: nothing to resume
    assert not r.session.snapshot(r.clock()).paused
    r.router.handle("pause")
    r.router.handle("pause")  # said twice: still paused
    assert r.session.snapshot(r.clock()).paused
    r.router.handle("unmute")  # not muted: stays on
    assert not r.controller.muted
    r.router.handle("mute")
    r.router.handle("mute")
    assert r.controller.muted
    r.router.handle("unmute")
    assert not r.controller.muted


def test_stop_asks_the_same_question_and_yes_or_no_answers_it(qtbot):
    r = Running(qtbot)
    r.view.confirm_stop = r.view._ask_stop  # the real question, modal
    r.run(8)
    seen: list[str] = []

    def answer(word: str) -> None:
        box = QApplication.activeModalWidget()
        seen.append(box.text() if isinstance(box, QMessageBox) else "")
        r.router.handle(word)

    QTimer.singleShot(50, r.view, lambda: answer("no"))
    r.router.handle("stop")
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=3000)
    qtbot.wait(20)
    assert "End this session now?" in seen[0]
    assert r.finished == []
    QTimer.singleShot(50, r.view, lambda: answer("yes"))
    r.router.handle("stop")
    qtbot.waitUntil(lambda: r.finished == ["stopped"], timeout=3000)
    assert r.acks == ["Stop?", "No", "Stop?", "Yes"]


def test_yes_and_no_with_no_question_open_do_nothing(qtbot):
    r = Running(qtbot)
    r.run(8)
    before = r.state()
    r.router.handle("yes")
    r.router.handle("no")
    r.router.handle("not-a-command")
    assert r.state() == before
    assert r.acks == []


def test_the_indicator_sits_on_the_session_screen_and_shows_each_acknowledgement(qtbot):
    view = SessionView()
    qtbot.addWidget(view)
    indicator = add_indicator(view)
    assert isinstance(indicator, ListeningIndicator)
    assert indicator.parent() is view
    assert "Not listening" in indicator.text()
    indicator.set_listening(True)
    assert "Listening" in indicator.text() and "Not" not in indicator.text()
    indicator.acknowledge("Paused")
    assert "Paused" in indicator.text()
    indicator.set_listening(True)  # a state change does not hide the acknowledgement
    assert "Paused" in indicator.text()
    indicator._ack.timeout.emit()
    assert "Listening" in indicator.text()


class FakePlayer(QObject):
    sig_line_started = Signal(str, str)
    sig_line_finished = Signal(str)
    sig_sound_played = Signal(str)


@pytest.fixture(scope="module")
def speech_cache(tmp_path_factory):
    from tests.voice.speech import tools_available

    if not tools_available():
        pytest.skip("espeak-ng and sox are needed to make test speech")
    return tmp_path_factory.mktemp("voice-speech-qt")


@pytest.fixture
def listener(qtbot):
    pytest.importorskip("pocketsphinx")
    clock = FakeClock()
    listener = VoiceListener(clock=clock)
    # The engine without the microphone: tests speak through feed().
    listener._thread.start()
    # Wait on a signal of the GUI thread: a blocker called from the worker
    # thread would stop its own timer from there.
    with qtbot.waitSignal(listener.sig_listening, timeout=30000):
        listener._sig_start_engine.emit()
    yield listener, clock
    listener.shutdown()


def _speak(listener, clock, pcm: bytes) -> None:
    step = 3200  # 100 ms blocks, like the microphone
    for i in range(0, len(pcm), step):
        listener.feed(pcm[i : i + step])
        clock.advance(0.1)
    listener.feed(b"\x00\x00" * 16000)  # a second of quiet closes the utterance
    clock.advance(1.0)


def test_speech_fed_to_the_listener_pauses_the_session(qtbot, listener, speech_cache):
    from tests.voice.speech import VOICES, synth

    from stretchguide.voice.recognizer import read_wav

    lst, clock = listener
    r = Running(qtbot)
    r.run(8)
    lst.sig_command.connect(r.router.handle)
    with qtbot.waitSignal(lst.sig_command, timeout=20000) as sig:
        _speak(lst, clock, read_wav(synth(speech_cache, "pause", VOICES[0]).path))
    assert sig.args == ["pause"]
    assert r.session.snapshot(r.clock()).paused


def test_the_microphone_is_deaf_while_the_app_speaks(qtbot, listener, speech_cache):
    from tests.voice.speech import VOICES, synth

    from stretchguide.voice.recognizer import read_wav

    lst, clock = listener
    player = FakePlayer()
    lst.attach_player(player)
    heard: list[str] = []
    lst.sig_command.connect(heard.append)
    pcm = read_wav(synth(speech_cache, "stop", VOICES[0]).path)
    player.sig_line_started.emit("Stop.", "tts")
    _speak(lst, clock, pcm)
    player.sig_line_finished.emit("Stop.")
    player.sig_sound_played.emit("tick")
    _speak(lst, clock, pcm[: len(pcm) // 3])  # inside the cue's quiet window
    clock.advance(5)
    with qtbot.waitSignal(lst.sig_command, timeout=20000):
        _speak(lst, clock, pcm)  # the gate is open again: heard
    assert heard == ["stop"]
