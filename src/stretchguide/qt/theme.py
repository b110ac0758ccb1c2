"""The colour theme: light, dark, or the system's scheme (Fusion palettes).

Qt is imported inside each function: ``qt.app`` reaches this module before
the first paint, and PySide's ``Qt`` namespace costs ~22 ms to materialise
(see ``follow_color_scheme``).
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QPalette


def dark_palette() -> QPalette:
    from PySide6.QtGui import QColor, QPalette

    pal = QPalette()
    role = QPalette.ColorRole
    colours = {
        role.Window: "#1f2125",
        role.WindowText: "#e8e8e8",
        role.Base: "#17181b",
        role.AlternateBase: "#25272c",
        role.ToolTipBase: "#2b2d31",
        role.ToolTipText: "#e8e8e8",
        role.Text: "#e8e8e8",
        role.Button: "#2b2d31",
        role.ButtonText: "#e8e8e8",
        role.BrightText: "#ffffff",
        role.Highlight: "#3d7fcc",
        role.HighlightedText: "#ffffff",
        role.Link: "#7fb2f0",
        role.PlaceholderText: "#9a9da3",
        role.Mid: "#3a3c41",
        role.Dark: "#141518",
        role.Light: "#3f4247",
    }
    for r, c in colours.items():
        pal.setColor(r, QColor(c))
    disabled = QColor("#7c7f85")  # 4.0:1 on the window, 4.4:1 on a field
    for r in (role.WindowText, role.Text, role.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, r, disabled)
    return readable_disabled(pal)


# Disabled text against the window it sits on (disabled buttons and fields
# are drawn unfilled, see style.py). WCAG exempts disabled controls, but a
# person on a mat 2-3 m from the screen still has to read what is switched
# off; Fusion's light grey was 1.6:1 (1.8 on a button). 3.5 keeps a margin
# over 3:1 and stays far below the enabled text's 13-21:1.
DISABLED_CONTRAST = 3.5


def readable_disabled(pal: QPalette) -> QPalette:
    """``pal`` with its disabled text readable and its disabled fields unfilled.

    A disabled field takes the window's colour (as Fusion's light palette
    already has it), so "switched off" shows as an empty box rather than by
    fading the text into it. A disabled text colour that stands out less than
    DISABLED_CONTRAST from the window is replaced by the enabled text mixed
    into the window until it does; one that already does is kept.
    """
    from PySide6.QtGui import QColor, QPalette

    from stretchguide.qt.style import contrast

    role, off = QPalette.ColorRole, QPalette.ColorGroup.Disabled
    back = pal.color(QPalette.ColorGroup.Active, role.Window)
    pal.setColor(off, role.Base, back)
    for r in (role.WindowText, role.Text, role.ButtonText):
        if contrast(pal.color(off, r), back) >= DISABLED_CONTRAST:
            continue
        ink = pal.color(QPalette.ColorGroup.Active, r)
        share = 0.3
        while True:
            grey = QColor.fromRgbF(
                back.redF() + (ink.redF() - back.redF()) * share,
                back.greenF() + (ink.greenF() - back.greenF()) * share,
                back.blueF() + (ink.blueF() - back.blueF()) * share,
            )
            if share >= 1 or contrast(grey, back) >= DISABLED_CONTRAST:
                break
            share = min(1.0, share + 0.02)
        pal.setColor(off, r, grey)
    return pal


class Theme(StrEnum):
    """The person's choice in Settings, stored as its value in settings.ini."""

    SYSTEM = "system"  # follows the platform's scheme
    LIGHT = "light"
    DARK = "dark"


THEMES = tuple(Theme)
_theme = Theme.SYSTEM


def set_theme(theme: str) -> None:
    """Light, dark, or follow the system (applied at once)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    global _theme
    _theme = Theme(theme) if theme in THEMES else Theme.SYSTEM
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if _theme is Theme.DARK:
        apply_color_scheme(app, Qt.ColorScheme.Dark, forced=True)
    elif _theme is Theme.LIGHT:
        apply_color_scheme(app, Qt.ColorScheme.Light, forced=True)
    else:
        scheme = app.styleHints().colorScheme()
        # A bare X11 session reports no scheme: light, as the platform draws.
        if scheme == Qt.ColorScheme.Unknown:
            scheme = Qt.ColorScheme.Light
        apply_color_scheme(app, scheme, forced=True)


def apply_color_scheme(app: object, scheme: object, forced: bool = False) -> None:
    """Light or dark palette for the Fusion style."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    if not forced and _theme is not Theme.SYSTEM:
        return  # the person chose light or dark: the system's changes do not apply
    if scheme == Qt.ColorScheme.Dark:
        app.setPalette(dark_palette())
    elif scheme == Qt.ColorScheme.Light:
        app.setPalette(readable_disabled(app.style().standardPalette()))
    else:
        # Unknown: keep what the platform gave (see follow_color_scheme),
        # with its disabled text made readable if it is not.
        readable = readable_disabled(app.palette())
        if readable != app.palette():
            app.setPalette(readable)


def follow_color_scheme(app: object) -> None:
    """Theme follows the system: a dark palette now if the platform gave a
    dark one, the reported scheme once the window has painted
    (``sync_color_scheme``), and every change after that.

    Reading ``colorScheme()`` materialises PySide's whole ``Qt`` namespace
    (93 enum types, ~22 ms), so the first frame goes by the palette instead:
    platforms that report dark (Windows, GNOME, KDE, macOS with Qt >= 6.5)
    also hand over a dark palette, which we swap for ours to keep the
    colours the same everywhere.
    """
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    if app.palette().color(QPalette.ColorRole.Window).lightness() < 128:
        app.setPalette(dark_palette())
    app.styleHints().colorSchemeChanged.connect(lambda scheme: apply_color_scheme(app, scheme))


def sync_color_scheme() -> None:
    """Apply the scheme the system reports (called after the first paint)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if isinstance(app, QApplication):
        if _theme is not Theme.SYSTEM:
            set_theme(_theme)
        else:
            apply_color_scheme(app, app.styleHints().colorScheme())
