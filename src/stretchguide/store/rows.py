"""How the store's records become rows and rows records.

The column lists, the routine snapshot's JSON, the day limits the trend
queries keep to, and the small checks every writer applies: shared by
:mod:`.history` (writes) and :mod:`.queries` (reads) so each is said once.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Mapping
from dataclasses import asdict
from datetime import date
from typing import Any, NamedTuple

from stretchguide.core.trends import (
    CheckInKind,
    Extent,
    RoutineSnapshot,
    SessionStatus,
    SnapshotItem,
)

SESSION_COLS = (
    "id, uuid, routine_id, snapshot_id, started_at, ended_at, status, options, utc_offset"
)
CHECKIN_COLS = (
    "id, uuid, at, kind, back, leg, extent, tingling, numbness, weakness, note, session_id, "
    "utc_offset"
)
# Days the charts can draw: 1900 to 2200. A row outside (an import before
# dates were checked, a hand edit) stays in the record and in exports, but
# the trend views skip it instead of failing on a year no calendar has.
DAY_MIN = -25_567  # 1900-01-01
DAY_MAX = 84_006  # 2200-01-01
TIME_MIN = DAY_MIN * 86400
TIME_MAX = DAY_MAX * 86400
DAY_OK = f"{{col}} BETWEEN {DAY_MIN} AND {DAY_MAX}"
STEP_COLS = (
    "session_id, step_index, exercise_id, kind, side, set_number, planned_s, done_s, "
    "skipped, completed_at"
)


def _item(raw: Mapping[str, object]) -> SnapshotItem:
    # Coerce so 30 and 30.0 store the same text: export -> import -> export
    # must give identical files.
    return SnapshotItem(
        exercise_id=str(raw["exercise_id"]),
        hold_s=float(raw.get("hold_s", 0.0)),  # type: ignore[arg-type]
        reps=int(raw.get("reps", 1)),  # type: ignore[call-overload]
        rep_s=float(raw.get("rep_s", 0.0)),  # type: ignore[arg-type]
        sets=int(raw.get("sets", 1)),  # type: ignore[call-overload]
        sides=str(raw.get("sides", "none")),
        rest_s=float(raw.get("rest_s", 0.0)),  # type: ignore[arg-type]
    )


def snapshot_to_json(snapshot: RoutineSnapshot) -> str:
    clean = RoutineSnapshot(str(snapshot.name), tuple(_item(asdict(i)) for i in snapshot.items))
    return json.dumps(asdict(clean), sort_keys=True, separators=(",", ":"))


def snapshot_from_json(text: str) -> RoutineSnapshot:
    raw = json.loads(text)
    if not isinstance(raw, dict) or not isinstance(raw.get("items", []), list):
        raise ValueError("a routine snapshot is an object with a name and a list of items")
    return RoutineSnapshot(str(raw["name"]), tuple(_item(item) for item in raw.get("items", ())))


def new_uuid() -> str:
    return str(uuid.uuid4())


def local_utc_offset(ts: float) -> int:
    """Seconds east of UTC of this machine's clock at ``ts`` (DST-aware)."""
    return int(time.localtime(ts).tm_gmtoff)


STATUS = {s.value: s for s in SessionStatus}
KIND = {k.value: k for k in CheckInKind}
EXTENT = {e.value: e for e in Extent}


def check_scale(name: str, value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise ValueError(f"{name} must be a whole number from 0 to 10, got {value!r}")
    return value


class StoredSession(NamedTuple):
    """A session exactly as stored, with its steps, answers and hurts (for export).

    The values are not checked: a row written before import checked dates,
    or by hand, may hold anything, and an export must still carry it.
    """

    uuid: Any
    routine_id: Any
    snapshot: Any  # the routine snapshot's JSON text (None if its row is missing)
    started_at: Any
    ended_at: Any
    status: Any
    options: Any  # JSON text
    utc_offset: Any
    # (step_index, exercise_id, kind, side, set_number, planned_s, done_s, skipped, completed_at)
    steps: list[tuple[Any, ...]]
    responses: list[tuple[Any, ...]]  # (exercise_id, response)
    hurts: list[tuple[Any, ...]]  # (uuid, exercise_id, step_index, at)


class StoredCheckIn(NamedTuple):
    """A check-in exactly as stored (for export; values unchecked, see :class:`StoredSession`)."""

    uuid: Any
    at: Any
    kind: Any
    back: Any
    leg: Any
    extent: Any
    tingling: Any
    numbness: Any
    weakness: Any
    note: Any
    session_uuid: Any  # None when not linked to a session
    utc_offset: Any


def day_no(d: date) -> int:
    """A date as its day number since 1970-01-01 (the SQL's local day)."""
    return d.toordinal() - _EPOCH_DAY


_EPOCH_DAY = date(1970, 1, 1).toordinal()
