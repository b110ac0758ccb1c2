"""Every text on the session screen fits, in every language, at 720p and 1080p.

German is about 30 % longer than English. For every built-in exercise (with
each routine's note, the longest caution it can carry) and every phase the
screen shows (get ready, hold or repetitions, the rest that already shows the
next exercise, the side switch), the session is drawn in a 1280x720 and a
1920x1080 window and every visible label is measured: the height it needs
for its width, with its word wrap, must fit the height it was given, and a
text shown shorter than in full must end in a visible "…".
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QLabel
from tests.support import FakeClock

from stretchguide import paths
from stretchguide.core.catalog import Routine, RoutineItem, Schedule
from stretchguide.core.session import Session
from stretchguide.core.timeline import StepKind, build_timeline
from stretchguide.qt import i18n
from stretchguide.qt.app import build_window
from stretchguide.qt.session_controller import SessionController
from stretchguide.qt.session_view import SessionView
from stretchguide.qt.voice_screen import add_indicator
from stretchguide.qt.widgets import ELLIPSIS, Badge

SIZES = ((1280, 720), (1920, 1080))


def every_exercise(catalog) -> Routine:  # type: ignore[no-untyped-def]
    """One routine with every item of every built-in routine (each with its
    note), then every exercise no routine uses, at its own dose."""
    items: list[RoutineItem] = []
    for routine in catalog.routines.values():
        items.extend(routine.items)
    used = {item.exercise_id for item in items}
    items += [RoutineItem(ex.id, ex.dose) for ex in catalog.exercises.values() if ex.id not in used]
    return Routine("every", "Every exercise", "", tuple(items), Schedule(7, "Daily"))


def clipped(view: SessionView) -> list[str]:
    """What on the session screen does not fit the space it was given."""
    out: list[str] = []
    for label in view.findChildren(QLabel):
        if not label.isVisibleTo(view) or not label.text():
            continue
        name = label.accessibleName() or type(label).__name__
        if label.wordWrap():
            need_h = label.heightForWidth(label.width())
            need_w = 0
        else:
            need_h, need_w = label.sizeHint().height(), label.sizeHint().width()
        if need_h > label.height() or need_w > label.width():
            out.append(
                f"{name}: needs {need_w}x{need_h}, has {label.width()}x{label.height()}:"
                f" {label.text()!r}"
            )
        full = view.full_text(label)
        if label.text() != full and not label.text().endswith(ELLIPSIS):
            out.append(f"{name}: shortened without a visible …: {label.text()!r}")
    for badge in view.findChildren(Badge):
        hint = badge.sizeHint()
        if badge.isVisibleTo(view) and (
            hint.width() > badge.width() or hint.height() > badge.height()
        ):
            out.append(f"badge {badge.text()!r}: needs {hint.toTuple()}, has {badge.size()}")
    for button in view.findChildren(QAbstractButton):
        if button.isVisibleTo(view) and (
            button.fontMetrics().horizontalAdvance(button.text()) > button.width()
        ):
            out.append(f"button {button.text()!r} is wider than {button.width()} px")
    if view.figure.height() < view.figure.minimumHeight():
        out.append(f"the figure is squeezed to {view.figure.height()} px")
    if view.dial.height() < view.dial.minimumWidth():
        out.append(f"the countdown is squeezed to {view.dial.height()} px")
    return out


@pytest.fixture
def session_window(qapp, qtbot, _private_data_dir):
    made = []

    def build(lang: str):
        i18n.install_language(qapp, lang, {})
        clock = FakeClock(5000.0)
        window = build_window(
            paths.resolve(str(_private_data_dir)), clock=clock, wall=FakeClock(1_760_000_000.0)
        )
        window.ctx.audio = False
        qtbot.addWidget(window)
        made.append(window)
        view = window.session_view
        # The screen with the most on it: the voice badge and a two-line status.
        add_indicator(view)
        window.show_page("session")
        window.show()
        view.set_status(
            QCoreApplication.translate(
                "VoiceListener",
                "No microphone was found. Voice commands are off; the keys still work.",
            )
        )
        return window, view, clock

    yield build
    for window in made:
        window.ctx.history.close()
    i18n.install_language(qapp, "en", {})  # the language is process-wide


@pytest.mark.parametrize("lang", ["en", "de", "es", "fr"])
def test_every_text_on_the_session_screen_fits_every_exercise_and_phase(
    qtbot, session_window, lang
):
    window, view, clock = session_window(lang)
    catalog = window.ctx.catalog
    session = Session(build_timeline(every_exercise(catalog), catalog.exercises), clock)
    controller = SessionController(session, view, clock)
    controller.start()
    controller.timer.stop()  # the fake clock drives the ticks
    steps = session.timeline.steps
    problems: list[str] = []
    seen: set[tuple[object, ...]] = set()
    shown_kinds: set[StepKind] = set()
    for width, height in SIZES:
        window.resize(width, height)
        qtbot.wait(1)
        assert window.size().toTuple() == (width, height), "the window cannot be this small"
        for index, step in enumerate(steps):
            if step.kind is StepKind.REST and controller.upcoming(index) is None:
                continue  # a rest between sets shows nothing a longer rest does not
            session.jump_to(index, clock())
            clock.advance(1.0)
            controller.tick()
            what = (
                width,
                view.full_text(view.name),
                view.full_text(view.instruction),
                view.full_text(view.caution),
                view.full_text(view.reps),
                view.full_text(view.next_up),
                view.side.text(),
            )
            if what in seen:
                continue
            seen.add(what)
            shown_kinds.add(step.kind)
            qtbot.wait(1)
            problems += [
                f"{width}x{height} step {index} ({step.kind.value}): {p}" for p in clipped(view)
            ]
    assert {
        StepKind.PREPARE,
        StepKind.HOLD,
        StepKind.REPS,
        StepKind.REST,
        StepKind.SWITCH,
    } <= shown_kinds
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("lang", "noun"), [("en", "one"), ("de", "Übung"), ("es", "ejercicio"), ("fr", "exercice")]
)
def test_the_rest_before_an_exercise_says_what_comes_after_it(qapp, lang, noun):
    # Under "Next: <exercise>" in the rest before it: a bare "this" (diese,
    # este, celui-ci) leaves the person guessing what it points at.
    i18n.install_language(qapp, lang, {})
    try:
        text = QCoreApplication.translate("SessionView", "Rest first, then this one")
    finally:
        i18n.install_language(qapp, "en", {})
    assert text.split()[-1] == noun


def test_a_caution_too_long_even_at_its_floor_ends_in_a_visible_ellipsis(qtbot):
    from dataclasses import replace

    from tests.support import tiny_exercises, tiny_routine

    from stretchguide.core.session import Phase
    from stretchguide.core.timeline import SessionOptions
    from stretchguide.qt.session_view import TEXT_SIZES

    clock = FakeClock()
    timeline = build_timeline(tiny_routine(), tiny_exercises(), SessionOptions(prepare_s=5))
    session = Session(timeline, clock)
    view = SessionView()
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    controller = SessionController(session, view, clock)
    controller.start()
    controller.timer.stop()
    for _ in range(14):  # into the hold, ticked as the timer would
        clock.advance(0.5)
        controller.tick()
    snap = session.snapshot(clock())
    assert snap.phase is Phase.HOLD and snap.step is not None
    long = " ".join(["Keep it slow, and stop if the tingling spreads down the leg."] * 30)
    view.show_snapshot(replace(snap, step=replace(snap.step, cautions=(long,))))
    qtbot.wait(1)

    shown = view.caution.text()
    assert shown.endswith(ELLIPSIS) and len(shown) < len(long)
    kept = shown[: -len(ELLIPSIS)]
    assert long.startswith(kept) and long[len(kept)] in " ,;:.-"  # a whole word
    assert view.full_text(view.caution) == long == view.caution.toolTip()
    floor = int(view.height() * TEXT_SIZES["caution"][1])
    assert view.caution.font().pixelSize() == floor  # shortened only below the floor
    # The step text and the countdown keep their full size; nothing is cut.
    assert view.instruction.text() == snap.step.instruction
    assert view.instruction.font().pixelSize() == int(view.height() * TEXT_SIZES["instruction"][0])
    assert not clipped(view)

    # Back to a caution that fits: full text, full size, no tooltip left over.
    view.show_snapshot(snap)
    qtbot.wait(1)
    assert not view.caution.text().endswith(ELLIPSIS)
    assert view.caution.toolTip() == ""


@pytest.mark.parametrize("lang", ["en", "de", "es", "fr"])
@pytest.mark.parametrize("size", [(1180, 752), (1280, 720), (1920, 1080)])
def test_the_status_line_never_shrinks_the_countdown(qtbot, qapp, lang, size):
    # Walk-through finding 17: with voice on and no microphone, German's
    # "Kein Mikrofon gefunden…" took two lines under the progress bar and the
    # ring and its digits shrank to make room.
    from tests.support import tiny_exercises, tiny_routine

    from stretchguide.core.timeline import SessionOptions

    i18n.install_language(qapp, lang, {})
    try:
        clock = FakeClock()
        timeline = build_timeline(tiny_routine(), tiny_exercises(), SessionOptions(prepare_s=5))
        view = SessionView()
        qtbot.addWidget(view)
        view.resize(*size)
        view.show()
        controller = SessionController(Session(timeline, clock), view, clock)
        controller.start()
        controller.timer.stop()
        clock.advance(7.0)
        controller.tick()
        qtbot.wait(1)
        ring = view.dial.size()
        digits = view.dial.digit_pixel_height()

        add_indicator(view)
        view.set_status(
            QCoreApplication.translate(
                "VoiceListener",
                "No microphone was found. Voice commands are off; the keys still work.",
            )
        )
        qtbot.wait(1)
        assert view.status.isVisibleTo(view) and view.status.text()
        assert view.dial.size() == ring
        assert view.dial.digit_pixel_height() == digits
        assert not clipped(view)
        controller.stop()
    finally:
        i18n.install_language(qapp, "en", {})
