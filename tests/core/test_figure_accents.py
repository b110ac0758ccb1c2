"""The limb that tells look-alike exercises apart is drawn in the accent inks.

Issue 18: shown the still images without names, a physiotherapist could not
tell some groups apart. Each member of such a group draws its
distinguishing limb in gold with a dark outline, in the still image
(thumbnail, sheet, PDF) and in the animated figure view, and the accented
parts of the group's still images cover different places.
"""

from __future__ import annotations

import itertools
import math

import pytest

from stretchguide.core import figures as pl
from stretchguide.core.catalog import Side
from stretchguide.core.figures import Ink
from stretchguide.core.figures.accents import ACCENTS, NEAR_DUPLICATES
from stretchguide.core.figures.body import RADIUS
from stretchguide.core.figures.drawing import LIMBS, PALETTE, Drawing

ACCENT_FILLS = {Ink.ACCENT, Ink.ACCENT_FAR}
GRID = 64


def _accented(d: Drawing) -> list[pl.Shape]:
    return [s for s in d.shapes if s.kind == "chain" and s.fill in ACCENT_FILLS]


def _accented_limbs(d: Drawing) -> int:
    """How many limbs the accented chains draw: a crossed leg is drawn as a
    thigh and a shin (sorted apart, see ``drawing.figure_shapes``), one limb."""
    chains = _accented(d)
    thighs = [s for s in chains if len(s.points) == 2 and s.widths == (RADIUS["thigh"] * 2,)]
    return len(chains) - len(thighs)


def _mask(exercise_id: str) -> set[tuple[int, int]]:
    """Grid cells of the still image covered by an accented limb.

    The drawing is scaled into a square of GRID cells the way the SVG and
    Qt painters fit it (uniform scale, centred), so two images compare
    cell for cell as a person sees them side by side.
    """
    d, (x0, y0, x1, y1) = pl.key_drawing(exercise_id)
    k = GRID / max(x1 - x0, y1 - y0)
    ox = (GRID - (x1 - x0) * k) / 2 - x0 * k
    oy = (GRID - (y1 - y0) * k) / 2 - y0 * k
    cells: set[tuple[int, int]] = set()
    for s in _accented(d):
        for (ua, va), (ub, vb), w in zip(s.points, s.points[1:], s.widths, strict=False):
            ax, ay, bx, by = ua * k + ox, va * k + oy, ub * k + ox, vb * k + oy
            r = w * k / 2
            for i in range(int(min(ax, bx) - r), int(max(ax, bx) + r) + 1):
                for j in range(int(min(ay, by) - r), int(max(ay, by) + r) + 1):
                    cx, cy = i + 0.5, j + 0.5
                    dx, dy = bx - ax, by - ay
                    n2 = dx * dx + dy * dy
                    t = (
                        0.0
                        if n2 == 0
                        else max(0.0, min(1.0, ((cx - ax) * dx + (cy - ay) * dy) / n2))
                    )
                    if math.hypot(cx - ax - t * dx, cy - ay - t * dy) <= r:
                        cells.add((i, j))
    return cells


def test_accents_name_real_limbs_of_real_figures() -> None:
    for ex, limbs in ACCENTS.items():
        assert pl.has_figure(ex), ex
        assert limbs, ex
        for limb in limbs:
            side, _, part = limb.partition("_")
            assert side in ("l", "r") and part in LIMBS, (ex, limb)


@pytest.mark.parametrize("exercise_id", sorted({e for g in NEAR_DUPLICATES for e in g}))
def test_every_near_duplicate_draws_its_distinguishing_limb_accented(exercise_id: str) -> None:
    fig = pl.figure(exercise_id)
    assert fig.accent, "a near-duplicate needs a highlighted limb"
    # The still image (thumbnails, sheet, PDF) ...
    still, _ = pl.key_drawing(exercise_id)
    chains = _accented(still)
    # leg + foot + arm chains: one accented limb per named limb
    assert _accented_limbs(still) == len(fig.accent)
    assert all(s.stroke is Ink.ACCENT_OUTLINE for s in chains)
    # ... and the animated figure view, on both sides, in every phase.
    for side in (Side.RIGHT, Side.LEFT):
        anim = pl.Animator(exercise_id, side)
        for phase in ("prepare", "hold", "reps", "rest"):
            anim.set_phase(phase, duration=30.0, rep_s=3.0, side=side)
            assert _accented_limbs(anim.drawing(1.0)) == len(fig.accent), (side, phase)


def test_the_left_side_accents_the_mirrored_limb() -> None:
    fig = pl.figure("seated_hip_stretch")
    assert set(fig.accent_for(Side.RIGHT)) == {"r_leg", "r_foot", "l_arm"}
    assert set(fig.accent_for(Side.LEFT)) == {"l_leg", "l_foot", "r_arm"}


def test_unaccented_figures_draw_no_accent() -> None:
    for ex in pl.figure_ids():
        if ex not in ACCENTS:
            assert not _accented(pl.key_drawing(ex)[0]), ex


@pytest.mark.parametrize(
    ("a", "b"),
    sorted({tuple(sorted(p)) for g in NEAR_DUPLICATES for p in itertools.combinations(g, 2)}),
)
def test_near_duplicates_differ_where_they_are_highlighted(a: str, b: str) -> None:
    ma, mb = _mask(a), _mask(b)
    assert ma and mb
    overlap = len(ma & mb) / len(ma | mb)
    # Two images whose gold parts mostly overlap would still look alike.
    assert overlap < 0.5, f"{a} / {b}: accented regions overlap {overlap:.0%}"


def _luma(colour: str) -> float:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.299 * r + 0.587 * g + 0.114 * b


def test_the_accent_reads_in_light_dark_and_black_and_white() -> None:
    # Black-and-white print keeps only lightness: the accent must be a
    # clearly different grey from the body, near and far.
    assert _luma(PALETTE[Ink.ACCENT]) - _luma(PALETTE[Ink.BODY]) > 50
    assert _luma(PALETTE[Ink.ACCENT_FAR]) - _luma(PALETTE[Ink.BODY_FAR]) > 40
    # Its outline holds the shape on white and the fill stands off near-black.
    assert _luma(PALETTE[Ink.ACCENT_OUTLINE]) < 80
    assert _luma(PALETTE[Ink.ACCENT]) > 150
    # Not the glow's colour: the glow says where it is felt, the accent which limb.
    assert PALETTE[Ink.ACCENT] not in (PALETTE[Ink.GLOW], PALETTE[Ink.BAND])
