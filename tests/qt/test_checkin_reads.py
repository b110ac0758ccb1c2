"""One check-in reads the stored check-ins once: the rules that judge it
(made last, usual pain, the numbness and spread runs) share the rows
(``session_rules.RecentCheckins``), and each says what it said when it
read the history on its own."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import Qt
from tests.qt.test_flow import ROUTINE, app_window, fill_checkin, pass_safety_gate, run_to_end
from tests.support import FakeClock

from stretchguide import paths
from stretchguide.core.trends import CheckIn, CheckInKind, Extent
from stretchguide.qt.session_rules import (
    RecentCheckins,
    compared_checkins,
    numbness_first_reported,
    spread_reached,
    usual_now,
)
from stretchguide.store.history import History

__all__ = ["app_window"]  # the fixture, used by name

DAY = 86400


def _count_reads(monkeypatch, history: History) -> list[int | None]:
    """Every ``history.checkins`` call from here on, by its ``since``."""
    calls: list[int | None] = []
    real = history.checkins

    def counting(since=None, until=None):
        calls.append(since)
        return real(since=since, until=until)

    monkeypatch.setattr(history, "checkins", counting)
    return calls


def test_a_checkin_on_its_own_reads_the_stored_checkins_once(qtbot, app_window, monkeypatch):
    window, _clock, wall, _, _ = app_window
    h = window.ctx.history
    for day in range(5):
        h.add_checkin("any", 2, 3, "thigh", numbness=day % 2 == 0, at=int(wall()) - day * DAY)
    window.checkin_now()
    page = window.checkin
    fill_checkin(qtbot, page, back=2, leg=4, extent="below_knee")
    page.numbness.setChecked(True)
    calls = _count_reads(monkeypatch, h)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert len(calls) == 1, calls  # four before: made last, two runs, usual pain
    assert window.current_page() == "checkin"
    assert "numb" in page.verdict.text().lower()


def test_the_checkins_around_a_session_each_read_them_once(qtbot, app_window, monkeypatch):
    window, clock, wall, _, _ = app_window
    h = window.ctx.history
    h.add_checkin("any", 1, 2, "thigh", at=int(wall()) - DAY)
    window.start_routine(ROUTINE)
    if window.current_page() == "safety":
        pass_safety_gate(qtbot, window)
    page = window.checkin
    fill_checkin(qtbot, page, back=1, leg=2, extent="thigh")
    if page.side_row.group.checkedId() < 0:
        page.set_side("left")
    calls = _count_reads(monkeypatch, h)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "session"
    assert len(calls) == 1, calls
    run_to_end(window, clock)
    fill_checkin(qtbot, page, back=1, leg=2, extent="below_knee")
    calls.clear()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    # The after check-in's own rules share one read; nothing else in its
    # verdict needs the 90 days (its before check-in was made).
    assert len(calls) == 1, calls
    assert "further down" in page.verdict.text().lower()


def _random_history(h: History, rng: random.Random, now: int) -> None:
    """Check-ins over 150 days, some days several, some stamped out of order
    (a clock put back), of every kind, extent and nerve sign."""
    kinds = list(CheckInKind)
    extents = list(Extent)
    for _ in range(rng.randint(0, 60)):
        at = now - rng.randint(-2 * DAY, 150 * DAY)
        h.add_checkin(
            rng.choice(kinds),
            rng.randint(0, 10),
            rng.randint(0, 10),
            rng.choice(extents),
            tingling=rng.random() < 0.3,
            numbness=rng.random() < 0.5,
            weakness=rng.random() < 0.2,
            at=at,
        )


def _unsaved(rng: random.Random, now: int) -> list[CheckIn]:
    """Check-ins a full disk kept from being saved, made before ``now``
    (some stamped further back than 90 days: a clock once wrong)."""
    made = []
    for _ in range(rng.choice((0, 0, 1, 2, 3))):
        made.append(
            CheckIn(
                at=now - rng.randint(0, 100 * DAY),
                kind=rng.choice(list(CheckInKind)),
                back=rng.randint(0, 10),
                leg=rng.randint(0, 10),
                extent=rng.choice(list(Extent)),
                numbness=rng.random() < 0.6,
                tingling=rng.random() < 0.3,
            )
        )
    return made


@pytest.mark.parametrize("seed", range(40))
def test_shared_rows_give_every_rule_the_answer_its_own_read_gave(tmp_path, seed) -> None:
    rng = random.Random(seed)
    now = 1_760_000_000
    with History.open(
        paths.resolve(str(tmp_path)), clock=FakeClock(float(now)), utc_offset=lambda ts: 0
    ) as h:
        _random_history(h, rng, now)
        for _ in range(5):
            at = now + rng.randint(-DAY, DAY)
            unsaved = _unsaved(rng, at)
            current = CheckIn(
                at=at,
                kind=rng.choice(list(CheckInKind)),
                back=rng.randint(0, 10),
                leg=rng.randint(0, 10),
                extent=rng.choice(list(Extent)),
                numbness=rng.random() < 0.7,
            )
            shared = RecentCheckins(h, at, unsaved)
            assert compared_checkins(shared, at, unsaved) == compared_checkins(h, at, unsaved)
            assert usual_now(shared, at, unsaved) == usual_now(h, at, unsaved)
            assert numbness_first_reported(shared, current, unsaved) == (
                numbness_first_reported(h, current, unsaved)
            )
            assert spread_reached(shared, current, unsaved) == spread_reached(h, current, unsaved)


def test_shared_rows_refuse_a_window_further_back_than_was_read(tmp_path) -> None:
    with History.open(paths.resolve(str(tmp_path)), clock=FakeClock(1e9)) as h:
        shared = RecentCheckins(h, 1_000_000_000, [])
        assert shared.checkins(since=shared.since) == []
        with pytest.raises(ValueError):
            shared.checkins(since=shared.since - 1)
