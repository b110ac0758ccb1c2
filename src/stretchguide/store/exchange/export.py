"""Write the history out as JSON or CSV, streamed, all files or none.

Exports go to a fresh private temporary file beside the target and are
renamed over it, so a planted symlink is replaced, never followed; the
records come from the store's reads (:class:`ExportSource`), never from SQL
written here.
"""

from __future__ import annotations

import contextlib
import csv
import json
import math
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Protocol

from stretchguide.core.atomic import hidden_prefix
from stretchguide.core.messages import said
from stretchguide.core.os_reasons import os_reason
from stretchguide.store import files
from stretchguide.store.exchange.formats import (
    CSV_COLUMNS,
    FORMAT,
    FORMAT_VERSION,
    PROGRESS_EVERY,
    ExportError,
    ExportExistsError,
    Progress,
    safe_iso,
)
from stretchguide.store.rows import StoredCheckIn, StoredSession


class ExportSource(Protocol):
    """What an export reads: the store's records as stored (HistoryReader has these)."""

    def stored_sessions(self) -> Iterator[StoredSession]: ...

    def stored_checkins(self) -> Iterator[StoredCheckIn]: ...

    def record_count(self) -> int: ...


# --------------------------------------------------------------------------- files


def _target_file(path: Path, overwrite: bool) -> None:
    """Refuse a target that is a folder, not a plain file, or exists without overwrite."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ExportError(path, os_reason(exc)) from exc
    if stat.S_ISDIR(st.st_mode):
        raise ExportError(path, said("that is a folder; give a file name"))
    if not (stat.S_ISREG(st.st_mode) or stat.S_ISLNK(st.st_mode)):
        raise ExportError(path, said("that is not a regular file"))
    if not overwrite:
        raise ExportExistsError(path)


def _make_folder(folder: Path, path_for_errors: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except FileExistsError as exc:
        raise ExportError(folder, _NOT_A_FOLDER) from exc
    except OSError as exc:
        raise ExportError(path_for_errors, os_reason(exc)) from exc
    if not folder.is_dir():
        raise ExportError(folder, _NOT_A_FOLDER)


_NOT_A_FOLDER = said("that is a file, not a folder")


class _PrivateFile:
    """A new 0600 file beside ``path``; :meth:`commit` renames it into place.

    ``mkstemp`` creates with O_EXCL (and O_NOFOLLOW), so nothing planted at
    the temporary name is ever opened, and the rename replaces a symlink at
    ``path`` instead of writing through it.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        # The prefix is cut to fit: a long name the file system takes (240
        # bytes) was refused because ".<name>.XXXXXXXX.partial" was not.
        fd, tmp = tempfile.mkstemp(prefix=hidden_prefix(path), suffix=".partial", dir=path.parent)
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
        if where.name.startswith(".") and where.name.endswith(".partial"):
            # Our hidden temporary file is no name a person knows: the
            # folder it was to be written in is ("cannot write .x.json.ab12.partial").
            where = where.parent
        raise ExportError(where, os_reason(exc)) from exc
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


def _iter_sessions(source: ExportSource) -> Iterator[dict[str, Any]]:
    """Every session as a JSON-ready dict, oldest first, one at a time."""
    for s in source.stored_sessions():
        off = s.utc_offset
        routine = _json_or(s.snapshot, {"name": "", "items": []})
        if not isinstance(routine, dict):
            routine = {"name": "", "items": [], "unreadable": str(s.snapshot)}
        yield {
            "uuid": s.uuid,
            "routine_id": s.routine_id,
            "routine": routine,
            "started": safe_iso(s.started_at, off),
            "ended": None if s.ended_at is None else safe_iso(s.ended_at, off),
            "status": s.status,
            "options": _json_or(s.options, {}),
            "steps": [
                {
                    "index": st[0],
                    "exercise_id": st[1],
                    "kind": st[2],
                    "side": st[3],
                    "set": st[4],
                    "planned_s": st[5],
                    "done_s": st[6],
                    "skipped": bool(st[7]),
                    "completed": safe_iso(st[8], off),
                }
                for st in s.steps
            ],
            "responses": [{"exercise_id": r[0], "response": r[1]} for r in s.responses],
            "hurts": [
                {"uuid": h[0], "exercise_id": h[1], "step_index": h[2], "at": safe_iso(h[3], off)}
                for h in s.hurts
            ],
        }


def _iter_checkins(source: ExportSource) -> Iterator[dict[str, Any]]:
    for c in source.stored_checkins():
        yield {
            "uuid": c.uuid,
            "at": safe_iso(c.at, c.utc_offset),
            "kind": c.kind,
            "back": c.back,
            "leg": c.leg,
            "extent": c.extent,
            "tingling": bool(c.tingling),
            "numbness": bool(c.numbness),
            "weakness": bool(c.weakness),
            "note": c.note,
            "session": c.session_uuid,
        }


class _Counter:
    def __init__(self, source: ExportSource, progress: Progress | None) -> None:
        self.progress = progress
        self.done = 0
        self.total = 0
        if progress is not None:
            self.total = source.record_count()
            progress(0, self.total)

    def tick(self) -> None:
        self.done += 1
        if self.progress is not None and self.done % PROGRESS_EVERY == 0:
            self.progress(self.done, self.total)

    def end(self) -> None:
        if self.progress is not None:
            self.progress(self.total, self.total)


def export_data(history: ExportSource) -> dict[str, Any]:
    """Everything in the history as one JSON-ready document (held in memory:
    for tests and small histories; the exports below stream)."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "sessions": list(_iter_sessions(history)),
        "checkins": list(_iter_checkins(history)),
    }


def _dump(value: Any) -> str:
    # allow_nan=False: a stored NaN must never produce a file our own import
    # (or any strict reader) refuses; such a value is written as text.
    try:
        return json.dumps(
            value, ensure_ascii=False, sort_keys=True, allow_nan=False, default=_stored_blob
        )
    except ValueError:
        return json.dumps(_finite(value), ensure_ascii=False, sort_keys=True, default=_stored_blob)


def _stored_blob(value: object) -> str:
    # A BLOB another program stored where text or a number belongs: kept,
    # as text, rather than a TypeError that wrote no export at all.
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    raise TypeError(f"{type(value).__name__} is not JSON")


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


def export_json(
    history: ExportSource,
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
    counter = _Counter(history, progress)

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
        block(fh, _iter_sessions(history))
        fh.write(',\n"checkins": ')
        block(fh, _iter_checkins(history))
        fh.write("}\n")
    counter.end()
    return path


# OWASP's rule for CSV injection: a cell a spreadsheet would read as a
# formula gets a leading apostrophe, so it shows as the text that was typed.
# A cell typed with apostrophes before such a character ("'=1") gets one
# more, so the mark is never ambiguous: csv_value takes exactly one off
# exactly those cells, and gives back what was typed (a plain "'tis" is
# left alone both ways).
_FORMULA = re.compile(r"'*[=+\-@\t\r]")


def csv_cell(value: Any) -> Any:
    """``value`` as a CSV cell no spreadsheet runs as a formula."""
    if isinstance(value, str) and _FORMULA.match(value):
        return "'" + value
    return value


def csv_value(cell: str) -> str:
    """The text a CSV cell written by :func:`csv_cell` holds: its inverse."""
    if cell.startswith("'") and _FORMULA.match(cell, 1):
        return cell[1:]
    return cell


def _flag(value: bool) -> str:
    return "1" if value else "0"


def export_csv(
    history: ExportSource,
    folder: Path,
    *,
    overwrite: bool = True,
    progress: Progress | None = None,
) -> list[Path]:
    """Write sessions.csv, steps.csv, checkins.csv, responses.csv and hurts.csv.

    All five are renamed into place together once all are written.
    """
    folder = Path(folder)
    # os.path answers False where Path.exists raised (a name too long for the
    # disk, past every message); making the folder then says why.
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise ExportError(folder, said("that is a file; give a folder for the CSV files"))
    targets = [folder / name for name in CSV_COLUMNS]
    _make_folder(folder, folder)
    for t in targets:
        _target_file(t, overwrite)
    counter = _Counter(history, progress)
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

        for s in _iter_sessions(history):
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
        for c in _iter_checkins(history):
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
