"""Preferences, reminders, session options (the inhibitor: test_inhibit.py)."""

from __future__ import annotations

from stretchguide.core.catalog import Side
from stretchguide.core.timeline import SideMode
from stretchguide.qt.session_rules import session_options
from stretchguide.qt.settings import Preferences, SettingsDialog


def test_preferences_persist_in_the_ini_file_beside_the_data(tmp_path):
    path = tmp_path / "settings.ini"
    prefs = Preferences(path)
    prefs.rest_s = 20
    prefs.affected_side = "right"
    prefs.side_mode = "affected_first"
    prefs.voice = False
    prefs.sync()
    again = Preferences(path)
    assert (again.rest_s, again.affected_side, again.side_mode, again.voice) == (
        20,
        "right",
        "affected_first",
        False,
    )
    assert "rest_s=20" in path.read_text()


def test_bad_values_in_the_file_fall_back_to_defaults(tmp_path):
    path = tmp_path / "settings.ini"
    path.write_text("[session]\nrest_s=lots\nside_mode=sideways\n")
    prefs = Preferences(path)
    assert prefs.rest_s == 15 and prefs.side_mode == "both"


def test_red_flag_questions_are_due_weekly_by_default(tmp_path):
    prefs = Preferences(tmp_path / "s.ini")
    assert prefs.red_flags_due(1_000_000)
    prefs.red_flags_checked_at = 1_000_000
    assert not prefs.red_flags_due(1_000_000 + 6 * 86400)
    assert prefs.red_flags_due(1_000_000 + 7 * 86400)
    prefs.red_flag_interval_days = 30
    assert not prefs.red_flags_due(1_000_000 + 20 * 86400)


def test_session_options_follow_the_painful_side_settings(tmp_path):
    prefs = Preferences(tmp_path / "s.ini")
    assert session_options(prefs).side_mode is SideMode.BOTH
    prefs.affected_side = "right"
    prefs.side_mode = "affected_only"
    prefs.prepare_s = 8
    opts = session_options(prefs)
    assert opts.side_mode is SideMode.AFFECTED_ONLY
    assert opts.affected_side is Side.RIGHT
    assert opts.prepare_s == 8


def test_settings_dialog_saves_only_on_ok(qtbot, tmp_path):
    prefs = Preferences(tmp_path / "s.ini")
    dialog = SettingsDialog(prefs)
    qtbot.addWidget(dialog)
    dialog.rest.setValue(42)
    dialog.reject()
    assert prefs.rest_s == 15
    dialog.rest.setValue(42)
    with qtbot.waitSignal(dialog.sig_applied):
        dialog.accept()
    assert prefs.rest_s == 42


def test_pain_limits_default_to_the_articles_and_persist(tmp_path):
    from stretchguide.core.safety import PainThresholds
    from stretchguide.qt.preferences import DEFAULTS

    path = tmp_path / "s.ini"
    prefs = Preferences(path)
    assert (
        prefs.pain_thresholds
        == PainThresholds()
        == PainThresholds(DEFAULTS.pain_fine_max, DEFAULTS.pain_acceptable_max)
    )
    assert PainThresholds() == PainThresholds(3, 5)
    prefs.pain_thresholds = PainThresholds(4, 6)
    prefs.sync()
    assert Preferences(path).pain_thresholds == PainThresholds(4, 6)


def test_hand_edited_pain_limits_are_clamped_and_never_inverted(tmp_path):
    path = tmp_path / "s.ini"
    path.write_text("[safety]\npain_fine_max=6\npain_acceptable_max=2\n")
    limits = Preferences(path).pain_thresholds
    assert (limits.fine_max, limits.acceptable_max) == (6, 6)
    path.write_text("[safety]\npain_fine_max=-4\npain_acceptable_max=99\n")
    limits = Preferences(path).pain_thresholds
    assert (limits.fine_max, limits.acceptable_max) == (0, 10)


def test_settings_dialog_keeps_acceptable_at_or_above_fine(qtbot, tmp_path):
    prefs = Preferences(tmp_path / "s.ini")
    dialog = SettingsDialog(prefs)
    qtbot.addWidget(dialog)
    dialog.pain_acceptable.setValue(4)
    dialog.pain_fine.setValue(7)
    assert dialog.pain_acceptable.value() == 7
    dialog.accept()
    assert (prefs.pain_thresholds.fine_max, prefs.pain_thresholds.acceptable_max) == (7, 7)


def test_settings_say_whose_numbers_the_defaults_are(qtbot, tmp_path):
    prefs = Preferences(tmp_path / "s.ini")
    dialog = SettingsDialog(prefs)
    qtbot.addWidget(dialog)
    # The defaults the note names are the ones the dialog shows.
    assert (dialog.red_flag_days.value(), dialog.pain_fine.value()) == (7, 3)
    assert dialog.pain_acceptable.value() == 5
    note = dialog.own_numbers_note.text()
    assert "7 days" in note and "3 and 5" in note and "not the articles'" in note


def test_an_unset_or_old_side_is_not_a_guess(tmp_path):
    path = tmp_path / "s.ini"
    prefs = Preferences(path)
    assert prefs.affected_side == "" and not prefs.side_known
    assert session_options(prefs).affected_side is None
    # "none" was the untouched default of older versions: it says nothing.
    path.write_text("[session]\naffected_side=none\n")
    old = Preferences(path)
    assert not old.side_known and session_options(old).affected_side is None
    old.affected_side = "both"
    assert old.side_known and session_options(old).affected_side is None


def test_settings_offer_both_legs_and_keep_an_unset_side_unset(qtbot, tmp_path):
    from stretchguide.qt.settings import SettingsDialog

    prefs = Preferences(tmp_path / "s.ini")
    dialog = SettingsDialog(prefs)
    qtbot.addWidget(dialog)
    assert dialog.side.currentData() == ""
    dialog.save()
    assert not Preferences(tmp_path / "s.ini").side_known
    dialog.side.setCurrentIndex(dialog.side.findData("both"))
    dialog.save()
    assert Preferences(tmp_path / "s.ini").affected_side == "both"


def wheel(widget, steps: int) -> bool:
    """Turn the mouse wheel over the middle of ``widget`` (negative: down);
    True if the widget took the turn, False if it left it to its parents.

    A test's event is not spontaneous, and Qt hands only the system's to the
    parents (QApplication::notify); the scroll area taking an ignored wheel
    is Qt's part.
    """
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    middle = QPointF(widget.rect().center())
    event = QWheelEvent(
        middle,
        QPointF(widget.mapToGlobal(middle.toPoint())),
        QPoint(),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_the_wheel_scrolls_the_settings_unless_a_field_has_the_focus(qtbot, tmp_path):
    # Walk-through finding 2: scrolling the form over "Pain that is
    # acceptable" turned it from 5 to 10 / 10 without a sign.
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QSlider

    prefs = Preferences(tmp_path / "s.ini")
    dialog = SettingsDialog(prefs)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    dialog.buttons.setFocus()

    def value(field):
        if isinstance(field, QComboBox):
            return field.currentIndex()
        return field.text() if isinstance(field, QAbstractSpinBox) else field.value()

    fields = [
        *dialog.findChildren(QAbstractSpinBox),
        *dialog.findChildren(QComboBox),
        *dialog.findChildren(QSlider),
    ]
    assert dialog.pain_acceptable in fields and dialog.theme in fields
    assert dialog.volume in fields and dialog.reminder_time in fields
    assert dialog.voice_section.microphone in fields
    for field in fields:
        before = value(field)
        for steps in (-3, 3):
            assert not wheel(field, steps), f"{field.accessibleName()} kept the wheel"
            assert value(field) == before, field.accessibleName()
        # The wheel never gives a field the focus (and with it the value).
        assert field.focusPolicy() == Qt.FocusPolicy.StrongFocus, field.accessibleName()
    assert dialog.pain_acceptable.value() == 5

    dialog.pain_acceptable.setFocus()  # a click or Tab: now the wheel sets it
    assert dialog.pain_acceptable.hasFocus()
    assert wheel(dialog.pain_acceptable, 1)
    assert dialog.pain_acceptable.value() == 6
