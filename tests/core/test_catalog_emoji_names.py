"""Names and texts with emoji in a person's routine file: joined emoji
(a zero-width joiner between two pictographs), flags, skin tones and
variation selectors are accepted; controls, direction overrides and
isolates, and any other invisible character are still refused, and the
refusal names the file and the field."""

from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stretchguide.core.catalog import CatalogError, load_builtin, load_routine_file
from stretchguide.core.catalog.errors import printable

ZWJ = "\u200d"
SCOTLAND = "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"

ACCEPTED = [
    "🧘\u200d♀\ufe0f Morning",  # woman in lotus position: ZWJ + female sign + VS16
    "👨\u200d👩\u200d👧 Family stretch",
    "🏳\ufe0f\u200d🌈 Pride",  # VS16 before the joiner
    "🧑🏽\u200d💻 Desk break",  # skin tone before the joiner
    "❤\ufe0f\u200d🔥 Warm up",
    "🐻\u200d❄\ufe0f Cool down",
    "🧑\u200d🤝\u200d🧑 With a friend",
    "👍🏽 Good",
    "🇩🇪 Dehnen am Morgen",  # regional indicator pair
    SCOTLAND + " Highland mornings",  # tag sequence ending in the cancel tag
    "1\ufe0f\u20e3 First",  # keycap
    "\U0001fae8 Shaky days",  # an emoji newer than some Pythons' tables
    "Café au lait, Ñandú, Straße",
]

REFUSED = [
    "Evil\u202egnp.exe",  # right-to-left override
    "\u202aleft\u202c",  # embedding and its pop
    "x\u2066y\u2069",  # isolates
    "\u2067rtl\u2069",
    "\u2068first strong\u2069",
    "\u200bzero width",
    "a\u200db",  # a joiner between letters: nothing to join
    ZWJ + "🧘 first",
    "🧘" + ZWJ,
    "🧘" + ZWJ + ZWJ + "♀",
    "🧘" + ZWJ + " ♀",
    "non\u200cjoiner",
    "marks\u200e\u200f",
    "\ufeffbom",
    "word\u2060joiner",
    "\x1b[31mred",
    "\U000e0067\U000e0062 tags alone",
    "\U0001f3f4\U000e0067\U000e0062 flag never cancelled",
    "private \ue000 use",
]


def _write(tmp_path, name: str, note: str = "", stages: tuple[str, ...] = ()):
    item: dict[str, object] = {"exercise": "knees_to_chest"}
    if note:
        item["note"] = note
    if stages:
        item["dose"] = {"hold_s": 10, "stages": list(stages)}
    data = {"id": "my_routine", "name": name, "items": [item]}
    path = tmp_path / "my routine.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def exercises():
    return load_builtin().exercises


@pytest.mark.parametrize("text", ACCEPTED)
def test_names_notes_and_stages_with_emoji_load(tmp_path, exercises, text) -> None:
    routine = load_routine_file(_write(tmp_path, text, note=text, stages=(text[:40],)), exercises)
    assert routine.name == text
    assert routine.items[0].note == text
    assert printable(text) == text  # an error message shows it as written


@pytest.mark.parametrize("text", REFUSED)
@pytest.mark.parametrize("where", ["name", "items[0].note", "items[0].dose.stages[0]"])
def test_invisible_tricks_are_still_refused_naming_file_and_field(
    tmp_path, exercises, text, where
) -> None:
    fields = {
        "name": {"name": text},
        "items[0].note": {"name": "Plain", "note": text},
        "items[0].dose.stages[0]": {"name": "Plain", "stages": (text,)},
    }[where]
    path = _write(tmp_path, **fields)
    with pytest.raises(CatalogError) as caught:
        load_routine_file(path, exercises)
    said = str(caught.value)
    assert caught.value.field == where
    assert str(path) in said and where in said
    assert "invisible" in said
    # The refused characters are shown as escapes, never sent to a terminal.
    assert not any(unicodedata.category(ch) in ("Cc", "Cf") and ch != ZWJ for ch in said)


@pytest.mark.parametrize("where", ["name", "items[0].dose.stages[0]"])
def test_a_tab_or_line_break_is_refused_in_one_line_texts(tmp_path, exercises, where) -> None:
    for text in ("tab\tname", "two\nlines"):
        fields = {"name": text} if where == "name" else {"name": "Plain", "stages": (text,)}
        with pytest.raises(CatalogError) as caught:
            load_routine_file(_write(tmp_path, **fields), exercises)
        assert caught.value.field == where


# Format characters outside any emoji sequence: what the loader refused
# before emoji were accepted, and still must.
_invisible = st.characters(whitelist_categories=("Cc", "Cf", "Co"))
_letters = st.characters(whitelist_categories=("Ll", "Lu", "Nd", "Zs"))


@given(st.lists(_letters, min_size=1, max_size=10), _invisible, st.integers(0, 10))
def test_an_invisible_character_among_letters_is_refused_wherever_it_is(
    letters, hidden, at
) -> None:
    from stretchguide.core.catalog.errors import _visible_text

    chars = [*letters]
    chars.insert(min(at, len(chars)), hidden)
    assert not _visible_text("".join(chars), multiline=False)
