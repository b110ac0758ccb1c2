"""Dialogs at twice the text size (a new person's walk, round 2)."""

from __future__ import annotations

from tests.qt.test_large_text_layout import text_scale

__all__ = ["text_scale"]  # the fixture, used by name

OFFERS = [
    "Knees to chest: 20 s instead of 15 s, because your last three sessions went well.",
    "Cat stretch: 6 reps instead of 5 reps, because your last three sessions went well.",
    "Bridge: 10 reps instead of 8 reps, because your last three sessions went well.",
]


def test_every_offer_of_a_plan_change_shows_without_scrolling_at_twice_the_text(
    qtbot, qapp, text_scale
):
    # The dialog's height was a guess for normal text (150 px + 64 a line):
    # at twice the text the third offer lay below the list's edge, ticked,
    # so "Change my plan" accepted a change the person never saw.
    from stretchguide.qt import style
    from stretchguide.qt.plan_offers import OffersDialog

    style.install_focus_ring(qapp)  # as the window does: larger check boxes
    text_scale(2.0)
    dialog = OffersDialog("Step up next time?", "StretchGuide suggests …", OFFERS, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    view = dialog.list
    for row in range(view.count()):
        rect = view.visualItemRect(view.item(row))
        assert view.viewport().rect().contains(rect), (row, rect, view.viewport().rect())
    assert view.verticalScrollBar().maximum() == 0
    assert dialog.height() <= dialog.screen().availableGeometry().height()


def test_many_offers_keep_the_dialog_on_the_screen(qtbot, text_scale):
    from stretchguide.qt.plan_offers import OffersDialog

    text_scale(2.0)
    dialog = OffersDialog("Go gentler next time?", "StretchGuide suggests …", OFFERS * 5, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    # Past the screen's height the list scrolls instead.
    assert dialog.height() <= dialog.screen().availableGeometry().height()
    assert dialog.list.verticalScrollBar().maximum() > 0
