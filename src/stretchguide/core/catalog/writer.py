"""Writing a routine back as TOML that the reader accepts unchanged."""

from __future__ import annotations

import json
from collections.abc import Iterable

from stretchguide.core.catalog.fields import FORMAT_VERSION
from stretchguide.core.catalog.model import Routine

# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------


def _toml_str(value: str) -> str:
    # JSON string escapes are a subset of TOML basic-string escapes; DEL is the
    # one control character JSON leaves raw and TOML refuses.
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml_list(values: Iterable[str]) -> str:
    return "[" + ", ".join(_toml_str(v) for v in values) + "]"


def _toml_value(value: object) -> str:
    if isinstance(value, str):
        return _toml_str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return _toml_list(value)
    assert isinstance(value, dict)  # an inline table: the dose
    return "{ " + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + " }"


def _routine_doc(routine: Routine) -> dict[str, object]:
    """What a routine file holds, in its order; both writers write this.

    Every dose field is written out, so the file does not depend on the
    exercises' default doses (which may change between versions).
    The ``builtin`` flag is not part of the format: a loaded file is a user routine.
    """
    doc: dict[str, object] = {
        "format": FORMAT_VERSION,
        "id": routine.id,
        "name": routine.name,
    }
    if routine.description:
        doc["description"] = routine.description
    doc |= {
        "causes": sorted(c.value for c in routine.causes),
        "sources": list(routine.sources),
        "tags": list(routine.tags),
        "schedule": {
            "sessions_per_week": float(routine.schedule.sessions_per_week),
            "text": routine.schedule.text,
        },
    }
    items: list[dict[str, object]] = []
    for item in routine.items:
        d = item.dose
        entry: dict[str, object] = {"exercise": item.exercise_id}
        if item.note:
            entry["note"] = item.note
        entry["dose"] = {
            "hold_s": float(d.hold_s),
            "reps": d.reps,
            "rep_s": float(d.rep_s),
            "sets": d.sets,
            "sides": d.sides.value,
            "rest_s": float(d.rest_s),
            "stages": list(d.stages),
            "breaths": d.breaths,
        }
        items.append(entry)
    doc["items"] = items
    return doc


def dump_routine_toml(routine: Routine) -> str:
    """A routine file that ``load_routine_file`` reads back to an equal Routine."""
    doc = _routine_doc(routine)
    schedule, items = doc.pop("schedule"), doc.pop("items")
    assert isinstance(schedule, dict) and isinstance(items, list)
    out = [f"{k} = {_toml_value(v)}" for k, v in doc.items()]
    out += ["", "[schedule]", *(f"{k} = {_toml_value(v)}" for k, v in schedule.items())]
    for item in items:
        out += ["", "[[items]]", *(f"{k} = {_toml_value(v)}" for k, v in item.items())]
    return "\n".join(out) + "\n"


def dump_routine_json(routine: Routine) -> str:
    """The same routine file in JSON: an edited routine that came from a
    .json file is written back to it as JSON."""
    return json.dumps(_routine_doc(routine), ensure_ascii=False, indent=2) + "\n"
