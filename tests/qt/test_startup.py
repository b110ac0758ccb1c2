"""Start-up order: the window frame paints before the catalog is loaded."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from stretchguide import paths
from stretchguide.qt.app import build_window


def test_window_paints_its_frame_first_then_fills_the_routine_list(qtbot, _private_data_dir):
    window = build_window(paths.resolve(str(_private_data_dir)))
    qtbot.addWidget(window)
    assert not window.ctx.catalog_loaded  # nothing domain-side before the first paint
    window.show()
    qtbot.waitUntil(lambda: window.ctx.catalog_loaded, timeout=5000)
    assert window.routines.model.rowCount() == len(window.ctx.all_routines()) > 0
    assert window.routines.details.routine is not None  # the first routine is selected
    assert window.routines.cause_filter.count() > 1  # filters filled from the catalog's enums


def test_thumbnails_signal_once_every_card_has_its_picture(qtbot, _private_data_dir):
    window = build_window(paths.resolve(str(_private_data_dir)))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.routines.sig_thumbnails_loaded, timeout=10000):
        window.show()
    assert window.routines.thumbnails_loaded()
    assert window.routines.model.thumbnails_pending() == 0


def test_catalog_loads_on_demand_when_used_before_the_first_paint(qtbot, _private_data_dir):
    window = build_window(paths.resolve(str(_private_data_dir)))
    qtbot.addWidget(window)
    first = window.ctx.all_routines()[0].id
    window.routines.select_routine(first)  # never shown: still works
    assert (
        window.routines.details.routine is not None and window.routines.details.routine.id == first
    )


def test_closing_the_window_mid_load_stops_the_thumbnail_chain(qtbot, _private_data_dir):
    # The thumbnails load one per event-loop turn; a window deleted half-way
    # must take its pending turn with it, not run it on a deleted model.
    window = build_window(paths.resolve(str(_private_data_dir)))
    window.show()
    qtbot.waitUntil(lambda: window.ctx.catalog_loaded, timeout=5000)
    window.routines._load_thumbnails()  # one loaded, the next turn queued
    assert window.routines.model.thumbnails_pending() > 0
    with qtbot.waitSignal(window.destroyed, timeout=5000):
        window.close()
        window.deleteLater()
    qtbot.wait(200)  # pytest-qt fails the test on an exception raised in here


def test_the_first_paint_imports_no_charts_audio_or_history_maths():
    """What the window needs before its first paint stays light (bench_startup.py).

    A preferences module that imported core.safety at the top pulled in
    core.trends and cost ~40 ms of start-up (1.4x -> 1.65x a bare window).
    """
    import os
    import subprocess
    import sys

    heavy = (
        "stretchguide.core.trends",
        "stretchguide.core.safety",
        "stretchguide.store.history",
        "pyqtgraph",
        "PySide6.QtMultimedia",
        "PySide6.QtTextToSpeech",
    )
    code = (
        "import sys, stretchguide.qt.app, stretchguide.qt.main_window; "
        f"print([m for m in {heavy!r} if m in sys.modules])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert out.stdout.strip() == "[]"


def test_the_start_up_checks_wait_for_the_first_paint(qtbot, _private_data_dir):
    # A zero-delay timer armed at show() fired before the first paint, so
    # opening the history (its integrity check) held the first frame back.
    from stretchguide.qt.app import after_first_paint

    window = build_window(paths.resolve(str(_private_data_dir)))
    qtbot.addWidget(window)
    calls: list[bool] = []
    painted: list[bool] = []
    window.paintEvent = lambda event: painted.append(True)
    after_first_paint(window, lambda: calls.append(bool(painted)), fallback_ms=60_000)
    window.show()
    qtbot.waitUntil(lambda: bool(calls), timeout=5000)
    qtbot.wait(50)
    assert calls == [True]  # once, and only after a paint


def test_the_start_up_checks_still_run_when_nothing_paints(qtbot, _private_data_dir):
    from stretchguide.qt.app import after_first_paint

    window = build_window(paths.resolve(str(_private_data_dir)))
    qtbot.addWidget(window)
    calls: list[int] = []
    after_first_paint(window, lambda: calls.append(1), fallback_ms=10)  # never shown
    qtbot.waitUntil(lambda: bool(calls), timeout=5000)
    qtbot.wait(50)
    assert calls == [1]


def test_opening_the_app_builds_no_sub_commands():
    """The GUI path imports no sub-command module (bench_history_page.py:
    building them all cost as much as Qt's own start-up)."""
    import os
    import subprocess
    import sys

    code = (
        "import sys, stretchguide.__main__ as m\n"
        "m.build_parser(commands=m.wants_commands(['--data-dir', 'x', '-style=fusion']))\n"
        "print([n for n in sys.modules if n.startswith(('stretchguide.commands.', "
        "'stretchguide.store', 'stretchguide.core.catalog'))])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert out.stdout.strip() == "[]"


def test_the_app_lock_and_window_frame_import_neither_the_store_nor_the_drawing_widgets(
    tmp_path,
):
    """run_app's steps before the first paint: the application (its style),
    the interface language, the instance lock and the window frame. The
    lock's make_private imported the store (~10 ms), the style lived among the
    session widgets (~20 ms), and resolving the language imported core.i18n
    and with it the catalog (~40 ms)."""
    import os
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from pathlib import Path\nfrom stretchguide.paths import AppPaths\n"
        "from stretchguide.qt import app as qa\n"
        "a = qa.make_application(['x'])\n"
        f"p = AppPaths(Path({str(tmp_path / 'data')!r}))\n"
        "from stretchguide.qt.i18n import install_for_settings\n"
        "install_for_settings(a, p.settings_file)\n"
        "lock = qa.instance_lock(p)\n"
        "w = qa.build_window(p)\n"
        "print(a.style().name(), getattr(a.style(), 'focus_ring', False), "
        "oct((p.data_dir / qa.LOCK_NAME).stat().st_mode & 0o777))\n"
        "print([n for n in sys.modules if n.startswith(('stretchguide.store', "
        "'stretchguide.qt.widgets', 'stretchguide.core.catalog', 'stretchguide.core.i18n', "
        "'stretchguide.qt.session_flow', 'importlib.resources'))])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    style, modules = out.stdout.strip().splitlines()
    # Plain Fusion until the first paint: the focus ring's Python style comes after it.
    assert style == "fusion False 0o600"
    assert modules == "[]"


def _watch_first_paint(window, on_paint):
    from PySide6.QtCore import QEvent, QObject

    class Watch(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                obj.removeEventFilter(self)
                on_paint()
            return False

    watch = Watch(window)
    window.installEventFilter(watch)
    return watch


def test_the_list_and_filters_are_built_after_the_first_paint_within_two_turns(
    qtbot, _private_data_dir
):
    """The first frame is the toolbar and "Loading routines…"; the filters, the
    list and the focus-ring style come on the next event-loop turn (counted
    with zero-delay timers, so the test does not depend on the clock)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    QApplication.instance().setStyle("Fusion")  # as at start-up (an earlier window set the ring)
    window = build_window(paths.resolve(str(_private_data_dir)))
    qtbot.addWidget(window)
    page = window.routines
    assert not page.populated and not hasattr(page, "list_view")  # built lazily
    seen: dict[str, object] = {}
    turns: list[bool] = []

    def count_turn() -> None:
        turns.append(page.populated)
        if len(turns) < 5:
            QTimer.singleShot(0, window, count_turn)

    def at_paint() -> None:
        seen["built"] = hasattr(page, "list_view") or hasattr(page, "cause_filter")
        seen["ring"] = getattr(QApplication.instance().style(), "focus_ring", False)
        QTimer.singleShot(0, window, count_turn)

    _watch_first_paint(window, at_paint)
    window.show()
    qtbot.waitUntil(lambda: len(turns) == 5, timeout=5000)
    assert seen == {"built": False, "ring": False}  # the first frame had neither
    assert True in turns[:2], turns  # the routines page within two turns of the paint
    assert page.list_view.isVisible() and page.cause_filter.isVisible()
    assert page.list_view.hasFocus() or not window.isActiveWindow()
    assert getattr(QApplication.instance().style(), "focus_ring", False)


def test_the_focus_ring_shows_on_the_window_s_button_and_check_box(qtbot, _private_data_dir):
    """The ring's style arrives after the first paint, and then rings the
    routines page's own widgets (3 px in the highlight colour)."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    window = build_window(paths.resolve(str(_private_data_dir)))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.ctx.catalog_loaded, timeout=5000)
    highlight = QApplication.instance().palette().color(QPalette.ColorRole.Highlight)

    def ring_rows(widget) -> int:
        img = widget.grab().toImage()
        rows = 0
        for y in range(min(4, img.height())):
            hits = sum(
                1
                for x in range(img.width())
                if max(
                    abs(img.pixelColor(x, y).red() - highlight.red()),
                    abs(img.pixelColor(x, y).green() - highlight.green()),
                    abs(img.pixelColor(x, y).blue() - highlight.blue()),
                )
                < 40
            )
            rows += hits > img.width() // 2
        return rows

    def highlight_pixels(widget) -> int:
        img = widget.grab().toImage()
        return sum(
            1
            for y in range(img.height())
            for x in range(img.width())
            if max(
                abs(img.pixelColor(x, y).red() - highlight.red()),
                abs(img.pixelColor(x, y).green() - highlight.green()),
                abs(img.pixelColor(x, y).blue() - highlight.blue()),
            )
            < 40
        )

    start = window.routines.details.start_button
    window.activateWindow()
    start.setFocus()
    qtbot.waitUntil(start.hasFocus, timeout=2000)
    assert ring_rows(start) >= 2  # a ring about 3 px thick across the top
    floor = window.routines.no_floor
    unfocused = highlight_pixels(floor)
    floor.setFocus()
    qtbot.waitUntil(floor.hasFocus, timeout=2000)
    assert ring_rows(start) == 0  # the ring follows the focus
    assert highlight_pixels(floor) > unfocused + 40


def test_toolbar_shortcuts_and_tooltips_arrive_with_the_routines(qtbot, _private_data_dir):
    """The first frame's toolbar has its words; the shortcuts and the tips
    that name them are set on the turn after the first paint, before anyone
    can use them."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence

    from stretchguide.qt.enums import Page

    window = build_window(paths.resolve(str(_private_data_dir)))
    qtbot.addWidget(window)
    expected = {
        window.act_routines: ("Routines", "Ctrl+1"),
        window.act_history: ("History", "Ctrl+2"),
        window.act_guidance: ("Guidance", "Ctrl+3"),
        window.act_checkin: ("Check in", "Ctrl+K"),
        window.act_settings: ("Settings", "Ctrl+,"),
        window.act_safety: ("Safety questions", "Ctrl+Shift+Q"),
        window.act_sheet: ("Print / Save as PDF", "Ctrl+P"),
        window.act_ics: ("Plan to calendar", "Ctrl+Shift+E"),
    }
    assert [a.text().replace("&", "") for a in window.nav.actions()] == [
        words for words, _keys in expected.values()
    ]
    window.show()
    qtbot.waitUntil(lambda: window.ctx.catalog_loaded, timeout=5000)
    for act, (words, keys) in expected.items():
        assert act.shortcuts() == [QKeySequence(keys)]
        native = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
        assert act.toolTip() == f"{words} ({native})"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is Page.GUIDANCE
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is Page.ROUTINES


def test_pause_gc_resumes_on_the_gui_thread_then_anywhere_and_leaves_a_stopped_collector_stopped(
    qapp,
):
    import gc

    from stretchguide.qt import collector
    from stretchguide.qt.app import pause_gc

    collector.collect_anywhere()  # as the app starts: Python's own collector
    try:
        resume = pause_gc()
        assert not gc.isenabled() and not collector.running()
        resume()  # the first paint: cycles collected on the GUI thread's timer
        assert not gc.isenabled() and collector.running()
        resume()  # twice: harmless
        assert collector.running()
        resume(on_gui_thread=False)  # the application has quit
        assert gc.isenabled() and not collector.running()
        gc.disable()  # someone else's choice
        noop = pause_gc()
        noop()
        noop(on_gui_thread=False)
        assert not gc.isenabled() and not collector.running()
    finally:
        collector.collect_on_gui_thread()  # as this test started (tests/conftest.py)


def _entry_point(code: str, data: Path) -> subprocess.CompletedProcess[str]:
    """``code`` run in a fresh interpreter, offscreen, with its data in ``data``:
    it wraps the real entry point (``main([])``) and prints what it saw."""
    env = {k: v for k, v in os.environ.items() if k != "STRETCHGUIDE_DATA_DIR"}
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env={**env, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(data)},
    )


def test_the_collector_is_paused_until_the_first_paint_and_running_after(tmp_path):
    """The real entry point (``main([])``): no cyclic collection while the
    window is built (``pause_gc``), and the collector running again by the
    time the start-up checks run and after the app has quit."""
    code = (
        "import gc, sys\n"
        "import stretchguide.qt.app as qa\n"
        "build = qa.build_window\n"
        "def build_window(*a, **k):\n"
        "    print('building', gc.isenabled(), flush=True)\n"
        "    return build(*a, **k)\n"
        "qa.build_window = build_window\n"
        "after = qa.after_first_paint\n"
        "def after_first_paint(window, slot, **k):\n"
        "    from PySide6.QtWidgets import QApplication\n"
        "    def checks():\n"
        "        from stretchguide.qt import collector\n"
        "        print('checks', gc.isenabled(), collector.running(), flush=True)\n"
        "        QApplication.instance().exit(0)\n"
        "    after(window, checks, **k)\n"
        "qa.after_first_paint = after_first_paint\n"
        "from stretchguide.__main__ import main\n"
        "main([])\n"
        "print('after', gc.isenabled(), flush=True)\n"
    )
    out = _entry_point(code, tmp_path)
    # At the checks, cycles are collected on the GUI thread's timer, not by
    # Python's own collector (stretchguide/qt/collector.py).
    assert out.stdout.split("\n")[:3] == ["building False", "checks False True", "after True"]


def test_the_first_paint_does_not_build_pyside_s_qt_namespace(tmp_path):
    """PySide builds every enum of its ``Qt`` namespace (~100, with
    ``Qt.Key``'s ~500 keys) the first time a module takes the name ``Qt``:
    about 130 M instructions, a fifth of a bare window's start-up, which a
    guard against held keys imported at the top once cost (1.12x -> 1.34x a
    bare window, bench_startup.py --instructions). The real entry point is
    run to its first paint and asked whether ``Qt.Key`` was built by then,
    and whether ``datetime`` (~1.5 ms) was imported, which it needs later."""
    code = (
        "import os, sys\n"
        "built = []\n"
        "def watch(frame, event, arg):\n"
        "    if event == 'call' and frame.f_code.co_name == '_create_':\n"
        "        built.append(str(frame.f_locals.get('class_name')))\n"
        "sys.setprofile(watch)\n"
        # PySide 6.12's own start imports datetime: only ours is asked about.
        "import PySide6.QtWidgets\n"
        "theirs = 'datetime' in sys.modules\n"
        "import stretchguide.qt.app as qa\n"
        "build = qa.build_window\n"
        "def build_window(*a, **k):\n"
        "    from PySide6.QtCore import QEvent, QObject\n"
        "    window = build(*a, **k)\n"
        "    class FirstPaint(QObject):\n"
        "        def eventFilter(self, obj, event):\n"
        "            if event.type() == QEvent.Type.Paint:\n"
        "                sys.setprofile(None)\n"
        "                print('enums', len(built), 'Key' in built, flush=True)\n"
        "                print('datetime' in sys.modules and not theirs, flush=True)\n"
        "                late = ('stretchguide.core.text_encoding', 'stretchguide.plain_files',\n"
        "                        'stretchguide.core.os_reasons')\n"
        "                print(','.join(m for m in late if m in sys.modules) or '-', flush=True)\n"
        "                os._exit(0)\n"
        "            return False\n"
        "    window.installEventFilter(FirstPaint(window))\n"
        "    return window\n"
        "qa.build_window = build_window\n"
        "from stretchguide.__main__ import main\n"
        "main([])\n"
    )
    out = _entry_point(code, tmp_path)
    word, count, key_built, datetime_imported, late = out.stdout.split()
    assert word == "enums" and int(count) > 0  # the watch saw enums being built
    assert key_built == "False"
    assert datetime_imported == "False"  # AppContext.today() imports it when asked
    # The words for a file in the wrong encoding or a refused file are for
    # the rare file that needs them: the settings guard, made before the
    # first paint, once imported them at its top (three modules, ~4 M
    # instructions).
    assert late == "-"
