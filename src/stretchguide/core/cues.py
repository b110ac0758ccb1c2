"""Which sound and which spoken line belong to each session event.

Over 500 lines on purpose: the phrases, the lines built from them and the
clip keys that say them must change together, in every language.

Pure and Qt-free: the Qt layer (``stretchguide.qt.audio``) only plays what
this module decides. It reads no files: what the exercise clips say is
passed in as ``recorded`` (see :func:`recorded_clips`), built by the caller
from the built-in catalog in the language spoken, because that is what they
were recorded from. Three parts:

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

import functools
import gettext
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from stretchguide.core import spoken_numbers
from stretchguide.core.catalog import Exercise, Side
from stretchguide.core.i18n import (
    SOURCE_LANGUAGE,
    current_language,
    translations,
)
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


def _phrases(tr: gettext.NullTranslations) -> dict[str, str]:
    """Fixed phrases in one language: clip key -> words.

    Kept short and calm; each is recorded as one clip so the fallback voice
    sounds like sentences, not a word salad. Lines are built by joining
    these in English word order (lead, number, noun), so a translation must
    read well joined that way: "Halten Sie" + "dreißig" + "Sekunden.", and
    "Wechseln Sie zu" + "Ihrem linken Bein." (a translation may move "your"
    into the noun's phrase so it can agree: "Ihrer linken Seite"). Each has
    its own context, ``spoken.<clip key>``: it keeps them apart from the same
    English on screen, and an edited English phrase marks just its own
    translation for review.
    """
    return {
        "get_ready": tr.pgettext("spoken.get_ready", "Get ready."),
        "hold_for": tr.pgettext("spoken.hold_for", "Hold for"),
        "seconds": tr.pgettext("spoken.seconds", "seconds."),
        "second": tr.pgettext("spoken.second", "second."),
        "minutes": tr.pgettext("spoken.minutes", "minutes."),
        "minute": tr.pgettext("spoken.minute", "minute."),
        "seconds_left": tr.pgettext("spoken.seconds_left", "seconds left."),
        "halfway": tr.pgettext("spoken.halfway", "Halfway."),
        "breaths": tr.pgettext("spoken.breaths", "breaths."),
        "breathe_in_out": tr.pgettext("spoken.breathe_in_out", "Breathe in, and out."),
        "hold": tr.pgettext("spoken.hold", "Hold."),
        "release": tr.pgettext("spoken.release", "Release."),
        "relax": tr.pgettext("spoken.relax", "Relax."),
        "of": tr.pgettext("spoken.of", "of"),
        "switch_to_your": tr.pgettext("spoken.switch_to_your", "Switch to your"),
        "start_with_your": tr.pgettext("spoken.start_with_your", "Start with your"),
        "switch_sides": tr.pgettext("spoken.switch_sides", "Switch sides."),
        "left_leg": tr.pgettext("spoken.left_leg", "left leg."),
        "right_leg": tr.pgettext("spoken.right_leg", "right leg."),
        "left_side": tr.pgettext("spoken.left_side", "left side."),
        "right_side": tr.pgettext("spoken.right_side", "right side."),
        "rest": tr.pgettext("spoken.rest", "Rest"),
        # Never "Next:" alone: "next" is a voice command, and a clip of the app
        # saying it would be one too (fed to the recognizer it was heard as one).
        "next": tr.pgettext("spoken.next", "Up next:"),
        "session_complete": tr.pgettext("spoken.session_complete", "Session complete. Well done."),
        "session_stopped": tr.pgettext("spoken.session_stopped", "Session stopped."),
        # Not "Paused." alone: next to the command "pause" the model then took a
        # spoken "pause" for the app's own "paused" (two voices of six).
        "paused": tr.pgettext("spoken.paused", "Session paused."),
        "resuming": tr.pgettext("spoken.resuming", "Resuming."),
        # The spoken answer to "ease off" (the this-hurts question's first choice).
        "eased_off": tr.pgettext("spoken.eased_off", "Holds are shorter from here on."),
        # The this-hurts question's message, said after "Session paused." in
        # the words the question shows under it (qt/main_window.py _ask_hurt,
        # qt/session_flow.py hurt_again_note): the first press, a press on an
        # exercise that hurt before in this session, a press after easing off.
        "sharp_pain": tr.pgettext("spoken.sharp_pain", "Sharp or growing pain means stop."),
        "hurt_before": tr.pgettext(
            "spoken.hurt_before",
            "This exercise has hurt before in this session: skip it, or end the session.",
        ),
        "still_hurts": tr.pgettext(
            "spoken.still_hurts",
            "The holds are already shorter: if it still hurts, skip this exercise or end "
            "the session.",
        ),
        # The stop question (qt/session_view.py _ask_stop), said after
        # "Session paused.": asked by voice from the mat, "Session paused."
        # alone never said that an answer was awaited.
        "stop_question": tr.pgettext(
            "spoken.stop_question", "Stop the session? What you have done so far is kept."
        ),
        # A first spoken "go on" at the this-hurts question: the question shows
        # 'Say "go on" again to carry on.'; "it", as the clip says no command.
        "say_again": tr.pgettext("spoken.say_again", "Say it again to carry on."),
    }


def _engine_only(tr: gettext.NullTranslations) -> dict[str, str]:
    """What only a speech engine says: the this-hurts question's answers.

    Not recorded, on purpose: they are the numbered choices on screen and
    the English command words (said in English whatever the language), and
    clips of command words are what the recognizer must never take for the
    person. Without an engine the clips say the question's message; the
    choices stay on screen.
    """
    return {
        "keys_ease": tr.pgettext(
            "spoken.keys_ease",
            "Press one to ease off, two to skip this exercise, three to carry on, four to "
            "end the session.",
        ),
        "keys": tr.pgettext(
            "spoken.keys",
            "Press one to skip this exercise, two to carry on, three to end the session.",
        ),
        "words_ease": tr.pgettext("spoken.words_ease", "Or say ease off, skip, go on, or stop."),
        "words": tr.pgettext("spoken.words", "Or say skip, go on, or stop."),
        "stop_keys": tr.pgettext(
            "spoken.stop_keys", "Press one to end the session, two to carry on."
        ),
        "stop_words": tr.pgettext("spoken.stop_words", "Or say yes or no."),
    }


PHRASES: dict[str, str] = _phrases(gettext.NullTranslations())
"""The English phrases (the source language)."""

# The grammatical gender of the noun after a number, where the number agrees
# with it (Spanish "veintiún segundos", French "vingt et une secondes",
# German "eine Sekunde"). German "m" is the accusative "einen": every German
# count here is a length of time ("einen Atemzug lang").
_NOUN_GENDER: dict[str, dict[str, str]] = {
    "de": {"seconds": "f", "minutes": "f", "breaths": "m", "seconds_left": "f"},
    "es": {"seconds": "m", "minutes": "m", "breaths": "f", "seconds_left": "m"},
    "fr": {"seconds": "f", "minutes": "f", "breaths": "f", "seconds_left": "f"},
}


def _lang(lang: str | None) -> str:
    return current_language() if lang is None else lang


@functools.cache
def phrases(lang: str) -> dict[str, str]:
    """The fixed phrases in ``lang`` (English where a translation is missing)."""
    return _phrases(translations(lang)) if lang != SOURCE_LANGUAGE else dict(PHRASES)


@functools.cache
def engine_only(lang: str) -> dict[str, str]:
    """The lines no clip says, in ``lang`` (see :func:`_engine_only`)."""
    return _engine_only(
        translations(lang) if lang != SOURCE_LANGUAGE else gettext.NullTranslations()
    )


HURT_MESSAGES = ("sharp_pain", "hurt_before", "still_hurts")
# Every question's message said aloud: long sentences, not own lines of the
# voice model (tests/voice/test_commands.py says why).
QUESTION_MESSAGES = (*HURT_MESSAGES, "stop_question", "say_again")


def hurt_question_line(
    lang: str, message: str = "sharp_pain", *, can_ease: bool, voice_words: bool
) -> Line:
    """The this-hurts question said aloud: "Session paused.", its message
    (one of :data:`HURT_MESSAGES`, as the question shows it), then for an
    engine the choices' keys and, with voice commands on, their words."""
    said, extra = phrases(lang), engine_only(lang)
    parts = [said["paused"], said[message], extra["keys_ease" if can_ease else "keys"]]
    if voice_words:
        parts.append(extra["words_ease" if can_ease else "words"])
    return Line(" ".join(parts), ("paused", message), 3.0, urgent=True)


def stop_question_line(lang: str, *, voice_words: bool) -> Line:
    """The stop question said aloud: "Session paused.", the question as it
    shows it, then for an engine the answers' keys and, with voice commands
    on, their words."""
    said, extra = phrases(lang), engine_only(lang)
    parts = [said["paused"], said["stop_question"], extra["stop_keys"]]
    if voice_words:
        parts.append(extra["stop_words"])
    return Line(" ".join(parts), ("paused", "stop_question"), 3.0, urgent=True)


def say_again_line(lang: str) -> Line:
    """The this-hurts question's answer to a first spoken "go on"."""
    return Line(phrases(lang)["say_again"], ("say_again",), 3.0, urgent=True)


def eased_off_line(lang: str) -> Line:
    """The answer to "ease off": the holds are shorter from here on."""
    return Line(phrases(lang)["eased_off"], ("eased_off",), 3.0)


def number_clip_keys(n: int, lang: str | None = None, gender: str | None = None) -> tuple[str, ...]:
    """Clip keys that say ``n`` (0-999) out loud: English 47 -> num_40, num_7."""
    return spoken_numbers.number_clip_keys(n, _lang(lang), gender)


def _number(n: int, lang: str, noun: str | None = None) -> tuple[str, tuple[str, ...]]:
    """``n`` as text for an engine and as clips, agreeing with ``noun`` if need be."""
    gender = _NOUN_GENDER.get(lang, {}).get(noun) if noun else None
    keys = spoken_numbers.number_clip_keys(n, lang, gender)
    # Digits read best on screen and every engine says them; spelled out only
    # where the digit would be said in the wrong gender ("veintiún segundos").
    if gender and spoken_numbers.gender_sensitive(n, lang):
        return spoken_numbers.spell(n, lang, gender), keys
    return str(n), keys


def clip_resource(key: str, lang: str) -> str:
    """The resource name of one clip: English at the top, others in ``<lang>/``."""
    folder = "sounds/voice" if lang == SOURCE_LANGUAGE else f"sounds/voice/{lang}"
    return f"{folder}/{key}.wav"


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


def all_fixed_clips(lang: str | None = None) -> dict[str, str]:
    """Every clip that does not depend on the catalog: key -> text to record."""
    code = _lang(lang)
    return {**phrases(code), **spoken_numbers.number_clips(code)}


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

    Pass the built-in catalog's exercises in the language of the clips
    (``translate_catalog(load_builtin(), lang).exercises.values()``): the
    clips are recorded from it, so only it says what they say (an exercise
    of a person's own under the same id may word things differently).
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


def _counted(n: int, noun: str, one: str, lang: str) -> tuple[str, tuple[str, ...]]:
    """'30 seconds.' / '1 second.' as text and clip keys, in ``lang``.

    ``one`` is the singular's phrase ("second."); the number agrees with the
    noun ("eine Sekunde", "un segundo", "une seconde").
    """
    number, keys = _number(n, lang, noun)
    word = one if n == 1 else noun
    return f"{number} {phrases(lang)[word]}", (*keys, word)


def say_duration(seconds: float, lang: str | None = None) -> tuple[str, tuple[str, ...]]:
    """'30 seconds.' / '2 minutes.' as text and clip keys (whole minutes only)."""
    s = max(0, round(seconds))
    if s >= 60 and s % 60 == 0:
        return _counted(s // 60, "minutes", "minute", _lang(lang))
    return _counted(s, "seconds", "second", _lang(lang))


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


def clips_needed(
    exercise_ids: Iterable[str], recorded: Mapping[str, str], *, lang: str | None = None
) -> set[str]:
    """Every clip key a session over these exercises might ask for, in ``lang``.

    ``recorded``: the exercise clips there are in ``lang`` (:func:`recorded_clips`).
    """
    keys = set(all_fixed_clips(_lang(lang)))
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
    lead_key: str,
    side: Side,
    exercise: Exercise | None,
    max_delay_s: float,
    urgent: bool,
    lang: str,
) -> Line:
    said = phrases(lang)
    noun = f"{side.value}_{side_word(exercise)}"
    return Line(f"{said[lead_key]} {said[noun]}", (lead_key, noun), max_delay_s, urgent)


def _said(key: str, lang: str, max_delay_s: float, urgent: bool = False) -> Line:
    return Line(phrases(lang)[key], (key,), max_delay_s, urgent)


def event_cue(
    event: Event,
    exercises: Mapping[str, Exercise] | None = None,
    recorded: Mapping[str, str] | None = None,
    *,
    lang: str | None = None,
) -> Cue:
    """The sound and line for one event on its own, in ``lang`` (default: the app's).

    ``recorded``: the exercise clips there are in ``lang``
    (:func:`recorded_clips`); an intro uses a clip of the instruction or
    caution only where one says the very words. Without it, the exercise's
    name clip is the only one used.
    """
    code = _lang(lang)
    said = phrases(code)
    ex = (exercises or {}).get(event.exercise_id)
    k = event.kind
    if k is EventKind.EXERCISE_INTRO:
        text = event.exercise_name + "."
        # A name with the leg put in ("Side stretch, left leg hanging") is not
        # the recorded one ("painful leg"): the clips never say other words.
        named = ex is None or ex.name == event.exercise_name
        clips: tuple[str, ...] = (exercise_clip_key(event.exercise_id),) if named else ()
        if event.text:
            sentence = _sentence(event.text)
            text += " " + sentence
            # Only the first instruction is recorded; an intro that opens on
            # another step (no get-ready step) keeps to the name.
            key = intro_clip_key(event.exercise_id)
            if (recorded or {}).get(key) == sentence:
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
            side = _side_line("start_with_your", event.side, ex, 3.0, False, code)
            return Cue(
                Sound.GET_READY,
                Line(f"{said['get_ready']} {side.text}", ("get_ready", *side.clips), 3.0),
            )
        return Cue(Sound.GET_READY, _said("get_ready", code, 3.0))
    if k is EventKind.HOLD_START and event.reps and event.step_kind is StepKind.HOLD:
        count_text, count_clips = _counted(event.reps, "breaths", "breaths", code)
        text = f"{said['hold_for']} {count_text}"
        return Cue(Sound.HOLD_START, Line(text, ("hold_for", *count_clips), 4.0, urgent=True))
    if k is EventKind.BREATH:
        # Said at the start of each breath; dropped rather than said late.
        return Cue(None, _said("breathe_in_out", code, 1.0))
    if k is EventKind.HOLD_START:
        dur_text, dur_clips = say_duration(event.seconds, code)
        text = f"{said['hold_for']} {dur_text}"
        lead: tuple[str, ...] = ("hold_for",)
        if event.stage:
            # A stage may be a movement ("Raise and lower"), so no "hold".
            template = translations(code).pgettext("spoken.stage_for", "{stage}, for {duration}")
            text = template.format(stage=event.stage.capitalize(), duration=dur_text)
            lead = ()
        # The intro (name and first instruction) can outlast a 5 s get-ready,
        # and a line that waits past its delay is dropped. "Hold for 30
        # seconds" a few seconds late still tells the person what to do, so a
        # long hold lets it wait up to a quarter of its length (2-6 s).
        late_ok = min(6.0, max(2.0, event.seconds / 4))
        return Cue(Sound.HOLD_START, Line(text, (*lead, *dur_clips), late_ok, urgent=True))
    if k is EventKind.HALFWAY:
        return Cue(None, _said("halfway", code, 2.0))
    if k is EventKind.TEN_LEFT:
        number, keys = _number(round(event.seconds) or 10, code, "seconds_left")
        line = Line(f"{number} {said['seconds_left']}", (*keys, "seconds_left"), 1.5)
        return Cue(None, line)
    if k is EventKind.COUNTDOWN:
        number, keys = _number(max(1, round(event.seconds)), code)
        return Cue(Sound.TICK, Line(number, keys, 0.5))
    if k is EventKind.RELEASE:
        return Cue(Sound.RELEASE, _said("release", code, 1.5, urgent=True))
    if k is EventKind.REPS_START:
        return Cue(Sound.HOLD_START)
    if k is EventKind.REP:
        rep, rep_keys = _number(event.rep, code)
        reps, reps_keys = _number(event.reps, code)
        line = Line(f"{rep} {said['of']} {reps}.", (*rep_keys, "of", *reps_keys), 0.8)
        return Cue(Sound.REP_BEAT, line)
    if k is EventKind.REP_HOLD:
        return Cue(None, _said("hold", code, 0.8))
    if k is EventKind.SWITCH_SIDE:
        if event.side is None:
            return Cue(Sound.SWITCH_SIDE, _said("switch_sides", code, 3.0, urgent=True))
        line = _side_line("switch_to_your", event.side, ex, 3.0, True, code)
        return Cue(Sound.SWITCH_SIDE, line)
    if k is EventKind.REST:
        dur_text, dur_clips = say_duration(event.seconds, code)
        return Cue(Sound.REST, Line(f"{said['rest']} {dur_text}", ("rest", *dur_clips), 3.0))
    if k is EventKind.NEXT_UP:
        if not event.next_name:
            return Cue(Sound.NEXT_EXERCISE)
        clip = _clip_for_name(event.next_name, exercises)
        line = Line(f"{said['next']} {event.next_name}.", ("next", *clip), 4.0)
        return Cue(Sound.NEXT_EXERCISE, line)
    if k is EventKind.SESSION_COMPLETE:
        return Cue(Sound.SESSION_COMPLETE, _said("session_complete", code, 6.0, urgent=True))
    if k in (EventKind.PAUSED, EventKind.STALLED):
        return Cue(None, _said("paused", code, 2.0, urgent=True), flush=True)
    if k is EventKind.RESUMED:
        return Cue(Sound.GET_READY, _said("resuming", code, 2.0, urgent=True))
    if k is EventKind.CONTINUE:
        work = event.step_kind in (StepKind.HOLD, StepKind.REPS)
        return Cue(Sound.HOLD_START if work else None)
    if k is EventKind.SKIPPED:
        return Cue(flush=True)
    if k is EventKind.STOPPED:
        return Cue(None, _said("session_stopped", code, 2.0, urgent=True), flush=True)
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
    *,
    lang: str | None = None,
) -> list[Cue]:
    """Group events that share a deadline and give one merged cue per group."""
    groups: list[list[Event]] = []
    for ev in events:
        if groups and groups[-1][0].at == ev.at:
            groups[-1].append(ev)
        else:
            groups.append([ev])
    return [
        merge([event_cue(ev, exercises, recorded, lang=lang) for ev in group]) for group in groups
    ]
