"""`stretchguide sheet ROUTINE --pdf FILE` and `stretchguide plan ROUTINE --ics FILE`.

The sheet draws with Qt (offscreen, no window), imported only inside the
handler; the plan's calendar is plain standard library.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from datetime import time as clock_time
from pathlib import Path
from typing import Any

from stretchguide.commands.history import path_argument, today_at
from stretchguide.core.atomic import write_text_atomically
from stretchguide.core.catalog import CatalogError, Routine, load_builtin, load_user_routines
from stretchguide.core.errors import message_for
from stretchguide.core.i18n import _, current_language, ngettext, translate_catalog
from stretchguide.core.os_reasons import os_reason_text
from stretchguide.core.plan import PLAN_FILE, Plan, PlanFileError, PlanState, load_state
from stretchguide.paths import AppPaths

# Hours and minutes only, in ASCII digits: fromisoformat also took
# "18:00+05:00" (the offset was dropped, the alarm came at 18:00 local),
# seconds, "T18:00", "18" and "1800", none of them what the help says.
_HH_MM = re.compile(r"([01]?[0-9]|2[0-3]):([0-5][0-9])", re.ASCII)


def register(sub: Any) -> None:
    sheet = sub.add_parser(
        "sheet",
        help=_("write a routine as a one-to-two page PDF to print"),
        description=_(
            "Write a routine's exercises (figure, dose, sides, steps, cautions) and "
            "its schedule as a PDF for the fridge or your physiotherapist."
        ),
    )
    sheet.add_argument("routine", metavar="ROUTINE", help=_("a routine id (see `routines`)"))
    sheet.add_argument(
        "--pdf", metavar="FILE", type=path_argument, required=True, help=_("where to write the PDF")
    )
    sheet.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))
    sheet.set_defaults(func=run_sheet)

    plan = sub.add_parser(
        "plan",
        help=_("export a routine's plan as a calendar (.ics) with alarms"),
        description=_(
            "Write the plan's sessions as an iCalendar file a phone calendar can "
            "import, with an alarm at the reminder time."
        ),
    )
    plan.add_argument("routine", metavar="ROUTINE", help=_("a routine id (see `routines`)"))
    plan.add_argument(
        "--ics",
        metavar="FILE",
        type=path_argument,
        required=True,
        help=_("where to write the calendar file"),
    )
    plan.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))
    plan.add_argument("--at", metavar="HH:MM", default="18:00", help=_("time of day (18:00)"))
    plan.set_defaults(func=run_plan)


def _routine_and_state(
    routine_id: str, app_paths: AppPaths
) -> tuple[Routine, dict[str, Any], PlanState | None]:
    # The sheet and the calendar print the exercises in the chosen language;
    # a person's own routines stay in their words.
    catalog = translate_catalog(load_builtin(), current_language())
    routines: dict[str, Routine] = dict(catalog.routines)
    user, _errors = load_user_routines(
        app_paths.routines_dir, catalog.exercises, taken_ids=catalog.routines.keys()
    )
    routines.update({r.id: r for r in user})
    if routine_id not in routines:
        raise LookupError(
            _("no routine {id}; `stretchguide routines` lists the ids: {ids}").format(
                id=repr(routine_id), ids=", ".join(sorted(routines))
            )
        )
    state = load_state(app_paths.data_dir / PLAN_FILE)
    if state is not None and state.routine_id != routine_id:
        state = None
    return routines[routine_id], dict(catalog.exercises), state


def run_sheet(args: Any, app_paths: AppPaths, *, wall: Callable[[], float] = time.time) -> int:
    """``wall``: the wall clock (tests pass a fake), for the date printed and
    the start of a plan not made yet."""
    try:
        routine, exercises, state = _routine_and_state(args.routine, app_paths)
    except (LookupError, CatalogError, PlanFileError) as err:
        print(f"stretchguide sheet: {message_for(err)}", file=sys.stderr)
        return 1
    # The History page's today, as the app's own sheet has it.
    today = today_at(app_paths, wall)
    plan = state.plan(routine) if state else Plan.for_routine(routine, today)
    changes = tuple(c.line for c in state.changes) if state else ()
    shown = state.apply(routine) if state else routine
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from stretchguide.qt.app import use_plain_event_dispatcher

    use_plain_event_dispatcher()
    from PySide6.QtGui import QGuiApplication

    from stretchguide.qt.sheet import write_pdf

    target = Path(args.pdf)
    if refused(target, args.force, "sheet"):
        return 1
    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    try:
        pages = write_pdf(target, shown, exercises, plan, today=today, changes=changes)
    except OSError as err:
        print(f"stretchguide sheet: {cannot_write(target, err)}", file=sys.stderr)
        return 1
    print(
        ngettext("Wrote {path} ({n} page).", "Wrote {path} ({n} pages).", pages).format(
            path=target, n=pages
        )
    )
    del _app
    return 0


def cannot_write(target: Path, err: OSError) -> str:
    """Why ``target`` could not be written, in a sentence."""
    from stretchguide.core.atomic import NotAFileError

    if isinstance(err, NotAFileError):
        return _(
            "{path} is not a plain file (perhaps a device or a pipe); give a file name."
        ).format(path=target)
    return _("cannot write {path}: {reason}").format(path=target, reason=os_reason_text(err))


def refused(target: Path, force: bool, command: str) -> bool:
    """A file already there is replaced only with --force, as ``export`` does;
    a folder never. Says why when it refuses. (``os.path`` answers False
    where ``Path.is_dir`` raised, for a name too long: the write says that.)"""
    if os.path.isdir(target):
        reason = _("{path} is a folder; give a file name.").format(path=target)
    elif os.path.lexists(target) and not force:
        reason = _("{path} already exists. Add --force to replace it.").format(path=target)
    else:
        return False
    print(f"stretchguide {command}: {reason}", file=sys.stderr)
    return True


def run_plan(args: Any, app_paths: AppPaths, *, wall: Callable[[], float] = time.time) -> int:
    """``wall``: the wall clock (tests pass a fake), for the start of a plan
    not made yet and the calendar's time stamp."""
    from stretchguide.core.ics import plan_to_ics
    from stretchguide.core.timeline import build_timeline

    hh_mm = _HH_MM.fullmatch(args.at)
    if hh_mm is None:
        wrong = _("expected a time like 18:00")
        print(f"stretchguide plan: --at {args.at!r}: {wrong}", file=sys.stderr)
        return 1
    at = clock_time(int(hh_mm.group(1)), int(hh_mm.group(2)))
    try:
        routine, exercises, state = _routine_and_state(args.routine, app_paths)
    except (LookupError, CatalogError, PlanFileError) as err:
        print(f"stretchguide plan: {message_for(err)}", file=sys.stderr)
        return 1
    today = today_at(app_paths, wall)
    plan = state.plan(routine) if state else Plan.for_routine(routine, today)
    shown = state.apply(routine) if state else routine
    minutes = max(1, round(build_timeline(shown, exercises).total_s / 60))
    text = plan_to_ics(
        plan,
        title=_("Stretches: {routine}").format(routine=routine.name),
        at=at,
        minutes=minutes,
        now_utc=datetime.fromtimestamp(wall(), UTC).replace(tzinfo=None),
        description=routine.schedule.text,
    )
    target = Path(args.ics)
    if refused(target, args.force, "plan"):
        return 1
    try:
        # A new private file renamed over the target (core/atomic.py): never
        # written through a link, never over a device, never left half.
        write_text_atomically(target, text, prefix=None)
    except OSError as err:
        print(f"stretchguide plan: {cannot_write(target, err)}", file=sys.stderr)
        return 1
    print(_("Wrote {path}: {plan}").format(path=target, plan=plan.describe()))
    return 0
