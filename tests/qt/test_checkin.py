"""The check-in form as someone on the floor uses it: big toggles, keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QPushButton, QRadioButton

from stretchguide.qt.answer_widgets import TOGGLE_HEIGHT
from stretchguide.qt.checkin import EXTENTS, CheckinPage


def make_page(qtbot, kind="after", exercises=(("bridge", "Bridge"), ("clam_shell", "Clam"))):
    page = CheckinPage()
    qtbot.addWidget(page)
    page.resize(1000, 800)
    page.start(kind, list(exercises))
    page.show()
    return page


def test_every_choice_is_a_big_toggle_button_not_a_small_radio(qtbot):
    page = make_page(qtbot)
    assert not page.findChildren(QRadioButton)
    choices = [*page.extent_group.buttons(), page.tingling, page.numbness, page.weakness]
    for group in page.response_groups.values():
        choices += group.buttons()
    for button in choices:
        assert isinstance(button, QPushButton) and button.isCheckable()
        assert button.height() >= TOGGLE_HEIGHT
        assert button.accessibleName()


def test_arrow_keys_move_the_leg_extent_choice(qtbot):
    page = make_page(qtbot)
    row = page.extent_row
    row.setFocus()
    qtbot.keyClick(row, Qt.Key.Key_Right)
    assert page.extent_group.checkedId() == 0
    qtbot.keyClick(row, Qt.Key.Key_Right)
    qtbot.keyClick(row, Qt.Key.Key_Right)
    qtbot.keyClick(row, Qt.Key.Key_Left)
    assert EXTENTS[page.extent_group.checkedId()] == "buttock"


def test_symptom_toggles_and_note_reach_the_answers(qtbot):
    page = make_page(qtbot)
    page.back.set_value(3)
    page.leg.set_value(5)
    page.set_extent("below_knee")
    qtbot.mouseClick(page.tingling, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.weakness, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.note, "stiff after sitting")
    page.set_response("bridge", "worse")
    a = page.answers()
    assert a is not None
    assert (a.extent, a.tingling, a.numbness, a.weakness) == ("below_knee", True, False, True)
    assert a.note == "stiff after sitting"
    assert a.responses == {"bridge": "worse"}


def test_starting_again_clears_every_toggle(qtbot):
    page = make_page(qtbot)
    page.set_extent("foot")
    page.numbness.setChecked(True)
    page.start("before")
    assert page.extent_group.checkedId() == -1
    assert not any(b.isChecked() for b in page.symptoms.buttons)
    assert not page.responses_box.isVisibleTo(page)


def test_the_page_says_what_the_answers_are_used_for(qtbot):
    page = make_page(qtbot, kind="before", exercises=())
    assert page.purpose.isVisible() and "14-day" in page.purpose.text()
    assert all(b.accessibleName() for b in page.findChildren(QAbstractButton) if b.isVisible())
