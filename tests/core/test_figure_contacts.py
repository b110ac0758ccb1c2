"""Contact physics and the features that tell look-alike figures apart.

Every body part a figure rests on the floor, a ball, a seat or a wall must
touch it -- within one pixel of a fullscreen 1080p figure -- in every
keyframe and in the frames the animation plays between them (getting into
position, the hold with its breathing, the repetitions).
"""

from __future__ import annotations

import math

import pytest

from stretchguide.core import figures as pl
from stretchguide.core.catalog import Side, Sides, load_builtin
from stretchguide.core.figures import Ink, assisted, library
from stretchguide.core.figures.body import RADIUS
from stretchguide.core.figures.drawing import highlight_points
from stretchguide.core.figures.frames import Frame, resolve
from stretchguide.core.figures.kinematics import Skeleton, forward

CATALOG = load_builtin()
SCREEN_W, SCREEN_H = 1920, 1080
# One pixel of a fullscreen 1080p figure.
TOLERANCE_PX = 1.0

# What must rest in the key pose (the still image), per exercise, as a
# physiotherapist would check it. The figure may declare more, not less.
BACK = {"pelvis", "mid_back"}
FEET = {"l_heel", "l_toe", "r_heel", "r_toe"}
MUST_REST: dict[str, set[str]] = {
    "advanced_piriformis_stretch": BACK,
    "anterior_pelvic_tilt": {"pelvis", "head"} | FEET,
    "ball_decompression": {"abdomen", "l_toe", "r_toe", "l_hand", "r_hand"},
    "ball_piriformis_release": {"r_buttock", "mid_back"} | FEET,
    "bridge": {"neck", "head", "l_hand", "r_hand"} | FEET,
    "cat_stretch": {"l_hand", "r_hand", "l_knee", "r_knee", "l_ankle", "r_ankle"},
    "chair_torso_twist": {"l_hip", "r_hip"} | FEET,
    "clam_shell": {"l_shoulder", "l_hip", "l_knee", "l_ankle"},
    "core_breathing": BACK | FEET,
    "floor_piriformis_stretch": {"r_knee", "r_ankle", "l_knee", "l_toe"},
    "helper_decompression": BACK | {"l_heel", "r_heel"},
    "hip_rotator_energy_stretch": {"r_knee", "r_ankle", "l_knee", "l_toe"},
    "knees_to_chest": BACK,
    "lumbar_rotation": {"neck", "r_hip"},
    "nerve_floss_helper": BACK | {"l_heel"},
    "nerve_glide_ankle": BACK | {"l_heel"},
    "nerve_glide_knee": BACK | {"l_heel"},
    "posterior_pelvic_tilt": BACK | FEET,
    "prone_forearm_extension": {
        "pelvis",
        "l_knee",
        "r_knee",
        "l_toe",
        "r_toe",
        "l_hand",
        "r_hand",
        "l_elbow",
        "r_elbow",
    },
    "prone_press_up": {"pelvis", "l_knee", "r_knee", "l_toe", "r_toe", "l_hand", "r_hand"},
    "seated_hamstring_stretch": {"l_hip", "r_hip", "r_heel"},
    "seated_hip_stretch": {"l_hip", "r_hip", "l_heel", "r_heel", "r_toe"},
    "seated_piriformis_stretch": {"l_hip", "r_hip", "l_heel", "l_toe"},
    "side_stretch_dangle": {"l_heel", "l_toe"},
    "single_knee_to_chest": BACK | {"l_heel"},
    "standing_extension": FEET,
    "standing_hip_abduction": {"l_heel", "l_toe"},
    "standing_side_bend": FEET,
    "strap_leg_raise": BACK | {"l_heel"},
    "strap_nerve_stretch": BACK | {"l_heel"},
    "supine_hamstring_stretch": BACK | {"l_heel", "l_toe"},
    "supine_piriformis_stretch": BACK | {"l_heel", "l_toe"},
}


def _px_per_cm(exercise_id: str) -> float:
    """The scale a fullscreen session paints this figure at (as FigureView does)."""
    fig = pl.figure(exercise_id)
    b = library.session_bounds(exercise_id, Side.RIGHT if fig.sided else None, False)
    pad = min(SCREEN_W, SCREEN_H) * 0.04
    return min((SCREEN_W - 2 * pad) / (b[2] - b[0]), (SCREEN_H - 2 * pad) / (b[3] - b[1]))


def _played_frames(exercise_id: str, side: Side) -> list[tuple[str, Frame]]:
    ex = CATALOG.exercises[exercise_id]
    anim = pl.Animator(exercise_id, side)
    out: list[tuple[str, Frame]] = []
    stages = list(ex.dose.stages) or [""]
    phases: list[tuple[str, dict[str, object]]] = [("prepare", {})]
    phases += [("hold", {"stage": st}) for st in stages]
    phases.append(
        (
            "reps",
            {
                "rep_s": ex.dose.rep_s or 3.0,
                "hold_s": ex.dose.hold_s,
                "alternating": ex.dose.sides is Sides.ALTERNATING,
            },
        )
    )
    # Back to the start for a rest, from wherever the reps left off.
    phases.append(("rest", {}))
    for phase, kw in phases:
        anim.set_phase(phase, duration=10.0, **kw)  # type: ignore[arg-type]
        # Off the settle grid on purpose (1/60 s steps, odd offsets).
        out += [
            (f"{phase}{kw.get('stage', '')}@{t:.3f}", anim.frame(t))
            for t in (i / 7.3 + 0.011 for i in range(0, 60))
        ]
    return out


@pytest.mark.parametrize("exercise_id", sorted(MUST_REST))
def test_resting_parts_touch_their_support_in_every_frame(exercise_id: str) -> None:
    fig = pl.figure(exercise_id)
    tol_cm = TOLERANCE_PX / _px_per_cm(exercise_id)
    missing = MUST_REST[exercise_id] - {r.point for r in fig.key.rests}
    assert not missing, f"{exercise_id}: the key pose does not rest {sorted(missing)}"
    for name, frame in (("start", fig.start), ("key", fig.key), *fig.stages.items()):
        assert frame.rests, f"{exercise_id}:{name} names nothing it rests on"
    for side in (Side.RIGHT, Side.LEFT) if fig.sided else (Side.RIGHT,):
        for where, frame in _played_frames(exercise_id, side):
            resolved = resolve(frame)
            sk = forward(resolved.body)
            for rest in resolved.rests:
                gap = rest.gap(sk)
                assert abs(gap) <= tol_cm, (
                    f"{exercise_id} {side} {where}: {rest.point} is {gap:+.2f} cm "
                    f"({gap / tol_cm * TOLERANCE_PX:+.1f} px) off the {rest.on.name}"
                )
            assert sk.lowest() >= -tol_cm, f"{exercise_id} {where}: a part sinks into the floor"


def test_standing_extension_arches_the_low_back() -> None:
    key = pl.figure("standing_extension").key.body
    # Most of the bend is lumbar, not a rigid tilt of the whole trunk.
    assert key["lumbar_flex"] <= -25.0
    assert abs(key["lumbar_flex"]) > abs(key["pitch"]) * 3


def test_standing_extension_stands_on_upright_legs_with_the_hips_pushed_forward() -> None:
    # Blind review: legs slanting like a stoop's read wrong. A person keeps
    # the feet under the hips, the knees straight or soft, the pelvis a
    # little forward, and leans back from the low back with hands on it.
    fig = pl.figure("standing_extension")
    sk = _key("standing_extension")
    for s in ("l", "r"):
        hip, ankle = sk[f"{s}_hip"], sk[f"{s}_ankle"]
        ahead = hip[0] - ankle[0]  # the figure faces +x
        assert 0.0 < ahead < 10.0, (s, ahead)
        assert math.degrees(math.atan2(ahead, hip[2] - ankle[2])) < 7.0
        assert fig.key.body[f"{s}_knee"] <= 10.0
        assert math.dist(sk[f"{s}_hand"], sk["lower_back"]) < 14.0
    # The shoulders and head go back behind the pelvis, the legs do not.
    assert sk["neck"][0] < sk["pelvis"][0] - 15.0


def test_standing_extension_leans_back_from_its_upright_start_on_feet_that_stay_put() -> None:
    # Blind review: a side-view body bent at the waist reads the same facing
    # either way, and a back bend seen as facing the other way is a stoop.
    # The still therefore draws the upright start faintly (its nose and toes
    # say which way the person faces) and the bend goes back from it, with
    # the feet where they stood and the low back curving the same way as
    # the chest above it (an arch, not a hinge at the hips).
    fig = pl.figure("standing_extension")
    assert fig.ghost
    start = forward(resolve(fig.start).body)
    key = _key("standing_extension")
    # The person faces +x: toes and nose ahead of heel and head.
    for sk in (start, key):
        assert sk["r_toe"][0] > sk["r_heel"][0] + 10.0
    assert start["nose"][0] > start["head"][0] + 5.0
    for s in ("l", "r"):
        for part in ("heel", "toe"):
            assert math.dist(start[f"{s}_{part}"], key[f"{s}_{part}"]) < 1.0, (s, part)
    # Hips forward of where they stood, shoulders and head well behind.
    assert key["pelvis"][0] > start["pelvis"][0] + 4.0
    assert key["neck"][0] < start["neck"][0] - 12.0
    assert key["head"][0] < start["head"][0] - 20.0
    # Both spine segments lean back (x falls as z rises), the upper more:
    # the curve is an arch whose hollow is the low back.
    lumbar = [m - p for m, p in zip(key["mid_back"], key["pelvis"], strict=True)]
    thorax = [n - m for n, m in zip(key["neck"], key["mid_back"], strict=True)]
    lumbar_lean = math.degrees(math.atan2(-lumbar[0], lumbar[2]))
    thorax_lean = math.degrees(math.atan2(-thorax[0], thorax[2]))
    assert 15.0 < lumbar_lean < thorax_lean, (lumbar_lean, thorax_lean)
    # The face turns up, not down to the floor.
    assert key["nose"][2] > key["head"][2] + 3.0


def test_core_breathing_lays_the_palm_on_the_belly_with_the_elbow_on_the_mat() -> None:
    # Second review: the hand carried on the forearm's line stood up in the
    # air above the belly, a raised hand rather than a hand feeling a breath.
    for frame in (pl.figure("core_breathing").start, pl.figure("core_breathing").key):
        sk = forward(resolve(frame).body)
        wrist, hand = sk["r_wrist"], sk["r_hand"]
        assert abs(hand[2] - wrist[2]) < 3.0, "the palm lies level, not upright"
        belly = sk["abdomen"][2]
        for point in (wrist, hand):
            assert belly - 1.0 < point[2] < belly + 5.0, (point, belly)
        floor = sk["pelvis"][2] - RADIUS["trunk"]
        assert abs(sk["r_elbow"][2] - RADIUS["forearm"] - floor) < 0.5


def test_press_up_straightens_the_arms_with_the_pelvis_down() -> None:
    # Blind review: elbows bent ~85 degrees read as a half press-up. The
    # telling moment is arms straight, pelvis on the mat, low back arched;
    # the forearm extension (its look-alike) keeps the elbows at 90.
    fig = pl.figure("prone_press_up")
    body = resolve(fig.key).body
    sk = forward(body)
    for s in ("l", "r"):
        assert body[f"{s}_elbow"] <= 12.0, body[f"{s}_elbow"]
        assert sk[f"{s}_shoulder"][2] > 40.0  # the chest high off the mat
    assert body["lumbar_flex"] <= -30.0
    start = resolve(fig.start).body
    assert start["r_elbow"] >= 60.0  # it starts from bent elbows: the press shows
    # Blind review: the bottom was the sphinx (chest 31 cm up on the
    # forearms). It lies flat: chest on the mat, palms by the shoulders
    # (ahead of them by less than a hand), elbows up off the mat.
    low = forward(start)
    assert low["r_shoulder"][2] < 15.0
    assert abs(low["r_wrist"][0] - low["r_shoulder"][0]) < 12.0
    assert low["r_elbow"][2] > 15.0
    assert resolve(pl.figure("prone_forearm_extension").key).body["r_elbow"] >= 60.0


def test_forearm_extension_rises_from_lying_flat_onto_the_forearms() -> None:
    # Blind review: the rep's two ends were 0.2 cm apart, a still figure for
    # all 20 reps. It starts lying flat, chest on the mat, forearms on the
    # mat; the chest rises onto the forearms, the pelvis stays down, and the
    # elbows rest on the mat all the way (the contact test holds the played
    # frames to that; an earlier try sank them 3-10 cm mid-way).
    fig = pl.figure("prone_forearm_extension")
    low, high = forward(resolve(fig.start).body), forward(resolve(fig.key).body)
    assert low["chest"][2] < 2.0 and low["r_shoulder"][2] < 15.0
    assert high["chest"][2] - low["chest"][2] > 15.0
    assert high["r_shoulder"][2] - low["r_shoulder"][2] > 15.0
    for sk in (low, high):
        assert abs(sk["pelvis"][2] - low["pelvis"][2]) < 1.0
        for s in ("l", "r"):
            assert abs(sk[f"{s}_elbow"][2] - RADIUS["upper_arm"] * 0.8) < 0.1
    for s in ("l", "r"):
        # Seen from the side the elbows stay planted; up, they are under the shoulders.
        assert abs(low[f"{s}_elbow"][0] - high[f"{s}_elbow"][0]) < 1.0
        assert abs(high[f"{s}_elbow"][0] - high[f"{s}_shoulder"][0]) < 3.0


def _to_segment(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def _projected(exercise_id: str, a: str, b: str) -> float:
    """How much of the segment a-b the still image shows (1: side-on, 0: end-on)."""
    fig = pl.figure(exercise_id)
    cam = fig.camera(Side.RIGHT if fig.sided else None)
    sk = _key(exercise_id)
    pa, pb = cam.project(sk[a]), cam.project(sk[b])
    return math.dist(pa[:2], pb[:2]) / math.dist(sk[a], sk[b])


def test_clam_shell_knees_stay_bent_and_the_top_knee_opens() -> None:
    fig = pl.figure("clam_shell")
    start, key = forward(resolve(fig.start).body), forward(resolve(fig.key).body)
    assert fig.key.body["r_knee"] >= 80.0 and fig.key.body["l_knee"] >= 80.0
    assert key["r_knee"][2] - start["r_knee"][2] > 12.0  # the clam opens
    assert math.dist(key["r_heel"], key["l_heel"]) < 14.0  # feet stay together


def test_clam_shell_left_side_is_the_mirror_image_of_the_right() -> None:
    # Both sides face the viewer, the top knee opening the same way: the
    # left side's drawing is the right side's flipped left-right, shape for
    # shape (the left was once seen from behind, with no face).
    fig = pl.figure("clam_shell")
    heads = []
    for side in (Side.RIGHT, Side.LEFT):
        cam = fig.camera(side)
        sk = forward(resolve(fig.frame_for(fig.key, side)).body)
        heads.append(cam.project(sk["head"])[0] - cam.project(sk["pelvis"])[0])
    assert heads[0] > 20.0 and heads[1] < -20.0

    def shapes(side: Side, flip: float) -> list[tuple[object, ...]]:
        d, _ = pl.key_drawing("clam_shell", side)
        return [
            (
                s.kind,
                s.fill,
                s.stroke,
                s.widths,
                s.radius,
                sorted((round(flip * u, 6), round(v, 6)) for u, v in s.points),
            )
            for s in d.shapes
        ]

    right, left = shapes(Side.RIGHT, 1.0), shapes(Side.LEFT, -1.0)
    assert [s[:5] for s in right] == [s[:5] for s in left]  # drawn in the same order
    # (a polygon may wind the other way, the two eyes swap places)
    assert sorted(map(repr, right)) == sorted(map(repr, left))


def test_ball_is_not_hidden_by_the_glow_and_rests_on_the_mat() -> None:
    d, _ = pl.key_drawing("ball_piriformis_release")
    kinds = [s.kind for s in d.shapes]
    ball_r = assisted.BALL_R
    ball = max(i for i, s in enumerate(d.shapes) if s.kind == "disc" and s.radius == ball_r)
    assert all(i < ball for i, k in enumerate(kinds) if k == "glow")
    assert abs(d.shapes[ball].points[0][1] - ball_r) < 1e-6


def test_every_exercise_has_its_contacts_listed() -> None:
    assert set(MUST_REST) == set(CATALOG.exercises)


# --- what tells the look-alikes apart (as far as a test can see it) ----------


def _key(exercise_id: str) -> Skeleton:
    return forward(resolve(pl.figure(exercise_id).key).body)


def _lean_from_upright(sk: Skeleton) -> float:
    """Degrees the pelvis-to-neck line leans from vertical."""
    d = [n - p for n, p in zip(sk["neck"], sk["pelvis"], strict=True)]
    return math.degrees(math.atan2(math.hypot(d[0], d[1]), d[2]))


def test_chair_twist_turns_the_shoulders_against_the_hips() -> None:
    sk = _key("chair_torso_twist")

    def heading(a: str, b: str) -> float:
        return math.degrees(math.atan2(sk[a][1] - sk[b][1], sk[a][0] - sk[b][0]))

    twist = abs(heading("l_shoulder", "r_shoulder") - heading("l_hip", "r_hip"))
    assert twist >= 30.0


def test_pigeon_still_shows_the_front_shin_across_and_the_back_leg_long() -> None:
    # Blind review: from a side view the accented front shin pointed at the
    # camera, a blob half hidden by the upright trunk. Both legs must show
    # along their length, and the front shin must not be behind the trunk.
    # Second review: from behind it showed no face, a back and no person;
    # the camera now looks down from the working side, the face in profile.
    ex = "hip_rotator_energy_stretch"
    assert _projected(ex, "r_knee", "r_ankle") > 0.75
    assert _projected(ex, "l_hip", "l_knee") > 0.7
    assert _projected(ex, "l_knee", "l_ankle") > 0.7
    fig = pl.figure(ex)
    cam = fig.camera(Side.RIGHT)
    sk = _key(ex)
    # The middle of the shin lies clear of the trunk's outline in the image.
    knee, ankle = cam.project(sk["r_knee"]), cam.project(sk["r_ankle"])
    mid = ((knee[0] + ankle[0]) / 2, (knee[1] + ankle[1]) / 2)
    a, b = cam.project(sk["pelvis"])[:2], cam.project(sk["neck"])[:2]
    assert _to_segment(mid, a, b) > RADIUS["trunk"], _to_segment(mid, a, b)
    # The nose shows in profile (drawn only when it stands clear of the head)
    # and the head is nearer the camera than the back of the pelvis.
    head, nose = cam.project(sk["head"]), cam.project(sk["nose"])
    assert math.dist(head[:2], nose[:2]) > 0.5 * 10.5
    assert nose[2] > head[2] - 1.0


def test_floor_piriformis_folds_forward_where_the_pigeon_sits_up() -> None:
    folded = _lean_from_upright(_key("floor_piriformis_stretch"))
    upright = _lean_from_upright(_key("hip_rotator_energy_stretch"))
    assert folded > upright + 15.0


def test_strap_nerve_stretch_draws_the_ankle_back_and_the_leg_raise_uses_the_wall() -> None:
    nerve = pl.figure("strap_nerve_stretch").key.body
    raise_ = pl.figure("strap_leg_raise")
    assert nerve["r_ankle"] >= 25.0 and nerve["r_knee"] <= 5.0
    assert raise_.key.body["r_ankle"] <= 5.0
    walls = [r for r in raise_.key.rests if r.on.kind == "wall"]
    assert walls, "the soles rest against the wall"


def test_glide_still_shows_the_knee_straightening_from_bent() -> None:
    fig = pl.figure("nerve_glide_knee")
    assert fig.start.body["r_knee"] >= 80.0 and fig.key.body["r_knee"] <= 20.0
    d, _ = pl.key_drawing("nerve_glide_knee")
    assert any(s.fill is Ink.GHOST for s in d.shapes), "the bent start is drawn faintly"
    hamstring, _ = pl.key_drawing("supine_hamstring_stretch")
    assert not any(s.fill is Ink.GHOST for s in hamstring.shapes)


def test_seated_hip_stretch_crosses_the_leg_and_hugs_the_knee() -> None:
    sk = _key("seated_hip_stretch")
    # The right foot is planted on the far side of the long left leg.
    assert sk["r_heel"][1] > sk["l_knee"][1]
    assert math.dist(sk["l_hand"], sk["r_knee"]) < 14.0
    # Both hands are on the raised leg (the right one held the air 28 cm
    # from the ankle it was meant to hold).
    knee, ankle = sk["r_knee"], sk["r_ankle"]
    shin = min(
        math.dist(
            sk["r_hand"], tuple(k + (a - k) * i / 20 for k, a in zip(knee, ankle, strict=True))
        )
        for i in range(21)
    )
    assert shin < RADIUS["shin"] + RADIUS["hand"] + 3.0, "the right hand holds the shin"
    # "Sit tall", the other leg long: no lean back, no bent or lifted knee.
    key = resolve(pl.figure("seated_hip_stretch").key).body
    assert abs(key["pitch"]) < 3.0 and abs(key["lumbar_flex"]) < 5.0
    assert key["l_knee"] < 5.0
    assert sk["l_knee"][2] < RADIUS["thigh"] * 0.8 + 6.0


@pytest.mark.parametrize("side", [Side.RIGHT, Side.LEFT])
def test_seated_hip_stretch_draws_the_crossing_thigh_over_the_long_leg(side: Side) -> None:
    # The crossed leg comes over the long one from the near hip: its thigh is
    # drawn in front of the long leg's thigh, while the foot planted on the
    # far side stays behind the long leg. (Sorted as whole limbs, the
    # crossed leg lay wholly behind: it read as the far leg, uncrossed.)
    d, _ = pl.key_drawing("seated_hip_stretch", side)
    legs = [s for s in d.shapes if s.kind == "chain" and len(s.points) == 2]
    thighs = [s for s in legs if s.widths == (RADIUS["thigh"] * 2,)]
    assert len(thighs) == 2
    crossed = next(s for s in thighs if s.fill in (Ink.ACCENT, Ink.ACCENT_FAR))
    long_leg = next(s for s in thighs if s is not crossed)
    order = d.shapes.index
    assert order(crossed) > order(long_leg)


def test_bridge_lifts_the_pelvis_with_the_arms_long_on_the_mat() -> None:
    sk = _key("bridge")
    assert sk["pelvis"][2] > 25.0
    for s in ("l", "r"):
        assert sk[f"{s}_hand"][2] < 4.0 and sk[f"{s}_elbow"][2] < 12.0


def test_seated_hamstring_glow_is_on_the_thigh_not_under_it() -> None:
    sk = _key("seated_hamstring_stretch")
    glows = [p for p, _ in highlight_points(sk, ("back_of_thigh",), "r")]
    assert glows and all(p[2] > RADIUS["thigh"] * 0.4 for p in glows)


def test_lumbar_rotation_lies_on_the_back_arms_spread_unlike_side_lying() -> None:
    # Knees fallen to one side look like side-lying unless the shoulders
    # stay flat and the arms spread across the mat: that T is the tell.
    rot = forward(resolve(pl.figure("lumbar_rotation").key).body)
    neck = rot["neck"][1]
    assert rot["l_hand"][1] - neck > 50.0 and neck - rot["r_hand"][1] > 50.0
    assert abs(rot["l_shoulder"][2] - rot["r_shoulder"][2]) < 1.0
    assert max(rot["l_hand"][2], rot["r_hand"][2]) < RADIUS["hand"] + 2.0, "arms lie on the mat"
    assert pl.figure("lumbar_rotation").ghost, "the still shows where the knees fell from"
    side = forward(resolve(pl.figure("clam_shell").key).body)
    assert abs(side["l_shoulder"][2] - side["r_shoulder"][2]) > 20.0, "side-lying stacks them"


def test_back_flat_tilt_points_an_arrow_down_at_the_belly_plain_hook_lying_does_not() -> None:
    # Flat on the back with the knees up is also plain hook-lying: the arrow
    # pressing the low back into the mat is what names the back-flat tilt.
    fig = pl.figure("posterior_pelvic_tilt")
    belly = forward(resolve(fig.key).body)["abdomen"]
    heads = [p for p in fig.props_for(None) if p.kind == "poly" and p.ink is Ink.BAND]
    assert len(heads) == 1
    tip = min(heads[0].points, key=lambda q: q[2])
    assert abs(tip[0] - belly[0]) < 2.0 and 0.0 < tip[2] - belly[2] < 8.0
    assert all(q[2] > tip[2] + 4.0 for q in heads[0].points if q is not tip), "it points down"
    for other in ("core_breathing", "anterior_pelvic_tilt"):
        for p in pl.figure(other).props_for(None):
            if p.kind == "poly" and p.ink is Ink.BAND:  # an arrow, if any, does not press down
                tip = min(p.points, key=lambda q: q[2])
                assert not all(q[2] > tip[2] + 4.0 for q in p.points if q is not tip), other


def test_back_flat_tilt_shows_its_arrow_only_while_the_tilt_is_worked() -> None:
    # Pressing down is what the repetitions and the hold do: getting into
    # position and resting show plain hook-lying, with no arrow.
    ex = CATALOG.exercises["posterior_pelvic_tilt"]

    def arrow(d: pl.Drawing) -> bool:
        return any(Ink.BAND in (s.fill, s.stroke) for s in d.shapes)

    assert arrow(pl.key_drawing(ex.id, None, ex.feel)[0])
    for phase, shown in (("prepare", False), ("reps", True), ("hold", True), ("rest", False)):
        a = pl.Animator(ex.id, None, ex.feel)
        a.set_phase(phase, rep_s=ex.dose.rep_s, hold_s=ex.dose.hold_s, duration=10.0)
        for t in (0.0, 1.0, pl.MOVE_S + 0.5, 6.0):
            assert arrow(a.drawing(t)) is shown, (phase, t)


def _gap_cm(a: Frame, b: Frame) -> float:
    pa, pb = forward(resolve(a).body).points, forward(resolve(b).body).points
    return max(math.dist(pa[k], pb[k]) for k in pa)


@pytest.mark.parametrize("exercise_id", sorted(pl.figure_ids()))
def test_a_new_step_moves_on_from_the_pose_showing_never_jumps(exercise_id: str) -> None:
    # The blind review of Dec 4: a rest snapped to the start pose in one
    # frame (the bridge's hips dropped, both knees fell from the chest), and
    # a switch of sides jumped from the held pose to lying at ease.
    ex = CATALOG.exercises[exercise_id]
    stage = (list(ex.dose.stages) or [""])[-1]
    anim = pl.Animator(exercise_id, Side.RIGHT)
    sequence = [("prepare", {}), ("hold", {"stage": stage}), ("rest", {}), ("hold", {})]
    shown = None
    for phase, kw in sequence:
        anim.set_phase(phase, duration=10.0, **kw)  # type: ignore[arg-type]
        first = anim.frame(0.0)
        if shown is not None:
            assert _gap_cm(shown, first) < 1.0, f"{exercise_id}: {phase} jumps"
        shown = anim.frame(6.0)  # well into the step: the pose is reached
    if pl.figure(exercise_id).sided:
        # The other side's first step starts from the held pose on this one.
        other = pl.Animator(exercise_id, Side.LEFT, from_frame=anim.last_shown())
        other.set_phase("switch", duration=5.0)
        assert _gap_cm(shown, other.frame(0.0)) < 1.0, f"{exercise_id}: the switch jumps"


def test_helper_holds_both_ankles_of_straight_legs_lying_on_the_mat() -> None:
    # The helper kneels past the feet and holds the ankles to pull along the
    # legs: hands that stop short, or knees lifted, read as something else.
    fig = pl.figure("helper_decompression")
    for name, frame in (("start", fig.start), ("key", fig.key)):
        r = resolve(frame)
        assert r.helper is not None
        body, helper = forward(r.body), forward(r.helper)
        for hand, ankle in (("l_hand", "r_ankle"), ("r_hand", "l_ankle")):
            assert math.dist(helper[hand], body[ankle]) < 6.0, f"{name}: {hand} holds {ankle}"
        for s in ("l", "r"):
            assert r.body[f"{s}_knee"] < 5.0 and r.body[f"{s}_hip_flex"] < 3.0, name
            assert body[f"{s}_knee"][2] < RADIUS["thigh"] * 0.8 + 6.0, f"{name}: {s} knee lifted"
            # The helper kneels on the mat beyond the person's toes.
            assert helper[f"{s}_knee"][2] < RADIUS["thigh"] * 0.8 + 0.5
            assert helper[f"{s}_knee"][0] - body[f"{s}_toe"][0] > RADIUS["thigh"] + 3.0
