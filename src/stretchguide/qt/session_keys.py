"""The session's keys: which key does what, wherever the focus is in the window.

The person is on the floor: whatever has the focus in the window (a button
just clicked, the figure, nothing at all), Space and the media keys must
still pause, so the keys are window-wide shortcuts, live only while the
session page shows (``SessionKeys.set_enabled``).

A key held down acts once (``setAutoRepeat(False)``: a held Space must not
pause and resume). The same key with Shift does the same (``shifted``): a
shortcut for "H" is deaf to Shift+H, and "this hurts" must not depend on
whether a finger rests on Shift. Ctrl and Alt keep their own meanings
(Ctrl+Space switches the input method on many desktops).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class KeyActions:
    """What the session's keys ask for."""

    toggle_pause: Callable[[], object]
    next: Callable[[], object]
    previous: Callable[[], object]
    stop: Callable[[], object]
    fullscreen: Callable[[], object]
    mute: Callable[[], object]
    hurts: Callable[[], object]


# Each action's keys: the ones typed on a keyboard (the first is the one
# its button shows, qt/key_button.py; the tooltip names them all), then the
# media keys and the platform's own bindings, which work but are not shown.
# The README's table, the buttons and the shortcuts are all read from here.
def key_map() -> dict[str, tuple[list[Qt.Key], list[Qt.Key | QKeySequence]]]:
    """Each KeyActions field's (typed keys, other keys)."""
    K = Qt.Key  # noqa: N806 - a short alias keeps the table readable
    media: list[Qt.Key | QKeySequence] = [
        K.Key_MediaPlay,
        K.Key_MediaTogglePlayPause,
        K.Key_MediaPause,
    ]
    full_screen = QKeySequence.keyBindings(QKeySequence.StandardKey.FullScreen)
    return {
        "toggle_pause": ([K.Key_Space, K.Key_P], media),
        "next": ([K.Key_Right], [K.Key_MediaNext]),
        "previous": ([K.Key_Left], [K.Key_MediaPrevious]),
        "stop": ([K.Key_Escape], [K.Key_MediaStop]),
        "fullscreen": ([K.Key_F], list(full_screen)),
        "mute": ([K.Key_M], [K.Key_VolumeMute]),
        "hurts": ([K.Key_H], []),
    }


def key_table(do: KeyActions) -> list[tuple[list[Qt.Key | QKeySequence], Callable[[], object]]]:
    """Each action's keys (README's table): a key alone, or a platform's binding."""
    return [([*typed, *other], getattr(do, name)) for name, (typed, other) in key_map().items()]


# Arrow keys as the arrows printed on them: Qt's "Left" ("Links", "Gauche")
# under "◀ Back" read as a direction, not a key.
_ARROWS = {Qt.Key.Key_Left: "←", Qt.Key.Key_Right: "→", Qt.Key.Key_Up: "↑", Qt.Key.Key_Down: "↓"}


def key_name(key: Qt.Key, cap: bool = False) -> str:
    """``key`` as the platform names it, in the interface's language (Qt's
    own catalogue: "Leertaste", "Espacio", "Échap"); with ``cap``, as
    printed on the key cap (the arrows as arrows)."""
    if cap and key in _ARROWS:
        return _ARROWS[key]
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def button_key(action: str) -> str:
    """The key shown on the button for ``action`` (a KeyActions field)."""
    return key_name(key_map()[action][0][0], cap=True)


def typed_keys(action: str) -> str:
    """Every typed key of ``action``, named for a tooltip: "Space, P"."""
    return ", ".join(key_name(k) for k in key_map()[action][0])


class SessionKeys:
    """The shortcuts of one session view, and the same keys with Shift."""

    def __init__(self, view: QWidget, do: KeyActions) -> None:
        self.shortcuts: list[QShortcut] = []
        # Keys with no modifier, by key code: Shift+key does the same.
        self._plain: dict[int, Callable[[], object]] = {}
        for keys, slot in key_table(do):
            for key in keys:
                sequence = key if isinstance(key, QKeySequence) else QKeySequence(key)
                if sequence.isEmpty():
                    continue
                sc = QShortcut(sequence, view)
                sc.setContext(Qt.ShortcutContext.WindowShortcut)
                sc.setAutoRepeat(False)  # a held key must not pause and resume
                sc.activated.connect(slot)
                sc.setEnabled(False)
                self.shortcuts.append(sc)
                if isinstance(key, Qt.Key):
                    self._plain[key.value] = slot

    @property
    def enabled(self) -> bool:
        return bool(self.shortcuts) and self.shortcuts[0].isEnabled()

    def set_enabled(self, on: bool) -> None:
        for sc in self.shortcuts:
            sc.setEnabled(on)

    def shifted(self, event: QKeyEvent) -> bool:
        """Act on Shift+key as on the key alone; True if it did.

        Called from the view's keyPressEvent: a key event reaches it only
        when no shortcut took it, so a platform that already matched
        Shift+H to the "H" shortcut never gets here twice.
        """
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods != Qt.KeyboardModifier.ShiftModifier or event.isAutoRepeat() or not self.enabled:
            return False
        slot = self._plain.get(event.key())
        if slot is None:
            return False
        slot()
        return True
