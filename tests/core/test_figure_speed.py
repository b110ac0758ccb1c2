"""Searches answered from the table of solved searches give the same figures.

``fitting.SOLVED`` holds the angles that slow coordinate-descent searches
found (the pigeon's contacts, the seated hip stretch's crossing foot), so a
figure builds without repeating them. This re-runs every such search and
holds the table to its answers, and the drawings to being the same bit for
bit. When an authored pose changes, the failure prints the new entries.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence

import pytest

from stretchguide.core import figures as pl
from stretchguide.core.figures import fitting, floor, library, positions
from stretchguide.core.figures.body import Pose
from stretchguide.core.figures.kinematics import Skeleton


def _clear() -> None:
    for cached in (library.figure, library._bounds_for, positions.hook_lying, floor._pigeon):
        cached.cache_clear()


def _drawings() -> dict[str, object]:
    _clear()
    return {ex: pl.key_drawing(ex) for ex in pl.figure_ids()}


def test_solved_searches_are_what_the_search_finds_and_draw_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cached = _drawings()
    found: dict[str, tuple[float, ...]] = {}
    asked: list[str] = []
    real_fit = fitting.fit

    class Unsolved(dict[str, tuple[float, ...]]):
        def get(self, name: str, default: object = None) -> None:  # type: ignore[override]
            asked.append(name)
            return None

    def recording_fit(
        pose: Pose,
        dofs: Sequence[str],
        cost: Callable[[Skeleton], float],
        steps: Sequence[float] = (8.0, 4.0, 2.0, 1.0, 0.5, 0.25),
        bounds: Mapping[str, tuple[float, float]] | None = None,
    ) -> Pose:
        out = real_fit(pose, dofs, cost, steps, bounds)
        if asked and asked[-1] not in found:
            found[asked[-1]] = tuple(out[d] for d in dofs)
        return out

    monkeypatch.setattr(fitting, "SOLVED", Unsolved())
    monkeypatch.setattr(fitting, "fit", recording_fit)
    searched = _drawings()
    monkeypatch.undo()
    _clear()
    table = "\n".join(f"    {k!r}: {v!r}," for k, v in sorted(found.items()))
    assert found == fitting.SOLVED, f"update fitting.SOLVED to:\n{table}"
    for ex in pl.figure_ids():
        assert cached[ex] == searched[ex], ex


def test_no_figure_repeats_a_solved_search_when_built() -> None:
    # The pigeon (hip rotator, floor piriformis), the seated hip stretch and
    # the figure four (lying, pulled in, on a chair) cost 450-850 kinematics
    # evaluations each when searched; from the table they cost none.
    _clear()
    searched = []
    real_fit = fitting.fit

    def counting(*args: object, **kwargs: object) -> Pose:
        if sys._getframe(1).f_code.co_name == "fit_solved":
            searched.append(args[1])
        return real_fit(*args, **kwargs)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(fitting, "fit", counting)
        for ex in pl.figure_ids():
            pl.Animator(ex).bounds()
    assert not searched, searched
    assert len(fitting.SOLVED) >= 5
    _clear()
