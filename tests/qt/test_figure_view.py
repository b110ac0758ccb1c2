"""The figure widget and the generated pictures."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from tests.support import FakeClock

from stretchguide.core import figures
from stretchguide.core.catalog import Side, load_builtin
from stretchguide.qt import figure_view
from stretchguide.qt.figure_view import FigureView, render_pose_image

ROOT = Path(__file__).resolve().parents[2]
EXERCISES = sorted(load_builtin().exercises)


def _load_generator():
    spec = importlib.util.spec_from_file_location("gen_images", ROOT / "tools" / "gen_images.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_images"] = module
    spec.loader.exec_module(module)
    return module


def _painted_pixels(img: QImage) -> int:
    count = 0
    for y in range(0, img.height(), 2):
        for x in range(0, img.width(), 2):
            if img.pixelColor(x, y).alpha() > 0:
                count += 1
    return count


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_every_key_pose_renders_a_non_empty_image_of_the_asked_size(qapp, exercise_id):
    img = render_pose_image(exercise_id, 96)
    assert img.size() == QSize(96, 96)
    assert _painted_pixels(img) > 150  # a figure, not a blank square


def test_left_side_thumbnail_is_the_right_side_mirrored(qapp):
    right = render_pose_image("single_knee_to_chest", QSize(120, 80), Side.RIGHT)
    left = render_pose_image("single_knee_to_chest", QSize(120, 80), Side.LEFT)
    assert left.size() == right.size() == QSize(120, 80)
    flipped = right.flipped(Qt_horizontal())
    diff = sum(
        abs(flipped.pixelColor(x, y).alpha() - left.pixelColor(x, y).alpha())
        for y in range(0, 80, 2)
        for x in range(0, 120, 2)
    )
    assert diff / (60 * 40) < 8  # antialiasing may differ by a hair, the shape may not


def Qt_horizontal():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_widget_paints_the_figure_at_any_size(qtbot):
    view = FigureView()
    qtbot.addWidget(view)
    view.resize(640, 400)
    view.set_exercise("bridge")
    view.set_phase("hold", duration=30.0)
    for size in (QSize(200, 150), QSize(1920, 1080)):
        view.resize(size)
        img = view.grab().toImage()
        assert img.size() == size * img.devicePixelRatio()
        assert _painted_pixels(img.convertToFormat(QImage.Format.Format_ARGB32)) > 100


@pytest.fixture
def figure_clock(monkeypatch):
    """The figure widget's clock, moved by the test (it reads time.monotonic)."""
    clock = FakeClock()
    monkeypatch.setattr(figure_view, "time", SimpleNamespace(monotonic=clock))
    return clock


def run_figure(view: FigureView, clock: FakeClock, seconds: float, qtbot) -> int:
    """Let ``seconds`` of figure time pass at the widget's own timer cadence; the repaints.

    Each step is one timer tick, due after the interval the widget itself
    chose (fast while moving, slow while holding), then the paint it asked
    for, waited for before the next step. How fast a loaded machine runs
    the steps changes nothing that is counted.
    """
    start = view.repaints
    elapsed = 0.0
    while elapsed < seconds - 1e-9:
        assert view._timer.isActive()  # the widget keeps its animation going
        step = view._timer.interval() / 1000
        clock.advance(step)
        elapsed += step
        asked = view.repaints_asked
        view._timer.timeout.emit()
        if view.repaints_asked > asked:
            painted = start + asked + 1
            qtbot.waitUntil(lambda n=painted: view.repaints >= n, timeout=10_000)
    return view.repaints - start


def counting_updates(view: FigureView) -> FigureView:
    """``view.repaints_asked``: how often it called update() (each is painted once)."""
    view.repaints_asked = 0
    update = view.update

    def counted() -> None:
        view.repaints_asked += 1
        update()

    view.update = counted
    return view


def test_hold_repaints_rarely_and_motion_repaints_often(qtbot, figure_clock):
    view = counting_updates(FigureView())
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    view.set_exercise("knees_to_chest")
    view.set_phase("hold", duration=60.0, elapsed=figures.MOVE_S + 1.0)
    qtbot.waitUntil(lambda: view.repaints >= 1, timeout=10_000)
    view.repaints, view.repaints_asked = 0, 0
    hold_repaints = run_figure(view, figure_clock, 1.0, qtbot)
    view.set_phase("reps", rep_s=2.0, hold_s=0.0)
    qtbot.waitUntil(lambda: view.repaints > hold_repaints, timeout=10_000)
    view.repaints, view.repaints_asked = 0, 0
    motion_repaints = run_figure(view, figure_clock, 1.0, qtbot)
    assert hold_repaints <= 12
    assert motion_repaints >= 20
    assert motion_repaints > 2 * hold_repaints


def test_paused_figure_stops_its_timer_and_keeps_its_time(qtbot, figure_clock):
    view = FigureView()
    qtbot.addWidget(view)
    view.show()
    view.set_exercise("cat_stretch")
    view.set_phase("hold", stage="Hollow", elapsed=3.0)
    view.set_paused(True)
    t = view.current_time()
    figure_clock.advance(0.150)
    assert view.current_time() == t
    assert not view._timer.isActive()
    view.set_paused(False)
    assert view._timer.isActive()
    figure_clock.advance(0.050)
    assert view.current_time() == pytest.approx(t + 0.050)


def test_unknown_exercise_clears_the_figure(qtbot):
    view = FigureView()
    qtbot.addWidget(view)
    view.set_exercise("bridge")
    assert view.current_drawing() is not None
    view.set_exercise("no_such_exercise")
    assert view.current_drawing() is None


def test_committed_images_match_the_generator(qapp):
    gen = _load_generator()
    stale = []
    for path, data in gen.expected_files().items():
        if path == gen.SHEET:
            # The contact sheet has text, whose rendering depends on the fonts
            # installed; it is only checked to exist.
            if not path.exists():
                stale.append(path)
            continue
        if not path.exists():
            stale.append(path)
        elif path.suffix == ".svg":
            if path.read_bytes() != data:
                stale.append(path)
        elif not gen.same_picture(QImage.fromData(data), QImage(str(path))):
            stale.append(path)
    assert not stale, "run tools/gen_images.py: " + ", ".join(str(p) for p in stale)


def test_widget_background_is_left_to_the_theme(qapp):
    img = render_pose_image("bridge", 64, background=QColor("black"))
    corner = img.pixelColor(0, 0)
    assert (corner.red(), corner.green(), corner.blue()) == (0, 0, 0)


def test_a_figure_given_no_areas_glows_where_the_builtin_catalog_says(qtbot):
    ex_id = "side_stretch_dangle"
    catalog_feel = tuple(load_builtin().exercises[ex_id].feel)
    view = FigureView()
    qtbot.addWidget(view)
    view.set_exercise(ex_id)
    assert view._animator is not None and view._animator.areas == catalog_feel
    view.set_exercise(ex_id, feel=("lower_back",))
    assert view._animator is not None and view._animator.areas == ("lower_back",)
    default = render_pose_image(ex_id, 96)
    assert default == render_pose_image(ex_id, 96, feel=catalog_feel)
    assert default != render_pose_image(ex_id, 96, feel=("lower_back",))


def test_thumbnail_outlines_stay_thick_enough_to_part_touching_limbs() -> None:
    # Second look at 128 px: the lumbar rotation and the clam were blobs;
    # a body centimetre is about 0.6 px there and the 1.3 cm outline came out
    # at 0.8 px, blurred away. It is at least 1.25 px at any size, and at the
    # session's size (2-3 px a centimetre) it is what it was.
    assert figure_view.outline_px(0.6) >= 1.25
    assert figure_view.outline_px(2.5) == pytest.approx(figure_view.OUTLINE_CM * 2.5)


def test_ball_release_thumbnail_draws_the_ball_larger_by_framing_not_by_size(qapp) -> None:
    # The routine list's thumbnail is framed on the low back, the ball and
    # the legs (figures.thumbnail_focus): at 128 px the 7 cm ball's own
    # colour shows in 24 pixels, 3 when the image held the whole lying body.
    ink = QColor(figures.PALETTE[figures.Ink.BALL])
    img = render_pose_image("ball_piriformis_release", 128, background=QColor("white"))
    ball = sum(
        1
        for y in range(128)
        for x in range(128)
        if max(
            abs(img.pixelColor(x, y).red() - ink.red()),
            abs(img.pixelColor(x, y).green() - ink.green()),
            abs(img.pixelColor(x, y).blue() - ink.blue()),
        )
        < 40
    )
    assert ball >= 15, ball
