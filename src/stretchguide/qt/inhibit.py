"""Keep the screen awake while a session runs.

A person lying on the floor cannot reach the mouse when the screen blanks, so
during a session we ask the platform not to sleep:

* Linux/BSD: ``org.freedesktop.ScreenSaver.Inhibit`` on the session bus
  (KDE, GNOME via its compatibility name, Xfce, most others).
* Windows: ``SetThreadExecutionState(ES_CONTINUOUS | ES_DISPLAY_REQUIRED)``.
* Anywhere else, or when the call fails: nothing, quietly. A missing
  inhibitor must never stop a session.
"""

from __future__ import annotations

import sys

_SERVICE = "org.freedesktop.ScreenSaver"
_PATHS = ("/org/freedesktop/ScreenSaver", "/ScreenSaver")

_ES_CONTINUOUS = 0x80000000
_ES_SYSTEM_REQUIRED = 0x00000001
_ES_DISPLAY_REQUIRED = 0x00000002


class ScreenSleepInhibitor:
    """``inhibit()`` / ``release()`` pair; both are idempotent and never raise."""

    def __init__(self, app_name: str = "StretchGuide") -> None:
        self._app_name = app_name
        self._cookie: int | None = None
        self._path: str | None = None
        self._windows_active = False

    @property
    def active(self) -> bool:
        return self._cookie is not None or self._windows_active

    def inhibit(self, reason: str) -> bool:
        """Ask the platform to keep the screen on; True if something accepted."""
        if self.active:
            return True
        try:
            if sys.platform.startswith("win"):
                return self._windows(True)
            if sys.platform != "darwin":
                return self._dbus_inhibit(reason)
        except Exception:  # noqa: BLE001 - a failed inhibit must not end a session
            return False
        return False

    def release(self) -> None:
        try:
            if self._windows_active:
                self._windows(False)
            elif self._cookie is not None:
                self._dbus_release()
        except Exception:  # noqa: BLE001
            pass
        finally:
            self._cookie = None
            self._path = None
            self._windows_active = False

    # -- freedesktop ------------------------------------------------------
    def _dbus_inhibit(self, reason: str) -> bool:
        from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage

        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            return False
        for path in _PATHS:
            iface = QDBusInterface(_SERVICE, path, _SERVICE, bus)
            if not iface.isValid():
                continue
            reply = iface.call("Inhibit", self._app_name, reason)
            if reply.type() == QDBusMessage.MessageType.ReplyMessage and reply.arguments():
                self._cookie = int(reply.arguments()[0])
                self._path = path
                return True
        return False

    def _dbus_release(self) -> None:
        from PySide6.QtDBus import QDBusConnection, QDBusInterface

        bus = QDBusConnection.sessionBus()
        if bus.isConnected() and self._path is not None and self._cookie is not None:
            QDBusInterface(_SERVICE, self._path, _SERVICE, bus).call("UnInhibit", self._cookie)

    # -- Windows ----------------------------------------------------------
    def _windows(self, on: bool) -> bool:
        import ctypes

        flags = _ES_CONTINUOUS
        if on:
            flags |= _ES_DISPLAY_REQUIRED | _ES_SYSTEM_REQUIRED
        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        ok = bool(kernel32.SetThreadExecutionState(flags))
        self._windows_active = on and ok
        return self._windows_active
