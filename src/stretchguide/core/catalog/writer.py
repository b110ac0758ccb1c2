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


def _toml_num(value: float) -> str:
    return repr(float(value))


def dump_routine_toml(routine: Routine) -> str:
    """A routine file that ``load_routine_file`` reads back to an equal Routine.

    Every dose field is written out, so the file does not depend on the
    exercises' default doses (which may change between versions).
    The ``builtin`` flag is not part of the format: a loaded file is a user routine.
    """
    out = [
        f"format = {FORMAT_VERSION}",
        f"id = {_toml_str(routine.id)}",
        f"name = {_toml_str(routine.name)}",
    ]
    if routine.description:
        out.append(f"description = {_toml_str(routine.description)}")
    out += [
        f"causes = {_toml_list(sorted(c.value for c in routine.causes))}",
        f"sources = {_toml_list(routine.sources)}",
        f"tags = {_toml_list(routine.tags)}",
        "",
        "[schedule]",
        f"sessions_per_week = {_toml_num(routine.schedule.sessions_per_week)}",
        f"text = {_toml_str(routine.schedule.text)}",
    ]
    for item in routine.items:
        d = item.dose
        dose = (
            f"{{ hold_s = {_toml_num(d.hold_s)}, reps = {d.reps}, rep_s = {_toml_num(d.rep_s)}, "
            f"sets = {d.sets}, sides = {_toml_str(d.sides.value)}, "
            f"rest_s = {_toml_num(d.rest_s)}, stages = {_toml_list(d.stages)}, "
            f"breaths = {d.breaths} }}"
        )
        out += ["", "[[items]]", f"exercise = {_toml_str(item.exercise_id)}"]
        if item.note:
            out.append(f"note = {_toml_str(item.note)}")
        out.append(f"dose = {dose}")
    return "\n".join(out) + "\n"


def dump_routine_json(routine: Routine) -> str:
    """The same routine file as ``dump_routine_toml``, in JSON: an edited
    routine that came from a .json file is written back to it as JSON."""
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
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
