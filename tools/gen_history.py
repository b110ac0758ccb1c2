"""Generate years of plausible daily use into a data folder (for benchmarks).

Two sessions and three check-ins a day (before and after the morning session,
plus one in the evening), with per-exercise responses and the odd "this
hurts" press. Pain drifts slowly with noise so the trend code has real work.

    python tools/gen_history.py --data-dir /tmp/ten-years --years 10

Writes through the same schema as the app, in large transactions (a bulk
load does not need the per-step fsync the app uses).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from stretchguide.core.trends import RoutineSnapshot, SnapshotItem  # noqa: E402
from stretchguide.paths import AppPaths  # noqa: E402
from stretchguide.store import schema  # noqa: E402
from stretchguide.store.history import History  # noqa: E402
from stretchguide.store.rows import local_utc_offset  # noqa: E402

ROUTINES = {
    "daily_ten": (
        "Daily ten",
        ("knees_to_chest", "cat_stretch", "supine_hamstring_stretch", "chair_torso_twist",
         "strap_leg_raise", "single_knee_to_chest", "supine_piriformis_stretch",
         "seated_hip_stretch", "bridge", "standing_hip_abduction"),
    ),
    "piriformis": (
        "Piriformis relief",
        ("supine_piriformis_stretch", "seated_piriformis_stretch", "clam_shell",
         "ball_piriformis_release", "floor_piriformis_stretch", "nerve_glide_ankle"),
    ),
}  # fmt: skip
EXTENTS = ("none", "buttock", "thigh", "below_knee", "foot")
DAY = 86400


def _snapshot(rid: str) -> tuple[RoutineSnapshot, list[tuple[str, str]]]:
    name, exercises = ROUTINES[rid]
    items = tuple(SnapshotItem(ex, 30.0, 1, 0.0, 2, "each", 10.0) for ex in exercises)
    steps: list[tuple[str, str]] = []
    for ex in exercises:
        steps.append((ex, "prepare"))
        for _ in range(2):
            steps.append((ex, "hold"))
        steps.append((ex, "switch"))
    return RoutineSnapshot(name, items), steps


def generate(
    history: History, *, years: float = 10, end: float | None = None, seed: int = 1
) -> dict[str, int]:  # noqa: E501
    rng = random.Random(seed)
    end_ts = int(end if end is not None else time.time())
    days = int(years * 365)
    start_day = end_ts - days * DAY
    start_day -= start_day % DAY
    snaps = {rid: _snapshot(rid) for rid in ROUTINES}
    conn = history.conn
    with schema.transaction(conn):
        snap_ids = {rid: history.snapshot_id(snaps[rid][0]) for rid in ROUTINES}
    conn.execute("PRAGMA synchronous = OFF")
    pain = 6.0
    counts = {"sessions": 0, "steps": 0, "checkins": 0}
    for d in range(days):
        base = start_day + d * DAY
        pain = min(9.0, max(0.0, pain + rng.uniform(-0.35, 0.33)))
        with schema.transaction(conn):
            for slot, hour in enumerate((7, 18)):
                rid = "daily_ten" if slot == 0 else "piriformis"
                steps = snaps[rid][1]
                t0 = base + hour * 3600 + rng.randrange(0, 1800)
                status = rng.choices(("completed", "partial", "stopped"), (90, 7, 3))[0]
                n_steps = len(steps) if status == "completed" else rng.randrange(1, len(steps))
                t_end = t0 + n_steps * 25
                cur = conn.execute(
                    "INSERT INTO sessions (uuid, routine_id, snapshot_id, started_at, utc_offset, "
                    "ended_at, status, options) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (str(uuid.UUID(int=rng.getrandbits(128), version=4)), rid, snap_ids[rid],
                     t0, local_utc_offset(t0), t_end, status, json.dumps({"sides": "both"})),
                )  # fmt: skip
                sid = cur.lastrowid
                conn.executemany(
                    "INSERT INTO steps (session_id, step_index, exercise_id, kind, side, "
                    "set_number, planned_s, done_s, skipped, completed_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        (sid, i, ex, kind, "left" if i % 2 else "right", 1, 30.0, 30.0, 0,
                         t0 + (i + 1) * 25)
                        for i, (ex, kind) in enumerate(steps[:n_steps])
                    ],
                )  # fmt: skip
                counts["steps"] += n_steps
                counts["sessions"] += 1
                exercises = ROUTINES[rid][1]
                conn.executemany(
                    "INSERT INTO exercise_responses (session_id, exercise_id, response) "
                    "VALUES (?, ?, ?)",
                    [(sid, ex, rng.choice(("better", "same", "worse"))) for ex in exercises[:3]],
                )
                if rng.random() < 0.05:
                    conn.execute(
                        "INSERT INTO hurt_events (uuid, session_id, exercise_id, step_index, "
                        "at) VALUES (?, ?, ?, ?, ?)",
                        (str(uuid.UUID(int=rng.getrandbits(128), version=4)), sid,
                         exercises[0], 1, t0 + 50),
                    )  # fmt: skip
                if slot == 0:
                    for kind, at in (("before", t0 - 60), ("after", t_end + 60)):
                        _checkin(conn, rng, kind, at, pain, sid)
                        counts["checkins"] += 1
            _checkin(conn, rng, "any", base + 21 * 3600, pain, None)
            counts["checkins"] += 1
    conn.execute("PRAGMA synchronous = FULL")
    return counts


def _checkin(conn, rng, kind, at, pain, sid):  # type: ignore[no-untyped-def]
    back = max(0, min(10, round(pain * 0.7 + rng.gauss(0, 1))))
    leg = max(0, min(10, round(pain + rng.gauss(0, 1))))
    extent = EXTENTS[max(0, min(4, round(pain / 2.2 + rng.gauss(0, 0.4))))]
    conn.execute(
        "INSERT INTO checkins (uuid, at, utc_offset, kind, back, leg, extent, tingling, "
        "numbness, weakness, note, session_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (str(uuid.UUID(int=rng.getrandbits(128), version=4)), at, local_utc_offset(at), kind,
         back, leg, extent,
         int(leg > 5), int(leg > 7), 0, "" if rng.random() < 0.9 else "long walk today", sid),
    )  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--years", type=float, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    paths = AppPaths(args.data_dir.resolve())
    if paths.database.exists():
        parser.error(f"{paths.database} exists; give an empty folder")
    t = time.perf_counter()
    with History.open(paths, backups=False) as history:
        counts = generate(history, years=args.years, seed=args.seed)
    print(f"wrote {counts} in {time.perf_counter() - t:.1f} s to {paths.database}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
