"""The figure maths: joint limits, the floor, mirroring, interpolation, coverage."""

from __future__ import annotations

import math
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stretchguide.core import figures as pl
from stretchguide.core.catalog import Equipment, Side, Sides, load_builtin
from stretchguide.core.figures.body import (
    DOFS,
    LIMITS,
    RADIUS,
    STANDING,
    Pose,
    limit_for,
    limit_violations,
    mirrored,
)
from stretchguide.core.figures.drawing import Camera, View, drawing
from stretchguide.core.figures.easing import lerp_pose
from stretchguide.core.figures.frames import Clip, Frame, Keyframe, resolve
from stretchguide.core.figures.kinematics import forward, reach

CATALOG = load_builtin()
FLOOR_TOLERANCE_CM = 0.5


def _swap(name: str) -> str:
    if name[:2] in ("l_", "r_"):
        return ("r_" if name[0] == "l" else "l_") + name[2:]
    return name


def _check_frame(frame: Frame, where: str) -> None:
    resolved = resolve(frame)
    for who, pose in (("person", resolved.body), ("helper", resolved.helper)):
        if pose is None:
            continue
        bad = limit_violations(pose)
        assert not bad, f"{where} ({who}): {bad}"
        low = forward(pose).lowest()
        assert low >= -FLOOR_TOLERANCE_CM, f"{where} ({who}) goes {-low:.1f} cm into the floor"


def test_every_catalog_exercise_has_a_figure() -> None:
    missing = sorted(set(CATALOG.exercises) - set(pl.figure_ids()))
    assert not missing, f"no figure for: {missing}"


@pytest.mark.parametrize("exercise_id", sorted(CATALOG.exercises))
def test_every_authored_pose_respects_joint_limits_and_the_floor(exercise_id: str) -> None:
    fig = pl.figure(exercise_id)
    named = {"start": fig.start, "key": fig.key, **fig.stages}
    if fig.neutral is not None:
        named["neutral"] = fig.neutral
    named.update({f"path{i}": f for i, f in enumerate(fig.rep_path)})
    for name, frame in named.items():
        for side in (Side.RIGHT, Side.LEFT):
            _check_frame(fig.frame_for(frame, side), f"{exercise_id}:{name}:{side}")


@pytest.mark.parametrize("exercise_id", sorted(CATALOG.exercises))
def test_animation_frames_stay_within_limits_in_every_phase(exercise_id: str) -> None:
    ex = CATALOG.exercises[exercise_id]
    anim = pl.Animator(exercise_id, Side.LEFT)
    phases = [
        ("prepare", {}),
        ("hold", {"stage": ex.dose.stages[-1] if ex.dose.stages else ""}),
        (
            "reps",
            {
                "rep_s": ex.dose.rep_s or 3.0,
                "hold_s": ex.dose.hold_s,
                "alternating": ex.dose.sides is Sides.ALTERNATING,
            },
        ),
        ("rest", {}),
    ]
    for phase, kw in phases:
        anim.set_phase(phase, duration=10.0, **kw)  # type: ignore[arg-type]
        for t in (0.0, 0.7, 1.3, 2.5, 4.1, 6.0):
            _check_frame(anim.frame(t), f"{exercise_id}:{phase}@{t}")


def test_knee_and_elbow_cannot_bend_backwards() -> None:
    assert limit_for("r_knee") == (0.0, LIMITS["knee"][1])
    assert limit_for("l_elbow")[0] == 0.0  # type: ignore[index]
    assert limit_violations(STANDING.with_(r_knee=-10.0)) == ["r_knee=-10.0 outside 0..155"]


def test_standing_pose_rests_on_the_floor_and_is_upright() -> None:
    sk = forward(STANDING)
    assert abs(sk.lowest()) < 1e-6
    assert sk["head"][2] > 160.0
    assert abs(sk["head"][0] - sk["pelvis"][0]) < 2.0


def test_sideways_flexion_moves_the_thigh_forwards_and_the_knee_bends_back() -> None:
    sk = forward(STANDING.with_(r_hip_flex=90.0, r_knee=90.0))
    hip, knee, ankle = sk["r_hip"], sk["r_knee"], sk["r_ankle"]
    assert knee[0] - hip[0] == pytest.approx(43.0, abs=0.01)  # thigh points forwards
    assert ankle[2] < knee[2] - 40.0  # shin hangs down from the knee
    assert abs(ankle[0] - knee[0]) < 0.01


_angles = st.fixed_dictionaries(
    {
        name: st.floats(min_value=limit_for(name)[0], max_value=limit_for(name)[1])  # type: ignore[index]
        for name in DOFS
        if limit_for(name) is not None
    }
)


@settings(max_examples=60, deadline=None)
@given(_angles, st.floats(-40, 40), st.floats(-120, 120), st.floats(-90, 90))
def test_mirrored_pose_is_the_exact_reflection_of_the_original(
    angles: dict[str, float], yaw: float, pitch: float, roll: float
) -> None:
    pose = Pose().with_(angles, yaw=yaw, pitch=pitch, roll=roll, z=100.0, y=3.0)
    a = forward(pose)
    b = forward(mirrored(pose))
    for name, p in a.points.items():
        q = b.points[_swap(name)]
        assert q[0] == pytest.approx(p[0], abs=1e-6)
        assert q[1] == pytest.approx(-p[1], abs=1e-6)
        assert q[2] == pytest.approx(p[2], abs=1e-6)
    assert mirrored(mirrored(pose)) == pose


def test_left_side_drawing_is_the_right_side_drawing_flipped() -> None:
    fig = pl.figure("single_knee_to_chest")
    right = drawing(resolve(fig.key), fig.camera(Side.RIGHT))
    left = drawing(resolve(fig.frame_for(fig.key, Side.LEFT)), fig.camera(Side.LEFT))
    assert len(right.shapes) == len(left.shapes)
    for r, lft in zip(right.shapes, left.shapes, strict=True):
        assert r.kind == lft.kind and r.fill == lft.fill
        for (ru, rv), (lu, lv) in zip(r.points, lft.points, strict=True):
            assert lu == pytest.approx(-ru, abs=1e-6)
            assert lv == pytest.approx(rv, abs=1e-6)


def test_interpolation_hits_both_keyframes_exactly() -> None:
    a = STANDING
    b = STANDING.with_(r_hip_flex=80.0, r_knee=60.0, lumbar_flex=20.0)
    assert lerp_pose(a, b, 0.0) == a
    assert lerp_pose(a, b, 1.0) == b
    mid = lerp_pose(a, b, 0.5)
    assert mid["r_hip_flex"] == pytest.approx(40.0)
    clip = Clip((Keyframe(Frame(a), 0.0), Keyframe(Frame(b), 2.0)))
    assert clip.sample(0.0).body == a
    assert clip.sample(2.0).body == b
    assert clip.sample(1.0).body["r_knee"] == pytest.approx(30.0)  # in-out easing is symmetric


def test_looping_clip_repeats_with_its_period() -> None:
    a, b = STANDING, STANDING.with_(r_hip_abd=30.0)
    clip = Clip(
        (Keyframe(Frame(a), 0.0), Keyframe(Frame(b), 1.5), Keyframe(Frame(a), 1.5)), loop=True
    )
    assert clip.length == 3.0
    for t in (0.2, 1.0, 2.9):
        assert clip.sample(t).body.values == pytest.approx(clip.sample(t + 3.0).body.values)


def test_reach_puts_the_palm_on_a_reachable_point() -> None:
    sh = forward(STANDING)["r_shoulder"]
    target = (sh[0] + 30.0, sh[1] + 5.0, sh[2] - 25.0)
    posed = reach(STANDING, "r", target)
    sk = forward(posed)
    palm = tuple((w + h) / 2 for w, h in zip(sk["r_wrist"], sk["r_hand"], strict=True))
    assert math.dist(palm, target) < 1.0
    assert not limit_violations(posed)


def test_reps_loop_with_the_dose_period_and_hold_breathes_only_slightly() -> None:
    anim = pl.Animator("bridge")
    anim.set_phase("reps", rep_s=4.0, hold_s=2.0)
    assert anim.frame(1.0).body.values == pytest.approx(anim.frame(7.0).body.values)
    # (The bridge holds still: a breath would lift its shoulders off the mat.)
    anim = pl.Animator("knees_to_chest")
    anim.set_phase("hold", duration=30.0)
    a, b = anim.frame(pl.MOVE_S + 0.1), anim.frame(pl.MOVE_S + 2.5)
    assert a.body != b.body  # the breath is visible
    diffs = [abs(x - y) for x, y in zip(a.body.values, b.body.values, strict=True)]
    assert max(diffs) < 4.0  # and calm


def test_alternating_repetitions_switch_sides_each_repetition() -> None:
    anim = pl.Animator("lumbar_rotation", Side.RIGHT)
    anim.set_phase("reps", rep_s=4.0, alternating=True)
    assert anim.side_at(1.0) is Side.RIGHT
    assert anim.side_at(5.0) is Side.LEFT
    right_knee = forward(anim.frame(2.0).body)["r_knee"]
    left_knee = forward(anim.frame(6.0).body)["r_knee"]
    assert right_knee[1] < -10.0 < 10.0 < left_knee[1] + 20.0  # knees drop to each side


def test_staged_hold_shows_each_stage() -> None:
    def rise(sk: object) -> float:
        # How far the middle of the back sits above the pelvis-to-neck line.
        p, m, n = sk["pelvis"], sk["mid_back"], sk["neck"]  # type: ignore[index]
        return float(m[2] - (p[2] + n[2]) / 2)

    anim = pl.Animator("cat_stretch")
    anim.set_phase("hold", stage="Arch up")
    arch = rise(forward(anim.frame(5.0).body))
    anim.set_phase("hold", stage="Hollow")
    hollow = rise(forward(anim.frame(5.0).body))
    assert arch > 4.0 and hollow < -2.0


@pytest.mark.parametrize("exercise_id", sorted(CATALOG.exercises))
def test_figure_matches_the_catalog_sides_and_equipment(exercise_id: str) -> None:
    ex = CATALOG.exercises[exercise_id]
    fig = pl.figure(exercise_id)
    assert fig.sided == (ex.dose.sides is not Sides.NONE), "sidedness differs from the dose"
    inks = {p.ink.value for p in fig.props} | {p.kind for p in fig.props}
    expect = {
        Equipment.STRAP: "strap",
        Equipment.BAND: "band",
        Equipment.SMALL_BALL: "ball",
        Equipment.EXERCISE_BALL: "ball",
        Equipment.WALL: "wall",
        Equipment.CHAIR: "prop_dark",
    }
    for equipment, marker in expect.items():
        if equipment in ex.equipment:
            assert marker in inks, f"{equipment} not drawn"
    if Equipment.HELPER in ex.equipment:
        assert fig.key.helper is not None


def test_every_figure_highlights_where_it_is_felt() -> None:
    for exercise_id in CATALOG.exercises:
        d, _ = pl.key_drawing(exercise_id)
        assert any(s.kind == "glow" for s in d.shapes), exercise_id


def test_cameras_project_to_the_expected_axes() -> None:
    p = (1.0, 2.0, 3.0)
    assert Camera(View.SIDE).project(p) == pytest.approx((1.0, 3.0, -2.0))
    assert Camera(View.SIDE, from_left=True).project(p) == pytest.approx((-1.0, 3.0, 2.0))
    assert Camera(View.FRONT).project(p) == pytest.approx((2.0, 3.0, 1.0))
    assert Camera(View.TOP).project(p) == pytest.approx((1.0, 2.0, 3.0))


def _floor_gap_under_waist(exercise_id: str) -> float:
    body = forward(pl.figure(exercise_id).key.body)
    from stretchguide.core.figures.body import RADIUS

    return body["mid_back"][2] - RADIUS["trunk"]


def test_pelvic_tilts_differ_by_a_gap_under_the_low_back() -> None:
    # Forward tilt arches the low back off the mat; backward tilt presses it flat.
    assert _floor_gap_under_waist("anterior_pelvic_tilt") > 5.0
    assert _floor_gap_under_waist("posterior_pelvic_tilt") < 0.5


def test_back_flat_tilt_closes_a_visible_gap_under_the_waist() -> None:
    # Each repetition starts from the low back's natural curve and presses
    # it flat: a gap of under 1 cm closing read as no movement at all.
    fig = pl.figure("posterior_pelvic_tilt")
    start, key = forward(resolve(fig.start).body), forward(resolve(fig.key).body)
    assert start["mid_back"][2] - RADIUS["trunk"] > 1.8
    assert key["mid_back"][2] - RADIUS["trunk"] < 0.5


def test_side_stretch_dangle_hangs_the_working_foot_clear_of_the_floor() -> None:
    fig = pl.figure("side_stretch_dangle")
    for side, work, stand in ((Side.RIGHT, "r", "l"), (Side.LEFT, "l", "r")):
        body = forward(resolve(fig.frame_for(fig.key, side)).body)
        hanging = min(body[f"{work}_heel"][2], body[f"{work}_toe"][2])
        standing_foot = min(body[f"{stand}_heel"][2], body[f"{stand}_toe"][2])
        assert hanging > standing_foot + 8.0, side
        # The trunk leans away from the hanging leg, towards the support.
        lean = body["neck"][1] - body["pelvis"][1]
        assert (lean > 15.0) if work == "r" else (lean < -15.0), side
    assert any(p.ink.value == "prop_dark" for p in fig.props), "no support to hold"


@pytest.mark.parametrize("exercise_id", ["standing_extension", "prone_press_up", "bridge"])
def test_side_views_show_which_way_the_face_points(exercise_id: str) -> None:
    fig = pl.figure(exercise_id)
    cam = fig.camera(None)
    frame = resolve(fig.key)
    skel = forward(frame.body)
    shapes = drawing(frame, cam).shapes
    head = cam.project(skel["head"])
    nose = cam.project(skel["nose"])
    eyes = [
        s for s in shapes if s.kind == "disc" and s.fill is not None and s.fill.value == "outline"
    ]
    assert len(eyes) == 1, "one eye in profile"
    eu, ev = eyes[0].points[0]
    # The eye sits on the nose's side of the head, so the face reads the right way.
    assert (eu - head[0]) * (nose[0] - head[0]) + (ev - head[1]) * (nose[1] - head[1]) > 0


def test_front_view_shows_both_eyes_and_no_profile() -> None:
    fig = pl.figure("standing_side_bend")
    frame = resolve(fig.start)
    shapes = drawing(frame, fig.camera(Side.RIGHT)).shapes
    eyes = [
        s for s in shapes if s.kind == "disc" and s.fill is not None and s.fill.value == "outline"
    ]
    assert len(eyes) == 2


def test_cat_stretch_far_hand_rests_on_the_mat_like_the_near_one() -> None:
    fig = pl.figure("cat_stretch")
    for name, frame in fig.stages.items():
        body = forward(frame.body)
        assert abs(body["l_wrist"][2] - body["r_wrist"][2]) < 1.0, name


def test_advanced_piriformis_hands_hold_behind_the_pulled_thigh_in_view() -> None:
    fig = pl.figure("advanced_piriformis_stretch")
    for side, rest in ((Side.RIGHT, "l"), (Side.LEFT, "r")):
        body = forward(resolve(fig.frame_for(fig.key, side)).body)
        knee, back = body[f"{rest}_knee"], body[f"{rest}_thigh_back"]
        for s in ("l", "r"):
            palm = tuple(
                (w + h) / 2 for w, h in zip(body[f"{s}_wrist"], body[f"{s}_hand"], strict=True)
            )
            # Nearer the back of the thigh than its front, close to the knee.
            assert math.dist(palm, back) < math.dist(palm, body[f"{rest}_knee_front"]), s
            assert math.dist(palm, knee) < 20.0, s
        # That a hand shows, now seen from the crossed leg's side: see
        # test_figures_floor_review.py.


def test_lumbar_rotation_view_shows_the_knee_arch_and_its_fall_to_the_side() -> None:
    fig = pl.figure("lumbar_rotation")
    cam = fig.camera(Side.RIGHT, alternating=True)
    start = forward(resolve(fig.start).body)
    key = forward(resolve(fig.key).body)
    up = cam.project(start["r_knee"])[1] - cam.project(start["r_hip"])[1]
    assert up > 15.0, "bent knees must stand up as an arch, not read as straight legs"
    assert cam.project(key["r_knee"])[1] < cam.project(start["r_knee"])[1] - 8.0
    assert fig.feel_other_side  # knees to the right stretch the left side of the back


def _image_angle(a: tuple[float, ...], b: tuple[float, ...], c: tuple[float, ...]) -> float:
    u, v = (a[0] - b[0], a[1] - b[1]), (c[0] - b[0], c[1] - b[1])
    cos = (u[0] * v[0] + u[1] * v[1]) / (math.hypot(*u) * math.hypot(*v))
    return math.degrees(math.acos(max(-1.0, min(1.0, cos))))


@pytest.mark.parametrize(("side", "toward"), [(Side.RIGHT, -1.0), (Side.LEFT, 1.0)])
def test_lumbar_rotation_lays_both_bent_knees_down_to_one_side_shoulders_flat(
    side: Side, toward: float
) -> None:
    fig = pl.figure("lumbar_rotation")
    start = forward(resolve(fig.frame_for(fig.start, side)).body)
    key_pose = resolve(fig.frame_for(fig.key, side)).body
    key = forward(key_pose)
    low = "r" if side is Side.RIGHT else "l"
    for s in ("l", "r"):
        assert start[f"{s}_knee"][2] > start[f"{s}_hip"][2] + 25.0, "hook lying: knees up"
        assert key_pose[f"{s}_knee"] >= 80.0 and key_pose[f"{s}_hip_flex"] >= 30.0
        # Knees travel well out to the side and most of the way to the floor.
        assert (key[f"{s}_knee"][1] - start[f"{s}_knee"][1]) * toward > 20.0, s
    assert key[f"{low}_knee"][2] < 12.0, "the lower knee nearly rests on the mat"
    apart = math.dist(start["l_knee"], start["r_knee"])
    assert math.dist(key["l_knee"], key["r_knee"]) < apart + 2.0, "knees stay together"
    # Shoulders level and (almost) where they lay: the twist is in the low back.
    assert abs(key["l_shoulder"][2] - key["r_shoulder"][2]) < 1.0
    assert key["l_shoulder"][2] - start["l_shoulder"][2] < 3.0


@pytest.mark.parametrize("alternating", [False, True])
def test_lumbar_rotation_camera_shows_the_knee_bend_in_both_poses(alternating: bool) -> None:
    # In the picture each leg must show a clear angle at the knee, with
    # neither thigh nor shin seen end-on (that read as straight legs).
    fig = pl.figure("lumbar_rotation")
    for side in (Side.RIGHT, Side.LEFT):
        cam = fig.camera(side, alternating)
        for frame in (fig.start, fig.key):
            body = forward(resolve(fig.frame_for(frame, side)).body)
            for s in ("l", "r"):
                hip, knee, ankle = (cam.project(body[f"{s}_{j}"]) for j in ("hip", "knee", "ankle"))
                assert 50.0 < _image_angle(hip, knee, ankle) < 120.0, (side, s)
                assert math.dist(hip[:2], knee[:2]) > 20.0, (side, s, "thigh end-on")
                assert math.dist(knee[:2], ankle[:2]) > 20.0, (side, s, "shin end-on")


# What building a figure may cost, in kinematics evaluations (one takes about
# 0.05-0.1 ms here): an exercise's figure is built on the GUI thread when a
# session reaches it, and a movement's first frames are drawn at 60 fps.
# Counted, not timed, so the bound holds however busy the machine is.
MAX_EVALUATIONS_PER_FIGURE = 700  # worst now ~520 (standing extension); before the fast fits 2248
MAX_EVALUATIONS_FIRST_FRAMES = 60  # worst now ~33; a full settle table was ~140


@pytest.fixture
def fk_count(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    import stretchguide.core.figures as figures_pkg
    from stretchguide.core.figures import kinematics

    count = [0]
    real = kinematics._fk_raw

    def counted(pose: Pose) -> kinematics.Skeleton:
        count[0] += 1
        return real(pose)

    # Every figures module that calls it holds its own name for it.
    holders = [
        m
        for name, m in sorted(sys.modules.items())
        if name.startswith(figures_pkg.__name__ + ".") and getattr(m, "_fk_raw", None) is real
    ]
    assert len(holders) >= 2, holders  # kinematics itself and the contact solver
    for m in holders:
        monkeypatch.setattr(m, "_fk_raw", counted)
    return count


def test_building_any_figure_costs_a_bounded_number_of_kinematics_evaluations(
    fk_count: list[int],
) -> None:
    from stretchguide.core.figures import floor, library, positions

    for cached in (library.figure, library._bounds_for, positions.hook_lying, floor._pigeon):
        cached.cache_clear()  # a session's first figure pays for what it shares
    costs = {}
    for ex_id in pl.figure_ids():
        fk_count[0] = 0
        pl.Animator(ex_id).bounds()
        costs[ex_id] = fk_count[0]
        assert fk_count[0] > 0, f"{ex_id}: nothing was evaluated (the count is not counting)"
    worst = max(costs, key=costs.__getitem__)
    assert costs[worst] <= MAX_EVALUATIONS_PER_FIGURE, f"{worst} costs {costs[worst]}"


def test_first_frames_of_a_movement_settle_only_what_they_show(fk_count: list[int]) -> None:
    from stretchguide.core.figures import settle

    worst = (0, "")
    for ex_id in pl.figure_ids():
        for phase in ("prepare", "hold", "reps"):
            anim = pl.Animator(ex_id)
            anim.set_phase(phase, duration=30.0, rep_s=3.0, hold_s=1.0)
            settle._settle_table.cache_clear()
            fk_count[0] = 0
            anim.drawing(1 / 60)
            anim.drawing(2 / 60)
            worst = max(worst, (fk_count[0], f"{ex_id} {phase}"))
    assert worst[0] <= MAX_EVALUATIONS_FIRST_FRAMES, f"{worst[1]} costs {worst[0]}"


def test_the_glow_follows_the_catalogs_areas_passed_in_else_the_figures_own() -> None:
    # The catalog is the truth; it is passed in (core reads no catalog itself).
    ex_id = "side_stretch_dangle"
    catalog_feel = tuple(str(a) for a in CATALOG.exercises[ex_id].feel)
    own = pl.figure(ex_id).feel
    assert catalog_feel != own  # the case that tells the two apart
    assert pl.feel_areas(ex_id) == own
    assert pl.feel_areas(ex_id, CATALOG.exercises[ex_id].feel) == catalog_feel
    assert pl.Animator(ex_id, feel=catalog_feel).areas == catalog_feel
    passed, _ = pl.key_drawing(ex_id, feel=catalog_feel)
    fallback, _ = pl.key_drawing(ex_id)
    assert passed != fallback


def test_reach_can_rest_the_elbow_on_the_mat_while_the_palm_moves() -> None:
    # A forearm lying on the mat: palm placed, the elbow kept at its resting
    # height on the side ``elbow_to`` names, wherever the palm goes.
    from stretchguide.core.figures.face_down import _sphinx

    body = _sphinx(10.0)
    for x, y in ((62.0, -30.0), (58.0, -40.0), (66.0, -22.0)):
        posed = reach(body, "r", (x, y, 3.2), True, (-0.2, -1.0, 0.0), 4.0)
        sk = forward(posed)
        assert abs(sk["r_elbow"][2] - 4.0) < 1e-6
        assert math.dist(sk["r_wrist"], (x, y, 3.2)) < 0.05
        assert sk["r_elbow"][1] < sk["r_shoulder"][1], "out on the side elbow_to names"
