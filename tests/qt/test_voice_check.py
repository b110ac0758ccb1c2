"""The microphone test's command check: every command, ticked once heard.

A person finds out in the settings, before lying down, which of their words
the recognizer hears from them, and which other word to say for one it
does not.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QPalette
from tests.qt.test_voice import _speak, listener, speech_cache  # noqa: F401 - fixtures

from stretchguide.qt.voice_settings import CommandCheck, MicrophoneTest
from stretchguide.voice.commands import PHRASES, Command


def _ticked(check: CommandCheck) -> set[Command]:
    return {c for c, label in check.labels.items() if label.text().startswith("\N{CHECK MARK}")}


def test_the_check_lists_every_command_with_every_phrase_that_says_it(qtbot):
    check = CommandCheck()
    qtbot.addWidget(check)
    assert set(check.labels) == set(Command)
    for phrase, command in PHRASES.items():
        assert phrase in check.labels[command].text().split(" ", 1)[1].split(" / ")
    assert _ticked(check) == set()


def test_a_command_heard_is_ticked_and_shown_with_the_words_said(qtbot):
    test = MicrophoneTest()
    qtbot.addWidget(test)
    test.show_words("wait")
    test.show_command("pause")
    assert _ticked(test.check) == {Command.PAUSE}
    assert "“wait”" in test.last.text()
    assert "Paused" in test.last.text()
    label = test.check.labels[Command.PAUSE]
    assert label.font().bold()
    assert label.foregroundRole() == QPalette.ColorRole.WindowText
    assert label.accessibleName() == "pause / wait: heard"
    other = test.check.labels[Command.RESUME]
    assert not other.font().bold()
    assert other.accessibleName() == "go on / resume: not heard yet"

    # Heard again with other words: still one tick, the words of this time.
    test.show_words("ouch")
    test.show_command("hurt")
    test.show_words("pause")
    test.show_command("pause")
    assert _ticked(test.check) == {Command.PAUSE, Command.HURT}
    assert "“pause”" in test.last.text()


@pytest.mark.parametrize(
    ("words", "command", "shown"),
    [
        ("go on is", "resume", "go on"),  # a slow "go on" and its long n
        ("wait wait", "pause", "wait"),  # said twice in one breath
        ("hold", "pause", "pause"),  # the second look chose it: its first phrase
        ("", "stop", "stop"),
    ],
)
def test_the_words_shown_are_a_phrase_of_the_command(qtbot, words, command, shown):
    test = MicrophoneTest()
    qtbot.addWidget(test)
    test.show_words(words)
    test.show_command(command)
    assert f"“{shown}”" in test.last.text()


def test_a_value_that_is_no_command_changes_nothing(qtbot):
    test = MicrophoneTest()
    qtbot.addWidget(test)
    test.show_words("maybe")
    test.show_command("maybe")
    assert _ticked(test.check) == set()
    assert "none yet" in test.last.text()


class FakeListener(QObject):
    sig_command = Signal(str)
    sig_heard_text = Signal(str)
    sig_no_command = Signal(str)
    sig_level = Signal(float)
    sig_unavailable = Signal(str)
    sig_notice = Signal(str)
    sig_listening = Signal(bool)
    sig_silent = Signal(bool)
    made: list[FakeListener] = []

    def __init__(self, parent=None, device_id=b"") -> None:
        super().__init__(parent)
        self.device_id = device_id
        self.metering = False
        FakeListener.made.append(self)

    def set_metering(self, on: bool) -> None:
        self.metering = on

    def start(self) -> None:
        self.sig_listening.emit(True)

    def shutdown(self) -> None:
        pass


def test_each_test_run_starts_a_fresh_check_on_the_chosen_microphone(qtbot, monkeypatch):
    import stretchguide.qt.voice as qv

    FakeListener.made.clear()
    monkeypatch.setattr(qv, "VoiceListener", FakeListener)
    test = MicrophoneTest()
    qtbot.addWidget(test)
    test.device_id = b"usb-1"
    test.button.setChecked(True)
    first = FakeListener.made[-1]
    assert first.device_id == b"usb-1" and first.metering
    assert "Listening" in test.notice.text()
    first.sig_heard_text.emit("repeat")
    first.sig_command.emit("back")
    first.sig_level.emit(0.5)
    assert _ticked(test.check) == {Command.BACK}
    assert "“repeat”" in test.last.text()
    assert test.meter.value() == 50
    # Speech with no command in it: said so, so the person knows the
    # microphone heard them and tries again; the next command clears it.
    first.sig_no_command.emit("the cat")
    assert "no command" in test.notice.text()
    assert "the cat" not in test.notice.text()
    assert _ticked(test.check) == {Command.BACK}
    first.sig_heard_text.emit("skip")
    first.sig_command.emit("skip")
    assert "Listening" in test.notice.text()
    # A muted microphone: said in the panel, and taken back at its first sound.
    first.sig_silent.emit(True)
    assert "no sound at all" in test.notice.text() and "muted" in test.notice.text()
    first.sig_silent.emit(False)
    assert "Listening" in test.notice.text()

    # Another microphone (or the test run again): what the last one heard
    # says nothing about this one.
    test.start()
    assert len(FakeListener.made) == 2
    assert _ticked(test.check) == set()
    assert "none yet" in test.last.text()
    test.button.setChecked(False)
    assert test.listener is None


def test_speech_heard_by_the_engine_ticks_its_command(qtbot, listener, speech_cache):  # noqa: F811
    from tests.voice.speech import VOICES, synth

    from stretchguide.voice.recognizer import read_wav

    lst, clock = listener
    test = MicrophoneTest()
    qtbot.addWidget(test)
    test.attach(lst)
    try:
        with qtbot.waitSignal(lst.sig_command, timeout=20000):
            _speak(lst, clock, read_wav(synth(speech_cache, "it hurts", VOICES[0]).path))
        assert _ticked(test.check) == {Command.HURT}
        assert "“it hurts”" in test.last.text()
    finally:
        test.listener = None  # the fixture shuts its listener down itself


def test_speech_with_no_command_is_reported_and_not_kept(qtbot, listener, speech_cache):  # noqa: F811
    from tests.voice.speech import VOICES, synth

    from stretchguide.voice.recognizer import read_wav

    lst, clock = listener
    test = MicrophoneTest()
    qtbot.addWidget(test)
    test.attach(lst)
    commands: list[str] = []
    lst.sig_command.connect(commands.append)
    try:
        with qtbot.waitSignal(lst.sig_no_command, timeout=20000) as sig:
            _speak(
                lst,
                clock,
                read_wav(synth(speech_cache, "where did i put my phone", VOICES[0]).path),
            )
        assert sig.args[0]  # the words the model made of it
        assert commands == []
        assert "no command" in test.notice.text()
        assert _ticked(test.check) == set()
        # The worker let the utterance go: a day of listening keeps nothing.
        assert lst._worker._recognizer.utterances == []
    finally:
        test.listener = None
