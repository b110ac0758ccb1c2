"""Import a JSON export: check the whole file, then write all of it or nothing.

The file is read twice, one record at a time (:mod:`.json_reader`): first
every problem is listed with its place in the file, then the rows go in
through the store's one writer (:meth:`History.importing`), in one
transaction, after a backup copy of the current history.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from stretchguide.core.messages import Message, reason_of, said, said_n
from stretchguide.core.os_reasons import os_reason
from stretchguide.core.text_encoding import with_line
from stretchguide.core.trends import CheckInKind, Extent, Response, SessionStatus
from stretchguide.plain_files import not_utf8, open_plain
from stretchguide.store.exchange.formats import (
    CSV_COLUMNS,
    FORMAT,
    FORMAT_VERSION,
    MAX_PROBLEMS,
    ImportValidationError,
    Progress,
    json_kind,
    missing,
    parse_iso,
    wrong_kind,
)
from stretchguide.store.exchange.json_reader import BadFileError, Stream, open_regular
from stretchguide.store.exchange.same_file import checked_again, identity, unchanged
from stretchguide.store.exchange.values import (
    an_id,
    duration,
    encodable,
    named_id,
    one_of,
    scale,
    small_count,
    snapshot,
    step_kind,
    step_side,
    uuid_text,
)
from stretchguide.store.history import Importer


class ImportTarget(Protocol):
    """What an import needs of the store (History has these)."""

    def session_ids_by_uuid(self) -> dict[str, int]: ...

    def has_records(self) -> bool: ...

    def checkin_uuids(self) -> set[str]: ...

    def hurt_uuids(self) -> set[str]: ...

    def backup_now(self, label: str = ...) -> Path: ...

    def importing(self) -> contextlib.AbstractContextManager[Importer]: ...


@dataclass
class ImportReport:
    sessions_added: int = 0
    sessions_skipped: int = 0  # already present (same uuid)
    checkins_added: int = 0
    checkins_skipped: int = 0
    backup: Path | None = None
    notes: list[str] = field(default_factory=list)


_ABSENT = object()


class _Checker:
    def __init__(self) -> None:
        self.problems: list[Message] = []
        self.count = 0

    def add(self, text: Message) -> None:
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
        field = f"{where}.{key}"
        if value is _ABSENT:
            if not optional:
                self.add(missing(field))
            return None
        if value is None and optional:
            return None
        # bool is an int in Python; a true/false where a number belongs is an error.
        if isinstance(value, bool) and bool not in (
            kinds if isinstance(kinds, tuple) else (kinds,)
        ):
            self.add(wrong_kind(field, kinds, value))
            return None
        if not isinstance(value, kinds):
            self.add(wrong_kind(field, kinds, value))
            return None
        if type(value) is str and not (value.isascii() and "\x00" not in value or encodable(value)):
            self.add(said("{field}: text with invalid characters", field=field))
            return None
        if check is not None:
            try:
                return check(value)
            except (ValueError, KeyError, TypeError, OverflowError) as exc:
                shown = repr(value) if len(repr(value)) <= 80 else repr(value)[:77] + "..."
                self.add(
                    said(
                        "{field}: {value} is not valid ({reason})",
                        field=field,
                        value=shown,
                        reason=reason_of(exc),
                    )
                )
                return None
        return value


def _object_expected(field: str) -> Message:
    return said("{field}: expected an object", field=field)


def _twice_in_file(field: str) -> Message:
    return said("{field}: appears twice in the file", field=field)


def _check_session(ck: _Checker, s: Any, w: str, seen: set[str]) -> dict[str, Any] | None:
    if not isinstance(s, dict):
        ck.add(_object_expected(w))
        return None
    row: dict[str, Any] = {
        "uuid": ck.get(s, "uuid", w, str, check=uuid_text),
        "routine_id": ck.get(s, "routine_id", w, str, check=named_id),
        "started": ck.get(s, "started", w, str, check=parse_iso),
        "ended": ck.get(s, "ended", w, str, optional=True, check=parse_iso),
        "status": ck.get(s, "status", w, str, check=one_of(SessionStatus)),
        "options": ck.get(s, "options", w, dict),
    }
    # An end before the start is not refused: only an older StretchGuide on a
    # clock set back mid-session wrote one, and refusing it refused the
    # person's whole backup. The store keeps it at the start (Importer).
    routine = ck.get(s, "routine", w, dict)
    if routine is not None:
        try:
            row["snapshot"] = snapshot(routine)
        except (KeyError, TypeError, ValueError, OverflowError, RecursionError) as exc:
            ck.add(
                said(
                    "{field}: not a routine snapshot ({reason})",
                    field=f"{w}.routine",
                    reason=reason_of(exc),
                )
            )
    if row["options"] is not None and not all(
        isinstance(v, str) and encodable(v) and encodable(k) for k, v in row["options"].items()
    ):
        ck.add(said("{field}: values must be text", field=f"{w}.options"))
    if row["uuid"] is not None:
        if row["uuid"] in seen:
            ck.add(_twice_in_file(f"{w}.uuid"))
        seen.add(row["uuid"])
    steps = []
    indexes: set[int] = set()
    for j, st in enumerate(ck.get(s, "steps", w, list) or []):
        ws = f"{w}.steps[{j}]"
        if not isinstance(st, dict):
            ck.add(_object_expected(ws))
            continue
        idx = ck.get(st, "index", ws, int, check=small_count)
        if idx is not None and idx in indexes:
            ck.add(said("{field}: {value} appears twice", field=f"{ws}.index", value=idx))
        indexes.add(idx)
        steps.append(
            (
                idx,
                ck.get(st, "exercise_id", ws, str, check=an_id),
                ck.get(st, "kind", ws, str, check=step_kind),
                ck.get(st, "side", ws, str, optional=True, check=step_side),
                ck.get(st, "set", ws, int, check=small_count),
                ck.get(st, "planned_s", ws, (int, float), check=duration),
                ck.get(st, "done_s", ws, (int, float), check=duration),
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
            ck.add(_object_expected(wr))
            continue
        ex = ck.get(r, "exercise_id", wr, str, check=an_id)
        if ex is not None and ex in exercises:
            ck.add(
                said(
                    "{field}: {value} answered twice",
                    field=f"{wr}.exercise_id",
                    value=repr(ex[:80]),
                )
            )
        exercises.add(ex)
        resp = ck.get(r, "response", wr, str, check=one_of(Response))
        responses.append((ex, resp))
    row["responses"] = responses
    hurts = []
    hurt_ids: set[str] = set()
    for j, h in enumerate(ck.get(s, "hurts", w, list) or []):
        wh = f"{w}.hurts[{j}]"
        if not isinstance(h, dict):
            ck.add(_object_expected(wh))
            continue
        hid = ck.get(h, "uuid", wh, str, check=uuid_text)
        if hid is not None and hid in hurt_ids:
            ck.add(said("{field}: appears twice", field=f"{wh}.uuid"))
        hurt_ids.add(hid)
        hurts.append(
            (
                hid,
                ck.get(h, "exercise_id", wh, str, check=an_id),
                ck.get(h, "step_index", wh, int, check=small_count),
                ck.get(h, "at", wh, str, check=parse_iso),
            )
        )
    row["hurts"] = hurts
    return row


def _check_checkin(ck: _Checker, c: Any, w: str, seen: set[str]) -> dict[str, Any] | None:
    if not isinstance(c, dict):
        ck.add(_object_expected(w))
        return None
    row = {
        "uuid": ck.get(c, "uuid", w, str, check=uuid_text),
        "at": ck.get(c, "at", w, str, check=parse_iso),
        "kind": ck.get(c, "kind", w, str, check=one_of(CheckInKind)),
        "back": ck.get(c, "back", w, int, check=scale),
        "leg": ck.get(c, "leg", w, int, check=scale),
        "extent": ck.get(c, "extent", w, str, check=one_of(Extent)),
        "tingling": ck.get(c, "tingling", w, bool),
        "numbness": ck.get(c, "numbness", w, bool),
        "weakness": ck.get(c, "weakness", w, bool),
        "note": ck.get(c, "note", w, str),
        "session": ck.get(c, "session", w, str, optional=True, check=uuid_text),
    }
    if row["uuid"] is not None:
        if row["uuid"] in seen:
            ck.add(_twice_in_file(f"{w}.uuid"))
        seen.add(row["uuid"])
    return row


def _records(path: Path, on_read: Callable[[int], None]) -> Iterator[tuple[str, int | None, Any]]:
    try:
        with open_regular(path) as fh:
            yield from Stream(fh, on_read).members()
    except BadFileError as exc:
        raise ImportValidationError(path, [_csv_export(path) or exc.said]) from exc
    except UnicodeDecodeError as exc:
        raise ImportValidationError(path, [_not_utf8(path, exc)]) from exc
    except OSError as exc:
        problem = said("cannot read: {reason}", reason=os_reason(exc))
        raise ImportValidationError(path, [problem]) from exc


_CSV_HEADERS = frozenset(",".join(name for name, _ in cols) for cols in CSV_COLUMNS.values())


def _csv_export(path: Path) -> Message | None:
    """What to say of one of StretchGuide's own CSV files given to import:
    "expected '{' at line 1" told a person with a CSV backup nothing."""
    try:
        with open_plain(path) as fh:
            first = fh.readline(4096).decode("utf-8-sig", "replace").strip()
    except OSError:
        return None
    if first not in _CSV_HEADERS:
        return None
    return said(
        "this is a CSV file of a StretchGuide export, for spreadsheets; import reads "
        "the JSON file that {command} writes",
        command="stretchguide export --json",
    )


def _not_utf8(path: Path, exc: UnicodeDecodeError) -> Message:
    """What the file is instead of UTF-8, and on which line it stops being it
    (the decoder's place is inside one chunk of the stream, so the file's
    bytes are read again from the start)."""
    try:
        with open_plain(path) as fh:
            why = not_utf8(fh, nul=False)  # JSON's reader names a NUL itself
    except OSError:
        why = None
    if why is not None:
        return with_line(why)
    # The reason is Python's ("invalid start byte"); the sentence is ours.
    return said("not UTF-8 text: {reason}", reason=exc.reason)


def _check_file(
    path: Path, existing: dict[str, int], on_read: Callable[[int], None]
) -> list[Message]:
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
        return [said("top level: expected a JSON object")]
    if top.get("format") != FORMAT:
        ck.add(said("{field}: expected {value}", field="format", value=repr(FORMAT)))
    if top.get("format_version") != FORMAT_VERSION or isinstance(top.get("format_version"), bool):
        ck.add(said("{field}: expected {value}", field="format_version", value=FORMAT_VERSION))
    for key in ("sessions", "checkins"):
        if key not in top:
            ck.add(said("top level.{key}: missing", key=key))
        elif not isinstance(top[key], list):
            ck.add(
                said(
                    "top level.{key}: expected a list, got {got}", key=key, got=json_kind(top[key])
                )
            )
    for ref, where in links.items():
        if ref not in sessions and ref not in existing:
            ck.add(
                said(
                    "{field}: refers to session {session} found neither in the file "
                    "nor in the history",
                    field=where,
                    session=ref,
                )
            )
    problems = ck.problems
    if ck.count > len(problems):
        left = ck.count - len(problems)
        problems.append(
            said_n("... and {n} more problem", "... and {n} more problems", left, n=left)
        )
    return problems


def import_json(
    history: ImportTarget, path: Path, *, progress: Progress | None = None
) -> ImportReport:
    """Import a JSON export: all or nothing, skipping records already present.

    The file is read twice, one record at a time: first every problem is
    listed (:class:`ImportValidationError`, nothing written), then the rows
    go in as one transaction. ``progress(done, total)`` counts characters
    read over both passes.
    """
    path = Path(path)
    try:
        seen = identity(path)
        total = 2 * max(seen[2], 1)
    except OSError as exc:
        problem = said("cannot open: {reason}", reason=os_reason(exc))
        raise ImportValidationError(path, [problem]) from exc
    done = 0

    def on_read(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(min(done, total), total)

    existing = history.session_ids_by_uuid()
    problems = _check_file(path, existing, on_read)
    if problems:
        raise ImportValidationError(path, problems)
    unchanged(path, seen)

    report = ImportReport()
    if history.has_records():
        report.backup = history.backup_now("pre-import")
    ck = _Checker()
    done = total // 2
    with history.importing() as add, checked_again(path, seen):
        # Read inside the write transaction: an import that ran meanwhile
        # (two at once) has committed, and its records count as present
        # instead of failing on a UNIQUE constraint.
        existing = history.session_ids_by_uuid()
        known_checkins = history.checkin_uuids()
        known_hurts = history.hurt_uuids()
        waiting: list[dict[str, Any]] = []
        for key, index, value in _records(path, on_read):
            if index is None:
                continue
            if key == "sessions":
                s = _check_session(ck, value, "", set())
                if s is None or ck.count:  # not the file the first pass checked
                    raise ImportValidationError(path, ck.problems)
                if s["uuid"] in existing:
                    report.sessions_skipped += 1
                    continue
                _add_session(add, s, existing, known_hurts)
                report.sessions_added += 1
            else:
                c = _check_checkin(ck, value, "", set())
                if c is None or ck.count:
                    raise ImportValidationError(path, ck.problems)
                if c["uuid"] in known_checkins:
                    report.checkins_skipped += 1
                elif c["session"] is not None and c["session"] not in existing:
                    waiting.append(c)  # its session comes later in the file
                else:
                    _add_checkin(add, c, existing)
                    known_checkins.add(c["uuid"])
                    report.checkins_added += 1
        for c in waiting:
            _add_checkin(add, c, existing)
            report.checkins_added += 1
        unchanged(path, seen)  # still the file read: else nothing commits
    if progress is not None:
        progress(total, total)
    return report


def _add_session(
    add: Importer, s: dict[str, Any], existing: dict[str, int], known_hurts: set[str]
) -> None:
    hurts = []
    for h in s["hurts"]:
        if h[0] not in known_hurts:
            known_hurts.add(h[0])
            hurts.append((h[0], h[1], h[2], h[3][0]))
    existing[s["uuid"]] = add.add_session(
        s["uuid"],
        s["routine_id"],
        s["snapshot"],
        s["started"],
        None if s["ended"] is None else s["ended"][0],
        s["status"],
        s["options"],
        [(*st[:8], st[8][0]) for st in s["steps"]],
        s["responses"],
        hurts,
    )


def _add_checkin(add: Importer, c: dict[str, Any], existing: dict[str, int]) -> None:
    add.add_checkin(
        c["uuid"],
        c["at"],
        c["kind"],
        c["back"],
        c["leg"],
        c["extent"],
        c["tingling"],
        c["numbness"],
        c["weakness"],
        c["note"],
        None if c["session"] is None else existing[c["session"]],
    )
