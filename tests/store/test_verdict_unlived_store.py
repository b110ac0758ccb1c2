"""The store's 14-day verdict reads as far back as core looks for dates
nobody lived, so both give the same verdict for a traveller's check-ins."""

from __future__ import annotations

import random

import pytest
from tests.support import FakeClock

from stretchguide.core.trends import fourteen_day_verdict
from stretchguide.paths import AppPaths
from stretchguide.store.history import History

HOUR = 3600
ZONES = (-10 * HOUR, -5 * HOUR, 0, 9 * HOUR, 14 * HOUR)


@pytest.mark.parametrize("seed", range(12))
def test_store_and_core_agree_on_the_verdict_across_time_zones(tmp_path, seed) -> None:
    rng = random.Random(seed)
    clock = FakeClock(1_767_225_600)  # 2026-01-01 UTC
    zone = [rng.choice(ZONES)]
    with History.open(
        AppPaths(tmp_path / "d").ensure(), clock=clock, utc_offset=lambda _ts: zone[0]
    ) as h:
        for _ in range(rng.randint(10, 60)):
            clock.now += rng.randint(2 * HOUR, 30 * HOUR)
            if rng.random() < 0.15:
                zone[0] = rng.choice(ZONES)  # a flight
            h.add_checkin("any", rng.randint(0, 10), rng.randint(0, 10), "thigh")
        clock.now += rng.randint(0, 40 * HOUR)
        today = h.today()
        core = fourteen_day_verdict(h.checkins(), today, utc_offset=zone[0])
        assert h.verdict(today) == core
        assert h.trend_data(today).verdict == core
