"""Cameras and 2D drawing: a posed scene turned into plain shapes in view coordinates."""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Final

from stretchguide.core.figures.body import HEAD_R, HIP_HALF, RADIUS, SIDES
from stretchguide.core.figures.crossing import arm_across, hand_behind_head, legs_crossed
from stretchguide.core.figures.frames import Frame
from stretchguide.core.figures.kinematics import _HAIR, Skeleton, forward
from stretchguide.core.figures.vectors import Vec, _add, _mv, _norm, _scale, _sub

# --- cameras and 2D drawing ----------------------------------------------------


class View(StrEnum):
    SIDE = "side"  # from the person's right (or left, when the left side works)
    FRONT = "front"  # facing the person (for a lying person: from their feet)
    TOP = "top"  # from above


@dataclass(frozen=True)
class Camera:
    """An orthographic camera: a base view, turned and tilted a little if asked.

    ``azimuth`` swings a side camera towards the person's front (or a front
    camera towards their left) so a limb crossing the body is not seen
    end-on; ``elevation`` lifts it to look down. Both in degrees.
    """

    view: View
    from_left: bool = False  # side view from the person's left (image flipped)
    azimuth: float = 0.0
    elevation: float = 0.0

    def _basis(self) -> tuple[Vec, Vec, Vec]:
        if self.view is View.TOP:
            return (1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0)
        a = math.radians(self.azimuth)
        if self.view is View.SIDE:
            sign = -1.0 if self.from_left else 1.0
            d = (math.sin(a), -sign * math.cos(a), 0.0)
            u = (sign * math.cos(a), math.sin(a), 0.0)
        else:
            d = (math.cos(a), math.sin(a), 0.0)
            u = (-math.sin(a), math.cos(a), 0.0)
        e = math.radians(self.elevation)
        ce, se = math.cos(e), math.sin(e)
        depth = (d[0] * ce, d[1] * ce, se)
        up = (-d[0] * se, -d[1] * se, ce)
        return u, up, depth

    def project(self, p: Vec) -> tuple[float, float, float]:
        """World point -> (u right, v up, depth towards the viewer)."""
        u, v, d = self._basis()
        return (
            p[0] * u[0] + p[1] * u[1] + p[2] * u[2],
            p[0] * v[0] + p[1] * v[1] + p[2] * v[2],
            p[0] * d[0] + p[1] * d[1] + p[2] * d[2],
        )

    @property
    def shows_floor_line(self) -> bool:
        return self.view is not View.TOP and not self.elevation


class Ink(StrEnum):
    """Colour roles; the palette (Qt and SVG alike) maps these to colours."""

    BODY = "body"
    BODY_FAR = "body_far"
    OUTLINE = "outline"
    HELPER = "helper"
    HELPER_FAR = "helper_far"
    HELPER_OUTLINE = "helper_outline"
    PROP = "prop"
    PROP_DARK = "prop_dark"
    MAT = "mat"
    MAT_AREA = "mat_area"  # a mat seen from above, under the body
    FLOOR_AREA = "floor_area"  # the floor seen from above, under a chair and the feet
    SHADOW = "shadow"  # a raised limb's shadow on a mat area, straight below it
    BAND = "band"
    BALL = "ball"  # a small massage ball: a colour of its own, no body part's
    BALL_SEAM = "ball_seam"
    STRAP = "strap"
    FLOOR = "floor"
    WALL = "wall"
    GLOW = "glow"
    GHOST = "ghost"  # where a movement starts, faint behind the still image
    GHOST_OUTLINE = "ghost_outline"
    # The limb that tells an exercise from its near-duplicates (``accents``).
    ACCENT = "accent"
    ACCENT_FAR = "accent_far"
    ACCENT_OUTLINE = "accent_outline"


PALETTE: Final[Mapping[Ink, str]] = {
    # Mid-tone fills with a dark outline read on white and on near-black.
    Ink.BODY: "#3f7fcf",
    Ink.BODY_FAR: "#8db4e4",
    Ink.OUTLINE: "#1d3557",
    Ink.HELPER: "#6b9e78",
    Ink.HELPER_FAR: "#a9cdb1",
    Ink.HELPER_OUTLINE: "#29473a",
    Ink.PROP: "#a89a86",
    Ink.PROP_DARK: "#6f6455",
    Ink.MAT: "#5fb3a9",
    Ink.MAT_AREA: "#d3ebe7",
    Ink.FLOOR_AREA: "#e2ded7",
    Ink.SHADOW: "#9fc4be",  # the mat area's tint, darker: only ever drawn on it
    Ink.BAND: "#e0a030",
    # A tennis ball's yellow-green: another hue from the blue body, the gold
    # accent and the orange glow it sits in, and much lighter than the body in
    # print; with the body's dark outline it holds on white and near-black.
    Ink.BALL: "#cdee3c",
    Ink.BALL_SEAM: "#ffffff",
    Ink.STRAP: "#c0504d",
    Ink.FLOOR: "#8a8f98",
    Ink.WALL: "#b9b2a6",
    Ink.GLOW: "#ff6a3d",
    # Light enough to sit behind the figure on white, dark enough on black.
    Ink.GHOST: "#b7c3d3",
    Ink.GHOST_OUTLINE: "#8593a6",
    # Gold with a dark brown outline: a different hue from the blue body on
    # screen and a much lighter grey in black-and-white print, outlined dark
    # enough to hold its shape on white and on near-black alike.
    Ink.ACCENT: "#f5c242",
    Ink.ACCENT_FAR: "#f9dc8e",
    Ink.ACCENT_OUTLINE: "#5a3a00",
}

# Limb names an accent may name, per side: which chain of ``figure_shapes``.
LIMBS: Final = ("leg", "foot", "arm")


@dataclass(frozen=True)
class Shape:
    """One thing to paint, in view units (cm, v up)."""

    kind: str  # "chain" (rounded limb), "poly", "disc", "glow", "line"
    points: tuple[tuple[float, float], ...]
    widths: tuple[float, ...] = ()  # chain: one per segment; line: one
    fill: Ink | None = None
    stroke: Ink | None = None
    radius: float = 0.0  # disc, glow
    depth: float = 0.0


@dataclass(frozen=True)
class Drawing:
    shapes: tuple[Shape, ...]

    def bounds(self) -> tuple[float, float, float, float]:
        """(min_u, min_v, max_u, max_v) including line widths and radii."""
        xs: list[float] = []
        ys: list[float] = []
        for s in self.shapes:
            pad = max([s.radius, *(w / 2 for w in s.widths), 0.0])
            for u, v in s.points:
                xs += [u - pad, u + pad]
                ys += [v - pad, v + pad]
        if not xs:
            return (0.0, 0.0, 1.0, 1.0)
        return (min(xs), min(ys), max(xs), max(ys))


# Props are 3D shapes so every camera draws them consistently.


@dataclass(frozen=True)
class Prop:
    kind: str  # "line" (thick polyline), "poly" (filled), "ball", "floor", "shadow"
    points: tuple[Vec, ...] = ()
    anchors: tuple[str, ...] = ()  # body anchors appended to the points (strap, band)
    helper_anchors: tuple[str, ...] = ()
    width: float = 3.0
    radius: float = 0.0
    ink: Ink = Ink.PROP
    depth_bias: float = 0.0
    offset: Vec = (0.0, 0.0, 0.0)  # added to every anchored point


def _chain(
    cam: Camera, pts: Sequence[Vec], widths: Sequence[float], fill: Ink, stroke: Ink, bias: float
) -> Shape:
    proj = [cam.project(p) for p in pts]
    depth = sum(p[2] for p in proj) / len(proj) + bias
    return Shape(
        "chain", tuple((p[0], p[1]) for p in proj), tuple(widths), fill, stroke, depth=depth
    )


def figure_shapes(
    skel: Skeleton,
    cam: Camera,
    helper: bool = False,
    ghost: bool = False,
    accent: Collection[str] = (),
) -> list[Shape]:
    """The body as rounded chains, sorted later by depth.

    ``accent`` names limbs ("r_leg", "l_arm", "r_foot") drawn in the accent
    inks: the limb that tells this exercise from one that looks like it.
    """
    ink, far, outline = (
        (Ink.HELPER, Ink.HELPER_FAR, Ink.HELPER_OUTLINE)
        if helper
        else (Ink.BODY, Ink.BODY_FAR, Ink.OUTLINE)
    )
    if ghost:
        ink, far, outline = Ink.GHOST, Ink.GHOST, Ink.GHOST_OUTLINE
    out: list[Shape] = []
    centre = cam.project(skel["pelvis"])[2]
    lateral = cam.view is View.SIDE or (
        cam.view is View.TOP
        and abs(cam.project(skel["l_hip"])[2] - cam.project(skel["r_hip"])[2]) > HIP_HALF
    )
    crossed = legs_crossed(skel)
    for s in SIDES:
        leg = [skel[f"{s}_hip"], skel[f"{s}_knee"], skel[f"{s}_ankle"]]
        foot = [skel[f"{s}_heel"], skel[f"{s}_toe"]]
        arm = [skel[f"{s}_shoulder"], skel[f"{s}_elbow"], skel[f"{s}_wrist"], skel[f"{s}_hand"]]
        # Which side of the body a leg hangs from decides near or far; the
        # feet would not: with a turned camera a far leg flexed towards the
        # head or a near foot planted far down the mat reads the wrong way.
        is_far = lateral and cam.project(skel[f"{s}_hip"])[2] < centre - 1.0
        arm_depth = cam.project(skel[f"{s}_shoulder"])[2]
        arm_far = lateral and arm_depth < cam.project(skel["neck"])[2] - 1.0
        w = RADIUS

        def inks(limb: str, limb_far: bool, s: str = s) -> tuple[Ink, Ink]:
            if f"{s}_{limb}" in accent:
                return (Ink.ACCENT_FAR if limb_far else Ink.ACCENT), Ink.ACCENT_OUTLINE
            return (far if limb_far else ink), outline

        if crossed:
            # One leg crosses over the other: each leg's thigh and shin are
            # sorted apart. The crossing thigh comes over the long leg from
            # the near hip while its shin dips behind it to the foot planted
            # on the far side; a whole leg sorted by its mean depth (pulled
            # far by that foot) would lie wholly behind and read uncrossed.
            out.append(_chain(cam, leg[:2], (w["thigh"] * 2,), *inks("leg", is_far), -0.5))
            out.append(
                _chain(
                    cam,
                    leg[1:] + leg[2:],
                    (w["shin"] * 2, w["shin"] * 2),
                    *inks("leg", is_far),
                    -0.5,
                )
            )
        else:
            out.append(
                _chain(
                    cam,
                    leg + [skel[f"{s}_ankle"]],
                    (w["thigh"] * 2, w["shin"] * 2, w["shin"] * 2),
                    *inks("leg", is_far),
                    -0.5,
                )
            )
        out.append(_chain(cam, foot, (w["foot"] * 2,), *inks("foot", is_far), -0.4))
        arm_shape = _chain(
            cam,
            arm,
            (w["upper_arm"] * 2, w["forearm"] * 2, w["hand"] * 2),
            *inks("arm", arm_far),
            0.6,
        )
        if arm_across(skel, s, cam._basis()[2]):
            # A hand reaching across the body: the arm lies in front of the
            # chest (or behind the back), and sorts against the trunk as its
            # elbow and hand lie against the chest. By the mean of all its
            # joints, pulled near by the shoulder, it was drawn over the back
            # when seen from behind; and a camera looking down puts the chest
            # (and an arm across it) nearer than the pelvis the trunk sorts by.
            distal = sum(cam.project(p)[2] for p in arm[1:]) / 3
            chest = cam.project(_scale(_add(skel["mid_back"], skel["neck"]), 0.5))[2]
            arm_shape = replace(arm_shape, depth=centre + distal - chest + 0.6)
        if hand_behind_head(skel, s):
            # Behind the head (its disc sorts at +0.3), over the neck and trunk.
            hd = cam.project(skel["head"])[2]
            arm_shape = replace(arm_shape, depth=min(arm_shape.depth, hd + 0.24))
        out.append(arm_shape)
    # Trunk: the outline of hips, waist and shoulders, so it reads as a
    # rounded band from the side and as a torso from the front.
    trunk_pts: list[Vec] = []
    r1 = skel.frames["lumbar"]
    waist_half = 12.0
    trunk_pts.append(skel["l_hip"])
    trunk_pts.append(_add(skel["mid_back"], _mv(r1, (0.0, waist_half, 0.0))))
    trunk_pts.append(skel["l_shoulder"])
    trunk_pts.append(skel["r_shoulder"])
    trunk_pts.append(_add(skel["mid_back"], _mv(r1, (0.0, -waist_half, 0.0))))
    trunk_pts.append(skel["r_hip"])
    proj = [cam.project(p) for p in trunk_pts]
    out.append(
        Shape(
            "poly",
            tuple((p[0], p[1]) for p in proj),
            (RADIUS["trunk"] * 2,),
            ink,
            outline,
            depth=centre,
        )
    )
    out.append(
        _chain(cam, [skel["neck"], skel["head_base"]], (RADIUS["neck"] * 2,), ink, outline, 0.2)
    )
    hu, hv, hd = cam.project(skel["head"])
    nu, nv, nd = cam.project(skel["nose"])
    # A bare circle cannot say which way a person faces, and a back bend read
    # from behind is a forward bend: a nose in profile and the eyes that face
    # the camera settle it.
    profile = math.hypot(nu - hu, nv - hv) > HEAD_R * 0.5
    if profile:
        out.append(Shape("disc", ((nu, nv),), (), ink, outline, radius=3.2, depth=hd + 0.25))
    out.append(Shape("disc", ((hu, hv),), (), ink, outline, radius=HEAD_R, depth=hd + 0.3))
    if profile:
        # Hair on the back of the head: the cue that still reads in a thumbnail.
        r3, head = skel.frames["head"], skel["head"]
        cap = [
            _add(head, _mv(r3, (math.cos(a) * r * HEAD_R + dx, 0.0, math.sin(a) * r * HEAD_R)))
            for r, dx, angles in _HAIR
            for a in angles
        ]
        out.append(
            Shape(
                "poly", tuple(cam.project(q)[:2] for q in cap), (), outline, None, depth=hd + 0.305
            )
        )
    for s in SIDES:
        eu, ev, ed = cam.project(skel[f"{s}_eye"])
        if ed - hd > HEAD_R * 0.2:
            out.append(Shape("disc", ((eu, ev),), (), outline, None, radius=1.7, depth=hd + 0.31))
    return out


_AREA_ANCHORS: Final[Mapping[str, tuple[tuple[str, float], ...]]] = {
    # area -> (anchor, glow radius); "*" is the working side.
    "lower_back": (("lower_back", 12.0),),
    "mid_back": (("upper_back", 13.0),),
    "side_of_back": (("*_side_back", 11.0),),
    "buttock": (("*_buttock", 11.0),),
    "glutes": (("l_buttock", 10.0), ("r_buttock", 10.0)),
    "back_of_hip": (("*_buttock", 10.0),),
    "outer_hip": (("*_outer_hip", 10.0),),
    "back_of_thigh": (("*_hamstring", 13.0),),
    "back_of_leg": (("*_hamstring", 11.0), ("*_calf", 10.0)),
    "hip_flexors": (("*_hip_front", 10.0),),
    "abdomen": (("abdomen", 12.0),),
}


def highlight_points(
    skel: Skeleton, areas: Iterable[str], side: str | None
) -> list[tuple[Vec, float]]:
    """Where to glow for each area; both sides when no side is worked."""
    out: list[tuple[Vec, float]] = []
    for area in areas:
        for anchor, radius in _AREA_ANCHORS.get(str(area), ()):
            if anchor.startswith("*"):
                sides = (side,) if side else SIDES
                out += [(skel[s + anchor[1:]], radius) for s in sides]
            else:
                out.append((skel[anchor], radius))
    return out


def drawing(
    frame: Frame,
    cam: Camera,
    props: Sequence[Prop] = (),
    areas: Iterable[str] = (),
    side: str | None = None,
    glow: float = 1.0,
    ghost: Frame | None = None,
    accent: Collection[str] = (),
) -> Drawing:
    """Everything to paint for one frame, far to near.

    ``ghost`` (a still image of a movement) draws where the movement starts,
    faint and behind the figure, so the picture shows the travel. ``accent``
    names the limbs drawn in the accent inks (see ``figure_shapes``).
    """
    body = forward(frame.body)
    helper = forward(frame.helper) if frame.helper is not None else None
    shapes: list[Shape] = figure_shapes(body, cam, accent=accent)
    if ghost is not None:
        shapes += [
            replace(g, depth=g.depth - GHOST_BEHIND)
            for g in figure_shapes(forward(ghost.body), cam, ghost=True)
        ]
    if helper is not None:
        shapes += figure_shapes(helper, cam, helper=True)
    for prop in props:
        shapes.extend(_prop_shapes(prop, cam, body, helper))
    if glow > 0:
        for centre, radius in highlight_points(body, areas, side):
            u, v, _ = cam.project(centre)
            shapes.append(
                Shape("glow", ((u, v),), (), Ink.GLOW, radius=radius * glow, depth=GLOW_DEPTH)
            )
    shapes.sort(key=lambda s: s.depth)
    return Drawing(tuple(shapes))


# Glows lie over the body; a prop with a larger depth bias (the ball under a
# buttock) is drawn over its glow so the glow never hides it.
GLOW_DEPTH: Final = 1e6
GHOST_BEHIND: Final = 1e4  # behind every part of the figure, in front of floor and mat


def _prop_shapes(prop: Prop, cam: Camera, body: Skeleton, helper: Skeleton | None) -> list[Shape]:
    pts = list(prop.points) + [_add(body[a], prop.offset) for a in prop.anchors]
    if helper is not None:
        pts += [_add(helper[a], prop.offset) for a in prop.helper_anchors]
    if prop.kind == "pedestal" and pts:
        # A box from the floor up to just under the anchored point (a heel rest).
        top = pts[-1]
        if prop.points and prop.anchors:
            # A block that stands where it is: the anchor only says how much
            # of it shows while the heel is still on its way up to it.
            at = prop.points[0]
            top = (at[0], at[1], min(at[2], top[2]))
        half = prop.radius
        pts = [
            (top[0] - half, top[1], 0.0),
            (top[0] + half, top[1], 0.0),
            (top[0] + half, top[1], top[2]),
            (top[0] - half, top[1], top[2]),
        ]
        proj = [cam.project(p) for p in pts]
        return [
            Shape(
                "poly",
                tuple((p[0], p[1]) for p in proj),
                (prop.width,),
                prop.ink,
                prop.ink,
                depth=sum(p[2] for p in proj) / 4 + prop.depth_bias,
            )
        ]
    if prop.kind == "shadow":
        # The limb straight down on the floor, as a light overhead would cast
        # it: which way a raised limb points across the mat. Drawn as a line.
        pts = [(p[0], p[1], 0.0) for p in pts]
    if prop.kind == "floor":
        if not cam.shows_floor_line:
            return []
        # A floor line under everything, as wide as the figure needs.
        return [Shape("line", ((-1e4, -0.8), (1e4, -0.8)), (1.6,), stroke=Ink.FLOOR, depth=-1e6)]
    proj = [cam.project(p) for p in pts]
    depth = (sum(p[2] for p in proj) / len(proj) if proj else 0.0) + prop.depth_bias
    flat = tuple((p[0], p[1]) for p in proj)
    if prop.kind == "loop" and len(pts) == 2:
        # A band round two limbs: it runs past each one by a limb's thickness.
        a, b = pts
        d = _sub(b, a)
        n = max(1e-6, _norm(d))
        ext = _scale(d, RADIUS["thigh"] / n)
        ends = [cam.project(_sub(a, ext)), cam.project(_add(b, ext))]
        return [
            Shape(
                "line",
                tuple((p[0], p[1]) for p in ends),
                (prop.width,),
                stroke=prop.ink,
                depth=depth,
            )
        ]
    if prop.kind == "ball":
        if prop.ink is not Ink.BALL:
            return [
                Shape(
                    "disc", flat[:1], (), prop.ink, Ink.PROP_DARK, radius=prop.radius, depth=depth
                )
            ]
        # A small ball: outlined like the body, with a tennis ball's curved
        # seam across it, which says "ball" where a plain dot could be a joint.
        (u, v), r = flat[0], prop.radius
        seam = tuple(
            (u + r * 0.8 * x, v + r * 0.45 * math.sin(math.pi * x))
            for x in (i / 6 - 1 for i in range(13))
        )
        # Its outline a disc behind it, a rim in proportion to a small ball
        # (the painter's outline pen, sized for limbs, left a dark ring and a dot).
        return [
            Shape("disc", flat[:1], (), Ink.OUTLINE, None, radius=r + 0.45, depth=depth - 0.5),
            Shape("disc", flat[:1], (), Ink.BALL, None, radius=r, depth=depth),
            Shape("line", seam, (r * 0.22,), stroke=Ink.BALL_SEAM, depth=depth + 0.5),
        ]
    if prop.kind == "poly":
        return [Shape("poly", flat, (prop.width,), prop.ink, prop.ink, depth=depth)]
    return [Shape("line", flat, (prop.width,), stroke=prop.ink, depth=depth)]
