"""Picking the right routine, and the check-in and check-out around it (issue 17)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from tests.support import FakeClock

from stretchguide import paths
from stretchguide.core.catalog import Cause
from stretchguide.qt.app import build_window
from stretchguide.qt.routine_list import Role, is_starter


@pytest.fixture
def picker(qtbot, _private_data_dir):
    clock = FakeClock(5000.0)
    wall = FakeClock(1_760_000_000.0)
    window = build_window(paths.resolve(str(_private_data_dir)), clock=clock, wall=wall)
    window.ctx.audio = False
    window.ctx.prefs.session_fullscreen = False
    # Closing on a half-filled check-in asks first: no modal box in a test.
    window.ask = lambda title, text: True
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    yield window, clock
    window.ctx.history.close()


def visible_ids(window):
    return [
        window.routines.proxy.index(r, 0).data(Role.ROUTINE_ID)
        for r in range(window.routines.proxy.rowCount())
    ]


def test_the_routine_for_beginners_and_flare_ups_is_first_and_labelled(qtbot, picker):
    window, _ = picker
    window.ensure_routines()
    first = window.routines.model.rows()[0]
    assert is_starter(first.routine)
    assert first.routine.id == "flare_up_gentle"
    assert any("beginners and flare-ups" in b for b in window.routines.model.badges(first))
    assert (
        window.routines.details.routine is not None
        and window.routines.details.routine.id == first.routine.id
    )


def test_details_and_start_follow_the_filtered_list(qtbot, picker):
    window, _ = picker
    window.ensure_routines()
    window.routines.select_routine("flare_up_gentle")
    index = window.routines.cause_filter.findData(Cause.PIRIFORMIS)
    window.routines.cause_filter.setCurrentIndex(index)
    shown = visible_ids(window)
    assert "flare_up_gentle" not in shown and shown
    assert window.routines.details.routine.id == shown[0]
    assert window.routines.list_view.currentIndex().data(Role.ROUTINE_ID) == shown[0]
    assert window.routines.details.start_button.isEnabled()


def test_an_empty_list_says_no_routine_matches_and_can_clear_the_filters(qtbot, picker):
    window, _ = picker
    window.ensure_routines()
    for act in window.routines.equipment_actions.values():
        act.setChecked(False)
    window.routines.no_floor.setChecked(True)
    assert window.routines.proxy.rowCount() == 0
    details = window.routines.details
    assert window.routines._list_empty_label().isVisibleTo(window)  # the list says it too
    assert "No routine matches" in details.empty.text()
    assert details.empty.isVisibleTo(window) and details.clear_filters_button.isVisibleTo(window)
    assert not details.start_button.isEnabled()
    assert details.routine is None

    qtbot.mouseClick(details.clear_filters_button, Qt.MouseButton.LeftButton)
    assert window.routines.proxy.rowCount() == window.routines.model.rowCount()
    assert details.routine is not None and details.start_button.isEnabled()
    assert not details.clear_filters_button.isVisibleTo(window)
    assert not window.routines._list_empty_label().isVisibleTo(window)


def test_the_check_in_names_the_routine(qtbot, picker):
    window, _ = picker
    from tests.qt.test_flow import pass_safety_gate

    window.start_routine("flare_up_gentle")
    pass_safety_gate(qtbot, window)
    assert window.current_page() == "checkin"
    label = window.checkin.routine_label
    assert label.isVisibleTo(window) and "Flare-up" in label.text()


def test_the_check_out_shows_before_values_and_is_read_only_after_save(qtbot, picker):
    window, _ = picker
    from tests.qt.test_flow import fill_checkin, pass_safety_gate

    window.start_routine("flare_up_gentle")
    pass_safety_gate(qtbot, window)
    page = window.checkin
    fill_checkin(qtbot, page, back=5, leg=6, extent="thigh")
    page.tingling.setChecked(True)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    window.flow.controller.timer.stop()
    window.flow.controller.stop()
    assert page.kind == "after"
    assert "before the session: 5" in page.back.heading.text()
    assert "before the session: 6" in page.leg.heading.text()
    assert "thigh" in page.before_label.text() and "tingling" in page.before_label.text()
    assert "Flare-up" in page.routine_label.text()

    fill_checkin(qtbot, page, back=3, leg=4, extent="buttock")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.verdict.isVisibleTo(window)
    # Locked, not greyed out (test_accessibility_review): a click changes nothing.
    qtbot.mouseClick(page.back.group.button(8), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.numbness, Qt.MouseButton.LeftButton)
    assert page.back.value() == 3 and not page.numbness.isChecked()
    assert page.note.isReadOnly()
    page.back.set_value(9)  # even programmatically, nothing more is saved
    [after] = [
        c
        for c in window.ctx.history.checkins_for_session(window.flow.recording.session_id)
        if c.kind == "after"
    ]
    assert after.back == 3


def test_a_stale_pain_message_goes_once_the_numbers_are_picked(qtbot, picker):
    window, _ = picker
    window.checkin_now()
    page = window.checkin
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.error.text()
    page.back.set_value(2)
    assert page.error.text()  # leg pain is still missing
    page.leg.set_value(3)
    assert page.error.text()  # how far down the leg is still missing
    qtbot.mouseClick(page.extent_group.button(2), Qt.MouseButton.LeftButton)
    assert page.error.text() == ""


def test_a_check_in_without_how_far_down_the_leg_is_not_saved(qtbot, picker):
    # A blank was once stored as "not in the leg", which then read as
    # symptoms moving back up the leg ("a good sign"): never guessed.
    window, _ = picker
    window.checkin_now()
    page = window.checkin
    before = len(window.ctx.history.checkins())
    page.back.set_value(2)
    page.leg.set_value(3)
    with qtbot.assertNotEmitted(page.sig_submitted):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "how far down the leg" in page.error.text()
    assert len(window.ctx.history.checkins()) == before
    page.set_extent("thigh")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    saved = window.ctx.history.checkins()
    assert len(saved) == before + 1 and saved[-1].extent.value == "thigh"


def test_the_window_fits_a_1280_by_720_screen(qtbot, picker):
    window, _ = picker
    window.resize(1180, 900)
    window.fit_to_screen()
    free = window.screen().availableGeometry()
    assert window.height() <= free.height() and window.width() <= free.width()


def make_own_routine(qtbot, window, name="My mat routine"):
    from stretchguide.qt.routine_editor import RoutineEditor

    base = window.ctx.routine("flare_up_gentle")
    editor = RoutineEditor(
        window.ctx.catalog.exercises,
        window.ctx.paths.routines_dir,
        base=base,
        taken_ids=set(window.ctx.catalog.routines) | set(window.ctx.user_routines),
        taken_names=[r.name for r in window.ctx.all_routines()],
    )
    qtbot.addWidget(editor)
    editor.sig_saved.connect(window.routines._on_routine_saved)
    editor.name.setText(name)
    assert editor.save() is not None
    return window.routines.details.routine


def test_an_own_routine_can_be_renamed_and_deleted_after_confirming(qtbot, picker):
    from stretchguide.qt.routine_editor import RoutineEditor

    window, _ = picker
    window.ensure_routines()
    mine = make_own_routine(qtbot, window)
    assert mine is not None and not mine.builtin
    assert window.routines.details.delete_button.isVisibleTo(window)

    editor = RoutineEditor(
        window.ctx.catalog.exercises,
        window.ctx.paths.routines_dir,
        base=mine,
        taken_names=[r.name for r in window.ctx.all_routines()],
    )
    qtbot.addWidget(editor)
    editor.sig_saved.connect(window.routines._on_routine_saved)
    editor.name.setText("Morning mat routine")
    assert editor.save() is not None
    renamed = window.ctx.routine(mine.id)
    assert renamed.name == "Morning mat routine"
    assert len(list(window.ctx.paths.routines_dir.glob("*.toml"))) == 1

    answers = iter([False, True])
    window.ask = lambda title, text: next(answers)
    qtbot.mouseClick(window.routines.details.delete_button, Qt.MouseButton.LeftButton)
    assert mine.id in window.ctx.user_routines  # "No" keeps it
    qtbot.mouseClick(window.routines.details.delete_button, Qt.MouseButton.LeftButton)
    assert mine.id not in window.ctx.user_routines
    assert not list(window.ctx.paths.routines_dir.glob("*.toml"))
    assert mine.id not in visible_ids(window)
    window.routines.select_routine("flare_up_gentle")
    assert not window.routines.details.delete_button.isVisibleTo(window)  # built-ins stay


def test_two_routines_cannot_share_a_name(qtbot, picker):
    from stretchguide.qt.routine_editor import RoutineEditor

    window, _ = picker
    window.ensure_routines()
    builtin = window.ctx.routine("flare_up_gentle")
    editor = RoutineEditor(
        window.ctx.catalog.exercises,
        window.ctx.paths.routines_dir,
        base=builtin,
        taken_ids=set(window.ctx.catalog.routines),
        taken_names=[r.name for r in window.ctx.all_routines()],
    )
    qtbot.addWidget(editor)
    editor.name.setText("  flare-up:  SHORT and gentle ")
    assert editor.save() is None
    assert "already a routine called" in editor.name_error.text()
    assert not window.ctx.paths.routines_dir.exists() or not list(
        window.ctx.paths.routines_dir.glob("*.toml")
    )
    editor.name.setText("Flare-up, my way")
    assert editor.name_error.text() == ""  # the stale message went with the edit
    assert editor.save() is not None


def test_the_filter_bar_shows_whole_choices_and_one_arrow(qtbot, picker):
    # At 1024 pixels "Lying face down" was cut; the equipment menu had two arrows.
    window, _ = picker
    window.ensure_routines()
    page = window.routines
    for combo in (page.cause_filter, page.position_filter):
        fm = combo.fontMetrics()
        widest = max(fm.horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
        assert combo.sizeHint().width() > widest
    assert page.equipment_button.text().endswith("▾")
    # Drawn as the same words on a button without a menu: no style arrow.
    from PySide6.QtWidgets import QToolButton

    button = page.equipment_button
    plain = QToolButton(button.parentWidget())
    plain.setText(button.text())
    plain.setGeometry(button.geometry())
    assert plain.grab().toImage() == button.grab().toImage()
    plain.deleteLater()
