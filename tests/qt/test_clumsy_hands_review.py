"""A hurried, clumsy user at the windows (review of Dec 5, s38).

Keys held down, double and triple clicks where the page changes under the
pointer, quitting in the middle of things. Real main window, fake clocks.
Key repeats and double clicks go in through the window's QWindow, as the
platform delivers them (QTest's widget overloads skip that layer).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from tests.qt.test_flow import pass_safety_gate, tick_until

from stretchguide.core.session import Phase

ROUTINE = "flare_up_gentle"


def snap(window):
    return window.flow.session.snapshot(window.ctx.clock())


def begin(qtbot, window, clock):
    """A session under way, in its first repetitions."""
    window.start_routine(ROUTINE)
    pass_safety_gate(qtbot, window)
    qtbot.mouseClick(window.checkin.skip_button, Qt.MouseButton.LeftButton)
    window.flow.controller.timer.stop()  # the fake clock drives the ticks
    tick_until(window, clock, lambda: snap(window).phase is Phase.REPS, 400, 0.25)


def held(widget, key, text=""):
    """One repeat of a key held down, as the keyboard sends it."""
    QApplication.sendEvent(
        widget, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text, True)
    )


@pytest.fixture
def no_hang(window_clock):
    """Ends any question still open once a test's script is done, so a test
    that fails leaves no nested event loop waiting for an answer."""
    window, _ = window_clock
    overlay = window.session_view.overlay
    timer = QTimer(overlay)

    def end_it():
        for key in ("stop", "end"):
            overlay.choose(key)

    timer.timeout.connect(end_it)
    return lambda: timer.start(200)


# -- keys held down -------------------------------------------------------------------


def test_escape_held_down_leaves_the_stop_question_open(qtbot, window_clock, no_hang):
    # The Esc that asked "Stop the session?" answered it "No, carry on" by its
    # own repeat: the question flashed and the session went on.
    window, clock = window_clock
    begin(qtbot, window, clock)
    overlay = window.session_view.overlay
    seen = []

    def hold_escape_then_end():
        for _ in range(5):
            held(overlay, Qt.Key.Key_Escape)
        seen.append((overlay.isVisible(), overlay.title.text()))
        qtbot.keyClick(overlay, Qt.Key.Key_1)  # then a fresh press: yes, end it
        no_hang()

    QTimer.singleShot(0, overlay, hold_escape_then_end)
    qtbot.keyClick(window.session_view, Qt.Key.Key_Escape)
    assert seen == [(True, "Stop the session?")]
    assert window.current_page() == "checkin"
    assert window.ctx.history.sessions()[0].status.value == "stopped"


def test_escape_held_on_this_hurts_stays_on_the_stop_question(qtbot, window_clock, no_hang):
    # Held on "This hurts", Esc flipped between it and the stop question for as
    # long as the key was down ("No, back to the choices" by its repeat).
    window, clock = window_clock
    begin(qtbot, window, clock)
    overlay = window.session_view.overlay
    titles = []

    def first_escape():
        QTimer.singleShot(0, overlay, hold_escape)
        qtbot.keyClick(overlay, Qt.Key.Key_Escape)

    def hold_escape():
        for _ in range(5):
            held(overlay, Qt.Key.Key_Escape)
            titles.append(overlay.title.text() if overlay.isVisible() else "")
        qtbot.keyClick(overlay, Qt.Key.Key_1)  # yes, end the session
        no_hang()

    QTimer.singleShot(0, overlay, first_escape)
    qtbot.keyClick(window.session_view, Qt.Key.Key_H)
    assert titles == ["Stop the session?"] * 5
    assert window.current_page() == "checkin"


def test_a_held_number_answers_one_question_not_the_next(qtbot, window_clock, no_hang):
    # "2" on the stop question reached from "This hurts" goes back to the
    # choices, where 2 is "Skip this exercise": held, it skipped the exercise.
    window, clock = window_clock
    begin(qtbot, window, clock)
    overlay = window.session_view.overlay
    exercise = snap(window).step.exercise_index
    titles = []

    def escape_then_two():
        QTimer.singleShot(0, overlay, two_held)
        qtbot.keyClick(overlay, Qt.Key.Key_Escape)

    def two_held():
        QTimer.singleShot(0, overlay, repeat_two)
        qtbot.keyClick(overlay, Qt.Key.Key_2)  # "No, back to the choices"

    def repeat_two():
        held(overlay, Qt.Key.Key_2, "2")
        titles.append(overlay.title.text() if overlay.isVisible() else "")
        qtbot.keyClick(overlay, Qt.Key.Key_3)  # then: carry on
        no_hang()

    QTimer.singleShot(0, overlay, escape_then_two)
    qtbot.keyClick(window.session_view, Qt.Key.Key_H)
    assert titles == ["This hurts"]
    assert snap(window).step.exercise_index == exercise


# -- quitting in the middle of things ---------------------------------------------------


def test_quit_from_the_tray_keeps_running_when_the_person_says_not_to_lose_records(
    qtbot, window_clock, monkeypatch
):
    # "Close anyway?" answered No, and the tray's Quit quit all the same: the
    # records held only in memory were lost.
    import sqlite3

    from stretchguide.qt.tray import Companion

    window, clock = window_clock
    begin(qtbot, window, clock)
    window._companion = Companion(window, bus=None, tray=None)

    def disk_full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(window.ctx.history, "record_step", disk_full)
    monkeypatch.setattr(window.ctx.history, "finish_session", disk_full)
    tick_until(window, clock, lambda: bool(window.flow.writes.pending), 400, 0.25)
    asked = []
    window.ask = lambda title, text: asked.append(title) and False
    quits = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(True)))
    window.companion.quit()
    assert "Not saved yet" in asked
    assert quits == [] and window.isVisible()
    assert window.flow.writes.pending  # still held, still retried
    assert not window.companion.quitting  # a later close is a close, not a quit

    window.ask = lambda title, text: True  # "Close anyway?" yes: now it quits
    window.companion.quit()
    assert quits == [True]


def test_quit_from_the_tray_with_the_window_closed_to_the_tray_quits(
    qtbot, window_clock, monkeypatch
):
    from stretchguide.qt.tray import Companion

    window, _ = window_clock
    window._companion = Companion(window, bus=None, tray=None)
    window.ctx.prefs.reminder_enabled = True
    window.close()  # to the tray
    assert not window.isVisible()
    quits = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(True)))
    window.companion.quit()
    assert quits == [True]


# -- double and triple clicks where the page changes under the pointer ----------------


def spot(window, widget):
    """Where ``widget``'s centre is in the window."""
    return widget.mapTo(window, widget.rect().center())


def double_click(window, widget):
    """A double click on ``widget``, through the platform's path (Qt makes
    the second press a double click, as it does for a real mouse)."""
    QTest.mouseDClick(
        window.windowHandle(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        spot(window, widget),
    )


def triple_click(window, widget, gap_ms=90):
    """Three clicks on one spot, each ``gap_ms`` after the one before."""
    handle, at = window.windowHandle(), QPointF(spot(window, widget))
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    no_keys = Qt.KeyboardModifier.NoModifier
    kinds = [QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick]
    kinds.append(QEvent.Type.MouseButtonPress)  # Qt has no triple click: a plain press
    ms = 100_000
    for kind in kinds:
        for event_kind, buttons in ((kind, left), (QEvent.Type.MouseButtonRelease, none)):
            event = QMouseEvent(event_kind, at, window.mapToGlobal(at), left, buttons, no_keys)
            event.setTimestamp(ms)
            QApplication.sendEvent(handle, event)
            ms += 5
        ms += gap_ms


def checked_and_due(window):
    """The safety questions answered today: Start goes straight to the check-in."""
    window.ctx.prefs.disclaimer_accepted = True
    window.ctx.prefs.red_flags_checked_at = window.ctx.wall()


def test_a_double_click_on_save_after_the_session_leaves_the_advice_on_screen(qtbot, window_clock):
    # Save becomes Continue in the same place: the second click went past
    # the advice unread.
    window, clock = window_clock
    begin(qtbot, window, clock)
    window.flow.controller.stop()
    page = window.checkin
    assert page.kind == "after"
    page.back.set_value(3)
    page.leg.set_value(4)
    page.set_extent("thigh")
    double_click(window, page.save_button)
    assert window.current_page() == "checkin"
    assert page.verdict.isVisible() and page.continue_button.isVisible()
    assert [c.kind for c in window.ctx.history.checkins()].count("after") == 1
    qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)  # a click of its own
    assert window.current_page() != "checkin"


def test_a_double_or_triple_click_on_start_answers_nothing_on_the_check_in(qtbot, window_clock):
    # Start is where the check-in's Save appears: the second click pressed
    # Save on the empty form, and the check-in opened with an error.
    window, _ = window_clock
    checked_and_due(window)
    window.routines.select_routine(ROUTINE)
    double_click(window, window.routines.details.start_button)
    assert window.current_page() == "checkin"
    assert window.checkin.error.text() == ""

    window.show_page("routines")
    triple_click(window, window.routines.details.start_button)
    assert window.current_page() == "checkin"
    assert window.checkin.error.text() == ""


def test_a_double_click_on_save_before_the_session_does_not_ask_to_stop_it(qtbot, window_clock):
    # The before check-in's Save is where the session's Stop appears.
    window, _ = window_clock
    checked_and_due(window)
    window.start_routine(ROUTINE)
    page = window.checkin
    page.back.set_value(2)
    page.leg.set_value(2)
    page.set_extent("thigh")
    overlay = window.session_view.overlay
    QTimer.singleShot(500, overlay, lambda: overlay.choose("continue"))  # if it asked
    double_click(window, page.save_button)
    assert window.current_page() == "session"
    assert not overlay.isVisible()
    assert not window.flow.session.snapshot(window.ctx.clock()).paused


def test_quick_clicks_on_one_button_all_count(qtbot, window_clock):
    # The guard only drops clicks that land on something new: two quick
    # presses of Next skip two steps, and a double click on a routine card
    # still starts it.
    window, clock = window_clock
    begin(qtbot, window, clock)
    step = snap(window).step_index
    double_click(window, window.session_view.next_button)
    assert snap(window).step_index == step + 2
    window.flow.controller.stop()

    window.show_page("routines")
    checked_and_due(window)
    view = window.routines.list_view
    index = view.currentIndex()
    rect = view.visualRect(index)
    QTest.mouseDClick(
        window.windowHandle(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        view.viewport().mapTo(window, rect.center()),
    )
    assert window.current_page() == "checkin"


def test_enter_held_on_save_after_the_session_leaves_the_advice_on_screen(qtbot, window_clock):
    # Enter pressed Save, its repeat pressed Continue: the advice flashed by.
    window, clock = window_clock
    begin(qtbot, window, clock)
    window.flow.controller.stop()
    page = window.checkin
    page.back.set_value(3)
    page.leg.set_value(4)
    page.set_extent("thigh")
    page.save_button.setFocus()
    qtbot.keyClick(page.save_button, Qt.Key.Key_Return)
    assert page.verdict.isVisible()
    for _ in range(5):
        held(window.windowHandle(), Qt.Key.Key_Return, "\r")
    assert window.current_page() == "checkin" and page.verdict.isVisible()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # a fresh press goes on
    assert window.current_page() != "checkin"


# -- keys with modifiers ------------------------------------------------------------------


def test_shift_with_a_session_key_does_what_the_key_does(qtbot, window_clock):
    # A shortcut for H is deaf to Shift+H: "this hurts" did nothing for a
    # finger resting on Shift, nor did Shift+Space pause.
    window, clock = window_clock
    begin(qtbot, window, clock)
    view = window.session_view
    shift = Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view, Qt.Key.Key_Space, shift)
    assert snap(window).phase is Phase.PAUSED
    qtbot.keyClick(view, Qt.Key.Key_Space, shift)
    assert snap(window).phase is Phase.RESUMING
    asked = []
    window.ask_hurt = lambda: asked.append(True) or "continue"
    qtbot.keyClick(view, Qt.Key.Key_H, shift)
    assert asked == [True]
    held(view, Qt.Key.Key_H)  # held: once
    assert asked == [True]
    # Ctrl keeps its own meaning: Ctrl+H is not "this hurts".
    qtbot.keyClick(view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert asked == [True]


def test_the_number_pad_works_in_a_session_and_its_questions(qtbot, window_clock, no_hang):
    window, clock = window_clock
    begin(qtbot, window, clock)
    view = window.session_view
    pad = Qt.KeyboardModifier.KeypadModifier
    step = snap(window).step_index
    qtbot.keyClick(view, Qt.Key.Key_Right, pad)  # the pad's 6 with Num Lock off
    assert snap(window).step_index == step + 1
    QTimer.singleShot(0, view.overlay, lambda: qtbot.keyClick(view.overlay, Qt.Key.Key_1, pad))
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert window.current_page() == "checkin"  # 1 on the pad: yes, stop


# -- the routine editor -------------------------------------------------------------------


def new_editor(window):
    window.routines.edit_routine(None)
    editor = window.routines._editor
    editor.confirm_discard = lambda: False  # any question about closing: keep editing
    return editor


def test_a_name_pasted_at_500_characters_stops_at_the_limit_and_saves(qtbot, window_clock):
    # It was accepted into the field and refused at Save with "Please give
    # the routine a name".
    window, _ = window_clock
    editor = new_editor(window)
    editor.name.setText("Stretches " * 50)
    editor.add_current()
    path = editor.save()
    assert path is not None
    saved = window.ctx.user_routines[editor.routine().id]
    assert len(saved.name) <= 80 and saved.name.startswith("Stretches Stretches")


def test_a_name_with_hidden_characters_says_so(qtbot, window_clock):
    window, _ = window_clock
    for name in (
        "abc\u202edef",
        "zero\u200bwidth",
        "a\u200db",
    ):  # RLO, ZWSP, a joiner between letters
        editor = new_editor(window)
        editor.name.setText(name)
        editor.add_current()
        assert editor.save() is None
        assert "do not show" in editor.name_error.text(), name
        editor.confirm_discard = lambda: True
        editor.reject()
    editor = new_editor(window)
    editor.name.setText("תרגילי גב 💪")  # right to left, and an emoji of one character
    editor.add_current()
    assert editor.save() is not None


def test_a_name_with_joined_emoji_saves_and_its_look_alike_is_taken(qtbot, window_clock):
    window, _ = window_clock
    editor = new_editor(window)
    editor.name.setText("\U0001f9d8\u200d\u2640\ufe0f Morning")  # woman in lotus position
    editor.add_current()
    assert editor.save() is not None
    assert "\U0001f9d8\u200d\u2640\ufe0f Morning" in {
        r.name for r in window.ctx.user_routines.values()
    }
    # The same pictures unjoined (what a font without the emoji shows).
    editor = new_editor(window)
    editor.name.setText("\U0001f9d8\u2640 morning")
    editor.add_current()
    assert editor.save() is None
    assert "already a routine" in editor.name_error.text()


def test_the_editor_stops_at_the_most_exercises_a_routine_may_hold(qtbot, window_clock):
    # 200 were taken into the list, and Save then said "Add at least one exercise".
    from stretchguide.core.catalog import MAX_ROUTINE_ITEMS

    window, _ = window_clock
    editor = new_editor(window)
    editor.name.setText("Long one")
    for _ in range(MAX_ROUTINE_ITEMS + 5):
        editor.add_current()
    assert editor.model.rowCount() == MAX_ROUTINE_ITEMS
    assert f"at most {MAX_ROUTINE_ITEMS} exercises" in editor.item_error.text()
    assert editor.save() is not None


def test_escape_in_the_editor_asks_before_losing_edits(qtbot, window_clock):
    window, _ = window_clock
    editor = new_editor(window)
    asked = []
    editor.confirm_discard = lambda: asked.append(True) and False
    editor.show()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # nothing typed yet: just closes
    assert not editor.isVisible() and asked == []

    editor = new_editor(window)
    editor.confirm_discard = lambda: asked.append(True) and False
    editor.show()
    editor.name.setText("Half done")
    editor.add_current()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert asked == [True]
    assert editor.isVisible() and editor.name.text() == "Half done"
    editor.confirm_discard = lambda: True
    qtbot.mouseClick(editor.cancel_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()


def test_closing_the_window_with_unsaved_edits_in_the_editor_asks_first(qtbot, window_clock):
    window, _ = window_clock
    editor = new_editor(window)
    editor.show()
    editor.name.setText("Half done")
    editor.add_current()
    window.close()
    assert window.isVisible() and editor.isVisible()  # kept editing
    editor.confirm_discard = lambda: True
    window.close()
    assert not window.isVisible()
    assert list(window.ctx.paths.routines_dir.glob("*.toml")) == []


# -- the check-in after a session, left half done ----------------------------------------


def test_check_in_goes_back_to_the_after_session_check_in_left_for_another_page(
    qtbot, window_clock
):
    # History (Ctrl+2) in the middle of the after-session check-in, then
    # Check in (Ctrl+K): a new, empty form, and the session never had its
    # after check-in.
    window, clock = window_clock
    begin(qtbot, window, clock)
    window.flow.controller.stop()
    page = window.checkin
    page.back.set_value(4)
    page.leg.set_value(5)
    window.act_history.trigger()
    assert window.current_page() == "history"
    window.act_checkin.trigger()
    assert window.current_page() == "checkin"
    assert page.kind == "after" and (page.back.value(), page.leg.value()) == (4, 5)
    page.set_extent("thigh")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    [session] = window.ctx.history.sessions()
    kinds = [c.kind for c in window.ctx.history.checkins_for_session(session.id)]
    assert "after" in kinds

    qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)  # done with it
    window.act_checkin.trigger()
    assert page.kind == "any"  # a check-in of its own now


def test_closing_on_a_filled_in_check_in_asks_first(qtbot, window_clock):
    window, clock = window_clock
    begin(qtbot, window, clock)
    window.flow.controller.stop()
    asked = []
    window.ask = lambda title, text: asked.append(title) and False
    window.close()  # nothing answered yet: closes without a question
    assert asked == [] and not window.isVisible()

    window.show()
    window.checkin.back.set_value(4)
    window.close()
    assert asked == ["Check-in not saved"] and window.isVisible()
    window.ask = lambda title, text: True
    window.close()
    assert not window.isVisible()


def test_the_editor_says_when_the_whole_routine_is_too_long(qtbot, window_clock):
    # 100 exercises of 20 sets of 200 repetitions: the loader refuses the
    # whole by its length (core/catalog/fields.MAX_SESSION_HOURS); the editor
    # said "at most 100 exercises" for any refusal of the items.
    from dataclasses import replace

    from stretchguide.core.catalog import MAX_ROUTINE_ITEMS, Sides

    window, _ = window_clock
    editor = new_editor(window)
    editor.name.setText("Far too long")
    for _ in range(MAX_ROUTINE_ITEMS):
        editor.add_current()
    editor.model.items = [
        replace(i, dose=replace(i.dose, sets=20, reps=200, rep_s=5.0, sides=Sides.NONE))
        for i in editor.model.items
    ]
    assert editor.save() is None
    said = editor.item_error.text()
    assert "3 hours" in said and "StretchGuide" in said
    assert "exercises. Please remove some" not in said
