"""`stretchguide routines` and `stretchguide check-routine`, run in-process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from stretchguide.__main__ import main
from stretchguide.core.catalog import load_builtin

DATA = Path(__file__).parent / "data"


def test_routines_json_lists_every_exercise_and_routine_with_doses(capsys) -> None:
    assert main(["routines", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    cat = load_builtin()
    exercises = {e["id"]: e for e in payload["exercises"]}
    assert set(exercises) == set(cat.exercises)
    assert exercises["cat_stretch"]["dose"]["stages"] == ["Arch up", "Hollow"]
    assert exercises["clam_shell"]["dose"]["reps"] == cat.exercises["clam_shell"].dose.reps
    routines = {r["id"]: r for r in payload["routines"]}
    assert set(routines) == set(cat.routines)
    piriformis = routines["article_003_piriformis"]
    assert [i["dose"]["sets"] for i in piriformis["items"]] == [4, 4, 4]
    assert piriformis["schedule"]["sessions_per_week"] == 7
    assert "small_ball" in piriformis["equipment"]
    # Two sides x 4 x 30 s for two stretches, plus the ball: well over 10 minutes.
    assert piriformis["duration_s"] > 600
    assert payload["errors"] == []


def test_routines_lists_the_persons_own_routines_and_warns_about_bad_ones(
    capsys, _private_data_dir
) -> None:
    folder = Path(_private_data_dir) / "routines"
    folder.mkdir()
    (folder / "plan.toml").write_bytes((DATA / "physio_plan.toml").read_bytes())
    (folder / "broken.toml").write_bytes((DATA / "bad_wrong_type.toml").read_bytes())
    assert main(["routines"]) == 0
    out, err = capsys.readouterr()
    assert "physio_plan  My physio plan  [yours]" in out
    assert "broken.toml, line 7: items[0].dose.reps" in err


def test_routines_text_shows_schedule_duration_and_doses(capsys) -> None:
    assert main(["routines"]) == 0
    out = capsys.readouterr().out
    assert "Once a day for 21 days" in out
    assert "hold 30 s x 4, each side" in out
    assert out.count(" min ") >= len(load_builtin().routines)


def test_check_routine_accepts_a_valid_file_with_exit_0(capsys) -> None:
    assert main(["check-routine", str(DATA / "physio_plan.json")]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("ok: physio_plan_json") and err == ""


def test_check_routine_rejects_a_bad_file_with_exit_1_and_the_reason_on_stderr(capsys) -> None:
    assert main(["check-routine", str(DATA / "bad_unknown_exercise.toml")]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "bad_unknown_exercise.toml, line 7: items[1].exercise" in err
    assert "clam_shell" in err


def test_check_routine_as_a_real_process_loads_no_qt_and_sets_the_exit_code() -> None:
    code = (
        "import sys\n"
        "from stretchguide.__main__ import main\n"
        f"rc = main(['check-routine', {str(DATA / 'bad_syntax.toml')!r}])\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules)\n"
        "sys.exit(rc)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 1
    assert "line 5" in done.stderr and "valid TOML" in done.stderr
