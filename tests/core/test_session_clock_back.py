"""A clock that steps back pauses the session and says so (issue 14)."""

from __future__ import annotations

from tests.support import FakeClock, hold_exercise, timeline_of

from stretchguide.core.session import EventKind, Session, StallReason


def _running() -> tuple[Session, FakeClock]:
    clock = FakeClock(1000.0)
    session = Session(timeline_of(hold_exercise("a", 60.0)), clock)
    session.start()
    for _ in range(10):  # ten seconds in, ticked as the app ticks (often)
        clock.advance(1)
        session.tick()
    return session, clock


def test_a_clock_stepping_back_pauses_with_a_stalled_event() -> None:
    session, clock = _running()
    before = session.position()
    clock.now -= 3600  # the clock is set back an hour
    events = session.tick()
    assert [e.kind for e in events] == [EventKind.STALLED]
    assert events[0].seconds == 3600
    assert events[0].reason is StallReason.CLOCK_BACK
    snap = session.snapshot()
    assert snap.paused and snap.stalled
    assert session.position() == before, "the plan stays where it was"
    # Later ticks on the new clock do not fire anything while paused...
    clock.advance(5)
    assert session.tick() == []
    # ...and resuming continues from the same place on the new clock.
    kinds = [e.kind for e in session.resume()]
    assert EventKind.RESUMED in kinds
    clock.advance(session.resume_prepare_s + 1)
    session.tick()
    assert session.running
    assert abs(session.position() - (before + 1)) < 1e-6


def test_a_forward_jump_still_stalls_as_before() -> None:
    session, clock = _running()
    clock.advance(session.stall_threshold_s + 5)
    events = session.tick()
    assert [e.kind for e in events] == [EventKind.STALLED]
    assert events[0].reason is StallReason.GAP


def test_small_forward_steps_do_not_pause() -> None:
    session, clock = _running()
    clock.advance(1)
    assert all(e.kind is not EventKind.STALLED for e in session.tick())
    assert session.running
