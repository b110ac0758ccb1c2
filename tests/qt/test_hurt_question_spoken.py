"""The session's questions say aloud what they show: the "this hurts"
question its message (the first press, a press on an exercise that hurt
before in this session, a press after easing off), the stop question itself
(core/cues.py hurt_question_line, stop_question_line); and the ease-off
answer says what the status line shows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from tests.qt.test_flow import app_window, start_session
from tests.qt.test_voice import SayingPlayer

from stretchguide.core.cues import phrases

__all__ = ["app_window"]  # the fixture, used by name


def test_each_press_says_the_message_the_question_shows(qtbot, app_window):
    # s40 gave the question a message for a second press; the clips still
    # said only "Session paused." and an engine the first press's line.
    window, clock, *_ = app_window
    view = window.session_view
    shown: list[str] = []
    answers = iter(["continue", "ease", "continue"])

    def ask_choice(title, text, choices, escape=""):
        shown.append(text)
        return next(answers)

    view.ask_choice = ask_choice
    start_session(qtbot, window)
    clock.advance(8)
    window.flow.controller.tick()
    player = SayingPlayer("en")
    window.flow.sound.cue_player = player
    window.ctx.audio = True
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_H)
    window.flow.controller.timer.stop()
    said = phrases("en")
    # The ease-off answer comes between the second and third questions.
    questions = [s for s in player.said if s[1] != ("eased_off",)]
    assert [clips for _, clips in questions] == [
        ("paused", "sharp_pain"),
        ("paused", "hurt_before"),
        ("paused", "still_hurts"),
    ]
    for text, (spoken, (_, message)) in zip(shown, questions, strict=True):
        assert text.endswith(" " + said[message])  # the screen's words
        assert spoken.startswith(f"{said['paused']} {said[message]} Press one to ")


@pytest.mark.parametrize("lang", ["de", "es", "fr"])
def test_the_spoken_message_is_the_shown_one_in_every_language(qapp, lang):
    from stretchguide.qt import i18n

    screen = {
        "sharp_pain": ("MainWindow", "The session is paused. Sharp or growing pain means stop."),
        "hurt_before": (
            "SessionFlow",
            "The session is paused. This exercise has hurt before in this session: "
            "skip it, or end the session.",
        ),
        "still_hurts": (
            "SessionFlow",
            "The session is paused. The holds are already shorter: if it still "
            "hurts, skip this exercise or end the session.",
        ),
    }
    i18n.install_language(qapp, lang, {})
    try:
        shown = {k: QCoreApplication.translate(*where) for k, where in screen.items()}
    finally:
        i18n.install_language(qapp, "en", {})  # the language is process-wide
    said = phrases(lang)
    assert {k: text.endswith(" " + said[k]) for k, text in shown.items()} == dict.fromkeys(
        screen, True
    ), (shown, said)


def test_the_stop_question_is_asked_aloud(qtbot, app_window):
    # Asked by voice from the mat ("stop"), it said only "Session paused.":
    # nothing told the person that it waited for a yes or a no.
    window, clock, *_ = app_window
    view = window.session_view
    view.confirm_stop = lambda: False  # "No, carry on"
    start_session(qtbot, window)
    clock.advance(8)
    window.flow.controller.tick()
    player = SayingPlayer("de")
    window.flow.sound.cue_player = player
    window.ctx.audio = True
    window.ctx.prefs.voice_commands = True
    view.request_stop()
    said = phrases("de")
    [(text, clips)] = player.said
    assert clips == ("paused", "stop_question")
    assert text.startswith(f"{said['paused']} {said['stop_question']} Drücken Sie eins")
    assert text.endswith("yes oder no.")


@pytest.mark.parametrize("lang", ["en", "de", "es", "fr"])
def test_the_stop_question_and_the_ease_off_answer_say_what_they_show(qapp, lang):
    from stretchguide.qt import i18n

    i18n.install_language(qapp, lang, {})
    try:
        tr = QCoreApplication.translate
        title = tr("SessionView", "Stop the session?")
        text = tr("SessionView", "The session is paused. What you have done so far is kept.")
        eased = tr("SessionFlow", "Eased off: holds are shorter from here on.")
    finally:
        i18n.install_language(qapp, "en", {})
    said = phrases(lang)
    # The question with its second sentence ("The session is paused." is said
    # as "Session paused." before it).
    assert said["stop_question"] == f"{title} {text.split('. ', 1)[1]}"
    assert eased.split(":", 1)[1].strip().lower() == said["eased_off"].lower()
