"""Two defects a new user's walk-through found, on a fake clock.

1. "Back" (the Left arrow, the spoken "back" / "repeat") during the first
   exercise sent the person through the whole get-down onto the mat again.
   ``Session.back`` now repeats the step under way (the step before it in the
   step's first seconds, or from a rest), and never returns to the get-down
   once it is over.
2. A rest followed by a get-ready lengthened to fit its spoken intro made
   the person wait 25-32 s between two exercises. The rest now gives the
   get-ready the seconds it took for speech, as far as the rest's own words
   and count allow, so the wait is the rest plus the get-ready the person set.
"""

from __future__ import annotations

import math
import wave
from dataclasses import replace
from pathlib import Path

import pytest
from tests.support import FakeClock

from stretchguide.core.catalog import load_builtin
from stretchguide.core.cues import Sound, cues_for, recorded_clips
from stretchguide.core.session import BACK_GRACE_S, Event, EventKind, Session, build_cues
from stretchguide.core.timeline import (
    SPEECH_WORDS_PER_S,
    SessionOptions,
    StepKind,
    Timeline,
    build_timeline,
    intro_prepare_s,
)

T0 = 1000.0
CATALOG = load_builtin()


def app_options(**changes: float) -> SessionOptions:
    """The options the app builds from the default preferences
    (qt/session_rules.session_options with qt/preferences.Defaults)."""
    options = SessionOptions(
        prepare_s=5, first_prepare_s=15, fit_intro=True, switch_s=5, rest_between_exercises_s=15
    )
    return replace(options, **changes)  # type: ignore[arg-type]


def timeline(routine_id: str, **changes: float) -> Timeline:
    return build_timeline(CATALOG.routines[routine_id], CATALOG.exercises, app_options(**changes))


def own_get_ready(tl: Timeline, index: int, options: SessionOptions) -> float:
    """The get-ready the exercise of step ``index`` has when it is not the first."""
    step = tl.steps[index]
    return intro_prepare_s(CATALOG.exercises[step.exercise_id], step.side, options, first=False)


def run_to(s: Session, now: float, start: float) -> None:
    """Tick every half second (as the app's timer would) up to ``now``."""
    t = start
    while t < now:
        t = min(now, t + 0.5)
        s.tick(t)


def into_step(tl: Timeline, index: int, seconds: float, **kw: float) -> tuple[Session, float]:
    """A running session ``seconds`` into step ``index``; returns it and the time."""
    s = Session(tl, FakeClock(T0), **kw)
    s.start(T0)
    now = T0 + tl.starts[index] + seconds
    run_to(s, now, T0)
    assert s.step_index(now) == index
    return s, now


# -- 1. back during the first exercise --------------------------------------------

# The piriformis routine's first exercise has all of it: a get-ready, four
# sets a side with rests between them, and a side switch.
PIRIFORMIS = "article_003_piriformis"


def first_exercise(tl: Timeline) -> dict[str, int]:
    """Step indexes of the first exercise's parts."""
    kinds = [s.kind for s in tl.steps]
    return {
        "get_down": 0,
        "hold_1": 1,
        "set_rest": kinds.index(StepKind.REST),
        "hold_2": kinds.index(StepKind.REST) + 1,
        "switch": kinds.index(StepKind.SWITCH),
    }


def test_the_first_get_ready_knows_its_get_down_and_its_own_length() -> None:
    tl = timeline(PIRIFORMIS, first_prepare_s=40)
    first = tl.steps[0]
    assert first.get_down and first.duration_s == 40
    assert first.ready_s == own_get_ready(tl, 0, app_options()) == 13
    assert not any(s.get_down for s in tl.steps[1:])
    # Easing off rebuilds the plan with no lead-in: nothing to get down for.
    assert not timeline(PIRIFORMIS, first_prepare_s=0).steps[0].get_down


def test_back_in_the_get_down_says_the_intro_again_without_adding_its_time() -> None:
    tl = timeline(PIRIFORMIS, first_prepare_s=40)
    s, now = into_step(tl, 0, 10)
    events = s.back(now)
    kinds = [e.kind for e in events]
    assert EventKind.EXERCISE_INTRO in kinds and EventKind.PREPARE in kinds
    assert s.snapshot(now).step_index == 0
    assert s.snapshot(now).remaining_s == pytest.approx(30)  # not 40 again

    # Past the get-down part, it gives the exercise's own get-ready, no more.
    s, now = into_step(tl, 0, 35)
    s.back(now)
    assert s.snapshot(now).step_index == 0
    assert s.snapshot(now).remaining_s == pytest.approx(13)


@pytest.mark.parametrize("into", [0.5, 1.0, BACK_GRACE_S + 1, 20.0])
def test_back_in_the_first_hold_repeats_the_hold_never_the_get_down(into: float) -> None:
    tl = timeline(PIRIFORMIS, first_prepare_s=40)
    s, now = into_step(tl, first_exercise(tl)["hold_1"], into)
    events = s.back(now)
    snap = s.snapshot(now)
    assert snap.step_index == 1
    assert snap.remaining_s == pytest.approx(tl.steps[1].duration_s)
    assert [e.kind for e in events if e.kind is EventKind.HOLD_START]
    assert not [e for e in events if e.kind is EventKind.EXERCISE_INTRO]


@pytest.mark.parametrize("into", [0.5, 4.0])
def test_back_in_a_rest_between_sets_repeats_the_set_just_done(into: float) -> None:
    tl = timeline(PIRIFORMIS, first_prepare_s=40)
    parts = first_exercise(tl)
    s, now = into_step(tl, parts["set_rest"], into)
    s.back(now)
    assert s.snapshot(now).step_index == parts["set_rest"] - 1
    assert s.snapshot(now).remaining_s == pytest.approx(30)


def test_back_in_the_second_set_repeats_it_or_in_its_first_seconds_the_rest() -> None:
    tl = timeline(PIRIFORMIS, first_prepare_s=40)
    parts = first_exercise(tl)
    s, now = into_step(tl, parts["hold_2"], 10)
    s.back(now)
    assert s.snapshot(now).step_index == parts["hold_2"]
    s, now = into_step(tl, parts["hold_2"], 1)
    s.back(now)
    assert s.snapshot(now).step_index == parts["set_rest"]


def test_back_in_a_side_switch_repeats_it_or_in_its_first_seconds_the_last_hold() -> None:
    tl = timeline(PIRIFORMIS, first_prepare_s=40)
    switch = first_exercise(tl)["switch"]
    s, now = into_step(tl, switch, 4)
    events = s.back(now)
    assert s.snapshot(now).step_index == switch
    assert [e for e in events if e.kind is EventKind.SWITCH_SIDE]
    s, now = into_step(tl, switch, 1)
    s.back(now)
    assert s.snapshot(now).step_index == switch - 1
    assert tl.steps[switch - 1].kind is StepKind.HOLD


def test_back_pressed_twice_quickly_goes_one_step_further_each_time() -> None:
    tl = timeline(PIRIFORMIS, first_prepare_s=40)
    parts = first_exercise(tl)
    s, now = into_step(tl, parts["hold_2"], 10)
    s.back(now)  # the second set again
    s.back(now + 1)  # within its first seconds: the rest before it
    assert s.snapshot(now + 1).step_index == parts["set_rest"]
    s.back(now + 2)  # a rest: the set before it
    assert s.snapshot(now + 2).step_index == parts["hold_1"]
    s.back(now + 3)  # the first hold's first seconds: never the get-down
    assert s.snapshot(now + 3).step_index == parts["hold_1"]


def test_back_while_paused_moves_and_stays_paused() -> None:
    tl = timeline(PIRIFORMIS, first_prepare_s=40)
    parts = first_exercise(tl)
    s, now = into_step(tl, parts["hold_2"], 10)
    s.pause(now)
    s.back(now + 5)
    snap = s.snapshot(now + 5)
    assert snap.paused and snap.step_index == parts["hold_2"]
    assert snap.remaining_s == pytest.approx(30)
    s.back(now + 6)
    assert s.snapshot(now + 6).step_index == parts["set_rest"]


def test_with_the_default_lead_in_back_in_the_first_hold_still_stays_on_the_mat() -> None:
    # The default 15 s is no longer than this exercise's own get-ready: the
    # first step is the get-down and the intro at once.
    tl = timeline("article_001_seven_best")
    assert tl.steps[0].get_down and tl.steps[0].duration_s == tl.steps[0].ready_s == 15
    s, now = into_step(tl, 1, 1)
    s.back(now)
    assert s.snapshot(now).step_index == 1


def test_a_later_exercise_goes_back_to_its_own_get_ready_in_the_first_seconds() -> None:
    tl = timeline(PIRIFORMIS, first_prepare_s=40)
    second = tl.exercise_starts()[1]
    assert tl.steps[second].kind is StepKind.PREPARE
    s, now = into_step(tl, second + 1, 1)
    events = s.back(now)
    assert s.snapshot(now).step_index == second
    assert s.snapshot(now).remaining_s == pytest.approx(tl.steps[second].duration_s)
    assert [e for e in events if e.kind is EventKind.EXERCISE_INTRO]
    s, now = into_step(tl, second + 1, 10)
    s.back(now)
    assert s.snapshot(now).step_index == second + 1


def test_without_a_get_down_the_first_get_ready_is_a_step_like_any_other() -> None:
    tl = timeline(PIRIFORMIS, first_prepare_s=0)
    s, now = into_step(tl, 1, 1)
    s.back(now)
    assert s.snapshot(now).step_index == 0
    assert s.snapshot(now).remaining_s == pytest.approx(tl.steps[0].duration_s)


@pytest.mark.parametrize("routine_id", sorted(CATALOG.routines))
def test_back_never_returns_to_the_get_down_once_it_is_over(routine_id: str) -> None:
    tl = timeline(routine_id, first_prepare_s=40)
    get_down_ends = tl.steps[0].duration_s
    s = Session(tl, FakeClock(T0))
    s.start(T0)
    now = T0
    for k in range(1, len(tl.steps)):
        for into in (0.5, BACK_GRACE_S - 0.5, BACK_GRACE_S + 0.5):
            if into >= tl.steps[k].duration_s:
                continue
            s.jump_to(k, now)
            run_to(s, now + into, now)
            now += into
            s.back(now)
            assert s.position(now) >= get_down_ends, (k, into)
            now += 1


# -- 2. a rest before a get-ready lengthened for its intro ---------------------------

DEFAULTS = app_options()
SETTING_S = DEFAULTS.rest_between_exercises_s + DEFAULTS.prepare_s  # 20 s


def _reps_step(tl: Timeline) -> int:
    return next(
        i for i, st in enumerate(tl.steps) if st.kind is StepKind.REPS and st.reps >= 5 and i > 0
    )


WITH_SETS = sorted(
    rid
    for rid in CATALOG.routines
    if any(st.kind is StepKind.REPS and st.reps >= 5 for st in timeline(rid).steps[1:])
)


@pytest.mark.parametrize("routine_id", WITH_SETS)
def test_back_in_a_set_repeats_the_repetition_under_way_not_the_set(routine_id: str) -> None:
    """A walk-through pressed Left at "move 4 of 10": the set began again at
    1, and three repetitions done were lost (up to ~50 s late in a set)."""
    tl = timeline(routine_id)
    k = _reps_step(tl)
    step = tl.steps[k]
    starts = step.rep_offsets()
    # Well into the fourth repetition: the fourth again.
    s, now = into_step(tl, k, starts[3] + max(0.75 * step.rep_period_s, step.rep_period_s - 0.1))
    events = s.back(now)
    snap = s.snapshot(now)
    assert s.step_index(now) == k and snap.rep == 4
    assert snap.remaining_s == pytest.approx(step.duration_s - starts[3], abs=1e-6)
    # Only the fourth's own cue is said: not the three done before it.
    reps_said = [e.rep for e in events if e.kind is EventKind.REP]
    assert reps_said == [4]


def test_back_in_a_repetitions_first_seconds_repeats_the_one_before() -> None:
    tl = timeline("article_002_eight_simple")
    k = _reps_step(tl)
    starts = tl.steps[k].rep_offsets()
    s, now = into_step(tl, k, starts[3] + min(0.5, tl.steps[k].rep_period_s / 4))
    s.back(now)
    assert s.step_index(now) == k and s.snapshot(now).rep == 3


def waits(tl: Timeline) -> list[tuple[str, float, float]]:
    """(next exercise, rest, get-ready) for each rest between exercises."""
    out = []
    for i, step in enumerate(tl.steps[:-1]):
        nxt = tl.steps[i + 1]
        if step.kind is StepKind.REST and nxt.exercise_index != step.exercise_index:
            out.append((nxt.exercise_id, step.duration_s, nxt.duration_s))
    return out


def test_the_bridge_after_a_rest_comes_after_20_seconds_not_28() -> None:
    tl = timeline("article_001_seven_best")
    (rest, ready) = next((r, g) for ex, r, g in waits(tl) if ex == "bridge")
    assert ready == 13  # the intro is as long as it was
    assert rest + ready == SETTING_S  # was 15 + 13 = 28


@pytest.mark.parametrize("routine_id", sorted(CATALOG.routines))
def test_a_rest_gives_its_spare_time_to_the_intro_after_it(routine_id: str) -> None:
    tl = timeline(routine_id)
    found = waits(tl)
    assert found
    for exercise_id, rest, ready in found:
        # Nothing of what the person set is lost, and no rest grows.
        assert rest + ready >= SETTING_S, exercise_id
        assert rest <= DEFAULTS.rest_between_exercises_s
        # The wait is the setting, unless the rest is down to its own words
        # ("Release. Rest 8 seconds. Up next: ...", at most 10 s).
        assert rest + ready == SETTING_S or rest <= 10, exercise_id


# The speech model the plan's fit assumes: 2.5 words a second, each line
# after its cue's sound (measured from the sound files the app plays).
SOUNDS = Path(__file__).resolve().parents[2] / "resources" / "sounds"


def sound_s(sound: Sound) -> float:
    with wave.open(str(SOUNDS / f"{sound.value}.wav")) as w:
        return w.getnframes() / w.getframerate() + 0.06  # audio.BEEP_TO_VOICE_GAP_S


Said = list[tuple[float, float, str]]


def spoken(tl: Timeline) -> tuple[Said, list[tuple[float, str]], list[tuple[float, str]]]:
    """Walk the plan with the app's cue policy: every line said (start, end,
    text), every cue sound (at, sound) and every line asked for (at, text)."""
    from stretchguide.core.cues import LineQueue

    recorded = recorded_clips(CATALOG.exercises.values())
    events = [replace(c.event, at=c.offset) for c in build_cues(tl)]
    groups: dict[float, list[Event]] = {}
    for ev in events:
        groups.setdefault(ev.at, []).append(ev)
    moments = sorted(groups)
    queue = LineQueue()
    said: Said = []
    sounds: list[tuple[float, str]] = []
    asked: list[tuple[float, str]] = []
    busy_until = 0.0
    for i, t in enumerate(moments):
        for cue in cues_for(groups[t], CATALOG.exercises, recorded):
            if cue.sound is not None:
                sounds.append((t, cue.sound.value))
            if cue.line is not None:
                after = t + sound_s(cue.sound) if cue.sound is not None else None
                queue.push(cue.line, t, after)
                asked.append((t, cue.line.text))
        horizon = moments[i + 1] if i + 1 < len(moments) else t + 60
        now = max(t, busy_until)
        while now < horizon:
            line = queue.next_line(now)
            if line is None:
                due = queue.next_due()
                if due is None or due >= horizon:
                    break
                now = max(now, due)
                continue
            length = len(line.text.split()) / SPEECH_WORDS_PER_S
            said.append((now, now + length, line.text))
            now += length
            busy_until = now
    return said, sounds, asked


@pytest.mark.parametrize("routine_id", sorted(CATALOG.routines))
def test_between_exercises_every_line_is_said_whole_and_no_sound_talks_over_it(
    routine_id: str,
) -> None:
    tl = timeline(routine_id)
    said, sounds, asked = spoken(tl)
    for i, step in enumerate(tl.steps[:-1]):
        nxt = tl.steps[i + 1]
        if not (step.kind is StepKind.REST and nxt.exercise_index != step.exercise_index):
            continue
        # From the release that starts the rest to the next exercise's work.
        begin, work = tl.starts[i], tl.end_of(i + 1)
        window = [s for s in said if begin <= s[0] < work]
        said_texts = [text for _, _, text in window]
        for at, text in asked:
            if begin <= at < work:
                assert text in said_texts, f"{text!r} was never said"
        joined = " ".join(said_texts)
        assert f"Up next: {step.next_name}." in joined
        assert nxt.exercise_name in joined and "Get ready." in joined
        for start, end, text in window:
            assert end <= work, f"{text!r} is still being said when the work starts"
            beeps = [at for at, _ in sounds if start < at < end]
            assert not beeps, f"a cue sound at {beeps} talks over {text!r}"


def test_the_plan_stays_on_its_deadlines_with_late_and_irregular_ticks() -> None:
    tl = timeline("article_001_seven_best")
    s = Session(tl, FakeClock(T0))
    fired = s.start(T0)
    now, n = T0, 0
    while not s.done:
        n += 1
        now += 0.05 + (n % 7) * 0.21  # late, uneven ticks
        fired += s.tick(now)
    starts = {
        c.event.step_index: c.offset
        for c in build_cues(tl)
        if c.event.kind
        in (EventKind.HOLD_START, EventKind.REPS_START, EventKind.REST, EventKind.PREPARE)
    }
    for ev in fired:
        if ev.step_index in starts and ev.kind in (EventKind.HOLD_START, EventKind.REST):
            assert math.isclose(ev.at, T0 + starts[ev.step_index], abs_tol=1e-9)
    assert math.isclose(fired[-1].at, T0 + tl.total_s, abs_tol=1e-9)
