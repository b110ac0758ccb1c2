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
from PySide6.QtWidgets import QApplication
from tests.qt.test_flow import app_window, start_session  # noqa: F401 - app_window is a fixture
from tests.support import FakeClock, tiny_exercises, tiny_routine

from stretchguide.core.session import Session
from stretchguide.core.timeline import SessionOptions, build_timeline
from stretchguide.qt import i18n
from stretchguide.qt.session_controller import SessionController
from stretchguide.qt.session_view import SessionView
from stretchguide.qt.voice import VoiceListener
from stretchguide.qt.voice_screen import ListeningIndicator, VoiceRouter, add_indicator
from stretchguide.voice.commands import ACKNOWLEDGEMENTS, PHRASES, Command


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
            # As the app's SessionSound makes it.
            paused=lambda: self.controller.paused,
            muted=lambda: self.controller.muted,
            clock=self.clock,
            under_way=lambda: self.controller.under_way,
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
    r.view.confirm_stop = r.view._ask_stop  # the real full-window question
    r.run(8)
    seen: list[str] = []

    def answer(*words: str) -> None:
        overlay = r.view.overlay
        seen.append(overlay.title.text() if overlay.isVisible() else "")
        held = r.state()
        for word in words:
            r.router.handle(word)
        seen.append(f"unchanged={r.state() == held}")

    # "pause" and "skip" behind an open question do nothing; "no" answers.
    QTimer.singleShot(50, r.view, lambda: answer("pause", "skip", "no"))
    r.router.handle("stop")
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=3000)
    qtbot.waitUntil(lambda: not r.view.overlay.isVisible(), timeout=3000)
    assert seen == ["Stop the session?", "unchanged=True"]
    assert r.finished == []
    QTimer.singleShot(50, r.view, lambda: answer("yes"))
    r.router.handle("stop")
    qtbot.waitUntil(lambda: r.finished == ["stopped"], timeout=3000)
    assert r.acks == ["Stop?", "No", "Stop?", "Yes"]


@pytest.mark.parametrize("word", ["ouch", "it hurts", "this hurts"])
def test_pain_said_at_the_stop_question_stops(qtbot, word):
    # The person asked to stop and now says it hurts: never "carry on".
    r = Running(qtbot)
    r.view.confirm_stop = r.view._ask_stop
    r.run(8)
    QTimer.singleShot(50, r.view, lambda: r.router.handle(PHRASES[word].value))
    r.router.handle("stop")
    qtbot.waitUntil(lambda: r.finished == ["stopped"], timeout=3000)
    assert r.acks == ["Stop?", "This hurts"]


HURT_CHOICES = [("ease", "Ease off"), ("skip", "Skip"), ("continue", "Carry on"), ("end", "End")]


@pytest.mark.parametrize(
    ("words", "key"),
    [
        (("ease off",), "ease"),
        (("skip",), "skip"),
        # Carrying on after "this hurts" takes "go on" twice (below).
        (("yes", "no", "go on", "go on"), "continue"),
        (("stop",), "end"),
    ],
)
def test_the_this_hurts_question_is_answered_by_voice(qtbot, words, key):
    r = Running(qtbot)
    r.run(8)
    for word in words:
        QTimer.singleShot(50, r.view, lambda w=word: r.router.handle(PHRASES[w].value))
    assert r.view.ask_choice("This hurts", "", HURT_CHOICES, escape="continue") == key
    assert not r.view.overlay.isVisible()


def test_carrying_on_after_this_hurts_takes_go_on_said_twice(qtbot):
    """A groan can be heard as "go on"; carrying on keeps the load that
    hurt, so one "go on" only asks for another, on the question itself."""
    from stretchguide.qt.voice_screen import CARRY_ON_CONFIRM_S

    r = Running(qtbot)
    r.run(8)
    overlay = r.view.overlay
    seen: list[str] = []

    def answer() -> None:
        r.router.handle("resume")
        seen.append(overlay.body.text())
        assert overlay.isVisible(), "one 'go on' does not carry on"
        r.clock.advance(CARRY_ON_CONFIRM_S + 0.5)
        r.router.handle("resume")  # too late: it asks again, no more
        assert overlay.isVisible()
        r.clock.advance(2.0)
        r.router.handle("resume")  # said again in time

    QTimer.singleShot(50, r.view, answer)
    assert r.view.ask_choice("This hurts", "Pick one.", HURT_CHOICES, escape="end") == "continue"
    assert seen == ["Pick one.\n\nSay “go on” again to carry on."]
    # The next question starts afresh: a "go on" from the last one does not count.
    QTimer.singleShot(50, r.view, lambda: (r.router.handle("resume"), r.router.handle("skip")))
    assert r.view.ask_choice("This hurts", "", HURT_CHOICES, escape="end") == "skip"
    QTimer.singleShot(50, r.view, lambda: (r.router.handle("resume"), overlay.choose("end")))
    assert r.view.ask_choice("This hurts", "", HURT_CHOICES, escape="end") == "end"
    QTimer.singleShot(50, r.view, lambda: r.router.handle("resume") or overlay.choose("ease"))
    assert r.view.ask_choice("This hurts", "", HURT_CHOICES, escape="end") == "ease"
    # The stop question is not this one: its "go on" answers at once.
    stop = [("stop", "Stop"), ("continue", "Carry on")]
    QTimer.singleShot(50, r.view, lambda: r.router.handle("resume"))
    assert r.view.ask_choice("Stop?", "", stop, escape="continue") == "continue"


def _start_voice_session(qtbot, window, monkeypatch) -> None:
    window.ctx.prefs.voice_commands = True
    # No microphone in the test: the listener's start is a no-op; commands
    # come in through its signal as the recognizer thread would send them.
    monkeypatch.setattr(VoiceListener, "start", lambda self: None)
    start_session(qtbot, window)


def test_saying_stop_at_the_this_hurts_question_ends_the_session_in_the_app(
    qtbot, voice_window, monkeypatch
):
    from stretchguide.core.trends import SessionStatus

    window, clock, *_ = voice_window
    _start_voice_session(qtbot, window, monkeypatch)
    listener, _router, _indicator = window.flow.sound._voice
    clock.advance(8)
    window.flow.controller.tick()
    asked: list[str] = []

    def say_stop() -> None:
        asked.append(window.session_view.overlay.title.text())
        listener.sig_command.emit("pause")  # ignored: the question is open
        listener.sig_command.emit("stop")

    QTimer.singleShot(50, window.session_view, say_stop)
    listener.sig_command.emit("hurt")  # the real question, answered by voice
    [session] = window.ctx.history.sessions()
    assert asked == ["This hurts"]
    assert len(window.ctx.history.hurts(session.id)) == 1
    assert session.status is SessionStatus.STOPPED


class SayingPlayer(QObject):
    """Stands in for the CuePlayer: records what the app says, plays nothing."""

    def __init__(self, language: str = "en") -> None:
        super().__init__()
        self.language = language  # as CuePlayer.language: whose clips it plays
        self.said: list[tuple[str, tuple[str, ...]]] = []

    def say(self, text: str, clips: tuple[str, ...] = ()) -> None:
        self.said.append((text, clips))

    def set_voice_enabled(self, on: bool) -> None: ...
    def set_beeps_enabled(self, on: bool) -> None: ...
    def set_volume(self, volume: float) -> None: ...
    def prepare(self, exercises: object) -> None: ...
    # The flow opens the speech engine a moment after the window shows
    # (session_flow._warm_up_audio): the stand-in has nothing to open.
    def warm_up(self) -> None: ...


EASED_OFF = {"en": "Holds are shorter from here on.", "de": "Ab jetzt wird kürzer gehalten."}


@pytest.mark.parametrize("language", ["en", "de"])
def test_saying_ease_off_at_the_this_hurts_question_eases_off_and_says_so(
    qtbot, voice_window, monkeypatch, language
):
    from stretchguide.core.cues import phrases

    window, clock, *_ = voice_window
    _start_voice_session(qtbot, window, monkeypatch)
    listener, _router, indicator = window.flow.sound._voice
    clock.advance(8)
    window.flow.controller.tick()
    before_total = window.flow.session.timeline.total_s
    # Sound from here on, into a recorder: the question is asked aloud, and
    # the answer to "ease off" must be too.
    player = SayingPlayer(language)
    window.flow.sound.cue_player = player
    window.ctx.audio = True
    QTimer.singleShot(50, window.session_view, lambda: listener.sig_command.emit("ease"))
    listener.sig_command.emit("hurt")
    assert window.flow.session.timeline.total_s < before_total
    assert window.current_page() == "session"
    assert "Eased off" in window.session_view.status.text()
    assert "ease off" in player.said[0][0]  # the question names the spoken answer
    # Said in the player's language, to match the clip it plays.
    said = phrases(language)["eased_off"]
    assert said == EASED_OFF[language]
    assert player.said[-1] == (said, ("eased_off",))
    assert indicator.text() == "Heard: " + ACKNOWLEDGEMENTS[Command.EASE]


SAY_AGAIN = {
    "en": "Say it again to carry on.",
    "de": "Sagen Sie es noch einmal, um weiterzumachen.",
}


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_first_go_on_at_the_this_hurts_question_is_answered_aloud(
    qtbot, voice_window, monkeypatch, language
):
    # The question showed 'Say "go on" again to carry on.' and said nothing:
    # the person who spoke from the mat waited for a session that did not go on.
    window, clock, *_ = voice_window
    _start_voice_session(qtbot, window, monkeypatch)
    listener, _router, _indicator = window.flow.sound._voice
    clock.advance(8)
    window.flow.controller.tick()
    player = SayingPlayer(language)
    window.flow.sound.cue_player = player
    window.ctx.audio = True

    def answer() -> None:
        listener.sig_command.emit("resume")
        listener.sig_command.emit("skip")

    QTimer.singleShot(50, window.session_view, answer)
    listener.sig_command.emit("hurt")
    assert player.said[1] == (SAY_AGAIN[language], ("say_again",))  # after the question


def test_yes_no_and_ease_off_with_no_question_open_do_nothing_and_say_so(qtbot):
    # They answer a question; with none open they change nothing, and the
    # badge says that rather than "Yes" (or nothing, as if unheard).
    r = Running(qtbot)
    r.run(8)
    before = r.state()
    r.router.handle("yes")
    r.router.handle("no")
    r.router.handle("ease")
    r.router.handle("not-a-command")
    assert r.state() == before
    # "ease off" is an answer to "this hurts": the badge says how to get there.
    assert r.acks == ["Nothing to answer"] * 2 + ["Say “this hurts” first"]


# A command that would change nothing in this state: the state, the
# command, and what the badge says instead of the command's own "Resuming".
NO_OPS = {
    "go on while running": ((), "resume", "Already running"),
    "go on in the get-ready after a resume": (("pause", "resume"), "resume", "Already running"),
    "pause while paused": (("pause",), "pause", "Already paused"),
    "mute while muted": (("mute",), "mute", "Already muted"),
    "unmute with the sound on": ((), "unmute", "Sound already on"),
}


@pytest.mark.parametrize("before, command, said", list(NO_OPS.values()), ids=list(NO_OPS))
def test_a_command_that_changes_nothing_says_so_and_not_that_it_acted(qtbot, before, command, said):
    r = Running(qtbot)
    r.run(8)
    for word in before:
        r.router.handle(word)
    r.acks.clear()
    state = r.state()
    events: list[object] = []
    r.controller.sig_events.connect(events.append)
    r.router.handle(command)
    assert r.state() == state
    assert events == []  # no session event: nothing is said aloud either
    assert r.acks == [said]


def test_session_commands_after_the_end_say_it_has_ended(qtbot):
    # Once the session has ended its keys do nothing: nor do the words, and
    # the badge says why instead of "Skipped" or "Repeating".
    r = Running(qtbot)
    r.run(8)
    r.controller.stop()
    state = r.state()
    r.press(qtbot, Qt.Key.Key_Right)  # the key: nothing
    assert r.state() == state
    for word in ("skip", "back", "pause", "resume", "hurt", "stop"):
        r.router.handle(word)
    qtbot.wait(1)  # a "stop" would ask on the next turn of the loop
    assert r.state() == state
    assert r.acks == ["The session has ended"] * 6
    r.router.handle("mute")  # the sound is not the session's: it still acts
    assert r.acks[-1] == "Muted"


def test_the_no_change_lines_are_translated(qtbot, qapp):
    r = Running(qtbot)
    r.run(8)
    try:
        i18n.install_language(qapp, "de", {})
        for word in ("resume", "unmute", "yes"):
            r.router.handle(word)
    finally:
        i18n.install_language(qapp, "en", {})
    assert r.acks == ["Läuft schon", "Ton ist schon an", "Keine Frage offen"]


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


# -- in the main window ---------------------------------------------------------


@pytest.fixture
def voice_window(app_window):  # noqa: F811 - the flow tests' window, by its own name here
    return app_window


def test_voice_commands_are_off_unless_the_person_turns_them_on(qtbot, voice_window):
    window, *_ = voice_window
    assert window.ctx.prefs.voice_commands is False
    start_session(qtbot, window)
    assert getattr(window, "_voice", None) is None
    assert window.session_view.findChildren(ListeningIndicator) == []


def test_ouch_in_the_app_runs_the_this_hurts_flow_and_the_indicator_shows_it(
    qtbot, voice_window, monkeypatch
):
    from stretchguide.core.trends import SessionStatus

    window, clock, *_ = voice_window
    _start_voice_session(qtbot, window, monkeypatch)
    listener, router, indicator = window.flow.sound._voice
    assert indicator.isVisible()
    clock.advance(8)
    window.flow.controller.tick()
    window.ask_hurt = lambda: "end"
    listener.sig_command.emit("hurt")
    [session] = window.ctx.history.sessions()
    assert len(window.ctx.history.hurts(session.id)) == 1
    assert session.status is SessionStatus.STOPPED
    assert "This hurts" in indicator.text()


def test_go_on_while_running_shows_already_running_on_the_badge_not_resuming(
    qtbot, voice_window, monkeypatch
):
    window, clock, *_ = voice_window
    _start_voice_session(qtbot, window, monkeypatch)
    listener, _router, indicator = window.flow.sound._voice
    controller = window.flow.controller
    for _ in range(16):  # in ticks: a gap of seconds would be a stall, which pauses
        clock.advance(0.5)
        controller.tick()
    assert not controller.paused
    listener.sig_command.emit("resume")
    assert indicator.text() == "Heard: Already running"
    assert not window.flow.controller.session.snapshot(clock()).paused


def test_no_microphone_gives_one_notice_a_session_and_the_keys_still_work(qtbot, monkeypatch):
    from PySide6.QtMultimedia import QAudioDevice, QMediaDevices

    monkeypatch.setattr(QMediaDevices, "audioInputs", staticmethod(lambda: []))
    monkeypatch.setattr(QMediaDevices, "defaultAudioInput", staticmethod(QAudioDevice))
    listener = VoiceListener()
    notices: list[str] = []
    listener.sig_unavailable.connect(notices.append)
    listener.start()
    listener.start()  # asked again in the same session: no second notice
    assert len(notices) == 1
    assert "No microphone" in notices[0] and "keys still work" in notices[0]
    # The next session looks again (one may have been plugged in since) and,
    # finding none, says so again: its screen would otherwise be silent.
    listener.stop()
    listener.start()
    listener.shutdown()
    assert notices == [notices[0]] * 2


def test_a_microphone_the_system_denies_is_said_plainly_and_the_person_is_asked_once(
    qtbot, monkeypatch
):
    """macOS asks the person before an app may use a microphone (and ends
    one that opens it unasked). Linux never asks, so the system is played
    here."""
    from PySide6.QtMultimedia import QAudioDevice, QMediaDevices

    import stretchguide.qt.microphones as mics

    monkeypatch.setattr(QMediaDevices, "audioInputs", staticmethod(lambda: []))
    monkeypatch.setattr(QMediaDevices, "defaultAudioInput", staticmethod(QAudioDevice))
    status = {"now": "undetermined"}
    asked: list[object] = []
    monkeypatch.setattr(mics, "microphone_permission", lambda: status["now"])
    monkeypatch.setattr(mics, "ask_for_microphone", lambda context, answer: asked.append(answer))
    listener = VoiceListener()
    notices: list[str] = []
    listener.sig_unavailable.connect(notices.append)
    try:
        listener.start()
        listener.start()
        listener._inputs_changed()  # a device change while the question is open
        assert len(asked) == 1, "the person is asked once, not at every look"
        assert notices == [], "nothing to say while the system asks"
        assert not listener.listening

        # Allowed: the listener goes on to the microphone (none here).
        status["now"] = "granted"
        asked[0](True)
        assert len(notices) == 1 and "No microphone" in notices[0]

        # Refused: said plainly, with where to change it, once a session.
        listener.stop()
        status["now"] = "undetermined"
        listener.start()
        status["now"] = "denied"
        asked[1](False)
        assert "may not use the microphone" in notices[-1]
        assert "privacy settings" in notices[-1] and "keys still work" in notices[-1]
        listener.stop()
        listener.start()  # the next session: the system now answers at once
        assert notices[-1] == notices[-2] and len(notices) == 3
        assert len(asked) == 2

        # An answer that comes after the session ended does nothing.
        listener.stop()
        status["now"] = "undetermined"
        listener.start()
        listener.stop()
        asked[2](True)
        assert len(notices) == 3
    finally:
        listener.shutdown()


def test_a_missing_engine_gives_one_clear_notice_each_session(qtbot, monkeypatch):
    import stretchguide.voice.recognizer as rec

    def missing():
        raise rec.VoiceUnavailableError("The speech engine (pocketsphinx) is not installed.")

    monkeypatch.setattr(rec, "_engine", missing)
    listener = VoiceListener()
    with qtbot.waitSignal(listener.sig_unavailable, timeout=10000) as sig:
        listener._thread.start()
        listener._sig_start_engine.emit()
    assert "not installed" in sig.args[0]
    notices: list[str] = []
    listener.sig_unavailable.connect(notices.append)
    listener.stop()
    listener.start()  # the next session: no new attempt, the same reason
    listener.shutdown()
    assert notices == [sig.args[0]]


def test_the_session_screen_says_which_microphone_listens(qtbot, voice_window, monkeypatch):
    window, *_ = voice_window
    _start_voice_session(qtbot, window, monkeypatch)
    listener = window.flow.sound._voice[0]
    listener.sig_notice.emit("Listening with “USB headset”.")
    assert window.session_view.status.text() == "Listening with “USB headset”."


def test_the_badge_says_wait_while_the_app_speaks_and_listening_after(
    qtbot, voice_window, monkeypatch
):
    # Half-duplex: a command said over the app's own line is dropped, so a
    # badge saying "Listening" then had the person call out in vain.
    window, *_ = voice_window
    _start_voice_session(qtbot, window, monkeypatch)
    listener, _router, indicator = window.flow.sound._voice
    clock = FakeClock()
    listener.clock = clock
    player = FakePlayer()
    listener.attach_player(player)
    listener.sig_listening.emit(True)
    assert "Listening" in indicator.text()
    player.sig_line_started.emit("Hold.", "clip")
    assert "app is speaking" in indicator.text()
    player.sig_line_finished.emit("Hold.")
    assert "app is speaking" in indicator.text()  # its echo tail
    clock.advance(0.5)
    # Nothing but time opens the gate after the tail: the badge looks again.
    qtbot.waitUntil(lambda: "Listening" in indicator.text(), timeout=3000)
    player.sig_sound_played.emit("tick")
    assert "app is speaking" in indicator.text()
    listener.stop()  # the session ends: the next one starts hearing
    listener.sig_listening.emit(True)
    assert "Listening" in indicator.text()


def test_the_stop_question_says_yes_or_no_answer_it_while_voice_listens(
    qtbot, voice_window, monkeypatch
):
    # The question covers the badge: without a word on it, a new user had
    # no way to know that "yes" and "no" said aloud answer it.
    window, clock, *_ = voice_window
    _start_voice_session(qtbot, window, monkeypatch)
    listener = window.flow.sound._voice[0]
    view = window.session_view
    view.confirm_stop = view._ask_stop
    clock.advance(8)
    window.flow.controller.tick()
    shown: list[str] = []

    def answer() -> None:
        shown.append(view.overlay.body.text())
        view.overlay.choose("continue")

    for listening in (True, False):
        listener.sig_listening.emit(listening)
        QTimer.singleShot(0, view, answer)
        view.request_stop()
    assert "“yes” or “no”" in shown[0]
    assert "yes" not in shown[1]  # not listening: no promise it cannot keep


def test_turning_voice_off_between_sessions_hides_the_badge(qtbot, voice_window, monkeypatch):
    window, *_ = voice_window
    _start_voice_session(qtbot, window, monkeypatch)
    indicator = window.flow.sound._voice[2]
    assert indicator.isVisible()
    window.flow.sound.stop_voice()
    window.ctx.prefs.voice_commands = False
    window.flow.sound.start_voice(window.flow.controller)  # what the next session's start does
    assert not indicator.isVisible()


def test_settings_voice_section_is_off_by_default_and_saves_the_microphone(
    qtbot, tmp_path, monkeypatch
):
    import stretchguide.qt.microphones as qv
    from stretchguide.qt.preferences import Preferences
    from stretchguide.qt.settings import SettingsDialog

    asked: list[int] = []

    def fake_microphones():
        asked.append(1)
        return [(b"usb-1", "USB microphone"), (b"builtin", "Built-in")]

    monkeypatch.setattr(qv, "microphones", fake_microphones)
    prefs = Preferences(tmp_path / "settings.ini")
    prefs.microphone = b"builtin".hex()
    dialog = SettingsDialog(prefs)
    qtbot.addWidget(dialog)
    section = dialog.voice_section
    assert not section.enabled.isChecked()
    assert asked == []  # no device query while voice commands are off
    assert "never leaves" in section.explanation.text()
    assert "nothing is recorded to disk" in section.explanation.text()
    dialog.accept()
    assert prefs.microphone == b"builtin".hex()  # unseen choice kept

    dialog = SettingsDialog(prefs)
    qtbot.addWidget(dialog)
    section = dialog.voice_section
    section.enabled.setChecked(True)
    assert asked == [1]
    assert section.microphone.currentText() == "Built-in"
    section.microphone.setCurrentIndex(section.microphone.findText("USB microphone"))
    dialog.accept()
    assert prefs.voice_commands is True
    assert prefs.microphone == b"usb-1".hex()

    # The chosen microphone unplugged: still the choice, shown as such, and
    # an OK does not swap it for the default.
    prefs.microphone = b"alsa_input.usb-headset".hex()
    dialog = SettingsDialog(prefs)
    qtbot.addWidget(dialog)
    section = dialog.voice_section
    assert section.microphone.currentText() == "alsa_input.usb-headset (not plugged in)"
    dialog.accept()
    assert prefs.microphone == b"alsa_input.usb-headset".hex()


def test_turning_voice_on_brings_the_microphone_test_into_view(qtbot, tmp_path, monkeypatch):
    # On a short screen the test and its notices lie below the fold; a click
    # on the switch or on the test scrolls to them. Opening the dialog with
    # voice already on does not.
    from PySide6.QtCore import QPoint, Qt

    import stretchguide.qt.microphones as qv
    from stretchguide.qt.preferences import Preferences
    from stretchguide.qt.settings import SettingsDialog

    monkeypatch.setattr(qv, "microphones", lambda: [(b"builtin", "Built-in")])
    prefs = Preferences(tmp_path / "settings.ini")

    def shown(dialog) -> bool:
        test = dialog.voice_section.test
        viewport = dialog.scroll_area.viewport()
        top = test.mapTo(viewport, QPoint(0, 0)).y()
        return top >= 0 and top + test.height() <= viewport.height()

    def opened() -> SettingsDialog:
        dialog = SettingsDialog(prefs)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.resize(dialog.width(), 480)
        qtbot.waitExposed(dialog)
        return dialog

    dialog = opened()
    assert dialog.scroll_area.verticalScrollBar().value() == 0
    assert not shown(dialog)
    qtbot.mouseClick(dialog.voice_section.enabled, Qt.MouseButton.LeftButton)
    assert dialog.voice_section.enabled.isChecked()
    qtbot.waitUntil(lambda: shown(dialog), timeout=2000)
    dialog.accept()

    dialog = opened()  # voice on already: the dialog opens at its top
    qtbot.wait(50)
    assert dialog.scroll_area.verticalScrollBar().value() == 0
    assert not shown(dialog)
    start = dialog.voice_section.test
    monkeypatch.setattr(start, "start", lambda: None)  # no engine for this test
    qtbot.mouseClick(start.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shown(dialog), timeout=2000)
    start.button.setChecked(False)


@pytest.mark.parametrize("stored", ["zz-not-hex", "abc", "{0.0.1.00000000}"])
def test_a_hand_edited_microphone_is_the_system_default_not_a_crash(
    qtbot, tmp_path, monkeypatch, stored
):
    import stretchguide.qt.microphones as qv
    from stretchguide.qt.preferences import Preferences
    from stretchguide.qt.settings import SettingsDialog

    ini = tmp_path / "settings.ini"
    ini.write_text(f"[voice]\ncommands=true\nmicrophone={stored}\n", encoding="utf-8")
    prefs = Preferences(ini)
    assert prefs.voice_commands is True
    assert prefs.microphone == ""
    monkeypatch.setattr(qv, "microphones", lambda: [(b"builtin", "Built-in")])
    dialog = SettingsDialog(prefs)
    qtbot.addWidget(dialog)
    assert dialog.voice_section.microphone.currentText() == "System default"


def test_a_microphone_plugged_in_while_the_settings_are_open_shows_up(qtbot, tmp_path, monkeypatch):
    import stretchguide.qt.microphones as qv
    from stretchguide.qt.preferences import Preferences
    from stretchguide.qt.settings import SettingsDialog

    plugged = [(b"builtin", "Built-in")]
    monkeypatch.setattr(qv, "microphones", lambda: list(plugged))
    prefs = Preferences(tmp_path / "settings.ini")
    prefs.voice_commands = True
    prefs.microphone = b"builtin".hex()
    dialog = SettingsDialog(prefs)
    qtbot.addWidget(dialog)
    section = dialog.voice_section
    started: list[bytes] = []
    monkeypatch.setattr(section.test, "start", lambda: started.append(section.test.device_id))
    section.test.listener = object()  # a test running: the refill must not restart it

    def names() -> list[str]:
        return [section.microphone.itemText(i) for i in range(section.microphone.count())]

    assert names() == ["System default", "Built-in"]

    plugged.append((b"usb-1", "USB headset"))
    section._devices.audioInputsChanged.emit()
    assert names() == ["System default", "Built-in", "USB headset"]
    assert section.microphone.currentText() == "Built-in"
    assert started == []

    section.microphone.setCurrentIndex(2)  # the person picks it: the test moves to it
    assert started == [b"usb-1"]
    plugged.remove((b"usb-1", "USB headset"))
    section._devices.audioInputsChanged.emit()
    assert section.microphone.currentText() == "usb-1 (not plugged in)"
    assert started == [b"usb-1"]
    section.test.listener = None
    dialog.accept()
    assert prefs.microphone == b"usb-1".hex()


def test_every_acknowledgement_is_marked_for_translation_and_shown_translated(qapp):
    # The English lives with the commands (no Qt); qt/voice.py marks the same
    # texts for lupdate. Drift would leave one English on a German screen.
    from stretchguide.qt import i18n
    from stretchguide.qt.voice import ACKNOWLEDGEMENT_TEXTS, acknowledgement

    assert sorted(ACKNOWLEDGEMENT_TEXTS) == sorted(ACKNOWLEDGEMENTS.values())
    try:
        i18n.install_language(qapp, "de")
        assert acknowledgement(Command.PAUSE) != ACKNOWLEDGEMENTS[Command.PAUSE]
    finally:
        i18n.install_language(qapp, "en")
    assert acknowledgement(Command.PAUSE) == ACKNOWLEDGEMENTS[Command.PAUSE]


class _Microphone:
    """A QAudioDevice as far as choosing a format goes."""

    def __init__(self, takes: set[tuple[int, int, str]], own: tuple[int, int, str] | None):
        from PySide6.QtMultimedia import QAudioFormat

        self.takes = takes
        self.own = QAudioFormat()  # invalid: no rate, no channels, Unknown samples
        if own is not None:
            self.own.setSampleRate(own[0])
            self.own.setChannelCount(own[1])
            self.own.setSampleFormat(getattr(QAudioFormat.SampleFormat, own[2]))

    def isFormatSupported(self, fmt) -> bool:  # noqa: N802 - Qt's name
        return (fmt.sampleRate(), fmt.channelCount(), fmt.sampleFormat().name) in self.takes

    def preferredFormat(self):  # noqa: N802 - Qt's name
        return self.own


@pytest.mark.parametrize(
    ("takes", "own", "chosen"),
    [
        # A sound server takes 16 kHz mono from anything: recorded as such.
        ({(16000, 1, "Int16"), (48000, 2, "Float")}, (48000, 2, "Float"), (16000, 1, "Int16")),
        # A microphone that records only as itself: its own format.
        ({(48000, 2, "Float")}, (48000, 2, "Float"), (48000, 2, "Float")),
        ({(44100, 2, "Int16")}, (44100, 2, "Int16"), (44100, 2, "Int16")),
        ({(96000, 1, "Int32")}, (96000, 1, "Int32"), (96000, 1, "Int32")),
        # Nothing it records can be read: no format, and the person is told.
        (set(), None, None),
        ({(48000, 2, "Unknown")}, (48000, 2, "Unknown"), None),
        ({(48000, 2, "Float")}, (48000, 2, "Int16"), None),  # its own is not even its own
        ({(1000, 1, "Int16")}, (1000, 1, "Int16"), None),
    ],
)
def test_a_microphone_is_recorded_at_16k_mono_else_in_its_own_format(takes, own, chosen):
    from stretchguide.qt.microphones import recording_format

    fmt = recording_format(_Microphone(takes, own))
    if chosen is None:
        assert fmt is None
    else:
        assert (fmt.sampleRate(), fmt.channelCount(), fmt.sampleFormat().name) == chosen


@pytest.mark.parametrize(
    ("own", "said"),
    [
        ((8000, 1, "Int16"), "8 kHz"),  # a Bluetooth headset while its microphone is on
        ((11025, 1, "Int16"), "11.025 kHz"),
        ((16000, 1, "Int16"), ""),  # a wideband headset (mSBC) and up: nothing to say
        ((48000, 2, "Float"), ""),
        (None, ""),  # no format at all: not a telephone, and said otherwise
    ],
)
def test_a_microphone_that_records_like_a_telephone_is_named_as_one(qapp, own, said):
    from stretchguide.qt import i18n
    from stretchguide.qt.microphones import telephone_notice

    device = _Microphone(set(), own)
    text = telephone_notice(device)
    if not said:
        assert text == ""
        return
    assert f"records at {said}, like a telephone" in text
    assert "about one command in three is missed" in text
    try:  # the person's own language and number format
        i18n.install_language(qapp, "de")
        from PySide6.QtCore import QLocale

        QLocale.setDefault(QLocale("de"))
        german = telephone_notice(device)
        assert german != text
        assert said.replace(".", ",") in german
    finally:
        QLocale.setDefault(QLocale("en_US"))
        i18n.install_language(qapp, "en")


def test_the_system_is_asked_through_qt(qtbot):
    # Linux has no microphone permission: Qt answers "granted", and a request
    # is answered at once; the same calls ask the person on macOS.
    from PySide6.QtCore import QObject

    from stretchguide.qt.microphones import ask_for_microphone, microphone_permission

    assert microphone_permission() == "granted"
    context = QObject()
    answers: list[bool] = []
    ask_for_microphone(context, answers.append)
    qtbot.waitUntil(lambda: answers == [True], timeout=5000)


def test_a_microphone_that_gives_only_zeros_is_said_to_be_silent_until_its_first_sound(qtbot):
    # A muted microphone (a switch, the system's mute) gives exact zeros; a
    # working one never does. The worker alone, on this thread.
    from stretchguide.qt.voice_worker import SILENT_S, VoiceWorker

    worker = VoiceWorker(lambda: True)
    said: list[bool] = []
    worker.sig_silent.connect(said.append)
    block = bytes(3200)  # 100 ms of zeros
    for _ in range(round(SILENT_S * 10) - 1):
        worker.audio(block, True)
    assert said == [], "not before SILENT_S"
    worker.audio(block, False)  # heard while the app speaks: still the microphone's
    assert said == [True]
    for _ in range(30):
        worker.audio(block, True)
    assert said == [True], "said once"
    worker.audio(b"\x01\x00" + bytes(3198), True)  # the faintest sound
    assert said == [True, False]
    # After its first sound it is not watched: a noise suppressor that
    # gates the quiet to zeros must not make the warning come and go.
    for _ in range(100):
        worker.audio(block, True)
    assert said == [True, False]
    # Another microphone opened (here: the last one closed) is watched afresh.
    worker.close_microphone()
    for _ in range(round(SILENT_S * 10)):
        worker.audio(block, True)
    assert said == [True, False, True]
    worker.close_microphone()
    assert said == [True, False, True, False], "closing takes the warning back"


def test_the_badge_says_when_the_microphone_gives_no_sound(qtbot):
    indicator = ListeningIndicator()
    qtbot.addWidget(indicator)
    indicator.set_listening(True)
    assert "Listening" in indicator.text()
    indicator.set_silent(True)
    assert "No sound from the microphone" in indicator.text()
    indicator.set_silent(False)
    assert "Listening" in indicator.text()
    indicator.set_silent(True)
    indicator.set_listening(False)
    indicator.set_listening(True)  # the next microphone: not silent until it says so
    assert "Listening" in indicator.text()


def test_spoken_pause_and_go_on_act_on_the_second_session_too(qtbot, voice_window, monkeypatch):
    # The router outlives a session (it is made once, with the badge), and
    # reads "paused" through the flow's controller, which takes each new
    # session: a guard that it goes on reading the session running now.
    window, clock, *_ = voice_window
    _start_voice_session(qtbot, window, monkeypatch)
    listener = window.flow.sound._voice[0]
    clock.advance(8)
    window.flow.controller.tick()
    window.ask_hurt = lambda: "end"
    listener.sig_command.emit("hurt")  # the first session ends
    assert window.current_page() != "session"
    start_session(qtbot, window)
    second = window.flow.controller

    def paused() -> bool:
        return bool(second.session.snapshot(second.clock()).paused)

    clock.advance(8)
    second.tick()
    listener.sig_command.emit("pause")
    assert paused()
    listener.sig_command.emit("pause")  # already paused: stays paused
    assert paused()
    listener.sig_command.emit("resume")
    assert second.session.snapshot(second.clock()).resume_left_s > 0  # getting ready again


def test_listeners_and_settings_share_the_process_one_media_devices(qtbot, monkeypatch, tmp_path):
    """Each listener (one a session) and each settings panel made its own
    QMediaDevices, so their wrappers came and went; once PySide delivered a
    queued device change to one the garbage collector was taking (a native
    crash in CI). One is made for the process, and a listener that is gone
    is no longer called by it."""
    import gc

    from PySide6.QtMultimedia import QAudioDevice, QMediaDevices

    from stretchguide.qt.microphones import media_devices
    from stretchguide.qt.preferences import Preferences
    from stretchguide.qt.settings import SettingsDialog

    monkeypatch.setattr(QMediaDevices, "audioInputs", staticmethod(lambda: []))
    monkeypatch.setattr(QMediaDevices, "defaultAudioInput", staticmethod(QAudioDevice))
    prefs = Preferences(tmp_path / "settings.ini")
    prefs.voice_commands = True
    dialog = SettingsDialog(prefs)
    qtbot.addWidget(dialog)
    assert dialog.voice_section._devices is media_devices()
    for _session in range(3):
        listener = VoiceListener()
        listener.start()
        assert listener._devices is media_devices()
        listener.shutdown()
        del listener
        gc.collect()
        media_devices().audioInputsChanged.emit()  # to no listener that is gone


def test_the_this_hurts_question_shows_what_may_be_said_while_voice_listens(
    qtbot, voice_window, monkeypatch
):
    # The spoken words ("Or say ease off, skip, go on, or stop.") were only
    # spoken: a person who missed them, or cannot hear, saw only buttons.
    from stretchguide.qt.enums import HurtChoice

    window, clock, *_ = voice_window
    _start_voice_session(qtbot, window, monkeypatch)
    listener = window.flow.sound._voice[0]
    view = window.session_view
    clock.advance(8)
    window.flow.controller.tick()
    shown: list[str] = []

    def answer() -> None:
        shown.append(view.overlay.body.text())
        view.overlay.choose(HurtChoice.CONTINUE.value)

    for listening in (True, False):
        listener.sig_listening.emit(listening)
        QTimer.singleShot(0, view, answer)
        window.flow.controller.hurts()
    assert "“ease off”, “skip”, “go on” or “stop”" in shown[0]
    assert "“skip”" not in shown[1]  # not listening: no promise it cannot keep
