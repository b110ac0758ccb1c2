"""The spoken intro fits its get-ready (issue 17), checked with the real cue
policy (``LineQueue``) and a speaker that talks at the same calm pace the
plan assumes."""

from __future__ import annotations

from dataclasses import replace

from stretchguide.core.catalog import load_builtin
from stretchguide.core.cues import LineQueue, cues_for, recorded_clips
from stretchguide.core.session import EventKind, build_cues
from stretchguide.core.timeline import SPEECH_WORDS_PER_S, SessionOptions, build_timeline

BEEP_S = 0.4  # a cue sound before its line, as the player waits for it


def spoken(routine_id: str) -> tuple[list[tuple[float, float, str]], list[str], float]:
    """(start, end, text) of every line said, the dropped lines, the first hold's start."""
    catalog = load_builtin()
    recorded = recorded_clips(catalog.exercises.values())
    options = SessionOptions(prepare_s=5, first_prepare_s=15, fit_intro=True)
    timeline = build_timeline(catalog.routines[routine_id], catalog.exercises, options)
    events = [replace(c.event, at=c.offset) for c in build_cues(timeline)]
    queue = LineQueue()
    said: list[tuple[float, float, str]] = []
    busy_until = 0.0
    groups: dict[float, list] = {}
    for ev in events:
        groups.setdefault(ev.at, []).append(ev)
    moments = sorted(groups)
    for i, t in enumerate(moments):
        for cue in cues_for(groups[t], catalog.exercises, recorded):
            if cue.line is not None:
                queue.push(cue.line, t, t + BEEP_S if cue.sound is not None else None)
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
    first_work = next(
        c.offset
        for c in build_cues(timeline)
        if c.event.kind in (EventKind.HOLD_START, EventKind.REPS_START)
    )
    return said, [line.text for line in queue.dropped], first_work


def test_the_first_intro_and_its_side_are_said_before_the_work_starts() -> None:
    said, _, first_work = spoken("article_000_basics")
    intro = next(s for s in said if "Get ready" in s[2])
    assert intro[1] <= first_work - 1.0, "the intro must end before the count reaches 1"
    if "Start with your" in intro[2]:
        assert intro[1] < first_work


def test_the_first_repetition_is_counted_aloud() -> None:
    said, dropped, _ = spoken("flare_up_gentle")
    assert any(text.startswith("1 of ") for _, _, text in said), dropped
