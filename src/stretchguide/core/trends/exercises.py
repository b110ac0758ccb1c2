"""Which exercises came before a change in pain, and sorting them by concern."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from stretchguide.core.trends.records import (
    DONE_STATUSES,
    WORK_STEP_KINDS,
    CheckIn,
    ExerciseResponse,
    HurtEvent,
    Response,
    SessionRecord,
    StepRecord,
)
from stretchguide.core.trends.series import compare

# --------------------------------------------------------------------------- exercises


@dataclass(frozen=True)
class ExerciseLink:
    """What the history says about one exercise.

    ``better``/``same``/``worse``: how often sessions in which it was worked
    came before a better, an unchanged or a worse next check-in. That is
    shared by every exercise worked in a session, so it shows association,
    not cause.

    ``felt_*`` and ``hurts`` are about this exercise alone: the person's own
    better/same/worse answers after sessions, and their "this hurts" presses
    during it.
    """

    exercise_id: str
    better: int
    same: int
    worse: int
    felt_better: int = 0
    felt_same: int = 0
    felt_worse: int = 0
    hurts: int = 0

    @property
    def total(self) -> int:
        return self.better + self.same + self.worse

    @property
    def answers(self) -> int:
        return self.felt_better + self.felt_same + self.felt_worse

    @property
    def concern(self) -> int:
        """Worse answers plus "this hurts" presses."""
        return self.felt_worse + self.hurts

    @property
    def lean(self) -> Response | None:
        """WORSE when worse answers and hurt presses together outnumber
        better answers, BETTER when better answers outnumber them, None when
        they balance (or the person never said).

        Only the person's own word about this exercise counts here: the
        next-check-in counts are shared by the whole routine.
        """
        if self.concern > self.felt_better:
            return Response.WORSE
        if self.felt_better > self.concern:
            return Response.BETTER
        return None


def worked_exercises(steps: Iterable[StepRecord]) -> dict[int, frozenset[str]]:
    """Per session id, the exercises actually worked in it: at least one hold
    or reps step recorded and not skipped. A step cut short counts (it was
    done, only not in full); an exercise skipped in full, or never reached
    because the session ended, does not."""
    worked: dict[int, set[str]] = {}
    for st in steps:
        if st.kind in WORK_STEP_KINDS and not st.skipped:
            worked.setdefault(st.session_id, set()).add(st.exercise_id)
    return {sid: frozenset(exs) for sid, exs in worked.items()}


def exercises_before_change(
    sessions: Iterable[SessionRecord],
    checkins: Sequence[CheckIn],
    *,
    steps: Iterable[StepRecord] | Mapping[int, Iterable[str]],
    min_change: int = 1,
    responses: Iterable[ExerciseResponse] = (),
    hurts: Iterable[HurtEvent] = (),
) -> list[ExerciseLink]:
    """For each done session, compare the last check-in at or before its start
    with the first check-in after its end (see :func:`compare`), and credit
    the result to every exercise worked in the session (see
    :func:`worked_exercises`; ``steps`` is the sessions' step records, or
    that mapping already made). Exercises of the routine that were skipped
    or never reached get nothing from it. Every per-exercise answer and every
    "this hurts" press counts too, whatever became of its session.

    Sorted with the exercises most often followed by "better" first; read the
    list from the end for those most often followed by "worse"
    (:func:`by_concern` orders by the person's own answers instead). The
    next-check-in counts show association only, not cause.
    """
    worked = steps if isinstance(steps, Mapping) else worked_exercises(steps)
    ordered = sorted(checkins, key=lambda c: (c.at, c.id))
    times = [c.at for c in ordered]
    outcomes: list[tuple[Sequence[str], Response, int]] = []
    for s in sessions:
        if s.status not in DONE_STATUSES:
            continue
        i = bisect.bisect_right(times, s.started_at) - 1
        j = bisect.bisect_right(times, s.finished_at)
        if i < 0 or j >= len(ordered):
            continue
        exercise_ids = sorted(worked.get(s.id, ()))
        if exercise_ids:
            outcomes.append((exercise_ids, compare(ordered[i], ordered[j], min_change), 1))
    return exercise_links(
        outcomes,
        responses=((r.exercise_id, r.response, 1) for r in responses),
        hurts=((h.exercise_id, 1) for h in hurts),
    )


_RESPONSE_SLOT = {Response.BETTER: 0, Response.SAME: 1, Response.WORSE: 2}


def exercise_links(
    outcomes: Iterable[tuple[Sequence[str], Response, int]],
    *,
    responses: Iterable[tuple[str, Response, int]] = (),
    hurts: Iterable[tuple[str, int]] = (),
) -> list[ExerciseLink]:
    """Credit each (exercises of a session, result, how many sessions) to every
    exercise; add (exercise, answer, how many) answers and (exercise, how
    many) hurt presses; sort as :func:`exercises_before_change` describes."""
    counts: dict[str, list[int]] = {}
    for exercise_ids, result, n in outcomes:
        slot = _RESPONSE_SLOT[result]
        for ex in exercise_ids:
            counts.setdefault(ex, [0] * 7)[slot] += n
    for ex, answer, n in responses:
        counts.setdefault(ex, [0] * 7)[3 + _RESPONSE_SLOT[answer]] += n
    for ex, n in hurts:
        counts.setdefault(ex, [0] * 7)[6] += n
    links = [ExerciseLink(ex, *c) for ex, c in counts.items()]
    links.sort(key=lambda link: (-(link.better - link.worse), -link.better, link.exercise_id))
    return links


def by_concern(links: Iterable[ExerciseLink]) -> list[ExerciseLink]:
    """Exercises that seem to hurt first, those that seem to help last.

    The key is worse answers plus hurt presses minus better answers, so every
    exercise whose :attr:`ExerciseLink.lean` is WORSE comes before every one
    that is not; ties go to the one with more worrying reports, then to the
    one more often followed by a worse next check-in, then by id.
    """
    return sorted(
        links,
        key=lambda link: (
            link.felt_better - link.concern,
            -link.concern,
            link.better - link.worse,
            link.exercise_id,
        ),
    )
