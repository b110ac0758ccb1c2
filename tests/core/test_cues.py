"""Which sound and which spoken line belong to which session event."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from tests.support import by_id, hold_exercise, reps_exercise

from stretchguide.clip_files import MULAW, read_clip
from stretchguide.core import cues
from stretchguide.core.catalog import (
    Area,
    Dose,
    Equipment,
    Kind,
    Position,
    Routine,
    RoutineItem,
    Schedule,
    Side,
    Sides,
    load_builtin,
)
from stretchguide.core.cues import Cue, Line, LineQueue, Sound, cues_for, event_cue
from stretchguide.core.i18n import available_languages
from stretchguide.core.session import Event, EventKind, Session, build_cues
from stretchguide.core.timeline import SessionOptions, build_timeline

VOICE_DIR = Path(__file__).resolve().parents[2] / "resources" / "sounds" / "voice"
# What the exercise clips say, as the app builds it from the built-in catalog.
RECORDED = cues.recorded_clips(load_builtin().exercises.values())
SOUND_DIR = VOICE_DIR.parent

HAMSTRING = hold_exercise(
    "supine_hamstring_stretch",
    30,
    Sides.EACH,
    name="Hamstring stretch",
    steps=("Lie on your back.", "Lift one leg."),
    equipment={Equipment.MAT},
    feel=(Area.BACK_OF_THIGH,),
)
TWIST = hold_exercise(
    "chair_torso_twist",
    10,
    Sides.EACH,
    name="Chair torso twist",
    steps=("Sit tall.", "Turn to one side."),
    position=Position.SEATED,
    equipment={Equipment.CHAIR},
    kind=Kind.MOBILITY,
    feel=(Area.MID_BACK,),
)
BRIDGE = reps_exercise(
    "bridge",
    3,
    2,
    hold_s=2,
    steps=("Lie on your back, knees bent.", "Lift your hips."),
    equipment={Equipment.MAT},
    kind=Kind.STRENGTHEN,
    feel=(Area.GLUTES,),
)
EXERCISES = by_id(HAMSTRING, TWIST, BRIDGE)


def ev(kind: EventKind, at: float = 0.0, **fields: object) -> Event:
    return replace(Event(kind, at, 0), **fields)  # type: ignore[arg-type]


def test_hold_start_beeps_and_says_how_long_with_matching_clips() -> None:
    cue = event_cue(ev(EventKind.HOLD_START, seconds=30.0))
    assert cue.sound is Sound.HOLD_START
    assert cue.line is not None
    assert cue.line.text == "Hold for 30 seconds."
    assert cue.line.clips == ("hold_for", "num_30", "seconds")


def test_hold_of_whole_minutes_is_said_in_minutes() -> None:
    cue = event_cue(ev(EventKind.HOLD_START, seconds=120.0))
    assert cue.line is not None
    assert cue.line.text == "Hold for 2 minutes."
    assert cue.line.clips == ("hold_for", "num_2", "minutes")


def test_a_long_hold_is_still_announced_after_a_long_intro_a_short_one_is_not() -> None:
    # The intro (name, first instruction, get ready) is still being spoken
    # 4.5 s into the hold: a 30 s hold is still worth naming, an 8 s one not.
    for seconds, said in ((30.0, True), (8.0, False)):
        q = LineQueue()
        line = event_cue(ev(EventKind.HOLD_START, seconds=seconds)).line
        assert line is not None
        q.push(line, now=5.0)
        assert (q.next_line(9.5) is line) is said


def test_countdown_ticks_and_says_the_number_and_goes_stale_fast() -> None:
    cue = event_cue(ev(EventKind.COUNTDOWN, seconds=2.0))
    assert cue.sound is Sound.TICK
    assert cue.line is not None
    assert (cue.line.text, cue.line.clips) == ("2", ("num_2",))
    assert cue.line.max_delay_s < 1.0


def test_repetition_says_n_of_total() -> None:
    cue = event_cue(ev(EventKind.REP, rep=5, reps=20))
    assert cue.sound is Sound.REP_BEAT
    assert cue.line is not None
    assert cue.line.text == "5 of 20."
    assert cue.line.clips == ("num_5", "of", "num_20")


def test_switch_side_names_the_leg_for_a_leg_stretch_and_the_side_for_a_twist() -> None:
    leg = event_cue(ev(EventKind.SWITCH_SIDE, side=Side.LEFT, exercise_id=HAMSTRING.id), EXERCISES)
    trunk = event_cue(ev(EventKind.SWITCH_SIDE, side=Side.RIGHT, exercise_id=TWIST.id), EXERCISES)
    assert leg.sound is Sound.SWITCH_SIDE and trunk.sound is Sound.SWITCH_SIDE
    assert leg.line is not None and trunk.line is not None
    assert leg.line.text == "Switch to your left leg."
    assert leg.line.clips == ("switch_to_your", "left_leg")
    assert trunk.line.text == "Switch to your right side."
    assert leg.line.urgent


def test_intro_says_the_exercise_name_then_its_first_instruction() -> None:
    first = load_builtin().exercises["bridge"].steps[0]
    cue = event_cue(
        ev(EventKind.EXERCISE_INTRO, exercise_id="bridge", exercise_name="Bridge", text=first),
        recorded=RECORDED,
    )
    assert cue.sound is Sound.NEXT_EXERCISE
    assert cue.line is not None
    assert cue.line.text == f"Bridge. {first.rstrip('.')}."
    # Eyes closed, the recorded voice has to say how to get into position too.
    assert cue.line.clips == ("ex_bridge", "intro_bridge")


def test_intro_with_words_nothing_was_recorded_for_falls_back_to_the_name() -> None:
    cue = event_cue(
        ev(
            EventKind.EXERCISE_INTRO,
            exercise_id="bridge",
            exercise_name="Bridge",
            text="Lie on your back, knees bent",
        ),
        recorded=RECORDED,
    )
    assert cue.line is not None
    assert cue.line.text == "Bridge. Lie on your back, knees bent."
    assert cue.line.clips == ("ex_bridge",)
    unknown = event_cue(
        ev(
            EventKind.EXERCISE_INTRO,
            exercise_id="not_built_in",
            exercise_name="Mine",
            text="Lie down.",
        ),
        recorded=RECORDED,
    )
    assert unknown.line is not None and unknown.line.clips == ("ex_not_built_in",)


def test_intro_clip_follows_the_builtin_wording_not_a_lookalike_exercise() -> None:
    # The clips are recorded from the built-in catalog: an exercise passed in
    # under a built-in id with its own first step must not get that recording.
    mine = replace(HAMSTRING, steps=("Lie down flat.", *HAMSTRING.steps[1:]))
    cue = event_cue(
        ev(
            EventKind.EXERCISE_INTRO,
            exercise_id=mine.id,
            exercise_name=mine.name,
            text=mine.steps[0],
        ),
        by_id(mine),
        RECORDED,
    )
    assert cue.line is not None and cue.line.text == "Hamstring stretch. Lie down flat."
    assert cue.line.clips == (cues.exercise_clip_key(mine.id),)


def test_intro_without_a_get_ready_step_opens_on_other_words_and_says_only_the_name() -> None:
    catalog = load_builtin()
    item = RoutineItem("bridge", catalog.exercises["bridge"].dose)
    timeline = build_timeline(
        Routine("r", "R", "", (item,), Schedule(1, "")),
        catalog.exercises,
        SessionOptions(prepare_s=0),
    )
    [intro] = [c.event for c in build_cues(timeline) if c.event.kind is EventKind.EXERCISE_INTRO]
    assert intro.text != catalog.exercises["bridge"].steps[0]
    cue = event_cue(intro, catalog.exercises, RECORDED)
    assert cue.line is not None and cue.line.clips == ("ex_bridge",)


def test_clips_needed_preloads_the_intro_clip_of_builtin_exercises_only() -> None:
    keys = cues.clips_needed(["bridge", "not_built_in"], RECORDED)
    assert {"ex_bridge", "intro_bridge", "ex_not_built_in"} <= keys
    assert "intro_not_built_in" not in keys
    assert set(cues.all_fixed_clips()) <= keys


def test_rest_and_next_up_at_one_moment_become_one_line_with_the_next_exercise_sound() -> None:
    events = [
        ev(EventKind.RELEASE, at=10.0),
        ev(EventKind.REST, at=10.0, seconds=15.0, next_name="Bridge"),
        ev(EventKind.NEXT_UP, at=10.0, seconds=15.0, next_name="Bridge"),
    ]
    [cue] = cues_for(events, EXERCISES)
    assert cue.sound is Sound.NEXT_EXERCISE
    assert cue.line is not None
    assert cue.line.text == "Release. Rest 15 seconds. Up next: Bridge."
    assert cue.line.clips == ("release", "rest", "num_15", "seconds", "next", "ex_bridge")


def test_rest_between_sets_plays_the_rest_sound_not_release() -> None:
    [cue] = cues_for([ev(EventKind.RELEASE, at=5.0), ev(EventKind.REST, at=5.0, seconds=5.0)])
    assert cue.sound is Sound.REST
    assert cue.line is not None and cue.line.text == "Release. Rest 5 seconds."


def test_events_at_different_moments_stay_separate_cues_in_order() -> None:
    out = cues_for(
        [ev(EventKind.COUNTDOWN, at=1.0, seconds=2.0), ev(EventKind.COUNTDOWN, at=2.0, seconds=1.0)]
    )
    assert [c.line.text for c in out if c.line] == ["2", "1"]


def test_session_complete_is_its_own_sound_and_says_well_done() -> None:
    [cue] = cues_for([ev(EventKind.RELEASE, at=3.0), ev(EventKind.SESSION_COMPLETE, at=3.0)])
    assert cue.sound is Sound.SESSION_COMPLETE
    assert cue.line is not None
    assert cue.line.text.endswith("Session complete. Well done.")


def test_skip_and_stop_flush_queued_speech() -> None:
    assert event_cue(ev(EventKind.SKIPPED)).flush
    stop = event_cue(ev(EventKind.STOPPED))
    assert stop.flush and stop.line is not None


def test_every_event_kind_maps_to_a_cue() -> None:
    for kind in EventKind:
        assert isinstance(event_cue(ev(kind, seconds=3.0, side=Side.LEFT, rep=1, reps=2)), Cue)


@pytest.mark.parametrize(
    ("n", "keys"),
    [
        (0, ("num_0",)),
        (13, ("num_13",)),
        (40, ("num_40",)),
        (47, ("num_40", "num_7")),
        (120, ("num_1", "num_100", "num_20")),
        (305, ("num_3", "num_100", "num_5")),
    ],
)
def test_numbers_are_spoken_from_the_recorded_number_words(n: int, keys: tuple[str, ...]) -> None:
    assert cues.number_clip_keys(n) == keys
    assert set(keys) <= set(cues.all_fixed_clips("en"))


def test_line_queue_keeps_order_and_waits_for_the_beep() -> None:
    q = LineQueue()
    q.push(Line("a", ()), now=0.0, not_before=0.3)
    q.push(Line("b", ()), now=0.0)
    assert q.next_line(0.1) is None
    assert q.next_due() == pytest.approx(0.3)
    first = q.next_line(0.3)
    second = q.next_line(0.35)
    assert (first and first.text, second and second.text) == ("a", "b")


def test_line_queue_drops_lines_that_would_start_too_late() -> None:
    q = LineQueue()
    q.push(Line("3", (), max_delay_s=0.5), now=0.0)
    q.push(Line("Halfway.", (), max_delay_s=2.0), now=0.0)
    line = q.next_line(1.0)
    assert line is not None and line.text == "Halfway."
    assert [x.text for x in q.dropped] == ["3"]


def test_line_queue_urgent_line_clears_what_is_still_waiting() -> None:
    q = LineQueue()
    q.push(Line("10 seconds left.", ()), now=0.0)
    q.push(Line("Release.", (), urgent=True), now=0.1)
    line = q.next_line(0.2)
    assert line is not None and line.text == "Release."
    assert q.next_line(0.2) is None


def test_a_whole_session_gives_the_expected_sounds_in_order() -> None:
    item = RoutineItem("supine_hamstring_stretch", Dose(hold_s=12, sides=Sides.EACH))
    timeline = build_timeline(
        Routine("r", "R", "", (item,), Schedule(1, "")),
        EXERCISES,
        SessionOptions(prepare_s=5, switch_s=5),
    )
    session = Session(timeline, lambda: 0.0)
    fired = session.start(0.0)
    t = 0.0
    while not session.done:
        t += 0.25
        fired += session.tick(t)
    cue_list = cues_for(fired, EXERCISES)
    tick3 = [Sound.TICK] * 3
    assert [c.sound for c in cue_list if c.sound] == [
        Sound.NEXT_EXERCISE,
        *tick3,
        Sound.HOLD_START,
        *tick3,
        Sound.SWITCH_SIDE,
        *tick3,
        Sound.HOLD_START,
        *tick3,
        Sound.SESSION_COMPLETE,
    ]
    lines = [c.line.text for c in cue_list if c.line]
    assert lines[0] == "Hamstring stretch. Lie on your back. Get ready. Start with your left leg."
    assert "Release. Switch to your right leg." in lines
    assert lines[-1] == "Release. Session complete. Well done."


def test_every_clip_a_builtin_routine_can_ask_for_is_recorded() -> None:
    catalog = load_builtin()
    wanted: set[str] = set()
    for routine in catalog.routines.values():
        timeline = build_timeline(routine, catalog.exercises)
        wanted.update(
            ev_key
            for c in build_cues(timeline)
            for cue in [event_cue(c.event, catalog.exercises, RECORDED)]
            if cue.line
            for ev_key in cue.line.clips
        )
        wanted.update(cues.clips_needed((i.exercise_id for i in routine.items), RECORDED))
    recorded = {p.stem for p in VOICE_DIR.glob("*.wav")}
    assert wanted - recorded == set()


@pytest.mark.parametrize("lang", available_languages())
def test_voice_clips_are_mono_16k_mulaw_and_trimmed(lang: str) -> None:
    folder = VOICE_DIR if lang == "en" else VOICE_DIR / lang
    paths = sorted(folder.glob("*.wav"))
    assert paths
    for path in paths:
        clip = read_clip(path)
        assert (clip.rate, clip.stored_as) == (16_000, MULAW), path.name
        lead = clip.pcm[: int(0.05 * 16_000) * 2]
        # Trimmed: speech (loud samples) within the first 50 ms.
        assert (
            max(
                abs(int.from_bytes(lead[i : i + 2], "little", signed=True))
                for i in range(0, len(lead), 2)
            )
            > 250
        ), path.name


def test_every_cue_sound_has_a_file() -> None:
    for sound in Sound:
        assert (SOUND_DIR / f"{sound.value}.wav").is_file()
