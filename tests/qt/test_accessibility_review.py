"""The accessibility review (keyboard only, screen reader, large text):
what Orca is given, where the keyboard focus goes, and what Tab reaches.

The screen reader's view is read the way Orca gets it: through
``QAccessible.queryAccessibleInterface``, never from widget properties.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QFontMetrics, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from tests.qt.test_flow import ROUTINE, app_window, fill_checkin, pass_safety_gate

__all__ = ["app_window"]  # the fixture, used by name

ELLIPSIS = "\u2026"


def shown_text(label: QLabel) -> str:
    """What a sighted person reads on ``label``: its text as plain words."""
    text = label.text()
    fmt = label.textFormat()
    if fmt == Qt.TextFormat.RichText or (
        fmt == Qt.TextFormat.AutoText and re.search(r"<[A-Za-z/!][^>]*>", text)
    ):
        doc = QTextDocument()
        doc.setHtml(text)
        text = doc.toPlainText()
    return text


def words(text: str) -> str:
    """Whitespace, mnemonic "&"s and the "…" of a shortened text left out,
    and the microphone check's tick and circle, which its names say in words
    ("heard", "not heard yet")."""
    text = re.sub(r"&(?!&)", "", text).replace(ELLIPSIS, " ")
    text = text.replace("\N{CHECK MARK}", "").replace("\N{WHITE CIRCLE}", "")
    return " ".join(text.split())


def exposed(widget: QWidget) -> str:
    """Name and description, as the accessibility bridge hands them to Orca."""
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None and iface.isValid()
    return iface.text(QAccessible.Text.Name) + " " + iface.text(QAccessible.Text.Description)


def hidden_from_screen_reader(root: QWidget) -> list[str]:
    """Each visible label whose text a screen reader is not given."""
    out = []
    for w in [root, *root.findChildren(QLabel)]:
        if not isinstance(w, QLabel) or not w.isVisible():
            continue
        seen = words(shown_text(w))
        if not seen:
            continue
        name = words(QAccessible.queryAccessibleInterface(w).text(QAccessible.Text.Name))
        if seen not in name:
            out.append(f"{seen[:60]!r} read as {name[:60]!r}")
    return out


def look(window: QWidget, where: str, found: dict[str, list[str]]) -> None:
    QApplication.processEvents()
    roots = [window, *(w for w in QApplication.topLevelWidgets() if w.isVisible())]
    missing = [m for r in dict.fromkeys(roots) for m in hidden_from_screen_reader(r)]
    found[where] = sorted(set(missing))


def test_every_label_on_every_page_gives_a_screen_reader_its_text(qtbot, app_window):
    window, clock, *_ = app_window
    found: dict[str, list[str]] = {}
    window.resize(1280, 800)
    look(window, "routines", found)
    window.start_routine(ROUTINE)
    gate = window.safety
    look(window, "disclaimer", found)
    qtbot.mouseClick(gate.accept_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(gate.check_button, Qt.MouseButton.LeftButton)
    look(window, "safety questions, one unanswered", found)
    gate.answer_all_no()
    gate.set_answer("bladder_bowel", True)
    qtbot.mouseClick(gate.check_button, Qt.MouseButton.LeftButton)
    assert gate.currentWidget() is gate.result_page
    look(window, "urgent result", found)
    qtbot.mouseClick(gate.ack_button, Qt.MouseButton.LeftButton)

    window.start_routine(ROUTINE)
    pass_safety_gate(qtbot, window)
    page = window.checkin
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.error.text()
    look(window, "check-in with its error", found)
    fill_checkin(qtbot, page, back=5, leg=6)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "session"
    controller = window.flow.controller
    controller.timer.stop()
    controller.toggle_pause()  # the status line says something
    look(window, "session, paused", found)
    controller.toggle_pause()

    def hurt_question(overlay):
        look(window, "this hurts", found)
        overlay.choose("continue")

    while_asked([hurt_question])
    window.session_view.sig_hurts.emit()
    controller.timer.stop()
    total = window.flow.session.timeline.total_s
    t = 0.0
    while window.current_page() == "session" and t < total + 30:
        clock.advance(1.0)
        controller.tick()
        t += 1.0
    assert window.current_page() == "checkin"
    look(window, "check-in after", found)
    fill_checkin(qtbot, page, back=3, leg=4)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.verdict.isVisible()
    look(window, "verdict", found)
    qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "history"
    look(window, "history", found)
    window.show_page("guidance")
    look(window, "guidance", found)
    window.open_settings()
    look(window, "settings", found)
    window._settings_dialog.reject()
    assert "this hurts" in found  # the question was looked at, open
    left = {where: m for where, m in found.items() if m}
    assert not left, left


def test_the_countdown_says_the_phase_with_its_number_and_speaks_once_a_phase(
    qtbot, app_window, monkeypatch
):
    from stretchguide.qt import accessible

    window, clock, *_ = app_window
    start_a_session(qtbot, window)
    sent = []
    monkeypatch.setattr(accessible, "_send", sent.append)
    view, controller = window.session_view, window.flow.controller
    dial = view.dial
    first = window.flow.session.snapshot(clock())
    phases = [(first.phase, first.step_index)]  # announced as the session began
    for _ in range(120):  # two minutes, in half seconds: several phases
        clock.advance(0.5)
        controller.tick()
        snap = window.flow.session.snapshot(clock())
        read = exposed(dial)
        # What to do and the number, together, as the dial shows them.
        assert dial.caption in read and dial.text in read, read
        if dial.sub:
            assert dial.sub in read
        key = (snap.phase, snap.step_index)
        if snap.phase.value in ("prepare", "hold", "reps", "switch", "rest") and (
            not phases or phases[-1] != key
        ):
            phases.append(key)
    said = [e.message() for e in sent if e.type() == QAccessible.Event.Announcement]
    said = [m for m in said if m.split(",")[0] in ("Get ready", "Hold", "Move", "Rest")]
    # Once as each phase begins, not every second.
    assert len(phases) >= 4 and len(said) == len(phases) - 1, (phases, said)


def test_the_side_and_state_badges_say_their_words(qtbot, app_window):
    window, clock, *_ = app_window
    start_a_session(qtbot, window)
    view, controller = window.session_view, window.flow.controller
    for _ in range(900):  # to the first exercise done one side at a time
        if view.side.isVisibleTo(view):
            break
        clock.advance(1.0)
        controller.tick()
    shown = view.side.text()
    assert shown in ("LEFT", "RIGHT", "LEFT LEG", "RIGHT LEG")
    # The side in words (not the capitals drawn), then what it is.
    spoken = shown.capitalize() if " " in shown else shown.capitalize() + " side"
    assert exposed(view.side) == spoken + " Side"
    controller.toggle_pause()
    controller.toggle_mute()
    assert exposed(view.paused_badge) == "Paused "
    assert exposed(view.mute_badge) == "Sound off Sound"


def test_the_session_labels_say_their_words_and_keep_their_role(qtbot, app_window):
    window, *_ = app_window
    window.start_routine(ROUTINE)
    pass_safety_gate(qtbot, window)
    fill_checkin(qtbot, window.checkin, back=5, leg=6)
    qtbot.mouseClick(window.checkin.save_button, Qt.MouseButton.LeftButton)
    view = window.session_view
    window.flow.controller.timer.stop()
    window.flow.controller.toggle_pause()
    status = view.full_text(view.status)
    assert status
    read = exposed(view.status)
    # The words shown (in full, even when shortened on screen), then what they are.
    assert status in read and "Status" in read
    assert view.full_text(view.name) in exposed(view.name)
    assert "Exercise" in exposed(view.name)


def test_a_shortened_session_text_is_read_in_full(qtbot):
    from PySide6.QtWidgets import QLabel as Label

    from stretchguide.qt.session_view import SessionView

    view = SessionView()
    qtbot.addWidget(view)
    view.resize(900, 420)
    view.show()
    long = "Keep the knee soft and the back flat on the mat, " * 8
    view.set_status(long.strip())
    qtbot.wait(1)
    shown = view.status.text()
    assert shown.endswith(ELLIPSIS)  # the test needs a shortened text
    name = QAccessible.queryAccessibleInterface(view.status).text(QAccessible.Text.Name)
    assert name == long.strip()
    view.set_status("Paused")
    qtbot.wait(1)
    assert QAccessible.queryAccessibleInterface(view.status).text(QAccessible.Text.Name) == "Paused"
    assert isinstance(view.status, Label)


def test_the_session_status_is_announced_as_it_changes(qtbot, monkeypatch):
    from stretchguide.qt import accessible
    from stretchguide.qt.session_view import SessionView

    sent = []
    monkeypatch.setattr(accessible, "_send", sent.append)
    view = SessionView()
    qtbot.addWidget(view)
    view.show()
    view.set_status("Sound off")
    said = [e.message() for e in sent if e.type() == QAccessible.Event.Announcement]
    assert said == ["Sound off"]


def test_the_urgent_advice_takes_the_focus_and_is_read_whole(qtbot, app_window):
    window, *_ = app_window
    window.start_routine(ROUTINE)
    gate = window.safety
    qtbot.mouseClick(gate.accept_button, Qt.MouseButton.LeftButton)
    gate.answer_all_no()
    gate.set_answer("bladder_bowel", True)
    qtbot.mouseClick(gate.check_button, Qt.MouseButton.LeftButton)
    focus = QApplication.focusWidget()
    assert focus is gate.result_text
    read = exposed(focus)
    assert "Seek urgent medical help" in read
    assert words(gate.result_text.text()) in words(read)
    # Tab goes on to the one button.
    qtbot.keyClick(focus, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is gate.ack_button


def test_the_verdict_takes_the_focus_and_enter_goes_on(qtbot, app_window):
    window, clock, *_ = app_window
    window.checkin_now()
    page = window.checkin
    fill_checkin(qtbot, page, back=3, leg=4)
    page.set_side("left")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.verdict.isVisible()
    assert QApplication.focusWidget() is page.verdict
    assert "Saved" in exposed(page.verdict)
    assert page.verdict.focusPolicy() & Qt.FocusPolicy.TabFocus
    qtbot.keyClick(page.verdict, Qt.Key.Key_Return)
    assert window.current_page() != "checkin"


def test_save_with_a_missing_answer_shows_and_focuses_the_message(qtbot, app_window):
    window, *_ = app_window
    window.resize(900, 420)  # the form is taller than the window
    window.checkin_now()
    page = window.checkin
    qtbot.wait(1)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.wait(1)
    assert page.error.text()
    assert QApplication.focusWidget() is page.error
    assert not page.error.visibleRegion().isEmpty()
    assert words(page.error.text()) in words(exposed(page.error))
    # An empty message is never an (invisible) Tab stop.
    page.back.set_value(2)
    page.leg.set_value(2)
    page.set_extent("thigh")
    page.extent_group.idClicked.emit(2)
    assert page.error.text() == ""
    assert page.error.focusPolicy() == Qt.FocusPolicy.NoFocus


@pytest.mark.parametrize("dark", [False, True])
def test_error_text_reads_on_light_and_dark(qtbot, dark):
    from stretchguide.qt.accessible import MessageLabel
    from stretchguide.qt.theme import dark_palette

    holder = QWidget()
    qtbot.addWidget(holder)
    if dark:
        holder.setPalette(dark_palette())
    label = MessageLabel(error=True, parent=holder)
    label.setText("Please answer every question.")
    from PySide6.QtGui import QPalette

    fg = label.palette().color(QPalette.ColorRole.WindowText)
    bg = label.palette().color(QPalette.ColorRole.Window)
    assert contrast(fg, bg) >= 4.5


def contrast(a, b) -> float:
    def lum(c) -> float:
        def f(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * f(c.redF()) + 0.7152 * f(c.greenF()) + 0.0722 * f(c.blueF())

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def tab_from(qtbot, widget: QWidget, times: int = 1, back: bool = False) -> QWidget:
    """Press Tab (or Shift+Tab) ``times`` from ``widget``; the widget focused after."""
    widget.setFocus()
    for _ in range(times):
        focus = QApplication.focusWidget()
        assert focus is not None
        if back:
            qtbot.keyClick(focus, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        else:
            qtbot.keyClick(focus, Qt.Key.Key_Tab)
    focus = QApplication.focusWidget()
    assert focus is not None
    return focus


@pytest.mark.parametrize("kind", ["before", "after"])
def test_tab_reaches_numbness_and_weakness(qtbot, kind):
    from stretchguide.qt.checkin import CheckinPage

    page = CheckinPage()
    qtbot.addWidget(page)
    page.resize(1000, 800)
    page.start(kind, [("bridge", "Bridge")])
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    assert tab_from(qtbot, page.tingling) is page.numbness
    assert tab_from(qtbot, page.numbness) is page.weakness
    assert tab_from(qtbot, page.weakness, back=True) is page.numbness
    # Space ticks each; they stay independent of one another.
    for b in (page.tingling, page.numbness, page.weakness):
        b.setFocus()
        qtbot.keyClick(b, Qt.Key.Key_Space)
    assert all(b.isChecked() for b in (page.tingling, page.numbness, page.weakness))


def activate(qtbot, window: QWidget) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def tab_ring(qtbot, start: QWidget, limit: int = 60) -> list[QWidget]:
    """Every widget Tab visits from ``start`` until it comes back (or ``limit``)."""
    start.setFocus()
    seen: list[QWidget] = []
    for _ in range(limit):
        focus = QApplication.focusWidget()
        assert focus is not None
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is start or now in seen:
            break
        seen.append(now)
    return seen


def test_tab_reaches_the_toolbar_and_enter_opens_its_page(qtbot, app_window):
    window, *_ = app_window
    window.ensure_routines()
    activate(qtbot, window)
    visited = tab_ring(qtbot, window.routines.list_view)
    bar = window.nav
    for act in (
        window.act_history,
        window.act_checkin,
        window.act_settings,
        window.act_guidance,
        window.act_safety,
    ):
        assert bar.widgetForAction(act) in visited, act.text()
    history = bar.widgetForAction(window.act_history)
    history.setFocus()
    qtbot.keyClick(history, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_page() == "history")
    # From the History page too.
    assert bar.widgetForAction(window.act_guidance) in tab_ring(qtbot, history)


def start_a_session(qtbot, window) -> None:
    window.ensure_routines()  # as after the first paint: it focuses the list
    window.start_routine(ROUTINE)
    pass_safety_gate(qtbot, window)
    qtbot.mouseClick(window.checkin.skip_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "session"
    window.flow.controller.timer.stop()
    view = window.session_view
    view.confirm_stop = view._ask_stop  # the real stop question, not the fixture's yes
    activate(qtbot, window)


def while_asked(steps) -> list:
    """Run ``steps`` one after another, each once the next question is open
    (questions block in a local event loop). Each gets the overlay and
    returns what to record; an answer is forced if a step failed, so a
    failing test ends instead of waiting for ever."""
    from PySide6.QtCore import QTimer

    record: list = []

    def run(i: int) -> None:
        from stretchguide.qt.choice_overlay import ChoiceOverlay

        overlay = next(
            w for w in QApplication.allWidgets() if isinstance(w, ChoiceOverlay) and w.isVisible()
        )
        try:
            if i + 1 < len(steps):
                QTimer.singleShot(0, QApplication.instance(), lambda: run(i + 1))
            record.append(steps[i](overlay))
        except Exception as err:  # noqa: BLE001 - reported by the test, outside the loop
            record.append(err)
            overlay.cancel()

    QTimer.singleShot(0, QApplication.instance(), lambda: run(0))
    return record


def test_tab_stays_inside_the_hurt_question_and_its_keys_still_answer(qtbot, app_window):
    window, *_ = app_window
    start_a_session(qtbot, window)
    view = window.session_view

    def press(overlay):
        focused = [QApplication.focusWidget()]
        qtbot.keyClick(overlay, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        focused.append(QApplication.focusWidget())
        for _ in range(7):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            focused.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_4)  # 4: end the session
        return focused, overlay

    record = while_asked([press])
    qtbot.keyClick(view, Qt.Key.Key_H)
    (focused, overlay), *_ = record
    assert all(f is overlay or overlay.isAncestorOf(f) for f in focused), focused
    assert any(isinstance(f, QPushButton) for f in focused)  # the answers, too
    assert window.current_page() != "session"


def test_the_question_shows_a_ring_while_it_has_the_focus(qtbot, app_window):
    from PySide6.QtGui import QColor, QPalette

    window, *_ = app_window
    start_a_session(qtbot, window)
    view = window.session_view

    def look(overlay):
        image = overlay.grab().toImage()
        ring = overlay.palette().color(QPalette.ColorRole.Highlight)
        edge = QColor(image.pixel(4, overlay.height() // 2))
        focused = QApplication.focusWidget() is overlay
        overlay.choose("continue")
        return focused, edge == ring

    record = while_asked([look])
    qtbot.keyClick(view, Qt.Key.Key_H)
    assert record == [(True, True)]


def test_esc_on_this_hurts_asks_whether_to_stop_and_never_resumes_unasked(qtbot, app_window):
    window, clock, *_ = app_window
    start_a_session(qtbot, window)
    view = window.session_view

    def escape(overlay):
        hint = overlay.keys_hint.text() if overlay.keys_hint.isVisible() else ""
        qtbot.keyClick(overlay, Qt.Key.Key_Escape)
        return hint

    def stop_question(overlay):
        seen = (overlay.title.text(), overlay.keys_hint.text())
        qtbot.keyClick(overlay, Qt.Key.Key_1)  # 1: yes, end the session
        return seen

    record = while_asked([escape, stop_question])
    qtbot.keyClick(view, Qt.Key.Key_H)
    hint, (title, stop_hint) = record
    assert hint.startswith("Esc:") and "Stop the session" in hint
    assert title == "Stop the session?"
    # "No" here goes back to the hurt question's choices, not into the exercise.
    assert stop_hint == "Esc: No, back to the choices"
    assert window.current_page() != "session"


def test_the_stop_questions_no_says_where_it_goes_each_time(qtbot, app_window):
    window, *_ = app_window
    start_a_session(qtbot, window)
    view = window.session_view

    def seen(overlay):
        shown = (overlay.keys_hint.text(), words(overlay.buttons["continue"].text()))
        qtbot.keyClick(overlay, Qt.Key.Key_Escape)
        return shown

    def escape(overlay):
        qtbot.keyClick(overlay, Qt.Key.Key_Escape)

    def carry_on(overlay):
        qtbot.keyClick(overlay, Qt.Key.Key_3)  # 3: carry on

    # Esc in the session: "No" carries on.
    record = while_asked([seen])
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert record == [("Esc: No, carry on", "2 No, carry on")]
    assert window.current_page() == "session"
    # From "This hurts": "No" goes back to its choices; the hurt question
    # then carries on, and the next stop question says "carry on" again.
    record = while_asked([escape, seen, carry_on])
    qtbot.keyClick(view, Qt.Key.Key_H)
    assert record[1] == ("Esc: No, back to the choices", "2 No, back to the choices")
    record = while_asked([seen])
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert record == [("Esc: No, carry on", "2 No, carry on")]


def test_no_to_stopping_goes_back_to_the_hurt_choices_never_into_the_exercise(qtbot, app_window):
    """Esc, then Esc ("No") on the stop question, put the person back into
    the exercise that hurt (a walk-through): "No" now returns to the choices,
    and only "Carry on" resumes."""
    window, clock, *_ = app_window
    start_a_session(qtbot, window)
    view = window.session_view
    session = window.flow.session

    def escape(overlay):
        qtbot.keyClick(overlay, Qt.Key.Key_Escape)

    def stop_question(overlay):
        paused = session.snapshot(clock()).paused
        qtbot.keyClick(overlay, Qt.Key.Key_Escape)  # "No"
        return paused

    def hurt_again(overlay):
        title = overlay.title.text()
        paused = session.snapshot(clock()).paused
        qtbot.keyClick(overlay, Qt.Key.Key_3)  # 3: carry on, chosen
        return title, paused

    record = while_asked([escape, stop_question, hurt_again])
    qtbot.keyClick(view, Qt.Key.Key_H)
    assert record == [None, True, ("This hurts", True)]
    assert window.current_page() == "session"
    # Carrying on, as chosen: the short get-ready before the exercise goes on.
    assert session.snapshot(clock()).phase.value == "resuming"


def test_tab_leaves_the_help_or_hurt_table(qtbot):
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    from stretchguide.core.trends.exercises import ExerciseLink
    from stretchguide.qt.history_table import HelpsHurtsBox

    holder = QWidget()
    before, after = QPushButton("before"), QPushButton("after")
    box = HelpsHurtsBox({})
    col = QVBoxLayout(holder)
    for w in (before, box, after):
        col.addWidget(w)
    qtbot.addWidget(holder)
    box.model.set_links([ExerciseLink(x, 1, 0, 0, felt_better=2) for x in ("a", "b", "c")])
    holder.show()
    activate(qtbot, holder)
    table = box.table
    table.setFocus()
    table.setCurrentIndex(box.model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is after
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is before


@pytest.mark.parametrize("title", ["Ready for a little more?", "Go gentler next time?"])
def test_enter_in_the_plan_offers_changes_nothing(qtbot, title):
    from stretchguide.qt.plan_offers import OffersDialog

    lines = ["Bridge: 12 reps instead of 10 reps", "Clam shell: 40 s instead of 30 s"]
    dialog = OffersDialog(title, "StretchGuide suggests …", lines, None)
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert dialog.chosen() == [False, False]


def test_tab_goes_down_the_after_session_form_in_screen_order(qtbot):
    from PySide6.QtWidgets import QAbstractScrollArea

    from stretchguide.qt.checkin import CheckinPage

    page = CheckinPage()
    qtbot.addWidget(page)
    page.resize(1000, 800)
    page.start("after", [("bridge", "Bridge"), ("clam_shell", "Clam")])
    page.show()
    activate(qtbot, page)
    visited = tab_ring(qtbot, page.back.group.button(0))
    at = {w: i for i, w in enumerate(visited)}
    first_rows = [min(at[b] for b in g.buttons() if b in at) for g in page.response_groups.values()]
    assert at[page.weakness] < first_rows[0] < first_rows[1] < at[page.note]
    assert at[page.note] < at[page.save_button]
    # No stop on something that shows nothing.
    assert not any(isinstance(w, QAbstractScrollArea) for w in visited)


def test_the_safety_questions_and_settings_have_no_invisible_tab_stop(qtbot, app_window):
    from PySide6.QtWidgets import QScrollArea

    window, *_ = app_window
    window.ensure_routines()
    window.start_routine(ROUTINE)
    gate = window.safety
    qtbot.mouseClick(gate.accept_button, Qt.MouseButton.LeftButton)
    activate(qtbot, window)
    assert not any(isinstance(w, QScrollArea) for w in tab_ring(qtbot, gate.all_no_button))
    window.show_page("routines")
    window.open_settings()
    dialog = window._settings_dialog
    activate(qtbot, dialog)
    assert not isinstance(QApplication.focusWidget(), QScrollArea)
    first = QApplication.focusWidget()
    assert first is not None and dialog.isAncestorOf(first)
    assert not any(isinstance(w, QScrollArea) for w in tab_ring(qtbot, first))
    dialog.reject()


def test_enter_presses_the_focused_page_button(qtbot, app_window):
    window, *_ = app_window
    window.ensure_routines()
    window.start_routine(ROUTINE)
    gate = window.safety
    qtbot.mouseClick(gate.accept_button, Qt.MouseButton.LeftButton)
    activate(qtbot, window)
    gate.all_no_button.setFocus()
    qtbot.keyClick(gate.all_no_button, Qt.Key.Key_Return)
    assert all(g.checkedId() == 0 for g in gate.answers.values())
    qtbot.mouseClick(gate.check_button, Qt.MouseButton.LeftButton)
    page = window.checkin
    page.skip_button.setFocus()
    qtbot.keyClick(page.skip_button, Qt.Key.Key_Return)
    assert window.current_page() == "session"
    window.flow.controller.timer.stop()
    window.flow.controller.stop()
    assert window.current_page() == "checkin"
    fill_checkin(qtbot, page, back=3, leg=3)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    page.continue_button.setFocus()
    qtbot.keyClick(page.continue_button, Qt.Key.Key_Return)
    assert window.current_page() != "checkin"


def ring_colour(element, widget: QWidget):
    """The colour the app's style draws at the edge of a focused ``element``."""
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QStyle, QStyleOption

    from stretchguide.qt.style import focus_ring_style

    style = focus_ring_style("Fusion")
    option = QStyleOption()
    option.initFrom(widget)
    option.rect.setRect(0, 0, 60, 40)
    option.state |= QStyle.StateFlag.State_HasFocus
    image = QImage(60, 40, QImage.Format.Format_ARGB32)
    image.fill(QColor("#2f7dd1"))  # a chosen answer's fill
    p = QPainter(image)
    style.drawPrimitive(element, option, p, widget)
    p.end()
    return QColor(image.pixel(1, 20))


def test_the_focus_ring_shows_on_a_chosen_answer(qtbot):
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QPushButton, QStyle

    button = QPushButton("6")
    qtbot.addWidget(button)
    button.setCheckable(True)
    button.setChecked(True)
    edge = ring_colour(QStyle.PrimitiveElement.PE_FrameFocusRect, button)
    assert contrast(edge, QColor("#2f7dd1")) >= 3, edge.name()


def test_a_focused_list_or_text_shows_a_ring(qtbot):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QStyle, QTextBrowser

    browser = QTextBrowser()
    qtbot.addWidget(browser)
    edge = ring_colour(QStyle.PrimitiveElement.PE_Frame, browser)
    assert edge == browser.palette().color(QPalette.ColorRole.Highlight)


def test_saved_answers_stay_readable_and_fixed(qtbot, app_window):
    from PySide6.QtGui import QPalette

    window, *_ = app_window
    window.checkin_now()
    page = window.checkin
    activate(qtbot, window)
    fill_checkin(qtbot, page, back=3, leg=4)
    page.set_side("left")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.verdict.isVisible()
    window.show_page("checkin")  # the verdict stays on screen to be read
    # Drawn in the normal text colour, not greyed out (1.6:1 before).
    for b in (page.numbness, page.leg.group.button(4), page.back.group.button(0)):
        assert b.isEnabled()
        pal = b.palette()
        fg = pal.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)
        assert contrast(fg, pal.color(QPalette.ColorRole.Button)) >= 4.5
    # ...and nothing changes them: a click, Space, the arrows, Alt+N.
    qtbot.mouseClick(page.numbness, Qt.MouseButton.LeftButton)
    page.numbness.setFocus()
    qtbot.keyClick(page.numbness, Qt.Key.Key_Space)
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.wait(300)  # a mnemonic clicks after a short delay
    assert not page.numbness.isChecked()
    page.leg.group.button(4).setFocus()
    qtbot.keyClick(page.leg.group.button(4), Qt.Key.Key_Right)
    qtbot.mouseClick(page.back.group.button(9), Qt.MouseButton.LeftButton)
    assert (page.back.value(), page.leg.value()) == (3, 4)
    assert page.note.isReadOnly()
    # The next check-in starts open again.
    window.checkin_now()
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(page.numbness.isChecked)  # a mnemonic clicks after a short delay


def test_routine_cautions_read_on_light_and_dark(qtbot):
    from PySide6.QtGui import QColor, QPalette

    from stretchguide.core.catalog import load_builtin
    from stretchguide.qt.routine_details import RoutineDetails
    from stretchguide.qt.theme import dark_palette

    catalog = load_builtin()
    routine = catalog.routines[ROUTINE]
    assert any(catalog.exercises[i.exercise_id].cautions for i in routine.items)
    details = RoutineDetails()
    qtbot.addWidget(details)
    details.show_routine(routine, catalog.exercises, 240.0)
    app = QApplication.instance()
    light = app.palette()
    # The theme changes while the routine shows (Settings, or the system's).
    for palette in (dark_palette(), light):
        app.setPalette(palette)
        QApplication.processEvents()
        base = details.browser.palette().color(QPalette.ColorRole.Base)
        colours = set(re.findall(r"color:\s*(#[0-9a-fA-F]{6})", details.browser.toHtml()))
        warm = [c for c in colours if c.lower() not in ("#000000", "#ffffff", "#e8e8e8")]
        assert warm and all(contrast(QColor(c), base) >= 4.5 for c in warm), (warm, base.name())
    app.setPalette(light)


def test_each_routine_filter_is_named_by_its_label(qtbot, app_window):
    window, *_ = app_window
    window.ensure_routines()
    page = window.routines
    for combo, word in ((page.cause_filter, "Cause"), (page.position_filter, "Position")):
        iface = QAccessible.queryAccessibleInterface(combo)
        # On Linux Qt's name for a combo box is its current item; Orca takes
        # the name from the label it is "labelled by".
        labels = [
            i.text(QAccessible.Text.Name) for i, _ in iface.relations(QAccessible.Relation.Label)
        ]
        assert any(word in name for name in labels), (word, labels)
        label = next(w for w in page.findChildren(QLabel) if w.buddy() is combo)
        assert label.isVisible()


def colours_of(widget: QWidget):
    """The background and text colours of ``widget`` as drawn: the commonest
    colour, and the one furthest from it in contrast."""
    from collections import Counter

    image = widget.grab().toImage()
    inner = [
        image.pixelColor(x, y)
        for x in range(3, image.width() - 3)
        for y in range(3, image.height() - 3)
    ]
    bg = Counter(c.rgb() for c in inner).most_common(1)[0][0]
    from PySide6.QtGui import QColor

    bg_colour = QColor.fromRgb(bg)
    fg = max(inner, key=lambda c: contrast(c, bg_colour))
    return bg_colour, fg


@pytest.mark.parametrize("first", ["light", "dark"])
def test_the_equipment_button_follows_the_theme_and_reads(qtbot, app_window, first):
    from PySide6.QtGui import QPalette

    from stretchguide.qt import theme

    window, *_ = app_window
    try:
        theme.set_theme(first)
        window.ensure_routines()  # built in one theme...
        button = window.routines.equipment_button
        for now in ("dark", "light") if first == "light" else ("light", "dark"):
            theme.set_theme(now)  # ...shown in the other, and back
            QApplication.processEvents()
            bg, fg = colours_of(button)
            # The page's window colour (a style sheet froze the button's own palette).
            window_colour = window.routines.palette().color(QPalette.ColorRole.Window)
            assert (bg.lightness() < 128) == (window_colour.lightness() < 128), (now, bg.name())
            assert contrast(fg, bg) >= 4.5, (now, fg.name(), bg.name())
    finally:
        theme.set_theme("light")


@pytest.fixture
def large_text(qapp):
    """The application's font at twice its size, as with large text set."""
    from tests.qt.text_fit import app_font_scaled

    with app_font_scaled(qapp, 2):
        yield


def test_routine_cards_keep_every_badge_and_the_whole_name_at_large_text(
    qtbot, large_text, app_window
):
    from PySide6.QtWidgets import QStyleOptionViewItem

    from stretchguide.qt.routine_list import Role

    window, *_ = app_window
    window.resize(1024, 700)
    window.ensure_routines()
    qtbot.wait(50)
    view = window.routines.list_view
    delegate = view.itemDelegate()
    model = view.model()
    port = view.viewport().rect()
    assert port.width() < 450  # the test needs a narrow list, where badges used to drop
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        rect = view.visualRect(index)
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)
        option.rect = rect
        card = delegate.card_layout(option, index, rect)
        badges = (index.data(Role.POSITION_BADGES) or []) + (index.data(Role.BADGES) or [])
        assert [text for _, text, _ in card.pills] == badges  # every one drawn
        for part in [card.title, card.summary, *(p for p, _, _ in card.pills)]:
            # Inside its card (which grew to hold it) and across the list's width.
            assert rect.contains(part), (index.data(), part, rect)
            assert part.right() <= port.right()
        fm = QFontMetrics(delegate._fonts(option)[0])
        wrapped = fm.boundingRect(card.title, int(Qt.TextFlag.TextWordWrap), index.data())
        assert wrapped.height() <= card.title.height()  # the name is not cut


def streak_row(qtbot, width: int):
    from datetime import date

    from stretchguide.qt.history_streak import StreakRow

    row = StreakRow()
    qtbot.addWidget(row)
    today = date(2026, 3, 11)
    row.strip.set_days({date(2026, 3, d) for d in range(1, 12)}, today)
    row.label.setText(row.text(10, 21, planned=False))
    row.resize(width, 200)
    row.show()
    qtbot.waitExposed(row)
    QApplication.processEvents()
    return row


def check_strip_fits(row) -> None:
    from PySide6.QtGui import QFontMetricsF

    strip = row.strip
    side = strip.square_side()
    fm = QFontMetricsF(strip.digit_font())
    # Every day number fits inside its square, in type near the text's size...
    assert fm.horizontalAdvance("28") < side and fm.height() <= side
    assert strip.digit_font().pointSizeF() >= 0.8 * QApplication.font().pointSizeF()
    # ...and the 21 squares fit the strip, which neither overlaps the words
    # nor leaves the row.
    assert 21 * side + 20 * strip.GAP <= strip.width() + 0.5
    assert side + 1 <= strip.height()
    assert not row.label.geometry().intersects(strip.geometry())
    assert row.rect().contains(strip.geometry())


def test_the_21_day_strip_fits_its_numbers_at_large_text(qtbot, large_text):
    row = streak_row(qtbot, 1000)  # the History page's width in a 1024-pixel window
    check_strip_fits(row)
    assert not row.side_by_side()  # under the streak in words: there was no room beside
    # Its wrapped words are not cut either.
    assert row.label.height() >= row.label.heightForWidth(row.label.width())


def test_the_21_day_strip_stays_beside_the_words_at_normal_text(qtbot):
    row = streak_row(qtbot, 1000)
    check_strip_fits(row)
    assert row.side_by_side()


@pytest.mark.parametrize("lang", ["en", "de", "es", "fr"])
def test_the_help_or_hurt_headers_take_at_most_two_lines_at_1024_pixels(qtbot, language, lang):
    from PySide6.QtWidgets import QStyle
    from tests.qt.test_history_and_scale_polish import help_hurt_box

    language(lang)
    box = help_hurt_box(qtbot)
    table, header = box.table, box.table.horizontalHeader()
    fm = header.fontMetrics()
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, table)
    flags = int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
    for col in range(box.model.columnCount()):
        text = box.model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        width = table.columnWidth(col) - 4 * margin
        drawn = fm.boundingRect(0, 0, width, 10_000, flags, text)
        assert drawn.height() <= 2 * fm.lineSpacing(), (col, text, width)
        # No word is split over two lines, nor cut at the side.
        assert max(fm.horizontalAdvance(w) for w in text.split()) <= width, (col, text)
        assert header.height() >= drawn.height()
    # The names keep their room and nothing needs a sideways scroll.
    assert table.columnWidth(0) >= 12 * table.fontMetrics().averageCharWidth()
    assert sum(table.columnWidth(c) for c in range(5)) <= table.viewport().width()
    # The symbols are explained under the table, and said in words.
    assert "\u2713" in box.key.text() and box.key.isVisible()
    cells = QAccessible.queryAccessibleInterface(table)
    heads = [cells.child(i) for i in range(cells.childCount())]
    heads = [h for h in heads if h.role() == QAccessible.Role.ColumnHeader]
    for col in (2, 4):
        spoken = heads[col].text(QAccessible.Text.Name)
        assert "\u2713" not in spoken and len(spoken.split()) >= 4, spoken
