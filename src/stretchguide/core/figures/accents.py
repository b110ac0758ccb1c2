"""Which limbs each exercise draws in the accent inks, and the near-duplicate groups.

Some exercises share most of a pose: a person glancing at the screen from
the floor tells them apart by one limb (the leg crossed over, the ankle
drawn back, the arm hugging a knee). That limb is drawn in gold with a dark
outline (``Ink.ACCENT``): another hue on screen, a lighter grey in
black-and-white print. Limbs are named for the right side working, as the
poses are ("r_leg" is thigh and shin, "r_foot", "l_arm"); the left side is
the mirror image. docs/figures.md gives the reason for each.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

ACCENTS: Final[Mapping[str, tuple[str, ...]]] = {
    # Figure four and its relatives: the leg that crosses.
    "hip_rotator_energy_stretch": ("r_leg", "r_foot"),
    # ...the same legs as the pigeon, told apart by the palm on the mat.
    "floor_piriformis_stretch": ("r_leg", "r_foot", "l_arm"),
    "supine_piriformis_stretch": ("r_leg", "r_foot"),
    "advanced_piriformis_stretch": ("r_leg", "r_foot"),
    "seated_piriformis_stretch": ("r_leg", "r_foot"),
    # Crossed over beside the other knee, hugged by the opposite arm.
    "seated_hip_stretch": ("r_leg", "r_foot", "l_arm"),
    # The raised leg: held still (hamstring) or straightening (glide).
    "supine_hamstring_stretch": ("r_leg",),
    "nerve_glide_knee": ("r_leg",),
    # The strap nerve stretch is the ankle drawn back; the leg raise is the
    # leg going up and out, the other sole against the wall.
    "strap_nerve_stretch": ("r_foot",),
    "strap_leg_raise": ("r_leg", "l_foot"),
    # Both lean sideways from the front: one slides a hand down the thigh,
    # the other stands on one leg and lets the painful one hang.
    "standing_side_bend": ("r_arm",),
    "side_stretch_dangle": ("r_leg", "r_foot"),
    # Lying on the front with the chest up: straight arms or the forearms
    # flat on the mat is the whole difference.
    "prone_press_up": ("l_arm", "r_arm"),
    "prone_forearm_extension": ("l_arm", "r_arm"),
    # Palms on the low back: what says leaning back, not stooping forward.
    "standing_extension": ("l_arm", "r_arm"),
    # The hand on the belly is what makes plain hook-lying a breathing drill.
    "core_breathing": ("r_arm",),
}

# Groups a physiotherapist shown the images without names could not tell
# apart (issue 18); every member has an accent and the accented parts of
# their still images differ (tests/core/test_figure_accents.py).
NEAR_DUPLICATES: Final[tuple[tuple[str, ...], ...]] = (
    ("hip_rotator_energy_stretch", "floor_piriformis_stretch"),
    ("nerve_glide_knee", "supine_hamstring_stretch"),
    ("strap_nerve_stretch", "strap_leg_raise"),
    ("seated_hip_stretch", "floor_piriformis_stretch", "seated_piriformis_stretch"),
    # Seen in the review after the groups were fixed.
    ("standing_side_bend", "side_stretch_dangle"),
    ("prone_press_up", "prone_forearm_extension"),
)
