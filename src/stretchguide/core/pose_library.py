"""Keyframes for every exercise, and the clock that plays them.

Each exercise gets an :class:`ExerciseFigure`: the position it starts from,
its key pose (the held stretch, or the far end of a repetition), optional
named stages and repetition paths, its props and the camera that shows it
best. Poses are authored for the RIGHT side working; the left side is the
mirror image, seen from the left so the working limb stays nearest.

Authoring uses a few small solvers (``fit``) rather than hand-tuned numbers
where a contact matters: a foot flat on the floor, an ankle resting on the
other knee, hands and toes on the floor over an exercise ball. Everything is
computed lazily and cached per exercise.

:class:`Animator` turns a timeline step ("prepare", "hold", "reps", "switch",
"rest") and the seconds into it into a :class:`~stretchguide.core.poses.Frame`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Final

from stretchguide.core.catalog import Side
from stretchguide.core.poses import (
    FOREARM,
    RADIUS,
    STANDING,
    SURFACE_RADIUS,
    UPPER_ARM,
    Camera,
    Clip,
    Drawing,
    Easing,
    Frame,
    Ground,
    Ink,
    Keyframe,
    Pose,
    Prop,
    Reach,
    Rest,
    Skeleton,
    Support,
    Vec,
    View,
    breathing,
    drawing,
    forward,
    frame_bounds,
    grounded,
    limit_for,
    mirrored_frame,
    mirrored_prop,
    on_floor,
    resolve,
    rests_on,
    rests_to_settle,
    settle,
    solve_linear,
)

# --- authoring helpers ---------------------------------------------------------


def fit(
    pose: Pose,
    dofs: Sequence[str],
    cost: Callable[[Skeleton], float],
    steps: Sequence[float] = (8.0, 4.0, 2.0, 1.0, 0.5, 0.25),
    bounds: Mapping[str, tuple[float, float]] | None = None,
) -> Pose:
    """Adjust ``dofs`` (coordinate descent, within joint limits) to minimise ``cost``."""
    best = cost(forward(pose))
    for step in steps:
        improved = True
        while improved:
            improved = False
            for dof in dofs:
                lim = (bounds or {}).get(dof) or limit_for(dof)
                for sign in (1.0, -1.0):
                    val = pose[dof] + sign * step
                    if lim is not None and not lim[0] <= val <= lim[1]:
                        continue
                    cand = pose.with_({dof: val})
                    c = cost(forward(cand))
                    if c < best - 1e-9:
                        pose, best, improved = cand, c, True
                        break
    return pose


def fit_lsq(
    pose: Pose,
    dofs: Sequence[str],
    residuals: Callable[[Skeleton], Sequence[float]],
    iterations: int = 40,
    stay: float = 0.05,
) -> Pose:
    """Adjust ``dofs`` (within joint limits) to minimise a sum of squared ``residuals``.

    Levenberg-Marquardt on a measured Jacobian. Coordinate descent
    (:func:`fit`) zig-zags on coupled contacts -- a pelvis rolling on a ball
    while both feet and the upper back stay down -- and took over two
    thousand kinematics evaluations for one figure; this takes a few dozen
    per pose, which is what lets a figure build while a session starts.
    Contacts rarely pin every angle; ``stay`` weighs each angle's distance
    from where it started, so of all the poses that touch, the nearest wins
    (as a search creeping out from the start would find), not one rolled far
    onto its side.
    """
    h = 1e-3
    start = [pose[d] for d in dofs]

    def measure(p: Pose) -> tuple[list[float], float]:
        r = list(residuals(forward(p)))
        r += [stay * (p[d] - s0) for d, s0 in zip(dofs, start, strict=True)]
        return r, math.fsum(x * x for x in r)

    res, err = measure(pose)
    lam = 1e-3
    n = len(dofs)
    for _ in range(iterations):
        if err < 1e-10:
            break
        cols = [
            [
                (a - b) / h
                for a, b in zip(measure(pose.with_({d: pose[d] + h}))[0], res, strict=True)
            ]
            for d in dofs
        ]
        jtj = [
            [math.fsum(a * b for a, b in zip(cols[i], cols[k], strict=True)) for k in range(n)]
            for i in range(n)
        ]
        jtr = [-math.fsum(a * b for a, b in zip(cols[i], res, strict=True)) for i in range(n)]
        improved = False
        while lam < 1e8:
            damped = [
                [jtj[i][k] + (lam * (jtj[i][i] + 1e-6) if i == k else 0.0) for k in range(n)]
                for i in range(n)
            ]
            step = solve_linear(damped, jtr)
            changes = {}
            for d, dx in zip(dofs, step, strict=True):
                val = pose[d] + max(-15.0, min(15.0, dx))
                lim = limit_for(d)
                changes[d] = min(lim[1], max(lim[0], val)) if lim else val
            cand = pose.with_(changes)
            cres, cerr = measure(cand)
            if cerr < err:
                small = max(abs(cand[d] - pose[d]) for d in dofs) < 1e-4
                pose, res, err, improved = cand, cres, cerr, True
                lam = max(1e-7, lam / 3.0)
                break
            lam *= 4.0
        if not improved or small:
            break
    return pose


def _d2(a: Vec, b: Vec) -> float:
    return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2 + (a[2] - b[2]) ** 2


def touching(*contacts: tuple[str, float]) -> Callable[[Skeleton], float]:
    """Cost: each named point rests ``radius`` above the floor."""

    def cost(sk: Skeleton) -> float:
        return sum((sk[p][2] - r) ** 2 for p, r in contacts)

    return cost


def feet_flat(
    pose: Pose, sides: Iterable[str], back: str = "pelvis", dofs: Sequence[str] = ("knee", "ankle")
) -> Pose:
    """Bend knee and ankle so the sole rests on the floor while lying or sitting."""
    for s in sides:
        pose = fit(
            pose,
            [f"{s}_{d}" for d in dofs],
            touching(
                (f"{s}_heel", RADIUS["foot"]),
                (f"{s}_toe", RADIUS["foot"] * 0.6),
                (back, RADIUS["trunk"]),
            ),
        )
    return pose


def _plus(*costs: Callable[[Skeleton], float]) -> Callable[[Skeleton], float]:
    return lambda sk: sum(c(sk) for c in costs)


def near(
    a: str, b: str, offset: Vec = (0.0, 0.0, 0.0), weight: float = 1.0
) -> Callable[[Skeleton], float]:
    """Cost: point ``a`` sits at point ``b`` (+ offset)."""

    def cost(sk: Skeleton) -> float:
        t = sk[b]
        return weight * _d2(sk[a], (t[0] + offset[0], t[1] + offset[1], t[2] + offset[2]))

    return cost


# --- base positions (right side working) ---------------------------------------

FLOOR = Prop("floor")
MAT = Prop(
    "line", points=((-95.0, 0.0, 0.5), (95.0, 0.0, 0.5)), width=1.6, ink=Ink.MAT, depth_bias=-1e5
)

LYING = Pose().with_(pitch=-90.0, neck_flex=5.0).both(ankle=-20.0)
"""On the back, legs long, head to the left of a right-side view."""


# Poses several figures start from are solved once (a Pose is immutable).
@cache
def hook_lying() -> Pose:
    p = LYING.both(hip_flex=45.0, knee=95.0, ankle=-35.0)
    return feet_flat(p, ("l", "r"))


PRONE_LEGS: Final = on_floor("pelvis", "l_knee", "r_knee", "l_toe", "r_toe")


def _prone(p: Pose) -> Pose:
    """Lying on the front with the pelvis, thighs, knees and toes all on the mat."""

    def cost(sk: Skeleton) -> float:
        g = {r.point: r.gap(sk) for r in PRONE_LEGS}
        return (g["r_knee"] - g["pelvis"]) ** 2 + (g["r_toe"] - g["pelvis"]) ** 2

    p = fit(
        p,
        ["r_hip_flex", "r_ankle", "r_knee"],
        cost,
        steps=(4.0, 2.0, 1.0, 0.5, 0.25, 0.1, 0.05, 0.02, 0.01),
    )
    return p.with_(l_hip_flex=p["r_hip_flex"], l_ankle=p["r_ankle"], l_knee=p["r_knee"])


PRONE = _prone(Pose().with_(pitch=90.0, neck_flex=-10.0).both(ankle=-60.0, shoulder_abd=10.0))
SITTING_FLOOR = Pose().both(hip_flex=90.0, knee=5.0, ankle=5.0).with_(lumbar_flex=5.0)
CHAIR_SEAT = 46.0


def chair_props(x: float, facing: float = 1.0, back: bool = True) -> tuple[Prop, ...]:
    """A plain chair seen from the side; ``facing`` +1 when the sitter faces +x."""
    seat_front, seat_back = x + facing * 20.0, x - facing * 22.0
    parts = [
        Prop(
            "line",
            points=((seat_back, 0.0, CHAIR_SEAT), (seat_front, 0.0, CHAIR_SEAT)),
            width=4.0,
            ink=Ink.PROP_DARK,
            depth_bias=-60.0,
        ),
        Prop(
            "line",
            points=(
                (seat_front - facing * 2, 0.0, CHAIR_SEAT),
                (seat_front - facing * 2, 0.0, 0.0),
            ),
            width=3.0,
            ink=Ink.PROP_DARK,
            depth_bias=-60.0,
        ),
        Prop(
            "line",
            points=((seat_back + facing * 2, 0.0, CHAIR_SEAT), (seat_back + facing * 2, 0.0, 0.0)),
            width=3.0,
            ink=Ink.PROP_DARK,
            depth_bias=-60.0,
        ),
    ]
    if back:
        parts.append(
            Prop(
                "line",
                points=(
                    (seat_back + facing * 2, 0.0, CHAIR_SEAT),
                    (seat_back - facing * 3, 0.0, CHAIR_SEAT + 45.0),
                ),
                width=4.0,
                ink=Ink.PROP_DARK,
                depth_bias=-60.0,
            )
        )
    return tuple(parts)


# The top of the drawn seat (its line is 4 cm thick round CHAIR_SEAT).
SEAT: Final = Support("plane", at=CHAIR_SEAT + 2.0, name="seat")
ON_SEAT: Final = rests_on(SEAT, "l_hip", "r_hip")


def seated_on_chair(**kw: float) -> Pose:
    p = (
        Pose(ground=Ground.FIXED)
        .with_(z=CHAIR_SEAT + 9.0, lumbar_flex=0.0)
        .both(hip_flex=90.0, knee=90.0, ankle=0.0, shoulder_flex=10.0, elbow=20.0)
    )
    p = p.with_(kw)
    return p


def standing(**kw: float) -> Pose:
    return STANDING.with_(kw)


# --- the figure of one exercise -------------------------------------------------


@dataclass(frozen=True)
class ExerciseFigure:
    id: str
    view: View
    start: Frame  # where each repetition starts and the rest pose
    key: Frame  # the held stretch, or the far end of a repetition
    neutral: Frame | None = None  # where "get into position" starts from
    stages: Mapping[str, Frame] = field(default_factory=dict)
    rep_path: tuple[Frame, ...] = ()  # a loop instead of start -> key -> start
    props: tuple[Prop, ...] = (FLOOR,)
    feel: tuple[str, ...] = ()  # catalog Area values, used when the catalog gives none
    sided: bool = True
    feel_other_side: bool = False  # a side bend to the right is felt on the left
    breath: float = 1.0
    elevation: float = 0.0  # look down on it a little (front views of lying poses)
    azimuth: float = 0.0  # turn the camera towards the person's front (crossed legs)
    # The still image also shows where the movement starts, faintly: a
    # glide or a clam is its movement, not its end pose.
    ghost: bool = False
    # Side view from the resting side: for a limb held by both hands, the
    # hands and that limb are nearest while the working leg lies behind them.
    from_resting_side: bool = False

    def stage_frame(self, stage: str) -> Frame:
        """The frame of a named stage ("Arch up" finds "arch"), else the key pose."""
        wanted = stage.lower()
        for name, frame in self.stages.items():
            if name in wanted:
                return frame
        return self.key

    def frame_for(self, frame: Frame, side: Side | None) -> Frame:
        return mirrored_frame(frame) if side is Side.LEFT and self.sided else frame

    def props_for(self, side: Side | None) -> tuple[Prop, ...]:
        if side is Side.LEFT and self.sided:
            return tuple(mirrored_prop(p) for p in self.props)
        return self.props

    def camera(self, side: Side | None, alternating: bool = False) -> Camera:
        if alternating:
            # One camera for both sides, so the figure does not jump each rep.
            from_left = self.view is View.SIDE and self.from_resting_side
        else:
            from_left = (
                self.view is View.SIDE
                and self.sided
                and (side is Side.LEFT) != self.from_resting_side
            )
        return Camera(
            self.view, from_left=from_left, azimuth=self.azimuth, elevation=self.elevation
        )

    def all_frames(self) -> list[Frame]:
        fr = [self.start, self.key, *self.stages.values(), *self.rep_path]
        if self.neutral is not None:
            fr.append(self.neutral)
        return fr


def _placed(pose: Pose, rests: tuple[Rest, ...], reaches: Sequence[Reach] = ()) -> Pose:
    return settle(grounded(pose), rests_to_settle(rests, reaches)) if rests else grounded(pose)


def _sup(pose: Pose, rests: tuple[Rest, ...] = ()) -> Frame:
    return Frame(_placed(pose, rests), rests=rests)


def _with_reaches(
    pose: Pose,
    *reaches: Reach,
    helper: Pose | None = None,
    helper_reaches: tuple[Reach, ...] = (),
    rests: tuple[Rest, ...] = (),
) -> Frame:
    return Frame(
        _placed(pose, rests, reaches),
        helper=grounded(helper) if helper is not None else None,
        reaches=tuple(reaches),
        helper_reaches=helper_reaches,
        rests=rests,
    )


def rest_fit(pose: Pose, rests: Sequence[Rest], dofs: Sequence[str]) -> Pose:
    """Adjust ``dofs`` until every rest touches its support at once."""
    floor = pose.ground is Ground.FLOOR

    def residuals(sk: Skeleton) -> list[float]:
        g = [r.gap(sk) for r in rests]
        m = sum(g) / len(g)
        # On the floor the figure is lowered onto its lowest point: a rest
        # above zero means some other part is lower, sinking into the mat.
        sunk = [x for x, r in zip(g, rests, strict=True) if floor and r.on.kind == "floor"]
        return [x - m for x in g] + sunk

    return settle(fit_lsq(pose, dofs, residuals), rests)


# The contacts the figures share, named once (right side working).
LYING_BACK: Final = on_floor("pelvis", "mid_back")
BOTH_FEET: Final = on_floor("l_heel", "l_toe", "r_heel", "r_toe")
LEFT_FOOT: Final = on_floor("l_heel", "l_toe")
HOOK: Final = LYING_BACK + BOTH_FEET
LONG_LEGS: Final = LYING_BACK + on_floor("l_heel", "r_heel")
LEFT_LONG: Final = LYING_BACK + on_floor("l_heel")
PIGEON: Final = on_floor("r_knee", "r_ankle", "r_toe", "l_knee", "l_toe")


# Figure-four: right ankle resting just above the left knee.
def _figure_four(base: Pose, max_flex: float = 100.0, ankle_at: Vec = (0.0, -6.0, 4.0)) -> Pose:
    p = base.with_(
        r_hip_flex=min(80.0, max_flex), r_hip_abd=35.0, r_hip_rot=45.0, r_knee=100.0, r_ankle=0.0
    )

    def knee_low(sk: Skeleton) -> float:
        # The crossed knee falls open; it never rides above the resting ankle.
        return max(0.0, sk["r_knee"][2] - sk["r_ankle"][2] + 4.0) ** 2 * 0.2

    cost = _plus(near("r_ankle", "l_knee_front", ankle_at), knee_low)
    return fit(
        p,
        ["r_hip_flex", "r_hip_abd", "r_hip_rot", "r_knee"],
        cost,
        bounds={"r_hip_flex": (30.0, max_flex)},
    )


def _arms_by_side(p: Pose) -> Pose:
    return p.both(shoulder_flex=0.0, shoulder_abd=12.0, elbow=5.0)


def _build(exercise_id: str) -> ExerciseFigure:
    builder = _BUILDERS.get(exercise_id)
    if builder is None:
        raise KeyError(f"no figure for exercise {exercise_id!r}")
    return builder()


# --- the exercises ---------------------------------------------------------------


def _knees_to_chest() -> ExerciseFigure:
    start = _arms_by_side(hook_lying())
    key = start.both(hip_flex=118.0, knee=125.0, ankle=-20.0)
    # Hands hold just below the knees, on the shins, so the arms carry the legs.
    knees = (
        Reach("l", "l_knee_front", offset=(0.0, 3.0, 0.0), toward="l_ankle", fraction=0.22),
        Reach("r", "r_knee_front", offset=(0.0, -3.0, 0.0), toward="r_ankle", fraction=0.22),
    )
    return ExerciseFigure(
        "knees_to_chest",
        View.SIDE,
        start=_sup(start, HOOK),
        key=_with_reaches(key, *knees, rests=LYING_BACK),
        neutral=_sup(_arms_by_side(LYING), LONG_LEGS),
        props=(FLOOR, MAT),
        feel=("lower_back", "glutes"),
        sided=False,
    )


def _single_knee_to_chest() -> ExerciseFigure:
    start = _arms_by_side(LYING)
    key = start.with_(r_hip_flex=120.0, r_knee=125.0, r_ankle=-20.0)
    knee = (
        Reach("l", "r_knee_front", offset=(3.0, 3.0, -4.0)),
        Reach("r", "r_knee_front", offset=(4.0, -3.0, -4.0)),
    )
    return ExerciseFigure(
        "single_knee_to_chest",
        View.SIDE,
        start=_sup(start, LONG_LEGS),
        key=_with_reaches(key, *knee, rests=LEFT_LONG),
        props=(FLOOR, MAT),
        feel=("lower_back", "buttock"),
    )


# (pitch, hip flexion, shoulder flexion, knee) per spine rounding, found once
# by a slow search that also kept each thigh and arm upright (hands under
# shoulders, knees under hips); settling then puts every support down
# exactly, and the contact test holds them to it.
_ALL_FOURS_SOLVED: Final[Mapping[float, tuple[float, float, float, float]]] = {
    0.0: (77.33, 80.23, 78.29, 89.99),
    64.0: (33.0, 35.91, 94.66, 90.0),
    -44.0: (107.29, 108.19, 64.44, 87.99),
}


def _all_fours(spine: float = 0.0) -> Pose:
    """Hands under shoulders, knees under hips; ``spine`` > 0 rounds the back.

    Knees, shins and hands all rest on the mat, whatever the spine does.
    """
    pitch, hip, shoulder, knee = _ALL_FOURS_SOLVED[spine]
    p = (
        Pose()
        .with_(
            pitch=pitch,
            lumbar_flex=spine * 0.5,
            thorax_flex=spine * 0.5,
            neck_flex=10.0 + spine * 0.6,
        )
        .both(hip_flex=hip, knee=knee, ankle=-70.0, shoulder_flex=shoulder, elbow=0.0, wrist=-75.0)
    )
    return settle(grounded(p), ALL_FOURS)


ALL_FOURS: Final = on_floor("l_hand", "r_hand", "l_knee", "r_knee", "l_ankle", "r_ankle")


def _cat_stretch() -> ExerciseFigure:
    neutral = _all_fours(0.0)
    arch = _all_fours(64.0).with_(neck_flex=45.0)
    hollow = _all_fours(-44.0).with_(neck_flex=-30.0)
    return ExerciseFigure(
        "cat_stretch",
        View.SIDE,
        start=_sup(neutral, ALL_FOURS),
        key=_sup(arch, ALL_FOURS),
        stages={"arch": _sup(arch, ALL_FOURS), "hollow": _sup(hollow, ALL_FOURS)},
        props=(FLOOR, MAT),
        feel=("lower_back", "mid_back"),
        sided=False,
        breath=0.0,
    )


def _supine_hamstring() -> ExerciseFigure:
    start = _arms_by_side(hook_lying())
    key = start.with_(r_hip_flex=80.0, r_knee=3.0, r_ankle=0.0)
    hands = (
        Reach("l", "r_thigh_back", offset=(0.0, 4.0, 0.0), toward="r_knee", fraction=0.35),
        Reach("r", "r_thigh_back", offset=(0.0, -4.0, 0.0), toward="r_knee", fraction=0.35),
    )
    return ExerciseFigure(
        "supine_hamstring_stretch",
        View.SIDE,
        start=_sup(start, HOOK),
        key=_with_reaches(key, *hands, rests=LYING_BACK + LEFT_FOOT),
        props=(FLOOR, MAT),
        feel=("back_of_thigh",),
    )


def _strap(*anchors: str) -> Prop:
    return Prop("line", anchors=anchors, width=1.6, ink=Ink.STRAP, depth_bias=40.0)


def _strap_leg_raise() -> ExerciseFigure:
    base = LYING.both(ankle=0.0)
    start = base.both(shoulder_flex=40.0, elbow=60.0)
    key = base.with_(r_hip_flex=45.0, r_hip_abd=15.0)
    hands = (
        Reach("l", "l_shoulder", toward="r_toe", fraction=0.45),
        Reach("r", "r_shoulder", toward="r_toe", fraction=0.45),
    )
    # The soles press against the wall (that is what the wall is for): the
    # heels touch it, the left one all through the raise.
    s = forward(grounded(base))
    wall_x = max(s["l_heel"][0], s["r_heel"][0]) + SURFACE_RADIUS["l_heel"]
    wall_support = Support("wall", at=wall_x, name="wall")
    wall = Prop(
        "line",
        points=((wall_x + 3, 0.0, 0.0), (wall_x + 3, 0.0, 95.0)),
        width=6.0,
        ink=Ink.WALL,
        depth_bias=-1e5,
    )
    soles = rests_on(wall_support, "l_heel")
    return ExerciseFigure(
        "strap_leg_raise",
        View.SIDE,
        start=_with_reaches(
            start, *hands, rests=LONG_LEGS + soles + rests_on(wall_support, "r_heel")
        ),
        key=_with_reaches(key, *hands, rests=LEFT_LONG + soles),
        props=(FLOOR, MAT, wall, _strap("l_hand", "r_toe", "r_hand")),
        feel=("back_of_thigh", "outer_hip"),
    )


def _supine_piriformis() -> ExerciseFigure:
    start = _arms_by_side(hook_lying())
    key = _figure_four(start)
    return ExerciseFigure(
        "supine_piriformis_stretch",
        View.SIDE,
        start=_sup(start, HOOK),
        key=_sup(key, LYING_BACK + LEFT_FOOT),
        props=(FLOOR, MAT),
        feel=("buttock", "back_of_hip"),
        azimuth=25.0,
    )


def _hold_behind_thigh(p: Pose, leg: str) -> Pose:
    """Both palms behind ``leg``'s thigh just above the knee, elbows up and out.

    Solved per pose rather than with ``Reach``: a planar reach keeps the upper
    arm on the mat and brings the forearm up the front of the thigh, which
    reads as pushing the knee away instead of drawing it in.
    """
    p = grounded(p)
    sk = forward(p)
    knee, back = sk[f"{leg}_knee"], sk[f"{leg}_thigh_back"]
    # Two fifths of the way from the knee to the middle of the hamstrings,
    # a little beyond the skin so the hands show past the thigh's edge.
    grip = tuple(k + 0.4 * (b - k) for k, b in zip(knee, back, strict=True))
    lateral = 1.0 if leg == "l" else -1.0
    for s, k in (("l", 1.0), ("r", -1.0)):
        target = (grip[0] + 6.0, grip[1] + k * lateral * 4.0, grip[2] + 4.0)

        def residuals(q: Skeleton, s: str = s, target: Vec = target) -> list[float]:
            palm = [(w + h) / 2 for w, h in zip(q[f"{s}_wrist"], q[f"{s}_hand"], strict=True)]
            return [a - b for a, b in zip(palm, target, strict=True)] + [
                math.sqrt(0.3) * max(0.0, 35.0 - q[f"{s}_elbow"][2])
            ]

        p = fit_lsq(
            p.with_({f"{s}_shoulder_flex": 60.0, f"{s}_shoulder_abd": 20.0, f"{s}_elbow": 60.0}),
            [f"{s}_shoulder_flex", f"{s}_shoulder_abd", f"{s}_shoulder_rot", f"{s}_elbow"],
            residuals,
        )
    return p


def _advanced_piriformis() -> ExerciseFigure:
    # Seen from the resting (left) side: the hands and the thigh they draw
    # in are nearest, and the crossed right foot shows above that knee.
    start = _figure_four(_arms_by_side(hook_lying()))
    pulled = start.with_(l_hip_flex=125.0, l_knee=105.0, l_ankle=-5.0, neck_flex=12.0)
    pulled = _figure_four(pulled, max_flex=140.0, ankle_at=(0.0, 4.0, 3.0))
    return ExerciseFigure(
        "advanced_piriformis_stretch",
        View.SIDE,
        start=_sup(start, LYING_BACK + LEFT_FOOT),
        key=_sup(_hold_behind_thigh(pulled, "l"), LYING_BACK),
        props=(FLOOR, MAT),
        feel=("buttock", "back_of_hip"),
        azimuth=-20.0,
        from_resting_side=True,
    )


def _seated_hip_stretch() -> ExerciseFigure:
    start = SITTING_FLOOR.with_(lumbar_flex=-3.0)
    key = start.with_(
        r_hip_flex=110.0,
        r_hip_abd=-18.0,
        r_knee=120.0,
        r_ankle=-15.0,
        thorax_twist=-20.0,
        lumbar_twist=-8.0,
    )
    # The right foot crosses over and is planted beside the outside of the
    # long left leg's knee: that crossing is what names the stretch.
    sitting = on_floor("l_hip", "r_heel", "r_toe")

    def crossed(sk: Skeleton) -> float:
        g = [r.gap(sk) for r in sitting]
        return (
            10 * sum(x * x for x in g)
            + (sk["r_heel"][1] - sk["l_knee"][1] - 10.0) ** 2
            + (sk["r_heel"][0] - sk["l_knee"][0] + 12.0) ** 2
        )

    key = fit(
        key,
        ["r_hip_flex", "r_hip_abd", "r_hip_rot", "r_knee", "r_ankle"],
        crossed,
        steps=(8.0, 4.0, 2.0, 1.0, 0.5, 0.25, 0.1, 0.05, 0.02),
    )
    # The left arm hugs the crossed knee towards the chest; the right hand
    # holds that ankle.
    hands = (
        Reach("l", "r_knee_front", offset=(0.0, -5.0, 0.0)),
        Reach("r", "r_ankle", offset=(0.0, -3.0, 6.0)),
    )
    return ExerciseFigure(
        "seated_hip_stretch",
        View.SIDE,
        start=_sup(
            start.both(shoulder_flex=35.0, elbow=10.0),
            on_floor("l_hip", "r_hip", "l_heel", "r_heel"),
        ),
        key=_with_reaches(
            key, *hands, rests=on_floor("l_hip", "r_hip", "l_heel", "r_heel", "r_toe")
        ),
        props=(FLOOR, MAT),
        feel=("buttock", "outer_hip"),
        azimuth=30.0,
    )


ARMS_DOWN: Final = on_floor("l_hand", "r_hand")


def _bridge() -> ExerciseFigure:
    # Arms long on the mat beside the body (they steady the lift), feet flat,
    # shoulders and head down; the pelvis rises in a straight line.
    start = _arms_by_side(LYING.both(hip_flex=60.0, knee=100.0, ankle=-30.0))
    start_rests = LYING_BACK + on_floor("head") + BOTH_FEET + ARMS_DOWN
    start = rest_fit(
        start,
        start_rests,
        [
            "neck_flex",
            "l_knee",
            "r_knee",
            "l_ankle",
            "r_ankle",
            "l_shoulder_flex",
            "r_shoulder_flex",
        ],
    )
    up = start.with_(pitch=-118.0, neck_flex=30.0).both(hip_flex=8.0, knee=95.0, ankle=-20.0)
    up_rests = on_floor("neck", "head") + BOTH_FEET + ARMS_DOWN
    up = up.both(shoulder_flex=-up["pitch"] - 90.0 + 28.0, shoulder_abd=10.0, elbow=0.0)
    # Pitch stays as set: left free, the fit lowers the pelvis to ease the
    # contacts and the bridge sags into a half-lift.
    up = rest_fit(
        up,
        up_rests,
        [
            "l_knee",
            "r_knee",
            "l_ankle",
            "r_ankle",
            "neck_flex",
            "l_hip_flex",
            "r_hip_flex",
            "l_shoulder_flex",
            "r_shoulder_flex",
        ],
    )
    return ExerciseFigure(
        "bridge",
        View.SIDE,
        start=_sup(start, start_rests),
        key=_sup(up, up_rests),
        props=(FLOOR, MAT),
        feel=("glutes", "hip_flexors"),
        sided=False,
        breath=0.0,
    )


def _band_anchor_post(x: float, y: float) -> tuple[Prop, ...]:
    return (
        Prop(
            "line",
            points=((x, y, 0.0), (x, y, 110.0)),
            width=5.0,
            ink=Ink.PROP_DARK,
            depth_bias=-20.0,
        ),
    )


def _standing_hip_abduction() -> ExerciseFigure:
    post_y = 45.0
    base = standing().with_(lumbar_side=3.0)
    start = base
    key = base.with_(r_hip_abd=32.0, lumbar_side=8.0)
    hold = Reach("l", "@world", offset=(0.0, post_y, 95.0))
    band = Prop(
        "line",
        anchors=("r_ankle",),
        points=((0.0, post_y, 12.0),),
        width=1.6,
        ink=Ink.BAND,
        depth_bias=30.0,
    )
    return ExerciseFigure(
        "standing_hip_abduction",
        View.FRONT,
        start=_with_reaches(start.with_(r_shoulder_abd=8.0), hold, rests=BOTH_FEET),
        key=_with_reaches(key.with_(r_shoulder_abd=20.0, r_elbow=10.0), hold, rests=LEFT_FOOT),
        props=(FLOOR, *_band_anchor_post(0.0, post_y + 4.0), band),
        feel=("outer_hip",),
    )


@cache  # the two pigeon figures share their upright start
def _pigeon(lean: float, **twist: float) -> Pose:
    """Right shin across in front, left leg long behind; ``lean`` folds forward.

    The pelvis tips well forward so the back thigh can lie flat, and the
    lower back extends to bring the chest up again, as it does on the mat.
    """
    p = (
        Pose()
        .with_(pitch=55.0, lumbar_flex=-33.0 + lean, thorax_flex=-12.0 + lean * 0.5, neck_flex=-5.0)
        .with_(twist)
        .with_(
            r_hip_flex=135.0,
            r_hip_abd=35.0,
            r_hip_rot=60.0,
            r_knee=110.0,
            r_ankle=-30.0,
            l_hip_flex=-28.0,
            l_knee=3.0,
            l_ankle=-65.0,
        )
    )

    def cost(sk: Skeleton) -> float:
        # Heights relative to the resting parts: the floor takes the lowest.
        g = [r.gap(sk) for r in PIGEON]
        m = sum(g) / len(g)
        return (
            sum((x - m) ** 2 for x in g) * 4
            + sum(x * x for x in g)
            + 0.5 * (sk["l_hip"][2] - m - 16.0) ** 2
        )

    # A coarse search finds the shape (the contacts pull against each other
    # through the pelvis); Gauss-Newton then puts them down exactly.
    p = fit(
        p,
        [
            "pitch",
            "r_hip_flex",
            "r_knee",
            "r_hip_abd",
            "l_hip_flex",
            "l_knee",
            "r_ankle",
            "l_ankle",
        ],
        cost,
        bounds={"pitch": (40.0, 70.0), "r_hip_flex": (100.0, 145.0)},
        steps=(8.0, 4.0, 2.0, 1.0),
    )
    return settle(p, PIGEON)


def _hip_rotator() -> ExerciseFigure:
    # Shown in its finishing pigeon: settle in upright, then sink forwards.
    # (Travelling from all fours would float the body mid-way, since poses
    # blend joint angles rather than simulate weight.)
    upright = _pigeon(0.0)
    sunk = _pigeon(8.0)
    hands = (
        Reach("l", "r_knee", offset=(14.0, 14.0, -8.0)),
        Reach("r", "r_knee", offset=(14.0, -10.0, -8.0)),
    )
    far_hands = (
        Reach("l", "r_knee", offset=(22.0, 12.0, -8.0)),
        Reach("r", "r_knee", offset=(22.0, -12.0, -8.0)),
    )
    return ExerciseFigure(
        "hip_rotator_energy_stretch",
        View.SIDE,
        start=_with_reaches(upright, *hands, rests=PIGEON),
        key=_with_reaches(sunk, *far_hands, rests=PIGEON),
        props=(FLOOR, MAT),
        feel=("buttock", "back_of_hip"),
        azimuth=30.0,
    )


SIDE_LYING: Final = on_floor("l_shoulder", "l_hip", "l_knee", "l_ankle")


def _side_lying_base() -> Pose:
    """On the left side, head to the right of the picture, facing the camera.

    Hips and knees bent, the lower arm under the head. The shoulder, hip,
    knee and ankle of the lower side all rest on the mat.
    """
    p = (
        Pose()
        .with_(yaw=-90.0, roll=-90.0, neck_flex=0.0)
        .both(hip_flex=45.0, knee=90.0, ankle=-10.0)
    )
    p = p.with_(l_shoulder_flex=170.0, l_elbow=30.0, r_shoulder_flex=40.0, r_elbow=60.0)

    def cost(sk: Skeleton) -> float:
        g = [r.gap(sk) for r in SIDE_LYING]
        return sum((x - g[0]) ** 2 for x in g[1:])

    p = fit(
        p,
        ["lumbar_side", "l_hip_abd", "r_hip_abd", "l_hip_rot", "pitch"],
        cost,
        steps=(4.0, 2.0, 1.0, 0.5, 0.25, 0.1, 0.05, 0.02, 0.01),
    )
    return p


def _clam_shell() -> ExerciseFigure:
    # Seen from the front and a little above: the feet stay together and the
    # top knee opens upwards, both knees clearly bent; the mat is the floor.
    start = _side_lying_base()
    start = fit(start, ["r_hip_rot", "r_hip_abd"], near("r_heel", "l_heel", (0.0, 0.0, 9.0)))
    key = fit(
        start.with_(r_hip_abd=30.0, r_hip_rot=25.0),
        ["r_hip_rot", "r_hip_abd"],
        _plus(
            near("r_heel", "l_heel", (0.0, 0.0, 9.0), weight=1.0),
            lambda sk: (sk["r_knee"][2] - sk["l_knee"][2] - 30.0) ** 2,
        ),
    )
    # The optional band loops round both thighs just above the knees.
    band = Prop(
        "loop", anchors=("l_above_knee", "r_above_knee"), width=1.8, ink=Ink.BAND, depth_bias=60.0
    )
    hand = Reach("r", "r_hip_front", offset=(0.0, -10.0, 2.0))
    sk = forward(grounded(start))
    x0 = min(sk["l_knee"][0], sk["l_toe"][0]) - 25.0
    x1 = sk["head"][0] + 25.0
    mat = Prop(
        "poly",
        points=((x1, -40.0, 0.0), (x0, -40.0, 0.0), (x0, 40.0, 0.0), (x1, 40.0, 0.0)),
        width=0.5,
        ink=Ink.MAT_AREA,
        depth_bias=-1e5,
    )
    return ExerciseFigure(
        "clam_shell",
        View.FRONT,
        start=_with_reaches(start, hand, rests=SIDE_LYING),
        key=_with_reaches(key, hand, rests=SIDE_LYING),
        props=(mat, band),
        feel=("outer_hip", "back_of_hip"),
        azimuth=-90.0,
        elevation=30.0,
        ghost=True,
    )


def _nerve_glide_knee() -> ExerciseFigure:
    base = _arms_by_side(LYING.both(ankle=0.0))
    start = base.with_(r_hip_flex=90.0, r_knee=90.0, r_ankle=-10.0)
    key = base.with_(r_hip_flex=90.0, r_knee=15.0, r_ankle=5.0)
    hands = (
        Reach("l", "r_thigh_back", offset=(0.0, 4.0, 0.0), toward="r_knee", fraction=0.3),
        Reach("r", "r_thigh_back", offset=(0.0, -4.0, 0.0), toward="r_knee", fraction=0.3),
    )
    return ExerciseFigure(
        "nerve_glide_knee",
        View.SIDE,
        start=_with_reaches(start, *hands, rests=LEFT_LONG),
        key=_with_reaches(key, *hands, rests=LEFT_LONG),
        neutral=_sup(base, LONG_LEGS),
        props=(FLOOR, MAT),
        feel=("back_of_leg",),
        ghost=True,
    )


def _tilt(p: Pose, deg: float, rise: float | None = None) -> Pose:
    """Rock the pelvis: + tilts it back (flat low back), - forwards (arched).

    ``rise`` is how steeply the lumbar spine climbs from the pelvis (degrees):
    0 lies flat on the mat; a forward tilt lifts it into an arch with a gap
    under the waist, and the chest tips back down so the shoulders stay on
    the mat.
    """
    if rise is None:
        rise = max(0.0, -deg) * 0.5
    return p.with_(
        pitch=p["pitch"] - deg,
        lumbar_flex=p["lumbar_flex"] + deg + rise,
        thorax_flex=p["thorax_flex"] - 2.2 * rise,
        l_hip_flex=p["l_hip_flex"] - deg,
        r_hip_flex=p["r_hip_flex"] - deg,
    )


def press_arrow(at: Vec, length: float = 26.0, gap: float = 4.0) -> tuple[Prop, Prop]:
    """A bold arrow pointing straight down at ``at``: "press this into the mat".

    Amber (the band's ink) rather than the glow's orange, so it stands out
    over the glow it points into, on a light or a dark background.
    """
    x, y, z = at
    tip = z + gap
    head = 8.0
    shaft = Prop(
        "line",
        points=((x, y, tip + head * 0.8), (x, y, tip + length)),
        width=3.6,
        ink=Ink.BAND,
        depth_bias=3e6,
    )
    point = Prop(
        "poly",
        points=((x - head * 0.65, y, tip + head), (x + head * 0.65, y, tip + head), (x, y, tip)),
        width=0.8,
        ink=Ink.BAND,
        depth_bias=3e6,
    )
    return shaft, point


def _posterior_tilt() -> ExerciseFigure:
    start = _arms_by_side(_tilt(hook_lying(), -6.0, rise=3.0))
    # Flat: the pelvis rolls back until the low back lies along the mat.
    key = _arms_by_side(_tilt(hook_lying(), 8.0, rise=0.0))
    key_frame = _sup(key, HOOK)
    # Lying flat with the knees up is also plain hook-lying; what this one
    # asks is to press the low back down, so an arrow says so over the belly.
    belly = forward(key_frame.body)["abdomen"]
    return ExerciseFigure(
        "posterior_pelvic_tilt",
        View.SIDE,
        start=_sup(start, on_floor("pelvis", "neck") + BOTH_FEET),
        key=key_frame,
        props=(FLOOR, MAT, *press_arrow(belly)),
        feel=("abdomen", "lower_back"),
        sided=False,
        breath=0.0,
    )


def _anterior_tilt() -> ExerciseFigure:
    start = _arms_by_side(_tilt(hook_lying(), -6.0, rise=3.0))
    key = _arms_by_side(_tilt(hook_lying(), -24.0, rise=15.0))
    # The pelvis stays on the mat (a lifted pelvis is a bridge): the tailbone
    # and the upper back rest, and the arch opens a gap under the waist.
    rests = on_floor("pelvis", "head") + BOTH_FEET
    legs = ["pitch", "thorax_flex", "neck_flex", "l_hip_flex", "r_hip_flex", "l_ankle", "r_ankle"]
    start = rest_fit(start, rests, legs)
    key = rest_fit(key, rests, legs)
    return ExerciseFigure(
        "anterior_pelvic_tilt",
        View.SIDE,
        start=_sup(start, rests),
        key=_sup(key, rests),
        props=(FLOOR, MAT),
        feel=("lower_back",),
        sided=False,
        breath=0.0,
    )


def _elbow_on_mat(p: Pose) -> float:
    """How far above the belly the palm sits so the right elbow just rests."""

    def clear(h: float) -> float:
        sk = forward(
            resolve(
                Frame(grounded(p), reaches=(Reach("r", "abdomen", offset=(0.0, -4.0, h)),))
            ).body
        )
        return sk["r_elbow"][2] - SURFACE_RADIUS["r_elbow"] - sk["pelvis"][2] + RADIUS["trunk"]

    return _bisect(clear, 0.0, 30.0) + 0.3


def _core_breathing() -> ExerciseFigure:
    start = _arms_by_side(hook_lying())
    start = start.with_(l_shoulder_flex=0.0, l_elbow=0.0)
    # The hand on the belly, its elbow resting on the mat beside the body.
    belly = (Reach("r", "abdomen", offset=(0.0, -4.0, _elbow_on_mat(start))),)
    exhale = _tilt(start, 6.0).with_(thorax_flex=4.0)
    return ExerciseFigure(
        "core_breathing",
        View.SIDE,
        start=_with_reaches(start, *belly, rests=HOOK),
        key=_with_reaches(exhale, *belly, rests=HOOK),
        props=(FLOOR, MAT),
        feel=("abdomen",),
        sided=False,
        breath=1.6,
    )


def _mat_area(x0: float, x1: float, half: float) -> Prop:
    """The mat as a flat rectangle, for cameras that look down on the floor."""
    return Prop(
        "poly",
        points=((x0, -half, 0.0), (x1, -half, 0.0), (x1, half, 0.0), (x0, half, 0.0)),
        width=0.5,
        ink=Ink.MAT_AREA,
        depth_bias=-1e5,
    )


def _knees_to_right(start: Pose, roll: float) -> Pose:
    """Both bent knees lowered to the right together, shoulders left flat.

    The pelvis rolls ``roll`` degrees and the spine twists back by as much, so
    the chest stays square to the mat; the hips then lay the lower knee close
    to the floor with the upper knee stacked on it. Hip and knee keep their
    bend, so the thighs and shins, nearly in the floor plane, show a clear V.
    """
    twist = limit_for("lumbar_twist")
    lumbar = min(roll / 2, twist[1] if twist else roll / 2)
    p = start.with_(
        spin=-roll, lumbar_twist=lumbar, thorax_twist=roll - lumbar, r_hip_abd=20.0, l_hip_abd=-20.0
    )
    low_knee = RADIUS["thigh"] * 0.8
    stack = RADIUS["thigh"] * 1.75

    def cost(sk: Skeleton) -> float:
        rk, lk, ra, la = sk["r_knee"], sk["l_knee"], sk["r_ankle"], sk["l_ankle"]
        c = (rk[2] - low_knee) ** 2
        c += 0.5 * (
            (lk[0] - rk[0]) ** 2 + 0.3 * (lk[1] - rk[1]) ** 2 + (lk[2] - rk[2] - stack) ** 2
        )
        c += 0.3 * ((la[0] - ra[0]) ** 2 + (la[2] - ra[2] - stack * 0.8) ** 2)
        return c

    return fit(p, ["r_hip_abd", "l_hip_abd", "r_hip_rot", "l_hip_rot"], cost)


def _lumbar_rotation() -> ExerciseFigure:
    # Seen from above and from the corner beyond the feet: the bent knees
    # stand up as an arch, then fold down beside the body as a V on the mat
    # while the shoulders and outspread arms stay flat. A plain side view saw
    # the fallen legs end-on (they read as straight legs); straight from the
    # feet the standing knees hid their bend. A 45 degree pelvic roll: more
    # lifts the back off the mat, as the model's hip joint meets the floor.
    # Arms spread wide on the mat (a T): with both shoulders flat that is
    # what says "on the back, twisting", where side-lying stacks them.
    start = hook_lying().both(shoulder_abd=80.0, elbow=5.0)
    key = _knees_to_right(start, 45.0)
    return ExerciseFigure(
        "lumbar_rotation",
        View.SIDE,
        start=_sup(start, on_floor("mid_back", "l_hand", "r_hand") + BOTH_FEET),
        key=_sup(key, on_floor("neck", "r_hip", "l_hand", "r_hand")),
        props=(_mat_area(-100.0, 75.0, 60.0),),  # the spread arms lie on it
        feel=("lower_back", "side_of_back"),
        feel_other_side=True,  # knees to the right open the left side of the back
        elevation=30.0,
        azimuth=45.0,
        breath=0.0,
        ghost=True,  # the knees' arch, faint, shows where they fell from
    )


def _long_sit_lean(lean: float) -> Pose:
    p = SITTING_FLOOR.with_(pitch=lean, lumbar_flex=-5.0).with_(
        r_hip_flex=90.0 + lean,
        r_knee=3.0,
        r_ankle=10.0,
        l_hip_flex=70.0 + lean,
        l_hip_abd=55.0,
        l_hip_rot=55.0,
        l_knee=140.0,
        l_ankle=-20.0,
    )
    return fit(
        p,
        ["l_hip_abd", "l_hip_rot", "l_knee", "l_hip_flex"],
        near("l_heel", "r_knee", (-20.0, 11.0, -2.0)),
    )


def _seated_hamstring() -> ExerciseFigure:
    start = _long_sit_lean(0.0)
    key = _long_sit_lean(28.0)
    hands = (
        Reach("l", "r_knee", offset=(12.0, 5.0, 3.0)),
        Reach("r", "r_knee", offset=(14.0, -5.0, 3.0)),
    )
    hands0 = (
        Reach("l", "r_thigh_front", offset=(0.0, 6.0, 0.0)),
        Reach("r", "r_thigh_front", offset=(0.0, -4.0, 0.0)),
    )
    return ExerciseFigure(
        "seated_hamstring_stretch",
        View.SIDE,
        start=_with_reaches(start, *hands0, rests=on_floor("l_hip", "r_hip", "r_heel")),
        key=_with_reaches(key, *hands, rests=on_floor("l_hip", "r_hip", "r_heel")),
        props=(FLOOR, MAT),
        feel=("back_of_thigh",),
    )


PALMS: Final = on_floor("l_hand", "r_hand", "l_wrist", "r_wrist")
FOREARMS: Final = on_floor("l_elbow", "r_elbow")


def _on_legs(p: Pose) -> Pose:
    """Placed by the legs and pelvis alone: the arms are placed later by reaches."""
    return settle(replace(p, ground=Ground.FIXED), PRONE_LEGS)


def _press_pose(ext: float) -> Pose:
    return _on_legs(
        PRONE.with_(lumbar_flex=-ext * 0.6, thorax_flex=-ext * 0.4, neck_flex=-15.0 + ext * 0.2)
    )


def _bisect(f: Callable[[float], float], lo: float, hi: float, tol: float = 1e-3) -> float:
    """The ``x`` in [lo, hi] where the increasing ``f`` crosses zero (to ``tol`` degrees).

    Regula falsi with the Illinois fix: each ``f`` here settles a pose (a
    dozen kinematics evaluations), and thirty halvings to a precision no
    drawing shows made up most of a figure's build; this needs a handful.
    The last point found below the crossing is returned, as halving did.
    """
    flo, fhi = f(lo), f(hi)
    if flo >= 0:
        return lo
    if fhi < 0:
        return hi
    side = 0
    for _ in range(40):
        if hi - lo <= tol:
            break
        x = (lo * fhi - hi * flo) / (fhi - flo)
        # Keep every try strictly inside the bracket, so it always shrinks.
        x = min(hi - tol * 0.25, max(lo + tol * 0.25, x))
        fx = f(x)
        if fx < 0:
            lo, flo = x, fx
            if side == -1:
                fhi *= 0.5
            side = -1
        else:
            hi, fhi = x, fx
            if side == 1:
                flo *= 0.5
            side = 1
    return lo


def _prone_press_up() -> ExerciseFigure:
    # Palms planted just ahead of the shoulders; the arms straighten and lift
    # the chest while the pelvis and legs stay down on the mat (a plank would
    # lift them). The top is where the nearly straight arms end; the bottom
    # is where the bent elbows just clear the mat.
    top_ext = 55.0
    sk = forward(_press_pose(top_ext))
    hands = tuple(
        Reach(
            s,
            "@world",
            offset=(
                sk[f"{s}_shoulder"][0] + 6.0,
                sk[f"{s}_shoulder"][1] * 1.2,
                SURFACE_RADIUS["r_wrist"],
            ),
            flat=True,
        )
        for s in ("l", "r")
    )

    def shoulder_to_palm(ext: float) -> float:
        q = forward(_press_pose(ext))["r_shoulder"]
        t = hands[1].offset
        return math.dist(q, t) - (UPPER_ARM + FOREARM) * 0.985

    top = _press_pose(_bisect(shoulder_to_palm, 0.0, 58.0))

    def elbow_clear(ext: float) -> float:
        q = forward(resolve(Frame(_press_pose(ext), reaches=hands)).body)
        palm = abs(q["r_wrist"][2] - SURFACE_RADIUS["r_wrist"])
        return min(q["r_elbow"][2] - SURFACE_RADIUS["r_elbow"] - 1.0, 0.02 - palm)

    low = _press_pose(_bisect(elbow_clear, 0.0, 60.0) + 0.5)
    rests = PRONE_LEGS + PALMS
    return ExerciseFigure(
        "prone_press_up",
        View.SIDE,
        start=_with_reaches(low, *hands, rests=rests),
        key=_with_reaches(top, *hands, rests=rests),
        props=(FLOOR, MAT),
        feel=("lower_back",),
        sided=False,
        breath=0.0,
    )


def _sphinx(ext: float) -> Pose:
    return _on_legs(
        PRONE.with_(lumbar_flex=-ext * 0.7, thorax_flex=-ext * 0.3, neck_flex=-10.0 + ext * 0.3)
    )


def _prone_forearm_extension() -> ExerciseFigure:
    # Up on the forearms: upper arms upright, elbows under the shoulders and
    # the forearms flat on the mat; pelvis and legs stay down.
    def shoulder_height(ext: float) -> float:
        return forward(_sphinx(ext))["r_shoulder"][2]

    target = UPPER_ARM + SURFACE_RADIUS["r_elbow"]
    lo = _bisect(lambda ext: shoulder_height(ext) - target, 0.0, 50.0)
    up = _sphinx(lo)
    sk = forward(up)
    hands = tuple(
        Reach(
            s,
            "@world",
            offset=(
                sk[f"{s}_shoulder"][0] + FOREARM - 1.0,
                sk[f"{s}_shoulder"][1] * 0.9,
                SURFACE_RADIUS["r_wrist"],
            ),
            flat=True,
        )
        for s in ("l", "r")
    )

    def low_clear(ext: float) -> float:
        q = forward(resolve(Frame(_sphinx(ext), reaches=hands)).body)
        palm = abs(q["r_wrist"][2] - SURFACE_RADIUS["r_wrist"])
        low = min(q[p][2] - r for p, r in SURFACE_RADIUS.items() if p[2:] in ("elbow", "hand"))
        return min(low - 0.3, 0.02 - palm)

    down = _sphinx(_bisect(low_clear, 0.0, lo) + 0.2)
    return ExerciseFigure(
        "prone_forearm_extension",
        View.SIDE,
        start=_with_reaches(down, *hands, rests=PRONE_LEGS + PALMS),
        key=_with_reaches(up, *hands, rests=PRONE_LEGS + PALMS + FOREARMS),
        props=(FLOOR, MAT),
        feel=("lower_back",),
        sided=False,
        breath=0.0,
    )


def _feet_flat_standing(p: Pose) -> Pose:
    """Ankles set so heels and toes of both feet rest on the floor."""

    def cost(sk: Skeleton) -> float:
        g = [r.gap(sk) for r in BOTH_FEET]
        return sum((x - g[0]) ** 2 for x in g[1:])

    return fit(p, ["l_ankle", "r_ankle"], cost, steps=(4.0, 2.0, 1.0, 0.5, 0.2, 0.1, 0.05, 0.02))


def _standing_extension() -> ExerciseFigure:
    # The bend is in the low back: the lumbar spine arches well back (a
    # rigid trunk tilted back would read as a stoop from across the room).
    # Hips pushed forward of the feet, the chest back over them, eyes up.
    key = _feet_flat_standing(
        standing(pitch=10.0, lumbar_flex=-34.0, thorax_flex=-4.0, neck_flex=-18.0).both(
            hip_flex=-4.0
        )
    )

    def palms_on_low_back(p: Pose) -> Pose:
        # Solved per pose rather than with ``Reach``: the planar reach would
        # swing the hands round to the belly once the shoulder hits its limit,
        # and hands on the belly make a back bend read as a forward bend.
        p = p.both(shoulder_flex=-40.0, shoulder_abd=25.0, elbow=80.0, wrist=-30.0)
        for s, k in (("l", 1.0), ("r", -1.0)):
            p = fit(
                p,
                [f"{s}_shoulder_flex", f"{s}_shoulder_abd", f"{s}_elbow", f"{s}_wrist"],
                near(f"{s}_hand", "lower_back", (-3.0, k * 9.0, -4.0)),
            )
        return p

    return ExerciseFigure(
        "standing_extension",
        View.SIDE,
        start=_sup(palms_on_low_back(standing()), BOTH_FEET),
        key=_sup(palms_on_low_back(key), BOTH_FEET),
        neutral=_sup(standing(), BOTH_FEET),
        props=(FLOOR,),
        feel=("lower_back",),
        sided=False,
    )


BALL_R: Final = 6.0  # a massage ball, drawn large enough to see


def _ball_piriformis_release() -> ExerciseFigure:
    # The right buttock rests on a small ball on the mat; the pelvis tips
    # up on that side, feet and upper back stay down. Seen from the right,
    # the ball is nearest and drawn over the glow that marks the buttock.
    base = _arms_by_side(hook_lying())
    sk0 = forward(grounded(base))
    b = sk0["r_buttock"]
    ball = Support("ball", centre=(b[0], b[1], BALL_R), radius=BALL_R, name="ball")
    rests = (Rest("r_buttock", ball), *on_floor("mid_back", "l_heel", "l_toe", "r_heel", "r_toe"))

    def on_ball(p: Pose) -> Pose:
        def residuals(sk: Skeleton) -> list[float]:
            return [
                *(r.gap(sk) for r in rests),
                0.1 * (sk["r_buttock"][0] - b[0]),
                math.sqrt(10.0) * min(0.0, sk.lowest()),
            ]

        return fit_lsq(
            replace(p, ground=Ground.FIXED),
            [
                "z",
                "roll",
                "pitch",
                "x",
                "lumbar_flex",
                "l_knee",
                "r_knee",
                "l_ankle",
                "r_ankle",
                "l_hip_flex",
                "r_hip_flex",
            ],
            residuals,
        )

    start = on_ball(base.with_(roll=-14.0, lumbar_twist=8.0))
    # Small circles over the ball: the pelvis rolls a little each way.
    path = tuple(
        Frame(
            on_ball(
                start.with_(roll=start["roll"] - 3.0 * math.sin(a), lumbar_flex=2.0 * math.cos(a))
            ),
            rests=rests,
        )
        for a in (0.0, math.pi / 2, math.pi, 3 * math.pi / 2)
    )
    prop = Prop("ball", points=(ball.centre,), radius=BALL_R, ink=Ink.PROP_DARK, depth_bias=2e6)
    return ExerciseFigure(
        "ball_piriformis_release",
        View.SIDE,
        start=Frame(start, rests=rests),
        key=Frame(start, rests=rests),
        rep_path=path,
        props=(FLOOR, MAT, prop),
        feel=("buttock",),
    )


def _standing_side_bend() -> ExerciseFigure:
    start = standing().both(shoulder_abd=6.0)
    key = standing(lumbar_side=-14.0, thorax_side=-14.0)
    hands = (
        Reach("l", "l_outer_hip", offset=(0.0, 4.0, 4.0)),
        Reach("r", "r_knee", offset=(0.0, -8.0, 14.0)),
    )
    return ExerciseFigure(
        "standing_side_bend",
        View.FRONT,
        start=_sup(start, BOTH_FEET),
        key=_with_reaches(key, *hands, rests=BOTH_FEET),
        props=(FLOOR,),
        feel=("side_of_back",),
        feel_other_side=True,
    )


def _ball_decompression() -> ExerciseFigure:
    ball_r = 33.0
    p = (
        Pose(ground=Ground.FIXED)
        .with_(pitch=95.0, lumbar_flex=25.0, thorax_flex=20.0, neck_flex=10.0)
        .both(hip_flex=55.0, knee=10.0, ankle=-40.0, shoulder_flex=80.0, elbow=5.0, wrist=-60.0)
    )

    def cost(sk: Skeleton) -> float:
        return (
            (sk["abdomen"][2] - 2 * ball_r) ** 2 * 4
            + (sk["l_toe"][2] - RADIUS["foot"] * 0.6) ** 2
            + (sk["r_toe"][2] - RADIUS["foot"] * 0.6) ** 2
            + (sk["r_hand"][2] - RADIUS["hand"]) ** 2
            + (sk["l_hand"][2] - RADIUS["hand"]) ** 2
        )

    p = p.with_(z=80.0)
    p = fit(
        p,
        [
            "z",
            "pitch",
            "l_hip_flex",
            "r_hip_flex",
            "lumbar_flex",
            "l_shoulder_flex",
            "r_shoulder_flex",
        ],
        cost,
        steps=(8.0, 4.0, 2.0, 1.0, 0.5, 0.25, 0.1),
    )
    # The ball sits on the floor; the belly rests on it, hands and toes on
    # the floor (it used to hang from the belly, wherever that went).
    centre = forward(p)["abdomen"]
    support = Support("ball", centre=(centre[0], centre[1], ball_r), radius=ball_r, name="ball")
    ball = Prop("ball", points=(support.centre,), radius=ball_r, ink=Ink.PROP, depth_bias=-30.0)
    rests = (Rest("abdomen", support), *on_floor("l_toe", "r_toe", "l_hand", "r_hand"))
    frame = Frame(settle(p, rests), rests=rests)
    return ExerciseFigure(
        "ball_decompression",
        View.SIDE,
        start=frame,
        key=frame,
        props=(FLOOR, ball),
        feel=("lower_back",),
        sided=False,
        breath=0.0,
    )


def _side_stretch_dangle() -> ExerciseFigure:
    # Right leg painful: stand on the left leg beside a support on the left,
    # lean the trunk over to the left, and the right hip rises so the right
    # leg hangs free, loose at the knee, toes dropping. Seen from the front,
    # so the lean and the gap under the hanging foot are both in the picture.
    post_y = 48.0
    start = standing().both(shoulder_abd=8.0)
    key = standing(roll=-34.0, lumbar_side=7.0, thorax_side=7.0, neck_flex=5.0).with_(
        r_knee=38.0, r_hip_flex=18.0, r_ankle=0.0, l_ankle=0.0, r_shoulder_abd=-30.0, r_elbow=12.0
    )

    def vertical(s: str) -> Callable[[Skeleton], float]:
        return lambda sk: (sk[f"{s}_ankle"][1] - sk[f"{s}_hip"][1]) ** 2

    key = fit(key, ["l_hip_abd", "r_hip_abd"], _plus(vertical("l"), vertical("r")))
    grip_start = Reach("l", "@world", offset=(0.0, post_y - 3.0, 100.0))
    grip = Reach("l", "@world", offset=(0.0, post_y - 3.0, 88.0))
    return ExerciseFigure(
        "side_stretch_dangle",
        View.FRONT,
        start=_with_reaches(start, grip_start, rests=BOTH_FEET),
        key=_with_reaches(key, grip, rests=LEFT_FOOT),
        props=(FLOOR, *_band_anchor_post(0.0, post_y)),
        feel=("side_of_back",),
    )


def _kneeling_helper(x: float, y: float, lean: float) -> Pose:
    """A helper kneeling at the person's feet, facing them, leaning in by ``lean``."""
    return (
        Pose()
        .with_(x=x, y=y, yaw=180.0, pitch=lean)
        .both(hip_flex=lean + 20.0, knee=115.0, ankle=-60.0, shoulder_flex=40.0, elbow=30.0)
    )


def _helper_decompression() -> ExerciseFigure:
    body = _arms_by_side(LYING.both(ankle=-10.0, hip_flex=10.0))
    sk = forward(grounded(body))
    hx = sk["r_heel"][0] + 52.0
    helper = _kneeling_helper(hx, 0.0, lean=28.0)
    pulled = _kneeling_helper(hx + 2.0, 0.0, lean=18.0)
    grip = (
        Reach("l", "r_ankle", on_helper=True, offset=(2.0, -2.0, -2.0)),
        Reach("r", "l_ankle", on_helper=True, offset=(2.0, 2.0, -2.0)),
    )
    return ExerciseFigure(
        "helper_decompression",
        View.SIDE,
        start=_with_reaches(body, helper=helper, helper_reaches=grip, rests=LONG_LEGS),
        key=_with_reaches(body.with_(x=2.0), helper=pulled, helper_reaches=grip, rests=LONG_LEGS),
        neutral=_with_reaches(_arms_by_side(LYING), helper=helper, rests=LONG_LEGS),
        props=(FLOOR, MAT),
        feel=("lower_back",),
        sided=False,
    )


def _seated_piriformis() -> ExerciseFigure:
    start = seated_on_chair()
    base = start.with_(pitch=0.0)
    # Leaning forward from the hips keeps the thighs on the seat.
    key = _figure_four(
        base.with_(
            pitch=22.0, lumbar_flex=-6.0, neck_flex=-10.0, l_hip_flex=112.0, r_hip_flex=112.0
        ),
        max_flex=118.0,
    )
    hands = (
        Reach("l", "r_knee", offset=(0.0, 4.0, -9.0)),
        Reach("r", "r_knee", offset=(-3.0, -4.0, -9.0)),
    )
    sk = forward(start)
    chair = chair_props(sk["pelvis"][0] - 2.0)
    return ExerciseFigure(
        "seated_piriformis_stretch",
        View.SIDE,
        start=_sup(start, ON_SEAT + BOTH_FEET),
        key=_with_reaches(key, *hands, rests=ON_SEAT + LEFT_FOOT),
        props=(FLOOR, *chair),
        feel=("back_of_hip", "buttock"),
        azimuth=25.0,
    )


def _floor_piriformis_stretch() -> ExerciseFigure:
    # Sitting with the right shin across in front and the left leg behind,
    # folding forwards so the left shoulder travels towards the right knee.
    start = _pigeon(0.0).with_(thorax_twist=0.0)
    # Folded well forward and turned: the chest goes down over the front
    # shin, which is what sets it apart from the upright pigeon.
    key = _pigeon(30.0, thorax_twist=-25.0, lumbar_twist=-8.0)
    hands0 = (
        Reach("l", "r_knee", offset=(14.0, 14.0, -8.0)),
        Reach("r", "r_knee", offset=(14.0, -10.0, -8.0)),
    )
    # The left palm flat on the mat ahead of the front knee (the opposite
    # shoulder comes towards that knee); the right hand on the knee.
    down = SURFACE_RADIUS["r_wrist"] - SURFACE_RADIUS["r_knee"]
    hands = (
        Reach("l", "r_knee", offset=(4.0, 8.0, down), flat=True),
        Reach("r", "r_knee", offset=(0.0, -3.0, 7.0)),
    )
    return ExerciseFigure(
        "floor_piriformis_stretch",
        View.SIDE,
        start=_with_reaches(start, *hands0, rests=PIGEON),
        key=_with_reaches(key, *hands, rests=PIGEON + on_floor("l_hand", "l_wrist")),
        props=(FLOOR, MAT),
        feel=("back_of_hip", "buttock"),
        azimuth=35.0,
    )


def _helper_lift(hip: float, ankle: float) -> tuple[Pose, Pose]:
    body = _arms_by_side(LYING).with_(r_hip_flex=hip, r_knee=0.0, r_ankle=ankle, l_ankle=-10.0)
    sk = forward(grounded(body))
    heel = sk["r_heel"]
    helper = (
        Pose()
        .with_(x=heel[0] + 30.0, y=38.0, yaw=180.0, pitch=10.0)
        .with_(
            r_hip_flex=70.0,
            r_knee=80.0,
            r_ankle=0.0,  # half kneeling, front foot planted
            l_hip_flex=-5.0,
            l_knee=95.0,
            l_ankle=-60.0,
        )
    )
    helper = fit(
        helper,
        ["pitch", "r_knee", "r_hip_flex"],
        touching(
            ("r_heel", RADIUS["foot"]),
            ("r_toe", RADIUS["foot"] * 0.6),
            ("l_knee", RADIUS["thigh"] * 0.8),
        ),
    )
    return body, helper


def _nerve_floss_helper() -> ExerciseFigure:
    high_body, high_helper = _helper_lift(70.0, -35.0)
    low_body, low_helper = _helper_lift(55.0, 20.0)
    grip = (
        Reach("l", "r_heel", on_helper=True, offset=(0.0, 4.0, -3.0)),
        Reach("r", "r_knee_front", on_helper=True, offset=(0.0, 3.0, 0.0)),
    )
    return ExerciseFigure(
        "nerve_floss_helper",
        View.SIDE,
        start=_with_reaches(low_body, helper=low_helper, helper_reaches=grip, rests=LEFT_LONG),
        key=_with_reaches(high_body, helper=high_helper, helper_reaches=grip, rests=LEFT_LONG),
        neutral=_with_reaches(_arms_by_side(LYING), helper=low_helper, rests=LONG_LEGS),
        props=(FLOOR, MAT),
        feel=("back_of_leg",),
        ghost=True,
    )


def _nerve_glide_ankle() -> ExerciseFigure:
    base = _arms_by_side(LYING.both(ankle=-10.0)).with_(r_hip_flex=38.0, r_knee=0.0)
    start = base.with_(r_ankle=-40.0)
    key = base.with_(r_ankle=22.0)
    rest = Prop(
        "pedestal",
        anchors=("r_heel",),
        radius=14.0,
        width=1.0,
        ink=Ink.PROP,
        offset=(0.0, 0.0, -RADIUS["foot"]),
        depth_bias=-40.0,
    )
    return ExerciseFigure(
        "nerve_glide_ankle",
        View.SIDE,
        start=_sup(start, LEFT_LONG),
        key=_sup(key, LEFT_LONG),
        neutral=_sup(_arms_by_side(LYING), LONG_LEGS),
        props=(FLOOR, MAT, rest),
        feel=("back_of_leg",),
        ghost=True,
    )


def _strap_nerve_stretch() -> ExerciseFigure:
    base = LYING.both(ankle=-10.0)
    start = base.with_(r_hip_flex=40.0, r_knee=0.0, r_ankle=0.0)
    # The foot drawn back hard (toes towards the face) is what tells this
    # apart from the strap leg raise; the leg goes higher, with no wall.
    key = base.with_(r_hip_flex=75.0, r_knee=0.0, r_ankle=30.0)
    hands = (
        Reach("l", "l_shoulder", toward="r_toe", fraction=0.5),
        Reach("r", "r_shoulder", toward="r_toe", fraction=0.5),
    )
    return ExerciseFigure(
        "strap_nerve_stretch",
        View.SIDE,
        start=_with_reaches(start, *hands, rests=LEFT_LONG),
        key=_with_reaches(key, *hands, rests=LEFT_LONG),
        neutral=_sup(_arms_by_side(LYING), LONG_LEGS),
        props=(FLOOR, MAT, _strap("l_hand", "r_toe", "r_hand")),
        feel=("back_of_leg",),
    )


def _chair_torso_twist() -> ExerciseFigure:
    # Sitting sideways on the chair: its back is at the person's right.
    start = seated_on_chair().both(shoulder_flex=5.0, elbow=20.0, shoulder_abd=10.0)
    key = start.with_(lumbar_twist=-12.0, thorax_twist=-32.0)
    back_y = -30.0
    hands = (
        Reach("l", "@world", offset=(6.0, back_y + 4.0, CHAIR_SEAT + 38.0)),
        Reach("r", "@world", offset=(-6.0, back_y - 2.0, CHAIR_SEAT + 36.0)),
    )
    seat = Prop(
        "line",
        points=((0.0, -24.0, CHAIR_SEAT), (0.0, 20.0, CHAIR_SEAT)),
        width=4.0,
        ink=Ink.PROP_DARK,
        depth_bias=-60.0,
    )
    legs = tuple(
        Prop(
            "line",
            points=((0.0, y, CHAIR_SEAT), (0.0, y, 0.0)),
            width=3.0,
            ink=Ink.PROP_DARK,
            depth_bias=-60.0,
        )
        for y in (-22.0, 18.0)
    )
    back = Prop(
        "line",
        points=((0.0, -22.0, CHAIR_SEAT), (0.0, back_y, CHAIR_SEAT + 45.0)),
        width=4.0,
        ink=Ink.PROP_DARK,
        depth_bias=-60.0,
    )
    start_hands = (
        Reach("l", "l_thigh_front", offset=(4.0, 0.0, 3.0)),
        Reach("r", "r_thigh_front", offset=(4.0, 0.0, 3.0)),
    )
    return ExerciseFigure(
        "chair_torso_twist",
        View.FRONT,
        start=_with_reaches(start, *start_hands, rests=ON_SEAT + BOTH_FEET),
        key=_with_reaches(key, *hands, rests=ON_SEAT + BOTH_FEET),
        props=(FLOOR, seat, *legs, back),
        feel=("mid_back", "lower_back"),
        # From behind and above: the shoulders turned against the knees is
        # the twist (straight from the front it did not show), and the glow
        # sits on the back, where the twist is felt.
        elevation=30.0,
        azimuth=150.0,
    )


_BUILDERS: Final[Mapping[str, Callable[[], ExerciseFigure]]] = {
    "knees_to_chest": _knees_to_chest,
    "cat_stretch": _cat_stretch,
    "supine_hamstring_stretch": _supine_hamstring,
    "chair_torso_twist": _chair_torso_twist,
    "strap_leg_raise": _strap_leg_raise,
    "single_knee_to_chest": _single_knee_to_chest,
    "supine_piriformis_stretch": _supine_piriformis,
    "seated_hip_stretch": _seated_hip_stretch,
    "bridge": _bridge,
    "standing_hip_abduction": _standing_hip_abduction,
    "hip_rotator_energy_stretch": _hip_rotator,
    "clam_shell": _clam_shell,
    "nerve_glide_knee": _nerve_glide_knee,
    "posterior_pelvic_tilt": _posterior_tilt,
    "lumbar_rotation": _lumbar_rotation,
    "advanced_piriformis_stretch": _advanced_piriformis,
    "seated_hamstring_stretch": _seated_hamstring,
    "prone_press_up": _prone_press_up,
    "standing_extension": _standing_extension,
    "ball_piriformis_release": _ball_piriformis_release,
    "standing_side_bend": _standing_side_bend,
    "ball_decompression": _ball_decompression,
    "side_stretch_dangle": _side_stretch_dangle,
    "core_breathing": _core_breathing,
    "prone_forearm_extension": _prone_forearm_extension,
    "anterior_pelvic_tilt": _anterior_tilt,
    "helper_decompression": _helper_decompression,
    "seated_piriformis_stretch": _seated_piriformis,
    "floor_piriformis_stretch": _floor_piriformis_stretch,
    "nerve_floss_helper": _nerve_floss_helper,
    "nerve_glide_ankle": _nerve_glide_ankle,
    "strap_nerve_stretch": _strap_nerve_stretch,
}


def figure_ids() -> tuple[str, ...]:
    return tuple(_BUILDERS)


def has_figure(exercise_id: str) -> bool:
    return exercise_id in _BUILDERS


@cache
def figure(exercise_id: str) -> ExerciseFigure:
    return _build(exercise_id)


@cache
def _catalog_feel() -> Mapping[str, tuple[str, ...]]:
    """Areas from the catalog (the truth once content is loaded)."""
    try:
        from stretchguide.core import catalog

        load = getattr(catalog, "load_builtin", None)
        if load is None:
            return {}
        return {ex_id: tuple(str(a) for a in ex.feel) for ex_id, ex in load().exercises.items()}
    except Exception:  # noqa: BLE001 - figures must draw even if content is broken
        return {}


def feel_areas(exercise_id: str) -> tuple[str, ...]:
    areas = _catalog_feel().get(exercise_id)
    return areas if areas else figure(exercise_id).feel


def _glow_side(fig: ExerciseFigure, side: Side | None) -> str | None:
    if not fig.sided:
        return None
    s = "l" if side is Side.LEFT else "r"
    if fig.feel_other_side:
        s = "r" if s == "l" else "l"
    return s


@cache
def _bounds_for(
    exercise_id: str, side: Side | None, alternating: bool
) -> tuple[float, float, float, float]:
    fig = figure(exercise_id)
    cam = fig.camera(side, alternating)
    sides: tuple[Side | None, ...] = (Side.RIGHT, Side.LEFT) if alternating else (side,)
    box = [math.inf, math.inf, -math.inf, -math.inf]
    for s in sides:
        b = frame_bounds([fig.frame_for(f, s) for f in fig.all_frames()], cam, fig.props_for(s))
        box = [min(box[0], b[0]), min(box[1], b[1]), max(box[2], b[2]), max(box[3], b[3])]
    return (box[0], box[1], box[2], box[3])


def key_drawing(
    exercise_id: str, side: Side | None = None
) -> tuple[Drawing, tuple[float, float, float, float]]:
    """The key pose, drawn, and the box to fit it in (thumbnails and SVGs)."""
    fig = figure(exercise_id)
    side = side or (Side.RIGHT if fig.sided else None)
    cam = fig.camera(side)
    frame = resolve(fig.frame_for(fig.key, side))
    ghost = resolve(fig.frame_for(fig.start, side)) if fig.ghost else None
    d = drawing(
        frame, cam, fig.props_for(side), feel_areas(exercise_id), _glow_side(fig, side), ghost=ghost
    )
    return d, _bounds_for(exercise_id, side, False)


# --- playing it back -----------------------------------------------------------------

MOVE_S: Final = 2.0  # how long getting from one pose to the next takes


class Animator:
    """Which frame to show ``t`` seconds into a step. Pure; the widget calls it."""

    def __init__(self, exercise_id: str, side: Side | None = None) -> None:
        self.exercise_id = exercise_id
        self.fig = figure(exercise_id)
        self.side = side if self.fig.sided else None
        if self.fig.sided and self.side is None:
            self.side = Side.RIGHT
        self.areas = feel_areas(exercise_id)
        self.phase = "prepare"
        self.duration = 0.0
        self.rep_s = 0.0
        self.hold_s = 0.0
        self.alternating = False
        self.stage = ""
        self._clip = self._prepare_clip()

    def set_phase(
        self,
        phase: str,
        *,
        duration: float = 0.0,
        rep_s: float = 0.0,
        hold_s: float = 0.0,
        side: Side | None = None,
        alternating: bool = False,
        stage: str = "",
    ) -> None:
        self.phase = str(phase)
        self.duration = duration
        self.rep_s = rep_s
        self.hold_s = hold_s
        self.alternating = alternating and self.fig.sided
        self.stage = stage
        if side is not None and self.fig.sided:
            self.side = side
        if self.phase in ("prepare", "switch"):
            self._clip = self._prepare_clip()
        elif self.phase == "hold":
            target = self.fig.stage_frame(stage)
            self._clip = Clip(
                (Keyframe(self._f(self.fig.start), 0.0), Keyframe(self._f(target), MOVE_S))
            )
        elif self.phase == "reps":
            self._clip = self._rep_clip(self.side)
        else:  # rest, idle, complete: the starting position, breathing
            self._clip = Clip((Keyframe(self._f(self.fig.start), 0.0),))

    def _f(self, frame: Frame, side: Side | None = None) -> Frame:
        return self.fig.frame_for(frame, side or self.side)

    def _prepare_clip(self) -> Clip:
        first = self.fig.neutral or self.fig.start
        return Clip((Keyframe(self._f(first), 0.0), Keyframe(self._f(self.fig.start), MOVE_S)))

    def _rep_clip(self, side: Side | None) -> Clip:
        period = max(0.5, (self.rep_s or 3.0) + self.hold_s)
        move = max(0.25, (self.rep_s or 3.0) / 2)
        if self.fig.rep_path:
            path = [self._f(f, side) for f in self.fig.rep_path]
            step = period / len(path)
            keys = [Keyframe(path[0], 0.0)]
            keys += [Keyframe(f, step, Easing.LINEAR) for f in path[1:]]
            keys.append(Keyframe(path[0], step, Easing.LINEAR))
            return Clip(tuple(keys), loop=True)
        a, b = self._f(self.fig.start, side), self._f(self.fig.key, side)
        return Clip(
            (Keyframe(a, 0.0), Keyframe(b, move), Keyframe(b, self.hold_s), Keyframe(a, move)),
            loop=True,
        )

    def side_at(self, t: float) -> Side | None:
        if self.phase == "reps" and self.alternating and self.side is not None:
            period = max(0.5, (self.rep_s or 3.0) + self.hold_s)
            return self.side if int(max(0.0, t) // period) % 2 == 0 else self.side.other
        return self.side

    def moving(self, t: float) -> bool:
        """True while the figure travels between poses (the widget animates at 60 fps)."""
        if self.phase == "reps":
            return True
        if self.phase in ("prepare", "switch", "hold"):
            return t < self._clip.length
        return False

    def frame(self, t: float) -> Frame:
        if self.phase == "reps":
            side = self.side_at(t)
            clip = self._rep_clip(side) if side is not self.side else self._clip
            return clip.sample(t)
        fr = self._clip.sample(t)
        if t >= self._clip.length:
            fr = breathing(fr, t - self._clip.length, self.fig.breath)
        return resolve(fr) if fr.reaches or fr.helper_reaches else fr

    def camera(self) -> Camera:
        return self.fig.camera(self.side, self.alternating)

    def bounds(self) -> tuple[float, float, float, float]:
        return _bounds_for(self.exercise_id, self.side, self.alternating)

    def drawing(self, t: float) -> Drawing:
        side = self.side_at(t)
        glow = 1.0 if self.phase in ("hold", "reps") else 0.6
        return drawing(
            self.frame(t),
            self.camera(),
            self.fig.props_for(side),
            self.areas,
            _glow_side(self.fig, side),
            glow,
        )
