"""The figure of every exercise by id, its felt areas and its key drawing (thumbnails and SVGs).

Each exercise gets an :class:`ExerciseFigure`: the position it starts from,
its key pose (the held stretch, or the far end of a repetition), optional
named stages and repetition paths, its props and the camera that shows it
best. Poses are authored for the RIGHT side working; the left side is the
mirror image, seen from the left so the working limb stays nearest.

Authoring uses a few small solvers (``fit``) rather than hand-tuned numbers
where a contact matters: a foot flat on the floor, an ankle resting on the
other knee, hands and toes on the floor over an exercise ball. Everything is
computed lazily and cached per exercise.

``animator.Animator`` plays a figure back.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from functools import cache
from typing import Final

from stretchguide.core.catalog import Side
from stretchguide.core.figures.accents import ACCENTS
from stretchguide.core.figures.assisted import (
    _ball_decompression,
    _ball_piriformis_release,
    _helper_decompression,
    _nerve_floss_helper,
)
from stretchguide.core.figures.chair import (
    _chair_torso_twist,
    _seated_hip_stretch,
    _seated_piriformis,
)
from stretchguide.core.figures.contacts import _swap_side
from stretchguide.core.figures.drawing import Camera, Drawing, Ink, Prop, drawing
from stretchguide.core.figures.easing import lerp_pose
from stretchguide.core.figures.exercise_figure import ExerciseFigure
from stretchguide.core.figures.face_down import (
    _cat_stretch,
    _prone_forearm_extension,
    _prone_press_up,
)
from stretchguide.core.figures.floor import (
    _clam_shell,
    _floor_piriformis_stretch,
    _hip_rotator,
    _seated_hamstring,
)
from stretchguide.core.figures.frames import Frame, resolve
from stretchguide.core.figures.kinematics import forward
from stretchguide.core.figures.lying_legs import (
    _advanced_piriformis,
    _knees_to_chest,
    _nerve_glide_ankle,
    _nerve_glide_knee,
    _single_knee_to_chest,
    _strap_leg_raise,
    _strap_nerve_stretch,
    _supine_hamstring,
    _supine_piriformis,
)
from stretchguide.core.figures.lying_trunk import (
    _anterior_tilt,
    _bridge,
    _core_breathing,
    _lumbar_rotation,
    _posterior_tilt,
)
from stretchguide.core.figures.standing import (
    _side_stretch_dangle,
    _standing_extension,
    _standing_hip_abduction,
    _standing_side_bend,
)


def _build(exercise_id: str) -> ExerciseFigure:
    builder = _BUILDERS.get(exercise_id)
    if builder is None:
        raise KeyError(f"no figure for exercise {exercise_id!r}")
    return builder()


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
    return replace(_build(exercise_id), accent=ACCENTS.get(exercise_id, ()))


def feel_areas(exercise_id: str, feel: Iterable[str] = ()) -> tuple[str, ...]:
    """The areas that glow: ``feel`` (the catalog's, the truth), else the figure's own."""
    areas = tuple(str(a) for a in feel)
    return areas if areas else figure(exercise_id).feel


def _glow_side(fig: ExerciseFigure, side: Side | None) -> str | None:
    if not fig.sided:
        return None
    s = "l" if side is Side.LEFT else "r"
    if fig.feel_other_side:
        s = "r" if s == "l" else "l"
    return s


def frame_bounds(
    frames: Iterable[Frame], cam: Camera, props: Sequence[Prop] = (), margin: float = 8.0
) -> tuple[float, float, float, float]:
    """A box that holds every frame, so the figure never jumps or zooms."""
    box = [math.inf, math.inf, -math.inf, -math.inf]
    for fr in frames:
        d = drawing(resolve(fr), cam, props)
        bx = Drawing(tuple(s for s in d.shapes if abs(s.points[0][0]) < 1e3)).bounds()
        box = [min(box[0], bx[0]), min(box[1], bx[1]), max(box[2], bx[2]), max(box[3], bx[3])]
    return (box[0] - margin, min(box[1], 0.0) - margin, box[2] + margin, box[3] + margin)


# Room round the figure in a still image (thumbnails, SVGs, the PDF), and in
# the session's figure view. The view is wide and short on a landscape
# screen, so a standing figure's height is what sets its size: 8 cm above
# the head and below the floor made its box 190 cm tall where the person
# is 174, a tenth smaller than it need be. The view keeps its own 4 %
# padding round the box; the soft edge of a glow may run into it.
STILL_MARGIN_CM: Final = 8.0
SESSION_MARGIN_CM: Final = 3.0


@cache
def _bounds_for(
    exercise_id: str, side: Side | None, alternating: bool
) -> tuple[float, float, float, float]:
    """The box every frame of the figure fits, with the stills' margin."""
    fig = figure(exercise_id)
    cam = fig.camera(side, alternating)
    sides: tuple[Side | None, ...] = (Side.RIGHT, Side.LEFT) if alternating else (side,)
    box = [math.inf, math.inf, -math.inf, -math.inf]
    for s in sides:
        frames = [fig.frame_for(f, s) for f in fig.all_frames()]
        b = frame_bounds(frames, cam, fig.props_for(s), margin=STILL_MARGIN_CM)
        box = [min(box[0], b[0]), min(box[1], b[1]), max(box[2], b[2]), max(box[3], b[3])]
    return (box[0], box[1], box[2], box[3])


def _between(fig: ExerciseFigure) -> list[Frame]:
    """Rough frames a quarter, half and three quarters of the way through
    each movement: a limb swinging between two poses can pass outside the
    box that holds both ends (a knee to the chest went 6 cm above it).

    Blended without their contacts: they only give the box room.
    """
    moves = [(fig.start, fig.key), *((fig.start, st) for st in fig.stages.values())]
    if fig.neutral is not None:
        moves.append((fig.neutral, fig.start))
    out = []
    for a, b in moves:
        for t in (0.25, 0.5, 0.75):
            helper = None
            if a.helper is not None and b.helper is not None:
                helper = lerp_pose(a.helper, b.helper, t)
            near = b if t >= 0.5 else a
            body = lerp_pose(a.body, b.body, t)
            out.append(Frame(body, helper, near.reaches, near.helper_reaches))
    return out


@cache
def session_bounds(
    exercise_id: str, side: Side | None, alternating: bool
) -> tuple[float, float, float, float]:
    """The box the session's figure view fits: every frame it plays, 3 cm round."""
    fig = figure(exercise_id)
    cam = fig.camera(side, alternating)
    sides: tuple[Side | None, ...] = (Side.RIGHT, Side.LEFT) if alternating else (side,)
    box = [math.inf, math.inf, -math.inf, -math.inf]
    for s in sides:
        frames = [fig.frame_for(f, s) for f in (*fig.all_frames(), *_between(fig))]
        b = frame_bounds(frames, cam, fig.props_for(s), margin=SESSION_MARGIN_CM)
        box = [min(box[0], b[0]), min(box[1], b[1]), max(box[2], b[2]), max(box[3], b[3])]
    return (box[0], box[1], box[2], box[3])


def key_drawing(
    exercise_id: str, side: Side | None = None, feel: Iterable[str] = ()
) -> tuple[Drawing, tuple[float, float, float, float]]:
    """The key pose, drawn, and the box to fit it in (thumbnails and SVGs).

    ``feel``: the catalog's areas for the exercise (see :func:`feel_areas`).
    """
    fig = figure(exercise_id)
    side = side or (Side.RIGHT if fig.sided else None)
    cam = fig.camera(side)
    frame = resolve(fig.frame_for(fig.key, side))
    ghost = resolve(fig.frame_for(fig.start, side)) if fig.ghost else None
    d = drawing(
        frame,
        cam,
        fig.props_for(side),
        feel_areas(exercise_id, feel),
        _glow_side(fig, side),
        ghost=ghost,
        accent=fig.accent_for(side),
    )
    return d, _bounds_for(exercise_id, side, False)


def thumbnail_focus(
    exercise_id: str, side: Side | None = None
) -> tuple[float, float, float, float] | None:
    """The box round the figure's ``thumb_points`` in its key pose, or None (the whole figure)."""
    fig = figure(exercise_id)
    if not fig.thumb_points:
        return None
    side = side or (Side.RIGHT if fig.sided else None)
    cam = fig.camera(side)
    sk = forward(resolve(fig.frame_for(fig.key, side)).body)
    left = side is Side.LEFT and fig.sided
    pts = [cam.project(sk[_swap_side(n) if left else n]) for n in fig.thumb_points]
    us, vs = [p[0] for p in pts], [p[1] for p in pts]
    return (min(us), min(vs), max(us), max(vs))


def thumbnail_bounds(
    d: Drawing,
    margin: float = STILL_MARGIN_CM,
    focus: tuple[float, float, float, float] | None = None,
) -> tuple[float, float, float, float]:
    """A box round the figure and its props, not round the floor or mat areas under it.

    At thumbnail size every pixel counts: a mat drawn as an area (a camera
    that looks down) spreads past the body, and fitting the image to it drew
    the lumbar rotation's body across 0.64 of its width. The areas run
    on to the image's edges instead; a side view's floor line stays in the box.
    """
    shown = Drawing(
        tuple(
            s
            for s in d.shapes
            if s.fill not in (Ink.MAT_AREA, Ink.FLOOR_AREA)
            and not any(abs(u) >= 1e3 for u, _ in s.points)  # the endless floor line
        )
    )
    b = shown.bounds()
    floor_line = any(abs(u) >= 1e3 for s in d.shapes for u, _ in s.points)
    low = min(b[1], 0.0) if floor_line else b[1]
    box = (b[0] - margin, low - margin, b[2] + margin, b[3] + margin)
    if focus is None:
        return box
    # Only the part that tells the exercise (``thumbnail_focus``), the
    # floor under it still in view; the rest of the body runs off the edges.
    return (
        max(box[0], focus[0] - margin),
        box[1],
        min(box[2], focus[2] + margin),
        min(box[3], focus[3] + margin),
    )
