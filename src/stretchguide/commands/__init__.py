"""Command-line sub-commands, one module per area.

Each module exposes ``register(subparsers)`` which adds its sub-commands and
sets ``func(args, paths) -> int`` as the handler. They import no Qt unless the
command itself needs a GUI (the self-test), and then only inside the handler.

The desktop app starts with no sub-command, and building every sub-command
(their help texts import the catalog and the export code) cost as much as
Qt's own start-up. So ``stretchguide.__main__`` imports these modules only
when the command line has a word that is not an option (a command) or asks
for help.
"""

COMMAND_MODULES = (
    "stretchguide.commands.routines",  # routines, check-routine
    "stretchguide.commands.history",  # export, import, stats
    "stretchguide.commands.selftest",  # --self-test support
    "stretchguide.commands.sheet",  # sheet (PDF), plan (.ics)
    "stretchguide.commands.voice_check",  # voice-check
)
