"""A routine in the routines folder that is a symbolic link to a file kept
elsewhere (a synced folder). Saving it replaced the link with a plain file:
the synced copy never saw the edit and the link was gone. Now the edit goes
into the file the link leads to, atomically, and the link stays; a link to
nothing, or to a file that is not the person's, is refused with a sentence
and nothing is written. Deleting the routine removes the link, never the
file it leads to."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from tests.qt.test_routine_picking import picker  # noqa: F401
from tests.support import tiny_exercises, tiny_routine

from stretchguide.core.catalog import dump_routine_toml, load_routine_file
from stretchguide.qt.routine_editor import RoutineEditor
from stretchguide.routine_files import RoutineLinkError, delete_routine, save_routine

pytestmark = pytest.mark.skipif(os.name == "nt", reason="links need privileges on Windows")


def _linked(tmp_path: Path) -> tuple[Path, Path, Path]:
    """The routines folder, a link in it, and the synced file it leads to."""
    folder, synced = tmp_path / "routines", tmp_path / "Sync"
    folder.mkdir()
    synced.mkdir()
    real = synced / "physio.toml"
    real.write_text(dump_routine_toml(tiny_routine("physio", builtin=False)), encoding="utf-8")
    real.chmod(0o644)
    link = folder / "physio.toml"
    link.symlink_to(real)
    return folder, link, real


def test_saving_a_linked_routine_keeps_the_link_and_edits_its_file(tmp_path: Path) -> None:
    folder, link, real = _linked(tmp_path)
    exs = tiny_exercises()
    known = load_routine_file(link, exs)

    saved = save_routine(replace(known, name="Renamed"), folder, exs, known=known)

    assert saved == link and link.is_symlink() and link.resolve() == real
    assert load_routine_file(real, exs).name == "Renamed"
    assert real.stat().st_mode & 0o777 == 0o644  # the file's own mode, not 0600
    assert sorted(p.name for p in real.parent.iterdir()) == ["physio.toml"]  # no debris


def test_a_link_to_nothing_is_left_alone(tmp_path: Path) -> None:
    """The synced drive is not mounted: the edit is a new file beside the
    link, and nothing is made where the link points."""
    folder, link, real = _linked(tmp_path)
    exs = tiny_exercises()
    known = load_routine_file(link, exs)
    real.unlink()
    saved = save_routine(replace(known, name="Renamed"), folder, exs, known=known)
    assert saved != link and link.is_symlink() and not real.exists()
    assert load_routine_file(saved, exs).name == "Renamed"


def test_a_link_to_nothing_or_a_loop_is_not_written_through(tmp_path: Path) -> None:
    from stretchguide.routine_files import write_target

    loop, nowhere = tmp_path / "loop.toml", tmp_path / "nowhere.toml"
    loop.symlink_to(loop)
    nowhere.symlink_to(tmp_path / "gone" / "x.toml")
    for link in (loop, nowhere):
        with pytest.raises(RoutineLinkError) as err:
            write_target(link)
        assert err.value.target is None and err.value.path == link


def test_a_link_to_a_file_that_is_not_a_plain_file_is_refused(tmp_path: Path) -> None:
    from stretchguide.routine_files import write_target

    link = tmp_path / "odd.toml"
    link.symlink_to(tmp_path)  # a folder
    with pytest.raises(RoutineLinkError) as err:
        write_target(link)
    assert err.value.target == tmp_path


def test_a_link_to_a_file_another_account_owns_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, link, real = _linked(tmp_path)
    exs = tiny_exercises()
    known = load_routine_file(link, exs)
    before = real.read_bytes()
    # The app runs as an account other than the file's owner.
    monkeypatch.setattr(os, "getuid", lambda: real.stat().st_uid + 1)
    with pytest.raises(RoutineLinkError) as err:
        save_routine(replace(known, name="Renamed"), folder, exs, known=known)
    assert err.value.target == real and err.value.path == link
    assert real.read_bytes() == before and link.is_symlink()


def test_deleting_a_linked_routine_removes_the_link_only(tmp_path: Path) -> None:
    folder, link, real = _linked(tmp_path)
    exs = tiny_exercises()
    assert delete_routine(load_routine_file(link, exs), folder, exs)
    assert not link.is_symlink() and not link.exists()
    assert load_routine_file(real, exs).id == "physio"


def test_the_editor_says_why_a_link_was_not_written(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, link, real = _linked(tmp_path)
    exs = tiny_exercises()
    editor = RoutineEditor(exs, folder, base=load_routine_file(link, exs))
    qtbot.addWidget(editor)
    editor.name.setText("Renamed")
    monkeypatch.setattr(os, "getuid", lambda: real.stat().st_uid + 1)
    assert editor.save() is None  # the dialog stays, the edit kept
    said = editor.item_error.text()
    assert str(link) in said and str(real) in said and "not a file of yours" in said, said
    assert editor.name.text() == "Renamed"


def test_the_editor_says_a_read_only_folder_in_words(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A routines folder on a read-only file system (or one without write
    permission): the save raised PermissionError out of the dialog."""
    import stretchguide.routine_files as rf

    folder = tmp_path / "routines"

    def read_only(path: Path, *_a: object, **_k: object) -> None:
        raise OSError(30, "Read-only file system", str(path))

    monkeypatch.setattr(rf, "write_text_atomically", read_only)
    editor = RoutineEditor(tiny_exercises(), folder)
    qtbot.addWidget(editor)
    editor.name.setText("Mine")
    editor.add_current()
    assert editor.save() is None
    said = editor.item_error.text()
    assert "Not saved" in said and "the disk is read-only" in said and str(folder) in said, said


def test_a_delete_in_a_read_only_folder_is_said_in_words(
    qtbot,
    picker,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The routines folder on a read-only file system: the delete said
    Python's "[Errno 30] Read-only file system: '…'"."""
    from tests.qt.test_routine_picking import make_own_routine

    window, _ = picker
    window.ensure_routines()
    mine = make_own_routine(qtbot, window)
    (path,) = window.ctx.paths.routines_dir.glob("*.toml")
    told: list[str] = []
    window.inform = lambda title, text: told.append(text)

    def read_only(self: Path, *args: object, **kwargs: object) -> None:
        raise OSError(30, "Read-only file system", str(self))

    monkeypatch.setattr(Path, "unlink", read_only)
    assert not window.routines.delete_routine(mine.id)
    assert told == [f"{path} could not be removed (the disk is read-only)."]
