"""A routine laid out in time: an ordered list of steps with fixed durations.

Over 500 lines on purpose: one builder; its step types and timing rules belong together.

The timeline is computed once, before the session starts, so everything a
screen or a test wants to know about the plan (total length, where each
exercise begins, how long each side is worked) is plain arithmetic on a
tuple. The session engine (``core/session.py``) only walks it.

Shape of one exercise (``Sides.EACH``, two sets, both sides)::

    PREPARE(intro, left)  HOLD(left, set 1)  REST  HOLD(left, set 2)
    SWITCH(to right)      HOLD(right, set 1) REST  HOLD(right, set 2)
    REST(between exercises, next up: ...)

The switch step is the get-ready for the second side, so a side change costs
``switch_s`` and not ``switch_s + prepare_s``. A repeated movement is a single
``REPS`` step whose repetition boundaries are multiples of ``rep_period_s``
from the step's start; the session turns them into events on deadlines.
Steps of zero length are never emitted.

How ``Dose.sides`` combines with :class:`SideMode`:

* ``NONE`` -- no side; the dose once, whatever the mode.
* ``EACH`` -- BOTH: left then right. AFFECTED_FIRST: affected then the other.
  AFFECTED_ONLY: the affected side alone. EXTRA_AFFECTED: left then right,
  the affected side with one set more.
* ``ALTERNATING`` (repetitions) -- one step whose repetitions alternate
  (an odd count is rounded up so both sides get the same number),
  starting left (BOTH, EXTRA_AFFECTED) or on the affected side
  (AFFECTED_FIRST); EXTRA_AFFECTED adds one set on the affected side alone;
  AFFECTED_ONLY does every repetition on the affected side. An alternating
  dose with a single static hold is treated like ``EACH``.
* ``AFFECTED`` -- the affected side only, unless
  ``SessionOptions.affected_dose_both_sides`` is set, in which case it is
  treated like ``EACH``.

The painful side is never guessed: when ``SessionOptions.affected_side`` is
None (the person said "both legs" or "not sure", or has not said), every
``AFFECTED`` dose runs on both sides and every mode lays sides out as
``BOTH`` does -- a mode that favours "the affected side" has nothing to favour.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from stretchguide.core.catalog import Dose, Exercise, Routine, Side, Sides, StepPhase
from stretchguide.core.i18n import N_, _, current_language, name_side_translated, pgettext


class StepKind(StrEnum):
    PREPARE = "prepare"  # get into position (the first one of an exercise is its intro)
    HOLD = "hold"  # one static hold (or one named stage of it)
    REPS = "reps"  # a block of repetitions with a tempo
    SWITCH = "switch"  # change to the other side
    REST = "rest"  # between sets or between exercises


class SideMode(StrEnum):
    BOTH = "both"  # equal work on both sides
    AFFECTED_ONLY = "affected_only"
    AFFECTED_FIRST = "affected_first"
    EXTRA_AFFECTED = "extra_affected"  # both sides, one set more on the affected one


# What the person said about the painful leg (the preference's values).
# "" is "not asked yet": the app asks before a session needs it.
SIDE_SETTINGS: tuple[str, ...] = ("", "left", "right", "both", "unsure")


def side_options(setting: str, side_mode: str = "both") -> tuple[SideMode, Side | None]:
    """The side mode and painful side for a side setting.

    Only a named leg picks a side; anything else ("both legs", "not sure", not
    asked yet, an unknown value) is ``(BOTH, None)``: both legs get the work.
    """
    if setting in ("left", "right"):
        try:
            mode = SideMode(side_mode)
        except ValueError:
            mode = SideMode.BOTH
        return mode, Side(setting)
    return SideMode.BOTH, None


@dataclass(frozen=True)
class SessionOptions:
    """How a person wants the routine laid out; all durations in seconds."""

    side_mode: SideMode = SideMode.BOTH
    # None: both sides hurt, or the person is not sure. Never defaults to a leg.
    affected_side: Side | None = None
    # AFFECTED doses are for the painful side; this opts in to both.
    affected_dose_both_sides: bool = False
    prepare_s: float = 5.0
    switch_s: float = 5.0
    rest_between_exercises_s: float = 15.0
    # Used when a multi-set dose gives no rest: straight back into the next
    # hold is unkind to an irritated nerve.
    default_set_rest_s: float = 5.0
    # When a repeated movement has no tempo in its dose.
    default_rep_s: float = 3.0
    # "Ease off": scales every hold (static and per repetition); results are
    # rounded to whole seconds, never below one.
    hold_scale: float = 1.0
    # The very first get-ready, long enough to get down onto the mat; 0 means
    # the same as ``prepare_s``. The app sets it from the preferences.
    first_prepare_s: float = 0.0
    # An exercise's get-ready lasts at least as long as its spoken intro
    # (name, first instruction, "Get ready", the side) plus the 3-2-1 count,
    # so the count never talks over the intro and the side is never said
    # after the hold began. Off here so a plan's arithmetic stays plain; the
    # app turns it on.
    fit_intro: bool = False
    # One slow breath of a breath-paced hold (in about 2 s, out about 3 s):
    # StretchGuide's pace; article 001 counts breaths, not seconds.
    breath_s: float = 5.0

    def __post_init__(self) -> None:
        for name in (
            "prepare_s",
            "switch_s",
            "rest_between_exercises_s",
            "default_set_rest_s",
            "first_prepare_s",
        ):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")
        if self.default_rep_s <= 0:
            raise ValueError("default_rep_s must be positive")
        if self.hold_scale <= 0:
            raise ValueError("hold_scale must be positive")
        if self.breath_s <= 0:
            raise ValueError("breath_s must be positive")


@dataclass(frozen=True)
class Step:
    """One stretch of time in the plan. ``duration_s`` is always > 0."""

    kind: StepKind
    duration_s: float
    exercise_index: int  # position of the exercise in the routine
    exercise_id: str
    exercise_name: str
    side: Side | None = None  # for alternating reps: the side of repetition 1
    set_no: int = 1  # 1-based; for REST between sets, the set just finished
    sets: int = 1  # sets on this side
    reps: int = 0  # REPS only
    rep_s: float = 0.0  # REPS only: movement time per repetition
    hold_s: float = 0.0  # HOLD: the hold; REPS: the hold at the end of each repetition
    alternating: bool = False  # REPS only: repetitions alternate sides
    stage: str = ""  # named stage of a hold ("arch", "hollow")
    instruction: str = ""  # what to show in big letters during this step
    intro: bool = False  # PREPARE only: the first step of its exercise
    next_name: str = ""  # REST/SWITCH: what comes next (next up)
    # Shown for the whole exercise: the routine's note and the exercise's
    # cautions, so the warning is on screen while the person is moving.
    note: str = ""
    cautions: tuple[str, ...] = ()
    say: str = ""  # the cautions in a few spoken words (the intro says them)
    spoken: str = ""  # PREPARE intro: the one instruction the voice says
    side_noun: str = "side"  # "leg" or "side": the screen says "RIGHT LEG"
    breaths: int = 0  # HOLD: a breath-paced hold of this many breaths
    # PREPARE only: the session's first get-ready, with the time to get down
    # onto the mat in it. Going back never gives that time again
    # (Session.back); ``ready_s`` is the exercise's own get-ready in it.
    get_down: bool = False
    ready_s: float = 0.0
    # False: no 3-2-1 at the end. A rest into a get-ready fitted to its intro
    # has none: the count means "the work starts", and the get-ready has its own.
    countdown: bool = True

    @property
    def breath_s(self) -> float:
        """Length of one breath of a breath-paced hold; 0 otherwise."""
        return self.duration_s / self.breaths if self.breaths else 0.0

    def breath_at(self, offset: float) -> int:
        """The 1-based breath running at ``offset`` seconds (0 if not paced)."""
        if not self.breaths:
            return 0
        return max(1, min(self.breaths, int(offset // self.breath_s) + 1))

    @property
    def caution_text(self) -> str:
        """The note and cautions as one line of text ('' when there are none)."""
        return " ".join(t for t in (self.note, *self.cautions) if t)

    @property
    def rep_period_s(self) -> float:
        """Length of one repetition (movement plus hold); 0 for non-REPS steps."""
        return self.rep_s + self.hold_s if self.kind is StepKind.REPS else 0.0

    def rep_offsets(self) -> tuple[float, ...]:
        """Start of each repetition, in seconds from the step's start."""
        if self.kind is not StepKind.REPS:
            return ()
        period = self.rep_period_s
        return tuple(i * period for i in range(self.reps))

    def rep_side(self, rep: int) -> Side | None:
        """The side worked in repetition ``rep`` (1-based)."""
        if self.side is None or not self.alternating:
            return self.side
        return self.side if rep % 2 == 1 else self.side.other

    def rep_at(self, offset: float) -> int:
        """The 1-based repetition running at ``offset`` seconds into the step."""
        if self.kind is not StepKind.REPS or self.reps == 0:
            return 0
        n = int(offset // self.rep_period_s) + 1
        return max(1, min(self.reps, n))

    @property
    def is_work(self) -> bool:
        return self.kind in (StepKind.HOLD, StepKind.REPS)


@dataclass(frozen=True)
class Timeline:
    """The whole plan; ``starts[i]`` is where step ``i`` begins."""

    steps: tuple[Step, ...]
    routine_id: str = ""
    routine_name: str = ""
    starts: tuple[float, ...] = field(init=False)
    total_s: float = field(init=False)

    def __post_init__(self) -> None:
        starts: list[float] = []
        t = 0.0
        for step in self.steps:
            if step.duration_s <= 0:
                raise ValueError(f"step of {step.exercise_id} has no duration")
            starts.append(t)
            t += step.duration_s
        object.__setattr__(self, "starts", tuple(starts))
        object.__setattr__(self, "total_s", t)

    def __len__(self) -> int:
        return len(self.steps)

    def end_of(self, index: int) -> float:
        return self.starts[index] + self.steps[index].duration_s

    def step_index_at(self, offset: float) -> int:
        """The step running ``offset`` seconds into the session (clamped)."""
        if not self.steps:
            return 0
        i = bisect.bisect_right(self.starts, offset) - 1
        return max(0, min(len(self.steps) - 1, i))

    @property
    def exercise_count(self) -> int:
        return self.steps[-1].exercise_index + 1 if self.steps else 0

    def has_hold_from(self, index: int) -> bool:
        """Whether a hold is still to come at or after step ``index`` (what
        "ease off" shortens)."""
        return any(step.kind is StepKind.HOLD for step in self.steps[index:])

    def exercise_starts(self) -> tuple[int, ...]:
        """Index of the first step of each exercise, in routine order."""
        firsts: list[int] = []
        seen = -1
        for i, step in enumerate(self.steps):
            if step.exercise_index != seen:
                firsts.append(i)
                seen = step.exercise_index
        return tuple(firsts)

    def exercise_range(self, exercise_index: int) -> range:
        """Step indices belonging to one exercise (its trailing rest included)."""
        idx = [i for i, s in enumerate(self.steps) if s.exercise_index == exercise_index]
        return range(idx[0], idx[-1] + 1) if idx else range(0)

    def work_s(self, exercise_index: int | None = None, side: Side | None = None) -> float:
        """Seconds of holds and repetitions on ``side`` (None: sideless work).

        Alternating repetitions are split per repetition, so a 10-rep
        alternating block counts five repetitions to each side.
        """
        total = 0.0
        for step in self.steps:
            if not step.is_work:
                continue
            if exercise_index is not None and step.exercise_index != exercise_index:
                continue
            if step.kind is StepKind.REPS and step.alternating:
                n = sum(1 for r in range(1, step.reps + 1) if step.rep_side(r) == side)
                total += n * step.rep_period_s
            elif step.side == side:
                total += step.duration_s
        return total

    def next_exercise_name(self, index: int) -> str:
        """Name of the first exercise after the one step ``index`` belongs to."""
        if not self.steps:
            return ""
        current = self.steps[index].exercise_index
        for step in self.steps[index + 1 :]:
            if step.exercise_index != current:
                return step.exercise_name
        return ""


# Calm speech runs at about two and a half words a second (150 per minute);
# slower is fine, so the estimate errs long.
SPEECH_WORDS_PER_S = 2.5
_COUNTDOWN_S = 3.0  # the 3-2-1 at the end of every get-ready
_INTRO_GAP_S = 1.0  # a breath between the intro and the count
# A rest's words wait for its sound (next_exercise.wav 0.40 s, rest.wav 0.58 s)
# and the player's gap after it.
_CUE_SOUND_S = 0.7


def intro_speech_s(exercise: Exercise, side: Side | None) -> float:
    """Seconds the spoken intro of ``exercise`` needs (name, first line, side)."""
    first_line = exercise.steps[0] if exercise.steps else ""
    # The intro says the short caution too (cues.event_cue): count it, or the
    # count-down would talk over "Not on the nerve."
    caution = f" {exercise.say}" if exercise.say else ""
    words = f"{exercise.name}. {first_line}{caution} Get ready."
    if side is not None:
        words += f" Start with your {side.value} leg."
    return len(words.split()) / SPEECH_WORDS_PER_S


def intro_prepare_s(
    exercise: Exercise, side: Side | None, options: SessionOptions, first: bool
) -> float:
    """The get-ready length before ``exercise``: the setting, the first
    lead-in, and never shorter than its intro plus the count."""
    base = max(options.prepare_s, options.first_prepare_s) if first else options.prepare_s
    if base <= 0:
        return 0.0
    if options.fit_intro:
        base = max(base, math.ceil(intro_speech_s(exercise, side) + _INTRO_GAP_S + _COUNTDOWN_S))
    return float(base)


# The recorded voice, the slower of the two, says about 11 characters a
# second in each language, clips joined (every rest line measured: 0.064-0.090 s
# a character in en, de, es, fr). By words it runs slower than the intro's
# estimate assumes (1.5-2 words a second): a rest cut down to its words must
# not count on that estimate.
_SPOKEN_S_PER_CHAR = 0.09


def rest_speech_s(next_name: str) -> float:
    """Seconds the words at the start of a rest between exercises need, in
    the language spoken: "Release. Rest 15 seconds. Up next: <name>."."""
    words = " ".join(
        (
            pgettext("spoken.release", "Release."),
            pgettext("spoken.rest", "Rest"),
            "15",
            pgettext("spoken.seconds", "seconds."),
            pgettext("spoken.next", "Up next:"),
            f"{next_name}.",
        )
    )
    return len(words) * _SPOKEN_S_PER_CHAR


def gives_to_intro(following: Step, options: SessionOptions) -> bool:
    """Whether the rest before ``following`` leads into a get-ready fitted to
    its spoken intro (the app's plan): that rest has no count at its end, and
    gives the get-ready the seconds it took for speech."""
    return options.fit_intro and following.kind is StepKind.PREPARE and following.intro


def rest_before_intro_s(rest_s: float, intro: Step, options: SessionOptions) -> float:
    """The rest between exercises before ``intro``, the next exercise's get-ready.

    A get-ready lengthened to fit its spoken intro took seconds the person
    spent waiting after the rest as well (15 s rest + 13 s get-ready: 28 s
    lying still). The rest gives those seconds back, down to what its own
    words need, so the wait between two exercises is the rest plus the
    get-ready the person set, and the intro is still said whole, with its
    exercise on the screen. It never makes a rest longer.
    """
    taken = intro.duration_s - options.prepare_s
    if not gives_to_intro(intro, options) or taken <= 0:
        return rest_s
    floor = math.ceil(_CUE_SOUND_S + rest_speech_s(intro.exercise_name) + _INTRO_GAP_S)
    return min(rest_s, max(float(floor), rest_s - taken))


def _scaled_hold(hold_s: float, scale: float) -> float:
    if hold_s <= 0 or scale == 1.0:
        return float(max(0.0, hold_s))
    return float(max(1, round(hold_s * scale)))


def _stage_instruction(exercise: Exercise, stage: str) -> str:
    for line in exercise.steps:
        if stage.lower() in line.lower():
            return line
    return stage.capitalize()


def _work_instruction(exercise: Exercise) -> str:
    # The last "work" step describes the held position or the movement
    # itself; set-up and finish steps are wrong while holding.
    work = exercise.lines(StepPhase.WORK)
    return work[-1] if work else exercise.name


def name_side(text: str, side: Side | None) -> str:
    """Put the side being worked into an instruction that says "painful".

    Steps are written for the painful leg ("Lift your painful leg"); on the
    screen the person needs the leg itself ("Lift your right leg"), and on an
    ``EACH`` dose the leg being worked may not be the painful one.
    """
    if side is None:
        return text
    other = side.other.value
    for word in ("leg", "side", "foot", "hip", "knee"):
        text = text.replace(f"the other {word}", f"your {other} {word}")
        text = text.replace(f"the painful {word}", f"your {side.value} {word}")
        text = text.replace(f"painful {word}", f"{side.value} {word}")
        text = text.replace(f"Painful {word}", f"{side.value.capitalize()} {word}")
    # A translated step names the leg with the phrases its language lists.
    return name_side_translated(text, side, current_language())


@dataclass(frozen=True)
class _SidePlan:
    side: Side | None
    sets: int
    alternating: bool = False


def _side_plans(dose: Dose, options: SessionOptions) -> list[_SidePlan]:
    sides = dose.sides
    sets = max(1, dose.sets)
    if sides is Sides.NONE:
        return [_SidePlan(None, sets)]
    if options.affected_side is None:
        # Unknown or both: a dose meant for "the painful leg" is done on each
        # leg, and no side gets extra or lone work.
        if sides is Sides.ALTERNATING and dose.reps > 1:
            return [_SidePlan(Side.LEFT, sets, alternating=True)]
        return [_SidePlan(Side.LEFT, sets), _SidePlan(Side.RIGHT, sets)]
    affected = options.affected_side
    mode = options.side_mode
    if sides is Sides.AFFECTED and not options.affected_dose_both_sides:
        return [_SidePlan(affected, sets)]
    if sides is Sides.ALTERNATING and dose.reps > 1:
        if mode is SideMode.AFFECTED_ONLY:
            return [_SidePlan(affected, sets)]
        if mode is SideMode.AFFECTED_FIRST:
            return [_SidePlan(affected, sets, alternating=True)]
        plans = [_SidePlan(Side.LEFT, sets, alternating=True)]
        if mode is SideMode.EXTRA_AFFECTED:
            plans.append(_SidePlan(affected, 1))
        return plans
    # EACH, a one-hold ALTERNATING dose, or an AFFECTED dose opted in to both.
    if mode is SideMode.AFFECTED_ONLY:
        return [_SidePlan(affected, sets)]
    if mode is SideMode.AFFECTED_FIRST:
        return [_SidePlan(affected, sets), _SidePlan(affected.other, sets)]
    extra = 1 if mode is SideMode.EXTRA_AFFECTED else 0
    return [
        _SidePlan(side, sets + (extra if side is affected else 0))
        for side in (Side.LEFT, Side.RIGHT)
    ]


# Whole sentences, so a language can make "your" and "left" agree with the noun.
_NOW_YOUR = {
    (Side.LEFT, "leg"): N_("Now your left leg."),
    (Side.RIGHT, "leg"): N_("Now your right leg."),
    (Side.LEFT, "side"): N_("Now your left side."),
    (Side.RIGHT, "side"): N_("Now your right side."),
}


def _switch_instruction(switch_lines: str, side: Side | None, noun: str) -> str:
    if side is None:
        to = _("Switch sides.")
    elif (side, noun) in _NOW_YOUR:
        to = _(_NOW_YOUR[(side, noun)])
    else:
        to = f"Now your {side.value} {noun}."
    return f"{switch_lines} {to}" if switch_lines else to


def _exercise_steps(
    index: int,
    exercise: Exercise,
    dose: Dose,
    options: SessionOptions,
    first: bool = False,
    note: str = "",
) -> list[Step]:
    # Every step of the exercise starts from this one; replace() fills in the rest.
    base = Step(
        StepKind.PREPARE,
        1.0,
        index,
        exercise.id,
        exercise.name,
        note=note,
        cautions=exercise.cautions,
        say=exercise.say,
        side_noun=exercise.side_noun,
    )
    hold = _scaled_hold(dose.hold_s, options.hold_scale)
    breaths = 0
    if dose.breaths and dose.reps <= 1:
        # Easing off takes breaths away, never below one.
        breaths = (
            dose.breaths
            if options.hold_scale == 1.0
            else max(1, round(dose.breaths * options.hold_scale))
        )
        hold = breaths * options.breath_s
    reps = max(1, dose.reps)
    if reps % 2 and any(plan.alternating for plan in _side_plans(dose, options)):
        # An odd alternating count would leave one side a repetition short.
        reps += 1
    rep_s = float(dose.rep_s)
    if reps > 1 and rep_s <= 0 and hold <= 0:
        rep_s = options.default_rep_s
    set_rest = float(dose.rest_s) if dose.rest_s > 0 else options.default_set_rest_s
    # Getting ready shows every set-up step: a lean's direction, a crossed
    # leg, is part of getting into position.
    first_line = " ".join(exercise.lines(StepPhase.SETUP)) or exercise.steps[0]
    switch_lines = " ".join(exercise.lines(StepPhase.SWITCH))
    finish = " ".join(exercise.lines(StepPhase.FINISH))

    out: list[Step] = []
    for p, plan in enumerate(_side_plans(dose, options)):
        # The routine's note names the leg too ("Painful leg on top."): on an
        # EACH dose the other leg is crossed or on top in its turn, and with
        # the painful leg unknown both legs are worked.
        # The name as well ("Side stretch, painful leg hanging"): with the
        # painful leg unknown each leg hangs in turn, under a name that said
        # the painful one did.
        named = name_side(exercise.name, plan.side)
        side_base = replace(base, note=name_side(note, plan.side), exercise_name=named)
        if p == 0:
            prepare_s = intro_prepare_s(exercise, plan.side, options, first)
            # The session's first get-ready is also the time to get down onto
            # the mat: keep how much of it is the exercise's own get-ready.
            get_down = first and options.first_prepare_s > options.prepare_s
            own = intro_prepare_s(exercise, plan.side, options, False)
            ready_s = min(prepare_s, max(own, _COUNTDOWN_S + _INTRO_GAP_S)) if get_down else 0.0
            if prepare_s > 0:
                out.append(
                    replace(
                        side_base,
                        kind=StepKind.PREPARE,
                        duration_s=prepare_s,
                        side=plan.side,
                        sets=plan.sets,
                        instruction=name_side(first_line, plan.side),
                        # Word for word as recorded; the get-ready line that
                        # follows names the leg.
                        spoken=exercise.steps[0],
                        intro=True,
                        get_down=get_down,
                        ready_s=ready_s,
                    )
                )
        elif options.switch_s > 0:
            out.append(
                replace(
                    side_base,
                    kind=StepKind.SWITCH,
                    duration_s=options.switch_s,
                    side=plan.side,
                    sets=plan.sets,
                    instruction=_switch_instruction(switch_lines, plan.side, exercise.side_noun),
                    next_name=named,
                )
            )
        for set_no in range(1, plan.sets + 1):
            if set_no > 1 and set_rest > 0:
                out.append(
                    replace(
                        side_base,
                        kind=StepKind.REST,
                        duration_s=set_rest,
                        side=plan.side,
                        set_no=set_no - 1,
                        sets=plan.sets,
                        instruction=name_side(finish, plan.side) or _("Relax"),
                        next_name=named,
                    )
                )
            work = replace(side_base, side=plan.side, set_no=set_no, sets=plan.sets)
            if reps > 1:
                out.append(
                    replace(
                        work,
                        kind=StepKind.REPS,
                        duration_s=reps * (rep_s + hold),
                        reps=reps,
                        rep_s=rep_s,
                        hold_s=hold,
                        alternating=plan.alternating,
                        instruction=name_side(
                            _work_instruction(exercise), None if plan.alternating else plan.side
                        ),
                    )
                )
            elif hold > 0:
                for stage in dose.stages or ("",):
                    out.append(
                        replace(
                            work,
                            kind=StepKind.HOLD,
                            duration_s=hold,
                            hold_s=hold,
                            breaths=breaths,
                            stage=stage,
                            instruction=name_side(
                                _stage_instruction(exercise, stage)
                                if stage
                                else _work_instruction(exercise),
                                plan.side,
                            ),
                        )
                    )
    return out


def build_timeline(
    routine: Routine,
    exercises: Mapping[str, Exercise],
    options: SessionOptions | None = None,
) -> Timeline:
    """Lay ``routine`` out as steps; unknown exercise ids raise ``KeyError``."""
    options = options or SessionOptions()
    per_exercise: list[list[Step]] = []
    for index, item in enumerate(routine.items):
        try:
            exercise = exercises[item.exercise_id]
        except KeyError:
            raise KeyError(
                f"routine {routine.id!r} uses unknown exercise {item.exercise_id!r}"
            ) from None
        first = not any(per_exercise)
        per_exercise.append(_exercise_steps(index, exercise, item.dose, options, first, item.note))

    steps: list[Step] = []
    finishes = [
        " ".join(exercises[item.exercise_id].lines(StepPhase.FINISH)) for item in routine.items
    ]
    for i, block in enumerate(per_exercise):
        if not block:
            continue
        steps.extend(block)
        following = next((b for b in per_exercise[i + 1 :] if b), None)
        if following is not None and options.rest_between_exercises_s > 0:
            last = block[-1]
            steps.append(
                Step(
                    StepKind.REST,
                    rest_before_intro_s(options.rest_between_exercises_s, following[0], options),
                    exercise_index=last.exercise_index,
                    exercise_id=last.exercise_id,
                    exercise_name=last.exercise_name,
                    side=None,
                    set_no=last.set_no,
                    sets=last.sets,
                    # Coming out of the position is the first thing to do.
                    instruction=name_side(finishes[i], last.side) or _("Rest"),
                    next_name=following[0].exercise_name,
                    countdown=not gives_to_intro(following[0], options),
                )
            )
    return Timeline(tuple(steps), routine_id=routine.id, routine_name=routine.name)
