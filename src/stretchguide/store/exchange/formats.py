"""The history file formats: their names, columns, limits, times and errors.

Shared by :mod:`.export` and :mod:`.importing`, so what a file holds is
said once.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from stretchguide.core.catalog import MAX_ID_LENGTH
from stretchguide.core.i18n import N_, _, ngettext
from stretchguide.core.messages import Message, in_language, said, said_n
from stretchguide.store.errors import StoreError

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
        ("session_uuid", N_("stable id of the session")),
        ("routine_id", N_("id of the routine that was run")),
        ("routine_name", N_("the routine's name at the time")),
        ("started", N_("start, local time with UTC offset")),
        ("ended", N_("end, local time with UTC offset (empty while unfinished)")),
        ("status", N_("in_progress, completed, partial or stopped")),
        ("options", N_("options used, as JSON (e.g. which sides)")),
        ("steps_done", N_("number of steps recorded")),
    ),
    "steps.csv": (
        ("session_uuid", N_("the session the step belongs to")),
        ("step_index", N_("position of the step in the session, from 0")),
        ("exercise_id", N_("exercise id")),
        ("kind", N_("prepare, hold, reps, switch or rest")),
        ("side", N_("left, right or empty")),
        ("set_number", N_("which set, from 1")),
        ("planned_s", N_("planned length in seconds")),
        ("done_s", N_("seconds actually done")),
        ("skipped", N_("1 if the step was skipped")),
        ("completed", N_("when the step ended, local time with UTC offset")),
    ),
    "checkins.csv": (
        ("checkin_uuid", N_("stable id of the check-in")),
        ("at", N_("local time with UTC offset")),
        ("kind", N_("before, after, next_morning or any")),
        ("back", N_("back pain 0-10")),
        ("leg", N_("leg pain 0-10")),
        ("extent", N_("how far down the leg: none, buttock, thigh, below_knee, foot")),
        ("tingling", N_("1 if tingling")),
        ("numbness", N_("1 if numbness")),
        ("weakness", N_("1 if weakness")),
        ("note", N_("free text")),
        ("session_uuid", N_("the session this check-in belongs to, if any")),
    ),
    "responses.csv": (
        ("session_uuid", N_("the session")),
        ("exercise_id", N_("exercise id")),
        ("response", N_("better, same or worse")),
    ),
    "hurts.csv": (
        ("hurt_uuid", N_("stable id of the event")),
        ("session_uuid", N_("the session")),
        ("exercise_id", N_("exercise id")),
        ("step_index", N_("the step in progress")),
        ("at", N_("local time with UTC offset")),
    ),
}


class ExportError(StoreError):
    """The export could not be written; nothing was left half-written."""

    def __init__(self, path: Path, detail: Message | str) -> None:
        self.path = path
        # A str detail is the system's own words ("No space left on device").
        super().__init__(
            f"{path}: {detail}",
            _("Could not export to {path}: {detail}.").format(
                path=path, detail=in_language(detail)
            ),
        )


class ExportExistsError(ExportError):
    """The file is there already and was not to be replaced (``--force`` replaces it)."""

    def __init__(self, path: Path) -> None:
        # No "choose to overwrite": the window asks first and always replaces,
        # so only the command line meets this, and it adds how (--force).
        super().__init__(path, said("the file already exists"))


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
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:  # "Invalid isoformat string": Python's words
        raise ValueError(
            said("expected a time such as {example}", example="2024-01-31T08:00:00+01:00")
        ) from None
    offset = parsed.utcoffset()
    if offset is None:
        raise ValueError(said("needs a UTC offset, e.g. {example}", example="+01:00"))
    off = offset.total_seconds()
    if off != int(off) or abs(off) > MAX_OFFSET:
        raise ValueError(said("the UTC offset must be whole seconds within 18 hours"))
    try:
        ts = parsed.timestamp()
    except (OverflowError, ValueError, OSError) as exc:
        raise ValueError(said("out of range")) from exc
    if ts != int(ts):
        raise ValueError(said("whole seconds only"))
    if not MIN_TIME <= ts < MAX_TIME:
        raise ValueError(said("must be between 1970 and 2200"))
    return int(ts), int(off)


SHOWN = 20  # problems listed on the terminal; the rest are counted


class ImportValidationError(StoreError):
    """The file was rejected whole; ``problems`` lists every issue found.

    ``problems`` (and ``str()``) are English, for logs and bug reports;
    ``user_problems`` are the same lines in the person's language, each with
    its field path or place in the file as written.
    """

    def __init__(self, source: Path, problems: Sequence[Message | str]) -> None:
        self.source = source
        self.problems = [str(p) for p in problems]
        self.user_problems = [in_language(p) for p in problems]
        count = len(problems)
        self._header = said_n(
            "{path}: {n} problem, nothing was imported:",
            "{path}: {n} problems, nothing was imported:",
            count,
            path=source,
            n=count,
        )
        self._more = said_n("... and {n} more", "... and {n} more", count - SHOWN, n=count - SHOWN)
        super().__init__(
            _listed(str(self._header), self.problems, str(self._more)),
            ngettext(
                "{name} could not be imported ({n} problem); your history was not changed.",
                "{name} could not be imported ({n} problems); your history was not changed.",
                count,
            ).format(name=source.name, n=count),
        )

    def user_report(self) -> str:
        """``str()`` in the person's language, for ``stretchguide import``."""
        header, more = self._header.translated(), self._more.translated()
        return _listed(header, self.user_problems, more)


def _listed(header: str, problems: list[str], more: str) -> str:
    lines = [header, *(f"  {p}" for p in problems[:SHOWN])]
    if len(problems) > SHOWN:
        lines.append(f"  {more}")
    return "\n".join(lines)


def json_kind(value: object) -> str | Message:
    """What a decoded JSON value is, in JSON's words (Python's were "NoneType");
    null, true and false are JSON's own and stay as they are."""
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, (int, float)):
        return said("the number {value}", value=repr(value)) if len(repr(value)) <= 30 else A_NUMBER
    if isinstance(value, str):
        return A_TEXT
    return A_LIST if isinstance(value, list) else AN_OBJECT


# What a field should hold, said after "expected" ("{field}: expected {expected}").
A_NUMBER = said("a number")
A_TEXT = said("a text")
A_LIST = said("a list")
AN_OBJECT = said("an object")
TRUE_OR_FALSE = said("true or false")


def expected_kind(kinds: type | tuple[type, ...]) -> Message:
    names = {int: A_NUMBER, float: A_NUMBER, str: A_TEXT, list: A_LIST, dict: AN_OBJECT}
    words = list(
        dict.fromkeys(
            names.get(k, TRUE_OR_FALSE) for k in (kinds if isinstance(kinds, tuple) else (kinds,))
        )
    )
    out = words[0]
    for word in words[1:]:
        out = said("{first} or {second}", first=out, second=word)
    return out


def wrong_kind(field: str, kinds: type | tuple[type, ...], value: object) -> Message:
    """``field`` holds the wrong kind of value: what it should hold and what it holds."""
    return said(
        "{field}: expected {expected}, got {got}",
        field=field,
        expected=expected_kind(kinds),
        got=json_kind(value),
    )


def missing(field: str) -> Message:
    return said("{field}: missing", field=field)


_SNAPSHOT_FIELDS: dict[str, type | tuple[type, ...]] = {
    "exercise_id": str,
    "hold_s": (int, float),
    "rep_s": (int, float),
    "rest_s": (int, float),
    "reps": int,
    "sets": int,
    "sides": str,
}


def snapshot_shape(routine: dict[str, Any]) -> None:
    """Each field of the snapshot named when it has the wrong kind of value
    (the snapshot reader's own errors were Python's: "'NoneType' object is
    not subscriptable")."""
    if not isinstance(routine.get("name"), str):
        raise ValueError(wrong_kind("name", str, routine.get("name")))
    items = routine.get("items", [])
    if not isinstance(items, list):
        raise ValueError(wrong_kind("items", list, items))
    for i, raw in enumerate(items):
        if not isinstance(raw, dict):
            raise ValueError(wrong_kind(f"items[{i}]", dict, raw))
        if "exercise_id" not in raw:
            raise ValueError(missing(f"items[{i}].exercise_id"))
        for key, kinds in _SNAPSHOT_FIELDS.items():
            value = raw.get(key, 0 if key != "exercise_id" and key != "sides" else "")
            if isinstance(value, bool) or not isinstance(value, kinds):
                raise ValueError(wrong_kind(f"items[{i}].{key}", kinds, value))
        if len(raw["exercise_id"]) > MAX_ID_LENGTH:
            raise ValueError(
                said_n(
                    "{field}: longer than {count} character",
                    "{field}: longer than {count} characters",
                    MAX_ID_LENGTH,
                    field=f"items[{i}].exercise_id",
                    count=MAX_ID_LENGTH,
                )
            )
