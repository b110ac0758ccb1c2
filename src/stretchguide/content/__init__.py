"""Built-in content as data: exercises.toml, guidance.toml, routines/*.toml.

Loaded and validated by :mod:`stretchguide.core.catalog`; the format is
described in SCHEMA.md next to these files.
"""
