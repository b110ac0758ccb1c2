"""Which sound and which spoken line belong to each session event.

Pure and Qt-free: the Qt layer (``stretchguide.qt.audio``) only plays what
this module decides. It reads no files: what the exercise clips say is
passed in as ``recorded`` (see :func:`recorded_clips`), built by the caller
from the built-in catalog, because that is what they were recorded from.
Three parts:

* :class:`Sound` -- the nine cue sounds (``resources/sounds/<value>.wav``).
* :class:`Line` -- a spoken line as text for a speech engine *and* as a
  sequence of recorded clip names for when no engine works. The clips are
  whole fixed phrases, number words, exercise names and each built-in
  exercise's first instruction, all recorded by ``tools/gen_voice.py``. A
  clip is only used where it says the line's own words; text nothing was
  recorded for is left out of the clips rather than replaced.
* :func:`cue_for` -- the mapping from an engine :class:`~stretchguide.core.
  session.Event` to a :class:`Cue` (sound, line, or both), and
  :class:`LineQueue` -- the policy that keeps speech from talking over
  itself and drops lines that would come too late to mean anything.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from stretchguide.core.catalog import Exercise, Side
from stretchguide.core.session import Event, EventKind
from stretchguide.core.timeline import StepKind


class Sound(StrEnum):
    GET_READY = "get_ready"
    HOLD_START = "hold_start"
    TICK = "tick"  # each of the last three seconds
    RELEASE = "release"
    SWITCH_SIDE = "switch_side"
    REP_BEAT = "rep_beat"
    REST = "rest"
    NEXT_EXERCISE = "next_exercise"
    SESSION_COMPLETE = "session_complete"

    @property
    def resource(self) -> str:
        return f"sounds/{self.value}.wav"


# Fixed phrases: clip key -> words. Kept short and calm; each is recorded as
# one clip so the fallback voice sounds like sentences, not a word salad.
PHRASES: dict[str, str] = {
    "get_ready": "Get ready.",
    "hold_for": "Hold for",
    "seconds": "seconds.",
    "second": "second.",
    "minutes": "minutes.",
    "minute": "minute.",
    "seconds_left": "seconds left.",
    "halfway": "Halfway.",
    "breaths": "breaths.",
    "breathe_in_out": "Breathe in, and out.",
    "hold": "Hold.",
    "release": "Release.",
    "relax": "Relax.",
    "of": "of",
    "switch_to_your": "Switch to your",
    "start_with_your": "Start with your",
    "switch_sides": "Switch sides.",
    "left_leg": "left leg.",
    "right_leg": "right leg.",
    "left_side": "left side.",
    "right_side": "right side.",
    "rest": "Rest",
    # Never "Next:" alone: "next" is a voice command, and a clip of the app
    # saying it would be one too (fed to the recognizer it was heard as one).
    "next": "Up next:",
    "session_complete": "Session complete. Well done.",
    "session_stopped": "Session stopped.",
    # Not "Paused." alone: next to the command "pause" the model then took a
    # spoken "pause" for the app's own "paused" (two voices of six).
    "paused": "Session paused.",
    "resuming": "Resuming.",
    # The spoken answer to "ease off" (the this-hurts question's first choice).
    "eased_off": "Holds are shorter from here on.",
}

_ONES = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_TENS = {
    20: "twenty",
    30: "thirty",
    40: "forty",
    50: "fifty",
    60: "sixty",
    70: "seventy",
    80: "eighty",
    90: "ninety",
}

# Every number clip recorded: 0-19, the tens, and "hundred". Any number up
# to 999 is spoken by joining these, which keeps the clip folder small.
NUMBER_CLIPS: dict[str, str] = {
    **{f"num_{n}": w for n, w in enumerate(_ONES)},
    **{f"num_{n}": w for n, w in _TENS.items()},
    "num_100": "hundred",
}


def number_clip_keys(n: int) -> tuple[str, ...]:
    """Clip keys that say ``n`` (0-999) out loud: 47 -> num_40, num_7."""
    if not 0 <= n <= 999:
        raise ValueError(f"no clips to say {n}")
    if n < 20:
        return (f"num_{n}",)
    if n < 100:
        tens, ones = divmod(n, 10)
        return (f"num_{tens * 10}",) + ((f"num_{ones}",) if ones else ())
    hundreds, rest = divmod(n, 100)
    return (f"num_{hundreds}", "num_100") + (number_clip_keys(rest) if rest else ())


def exercise_clip_key(exercise_id: str) -> str:
    return f"ex_{exercise_id}"


def intro_clip_key(exercise_id: str) -> str:
    return f"intro_{exercise_id}"


def say_clip_key(exercise_id: str) -> str:
    return f"say_{exercise_id}"


def _sentence(text: str) -> str:
    # The intro's one way of ending an instruction, shared with the recording
    # of it so the two cannot drift apart by a full stop.
    return text.rstrip(".") + "."


def all_fixed_clips() -> dict[str, str]:
    """Every clip that does not depend on the catalog: key -> text to record."""
    return {**PHRASES, **NUMBER_CLIPS}


def exercise_clips(exercise: Exercise) -> dict[str, str]:
    """The clips recorded for one exercise: key -> text to record.

    Its name, its first instruction (what the intro says after the name when
    the session starts the exercise with a get-ready step) and its short
    spoken caution.
    """
    clips = {exercise_clip_key(exercise.id): exercise.name + "."}
    if exercise.steps:
        clips[intro_clip_key(exercise.id)] = _sentence(exercise.steps[0])
    if exercise.say:
        clips[say_clip_key(exercise.id)] = exercise.say
    return clips


def recorded_clips(builtin: Iterable[Exercise]) -> dict[str, str]:
    """Every exercise clip recorded from these exercises: key -> the words it says.

    Pass the built-in catalog's exercises: the clips are recorded from it, so
    only it says what they say (an exercise of a person's own under the same
    id may word things differently).
    """
    clips: dict[str, str] = {}
    for exercise in builtin:
        clips.update(exercise_clips(exercise))
    return clips


def _recorded_exercise_clips(exercise_id: str, recorded: Mapping[str, str]) -> dict[str, str]:
    keys = (exercise_clip_key(exercise_id), intro_clip_key(exercise_id), say_clip_key(exercise_id))
    return {key: recorded[key] for key in keys if key in recorded}


@dataclass(frozen=True)
class Line:
    """Something to say: ``text`` for a speech engine, ``clips`` for recordings.

    ``max_delay_s`` is how late the line may start and still be useful ("3"
    said two seconds late is worse than silence); ``urgent`` lines drop
    everything still waiting in the queue when they arrive.
    """

    text: str
    clips: tuple[str, ...]
    max_delay_s: float = 2.0
    urgent: bool = False


@dataclass(frozen=True)
class Cue:
    """What one moment sounds like: a beep, a line, both (beep first), or nothing.

    ``flush`` asks the player to forget queued speech and stop the current
    line (the person skipped or stopped: what was queued is about the past).
    """

    sound: Sound | None = None
    line: Line | None = None
    flush: bool = False


def say_duration(seconds: float) -> tuple[str, tuple[str, ...]]:
    """'30 seconds' / '2 minutes' as text and clip keys (whole minutes only)."""
    s = max(0, round(seconds))
    if s >= 60 and s % 60 == 0:
        m = s // 60
        return f"{m} minute{'s' if m != 1 else ''}", (
            *number_clip_keys(m),
            "minutes" if m != 1 else "minute",
        )
    return f"{s} second{'s' if s != 1 else ''}", (
        *number_clip_keys(s),
        "seconds" if s != 1 else "second",
    )


@dataclass(order=True)
class _Queued:
    due: float
    seq: int
    line: Line = field(compare=False)
    requested: float = field(compare=False, default=0.0)


class LineQueue:
    """Decides which queued line to speak next, on an injected clock.

    Speech never overlaps: :meth:`next_line` hands out a line only when the
    speaker says it is idle. A line may carry a ``not_before`` time (so a
    cue beep finishes before the voice starts) and is dropped once it is
    older than its ``max_delay_s``. An urgent line (release, hold start,
    switch side...) clears everything still waiting, since older advice is
    now wrong.
    """

    def __init__(self) -> None:
        self._items: deque[_Queued] = deque()
        self._seq = 0
        self.dropped: list[Line] = []  # for tests and the status line

    def __len__(self) -> int:
        return len(self._items)

    def push(self, line: Line, now: float, not_before: float | None = None) -> None:
        if line.urgent:
            self.dropped.extend(q.line for q in self._items)
            self._items.clear()
        self._seq += 1
        due = max(now, not_before if not_before is not None else now)
        self._items.append(_Queued(due, self._seq, line, now))

    def clear(self) -> None:
        self._items.clear()

    def next_due(self) -> float | None:
        """When the head of the queue may start (None if empty)."""
        return self._items[0].due if self._items else None

    def next_line(self, now: float) -> Line | None:
        """The line to start now, if any is due and still fresh."""
        while self._items:
            head = self._items[0]
            if head.due > now:
                return None
            self._items.popleft()
            if now - head.requested > head.line.max_delay_s + (head.due - head.requested):
                self.dropped.append(head.line)
                continue
            return head.line
        return None


def clips_needed(exercise_ids: Iterable[str], recorded: Mapping[str, str]) -> set[str]:
    """Every clip key a session over these exercises might ask for.

    ``recorded``: the exercise clips there are (:func:`recorded_clips`).
    """
    keys = set(all_fixed_clips())
    for exercise_id in exercise_ids:
        keys.add(exercise_clip_key(exercise_id))
        keys.update(_recorded_exercise_clips(exercise_id, recorded))
    return keys


# When one moment carries several events, one beep is enough: the most
# telling one wins. A boundary into a rest plays the rest (or next-exercise)
# sound rather than "release": the voice still says "Release".
_SOUND_PRIORITY: tuple[Sound, ...] = (
    Sound.SESSION_COMPLETE,
    Sound.SWITCH_SIDE,
    Sound.HOLD_START,
    Sound.NEXT_EXERCISE,
    Sound.REST,
    Sound.RELEASE,
    Sound.GET_READY,
    Sound.REP_BEAT,
    Sound.TICK,
)


def side_word(exercise: Exercise | None) -> str:
    """'leg' or 'side': what "switch to your left ..." should end with.

    Unknown exercises get "side", which is never wrong.
    """
    return exercise.side_noun if exercise is not None else "side"


def _side_line(
    lead_key: str, side: Side, exercise: Exercise | None, max_delay_s: float, urgent: bool
) -> Line:
    word = side_word(exercise)
    lead = PHRASES[lead_key]
    return Line(
        f"{lead} {side.value} {word}.", (lead_key, f"{side.value}_{word}"), max_delay_s, urgent
    )


def event_cue(
    event: Event,
    exercises: Mapping[str, Exercise] | None = None,
    recorded: Mapping[str, str] | None = None,
) -> Cue:
    """The sound and line for one event on its own.

    ``recorded``: the exercise clips there are (:func:`recorded_clips`); an
    intro uses a clip of the instruction or caution only where one says the
    very words. Without it, the exercise's name clip is the only one used.
    """
    ex = (exercises or {}).get(event.exercise_id)
    k = event.kind
    if k is EventKind.EXERCISE_INTRO:
        text = event.exercise_name + "."
        clips: tuple[str, ...] = (exercise_clip_key(event.exercise_id),)
        if event.text:
            said = _sentence(event.text)
            text += " " + said
            # Only the first instruction is recorded; an intro that opens on
            # another step (no get-ready step) keeps to the name.
            key = intro_clip_key(event.exercise_id)
            if (recorded or {}).get(key) == said:
                clips += (key,)
        if event.stage:
            # The exercise's caution in a few words, while the person gets
            # into position: "Pain-free. Ease off at tingling."
            text += " " + event.stage
            key = say_clip_key(event.exercise_id)
            # A clip only where every word before it was recorded too.
            if (recorded or {}).get(key) == event.stage and len(clips) == 1 + bool(event.text):
                clips += (key,)
        return Cue(Sound.NEXT_EXERCISE, Line(text, clips, max_delay_s=4.0))
    if k is EventKind.PREPARE:
        if event.side is not None:
            side = _side_line("start_with_your", event.side, ex, 3.0, False)
            return Cue(
                Sound.GET_READY,
                Line(f"{PHRASES['get_ready']} {side.text}", ("get_ready", *side.clips), 3.0),
            )
        return Cue(Sound.GET_READY, Line(PHRASES["get_ready"], ("get_ready",), 3.0))
    if k is EventKind.HOLD_START and event.reps and event.step_kind is StepKind.HOLD:
        n = event.reps
        text = f"Hold for {n} breaths."
        line = Line(text, ("hold_for", *number_clip_keys(n), "breaths"), 4.0, urgent=True)
        return Cue(Sound.HOLD_START, line)
    if k is EventKind.BREATH:
        # Said at the start of each breath; dropped rather than said late.
        return Cue(None, Line(PHRASES["breathe_in_out"], ("breathe_in_out",), 1.0))
    if k is EventKind.HOLD_START:
        dur_text, dur_clips = say_duration(event.seconds)
        text = f"Hold for {dur_text}."
        lead: tuple[str, ...] = ("hold_for",)
        if event.stage:
            # A stage may be a movement ("Raise and lower"), so no "hold".
            text = f"{event.stage.capitalize()}, for {dur_text}."
            lead = ()
        # The intro (name and first instruction) can outlast a 5 s get-ready,
        # and a line that waits past its delay is dropped. "Hold for 30
        # seconds" a few seconds late still tells the person what to do, so a
        # long hold lets it wait up to a quarter of its length (2-6 s).
        late_ok = min(6.0, max(2.0, event.seconds / 4))
        return Cue(Sound.HOLD_START, Line(text, (*lead, *dur_clips), late_ok, urgent=True))
    if k is EventKind.HALFWAY:
        return Cue(None, Line(PHRASES["halfway"], ("halfway",), 2.0))
    if k is EventKind.TEN_LEFT:
        n = round(event.seconds) or 10
        return Cue(None, Line(f"{n} seconds left.", (*number_clip_keys(n), "seconds_left"), 1.5))
    if k is EventKind.COUNTDOWN:
        n = max(1, round(event.seconds))
        return Cue(Sound.TICK, Line(str(n), number_clip_keys(n), 0.5))
    if k is EventKind.RELEASE:
        return Cue(Sound.RELEASE, Line(PHRASES["release"], ("release",), 1.5, urgent=True))
    if k is EventKind.REPS_START:
        return Cue(Sound.HOLD_START)
    if k is EventKind.REP:
        line = Line(
            f"{event.rep} of {event.reps}.",
            (*number_clip_keys(event.rep), "of", *number_clip_keys(event.reps)),
            0.8,
        )
        return Cue(Sound.REP_BEAT, line)
    if k is EventKind.REP_HOLD:
        return Cue(None, Line(PHRASES["hold"], ("hold",), 0.8))
    if k is EventKind.SWITCH_SIDE:
        if event.side is None:
            line = Line(PHRASES["switch_sides"], ("switch_sides",), 3.0, urgent=True)
            return Cue(Sound.SWITCH_SIDE, line)
        return Cue(Sound.SWITCH_SIDE, _side_line("switch_to_your", event.side, ex, 3.0, True))
    if k is EventKind.REST:
        dur_text, dur_clips = say_duration(event.seconds)
        return Cue(Sound.REST, Line(f"Rest {dur_text}.", ("rest", *dur_clips), 3.0))
    if k is EventKind.NEXT_UP:
        if not event.next_name:
            return Cue(Sound.NEXT_EXERCISE)
        clip = _clip_for_name(event.next_name, exercises)
        return Cue(Sound.NEXT_EXERCISE, Line(f"Up next: {event.next_name}.", ("next", *clip), 4.0))
    if k is EventKind.SESSION_COMPLETE:
        return Cue(
            Sound.SESSION_COMPLETE,
            Line(PHRASES["session_complete"], ("session_complete",), 6.0, urgent=True),
        )
    if k in (EventKind.PAUSED, EventKind.STALLED):
        return Cue(None, Line(PHRASES["paused"], ("paused",), 2.0, urgent=True), flush=True)
    if k is EventKind.RESUMED:
        return Cue(Sound.GET_READY, Line(PHRASES["resuming"], ("resuming",), 2.0, urgent=True))
    if k is EventKind.CONTINUE:
        work = event.step_kind in (StepKind.HOLD, StepKind.REPS)
        return Cue(Sound.HOLD_START if work else None)
    if k is EventKind.SKIPPED:
        return Cue(flush=True)
    if k is EventKind.STOPPED:
        return Cue(
            None, Line(PHRASES["session_stopped"], ("session_stopped",), 2.0, True), flush=True
        )
    return Cue()  # SESSION_START: the intro that comes with it speaks


def _clip_for_name(name: str, exercises: Mapping[str, Exercise] | None) -> tuple[str, ...]:
    for ex in (exercises or {}).values():
        if ex.name == name:
            return (exercise_clip_key(ex.id),)
    return ()


def merge(cues: Sequence[Cue]) -> Cue:
    """One cue for one moment: the most telling sound, the lines run together."""
    sounds = {c.sound for c in cues if c.sound is not None}
    sound = next((s for s in _SOUND_PRIORITY if s in sounds), None)
    lines = [c.line for c in cues if c.line is not None]
    line: Line | None = None
    if lines:
        line = Line(
            " ".join(x.text for x in lines),
            tuple(clip for x in lines for clip in x.clips),
            max(x.max_delay_s for x in lines),
            any(x.urgent for x in lines),
        )
    return Cue(sound, line, any(c.flush for c in cues))


def cues_for(
    events: Iterable[Event],
    exercises: Mapping[str, Exercise] | None = None,
    recorded: Mapping[str, str] | None = None,
) -> list[Cue]:
    """Group events that share a deadline and give one merged cue per group."""
    groups: list[list[Event]] = []
    for ev in events:
        if groups and groups[-1][0].at == ev.at:
            groups[-1].append(ev)
        else:
            groups.append([ev])
    return [merge([event_cue(ev, exercises, recorded) for ev in group]) for group in groups]
