"""Exercises, doses and routines: the data model, and loading + validating it.

The built-in content lives in ``stretchguide/content/*.toml``; people's own
routines are TOML (or JSON) files in their data folder. Everything is parsed
into the frozen dataclasses below, and a file with any error is rejected
whole with a message naming the file, the line where the parser knows it, the
field and what was expected.

Dose semantics (the contract the timeline builds on):

* ``hold_s > 0`` and ``reps == 1`` -- one static hold of ``hold_s`` seconds.
* ``reps > 1`` -- a repeated movement. Each repetition takes ``rep_s``
  seconds of movement plus ``hold_s`` seconds held at the end range
  (``hold_s`` may be 0 for a flowing movement).
* ``sets`` -- the whole block (one hold, or ``reps`` repetitions) is done
  ``sets`` times, with ``rest_s`` seconds between sets. Article 003's
  "30 s, 4 times per leg" is ``hold_s=30, sets=4``.
* ``sides`` -- see :class:`Sides`.
* ``breaths`` -- a hold paced by breaths instead of seconds (article 001's
  bridge: 5-10 breaths). The hold then lasts ``breaths`` slow breaths at
  the session's breath pace, and ``hold_s`` is not used.
* ``stages`` -- optional named parts held in turn within one set, each for
  ``hold_s`` (the cat stretch: arch, then hollow).

The types are the shared contract for the timeline, the store, the figures
and the UI. The loader (``load_builtin``, ``load_routine_file``,
``load_user_routines``, ``dump_routine_toml``) is the only code that turns
files into them; docs/ROUTINE_FORMAT.md documents the file format.

This package's names below are its interface; the modules behind it:
``model`` (the types), ``errors`` (``CatalogError``), ``fields`` (reading
each field), ``locate`` (the line of a bad field), ``reader`` (files and
the built-in content) and ``writer`` (TOML out).
"""

from stretchguide.core.catalog.errors import CatalogError, printable
from stretchguide.core.catalog.fields import (
    DEFAULT_SCHEDULE,
    DOSE_KEYS,
    EXERCISE_KEYS,
    FORMAT_VERSION,
    ITEM_KEYS,
    LIMITS,
    MAX_ID_LENGTH,
    MAX_ROUTINE_ITEMS,
    ROUTINE_KEYS,
    SCHEDULE_KEYS,
    TEXT_LIMITS,
    whole_range,
)
from stretchguide.core.catalog.model import (
    Advice,
    Area,
    Catalog,
    Cause,
    Dose,
    Equipment,
    Exercise,
    Guidance,
    Kind,
    Position,
    Routine,
    RoutineItem,
    Schedule,
    Side,
    Sides,
    StepPhase,
    Topic,
    describe_dose,
    routine_equipment,
)
from stretchguide.core.catalog.reader import (
    CONTENT_PACKAGE,
    MAX_DEPTH,
    MAX_FILE_BYTES,
    load_builtin,
    load_catalog_dir,
    load_routine_file,
    load_user_routines,
    parse_routine_text,
    routine_paths,
)
from stretchguide.core.catalog.writer import dump_routine_json, dump_routine_toml

__all__ = [
    "Advice",
    "Area",
    "CONTENT_PACKAGE",
    "Catalog",
    "CatalogError",
    "Cause",
    "DEFAULT_SCHEDULE",
    "DOSE_KEYS",
    "Dose",
    "EXERCISE_KEYS",
    "Equipment",
    "Exercise",
    "FORMAT_VERSION",
    "Guidance",
    "ITEM_KEYS",
    "Kind",
    "LIMITS",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_ID_LENGTH",
    "MAX_ROUTINE_ITEMS",
    "Position",
    "ROUTINE_KEYS",
    "Routine",
    "RoutineItem",
    "SCHEDULE_KEYS",
    "Schedule",
    "Side",
    "Sides",
    "StepPhase",
    "TEXT_LIMITS",
    "Topic",
    "describe_dose",
    "dump_routine_json",
    "dump_routine_toml",
    "load_builtin",
    "load_catalog_dir",
    "load_routine_file",
    "load_user_routines",
    "routine_paths",
    "parse_routine_text",
    "printable",
    "routine_equipment",
    "whole_range",
]
