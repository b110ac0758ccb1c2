"""Start the desktop app: QApplication, preferences, catalog, history, window."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from stretchguide.paths import AppPaths

if TYPE_CHECKING:  # names for annotations only: importing them here would slow the first paint
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication

    from stretchguide.core.catalog import Catalog, CatalogError, Routine
    from stretchguide.qt.main_window import MainWindow
    from stretchguide.store.history import History

ORGANIZATION = "stretchguide"
APPLICATION = "StretchGuide"


def use_plain_event_dispatcher() -> None:
    """Run Qt's own UNIX event dispatcher instead of the GLib one (Linux).

    While cue sounds play, Qt's PulseAudio path enables a socket notifier
    from its own thread ("Socket notifiers cannot be enabled or disabled
    from another thread") and leaves notifiers on a closed or doubled fd.
    The GLib dispatcher then warns from inside g_main_context_check on
    every iteration, forever: the GUI thread spins and memory grows until
    the process dies (seen in test runs on PySide6 6.11 and 6.12, about one
    run in six; py-spy showed the loop). Qt's UNIX dispatcher warns a few
    times, disables the notifier and carries on. We use nothing that needs
    GLib integration. Must run before QApplication exists.
    """
    os.environ.setdefault("QT_NO_GLIB", "1")


def make_application(argv: Sequence[str]) -> QApplication:
    use_plain_event_dispatcher()
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    existing = QCoreApplication.instance()
    if existing is not None:
        assert isinstance(existing, QApplication), "the window's widgets need a QApplication"
        return existing
    # High-DPI: Qt 6 already passes fractional scale factors through
    # (PassThrough is the default), so nothing to set here.
    # Fusion follows the system colour scheme (light/dark) on every platform
    # and draws the same everywhere, which keeps the large session type crisp.
    # Asked for on Qt's command line, last so it wins over a "-style" the
    # person passed, as ``setStyle`` after the fact did: ``setStyle`` hands
    # back the style, and wrapping that builds PySide's QStyle class with its
    # enums, ~9 ms of CPU before the first paint. A visible keyboard focus
    # ring on top of Fusion comes right after the first paint
    # (style.install_focus_ring, called by the window).
    app = QApplication([*argv, "-style", "fusion"])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setDesktopFileName("io.github.stretchguide.StretchGuide")
    from stretchguide.qt.theme import follow_color_scheme

    follow_color_scheme(app)
    return app


def build_window(
    app_paths: AppPaths,
    *,
    clock: Callable[[], float] | None = None,
    wall: Callable[[], float] | None = None,
) -> MainWindow:
    """Build the window frame; the catalog loads right after the first paint
    (``MainWindow.ensure_routines``) and the history opens on first use
    (``startup_checks``, scheduled right after the first paint)."""
    import time

    from stretchguide.core.clock import session_clock
    from stretchguide.qt.context import AppContext
    from stretchguide.qt.main_window import MainWindow
    from stretchguide.qt.preferences import Preferences

    def load_catalog() -> tuple[Catalog, list[Routine], list[CatalogError]]:
        from stretchguide.core.catalog import load_builtin, load_user_routines

        catalog = load_builtin()
        user, errors = load_user_routines(
            app_paths.routines_dir, catalog.exercises, taken_ids=catalog.routines.keys()
        )
        return catalog, user, errors

    def open_history() -> History:
        from stretchguide.store.history import History

        return History.open(app_paths, clock=wall or time.time)

    app_paths.ensure()
    ctx = AppContext(
        paths=app_paths,
        prefs=Preferences(app_paths.settings_file),
        catalog_source=load_catalog,
        history_source=open_history,
        clock=clock or session_clock(),
        wall=wall or time.time,
    )
    return MainWindow(ctx)


LOCK_NAME = "stretchguide.lock"


class InstanceLock(Protocol):
    def unlock(self) -> None: ...


class _FlockLock:
    """The data folder held through an ``flock`` on the lock file (POSIX).

    The kernel lets go when the process ends, however it ends, so there is
    no stale lock to detect. QLockFile did the same job but ``fdatasync``-ed
    its file before every first paint (1-15 ms of waiting on this machine's
    disk, more on a spinning one). QLockFile holds an ``flock`` on the same
    file too, so an older StretchGuide holding the folder still refuses this
    one, and this one refuses it; the PID and name are written the way
    QLockFile reads them, for the same reason. The file is left in place on
    unlock: removing a locked file races with a process opening it.
    """

    def __init__(self, fd: int) -> None:
        self._fd = fd

    def unlock(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)  # releases the flock
            self._fd = -1


def instance_lock(app_paths: AppPaths) -> InstanceLock | None:
    """Hold the data folder for this process, or None if another running
    StretchGuide holds it. A lock left by a crashed process is taken over.

    Made private (0600) as it is created and never opened through a link:
    store.files.make_private would import the store (~10 ms) before the paint.
    """
    app_paths.ensure()
    path = app_paths.data_dir / LOCK_NAME
    try:
        import fcntl
    except ImportError:  # Windows: Qt's lock file
        return _qt_lock(str(path))
    flags = os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, 0o600)
    try:
        import stat

        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(f"{path} is not a plain file")
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return None
        if info.st_mode & 0o777 != 0o600:
            os.fchmod(fd, 0o600)
        # What QLockFile writes (pid, application name, host name), so an
        # older StretchGuide sees a live holder.
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n{APPLICATION}\n{os.uname().nodename}\n".encode())
    except BaseException:
        with contextlib.suppress(OSError):
            os.close(fd)
        raise
    return _FlockLock(fd)


def _qt_lock(path: str) -> InstanceLock | None:
    from PySide6.QtCore import QLockFile

    lock = QLockFile(path)
    old = os.umask(0o077)
    try:
        taken = lock.tryLock(200)
    finally:
        os.umask(old)
    return lock if taken else None


def data_folder_error_text(exc: OSError, app_paths: AppPaths) -> str:
    # The store's checks name the cause as the command line does ("it should
    # be a folder but is a file"); mkdir's own word for it was "File exists".
    from stretchguide.store.errors import StoreError
    from stretchguide.store.files import check_usable

    try:
        for folder in (app_paths.data_dir, app_paths.backups_dir, app_paths.routines_dir):
            check_usable(folder, folder=True)
    except StoreError as err:
        return err.user_message
    from stretchguide.core.os_reasons import os_reason
    from stretchguide.store.errors import UnusableFileError

    where = Path(exc.filename) if exc.filename else app_paths.data_dir
    # The store's sentence, so the reason and the advice are in the person's language.
    return UnusableFileError(where, os_reason(exc)).user_message


def second_instance_text(app_paths: AppPaths) -> str:
    return (
        f"StretchGuide is already open for the data folder {app_paths.data_dir}. "
        "Please switch to that window: two copies at once could record the same "
        "session twice or miss each other's changes."
    )


def after_first_paint(
    window: QObject,
    slot: Callable[[], object],
    fallback_ms: int = 3000,
    at_paint: Callable[[], object] | None = None,
) -> None:
    """Call ``slot`` once, on the event-loop turn after ``window`` first paints.

    A zero-delay timer armed at ``show()`` fires before the first paint (on
    xcb the paint waits for the server's expose), so the history's opening
    check delayed the first frame by its own length. ``fallback_ms`` covers
    a window that is never painted (started minimised). ``at_paint``, if
    given, is called once at the first paint event itself (or at the
    fallback, whichever comes first).
    """
    from PySide6.QtCore import QEvent, QObject, QTimer

    assert isinstance(window, QObject)
    done = False
    painted = at_paint is None

    def paint_seen() -> None:
        nonlocal painted
        if not painted:
            painted = True
            assert at_paint is not None
            at_paint()

    def run() -> None:
        nonlocal done
        paint_seen()
        if not done:
            done = True
            slot()

    class Watch(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                obj.removeEventFilter(self)
                paint_seen()
                QTimer.singleShot(0, window, run)
            return False

    window.installEventFilter(Watch(window))
    QTimer.singleShot(fallback_ms, window, run)


def pause_gc() -> Callable[..., None]:
    """Pause Python's cyclic garbage collector; returns the call that resumes it.

    Start-up allocates tens of thousands of long-lived objects (PySide's
    signature and enum machinery, the modules, the window), and every 700
    allocations set off a collection that walks the young ones: 36-41
    collections, 9-15 ms of CPU before the first paint, freeing next to
    nothing. Reference counting still frees everything else at once; only
    cycles wait. On resuming, what start-up made is moved to the oldest
    generation without being walked (``freeze`` + ``unfreeze``), where it
    would have ended anyway; enabling alone made the next allocation walk
    all of it at once (~9 ms).

    ``resume()`` hands collection to the GUI thread's timer
    (``qt.collector``: never on the voice thread); ``resume(on_gui_thread=
    False)``, once the application has quit, back to Python's own
    collector. Resuming twice is harmless, and a collector someone else
    had turned off stays off.
    """
    import gc

    if not gc.isenabled():
        return lambda *_, **__: None
    gc.disable()

    def resume(on_gui_thread: bool = True) -> None:
        from stretchguide.qt import collector

        if on_gui_thread and (gc.isenabled() or collector.running()):
            return
        if not gc.isenabled() and not collector.running():
            gc.freeze()
            gc.unfreeze()
        if on_gui_thread:
            collector.collect_on_gui_thread()
        else:
            collector.collect_anywhere()

    return resume


def run_app(app_paths: AppPaths, argv: Sequence[str], *, minimized: bool = False) -> int:
    # No cyclic garbage collection until the window has painted (pause_gc);
    # the collector resumes at the first paint, or here on any way out.
    resume_gc = pause_gc()
    try:
        return _run_app(app_paths, argv, minimized, resume_gc)
    finally:
        resume_gc(on_gui_thread=False)  # the application is gone


def _run_app(
    app_paths: AppPaths, argv: Sequence[str], minimized: bool, resume_gc: Callable[..., None]
) -> int:
    app = make_application(argv)
    from stretchguide.qt.i18n import install_for_settings  # issue 15: the interface language

    install_for_settings(app, app_paths.settings_file)
    # QMessageBox is imported only to report a failure: making its PySide
    # class (with its enums) cost ~3 ms of CPU before every first paint.
    try:
        lock = instance_lock(app_paths)
    except OSError as exc:
        # E.g. "backups" is a file, or the folder belongs to someone else.
        from stretchguide.qt.dialogs import tell

        text = data_folder_error_text(exc, app_paths)
        print(text, file=sys.stderr)
        tell(None, APPLICATION, text, warning=True)
        return 2
    if lock is None:
        from stretchguide.qt.dialogs import tell

        text = second_instance_text(app_paths)
        print(text, file=sys.stderr)
        tell(None, APPLICATION, text)
        return 3
    window = build_window(app_paths)
    from stretchguide.qt.last_resort import install as install_last_resort

    install_last_resort(app_paths.data_dir, lambda text: window.statusBar().showMessage(text))

    if minimized and window.ctx.prefs.reminder_enabled:
        # Started at login for reminders: the tray only, no dialogs; the
        # start-up questions come when the person opens the window.
        window.ctx.history  # noqa: B018 - opened now, so "done today" is known
        from stretchguide.qt.style import install_focus_ring

        install_focus_ring(app)  # no first paint to wait for: the tray's dialogs need it
        _end_on_signals(window)
        if window.companion.start_minimised():
            # Wrapped on this one object: its next open also runs the start-up
            # checks (a hook on Companion would say this without the ignore).
            window.companion.open_window = _first_open(  # type: ignore[method-assign]
                window, window.companion.open_window
            )
        resume_gc()  # no first paint to wait for
    else:
        # After the first paint, so the window appears at once.
        def checks() -> None:
            _end_on_signals(window)
            window.startup_checks()

        after_first_paint(window, checks, at_paint=resume_gc)
        window.show()
    # With reminders on, closing the window leaves the tray running.
    app.setQuitOnLastWindowClosed(not window.ctx.prefs.reminder_enabled)
    code = app.exec()
    if window.ctx.history_open:
        window.ctx.history.close()
    elif not window.isVisible() and code == 0:
        code = 1  # the history could not be opened
    lock.unlock()
    return int(code)


def _end_on_signals(window: MainWindow) -> None:
    """SIGTERM and SIGHUP close the window for good, asking nothing
    (qt/terminate.py); before, they ended the process on the spot."""
    from stretchguide.qt.terminate import close_for_good, install

    install(window, lambda: close_for_good(window))


def _first_open(window: MainWindow, open_window: Callable[[], None]) -> Callable[[], None]:
    """The first time the window opens from the tray, run the start-up checks."""

    started = False

    def opener() -> None:
        nonlocal started
        open_window()
        if not started:
            started = True
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, window, window.startup_checks)

    return opener


if __name__ == "__main__":  # pragma: no cover
    from stretchguide import paths

    sys.exit(run_app(paths.resolve(), sys.argv))
