"""What the whole app shares: data folder, preferences, catalog, history, clocks.

``qt.app.build_window`` makes one ``AppContext``; the window and every page
made from it read from it. The catalog and the history are loaded on first
use, so the window's frame paints before either (see PERFORMANCE.md).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from stretchguide.paths import AppPaths
from stretchguide.qt.preferences import Preferences

if TYPE_CHECKING:
    from datetime import date

    from stretchguide.core.catalog import Catalog, Routine
    from stretchguide.store.history import History


class AppContext:
    """A plain class, not a dataclass: importing ``dataclasses`` and making
    the class (its generated methods are compiled at import) cost ~3 ms of
    CPU before the first paint."""

    def __init__(
        self,
        paths: AppPaths,
        prefs: Preferences,
        # A catalog, or a callable that loads (catalog, user routines, their
        # errors): the window paints its frame first and loads right after.
        catalog_source: Catalog | Callable[[], tuple[Catalog, list[Routine], list[Any]]],
        # A History, or a callable that opens one: the window paints first and
        # opens the database on first use (startup_checks, right after the paint).
        history_source: History | Callable[[], History],
        user_routines: dict[str, Routine] | None = None,
        routine_errors: list[Any] | None = None,
        # The session's clock (core.clock: counts time suspended); tests pass a fake.
        clock: Callable[[], float] | None = None,
        wall: Callable[[], float] = time.time,  # for "today", reminders
        audio: bool = True,  # False: silent cues (tests, --self-test)
        speech_engine: str | None = None,  # CuePlayer's choice: None = best available
    ) -> None:
        self.paths = paths
        self.prefs = prefs
        self.catalog_source = catalog_source
        self.history_source = history_source
        self.user_routines: dict[str, Routine] = {} if user_routines is None else user_routines
        self.routine_errors: list[Any] = [] if routine_errors is None else routine_errors
        if clock is None:
            from stretchguide.core.clock import session_clock

            clock = session_clock()
        self.clock = clock
        self.wall = wall
        self.audio = audio
        self.speech_engine = speech_engine
        self._opened: History | None = None
        self._catalog: Catalog | None = None

    @property
    def catalog(self) -> Catalog:
        """Loaded on first use (built-in content plus the user's routine files)."""
        if self._catalog is None:
            source = self.catalog_source
            if callable(source):
                catalog, user, errors = source()
                self.user_routines.update({r.id: r for r in user})
                self.routine_errors.extend(errors)
            else:
                catalog = source
            # Built-in exercises, routines and guidance in the language core
            # was set to (qt.i18n.install_language); ids and doses unchanged,
            # so history and figures still match. A person's own routines
            # stay in their words; the exercises in them come from here.
            from stretchguide.core.i18n import current_language, translate_catalog

            catalog = translate_catalog(catalog, current_language())
            self._catalog = catalog
        return self._catalog

    @property
    def catalog_loaded(self) -> bool:
        return self._catalog is not None

    @property
    def history(self) -> History:
        """Opened on first use; raises StoreError (e.g. a newer schema)."""
        if self._opened is None:
            source = self.history_source
            self._opened = source() if callable(source) else source
        return self._opened

    @property
    def history_open(self) -> bool:
        return self._opened is not None

    def today(self) -> date:
        """The person's today at the wall clock, by the history's rule for
        travellers (``History.today_at``: after a flight west, the day of a
        session or check-in already made, on its own clock). The plan, the
        evening reminder, the sheet and the calendar use it, so none of them
        disagrees with the History page about the day.

        Before the history is open no record is known, and the rule gives
        the date on the clock."""
        now = self.wall()
        if self._opened is None:
            # Imported here: ``datetime`` is not needed before the first
            # paint, and its import is ~1.5 ms of it.
            from datetime import date

            return date.fromtimestamp(now)
        return self._opened.today_at(now)

    def routine(self, routine_id: str) -> Routine:
        if routine_id in self.user_routines:
            return self.user_routines[routine_id]
        return self.catalog.routines[routine_id]

    def all_routines(self) -> list[Routine]:
        return list(self.catalog.routines.values()) + list(self.user_routines.values())
