"""Reading ``plan.json`` as text a person or another program may have touched.

The app writes the file, but a sync tool, an editor or a failing disk can
leave anything there, and the plan is read at every start and by
``stretchguide plan``/``sheet``. So nothing is taken on trust: a pipe or
device is refused before it is read (a pipe would hang the start), the
size is bounded, the text must be UTF-8 JSON with each key once and no
NaN or Infinity, and each field is checked for its type and range. A
problem is one sentence naming the line or the field (``changes[2].new``),
never Python's own words. Standard library only.
"""

from __future__ import annotations

import json
import math
import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Final

from stretchguide.core.catalog import whole_range
from stretchguide.core.i18n import _
from stretchguide.core.text_encoding import NotUtf8Error, decode_utf8
from stretchguide.plain_files import NotPlainFileError, nested_deeper_than, open_plain

MAX_PLAN_BYTES: Final = 4 * 1024 * 1024  # ~20,000 dose changes; a real plan holds a few dozen
MAX_DEPTH: Final = 16  # the real file nests three levels (doses -> exercise -> field)
PLAN_FORMAT: Final = 1
# The bounds a routine file has for these fields, from the loader itself
# (written out here once, they could drift from it).
DOSE_LIMITS: Final[dict[str, tuple[int, int]]] = {
    name: whole_range(name) for name in ("hold_s", "reps", "breaths")
}
WHOLE: Final = frozenset({"reps", "breaths"})
# Dates and times a plan can hold: as for an imported history (1970 to 2200).
FIRST_DAY: Final = date(1970, 1, 1)
LAST_DAY: Final = date(2200, 12, 31)
LAST_TIME: Final = datetime(2201, 1, 1, tzinfo=UTC).timestamp()
MAX_TEXT: Final = 1000


class PlanFileProblemError(ValueError):
    """What is wrong with the file, in a sentence that names where."""


def read_plan_data(path: Path) -> object | None:
    """The decoded JSON of ``path``; None when there is no file.

    ``OSError`` as ``os.open`` gives it (no permission); ``PlanFileProblemError``
    for anything that is not a small UTF-8 JSON document.
    """
    try:
        with open_plain(path) as fh:
            data = fh.read(MAX_PLAN_BYTES + 1)
    except FileNotFoundError:
        return None
    except NotPlainFileError:
        raise PlanFileProblemError(_("it is a folder, pipe or device, not a file")) from None
    if len(data) > MAX_PLAN_BYTES:
        raise PlanFileProblemError(
            _("it is larger than {count} MB").format(count=MAX_PLAN_BYTES >> 20)
        )
    try:
        # A NUL is refused here: JSON never holds one, and UTF-16 without a
        # mark is valid UTF-8 with a zero in every other byte.
        text = decode_utf8(data)
    except NotUtf8Error as err:
        raise PlanFileProblemError(err.with_line().translated()) from None
    if not text.strip():
        raise PlanFileProblemError(_("the file is empty"))
    if nested_deeper_than(text, MAX_DEPTH):
        raise PlanFileProblemError(_("nested more than {count} levels").format(count=MAX_DEPTH))
    try:
        plan: object = json.loads(text, object_pairs_hook=_unique, parse_constant=_no_constant)
    except json.JSONDecodeError as err:
        raise PlanFileProblemError(
            _("line {line}, column {column}: not valid JSON").format(
                line=err.lineno, column=err.colno
            )
        ) from None
    except _ConstantError as err:
        found = re.search(r"[:\[,]\s*-?" + str(err), text)
        value = _("{value} is not a number").format(value=err)
        if found is not None:
            line = text.count("\n", 0, found.start()) + 1
            value = _("line {line}: {problem}").format(line=line, problem=value)
        raise PlanFileProblemError(value) from None
    except (RecursionError, ValueError) as err:
        if isinstance(err, PlanFileProblemError):
            raise
        raise PlanFileProblemError(_("a number thousands of digits long")) from None
    return plan


def _unique(pairs: list[tuple[str, object]]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in pairs:
        if key in out:
            raise PlanFileProblemError(
                _("the key {key} appears twice in one object").format(key=show(key))
            )
        out[key] = value
    return out


class _ConstantError(ValueError):
    """NaN or (-)Infinity in the file: JSON has no such number."""


def _no_constant(name: str) -> float:
    raise _ConstantError(name.lstrip("-"))


def show(value: object) -> str:
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, dict):
        return _("an object")
    if isinstance(value, list):
        return _("a list")
    text = json.dumps(value, ensure_ascii=True) if isinstance(value, str) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def wrong(field: str, expected: str, value: object) -> PlanFileProblemError:
    return PlanFileProblemError(
        _("{field}: expected {expected}, got {got}").format(
            field=field, expected=expected, got=show(value)
        )
    )


def missing(field: str) -> PlanFileProblemError:
    return PlanFileProblemError(_("{field}: missing").format(field=field))


def an_object(value: object, field: str) -> dict[str, object]:
    if not isinstance(value, dict):
        raise wrong(field or _("the file"), _("an object"), value)
    return value


def a_list(value: object, field: str) -> list[object]:
    if not isinstance(value, list):
        raise wrong(field, _("a list"), value)
    return value


def a_text(value: object, field: str) -> str:
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise wrong(field, _("a text of at most {count} characters").format(count=MAX_TEXT), value)
    return value


def a_day(value: object, field: str) -> date:
    expected = _("a date from 1970 to 2200 written like 2024-01-31")
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise wrong(field, expected, value)
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise wrong(field, expected, value) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise wrong(field, expected, value)
    return day


def a_number(value: object, field: str, low: float, high: float, whole: bool = False) -> float:
    if whole:
        expected = _("a whole number from {low} to {high}").format(low=low, high=high)
    else:
        expected = _("a number from {low} to {high}").format(low=low, high=high)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise wrong(field, expected, value)
    number = float(value)  # an int too large for a float is refused here
    if not math.isfinite(number) or not low <= number <= high:
        raise wrong(field, expected, value)
    if whole and not number.is_integer():
        raise wrong(field, expected, value)
    return number


def a_time(value: object, field: str) -> float:
    expected = _("a time in seconds since 1970, before the year 2201")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise wrong(field, expected, value)
    if not 0 <= float(value) < LAST_TIME:  # NaN fails this too
        raise wrong(field, expected, value)
    return float(value)


def dose_value(name: str, value: object, field: str) -> float:
    low, high = DOSE_LIMITS[name]
    return a_number(value, field, low, high, whole=name in WHOLE)
