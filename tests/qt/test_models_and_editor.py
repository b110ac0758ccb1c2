"""Item models without views, and the routine editor's validation."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from tests.support import tiny_exercises, tiny_routine

from stretchguide.core.catalog import (
    Cause,
    Dose,
    Equipment,
    Position,
    load_builtin,
    load_routine_file,
)
from stretchguide.qt.routine_editor import RoutineEditor, RoutineItemsModel, error_item
from stretchguide.qt.routine_list import Role, RoutineFilter, RoutineListModel, make_rows
from stretchguide.routine_files import save_routine, validate


def _model(qtbot):
    exs = tiny_exercises()
    floor = tiny_routine("floor", (("knees_to_chest", Dose(hold_s=10)),))
    chair = replace(
        tiny_routine(
            "chair", (("chair_torso_twist", Dose(hold_s=5)), ("standing_extension", Dose()))
        ),
        causes=frozenset({Cause.DISC_BULGE}),
    )
    band = tiny_routine("band", (("clam_shell", Dose(reps=5, rep_s=2)),))
    rows = make_rows([floor, chair, band], exs, lambda r: 60.0 * len(r.items))
    model = RoutineListModel(rows)
    proxy = RoutineFilter()
    proxy.setSourceModel(model)
    return model, proxy


def visible(proxy):
    return [proxy.index(i, 0).data(Role.ROUTINE_ID) for i in range(proxy.rowCount())]


def test_list_model_exposes_duration_count_badges_and_floor_flag(qtbot):
    model, _ = _model(qtbot)
    assert model.rowCount() == 3
    chair = model.index(model.row_of("chair"), 0)
    assert chair.data() == "Chair"
    assert chair.data(Role.DURATION_S) == 120.0
    assert chair.data(Role.EXERCISE_COUNT) == 2
    assert chair.data(Role.NEEDS_FLOOR) is False
    assert "no floor work" in chair.data(Role.BADGES)
    assert "2 min" in chair.data(Role.SUMMARY)
    floor = model.index(model.row_of("floor"), 0)
    assert floor.data(Role.NEEDS_FLOOR) is True
    assert Position.SUPINE in floor.data(Role.POSITIONS)
    assert "lying on back" in floor.data(Role.POSITION_BADGES)
    assert "lying on back" not in chair.data(Role.POSITION_BADGES)


def test_no_floor_work_filter_hides_routines_that_need_the_floor(qtbot):
    _, proxy = _model(qtbot)
    proxy.set_no_floor_work(True)
    assert visible(proxy) == ["chair"]


def test_equipment_filter_hides_routines_needing_what_you_lack(qtbot):
    _, proxy = _model(qtbot)
    proxy.set_available_equipment(set(Equipment) - {Equipment.BAND})
    assert "band" not in visible(proxy)
    assert "floor" in visible(proxy)


def test_cause_and_position_filters(qtbot):
    _, proxy = _model(qtbot)
    proxy.set_cause(Cause.DISC_BULGE)
    assert visible(proxy) == ["chair"]
    proxy.set_cause(None)
    proxy.set_position(Position.SIDE_LYING)
    assert visible(proxy) == ["band"]


def test_builtin_routines_all_get_a_duration_from_the_timeline():
    from stretchguide.core.timeline import build_timeline

    cat = load_builtin()
    rows = make_rows(
        cat.routines.values(), cat.exercises, lambda r: build_timeline(r, cat.exercises).total_s
    )
    assert rows and all(r.duration_s > 60 for r in rows)


def test_items_model_reorders_removes_and_changes_doses(qtbot):
    model = RoutineItemsModel(tiny_exercises())
    model.set_items(tiny_routine().items)
    model.append("clam_shell")
    assert [i.exercise_id for i in model.items] == [
        "knees_to_chest",
        "chair_torso_twist",
        "clam_shell",
    ]
    assert model.move(2, -1) == 1
    assert [i.exercise_id for i in model.items][1] == "clam_shell"
    model.move(0, 1)
    assert model.items[1].exercise_id == "knees_to_chest"
    model.set_dose(0, Dose(hold_s=42))
    assert "42" in model.index(0).data()
    model.remove(0)
    assert model.rowCount() == 2


def test_validation_names_the_bad_item():
    bad = tiny_routine()
    bad = replace(bad, items=(bad.items[0], replace(bad.items[1], dose=Dose(hold_s=-5))))
    err = validate(bad, tiny_exercises())
    assert err is not None and error_item(err) == 1
    assert validate(tiny_routine(builtin=False), tiny_exercises()) is None
    assert validate(replace(tiny_routine(), name="  "), tiny_exercises()).field == "name"


def test_editor_shows_inline_error_and_does_not_save_invalid_routine(qtbot, tmp_path):
    editor = RoutineEditor(tiny_exercises(), tmp_path, base=tiny_routine())
    qtbot.addWidget(editor)
    assert editor.name.text().startswith("My ")
    editor.select_row(1)
    editor.hold.setValue(0)
    editor.reps.setValue(1)
    editor.sides.setCurrentIndex(editor.sides.findData("each"))
    saved = []
    editor.sig_saved.connect(saved.append)
    editor.name.setText("")
    assert editor.save() is None
    assert editor.name_error.text()
    assert not list(tmp_path.iterdir())
    assert saved == []


def test_editor_copy_of_builtin_saves_a_loadable_user_routine(qtbot, tmp_path):
    editor = RoutineEditor(tiny_exercises(), tmp_path, base=tiny_routine(), taken_ids={"tiny"})
    qtbot.addWidget(editor)
    editor.add_combo.setCurrentIndex(editor.add_combo.findData("bridge_missing"))  # no-op
    editor.add_combo.setCurrentIndex(editor.add_combo.findData("clam_shell"))
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    editor.select_row(2)
    editor.reps.setValue(12)
    editor.move_selected(-2)
    saved = []
    editor.sig_saved.connect(saved.append)
    path = editor.save()
    assert path is not None and path.exists()
    [r] = saved
    assert r.builtin is False and r.id != "tiny"
    assert [i.exercise_id for i in r.items][0] == "clam_shell"
    assert r.items[0].dose.reps == 12


def test_saving_an_own_routine_again_replaces_its_file(tmp_path):
    r = tiny_routine("mine", builtin=False)
    first = save_routine(r, tmp_path, tiny_exercises())
    known = load_routine_file(first, tiny_exercises())
    second = save_routine(replace(r, name="Renamed"), tmp_path, tiny_exercises(), known=known)
    assert first == second
    assert len(list(tmp_path.glob("*.toml"))) == 1
