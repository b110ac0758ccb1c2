"""Export history as CSV or JSON, and import a JSON export.

Times are written as ISO 8601 local time with its UTC offset
(``2026-03-01T08:15:00+01:00``), so a spreadsheet shows the clock time the
person saw and the exact instant is still unambiguous. Every record carries
a stable UUID, which is what makes a repeated import skip what it already has.

JSON (``export_json``) holds everything::

    {"format": "stretchguide-history", "format_version": 1,
     "sessions": [{uuid, routine_id, routine: {name, items: [...]}, started,
                   ended, status, options, steps: [...], responses: [...],
                   hurts: [...]}],
     "checkins": [{uuid, at, kind, back, leg, extent, tingling, numbness,
                   weakness, note, session}]}

CSV (``export_csv``) writes one file per table into a folder; the columns are
listed in :data:`CSV_COLUMNS` (also shown by ``stretchguide export --help``).

Import (``import_json``) checks the whole file first and reports every
problem with its place in the file; only a fully valid file is written, in
one transaction, after a backup copy of the current history.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from stretchguide.core.trends import CheckInKind, Extent, Response, SessionStatus
from stretchguide.core.words import plural
from stretchguide.store import db
from stretchguide.store.db import StoreError
from stretchguide.store.history import History, snapshot_from_json

FORMAT = "stretchguide-history"
FORMAT_VERSION = 1

CSV_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "sessions.csv": (
        ("session_uuid", "stable id of the session"),
        ("routine_id", "id of the routine that was run"),
        ("routine_name", "the routine's name at the time"),
        ("started", "start, local time with UTC offset"),
        ("ended", "end, local time with UTC offset (empty while unfinished)"),
        ("status", "in_progress, completed, partial or stopped"),
        ("options", "options used, as JSON (e.g. which sides)"),
        ("steps_done", "number of steps recorded"),
    ),
    "steps.csv": (
        ("session_uuid", "the session the step belongs to"),
        ("step_index", "position of the step in the session, from 0"),
        ("exercise_id", "exercise id"),
        ("kind", "prepare, hold, reps, switch or rest"),
        ("side", "left, right or empty"),
        ("set_number", "which set, from 1"),
        ("planned_s", "planned length in seconds"),
        ("done_s", "seconds actually done"),
        ("skipped", "1 if the step was skipped"),
        ("completed", "when the step ended, local time with UTC offset"),
    ),
    "checkins.csv": (
        ("checkin_uuid", "stable id of the check-in"),
        ("at", "local time with UTC offset"),
        ("kind", "before, after, next_morning or any"),
        ("back", "back pain 0-10"),
        ("leg", "leg pain 0-10"),
        ("extent", "how far down the leg: none, buttock, thigh, below_knee, foot"),
        ("tingling", "1 if tingling"),
        ("numbness", "1 if numbness"),
        ("weakness", "1 if weakness"),
        ("note", "free text"),
        ("session_uuid", "the session this check-in belongs to, if any"),
    ),
    "responses.csv": (
        ("session_uuid", "the session"),
        ("exercise_id", "exercise id"),
        ("response", "better, same or worse"),
    ),
    "hurts.csv": (
        ("hurt_uuid", "stable id of the event"),
        ("session_uuid", "the session"),
        ("exercise_id", "exercise id"),
        ("step_index", "the step in progress"),
        ("at", "local time with UTC offset"),
    ),
}


def iso_local(ts: int, utc_offset: int) -> str:
    """Epoch seconds as the person's clock showed them, with the offset."""
    zone = timezone(timedelta(seconds=utc_offset))
    return datetime.fromtimestamp(ts, zone).isoformat(timespec="seconds")


def parse_iso(text: str) -> tuple[int, int]:
    """ISO 8601 with an offset -> (epoch seconds, offset seconds)."""
    parsed = datetime.fromisoformat(text)
    offset = parsed.utcoffset()
    if offset is None:
        raise ValueError("needs a UTC offset, e.g. +01:00")
    ts = parsed.timestamp()
    if ts != int(ts):
        raise ValueError("whole seconds only")
    return int(ts), int(offset.total_seconds())


def _write_private(path: Path, text: str) -> None:
    """Write a file with mode 0600 via a temporary name and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.partial")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


# --------------------------------------------------------------------------- export


def _session_rows(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    return conn.execute(
        "SELECT s.id, s.uuid, s.routine_id, r.snapshot, s.started_at, s.ended_at, s.status, "
        "s.options, s.utc_offset FROM sessions s JOIN routine_snapshots r ON r.id = s.snapshot_id "
        "ORDER BY s.started_at, s.uuid"
    ).fetchall()


def _grouped(conn: sqlite3.Connection, sql: str) -> dict[int, list[tuple[Any, ...]]]:
    out: dict[int, list[tuple[Any, ...]]] = {}
    for row in conn.execute(sql):
        out.setdefault(row[0], []).append(row[1:])
    return out


def export_data(history: History) -> dict[str, Any]:
    """Everything in the history as one JSON-ready document."""
    conn = history.conn
    steps = _grouped(
        conn,
        "SELECT session_id, step_index, exercise_id, kind, side, set_number, planned_s, "
        "done_s, skipped, completed_at FROM steps ORDER BY session_id, step_index",
    )
    responses = _grouped(
        conn,
        "SELECT session_id, exercise_id, response FROM exercise_responses "
        "ORDER BY session_id, exercise_id",
    )
    hurts = _grouped(
        conn,
        "SELECT session_id, uuid, exercise_id, step_index, at FROM hurt_events "
        "ORDER BY session_id, at, uuid",
    )
    sessions: list[dict[str, Any]] = []
    uuid_of: dict[int, str] = {}
    for sid, uid, rid, snap, started, ended, status, options, off in _session_rows(conn):
        uuid_of[sid] = uid
        sessions.append(
            {
                "uuid": uid,
                "routine_id": rid,
                "routine": json.loads(snap),
                "started": iso_local(started, off),
                "ended": None if ended is None else iso_local(ended, off),
                "status": status,
                "options": json.loads(options),
                "steps": [
                    {
                        "index": s[0],
                        "exercise_id": s[1],
                        "kind": s[2],
                        "side": s[3],
                        "set": s[4],
                        "planned_s": s[5],
                        "done_s": s[6],
                        "skipped": bool(s[7]),
                        "completed": iso_local(s[8], off),
                    }
                    for s in steps.get(sid, ())
                ],
                "responses": [
                    {"exercise_id": r[0], "response": r[1]} for r in responses.get(sid, ())
                ],
                "hurts": [
                    {
                        "uuid": h[0],
                        "exercise_id": h[1],
                        "step_index": h[2],
                        "at": iso_local(h[3], off),
                    }
                    for h in hurts.get(sid, ())
                ],
            }
        )
    checkins = [
        {
            "uuid": r[0],
            "at": iso_local(r[1], r[11]),
            "kind": r[2],
            "back": r[3],
            "leg": r[4],
            "extent": r[5],
            "tingling": bool(r[6]),
            "numbness": bool(r[7]),
            "weakness": bool(r[8]),
            "note": r[9],
            "session": None if r[10] is None else uuid_of[r[10]],
        }
        for r in conn.execute(
            "SELECT uuid, at, kind, back, leg, extent, tingling, numbness, weakness, note, "
            "session_id, utc_offset FROM checkins ORDER BY at, uuid"
        )
    ]
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "sessions": sessions,
        "checkins": checkins,
    }


def export_json(history: History, path: Path) -> Path:
    """Write everything to ``path``: one session or check-in per line.

    Hand-joined rather than ``indent=``: the indenting encoder is pure
    Python and ten times slower, and one record per line diffs well.
    """
    data = export_data(history)

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    def block(items: list[dict[str, Any]]) -> str:
        return "[\n" + ",\n".join(dump(x) for x in items) + "\n]" if items else "[]"

    text = (
        f'{{"format": {dump(FORMAT)},\n"format_version": {FORMAT_VERSION},\n'
        f'"sessions": {block(data["sessions"])},\n"checkins": {block(data["checkins"])}}}\n'
    )
    _write_private(Path(path), text)
    return Path(path)


def _csv_text(header: tuple[tuple[str, str], ...], rows: list[list[Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([name for name, _ in header])
    writer.writerows(rows)
    return buf.getvalue()


def _flag(value: bool) -> str:
    return "1" if value else "0"


def export_csv(history: History, folder: Path) -> list[Path]:
    """Write sessions.csv, steps.csv, checkins.csv, responses.csv and hurts.csv."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    data = export_data(history)
    tables: dict[str, list[list[Any]]] = {name: [] for name in CSV_COLUMNS}
    for s in data["sessions"]:
        u = s["uuid"]
        tables["sessions.csv"].append(
            [
                u,
                s["routine_id"],
                s["routine"]["name"],
                s["started"],
                s["ended"] or "",
                s["status"],
                json.dumps(s["options"], sort_keys=True),
                len(s["steps"]),
            ]
        )
        for st in s["steps"]:
            tables["steps.csv"].append(
                [
                    u,
                    st["index"],
                    st["exercise_id"],
                    st["kind"],
                    st["side"] or "",
                    st["set"],
                    st["planned_s"],
                    st["done_s"],
                    _flag(st["skipped"]),
                    st["completed"],
                ]
            )
        for r in s["responses"]:
            tables["responses.csv"].append([u, r["exercise_id"], r["response"]])
        for h in s["hurts"]:
            tables["hurts.csv"].append([h["uuid"], u, h["exercise_id"], h["step_index"], h["at"]])
    for c in data["checkins"]:
        tables["checkins.csv"].append(
            [
                c["uuid"],
                c["at"],
                c["kind"],
                c["back"],
                c["leg"],
                c["extent"],
                _flag(c["tingling"]),
                _flag(c["numbness"]),
                _flag(c["weakness"]),
                c["note"],
                c["session"] or "",
            ]
        )
    written = []
    for name, header in CSV_COLUMNS.items():
        path = folder / name
        _write_private(path, _csv_text(header, tables[name]))
        written.append(path)
    return written


# --------------------------------------------------------------------------- import


class ImportValidationError(StoreError):
    """The file was rejected whole; ``problems`` lists every issue found."""

    def __init__(self, source: Path, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        shown = "\n".join(f"  {p}" for p in problems[:20])
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(
            f"{source}: {plural(len(problems), 'problem')}, nothing was imported:\n{shown}{more}",
            f"{source.name} could not be imported ({plural(len(problems), 'problem')}); "
            "your history was not changed.",
        )


@dataclass
class ImportReport:
    sessions_added: int = 0
    sessions_skipped: int = 0  # already present (same uuid)
    checkins_added: int = 0
    checkins_skipped: int = 0
    backup: Path | None = None
    notes: list[str] = field(default_factory=list)


class _Checker:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def get(
        self,
        obj: dict[str, Any],
        key: str,
        where: str,
        kinds: type | tuple[type, ...],
        *,
        optional: bool = False,
        check: Callable[[Any], object] | None = None,
    ) -> Any:
        if key not in obj:
            if not optional:
                self.problems.append(f"{where}.{key}: missing")
            return None
        value = obj[key]
        if value is None and optional:
            return None
        # bool is an int in Python; a true/false where a number belongs is an error.
        if isinstance(value, bool) and bool not in (
            kinds if isinstance(kinds, tuple) else (kinds,)
        ):
            self.problems.append(f"{where}.{key}: expected a number, got {value!r}")
            return None
        if not isinstance(value, kinds):
            self.problems.append(f"{where}.{key}: wrong type {type(value).__name__}")
            return None
        if check is not None:
            try:
                return check(value)
            except (ValueError, KeyError, TypeError) as exc:
                self.problems.append(f"{where}.{key}: {value!r} is not valid ({exc})")
                return None
        return value


def _scale(v: int) -> int:
    if not 0 <= v <= 10:
        raise ValueError("must be 0 to 10")
    return v


def _nonneg(v: float) -> float:
    if v < 0:
        raise ValueError("must not be negative")
    return v


def _uuid(v: str) -> str:
    return str(uuid.UUID(v))


def _validate(doc: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[str]]:
    """Normalise the document into rows ready for SQL, or list the problems."""
    ck = _Checker()
    if not isinstance(doc, dict):
        return [], [], ["top level: expected a JSON object"]
    if doc.get("format") != FORMAT:
        ck.problems.append(f"format: expected {FORMAT!r}")
    if doc.get("format_version") != FORMAT_VERSION:
        ck.problems.append(f"format_version: expected {FORMAT_VERSION}")
    sessions_in = ck.get(doc, "sessions", "top level", list) or []
    checkins_in = ck.get(doc, "checkins", "top level", list) or []
    sessions: list[dict[str, Any]] = []
    seen: set[str] = set()
    for i, s in enumerate(sessions_in):
        w = f"sessions[{i}]"
        if not isinstance(s, dict):
            ck.problems.append(f"{w}: expected an object")
            continue
        row: dict[str, Any] = {
            "uuid": ck.get(s, "uuid", w, str, check=_uuid),
            "routine_id": ck.get(s, "routine_id", w, str),
            "started": ck.get(s, "started", w, str, check=parse_iso),
            "ended": ck.get(s, "ended", w, str, optional=True, check=parse_iso),
            "status": ck.get(s, "status", w, str, check=lambda v: SessionStatus(v).value),
            "options": ck.get(s, "options", w, dict),
        }
        routine = ck.get(s, "routine", w, dict)
        if routine is not None:
            try:
                row["snapshot"] = snapshot_from_json(json.dumps(routine))
            except (KeyError, TypeError, ValueError) as exc:
                ck.problems.append(f"{w}.routine: not a routine snapshot ({exc})")
        if row["options"] is not None and not all(
            isinstance(v, str) for v in row["options"].values()
        ):
            ck.problems.append(f"{w}.options: values must be text")
        if row["uuid"] in seen:
            ck.problems.append(f"{w}.uuid: appears twice in the file")
        seen.add(row["uuid"])
        steps = []
        indexes: set[int] = set()
        for j, st in enumerate(ck.get(s, "steps", w, list) or []):
            ws = f"{w}.steps[{j}]"
            if not isinstance(st, dict):
                ck.problems.append(f"{ws}: expected an object")
                continue
            idx = ck.get(st, "index", ws, int, check=lambda v: int(_nonneg(v)))
            if idx in indexes:
                ck.problems.append(f"{ws}.index: {idx} appears twice")
            indexes.add(idx)
            steps.append(
                (
                    idx,
                    ck.get(st, "exercise_id", ws, str),
                    ck.get(st, "kind", ws, str),
                    ck.get(st, "side", ws, str, optional=True),
                    ck.get(st, "set", ws, int),
                    ck.get(st, "planned_s", ws, (int, float), check=_nonneg),
                    ck.get(st, "done_s", ws, (int, float), check=_nonneg),
                    ck.get(st, "skipped", ws, bool),
                    ck.get(st, "completed", ws, str, check=parse_iso),
                )
            )
        row["steps"] = steps
        responses = []
        exercises: set[str] = set()
        for j, r in enumerate(ck.get(s, "responses", w, list) or []):
            wr = f"{w}.responses[{j}]"
            if not isinstance(r, dict):
                ck.problems.append(f"{wr}: expected an object")
                continue
            ex = ck.get(r, "exercise_id", wr, str)
            if ex in exercises:
                ck.problems.append(f"{wr}.exercise_id: {ex!r} answered twice")
            exercises.add(ex)
            resp = ck.get(r, "response", wr, str, check=lambda v: Response(v).value)
            responses.append((ex, resp))
        row["responses"] = responses
        hurts = []
        for j, h in enumerate(ck.get(s, "hurts", w, list) or []):
            wh = f"{w}.hurts[{j}]"
            if not isinstance(h, dict):
                ck.problems.append(f"{wh}: expected an object")
                continue
            hurts.append(
                (
                    ck.get(h, "uuid", wh, str, check=_uuid),
                    ck.get(h, "exercise_id", wh, str),
                    ck.get(h, "step_index", wh, int),
                    ck.get(h, "at", wh, str, check=parse_iso),
                )
            )
        row["hurts"] = hurts
        sessions.append(row)
    checkins: list[dict[str, Any]] = []
    seen_c: set[str] = set()
    for i, c in enumerate(checkins_in):
        w = f"checkins[{i}]"
        if not isinstance(c, dict):
            ck.problems.append(f"{w}: expected an object")
            continue
        row = {
            "uuid": ck.get(c, "uuid", w, str, check=_uuid),
            "at": ck.get(c, "at", w, str, check=parse_iso),
            "kind": ck.get(c, "kind", w, str, check=lambda v: CheckInKind(v).value),
            "back": ck.get(c, "back", w, int, check=_scale),
            "leg": ck.get(c, "leg", w, int, check=_scale),
            "extent": ck.get(c, "extent", w, str, check=lambda v: Extent(v).value),
            "tingling": ck.get(c, "tingling", w, bool),
            "numbness": ck.get(c, "numbness", w, bool),
            "weakness": ck.get(c, "weakness", w, bool),
            "note": ck.get(c, "note", w, str),
            "session": ck.get(c, "session", w, str, optional=True, check=_uuid),
        }
        if row["uuid"] in seen_c:
            ck.problems.append(f"{w}.uuid: appears twice in the file")
        seen_c.add(row["uuid"])
        if row["session"] is not None and row["session"] not in seen:
            row["needs_session"] = f"{w}.session"
        checkins.append(row)
    return sessions, checkins, ck.problems


def import_json(history: History, path: Path) -> ImportReport:
    """Import a JSON export: all or nothing, skipping records already present."""
    path = Path(path)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ImportValidationError(path, [f"cannot read as JSON: {exc}"]) from exc
    sessions, checkins, problems = _validate(doc)
    conn = history.conn
    existing = {u: i for i, u in conn.execute("SELECT id, uuid FROM sessions").fetchall()}
    for c in checkins:
        ref = c.get("needs_session")
        if ref and c["session"] not in existing:
            problems.append(
                f"{ref}: refers to session {c['session']} found neither in the file "
                "nor in the history"
            )
    if problems:
        raise ImportValidationError(path, problems)

    report = ImportReport()
    has_data = conn.execute(
        "SELECT EXISTS (SELECT 1 FROM sessions UNION ALL SELECT 1 FROM checkins)"
    ).fetchone()[0]
    if has_data:
        report.backup = history.backup_now("pre-import")
    known_checkins = {u for (u,) in conn.execute("SELECT uuid FROM checkins")}
    known_hurts = {u for (u,) in conn.execute("SELECT uuid FROM hurt_events")}
    with db.transaction(conn):
        for s in sessions:
            if s["uuid"] in existing:
                report.sessions_skipped += 1
                continue
            cur = conn.execute(
                "INSERT INTO sessions (uuid, routine_id, snapshot_id, started_at, utc_offset, "
                "ended_at, status, options) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    s["uuid"],
                    s["routine_id"],
                    history.snapshot_id(s["snapshot"]),
                    s["started"][0],
                    s["started"][1],
                    None if s["ended"] is None else s["ended"][0],
                    s["status"],
                    json.dumps(s["options"], sort_keys=True),
                ),
            )
            sid = cur.lastrowid
            existing[s["uuid"]] = sid
            report.sessions_added += 1
            conn.executemany(
                "INSERT INTO steps (session_id, step_index, exercise_id, kind, side, "
                "set_number, planned_s, done_s, skipped, completed_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(sid, *st[:7], int(st[7]), st[8][0]) for st in s["steps"]],
            )
            conn.executemany(
                "INSERT INTO exercise_responses (session_id, exercise_id, response) "
                "VALUES (?, ?, ?)",
                [(sid, ex, resp) for ex, resp in s["responses"]],
            )
            for h in s["hurts"]:
                if h[0] in known_hurts:
                    continue
                conn.execute(
                    "INSERT INTO hurt_events (uuid, session_id, exercise_id, step_index, at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (h[0], sid, h[1], h[2], h[3][0]),
                )
        for c in checkins:
            if c["uuid"] in known_checkins:
                report.checkins_skipped += 1
                continue
            conn.execute(
                "INSERT INTO checkins (uuid, at, utc_offset, kind, back, leg, extent, tingling, "
                "numbness, weakness, note, session_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    c["uuid"],
                    c["at"][0],
                    c["at"][1],
                    c["kind"],
                    c["back"],
                    c["leg"],
                    c["extent"],
                    int(c["tingling"]),
                    int(c["numbness"]),
                    int(c["weakness"]),
                    c["note"],
                    None if c["session"] is None else existing[c["session"]],
                ),
            )
            report.checkins_added += 1
    return report
