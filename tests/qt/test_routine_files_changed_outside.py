"""A routine file changed by another program while the app runs is never
overwritten or deleted unseen (a physiotherapist's new version copied over
it, a sync tool): the edit is saved beside it, the delete refused."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from tests.qt.test_routine_picking import make_own_routine, picker  # noqa: F401
from tests.support import tiny_exercises, tiny_routine

from stretchguide.core.catalog import dump_routine_toml, load_routine_file
from stretchguide.routine_files import RoutineChangedError, delete_routine, save_routine


def _theirs(path, routine, name="From my physio (v2: fewer reps)"):
    """Another program writes its own version of ``routine`` into ``path``."""
    path.write_text(dump_routine_toml(replace(routine, name=name)), encoding="utf-8")


def test_an_edit_never_replaces_a_file_another_program_changed(tmp_path):
    exs = tiny_exercises()
    path = save_routine(tiny_routine("physio", builtin=False), tmp_path, exs)
    known = load_routine_file(path, exs)
    _theirs(path, known)

    saved = save_routine(replace(known, name="My routine"), tmp_path, exs, known=known)

    assert saved != path
    assert load_routine_file(path, exs).name == "From my physio (v2: fewer reps)"
    mine = load_routine_file(saved, exs)
    assert mine.name == "My routine" and mine.id != known.id


def test_an_unchanged_file_is_replaced_in_place(tmp_path):
    exs = tiny_exercises()
    path = save_routine(tiny_routine("physio", builtin=False), tmp_path, exs)
    known = load_routine_file(path, exs)
    assert save_routine(replace(known, name="Renamed"), tmp_path, exs, known=known) == path
    assert [p.name for p in tmp_path.glob("*.toml")] == [path.name]


def test_a_new_routine_never_replaces_a_file_that_holds_its_id(tmp_path):
    """A file added outside the app after it started, with the id the app
    thought free, and a file of that name that holds no routine."""
    exs = tiny_exercises()
    outside = save_routine(tiny_routine("mine", builtin=False), tmp_path, exs)
    (tmp_path / "mine_2.toml").write_text("not a routine [", encoding="utf-8")

    saved = save_routine(tiny_routine("mine", builtin=False), tmp_path, exs)

    assert saved not in (outside, tmp_path / "mine_2.toml")
    assert (tmp_path / "mine_2.toml").read_text(encoding="utf-8") == "not a routine ["
    ids = {load_routine_file(p, exs).id for p in (outside, saved)}
    names = {load_routine_file(p, exs).name for p in (outside, saved)}
    assert len(ids) == 2 and len(names) == 2  # no two routines look alike


def test_a_delete_is_refused_when_the_file_holds_another_version(tmp_path):
    exs = tiny_exercises()
    path = save_routine(tiny_routine("physio", builtin=False), tmp_path, exs)
    known = load_routine_file(path, exs)
    _theirs(path, known)
    with pytest.raises(RoutineChangedError) as err:
        delete_routine(known, tmp_path, exs)
    assert err.value.path == path and err.value.on_disk is not None
    assert path.exists()
    assert delete_routine(err.value.on_disk, tmp_path, exs) and not path.exists()


def test_the_window_keeps_both_versions_and_says_so(qtbot, picker):  # noqa: F811
    from stretchguide.qt.routine_editor import RoutineEditor

    window, _ = picker
    window.ensure_routines()
    mine = make_own_routine(qtbot, window)
    folder, exs = window.ctx.paths.routines_dir, window.ctx.catalog.exercises
    (path,) = folder.glob("*.toml")
    _theirs(path, mine)
    told: list[str] = []
    window.inform = lambda title, text: told.append(text)

    editor = RoutineEditor(
        exs, folder, base=mine, taken_names=[r.name for r in window.ctx.all_routines()]
    )
    qtbot.addWidget(editor)
    editor.sig_saved.connect(window.routines._on_routine_saved)
    editor.sig_changed_outside.connect(window.routines._on_changed_outside)
    editor.name.setText("Morning mat routine")
    assert editor.save() is not None

    names = sorted(r.name for r in window.ctx.user_routines.values())
    assert names == ["From my physio (v2: fewer reps)", "Morning mat routine"]
    assert len(list(folder.glob("*.toml"))) == 2
    assert told and "changed by another program" in told[0]

    # Deleting what the list showed before the file changed again is refused.
    physio = window.ctx.routine(mine.id)
    _theirs(path, physio, name="From my physio (v3)")
    window.ask = lambda title, text: True
    window.routines.select_routine(mine.id)
    qtbot.mouseClick(window.routines.details.delete_button, Qt.MouseButton.LeftButton)
    assert path.exists()
    assert window.ctx.routine(mine.id).name == "From my physio (v3)"
    assert "was not deleted" in told[-1]
