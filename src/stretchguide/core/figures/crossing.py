"""Which limbs cross the body: the drawing sorts those apart from the rest.

A limb is drawn as one shape at one depth; one that crosses the body would
lie wholly in front of it or wholly behind, whichever its mean depth said.
"""

from __future__ import annotations

from stretchguide.core.figures.body import HEAD_R, HIP_HALF, RADIUS
from stretchguide.core.figures.kinematics import Skeleton
from stretchguide.core.figures.vectors import Vec, _sub


def legs_crossed(skel: Skeleton) -> bool:
    """Whether one ankle lies beyond the other knee, across the body (a leg crossed over)."""
    r0, pelvis = skel.frames["pelvis"], skel["pelvis"]
    side_axis = (r0[1], r0[4], r0[7])  # the pelvis's left, in the world

    def lateral(point: str) -> float:
        d = _sub(skel[point], pelvis)
        return d[0] * side_axis[0] + d[1] * side_axis[1] + d[2] * side_axis[2]

    return (
        lateral("r_ankle") - lateral("l_knee") > HIP_HALF
        or lateral("r_knee") - lateral("l_ankle") > HIP_HALF
    )


def arm_across(skel: Skeleton, s: str, towards: Vec) -> bool:
    """Whether the arm of side ``s`` reaches across the chest (or the back) in view.

    The hand lies past the chest's midline, in front of the chest or behind
    the back, and the camera (looking along ``-towards``) sees the chest or
    the back, so the forearm passes in front of or behind the trunk. (Seen
    from the side, an arm reaching across lies beside it; a hand hanging
    past the midline of a body leaning over sideways is beside it too.)
    """
    r2, neck = skel.frames["thorax"], skel["neck"]
    d = _sub(skel[f"{s}_hand"], neck)
    lateral = d[0] * r2[1] + d[1] * r2[4] + d[2] * r2[7]  # along the chest's left
    ahead = d[0] * r2[0] + d[1] * r2[3] + d[2] * r2[6]  # along the chest's front
    if (lateral if s == "l" else -lateral) > -HIP_HALF or abs(ahead) < RADIUS["trunk"]:
        return False
    facing = r2[0] * towards[0] + r2[3] * towards[1] + r2[6] * towards[2]
    return abs(facing) > 0.6


def hand_behind_head(skel: Skeleton, s: str) -> bool:
    """Whether the hand of side ``s`` cups the back of the head (lying on it, or clasped there).

    Such an arm goes round the head to behind it; drawn at its mean depth,
    the near one lay across the jaw from the side, a hand on the face.
    """
    head = skel["head"]
    d = _sub(skel[f"{s}_hand"], head)
    if d[0] * d[0] + d[1] * d[1] + d[2] * d[2] > (HEAD_R + RADIUS["hand"]) ** 2:
        return False
    face = _sub(skel["nose"], head)
    return d[0] * face[0] + d[1] * face[1] + d[2] * face[2] < 0.0
