"""Export history as CSV or JSON, and import a JSON export.

Times are written as ISO 8601 local time with its UTC offset
(``2026-03-01T08:15:00+01:00``), so a spreadsheet shows the clock time the
person saw and the exact instant is still unambiguous. Every record carries
a stable UUID, which is what makes a repeated import skip what it already has.

JSON (``export_json``) holds everything::

    {"format": "stretchguide-history", "format_version": 1,
     "sessions": [{uuid, routine_id, routine: {name, items: [...]}, started,
                   ended, status, options, steps: [...], responses: [...],
                   hurts: [...]}],
     "checkins": [{uuid, at, kind, back, leg, extent, tingling, numbness,
                   weakness, note, session}]}

CSV (``export_csv``) writes one file per table into a folder; the columns are
listed in :data:`CSV_COLUMNS` (also shown by ``stretchguide export --help``).

Import (``import_json``) checks the whole file first and reports every
problem with its place in the file; only a fully valid file is written, in
one transaction, after a backup copy of the current history.

Both directions stream: export writes one record at a time and import reads
the file twice (check, then write) one record at a time, so memory stays flat
at any history length and time grows linearly (docs/RELIABILITY.md). Exports
go to a fresh private temporary file beside the target and are renamed over
it, so a planted symlink is replaced, never followed.
"""

from stretchguide.store.exchange.export import (
    ExportSource,
    csv_cell,
    csv_value,
    export_csv,
    export_data,
    export_json,
)
from stretchguide.store.exchange.formats import (
    CSV_COLUMNS,
    FORMAT,
    FORMAT_VERSION,
    MAX_TIME,
    MIN_TIME,
    ExportError,
    ExportExistsError,
    ImportValidationError,
    Progress,
    iso_local,
    parse_iso,
    safe_iso,
)
from stretchguide.store.exchange.importing import ImportReport, ImportTarget, import_json

__all__ = [
    "CSV_COLUMNS",
    "FORMAT",
    "FORMAT_VERSION",
    "MAX_TIME",
    "MIN_TIME",
    "ExportError",
    "ExportExistsError",
    "ExportSource",
    "ImportReport",
    "ImportTarget",
    "ImportValidationError",
    "Progress",
    "csv_cell",
    "csv_value",
    "export_csv",
    "export_data",
    "export_json",
    "import_json",
    "iso_local",
    "parse_iso",
    "safe_iso",
]
