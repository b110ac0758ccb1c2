"""`stretchguide export`, `import` and `stats`: the pain diary from the command line."""

from __future__ import annotations

import argparse
import errno
import sqlite3
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from stretchguide.core.i18n import _, ngettext
from stretchguide.paths import AppPaths


def _columns_help() -> str:
    from stretchguide.store.exchange import CSV_COLUMNS

    # The column names stay as in the files; what they mean is translated.
    lines = [_("CSV columns (times are local, ISO 8601 with UTC offset):")]
    for name, cols in CSV_COLUMNS.items():
        lines.append(f"  {name}")
        lines.extend(f"    {col:<14} {_(text)}" for col, text in cols)
    return "\n".join(lines)


def _sessions(n: int) -> str:
    return ngettext("{n} session", "{n} sessions", n).format(n=n)


def _checkins(n: int) -> str:
    return ngettext("{n} check-in", "{n} check-ins", n).format(n=n)


def path_argument(text: str) -> Path:
    """A file or folder named on the command line. An empty one is refused:
    it meant the current folder, where files then landed unasked."""
    if not text.strip():
        raise argparse.ArgumentTypeError(_("an empty path names no file or folder"))
    if text == "-":
        # Elsewhere "-" means the screen or the keyboard; here it wrote a
        # file called "-" in the current folder.
        raise argparse.ArgumentTypeError(
            _('"-" is not the screen or the keyboard here: name a file ("./-" for one called -)')
        )
    return Path(text)


def register(sub: Any) -> None:
    export = sub.add_parser(
        "export",
        help=_("export your history as CSV files or one JSON file"),
        description=_("Export the whole history. Exported files are private (mode 0600)."),
        epilog=_columns_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    target = export.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "--csv", metavar="DIR", type=path_argument, help=_("write one CSV per table in DIR")
    )
    target.add_argument(
        "--json", metavar="FILE", type=path_argument, help=_("write everything to FILE")
    )
    export.add_argument(
        "--force", action="store_true", help=_("replace export files that already exist")
    )
    export.set_defaults(func=run_export)

    imp = sub.add_parser(
        "import",
        help=_("import a JSON export (all or nothing; records already present are skipped)"),
    )
    imp.add_argument(
        "file",
        metavar="FILE",
        type=path_argument,
        help=_("the JSON file that stretchguide export --json wrote"),
    )
    imp.set_defaults(func=run_import)

    stats = sub.add_parser("stats", help=_("sessions this week, streak and the 14-day verdict"))
    stats.set_defaults(func=run_stats)


def _open(
    paths: AppPaths, *, read_only_ok: bool = False, wall: Callable[[], float] = time.time
) -> Any:
    """The history, or None after saying why. ``read_only_ok``: a command
    that only reads works on a folder that cannot be written. ``wall``: the
    wall clock, for "today" (tests pass a fake)."""
    from stretchguide.store.errors import StoreError
    from stretchguide.store.history import History

    try:
        history = History.open(paths, clock=wall, read_only_ok=read_only_ok)
    except StoreError as exc:
        print(exc.user_message, file=sys.stderr)
        return None
    if history.damage is not None:
        print(history.damage.user_message, file=sys.stderr)
    if history.backup_notice:
        print(history.backup_notice, file=sys.stderr)
    return history


def run_export(args: argparse.Namespace, paths: AppPaths) -> int:
    from stretchguide.store import exchange

    history = _open(paths, read_only_ok=True)
    if history is None:
        return 2
    with history:
        try:
            if args.csv is not None:
                for path in exchange.export_csv(history, args.csv, overwrite=args.force):
                    print(path)
            else:
                print(exchange.export_json(history, args.json, overwrite=args.force))
        except exchange.ExportError as exc:
            hint = ""
            if isinstance(exc, exchange.ExportExistsError):
                hint = " " + _("Add --force to replace it.")
            print(exc.user_message + hint, file=sys.stderr)
            return 1
    return 0


def why(exc: BaseException) -> str:
    """A plain reason for a database or disk error the person can act on."""
    from stretchguide.core.os_reasons import os_reason_text, windows_reason

    if isinstance(exc, OSError) and windows_reason(exc) is not None:
        # Windows' own words would match "locked" below ("another process has
        # locked a portion of the file"): that is the file, not the history.
        return os_reason_text(exc)
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return _(
            "your history is in use by StretchGuide or another command. "
            "Try again when it has finished."
        )
    if "full" in text or getattr(exc, "errno", None) == errno.ENOSPC:
        return _("the disk is full. Free some space and try again.")
    if isinstance(exc, OSError):
        return os_reason_text(exc)
    return str(exc)  # SQLite's own words


def run_import(args: argparse.Namespace, paths: AppPaths) -> int:
    from stretchguide.store import exchange
    from stretchguide.store.errors import StoreError

    history = _open(paths)
    if history is None:
        return 2
    with history:
        try:
            report = exchange.import_json(history, args.file)
        except exchange.ImportValidationError as exc:
            print(exc.user_report(), file=sys.stderr)
            return 1
        except StoreError as exc:  # e.g. its safety copy's path is too long
            print(
                _("Nothing was imported: {reason}").format(reason=exc.user_message), file=sys.stderr
            )
            return 1
        except (sqlite3.Error, OSError) as exc:
            # The import is one transaction, after its safety copy: either
            # failing leaves the history as it was.
            print(_("Nothing was imported: {reason}").format(reason=why(exc)), file=sys.stderr)
            return 1
    added = _("Imported {sessions} and {checkins};").format(
        sessions=_sessions(report.sessions_added), checkins=_checkins(report.checkins_added)
    )
    skipped = _("skipped {sessions} and {checkins} already present.").format(
        sessions=_sessions(report.sessions_skipped), checkins=_checkins(report.checkins_skipped)
    )
    print(f"{added} {skipped}")
    if report.backup is not None:
        print(_("A copy of your history before the import is in {path}").format(path=report.backup))
    return 0


def today_at(paths: AppPaths, wall: Callable[[], float]) -> date:
    """Today as the History page has it, at ``wall()``: the date on the
    clock, or after a flight west the day of a session or check-in already
    made, on its own clock (``History.today_at``). The history is only
    read; with none, or one that cannot be read without a repair, no record
    can move the day and it is the clock's date."""
    from stretchguide.store.records import today_in

    now = wall()
    return today_in(paths.database, now) or date.fromtimestamp(now)


def run_stats(
    args: argparse.Namespace, paths: AppPaths, *, wall: Callable[[], float] = time.time
) -> int:
    del args
    history = _open(paths, read_only_ok=True, wall=wall)
    if history is None:
        return 2
    with history:
        summary = history.summary()
    streak = summary.streak
    print(_("Sessions this week: {count}").format(count=summary.sessions_this_week))
    goal = (
        _("habit goal reached")
        if streak.reached
        else _("{n} more to reach {goal} days").format(n=streak.days_to_goal, goal=streak.goal)
    )
    days = ngettext("{n} day", "{n} days", streak.current).format(n=streak.current)
    print(
        _("Streak: {days} in a row ({goal}; best {best})").format(
            days=days, goal=goal, best=streak.best
        )
    )
    # The History page says the very same words (core.verdict_words), so the two agree.
    from stretchguide.core.verdict_words import verdict_advice, verdict_headline

    print(_("Last 14 days: {headline}").format(headline=verdict_headline(summary.verdict)))
    for reason in summary.verdict.reasons:
        print(f"  {reason}")
    advice = verdict_advice(summary.verdict)
    if advice:
        print(advice)
    return 0
