"""Figures the Dec 5 blind review at session size named only on a second look.

A stranger 2-3 m from the screen gives a figure one look. Each test holds a
geometric property of the drawing (not a pixel snapshot) that the misread
figure lacked; each fails on the figure as it was.
"""

from __future__ import annotations

import math

import pytest
from tests.core.test_figures_floor_review import (
    SIDES,
    _accented_leg,
    _key_body,
    _shown,
    _uv,
    _worked,
)

from stretchguide.core import figures as pl
from stretchguide.core.catalog import Side

PIGEON = "hip_rotator_energy_stretch"


def _image_angle(a: tuple[float, float], at: tuple[float, float], b: tuple[float, float]) -> float:
    """The angle a-at-b in the image, in degrees."""
    u = (a[0] - at[0], a[1] - at[1])
    v = (b[0] - at[0], b[1] - at[1])
    cos = (u[0] * v[0] + u[1] * v[1]) / (math.hypot(*u) * math.hypot(*v))
    return math.degrees(math.acos(max(-1.0, min(1.0, cos))))


@pytest.mark.parametrize("side", SIDES)
def test_upright_pigeon_shows_the_front_shin_across_ahead_of_the_body(side: Side) -> None:
    # From above, the front knee bent 151 degrees with the heel tucked under
    # the pelvis: thigh and shin lay along each other in the image, one gold
    # stub. The shin now crosses the mat ahead of the pelvis, the foot past
    # the body's midline, and the image shows thigh and shin as a V.
    worked, _ = _worked(side)
    fig = pl.figure(PIGEON)
    cam = fig.camera(side)
    sk = _key_body(PIGEON, side)
    pelvis, ankle = sk["pelvis"], sk[f"{worked}_ankle"]
    # Ahead of the pelvis (the figure faces +x) by most of a shin's length...
    assert ankle[0] - pelvis[0] > 20.0, ankle[0] - pelvis[0]
    # ...and across: on the other hip's side of the midline.
    other_hip = sk[("l" if worked == "r" else "r") + "_hip"]
    assert (ankle[1] - pelvis[1]) * (other_hip[1] - pelvis[1]) > 0
    hip, knee, foot = (_uv(cam, sk[f"{worked}_{j}"]) for j in ("hip", "knee", "ankle"))
    assert _image_angle(hip, knee, foot) > 45.0
    # Both halves of the V are in view, not under an arm or the trunk.
    d, _ = pl.key_drawing(PIGEON, side)
    mid_thigh = ((hip[0] + knee[0]) / 2, (hip[1] + knee[1]) / 2)
    assert _shown(d, knee, foot, _accented_leg) > 0.8
    assert _shown(d, mid_thigh, knee, _accented_leg) > 0.8
