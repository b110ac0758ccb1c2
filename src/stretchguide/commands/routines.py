"""`stretchguide routines [--json]` and `stretchguide check-routine FILE`.

Plain text tools: no Qt, and the built-in catalog is parsed once per process.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from stretchguide.core.catalog import (
    CatalogError,
    Dose,
    Equipment,
    Exercise,
    Position,
    Routine,
    describe_dose,
    load_builtin,
    load_routine_file,
    load_user_routines,
    routine_equipment,
)
from stretchguide.core.i18n import NP_, _, current_language, ngettext, pgettext, translate_catalog
from stretchguide.paths import AppPaths

# The listing's words for equipment and positions; the JSON keeps the ids.
# (The same English as the app's labels, qt/routine_list.py.)
EQUIPMENT_WORDS = {
    Equipment.MAT: NP_("equipment", "mat"),
    Equipment.CHAIR: NP_("equipment", "chair"),
    Equipment.WALL: NP_("equipment", "wall"),
    Equipment.STRAP: NP_("equipment", "strap"),
    Equipment.BAND: NP_("equipment", "band"),
    Equipment.SMALL_BALL: NP_("equipment", "small ball"),
    Equipment.EXERCISE_BALL: NP_("equipment", "exercise ball"),
    Equipment.SUPPORT: NP_("equipment", "sturdy support"),
    Equipment.HELPER: NP_("equipment", "helper"),
}
POSITION_WORDS = {
    Position.SUPINE: NP_("position", "lying on back"),
    Position.PRONE: NP_("position", "lying face down"),
    Position.SIDE_LYING: NP_("position", "lying on side"),
    Position.SEATED: NP_("position", "seated"),
    Position.STANDING: NP_("position", "standing"),
    Position.ALL_FOURS: NP_("position", "hands and knees"),
}


def register(sub: Any) -> None:
    listing = sub.add_parser(
        "routines",
        help=_("list the routines and exercises with their doses"),
        description=_(
            "List built-in and your own routines, and every exercise with its default "
            "dose. Problems in your own routine files are reported on stderr."
        ),
    )
    listing.add_argument("--json", action="store_true", help=_("machine-readable output"))
    listing.set_defaults(func=run_routines)

    check = sub.add_parser(
        "check-routine",
        help=_("validate a routine file (exit 0 valid, 1 invalid)"),
        description=_(
            "Check a routine file (TOML or JSON, see docs/ROUTINE_FORMAT.md). "
            "Prints a summary when valid; on error names the file, line, field and what was "
            "expected, on stderr."
        ),
    )
    check.add_argument("file", metavar="FILE", help=_("the routine file to check"))
    check.set_defaults(func=run_check_routine)


def _duration_s(routine: Routine, exercises: dict[str, Exercise]) -> float:
    # The engine's timeline is the one definition of how long a routine takes.
    from stretchguide.core.timeline import build_timeline

    return float(build_timeline(routine, exercises).total_s)


def _dose_json(dose: Dose) -> dict[str, Any]:
    return {
        "hold_s": dose.hold_s,
        "reps": dose.reps,
        "rep_s": dose.rep_s,
        "sets": dose.sets,
        "sides": dose.sides.value,
        "rest_s": dose.rest_s,
        "stages": list(dose.stages),
        "summary": describe_dose(dose),
    }


def _exercise_json(exercise: Exercise) -> dict[str, Any]:
    return {
        "id": exercise.id,
        "name": exercise.name,
        "also_called": list(exercise.also_called),
        "position": exercise.position.value,
        "equipment": sorted(e.value for e in exercise.equipment),
        "optional_equipment": sorted(e.value for e in exercise.optional_equipment),
        "kind": exercise.kind.value,
        "dose": _dose_json(exercise.dose),
        "steps": list(exercise.steps),
        "targets": list(exercise.targets),
        "feel": [a.value for a in exercise.feel],
        "causes": sorted(c.value for c in exercise.causes),
        "cautions": list(exercise.cautions),
        "sources": list(exercise.sources),
    }


def _routine_json(routine: Routine, exercises: dict[str, Exercise]) -> dict[str, Any]:
    return {
        "id": routine.id,
        "name": routine.name,
        "description": routine.description,
        "builtin": routine.builtin,
        "schedule": {
            "sessions_per_week": routine.schedule.sessions_per_week,
            "text": routine.schedule.text,
        },
        "duration_s": _duration_s(routine, exercises),
        "equipment": sorted(e.value for e in routine_equipment(routine, exercises)),
        "causes": sorted(c.value for c in routine.causes),
        "sources": list(routine.sources),
        "tags": list(routine.tags),
        "items": [
            {"exercise": item.exercise_id, "note": item.note, "dose": _dose_json(item.dose)}
            for item in routine.items
        ],
    }


def _minutes(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes} min {secs:02d} s"


def run_routines(args: argparse.Namespace, paths: AppPaths) -> int:
    catalog = load_builtin()
    if not args.json:
        # JSON stays English: it is for programs, and its texts match the files.
        catalog = translate_catalog(catalog, current_language())
    exercises = catalog.exercises
    own, errors = load_user_routines(paths.routines_dir, exercises, catalog.routines)
    routines = [*catalog.routines.values(), *own]
    for error in errors:
        print(_("skipped: {error}").format(error=error), file=sys.stderr)
    if args.json:
        payload = {
            "exercises": [_exercise_json(e) for e in exercises.values()],
            "routines": [_routine_json(r, exercises) for r in routines],
            "errors": [str(e) for e in errors],
        }
        json.dump(payload, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    out = [_("Routines ({count})").format(count=len(routines)), ""]
    for routine in routines:
        mark = "" if routine.builtin else "  " + _("[yours]")
        equipment = ", ".join(
            sorted(
                pgettext("equipment", EQUIPMENT_WORDS[e])
                for e in routine_equipment(routine, exercises)
            )
        )
        out.append(f"{routine.id}  {routine.name}{mark}")
        out.append(
            f"    {_minutes(_duration_s(routine, exercises))}; {routine.schedule.text}"
            + ("; " + _("needs: {equipment}").format(equipment=equipment) if equipment else "")
        )
        for item in routine.items:
            name = exercises[item.exercise_id].name
            out.append(f"    - {name}: {describe_dose(item.dose)}")
        out.append("")
    out.append(_("Exercises ({count})").format(count=len(exercises)))
    out.append("")
    for exercise in exercises.values():
        position = pgettext("position", POSITION_WORDS[exercise.position])
        out.append(f"{exercise.id:30} {exercise.name} ({position}): {describe_dose(exercise.dose)}")
    print("\n".join(out))
    return 0


def run_check_routine(args: argparse.Namespace, paths: AppPaths) -> int:
    del paths
    catalog = load_builtin()
    exercises = catalog.exercises
    try:
        routine = load_routine_file(args.file, exercises, taken_ids=catalog.routines)
    except CatalogError as error:
        print(_("invalid: {error}").format(error=error), file=sys.stderr)
        return 1
    count = len(routine.items)
    print(
        ngettext(
            "ok: {id} ({name}): {count} exercise, {duration}",
            "ok: {id} ({name}): {count} exercises, {duration}",
            count,
        ).format(
            id=routine.id,
            name=routine.name,
            count=count,
            duration=_minutes(_duration_s(routine, exercises)),
        )
    )
    return 0
