"""The exercise figure as maths: a skeleton, joint angles, keyframes, drawing.

The figure is a small 3D skeleton posed by anatomical joint angles (hip
flexion, knee flexion, ...) and drawn in 2D by an orthographic camera from the
side, the front or above. Working in joint angles keeps the data readable
("hip 90, knee 90") and makes the checks meaningful: a knee can be tested for
bending backwards and a heel for going through the floor, whatever the view.

Conventions
-----------
* World: ``x`` forward for a person standing at the origin, ``y`` to their
  left, ``z`` up; the floor is ``z = 0``; units are centimetres.
* Angles are degrees. Flexion is positive (hip and shoulder forward, knee and
  elbow bent, spine rounded forward, ankle toes-up). Abduction is positive
  away from the midline, hip/shoulder rotation positive outwards, and spinal
  side bend and twist positive towards the person's left.
* ``mirrored`` swaps the two sides and reflects ``y``; because lateral angles
  are defined per side, forward kinematics of a mirrored pose is the exact
  reflection of the original (a test holds it to that).

Nothing here imports Qt: ``drawing.drawing`` turns a posed scene into plain shapes
(lines, discs, polygons, glows) in view coordinates, and the Qt widget and
the SVG writer only paint those shapes.

Modules, from the bottom up (each imports only those above it):

* ``vectors``, ``body`` (measurements, joint angles, limits, ``Pose``),
  ``kinematics`` (forward kinematics, reaching), ``easing``;
* ``contacts`` (supports, rests, reaches), ``settle`` (the contact solver),
  ``frames`` (``Frame``, blending, keyframes, clips, breathing);
* ``crossing`` (which limbs cross the body), ``drawing`` (cameras, shapes,
  props) and ``svg``;
* authoring: ``fitting``, ``positions``, ``exercise_figure``, then one
  module per family of exercises (``lying_legs``, ``lying_trunk``,
  ``face_down``, ``floor``, ``chair``, ``standing``, ``assisted``);
* ``library`` (the figure of each exercise id) and ``animator``.

This package's names below are what the app, the tools and the tests use.
"""

from stretchguide.core.figures.animator import MOVE_S, Animator
from stretchguide.core.figures.drawing import PALETTE, Drawing, Ink, Shape
from stretchguide.core.figures.exercise_figure import ExerciseFigure
from stretchguide.core.figures.library import (
    feel_areas,
    figure,
    figure_ids,
    has_figure,
    key_drawing,
    thumbnail_bounds,
    thumbnail_focus,
)
from stretchguide.core.figures.svg import svg_document

__all__ = [
    "MOVE_S",
    "PALETTE",
    "Animator",
    "Drawing",
    "ExerciseFigure",
    "Ink",
    "Shape",
    "feel_areas",
    "figure",
    "figure_ids",
    "has_figure",
    "key_drawing",
    "svg_document",
    "thumbnail_bounds",
    "thumbnail_focus",
]
