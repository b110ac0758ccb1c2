"""Composition root: parse arguments -> resolve paths -> run a command or the app.

This is the one place where the layers are wired together. With no
sub-command it starts the desktop app; the sub-commands are plain text tools
that never load Qt, so `stretchguide routines` answers in milliseconds.

The app's path builds only the top-level options: the sub-command modules
are imported when the command line names a sub-command or asks for help
(see ``wants_commands``), so opening the window does not pay for them.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import re
import sys
from collections.abc import Iterator, Sequence
from typing import IO, TYPE_CHECKING

from stretchguide import __version__, paths

if TYPE_CHECKING:
    import argparse

# Top-level options that take a value, so their value is not read as a command.
_VALUED_OPTIONS = ("--data-dir", "--language")
# The language setting for the command line when --language is not given
# (the tests pin it to English, whatever the machine's locale).
LANGUAGE_VAR = "STRETCHGUIDE_LANGUAGE"


def wants_commands(argv: Sequence[str]) -> bool:
    """Whether the command line needs the sub-commands: it asks for help or
    has a word that is not an option (a command, or a typo argparse should
    answer with the list of commands). Options alone (``--data-dir``, Qt's
    own ``-style=fusion``) start the app."""
    skip = False
    for tok in argv:
        if skip:
            skip = False
        elif tok == "-h" or (len(tok) > 3 and "--help".startswith(tok)):
            return True
        elif tok in _VALUED_OPTIONS:
            skip = True
        elif not tok.startswith("-") or tok == "-":
            return True
    return False


def _english(message: str) -> str:
    return message


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    import argparse

    # The help is read only with the sub-commands built (``wants_commands``):
    # the app's path keeps its English help and does not import core.i18n.
    if commands:
        from stretchguide.core.i18n import _
    else:
        _ = _english
    parser = argparse.ArgumentParser(
        prog="stretchguide",
        description=_("Hands-free, voice-guided sciatica stretching with a private pain diary."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help=_("show the version number and exit"),
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=_(
            "keep history, backups and your routines in DIR "
            "(default: ${variable} or the platform's user data folder)"
        ).format(variable=paths.ENV_VAR),
    )
    parser.add_argument(
        "--language",
        metavar="CODE",
        help=_(
            "language of the command line's output: en, de, es or fr "
            "(default: ${variable}, else the system locale, else English)"
        ).format(variable=LANGUAGE_VAR),
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=_("check this installation without a person and exit (0 = all good)"),
    )
    parser.add_argument(
        "--minimized",
        action="store_true",
        help=_("start in the system tray without opening the window (used at login for reminders)"),
    )
    if not commands:
        parser.set_defaults(command=None)
        return parser
    from stretchguide.commands import COMMAND_MODULES

    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _use_language(option: str | None) -> None:
    """Set the language of core's words for a command (the app sets its own)."""
    from stretchguide.core import i18n

    setting = option or os.environ.get(LANGUAGE_VAR) or None
    lang = i18n.resolve_language(setting, os.environ)
    if option and option.lower() not in {"system", "auto"} and lang != i18n.language_code(option):
        shipped = ", ".join(i18n.available_languages())
        print(
            f"stretchguide: no translation for {option!r} (there are: {shipped}); using English.",
            file=sys.stderr,
        )
    i18n.set_language(lang)


def _language_in(argv: Sequence[str]) -> str | None:
    """The value of ``--language`` (the last one, as argparse keeps), read before parsing."""
    found = None
    for i, tok in enumerate(argv):
        if tok == "--language" and i + 1 < len(argv):
            found = argv[i + 1]
        elif tok.startswith("--language="):
            found = tok.partition("=")[2]
    return found


class _Stopped(BaseException):
    """SIGTERM or SIGHUP during a command. A BaseException, as
    KeyboardInterrupt is, so no ``except Exception`` on the way swallows it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def _signals_stop_the_command() -> Iterator[None]:
    """While a command runs, SIGTERM and SIGHUP raise :class:`_Stopped`, so
    the code unwinds and cleans up (the hidden ``.partial`` of an export was
    left behind when the signal ended the process on the spot)."""
    import signal

    def stop(signum: int, frame: object) -> None:
        raise _Stopped(signum)

    names = ("SIGTERM", "SIGHUP")
    wanted = [getattr(signal, n) for n in names if hasattr(signal, n)]
    old = {s: signal.signal(s, stop) for s in wanted}
    try:
        yield
    finally:
        for s, handler in old.items():
            signal.signal(s, handler)


def _never_fail_to_print() -> None:
    """A word the terminal cannot show is printed escaped, never an error.

    A file name of bytes that are not UTF-8 reaches Python as surrogates,
    and a terminal in Latin-1 cannot show every letter: printing either
    raised UnicodeEncodeError after the command had done its work (the
    export written, then "stretchguide export: UnicodeEncodeError")."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, io.UnsupportedOperation):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]


# What a terminal acts on rather than shows: C0 and C1 controls but line
# breaks and tabs (ESC starts an escape that recolours or clears the
# screen), bidi overrides, and surrogates (bytes of a name not UTF-8).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    return match.group().encode("unicode_escape", "backslashreplace").decode("ascii")


class _Escaped:
    """A command's stdout or stderr, writing control characters escaped.

    File names come from the command line and from folders (a backup named
    by another program): ``stretchguide import`` echoed one with an ESC in
    it raw, and so did argparse's "unrecognized arguments"."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(_CONTROLS.sub(_escape, text))

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


@contextlib.contextmanager
def _escaped_output() -> Iterator[None]:
    saved = sys.stdout, sys.stderr
    if sys.stdout is not None:
        sys.stdout = _Escaped(sys.stdout)
    if sys.stderr is not None:
        sys.stderr = _Escaped(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        # How the desktop launches it: no parser at all (argparse and the
        # regular expressions it loads are ~5 % of a bare window's start).
        from stretchguide.qt.app import run_app

        return run_app(paths.resolve(None), [sys.argv[0]])
    commands = wants_commands(argv)
    if not commands:
        return _run(argv, commands=False)
    _never_fail_to_print()
    with _escaped_output():
        return _run(argv, commands=True)


def _run(argv: list[str], *, commands: bool) -> int:
    with contextlib.ExitStack() as scope:
        if commands:
            # Before the parser is built: its help and errors are in the language.
            _use_language(_language_in(argv))
            from stretchguide.commands.argparse_words import argparse_in_language

            scope.enter_context(argparse_in_language())
        parser = build_parser(commands=commands)
        args, qt_args = parser.parse_known_args(argv)
        if args.command is not None and qt_args:
            from stretchguide.commands.argparse_words import argparse_gettext

            parser.error(argparse_gettext("unrecognized arguments: %s") % " ".join(qt_args))
        if args.data_dir is not None and not args.data_dir.strip():
            # Empty once meant the default folder, quietly: a slip is said
            # (inside the scope, so argparse's "usage:" and "error:" are in
            # the command's language too).
            if not commands:
                # The app's path is ending here, so the language costs it
                # nothing (`--self-test --language de --data-dir ""` was English).
                _use_language(args.language)
                from stretchguide.commands.argparse_words import argparse_in_language

                scope.enter_context(argparse_in_language())
            from stretchguide.core.i18n import _

            parser.error("--data-dir: " + _("an empty path names no file or folder"))
    app_paths = paths.resolve(args.data_dir)
    if args.self_test:
        # `--self-test` alone takes the app's light path, which leaves the
        # language unset: its report was English whatever --language said.
        if not commands:
            _use_language(args.language)
        from stretchguide.commands.selftest import run_self_test

        try:
            return run_self_test(app_paths)
        except KeyboardInterrupt:
            # Its temporary folder is removed on the way out.
            from stretchguide.core.i18n import _

            print("\n" + _("self-test stopped (Ctrl+C)."), file=sys.stderr)
            return 128 + 2
    if args.data_dir and not os.path.lexists(args.data_dir):
        # A typo here would otherwise quietly start an empty diary elsewhere.
        # (In the person's language for a command; the app's path stays light.)
        if commands:
            from stretchguide.core.i18n import _
        else:
            _ = _english
        notice = _(
            "the data folder {path} does not exist yet; "
            "StretchGuide will create it when it first saves something there."
        ).format(path=args.data_dir)
        print(f"stretchguide: {notice}", file=sys.stderr)
    if args.command is not None:
        try:
            with _signals_stop_the_command():
                code = int(args.func(args, app_paths))
            sys.stdout.flush()
        except _Stopped as stop:
            # Every file is written to a temporary name and renamed when
            # whole: unwinding removed the temporary one (a kill left it).
            from stretchguide.core.i18n import _

            said = _("stopped by a signal; no file was left half-written.")
            print(f"stretchguide {args.command}: {said}", file=sys.stderr)
            return 128 + stop.signum
        except KeyboardInterrupt:
            # Ctrl+C unwinds the same way (the temporary file removed), and
            # was a traceback ending in "KeyboardInterrupt".
            from stretchguide.core.i18n import _

            said = _("stopped (Ctrl+C); no file was left half-written.")
            print(f"stretchguide {args.command}: {said}", file=sys.stderr)
            return 128 + 2  # SIGINT, as a shell reports it
        except BrokenPipeError:
            # The reader went away (`stretchguide routines | head`): nothing
            # is wrong. Point stdout at /dev/null so the interpreter's own
            # flush at exit does not raise again.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return 0
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            # No traceback reaches a person: what stopped the command, in a
            # sentence. Each command's own messages cover what it expects.
            if isinstance(exc, OSError):  # the file and why, in the person's language
                from stretchguide.core.errors import message_for

                print(f"stretchguide {args.command}: {message_for(exc)}", file=sys.stderr)
                return 1
            # The class and its words are for a bug report; the lead-in is
            # the person's (a German terminal read only English here).
            from stretchguide.core.i18n import _

            lead = _("unexpected error")
            print(
                f"stretchguide {args.command}: {lead}: {type(exc).__name__}: {exc}",
                file=sys.stderr,
            )
            return 1
        return code
    # Only the GUI path pays for importing Qt.
    from stretchguide.qt.app import run_app

    return run_app(app_paths, [sys.argv[0], *qt_args], minimized=args.minimized)


if __name__ == "__main__":
    sys.exit(main())
