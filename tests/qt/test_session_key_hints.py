"""The session's buttons show their keys (a new person's walk, round 2).

A person who learns the app by looking at it, from a mat 2-3 m away, never
saw a key: the buttons said "Pause", "Next ▶", and only a tooltip (never
hovered from the floor) named Space or the arrows. Each button now shows
its key on a cap under its label, read from the session's one key map, in
the interface's language (Qt's own names: "Leertaste", "Échap").
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QWidget
from tests.qt.test_flow import app_window

from stretchguide.qt.key_button import KeyButton
from stretchguide.qt.session_keys import button_key, key_map, key_name

__all__ = ["app_window"]  # the fixture, used by name

# What each button asks for, by the view's signal.
SIGNALS = {
    "toggle_pause": "sig_toggle_pause",
    "next": "sig_next",
    "previous": "sig_previous",
    "stop": "sig_stop",
    "mute": "sig_toggle_mute",
    "hurts": "sig_hurts",
    "fullscreen": "sig_toggle_fullscreen",
}


def session_view(qtbot):
    from stretchguide.qt.session_view import SessionView

    view = SessionView()
    view.confirm_stop = lambda: True  # "Yes, end the session"
    qtbot.addWidget(view)
    view.resize(1024, 768)
    view.show()
    qtbot.waitExposed(view)
    view.setFocus()  # as SessionController.start does: its window becomes active...
    QApplication.processEvents()  # ...once the event arrives, and the keys reach it
    return view


def emitted(qtbot, view, signal: str, act) -> bool:
    with qtbot.waitSignal(getattr(view, signal), timeout=200, raising=False) as blocker:
        act()
    return blocker.signal_triggered


@pytest.mark.parametrize(
    "lang, pause, stop",
    [("en", "Space", "Esc"), ("de", "Leertaste", "Esc"), ("es", "Espacio", "Escape")]
    + [("fr", "Espace", "Échap")],
)
def test_each_button_shows_the_key_that_does_what_the_button_does(
    qtbot, language, lang, pause, stop
):
    language(lang)
    view = session_view(qtbot)
    buttons: list[KeyButton] = list(view._controls)
    assert all(isinstance(b, KeyButton) for b in buttons)
    shown = {b.key_text: b for b in buttons}
    assert len(shown) == len(buttons)  # one key each, none shared
    # The keys named as Qt names them in this language.
    assert view.pause_button.key_text == pause
    assert view.stop_button.key_text == stop
    for action, signal in SIGNALS.items():
        typed, _other = key_map()[action]
        button = shown[button_key(action)]
        # The key on the cap does what a click on its button does...
        assert emitted(qtbot, view, signal, button.click), (lang, action)
        assert emitted(qtbot, view, signal, lambda k=typed[0]: qtbot.keyClick(view, k)), action
        # ...and the tooltip (and a screen reader) name every typed key.
        tip = button.toolTip()
        assert tip == button.accessibleName()
        assert all(key_name(k) in tip for k in typed), (lang, tip)
    # Every button's key is in the map: nothing shown that the session does not bind.
    assert set(shown) == {button_key(a) for a in SIGNALS}


def test_the_pause_key_stays_on_the_button_when_it_says_resume(qtbot):
    from tests.qt.test_session_view import tiny_session
    from tests.support import FakeClock

    from stretchguide.qt.session_controller import SessionController

    view = session_view(qtbot)
    clock = FakeClock()
    controller = SessionController(tiny_session(clock), view, clock)
    controller.start()
    controller.timer.stop()
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert view.pause_button.text() == "Resume"
    assert view.pause_button.key_text == button_key("toggle_pause") == "Space"


def test_the_button_makes_room_for_its_key_and_a_squeezed_one_is_reported(qtbot):
    from tests.qt.text_fit import cut_texts

    panel = QWidget()
    qtbot.addWidget(panel)
    button = KeyButton("Pause", panel)
    plain_height = button.sizeHint().height()
    button.set_key("Leertaste")
    # Taller by the cap, and as wide as the cap needs.
    assert button.sizeHint().height() > plain_height
    button.resize(button.sizeHint())
    panel.show()
    qtbot.waitExposed(panel)
    label, cap = button.parts()
    assert button.rect().contains(cap) and button.rect().contains(label)
    assert label.bottom() < cap.top()
    assert cut_texts(panel) == []
    # Shorter than the label and the cap need: the walk's check says so.
    button.resize(QSize(button.width(), plain_height - 8))
    assert any("key 'Leertaste'" in c for c in cut_texts(panel))
    # The cap in the label's colour, as drawn (white on "This hurts").
    button.resize(button.sizeHint())
    button.setStyleSheet("QPushButton { color: white; background-color: #b0413e; }")
    image = button.grab().toImage()
    rows = range(cap.top() + 2, cap.bottom() - 1)
    light = [
        image.pixelColor(x, y).lightness() for y in rows for x in range(cap.left(), cap.right())
    ]
    assert max(light) > 230, max(light)


def test_no_cap_drawn_without_a_key(qtbot):
    button = KeyButton("Save")
    qtbot.addWidget(button)
    assert button.sizeHint() == type(button).__mro__[1]("Save").sizeHint()
    assert button.parts()[1].isNull()


@pytest.mark.parametrize(
    "lang, history, safety",
    [("de", "Verlauf (Strg+2)", "Strg+Umschalt+Q"), ("fr", "Historique (Ctrl+2)", "Ctrl+Maj+Q")],
)
def test_the_toolbar_tooltips_name_the_keys_in_the_interface_language(
    qtbot, language, _private_data_dir, lang, history, safety
):
    # They said "Ctrl+Shift+Q" in German, where the key reads "Strg" and
    # Shift is "Umschalt", as the "More" menu beside them said.
    from stretchguide import paths
    from stretchguide.qt.app import build_window

    language(lang)
    window = build_window(paths.resolve(str(_private_data_dir)))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.ctx.catalog_loaded, timeout=5000)
    assert window.act_history.toolTip() == history
    assert window.act_safety.toolTip().endswith(f"({safety})")
    window.ctx.history.close()


def test_the_full_screen_button_toggles_the_window_as_f_does_and_says_which(qtbot, app_window):
    # F had no button: a person who learns by looking never found it, nor
    # how to leave full screen. The button says what a press does.
    from tests.qt.test_flow import start_session

    window, *_ = app_window
    window.ctx.prefs.session_fullscreen = False
    window.resize(1280, 800)
    start_session(qtbot, window)
    view = window.session_view
    button = view.fullscreen_button
    assert button.isVisible() and button.key_text == "F"
    assert button.toolTip() == "Full screen on or off (F)"
    assert not window.isFullScreen() and button.text() == "Full screen"
    button.click()
    assert window.isFullScreen()
    qtbot.waitUntil(lambda: button.text() == "Leave full screen", timeout=2000)
    qtbot.keyClick(view, Qt.Key.Key_F)  # the key undoes what the click did
    assert not window.isFullScreen()
    qtbot.waitUntil(lambda: button.text() == "Full screen", timeout=2000)
    qtbot.keyClick(view, Qt.Key.Key_F)
    assert window.isFullScreen()
    button.click()  # and the click what the key did
    assert not window.isFullScreen()


@pytest.mark.parametrize("lang", ["en", "de", "es", "fr"])
def test_the_full_screen_button_gives_way_in_a_narrow_window(qtbot, language, lang):
    # Seven buttons whole, or six: the full-screen one goes where the row
    # has no room for it, never squeezing the others or holding the window
    # wider (the view's minimum grows by a gap at most).
    from tests.qt.text_fit import cut_texts

    language(lang)
    view = session_view(qtbot)
    button = view.fullscreen_button
    for text in ("Full screen", "Leave full screen"):
        button.setText(view.tr(text))
        view.resize(1024, 768)
        qtbot.wait(1)
        assert button.isVisible(), (lang, text)  # a 1024 screen has room for it
        shown = view.minimumSizeHint().width()
        button.hide()
        assert shown <= view.minimumSizeHint().width() + view.full_screen.row.spacing() + 1
        view.full_screen.place()
        assert button.isVisibleTo(view)
        for width in (900, 800, 700, 640, 1024):
            view.resize(width, 768)
            qtbot.wait(1)
            row = [b for b in view._controls if b.isVisible()]
            assert len(row) >= 6, (lang, width)
            for b in row:  # each whole and inside the view, none over another
                assert b.width() >= b.sizeHint().width(), (lang, text, b.text(), width)
                assert view.rect().contains(b.geometry()), (lang, text, b.text(), width)
            assert all(
                a.geometry().right() < b.geometry().left()
                for a, b in zip(row, row[1:], strict=False)
            )
            assert cut_texts(view) == [], (lang, text, width)
        assert button.isVisible(), (lang, text)  # back when the room is
