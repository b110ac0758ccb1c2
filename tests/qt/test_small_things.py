"""Small things that add up (issue 17): theme, focus ring, accessible session controls."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication, QPushButton

from stretchguide.qt import theme as qtapp
from stretchguide.qt.preferences import Preferences
from stretchguide.qt.session_view import SessionView
from stretchguide.qt.settings import SettingsDialog
from stretchguide.qt.style import focus_ring_style


@pytest.fixture
def restore_theme():
    app = QApplication.instance()
    palette = app.palette()
    yield
    qtapp.set_theme("system")
    app.setPalette(palette)


def window_lightness() -> int:
    return QApplication.instance().palette().color(QPalette.ColorRole.Window).lightness()


def test_theme_setting_offers_light_dark_and_system_and_applies(qtbot, tmp_path, restore_theme):
    prefs = Preferences(tmp_path / "settings.ini")
    assert prefs.theme == "system"
    dialog = SettingsDialog(prefs)
    qtbot.addWidget(dialog)
    assert [dialog.theme.itemData(i) for i in range(dialog.theme.count())] == [
        "system",
        "light",
        "dark",
    ]
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.save()
    assert Preferences(tmp_path / "settings.ini").theme == "dark"
    qtapp.set_theme("dark")
    assert window_lightness() < 128
    # The system changing its mind does not override a chosen theme.
    from PySide6.QtCore import Qt

    qtapp.apply_color_scheme(QApplication.instance(), Qt.ColorScheme.Light)
    assert window_lightness() < 128
    qtapp.set_theme("light")
    assert window_lightness() >= 128
    # "System" on a session that reports no scheme (bare X11, offscreen) is light.
    qtapp.set_theme("system")
    if QApplication.instance().styleHints().colorScheme() != Qt.ColorScheme.Dark:
        assert window_lightness() >= 128


def test_a_focused_button_has_a_visible_ring(qtbot):
    style = focus_ring_style("Fusion")
    highlight = QApplication.instance().palette().color(QPalette.ColorRole.Highlight)

    def ring_pixels(focused: bool) -> int:
        b = QPushButton("Start")
        b.setStyle(style)
        qtbot.addWidget(b)
        b.resize(160, 50)
        b.show()
        if focused:
            b.setFocus()
            qtbot.waitUntil(b.hasFocus)
        img: QImage = b.grab().toImage()
        count = 0
        for x in range(img.width()):
            c = img.pixelColor(x, 2)
            if (
                abs(c.red() - highlight.red()) < 40
                and abs(c.green() - highlight.green()) < 40
                and abs(c.blue() - highlight.blue()) < 40
            ):
                count += 1
        return count

    assert ring_pixels(True) > 100
    assert ring_pixels(False) < 20


def test_session_controls_have_accessible_names_and_keys(qtbot):
    view = SessionView()
    qtbot.addWidget(view)
    for b in (
        view.pause_button,
        view.next_button,
        view.prev_button,
        view.hurts_button,
        view.mute_button,
        view.stop_button,
    ):
        name = b.accessibleName()
        assert name and "(" in name, name  # the name says its key too
    for w in (view.dial, view.figure, view.overlay):
        assert w.accessibleName()
    # A label says what it is in its description: a name set on it would
    # stand in for its text, which a screen reader then never got.
    for w in (view.instruction, view.next_up):
        assert w.accessibleDescription() and not w.accessibleName()
    # A badge is named by what it says while it shows, in words, not capitals.
    view.set_muted(True)
    assert view.mute_badge.accessibleName() == "Sound off"
