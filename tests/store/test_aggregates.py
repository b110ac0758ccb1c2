"""Schema 4's trigger-kept aggregates always equal a recomputation from the record."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from tests.support import FakeClock

from stretchguide.core import trends
from stretchguide.core.trends import Extent
from stretchguide.paths import AppPaths
from stretchguide.store import exchange, schema
from stretchguide.store.history import History

from .conftest import T0
from .test_history import ROUTINE

OPS = (
    "start",
    "finish",
    "close_as_partial",
    "checkin",
    "update_checkin",
    "delete_checkin",
    "update_session",
    "delete_session",
    "import",
)
# Offsets either side of UTC, so records of one instant fall on different local days.
OFFSETS = (0, 3600, -5 * 3600, 14 * 3600, -12 * 3600)


class Offset:
    def __init__(self) -> None:
        self.value = 0

    def __call__(self, ts: float) -> int:
        return self.value


def _checkin(h: History, rng: random.Random, clock: FakeClock) -> None:
    sids = [r[0] for r in h.conn.execute("SELECT id FROM sessions")]
    h.add_checkin(
        rng.choice(["before", "after", "next_morning", "any"]),
        rng.randint(0, 10),
        rng.randint(0, 10),
        rng.choice(list(Extent)),
        session_id=rng.choice(sids) if sids and rng.random() < 0.7 else None,
        # Near midnight UTC, so the offset decides the local day.
        at=int(clock.now) + rng.randint(-7200, 7200),
    )


def _apply(h: History, op: str, rng: random.Random, clock: FakeClock, off: Offset) -> None:
    clock.now += rng.choice([0, 600, 3 * 3600, 86400])
    off.value = rng.choice(OFFSETS)
    sessions = [r[0] for r in h.conn.execute("SELECT id FROM sessions ORDER BY id")]
    checkins = [r[0] for r in h.conn.execute("SELECT id FROM checkins ORDER BY id")]
    if op == "start" or (not sessions and op in ("finish", "close_as_partial")):
        h.start_session(ROUTINE)
    elif op == "finish":
        h.finish_session(rng.choice(sessions), rng.choice(["completed", "partial", "stopped"]))
    elif op == "close_as_partial":
        h.close_as_partial(rng.choice(sessions))
    elif op == "checkin" or not checkins:
        _checkin(h, rng, clock)
    elif op == "update_checkin":
        column, value = rng.choice(
            [
                ("at", int(clock.now) + rng.randint(-86400, 86400)),
                ("utc_offset", rng.choice(OFFSETS)),
                ("back", rng.randint(0, 10)),
                ("extent", rng.choice(list(Extent)).value),
                ("kind", rng.choice(["before", "after", "any"])),
                ("session_id", rng.choice([None, *sessions])),
            ]
        )
        with schema.transaction(h.conn):
            h.conn.execute(
                f"UPDATE checkins SET {column} = ? WHERE id = ?", (value, rng.choice(checkins))
            )
    elif op == "delete_checkin":
        with schema.transaction(h.conn):
            h.conn.execute("DELETE FROM checkins WHERE id = ?", (rng.choice(checkins),))
    elif op == "update_session" and sessions:
        column, value = rng.choice(
            [
                ("started_at", int(clock.now) + rng.randint(-86400, 86400)),
                ("utc_offset", rng.choice(OFFSETS)),
                ("status", rng.choice(["in_progress", "completed", "partial", "stopped"])),
            ]
        )
        with schema.transaction(h.conn):
            h.conn.execute(
                f"UPDATE sessions SET {column} = ? WHERE id = ?", (value, rng.choice(sessions))
            )
    elif op == "delete_session" and sessions:
        # Only a session nothing refers to can go (ON DELETE RESTRICT).
        free = h.conn.execute(
            "SELECT id FROM sessions s WHERE NOT EXISTS (SELECT 1 FROM checkins WHERE "
            "session_id = s.id) AND NOT EXISTS (SELECT 1 FROM steps WHERE session_id = s.id) "
            "AND NOT EXISTS (SELECT 1 FROM exercise_responses WHERE session_id = s.id) "
            "AND NOT EXISTS (SELECT 1 FROM hurt_events WHERE session_id = s.id)"
        ).fetchall()
        if free:
            with schema.transaction(h.conn):
                h.conn.execute("DELETE FROM sessions WHERE id = ?", rng.choice(free))
    elif op == "import":
        _import_other(h, rng, clock)


def _import_other(h: History, rng: random.Random, clock: FakeClock) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        other_off = Offset()
        other_off.value = rng.choice(OFFSETS)
        other = History.open(
            AppPaths(Path(tmp) / "other"), clock=clock, utc_offset=other_off, backups=False
        )
        with other:
            for _ in range(rng.randint(1, 3)):
                s = other.start_session(ROUTINE)
                for kind in ("before", "after"):
                    other.add_checkin(
                        kind, rng.randint(0, 10), rng.randint(0, 10), "thigh", session_id=s.id
                    )
                other.finish_session(s.id, "completed")
            exchange.export_json(other, Path(tmp) / "x.json")
        exchange.import_json(h, Path(tmp) / "x.json")
        if rng.random() < 0.5:
            exchange.import_json(h, Path(tmp) / "x.json")  # a re-import adds nothing


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    ops=st.lists(st.tuples(st.sampled_from(OPS), st.integers(0, 2**32)), max_size=40),
)
# Found by chance once (CI would have failed one run in many): an import put
# the last session two days back on another clock, and the reference was
# given no clock for today.
@example(ops=[("checkin", 0), ("import", 3), ("start", 0)])
@example(ops=[("start", 1), ("finish", 0)])
def test_aggregates_equal_a_full_recomputation_after_any_writes(
    ops: list[tuple[str, int]],
) -> None:
    clock, off = FakeClock(T0 - T0 % 86400), Offset()
    with (
        tempfile.TemporaryDirectory() as tmp,
        History.open(AppPaths(Path(tmp) / "data"), clock=clock, utc_offset=off, backups=False) as h,
    ):
        for op, seed in ops:
            _apply(h, op, random.Random(seed), clock, off)
            assert h.aggregates_ok(), op
        today = h.today()
        assert h.trend_data(today) == trends.trend_data(
            h.sessions(),
            h.checkins(),
            today,
            steps=h.steps(),
            responses=h.responses(),
            hurts=h.hurts(),
            # The store joins today to a last session a change of clock put
            # two days back (core.trends.joined_days), on the clock now.
            utc_offset=off(clock()),
        )


def test_rebuild_restores_aggregates_that_went_wrong(paths: AppPaths, clock: FakeClock) -> None:
    with History.open(paths, clock=clock, utc_offset=lambda ts: 3600) as h:
        s = h.start_session(ROUTINE)
        h.add_checkin("before", 6, 7, "foot", session_id=s.id)
        h.add_checkin("after", 3, 2, "thigh", session_id=s.id)
        h.finish_session(s.id, "completed")
        expected = h.trend_data()
        record = [r for r in h.conn.execute("SELECT * FROM checkins ORDER BY id")]
        # Damage only the derived data, as a bug or a hand edit might.
        with schema.transaction(h.conn):
            for table in schema.AGGREGATE_TABLES:
                h.conn.execute(f"DELETE FROM {table}")
            h.conn.execute("INSERT INTO agg_session_days VALUES (1, 5, 5)")
        assert not h.aggregates_ok()
        h._trend_cache = None
        assert h.trend_data() != expected
        h.rebuild_aggregates()
        assert h.aggregates_ok()
        assert h.trend_data() == expected
        assert [r for r in h.conn.execute("SELECT * FROM checkins ORDER BY id")] == record
