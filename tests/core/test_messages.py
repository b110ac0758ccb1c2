"""A Message is one sentence said twice: English for logs, the person's language on screen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from stretchguide.core import i18n
from stretchguide.core.i18n import code_texts
from stretchguide.core.messages import in_language, reason_of, said, said_n


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    i18n.set_language("en")


def test_str_is_english_and_translated_follows_the_active_language() -> None:
    message = said("{field}: missing", field="checkins[3].leg")
    i18n.set_language("de")
    assert str(message) == "checkins[3].leg: missing"
    assert message.translated() == "checkins[3].leg: fehlt"
    assert message.translated("fr") == "checkins[3].leg : manquant"
    assert in_language(message) == "checkins[3].leg: fehlt"
    assert in_language("Permission denied") == "Permission denied"  # the system's words


def test_a_message_in_a_field_is_said_in_the_same_language() -> None:
    message = said(
        "{field}: expected {expected}, got {got}",
        field="back",
        expected=said("a number"),
        got=said("the number {value}", value="11"),
    )
    assert str(message) == "back: expected a number, got the number 11"
    assert message.translated("es") == "back: se esperaba un número, pero hay el número 11"


def test_plural_forms_follow_each_languages_rule() -> None:
    def more(n: int) -> str:
        return said_n("... and {n} more problem", "... and {n} more problems", n, n=n).translated(
            "fr"
        )

    assert more(1) == "... et 1 autre problème"
    assert more(2) == "... et 2 autres problèmes"
    assert str(said_n("{n} more problem", "{n} more problems", 1, n=1)) == "1 more problem"


def test_an_exception_raised_with_a_message_keeps_it() -> None:
    err = ValueError(said("must not be empty"))
    assert str(err) == "must not be empty"
    assert in_language(reason_of(err)) == "must not be empty"
    i18n.set_language("de")
    assert in_language(reason_of(err)) == "darf nicht leer sein"
    assert reason_of(KeyError("name")) == "'name'"  # Python's own, as it says it


def test_the_extractor_finds_said_and_said_n_templates() -> None:
    source = 'said("{a} is wrong", a=1)\nsaid_n("{n} file", "{n} files", n, n=n)\nsaid(name)\n'
    found = {(t.msgid, t.msgid_plural) for t in code_texts(source, "x.py")}
    assert found == {("{a} is wrong", None), ("{n} file", "{n} files")}
