"""Command-line sub-commands, one module per area.

Each module exposes ``register(subparsers)`` which adds its sub-commands and
sets ``func(args, paths) -> int`` as the handler. They import no Qt unless the
command itself needs a GUI (the self-test), and then only inside the handler.
"""

COMMAND_MODULES = (
    "stretchguide.commands.routines",  # routines, check-routine
    "stretchguide.commands.history",  # export, import, stats
    "stretchguide.commands.selftest",  # --self-test support
    "stretchguide.commands.voice_check",  # voice-check
)
