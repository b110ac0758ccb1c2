"""`stretchguide --self-test`: check an installation without a person.

Over 500 lines on purpose: ten independent checks, each short, read in the
order they run; split apart they would only share this file's runner.

Runs the same code the app runs, in the same process layout (source tree,
installed wheel or frozen bundle), and prints one line per check::

    ok    catalog: 32 exercises, 10 routines, 23 advice items; every routine can be laid out
    FAIL  sounds: sounds missing: sounds/voice/ex_bridge.wav
    note  audio: no sound output here (is there no sound server?): cues are shown on screen only

Every line is in the language of the command line (``--language``, else
``STRETCHGUIDE_LANGUAGE``, else the locale); the English one above is what
CI and the tests read. Paths, versions, module names and Qt's own warnings
stay as they are.

A note is something the machine lacks that the app copes with (no sound
output, no libpulse0: the cues are shown on screen); it is not a failure.
It exits 0 when every check passed or only noted, and 1 otherwise, so CI and
``packaging/check.sh`` can run it against a fresh wheel install and the
PyInstaller bundle. It never touches the person's data folder: the database
and settings it needs live in a temporary folder that is removed afterwards.
The session runs on a fake clock that jumps ahead, so a routine of several
minutes is checked in a second or two, with the real widgets drawn offscreen
(unless the caller chose a Qt platform) and no sound played.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sqlite3
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stretchguide.clip_files import ClipFormatError, read_clip
from stretchguide.core.i18n import NP_, _, format_number, ngettext, pgettext
from stretchguide.paths import AppPaths

# The widgets are drawn but nobody looks: a short session is enough to cross
# every step kind, and one-second holds keep the whole check quick.
FAST_STEP_S = 1.0
FAKE_TICK_S = 0.25  # how far the fake clock jumps per timer tick


def register(sub: Any) -> None:
    del sub  # --self-test is a top-level flag, not a sub-command


class CheckFailedError(Exception):
    """A check found something missing or broken; the message names it."""


class CheckNote(Exception):  # noqa: N818 - a finding, not an error
    """A check could not run here, and that is not a fault (no sound output)."""


@dataclass
class _Context:
    """What one check hands to the next (the catalog, the temp folder, Qt)."""

    app_paths: AppPaths
    scratch: Path
    catalog: Any = None
    app: Any = None
    notes: list[str] = field(default_factory=list)
    previous_handler: Any = None


Check = Callable[[_Context], str]


def _shown(names: list[str]) -> str:
    """The first eight names, and how many more: a long list would hide the verdict."""
    shown = ", ".join(names[:8])
    if len(names) > 8:
        more = len(names) - 8
        shown += " " + ngettext("and {count} more", "and {count} more", more).format(count=more)
    return shown


# -- checks -------------------------------------------------------------------


def check_install(ctx: _Context) -> str:
    from stretchguide import __version__
    from stretchguide.qt.assets import resources_root

    kind = _("frozen bundle") if getattr(sys, "frozen", False) else "python"
    return _("stretchguide {version}, {kind}, Python {python}, resources in {folder}").format(
        version=__version__,
        kind=kind,
        python=sys.version.split()[0],
        folder=resources_root(),
    )


def check_modules(ctx: _Context) -> str:
    """Import every module of the package: a bundle that forgot one fails here."""
    import stretchguide

    failed: list[str] = []
    count = 0
    for info in pkgutil.walk_packages(stretchguide.__path__, "stretchguide."):
        if info.name.endswith("__main__"):
            continue
        count += 1
        try:
            importlib.import_module(info.name)
        except Exception as exc:  # noqa: BLE001 - any import error is the finding
            failed.append(f"{info.name} ({type(exc).__name__}: {exc})")
    if failed:
        raise CheckFailedError(_("cannot import {modules}").format(modules="; ".join(failed)))
    if count == 0:
        raise CheckFailedError(
            _("found no stretchguide modules: the installation looks incomplete")
        )
    return ngettext(
        "{count} stretchguide module imports", "{count} stretchguide modules import", count
    ).format(count=count)


def check_catalog(ctx: _Context) -> str:
    from stretchguide.core.catalog import load_builtin
    from stretchguide.core.timeline import build_timeline

    catalog = load_builtin()
    if not catalog.exercises:
        raise CheckFailedError(
            _("the built-in exercises are missing ({file})").format(file="content/exercises.toml")
        )
    if not catalog.routines:
        raise CheckFailedError(
            _("the built-in routines are missing ({files})").format(files="content/routines/*.toml")
        )
    for routine in catalog.routines.values():
        timeline = build_timeline(routine, catalog.exercises)
        if not timeline.steps:
            raise CheckFailedError(_("the routine {id} has no steps").format(id=repr(routine.id)))
    ctx.catalog = catalog
    exercises, routines = len(catalog.exercises), len(catalog.routines)
    advice = len(catalog.guidance.items)
    return _("{exercises}, {routines}, {advice}; every routine can be laid out").format(
        exercises=ngettext("{n} exercise", "{n} exercises", exercises).format(n=exercises),
        routines=ngettext("{n} routine", "{n} routines", routines).format(n=routines),
        advice=ngettext("{n} advice item", "{n} advice items", advice).format(n=advice),
    )


def image_names(exercise_ids: list[str]) -> list[str]:
    """Every picture the app asks for: the icon, each exercise's picture and thumbnail."""
    names = ["images/icon.svg"]
    names += [f"images/{ex_id}.svg" for ex_id in exercise_ids]
    names += [f"images/thumbs/{ex_id}.png" for ex_id in exercise_ids]
    return names


def check_images(ctx: _Context) -> str:
    from stretchguide.qt.assets import MissingAssetError, asset_path

    names = image_names(sorted(_catalog(ctx).exercises))
    missing: list[str] = []
    for name in names:
        try:
            asset_path(name)
        except MissingAssetError:
            missing.append(name)
    if missing:
        raise CheckFailedError(_("images missing: {names}").format(names=_shown(missing)))
    return ngettext("{n} image present", "{n} images present", len(names)).format(n=len(names))


def sound_names(exercise_ids: list[str], recorded: Mapping[str, Mapping[str, str]]) -> list[str]:
    """Every cue sound and every recorded voice clip a session may play.

    ``recorded``: language -> what its exercise clips say (``recorded_clips``
    of the built-in catalog in that language), one entry per language checked.
    """
    from stretchguide.core import cues

    names = [sound.resource for sound in cues.Sound]
    for lang, said in recorded.items():
        keys = sorted(cues.clips_needed(exercise_ids, said, lang=lang))
        names += [cues.clip_resource(key, lang) for key in keys]
    return names


def check_sounds(ctx: _Context) -> str:
    from stretchguide.core.cues import recorded_clips
    from stretchguide.core.i18n import available_languages, translate_catalog
    from stretchguide.qt.assets import MissingAssetError, asset_path

    catalog = _catalog(ctx)
    # Every language's clips: the language can be switched in Settings.
    recorded = {
        lang: recorded_clips(translate_catalog(catalog, lang).exercises.values())
        for lang in available_languages()
    }
    names = sound_names(sorted(catalog.exercises), recorded)
    missing: list[str] = []
    broken: list[str] = []
    seconds = 0.0
    for name in names:
        try:
            path = asset_path(name)
        except MissingAssetError:
            missing.append(name)
            continue
        try:
            clip = read_clip(path)
            if not clip.pcm:
                raise ClipFormatError(_("it holds no sound"))
            seconds += clip.seconds
        except ClipFormatError as exc:
            broken.append(f"{name} ({exc})")
    if missing:
        raise CheckFailedError(_("sounds missing: {names}").format(names=_shown(missing)))
    if broken:
        raise CheckFailedError(
            _("sounds that cannot be read: {names}").format(names=", ".join(broken))
        )
    return ngettext(
        "{n} sound present and readable ({seconds} s of audio)",
        "{n} sounds present and readable ({seconds} s of audio)",
        len(names),
    ).format(n=len(names), seconds=f"{seconds:.0f}")


def check_database(ctx: _Context) -> str:
    """Write a session, a check-in, a response and a hurt; reopen; read them back."""
    from stretchguide.core.trends import CheckInKind, Extent, Response, SessionStatus
    from stretchguide.store.history import History

    catalog = _catalog(ctx)
    routine = next(iter(catalog.routines.values()))
    first_id = routine.items[0].exercise_id
    paths = AppPaths(ctx.scratch / "data").ensure()
    with History.open(paths) as history:
        record = history.start_session(routine, options={"sides": "both"})
        history.add_checkin(CheckInKind.BEFORE, 4, 3, Extent.THIGH, session_id=record.id)
        history.record_step(record.id, 1, first_id, "hold", planned_s=30, done_s=30)
        history.record_hurt(record.id, first_id, 1)
        history.set_response(record.id, first_id, Response.SAME)
        history.finish_session(record.id, SessionStatus.COMPLETED)
    with History.open(paths) as history:
        again = history.session(record.id)
        found = (
            again.status is SessionStatus.COMPLETED,
            len(history.steps(record.id)) == 1,
            len(history.checkins_for_session(record.id)) == 1,
            len(history.responses(record.id)) == 1,
            len(history.hurts(record.id)) == 1,
        )
    if not all(found):
        raise CheckFailedError(
            _("the history did not give back what was written to it: {found}").format(found=found)
        )
    if not paths.database.is_file():
        raise CheckFailedError(_("no database file at {path}").format(path=paths.database))
    return _("history written, opened again and read back ({size} KiB, SQLite {version})").format(
        size=paths.database.stat().st_size // 1024, version=sqlite3.sqlite_version
    )


def check_qt(ctx: _Context) -> str:
    # Only choose the platform when the caller did not: under a desktop
    # session the person may want to see that a real window can open.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QGuiApplication, QImage, QImageReader, QPainter
    from PySide6.QtSvg import QSvgRenderer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        from stretchguide.qt.app import use_plain_event_dispatcher

        use_plain_event_dispatcher()
        app = QApplication([sys.argv[0] if sys.argv else "stretchguide"])
    ctx.app = app
    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    lacking = [f for f in ("png", "svg") if f not in formats]
    if lacking:
        raise CheckFailedError(
            _("Qt image format plugins missing: {formats}").format(formats=", ".join(lacking))
        )

    from stretchguide.qt.assets import asset_path

    # Draw every picture once: an SVG the renderer rejects shows as a blank.
    names = image_names(sorted(_catalog(ctx).exercises))
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    bad: list[str] = []
    for name in names:
        if name.endswith(".png"):
            if QImage(str(asset_path(name))).isNull():
                bad.append(name)
            continue
        renderer = QSvgRenderer(QByteArray(asset_path(name).read_bytes()))
        if not renderer.isValid():
            bad.append(name)
            continue
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
    if bad:
        raise CheckFailedError(_("images Qt cannot draw: {names}").format(names=", ".join(bad)))
    return ngettext(
        "Qt {version} on {platform}, {n} image drawn",
        "Qt {version} on {platform}, {n} images drawn",
        len(names),
    ).format(version=_qt_version(), platform=QGuiApplication.platformName(), n=len(names))


def check_audio(ctx: _Context) -> str:
    """Load (never play) a cue sound the way the app does; list outputs and voices.

    No sound output, or no QtMultimedia at all (libpulse0 missing), is how
    many machines are: the app then shows its cues on screen. That is a note,
    not a failure. A cue that Qt cannot load while an output exists is one.
    """
    if ctx.app is None:
        raise CheckFailedError(
            _("Qt did not start (see the {check} check)").format(check=_name("qt"))
        )
    try:
        from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
    except ImportError as exc:  # libpulse0 (or another Qt audio library) missing
        raise CheckNote(
            _(
                "QtMultimedia cannot load ({error}); cues are shown on screen only "
                "(install {package} for sound)"
            ).format(error=exc, package="libpulse0")
        ) from exc
    from PySide6.QtCore import QUrl

    from stretchguide.core.cues import Sound
    from stretchguide.qt.assets import asset_path

    engines = _speech_engines()
    outputs = len(QMediaDevices.audioOutputs())
    if not outputs:
        # Qt cannot open a sound without an output, so loading proves nothing
        # here; the sounds check has read every file already.
        raise CheckNote(
            _(
                "no sound output here (is there no sound server?): cues are shown on screen "
                "only; speech engines: {engines}"
            ).format(engines=engines)
        )
    name = Sound.HOLD_START.resource
    effect = QSoundEffect()
    effect.setMuted(True)
    effect.setSource(QUrl.fromLocalFile(str(asset_path(name))))
    deadline = time.monotonic() + 5.0
    while effect.status() in (QSoundEffect.Status.Null, QSoundEffect.Status.Loading):
        if time.monotonic() > deadline:
            break
        ctx.app.processEvents()
        time.sleep(0.01)
    status = effect.status()
    effect.deleteLater()
    said_outputs = ngettext("{n} sound output", "{n} sound outputs", outputs).format(n=outputs)
    if status is not QSoundEffect.Status.Ready:
        raise CheckFailedError(
            _("Qt could not load {name} (status {status}) with {outputs}").format(
                name=name, status=status.name, outputs=said_outputs
            )
        )
    return _("cue sound loads; {outputs}; speech engines: {engines}").format(
        outputs=said_outputs, engines=engines
    )


def _speech_engines() -> str:
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        return _("{module} missing").format(module="QtTextToSpeech")
    return ", ".join(QTextToSpeech.availableEngines()) or _("none")


def _qt_version() -> str:
    from PySide6.QtCore import qVersion

    return str(qVersion())


def check_session(ctx: _Context) -> str:
    """Run a short session through the real session screen on a fake clock."""
    from stretchguide.core.catalog import Dose, Routine, RoutineItem, Schedule, Sides
    from stretchguide.core.session import EventKind, Session
    from stretchguide.core.timeline import SessionOptions, build_timeline
    from stretchguide.qt.session_controller import SessionController
    from stretchguide.qt.session_view import SessionView

    catalog = _catalog(ctx)
    if ctx.app is None:
        raise CheckFailedError(
            _("Qt did not start (see the {check} check)").format(check=_name("qt"))
        )
    # One item per exercise, each with a one-second dose of its own shape,
    # so the figure or picture of every exercise is drawn at least once.
    items = []
    for ex in catalog.exercises.values():
        d = ex.dose
        items.append(
            RoutineItem(
                ex.id,
                Dose(
                    hold_s=FAST_STEP_S if d.hold_s > 0 else 0.0,
                    reps=min(d.reps, 2),
                    rep_s=FAST_STEP_S if d.reps > 1 else 0.0,
                    sets=1,
                    sides=d.sides if d.sides is not Sides.AFFECTED else Sides.EACH,
                    stages=d.stages,
                ),
            )
        )
    routine = Routine(
        id="self_test",
        name="Self-test",
        description="Every exercise once, one second each.",
        items=tuple(items),
        schedule=Schedule(1, ""),
    )
    options = SessionOptions(
        prepare_s=FAST_STEP_S,
        switch_s=FAST_STEP_S,
        rest_between_exercises_s=FAST_STEP_S,
        default_set_rest_s=FAST_STEP_S,
    )
    timeline = build_timeline(routine, catalog.exercises, options)

    class FakeClock:
        now = 1000.0

        def __call__(self) -> float:
            return self.now

    clock = FakeClock()
    session = Session(timeline, clock)
    view = SessionView()
    # Nobody is there to answer "stop the session?".
    view.confirm_stop = lambda: True
    view.resize(1000, 700)
    view.show()
    controller = SessionController(session, view, clock)
    seen: set[Any] = set()
    finished: list[str] = []
    controller.sig_events.connect(lambda evs: seen.update(e.kind for e in evs))
    controller.sig_finished.connect(finished.append)
    # Each finished hold goes to a scratch history, as the app records it.
    from stretchguide.core.trends import SessionStatus
    from stretchguide.store.history import History

    history = History.open(AppPaths(ctx.scratch / "session-data").ensure(), backups=False)
    record = history.start_session(routine)

    done_steps: list[int] = []

    def record_step(index: int) -> None:
        done_steps.append(index)
        step = timeline.steps[index]
        history.record_step(
            record.id,
            index,
            step.exercise_id,
            step.kind.value,
            side=step.side.value if step.side else None,
            set_number=step.set_no,
            planned_s=step.duration_s,
            done_s=step.duration_s,
        )

    controller.sig_step_done.connect(record_step)
    started = time.monotonic()
    controller.start()
    controller.timer.stop()  # the fake clock drives the ticks, not wall time
    ticks = 0
    limit = int(timeline.total_s / FAKE_TICK_S) + 200
    paused_once = False
    while not finished and ticks < limit:
        clock.now += FAKE_TICK_S
        controller.tick()
        ticks += 1
        if not paused_once and ticks == 10:
            controller.toggle_pause()  # pause, then resume: the path the space bar takes
            clock.now += 3.0
            controller.toggle_pause()
            paused_once = True
        if ticks % 20 == 0:
            ctx.app.processEvents()
            view.grab()  # draw the screen as the person would see it
    wall = time.monotonic() - started
    history.finish_session(record.id, SessionStatus.COMPLETED)
    recorded = len(history.steps(record.id))
    history.close()
    view.close()
    view.deleteLater()
    ctx.app.processEvents()
    if finished != ["completed"]:
        how = ", ".join(finished) if finished else _("still running")
        raise CheckFailedError(
            ngettext(
                "the session did not complete: {how} after {n} tick",
                "the session did not complete: {how} after {n} ticks",
                ticks,
            ).format(how=how, n=ticks)
        )
    wanted = {
        EventKind.SESSION_START,
        EventKind.EXERCISE_INTRO,
        EventKind.HOLD_START,
        EventKind.RELEASE,
        EventKind.SESSION_COMPLETE,
    }
    absent = sorted(k.value for k in wanted - seen)
    if absent:
        raise CheckFailedError(
            _("the session never sent: {events}").format(events=", ".join(absent))
        )
    if not done_steps or recorded != len(set(done_steps)):
        raise CheckFailedError(
            _("the history kept {kept} of {done} finished holds").format(
                kept=recorded, done=len(set(done_steps))
            )
        )
    return _(
        "a session of {steps} steps over {exercises} exercises ran to the end on a fake "
        "clock ({planned} s of plan in {wall} s, {kinds} kinds of event, {recorded} holds "
        "recorded)"
    ).format(
        steps=len(timeline.steps),
        exercises=len(items),
        planned=f"{timeline.total_s:.0f}",
        wall=format_number(wall),
        kinds=len(seen),
        recorded=recorded,
    )


def _catalog(ctx: _Context) -> Any:
    if ctx.catalog is None:
        raise CheckFailedError(
            _("no catalog to check against (see the {check} check)").format(check=_name("catalog"))
        )
    return ctx.catalog


def _restore_qt_message_handler(ctx: _Context) -> None:
    if ctx.previous_handler is None:
        return
    from PySide6.QtCore import qInstallMessageHandler

    qInstallMessageHandler(ctx.previous_handler)


CHECKS: list[tuple[str, Check]] = [
    ("install", check_install),
    ("modules", check_modules),
    ("catalog", check_catalog),
    ("images", check_images),
    ("sounds", check_sounds),
    ("database", check_database),
    ("qt", check_qt),
    ("audio", check_audio),
    ("session", check_session),
]

# What a person reads for each check and result; the English ones are also
# what CI and the tests look for, so English output stays as it was.
_NAMES = {
    "install": NP_("self-test check", "install"),
    "modules": NP_("self-test check", "modules"),
    "catalog": NP_("self-test check", "catalog"),
    "images": NP_("self-test check", "images"),
    "sounds": NP_("self-test check", "sounds"),
    "database": NP_("self-test check", "database"),
    "qt": NP_("self-test check", "qt"),
    "audio": NP_("self-test check", "audio"),
    "session": NP_("self-test check", "session"),
    "privacy": NP_("self-test check", "privacy"),
}
_RESULTS = {
    "ok": NP_("self-test result", "ok"),
    "FAIL": NP_("self-test result", "FAIL"),
    "note": NP_("self-test result", "note"),
}


def _name(check: str) -> str:
    return pgettext("self-test check", _NAMES[check])


def _say(result: str, what: str, detail: str) -> None:
    """One line: the result in a column as wide as the language's longest word."""
    width = max(len(pgettext("self-test result", r)) for r in _RESULTS) + 2
    shown = pgettext("self-test result", _RESULTS[result])
    print(f"{shown:<{width}}{what}: {detail}", flush=True)


def _folder_state(folder: Path) -> dict[str, tuple[int, int]] | None:
    """Name -> (size, mtime) of everything below ``folder``; None if absent."""
    if not os.path.lexists(folder):
        return None
    state = {}
    for path in [folder, *folder.rglob("*")]:
        # The entry itself, not where a link leads: a link to a removed USB
        # stick or a deleted file made stat() raise, and the self-test ended
        # in a traceback. One that cannot be looked at is kept by its error.
        try:
            st = path.lstat()
        except OSError as exc:
            state[str(path.relative_to(folder))] = (-1, exc.errno or 0)
            continue
        state[str(path.relative_to(folder))] = (st.st_size, st.st_mtime_ns)
    return state


def _install_qt_message_filter(ctx: _Context) -> None:
    # Qt's own chatter (the offscreen plugin cannot propagate size hints, no
    # audio device...) is not a finding; keep each distinct line for the end.
    try:
        from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    except ImportError:
        return

    def handler(kind: Any, _context: Any, message: str) -> None:
        serious = (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
        if kind in serious and message not in ctx.notes:
            ctx.notes.append(message)

    ctx.previous_handler = qInstallMessageHandler(handler)


def run_self_test(app_paths: AppPaths) -> int:
    """Run every check, print one line each, return 0 if all passed else 1."""
    data_before = _folder_state(app_paths.data_dir)
    failures = 0
    notes = 0
    with tempfile.TemporaryDirectory(prefix="stretchguide-selftest-") as tmp:
        ctx = _Context(app_paths=app_paths, scratch=Path(tmp))
        _install_qt_message_filter(ctx)
        for name, check in CHECKS:
            try:
                detail = check(ctx)
            except CheckFailedError as exc:
                failures += 1
                _say("FAIL", _name(name), str(exc))
            except CheckNote as exc:
                notes += 1
                _say("note", _name(name), str(exc))
            except Exception as exc:  # noqa: BLE001 - report, keep checking the rest
                failures += 1
                where = traceback.extract_tb(exc.__traceback__)[-1]
                # The class, its own words and the line are for a bug report.
                unexpected = _("unexpected error {error} ({where})").format(
                    error=f"{type(exc).__name__}: {exc}",
                    where=f"{Path(where.filename).name}:{where.lineno}",
                )
                _say("FAIL", _name(name), unexpected)
            else:
                _say("ok", _name(name), detail)
        _restore_qt_message_handler(ctx)
    for note in ctx.notes:
        # Qt's own words come in English; only the lead-in is ours.
        _say("note", _("Qt said"), note)
    folder = app_paths.data_dir
    if _folder_state(folder) != data_before:
        failures += 1
        _say("FAIL", _name("privacy"), _("the self-test changed {folder}").format(folder=folder))
    else:
        _say("ok", _name("privacy"), _("{folder} was not touched").format(folder=folder))
    total = len(CHECKS) + 1
    if failures:
        print(
            ngettext(
                "self-test FAILED: {failed} of {total} check",
                "self-test FAILED: {failed} of {total} checks",
                total,
            ).format(failed=failures, total=total),
            flush=True,
        )
        return 1
    passed = ngettext(
        "self-test passed: {total} check", "self-test passed: {total} checks", total
    ).format(total=total)
    if notes:
        passed += " " + ngettext(
            "({n} noted above, not a fault)", "({n} noted above, not a fault)", notes
        ).format(n=notes)
    print(passed, flush=True)
    return 0
