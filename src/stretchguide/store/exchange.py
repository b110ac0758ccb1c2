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

Both directions stream: export writes one record at a time and import reads
the file twice (check, then write) one record at a time, so memory stays flat
at any history length and time grows linearly (docs/RELIABILITY.md). Exports
go to a fresh private temporary file beside the target and are renamed over
it, so a planted symlink is replaced, never followed.
"""

from __future__ import annotations

import contextlib
import csv
import json
import math
import os
import re
import sqlite3
import stat
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import IO, Any

from stretchguide.core.trends import CheckInKind, Extent, Response, SessionStatus
from stretchguide.core.words import plural
from stretchguide.store import files, schema
from stretchguide.store.errors import StoreError
from stretchguide.store.history import History
from stretchguide.store.rows import snapshot_from_json

FORMAT = "stretchguide-history"
FORMAT_VERSION = 1

# Times accepted on import: 1970 to 2200 UTC. Anything outside cannot be a
# record made with this app, and 2200 keeps every local date (any offset)
# well inside what datetime and ISO 8601 can write back out.
MIN_TIME = 0
MAX_TIME = 7_258_118_400  # 2200-01-01T00:00:00Z
MAX_OFFSET = 18 * 3600  # the widest UTC offset ISO 8601 tools accept
MAX_INT_DIGITS = 18  # fits SQLite's 64-bit integers with room to spare
MAX_RECORD_CHARS = 4 * 1024 * 1024  # one session or check-in in an import file
MAX_PROBLEMS = 1000  # listed; more are counted
PROGRESS_EVERY = 1000  # records between progress calls

Progress = Callable[[int, int], None]
"""``progress(done, total)``: called now and then during export and import."""

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


class ExportError(StoreError):
    """The export could not be written; nothing was left half-written."""

    def __init__(self, path: Path, detail: str) -> None:
        self.path = path
        super().__init__(f"{path}: {detail}", f"Could not export to {path}: {detail}.")


def iso_local(ts: int, utc_offset: int) -> str:
    """Epoch seconds as the person's clock showed them, with the offset."""
    zone = timezone(timedelta(seconds=utc_offset))
    return datetime.fromtimestamp(ts, zone).isoformat(timespec="seconds")


def safe_iso(ts: Any, utc_offset: Any) -> str:
    """:func:`iso_local`, or the raw numbers for a row no calendar can show.

    Rows written before import checked dates (or by hand) may hold any
    value; the export must still run, keep the raw numbers so nothing is
    lost, and an import of them then names the field instead of storing it.
    """
    try:
        if isinstance(ts, int) and isinstance(utc_offset, int) and abs(utc_offset) < 86400:
            return iso_local(ts, utc_offset)
    except (ValueError, OverflowError, OSError):
        pass
    return f"unreadable time {ts!r} (offset {utc_offset!r})"


def parse_iso(text: str) -> tuple[int, int]:
    """ISO 8601 with an offset -> (epoch seconds, offset seconds).

    Only times that export writes back identically are accepted: 1970 to
    2200, whole seconds, an offset within +-18:00.
    """
    parsed = datetime.fromisoformat(text)
    offset = parsed.utcoffset()
    if offset is None:
        raise ValueError("needs a UTC offset, e.g. +01:00")
    off = offset.total_seconds()
    if off != int(off) or abs(off) > MAX_OFFSET:
        raise ValueError("the UTC offset must be whole seconds within 18 hours")
    try:
        ts = parsed.timestamp()
    except (OverflowError, ValueError, OSError) as exc:
        raise ValueError("out of range") from exc
    if ts != int(ts):
        raise ValueError("whole seconds only")
    if not MIN_TIME <= ts < MAX_TIME:
        raise ValueError("must be between 1970 and 2200")
    return int(ts), int(off)


# --------------------------------------------------------------------------- files


def _target_file(path: Path, overwrite: bool) -> None:
    """Refuse a target that is a folder, not a plain file, or exists without overwrite."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ExportError(path, exc.strerror or str(exc)) from exc
    if stat.S_ISDIR(st.st_mode):
        raise ExportError(path, "that is a folder; give a file name")
    if not (stat.S_ISREG(st.st_mode) or stat.S_ISLNK(st.st_mode)):
        raise ExportError(path, "that is not a regular file")
    if not overwrite:
        raise ExportError(path, "the file already exists (choose to overwrite it)")


def _make_folder(folder: Path, path_for_errors: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except FileExistsError as exc:
        raise ExportError(folder, "that is a file, not a folder") from exc
    except OSError as exc:
        raise ExportError(path_for_errors, exc.strerror or str(exc)) from exc
    if not folder.is_dir():
        raise ExportError(folder, "that is a file, not a folder")


class _PrivateFile:
    """A new 0600 file beside ``path``; :meth:`commit` renames it into place.

    ``mkstemp`` creates with O_EXCL (and O_NOFOLLOW), so nothing planted at
    the temporary name is ever opened, and the rename replaces a symlink at
    ``path`` instead of writing through it.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
        self.tmp = Path(tmp)
        self.fh: IO[str] = os.fdopen(fd, "w", encoding="utf-8", newline="")

    def finish(self) -> None:
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()

    def commit(self) -> None:
        os.replace(self.tmp, self.path)

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.fh.close()
        with contextlib.suppress(OSError):
            self.tmp.unlink()


@contextlib.contextmanager
def _writing(paths: list[Path]) -> Iterator[list[_PrivateFile]]:
    """Write several files; all are renamed into place only if every one was written."""
    outs: list[_PrivateFile] = []
    try:
        for p in paths:
            outs.append(_PrivateFile(p))
        yield outs
        for f in outs:
            f.finish()
        for f in outs:
            f.commit()
        files.fsync_dir(paths[0].parent)
    except OSError as exc:
        for f in outs:
            f.discard()
        where = Path(exc.filename) if getattr(exc, "filename", None) else paths[0]
        raise ExportError(where, exc.strerror or str(exc)) from exc
    except BaseException:
        for f in outs:
            f.discard()
        raise


# --------------------------------------------------------------------------- export


def _json_or(text: Any, fallback: dict[str, Any]) -> Any:
    try:
        return json.loads(text)
    except (TypeError, ValueError, RecursionError):
        return {**fallback, "unreadable": str(text)}


def _iter_sessions(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Every session as a JSON-ready dict, oldest first, one at a time."""
    reader = conn.cursor()
    rows = reader.execute(
        "SELECT s.id, s.uuid, s.routine_id, r.snapshot, s.started_at, s.ended_at, s.status, "
        "s.options, s.utc_offset FROM sessions s LEFT JOIN routine_snapshots r "
        "ON r.id = s.snapshot_id ORDER BY s.started_at, s.uuid"
    )
    for sid, uid, rid, snap, started, ended, status, options, off in rows:
        routine = _json_or(snap, {"name": "", "items": []})
        if not isinstance(routine, dict):
            routine = {"name": "", "items": [], "unreadable": str(snap)}
        yield {
            "uuid": uid,
            "routine_id": rid,
            "routine": routine,
            "started": safe_iso(started, off),
            "ended": None if ended is None else safe_iso(ended, off),
            "status": status,
            "options": _json_or(options, {}),
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
                    "completed": safe_iso(s[8], off),
                }
                for s in conn.execute(
                    "SELECT step_index, exercise_id, kind, side, set_number, planned_s, "
                    "done_s, skipped, completed_at FROM steps WHERE session_id = ? "
                    "ORDER BY step_index",
                    (sid,),
                )
            ],
            "responses": [
                {"exercise_id": r[0], "response": r[1]}
                for r in conn.execute(
                    "SELECT exercise_id, response FROM exercise_responses WHERE session_id = ? "
                    "ORDER BY exercise_id",
                    (sid,),
                )
            ],
            "hurts": [
                {"uuid": h[0], "exercise_id": h[1], "step_index": h[2], "at": safe_iso(h[3], off)}
                for h in conn.execute(
                    "SELECT uuid, exercise_id, step_index, at FROM hurt_events "
                    "WHERE session_id = ? ORDER BY at, uuid",
                    (sid,),
                )
            ],
        }


def _iter_checkins(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    uuid_of = dict(conn.execute("SELECT id, uuid FROM sessions").fetchall())
    for r in conn.cursor().execute(
        "SELECT uuid, at, kind, back, leg, extent, tingling, numbness, weakness, note, "
        "session_id, utc_offset FROM checkins ORDER BY at, uuid"
    ):
        yield {
            "uuid": r[0],
            "at": safe_iso(r[1], r[11]),
            "kind": r[2],
            "back": r[3],
            "leg": r[4],
            "extent": r[5],
            "tingling": bool(r[6]),
            "numbness": bool(r[7]),
            "weakness": bool(r[8]),
            "note": r[9],
            "session": None if r[10] is None else uuid_of.get(r[10]),
        }


class _Counter:
    def __init__(self, conn: sqlite3.Connection, progress: Progress | None) -> None:
        self.progress = progress
        self.done = 0
        self.total = 0
        if progress is not None:
            self.total = int(
                conn.execute(
                    "SELECT (SELECT COUNT(*) FROM sessions) + (SELECT COUNT(*) FROM checkins)"
                ).fetchone()[0]
            )
            progress(0, self.total)

    def tick(self) -> None:
        self.done += 1
        if self.progress is not None and self.done % PROGRESS_EVERY == 0:
            self.progress(self.done, self.total)

    def end(self) -> None:
        if self.progress is not None:
            self.progress(self.total, self.total)


def export_data(history: History) -> dict[str, Any]:
    """Everything in the history as one JSON-ready document (held in memory:
    for tests and small histories; the exports below stream)."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "sessions": list(_iter_sessions(history.conn)),
        "checkins": list(_iter_checkins(history.conn)),
    }


def _dump(value: Any) -> str:
    # allow_nan=False: a stored NaN must never produce a file our own import
    # (or any strict reader) refuses; such a value is written as text.
    try:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False)
    except ValueError:
        return json.dumps(_finite(value), ensure_ascii=False, sort_keys=True)


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


def export_json(
    history: History,
    path: Path,
    *,
    overwrite: bool = True,
    progress: Progress | None = None,
) -> Path:
    """Write everything to ``path``: one session or check-in per line.

    Hand-joined rather than ``indent=``: the indenting encoder is pure
    Python and ten times slower, and one record per line diffs well.
    Raises :class:`ExportError` (nothing written) if ``path`` is a folder,
    exists and ``overwrite`` is false, or the disk refuses the write.
    """
    path = Path(path)
    _target_file(path, overwrite)
    _make_folder(path.parent, path)
    counter = _Counter(history.conn, progress)

    def block(fh: IO[str], items: Iterator[dict[str, Any]]) -> None:
        first = True
        for item in items:
            fh.write(("[\n" if first else ",\n") + _dump(item))
            first = False
            counter.tick()
        fh.write("[]" if first else "\n]")

    with _writing([path]) as (out,):
        fh = out.fh
        fh.write(f'{{"format": {_dump(FORMAT)},\n"format_version": {FORMAT_VERSION},\n"sessions": ')
        block(fh, _iter_sessions(history.conn))
        fh.write(',\n"checkins": ')
        block(fh, _iter_checkins(history.conn))
        fh.write("}\n")
    counter.end()
    return path


# OWASP's rule for CSV injection: a cell a spreadsheet would read as a
# formula gets a leading apostrophe, so it shows as the text that was typed.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _flag(value: bool) -> str:
    return "1" if value else "0"


def export_csv(
    history: History,
    folder: Path,
    *,
    overwrite: bool = True,
    progress: Progress | None = None,
) -> list[Path]:
    """Write sessions.csv, steps.csv, checkins.csv, responses.csv and hurts.csv.

    All five are renamed into place together once all are written.
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ExportError(folder, "that is a file; give a folder for the CSV files")
    targets = [folder / name for name in CSV_COLUMNS]
    _make_folder(folder, folder)
    for t in targets:
        _target_file(t, overwrite)
    counter = _Counter(history.conn, progress)
    with _writing(targets) as files:
        writers = {}
        for name, f in zip(CSV_COLUMNS, files, strict=True):
            # CRLF rows (RFC 4180): with both characters in the line end the
            # csv module quotes any cell holding a CR or an LF, so a note
            # can never split a row.
            w = csv.writer(f.fh, lineterminator="\r\n")
            w.writerow([n for n, _ in CSV_COLUMNS[name]])
            writers[name] = w

        def row(name: str, cells: list[Any]) -> None:
            writers[name].writerow([csv_cell(c) for c in cells])

        for s in _iter_sessions(history.conn):
            u = s["uuid"]
            name = s["routine"].get("name", "") if isinstance(s["routine"], dict) else ""
            row(
                "sessions.csv",
                [
                    u,
                    s["routine_id"],
                    name,
                    s["started"],
                    s["ended"] or "",
                    s["status"],
                    _dump(s["options"]),
                    len(s["steps"]),
                ],
            )
            for st in s["steps"]:
                row(
                    "steps.csv",
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
                    ],
                )
            for r in s["responses"]:
                row("responses.csv", [u, r["exercise_id"], r["response"]])
            for h in s["hurts"]:
                row("hurts.csv", [h["uuid"], u, h["exercise_id"], h["step_index"], h["at"]])
            counter.tick()
        for c in _iter_checkins(history.conn):
            row(
                "checkins.csv",
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
                ],
            )
            counter.tick()
    counter.end()
    return targets


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


class _HostileValueError(Exception):
    """A value JSON allows but a history file never holds."""


def _no_constant(name: str) -> Any:
    raise _HostileValueError(f"{name} is not a number a history can hold")


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise _HostileValueError(f"a {len(text)}-digit number is too large")
    return int(text)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _HostileValueError(f"{text[:40]} is too large")
    return value


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _HostileValueError(f"the key {key[:80]!r} appears twice in one object")
        out[key] = value
    return out


_DECODER = json.JSONDecoder(
    object_pairs_hook=_unique_keys,
    parse_int=_bounded_int,
    parse_float=_finite_float,
    parse_constant=_no_constant,
)
_WS = re.compile(r"[ \t\n\r]*")


class _BadFileError(Exception):
    pass


class _Stream:
    """Reads a JSON object's members one at a time, and the elements of its
    top-level arrays one at a time, so no more than one record is held."""

    CHUNK = 1 << 20

    def __init__(self, fh: IO[str], on_read: Callable[[int], None]) -> None:
        self.fh = fh
        self.buf = ""
        self.pos = 0
        self.base = 0  # characters dropped from the front of buf
        self.eof = False
        self.on_read = on_read

    def _fill(self) -> bool:
        if self.pos:
            self.base += self.pos
            self.buf = self.buf[self.pos :]
            self.pos = 0
        chunk = self.fh.read(self.CHUNK)
        if not chunk:
            self.eof = True
            return False
        self.on_read(len(chunk))
        self.buf += chunk
        return True

    def where(self) -> str:
        return f"character {self.base + self.pos + 1}"

    def peek(self) -> str:
        while True:
            m = _WS.match(self.buf, self.pos)
            self.pos = m.end() if m else self.pos
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._fill():
                return ""

    def expect(self, char: str) -> None:
        if self.peek() != char:
            found = self.peek() or "the end of the file"
            raise _BadFileError(f"expected {char!r} at {self.where()}, found {found[:1]!r}")
        self.pos += 1

    def value(self) -> Any:
        self.peek()
        while True:
            try:
                obj, end = _DECODER.raw_decode(self.buf, self.pos)
                # A number at the very end of the buffer may continue in the next chunk.
                if end < len(self.buf) or self.eof:
                    self.pos = end
                    return obj
            except json.JSONDecodeError as exc:
                if self.eof:
                    raise _BadFileError(f"not valid JSON at {self.where()}: {exc.msg}") from exc
            except RecursionError as exc:
                raise _BadFileError(f"nested too deeply at {self.where()}") from exc
            except _HostileValueError as exc:
                raise _BadFileError(f"{exc} (at {self.where()})") from exc
            if len(self.buf) - self.pos > MAX_RECORD_CHARS:
                raise _BadFileError(f"a record larger than 4 MB at {self.where()}")
            self._fill()

    def members(self) -> Iterator[tuple[str, int | None, Any]]:
        """(key, index, value): index is the position inside a top-level array."""
        self.expect("{")
        if self.peek() == "}":
            self.pos += 1
        else:
            seen: set[str] = set()
            while True:
                if self.peek() != '"':
                    raise _BadFileError(f"expected a key at {self.where()}")
                key = self.value()
                if key in seen:
                    raise _BadFileError(f"the key {key[:80]!r} appears twice at the top level")
                seen.add(key)
                self.expect(":")
                if key in ("sessions", "checkins") and self.peek() == "[":
                    self.pos += 1
                    yield key, None, []
                    if self.peek() == "]":
                        self.pos += 1
                    else:
                        i = 0
                        while True:
                            yield key, i, self.value()
                            i += 1
                            nxt = self.peek()
                            self.pos += 1
                            if nxt == "]":
                                break
                            if nxt != ",":
                                self.pos -= 1
                                raise _BadFileError(f"expected ',' or ']' at {self.where()}")
                else:
                    yield key, None, self.value()
                nxt = self.peek()
                self.pos += 1
                if nxt == "}":
                    break
                if nxt != ",":
                    self.pos -= 1
                    raise _BadFileError(f"expected ',' or '}}' at {self.where()}")
        if self.peek() != "":
            raise _BadFileError(f"extra data after the end, at {self.where()}")


def _open_regular(path: Path) -> IO[str]:
    """Open ``path`` for reading only if it is a regular file (no FIFO, device or folder)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise ImportValidationError(path, [f"cannot open: {exc.strerror or exc}"]) from exc
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise ImportValidationError(path, ["not a regular file"])
    os.set_blocking(fd, True)
    return os.fdopen(fd, "r", encoding="utf-8", errors="strict", newline="")


_ABSENT = object()


class _Checker:
    def __init__(self) -> None:
        self.problems: list[str] = []
        self.count = 0

    def add(self, text: str) -> None:
        self.count += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(text)

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
        value = obj.get(key, _ABSENT)
        if value is _ABSENT:
            if not optional:
                self.add(f"{where}.{key}: missing")
            return None
        if value is None and optional:
            return None
        # bool is an int in Python; a true/false where a number belongs is an error.
        if isinstance(value, bool) and bool not in (
            kinds if isinstance(kinds, tuple) else (kinds,)
        ):
            self.add(f"{where}.{key}: expected a number, got {value!r}")
            return None
        if not isinstance(value, kinds):
            self.add(f"{where}.{key}: wrong type {type(value).__name__}")
            return None
        if type(value) is str and not (
            value.isascii() and "\x00" not in value or _encodable(value)
        ):
            self.add(f"{where}.{key}: text with invalid characters")
            return None
        if check is not None:
            try:
                return check(value)
            except (ValueError, KeyError, TypeError, OverflowError) as exc:
                shown = repr(value) if len(repr(value)) <= 80 else repr(value)[:77] + "..."
                self.add(f"{where}.{key}: {shown} is not valid ({exc})")
                return None
        return value


def _encodable(text: str) -> bool:
    # A lone surrogate ("\ud800") parses as JSON but SQLite cannot store it.
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in text


def _scale(v: int) -> int:
    if not 0 <= v <= 10:
        raise ValueError("must be 0 to 10")
    return v


def _nonneg(v: float) -> float:
    if v < 0:
        raise ValueError("must not be negative")
    return v


def _small_count(v: int) -> int:
    if not 0 <= v <= 1_000_000:
        raise ValueError("must be 0 to 1000000")
    return v


def _uuid(v: str) -> str:
    return str(uuid.UUID(v))


def _snapshot(routine: dict[str, Any]) -> Any:
    snap = snapshot_from_json(json.dumps(routine))
    for item in snap.items:
        for number in (item.hold_s, item.rep_s, item.rest_s):
            if not math.isfinite(number) or number < 0:
                raise ValueError("durations must be finite and not negative")
        if not (0 <= item.reps <= 1_000_000 and 0 <= item.sets <= 1_000_000):
            raise ValueError("reps and sets must be 0 to 1000000")
        if not (_encodable(item.exercise_id) and _encodable(item.sides)):
            raise ValueError("text with invalid characters")
    if not _encodable(snap.name):
        raise ValueError("text with invalid characters")
    return snap


def _check_session(ck: _Checker, s: Any, w: str, seen: set[str]) -> dict[str, Any] | None:
    if not isinstance(s, dict):
        ck.add(f"{w}: expected an object")
        return None
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
            row["snapshot"] = _snapshot(routine)
        except (KeyError, TypeError, ValueError, OverflowError, RecursionError) as exc:
            ck.add(f"{w}.routine: not a routine snapshot ({exc})")
    if row["options"] is not None and not all(
        isinstance(v, str) and _encodable(v) and _encodable(k) for k, v in row["options"].items()
    ):
        ck.add(f"{w}.options: values must be text")
    if row["uuid"] is not None:
        if row["uuid"] in seen:
            ck.add(f"{w}.uuid: appears twice in the file")
        seen.add(row["uuid"])
    steps = []
    indexes: set[int] = set()
    for j, st in enumerate(ck.get(s, "steps", w, list) or []):
        ws = f"{w}.steps[{j}]"
        if not isinstance(st, dict):
            ck.add(f"{ws}: expected an object")
            continue
        idx = ck.get(st, "index", ws, int, check=_small_count)
        if idx is not None and idx in indexes:
            ck.add(f"{ws}.index: {idx} appears twice")
        indexes.add(idx)
        steps.append(
            (
                idx,
                ck.get(st, "exercise_id", ws, str),
                ck.get(st, "kind", ws, str),
                ck.get(st, "side", ws, str, optional=True),
                ck.get(st, "set", ws, int, check=_small_count),
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
            ck.add(f"{wr}: expected an object")
            continue
        ex = ck.get(r, "exercise_id", wr, str)
        if ex is not None and ex in exercises:
            ck.add(f"{wr}.exercise_id: {ex[:80]!r} answered twice")
        exercises.add(ex)
        resp = ck.get(r, "response", wr, str, check=lambda v: Response(v).value)
        responses.append((ex, resp))
    row["responses"] = responses
    hurts = []
    hurt_ids: set[str] = set()
    for j, h in enumerate(ck.get(s, "hurts", w, list) or []):
        wh = f"{w}.hurts[{j}]"
        if not isinstance(h, dict):
            ck.add(f"{wh}: expected an object")
            continue
        hid = ck.get(h, "uuid", wh, str, check=_uuid)
        if hid is not None and hid in hurt_ids:
            ck.add(f"{wh}.uuid: appears twice")
        hurt_ids.add(hid)
        hurts.append(
            (
                hid,
                ck.get(h, "exercise_id", wh, str),
                ck.get(h, "step_index", wh, int, check=_small_count),
                ck.get(h, "at", wh, str, check=parse_iso),
            )
        )
    row["hurts"] = hurts
    return row


def _check_checkin(ck: _Checker, c: Any, w: str, seen: set[str]) -> dict[str, Any] | None:
    if not isinstance(c, dict):
        ck.add(f"{w}: expected an object")
        return None
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
    if row["uuid"] is not None:
        if row["uuid"] in seen:
            ck.add(f"{w}.uuid: appears twice in the file")
        seen.add(row["uuid"])
    return row


def _records(path: Path, on_read: Callable[[int], None]) -> Iterator[tuple[str, int | None, Any]]:
    try:
        with _open_regular(path) as fh:
            yield from _Stream(fh, on_read).members()
    except _BadFileError as exc:
        raise ImportValidationError(path, [str(exc)]) from exc
    except UnicodeDecodeError as exc:
        raise ImportValidationError(path, [f"not UTF-8 text: {exc.reason}"]) from exc
    except OSError as exc:
        raise ImportValidationError(path, [f"cannot read: {exc.strerror or exc}"]) from exc


def _check_file(path: Path, existing: dict[str, int], on_read: Callable[[int], None]) -> list[str]:
    """First pass: every problem in the file, holding only the uuids."""
    ck = _Checker()
    top: dict[str, Any] = {}
    sessions: set[str] = set()
    checkins: set[str] = set()
    links: dict[str, str] = {}  # session uuid -> where a check-in first refers to it
    for key, index, value in _records(path, on_read):
        if index is None:
            top[key] = value
        elif key == "sessions":
            _check_session(ck, value, f"sessions[{index}]", sessions)
        else:
            w = f"checkins[{index}]"
            row = _check_checkin(ck, value, w, checkins)
            if row is not None and row["session"] is not None:
                links.setdefault(row["session"], f"{w}.session")
    if not top and not sessions and not checkins:
        return ["top level: expected a JSON object"]
    if top.get("format") != FORMAT:
        ck.add(f"format: expected {FORMAT!r}")
    if top.get("format_version") != FORMAT_VERSION or isinstance(top.get("format_version"), bool):
        ck.add(f"format_version: expected {FORMAT_VERSION}")
    for key in ("sessions", "checkins"):
        if key not in top:
            ck.add(f"top level.{key}: missing")
        elif not isinstance(top[key], list):
            ck.add(f"top level.{key}: wrong type {type(top[key]).__name__}")
    for ref, where in links.items():
        if ref not in sessions and ref not in existing:
            ck.add(f"{where}: refers to session {ref} found neither in the file nor in the history")
    problems = ck.problems
    if ck.count > len(problems):
        problems.append(f"... and {ck.count - len(problems)} more problem(s)")
    return problems


def import_json(history: History, path: Path, *, progress: Progress | None = None) -> ImportReport:
    """Import a JSON export: all or nothing, skipping records already present.

    The file is read twice, one record at a time: first every problem is
    listed (:class:`ImportValidationError`, nothing written), then the rows
    go in as one transaction. ``progress(done, total)`` counts characters
    read over both passes.
    """
    path = Path(path)
    try:
        total = 2 * max(os.stat(path).st_size, 1)
    except OSError as exc:
        raise ImportValidationError(path, [f"cannot open: {exc.strerror or exc}"]) from exc
    done = 0

    def on_read(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(min(done, total), total)

    conn = history.conn
    existing = {u: i for i, u in conn.execute("SELECT id, uuid FROM sessions").fetchall()}
    problems = _check_file(path, existing, on_read)
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
    snapshot_ids: dict[Any, int] = {}
    ck = _Checker()
    done = total // 2
    with schema.transaction(conn), schema.bulk_load(conn):
        waiting: list[dict[str, Any]] = []
        for key, index, value in _records(path, on_read):
            if index is None:
                continue
            if key == "sessions":
                s = _check_session(ck, value, "", set())
                assert s is not None  # checked in the first pass
                if s["uuid"] in existing:
                    report.sessions_skipped += 1
                    continue
                snap = snapshot_ids.get(s["snapshot"])
                if snap is None:
                    snap = snapshot_ids[s["snapshot"]] = history.snapshot_id(s["snapshot"])
                _insert_session(conn, s, snap, existing, known_hurts)
                report.sessions_added += 1
            else:
                c = _check_checkin(ck, value, "", set())
                assert c is not None
                if c["uuid"] in known_checkins:
                    report.checkins_skipped += 1
                elif c["session"] is not None and c["session"] not in existing:
                    waiting.append(c)  # its session comes later in the file
                else:
                    _insert_checkin(conn, c, existing)
                    known_checkins.add(c["uuid"])
                    report.checkins_added += 1
        for c in waiting:
            _insert_checkin(conn, c, existing)
            report.checkins_added += 1
    if progress is not None:
        progress(total, total)
    return report


def _insert_session(
    conn: sqlite3.Connection,
    s: dict[str, Any],
    snapshot_id: int,
    existing: dict[str, int],
    known_hurts: set[str],
) -> None:
    cur = conn.execute(
        "INSERT INTO sessions (uuid, routine_id, snapshot_id, started_at, utc_offset, "
        "ended_at, status, options) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            s["uuid"],
            s["routine_id"],
            snapshot_id,
            s["started"][0],
            s["started"][1],
            None if s["ended"] is None else s["ended"][0],
            s["status"],
            json.dumps(s["options"], sort_keys=True),
        ),
    )
    sid = int(cur.lastrowid or 0)
    existing[s["uuid"]] = sid
    conn.executemany(
        "INSERT INTO steps (session_id, step_index, exercise_id, kind, side, "
        "set_number, planned_s, done_s, skipped, completed_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(sid, *st[:7], int(st[7]), st[8][0]) for st in s["steps"]],
    )
    conn.executemany(
        "INSERT INTO exercise_responses (session_id, exercise_id, response) VALUES (?, ?, ?)",
        [(sid, ex, resp) for ex, resp in s["responses"]],
    )
    for h in s["hurts"]:
        if h[0] in known_hurts:
            continue
        known_hurts.add(h[0])
        conn.execute(
            "INSERT INTO hurt_events (uuid, session_id, exercise_id, step_index, at) "
            "VALUES (?, ?, ?, ?, ?)",
            (h[0], sid, h[1], h[2], h[3][0]),
        )


def _insert_checkin(conn: sqlite3.Connection, c: dict[str, Any], existing: dict[str, int]) -> None:
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
