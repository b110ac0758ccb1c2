"""core.errors: the sentence shown for an error, by type instead of getattr."""

from __future__ import annotations

from pathlib import Path

from stretchguide.core.catalog import CatalogError
from stretchguide.core.errors import HasUserMessage, message_for
from stretchguide.core.plan.state import PlanFileError
from stretchguide.store.errors import StoreError


def test_an_error_with_a_sentence_for_the_person_shows_that_sentence() -> None:
    err = StoreError("sqlite3.OperationalError: disk I/O error", "Your history could not be saved.")
    assert isinstance(err, HasUserMessage)
    assert message_for(err) == "Your history could not be saved."


def test_the_plan_file_error_is_one_too() -> None:
    err = PlanFileError(Path("/tmp/plan.json"), "not JSON")
    assert isinstance(err, HasUserMessage)
    assert message_for(err) == err.user_message
    assert "/tmp/plan.json" in message_for(err)


def test_an_error_without_one_shows_its_own_text() -> None:
    err = CatalogError("routines/mine.toml", "items[0].hold_s", "a number of seconds", line=7)
    assert not isinstance(err, HasUserMessage)
    assert message_for(err) == str(err)
    assert message_for(LookupError("no routine 'x'")) == "no routine 'x'"


def test_an_empty_sentence_falls_back_to_the_text() -> None:
    err = StoreError("technical detail", "")
    assert message_for(err) == "technical detail"
