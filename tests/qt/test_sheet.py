"""The printable sheet: a real PDF, rendered to PNG, with every exercise on it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from stretchguide.__main__ import main
from stretchguide.core import plan as P  # noqa: N812
from stretchguide.core.catalog import load_builtin

pytestmark = pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("pdftotext")), reason="needs poppler-utils"
)

TODAY = date(2026, 12, 2)


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, check=True)
    # NFKC undoes the font's ligatures ("ﬂ" -> "fl").
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", out.stdout.decode("utf-8")))


def render_pages(path: Path, out: Path) -> list[Path]:
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(path), str(out / "page")], check=True)
    return sorted(out.glob("page-*.png"))


@pytest.mark.parametrize("rid", sorted(load_builtin().routines))
def test_every_builtin_routine_fits_one_or_two_pages_with_every_exercise_named(
    qapp, tmp_path: Path, rid: str
):
    from PySide6.QtGui import QImage

    from stretchguide.qt.sheet import write_pdf

    catalog = load_builtin()
    routine = catalog.routines[rid]
    target = tmp_path / "sheet.pdf"
    pages = write_pdf(
        target, routine, catalog.exercises, P.Plan.for_routine(routine, TODAY), today=TODAY
    )
    pngs = render_pages(target, tmp_path)
    assert 1 <= pages <= 2 and len(pngs) == pages
    text = pdf_text(target)
    for item in routine.items:
        ex = catalog.exercises[item.exercise_id]
        assert ex.name in text, f"{ex.name} missing from the {rid} sheet"
        assert ex.steps[0][:30] in text
    assert routine.schedule.text[:30] in text
    # Figures are drawn: the first page has plenty of dark ink, and no colour
    # (what a black-and-white printer prints is what the person sees).
    image = QImage(str(pngs[0]))
    dark = coloured = 0
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            c = image.pixelColor(x, y)
            dark += c.lightness() < 128
            coloured += c.hsvSaturation() > 40
    assert dark > 300
    assert coloured == 0


def test_sheet_shows_the_plan_step_down_and_accepted_changes(qapp, tmp_path: Path):
    from stretchguide.qt.sheet import write_pdf

    catalog = load_builtin()
    routine = catalog.routines["article_001_seven_best"]
    plan = P.Plan.for_routine(routine, TODAY)
    target = tmp_path / "s.pdf"
    write_pdf(
        target, routine, catalog.exercises, plan, today=TODAY, changes=("Clam shell: try 17",)
    )
    text = pdf_text(target)
    assert "steps down to 4 days a week" in text
    assert "Clam shell: try 17" in text


def test_cli_sheet_writes_the_pdf_and_refuses_an_unknown_routine(qapp, tmp_path: Path, capsys):
    target = tmp_path / "out.pdf"
    data = tmp_path / "data"
    assert (
        main(["--data-dir", str(data), "sheet", "article_003_piriformis", "--pdf", str(target)])
        == 0
    )
    assert "Piriformis" in pdf_text(target) or "piriformis" in pdf_text(target)
    assert main(["--data-dir", str(data), "sheet", "nope", "--pdf", str(tmp_path / "x.pdf")]) == 1
    err = capsys.readouterr().err
    assert "no routine 'nope'" in err and "Traceback" not in err
    assert not (tmp_path / "x.pdf").exists()


def test_cli_sheet_uses_the_accepted_doses_and_names_a_broken_plan_file(
    qapp, tmp_path: Path, capsys
):
    data = tmp_path / "data"
    data.mkdir()
    catalog = load_builtin()
    routine = catalog.routines["article_001_seven_best"]
    state = P.PlanState(routine.id, TODAY, {"clam_shell": {"reps": 17}})
    P.save_state(data / P.PLAN_FILE, state)
    target = tmp_path / "out.pdf"
    assert main(["--data-dir", str(data), "sheet", routine.id, "--pdf", str(target)]) == 0
    assert "17 reps" in pdf_text(target)
    (data / P.PLAN_FILE).write_text(json.dumps({"routine_id": 3}))
    assert main(["--data-dir", str(data), "sheet", routine.id, "--pdf", str(target)]) == 1
    assert str(data / P.PLAN_FILE) in capsys.readouterr().err


def test_cli_plan_writes_an_ics_that_parses_back(tmp_path: Path, capsys):
    from stretchguide.core import ics

    target = tmp_path / "plan.ics"
    rc = main(
        [
            "--data-dir",
            str(tmp_path / "d"),
            "plan",
            "article_001_seven_best",
            "--ics",
            str(target),
            "--at",
            "07:30",
        ]
    )
    assert rc == 0
    events = ics.parse(target.read_text(encoding="utf-8"))
    assert [e["DTSTART"][-7:] for e in events] == ["T073000", "T073000"]
    assert all(e["alarms"] for e in events)
    bad = ["--data-dir", str(tmp_path), "plan", "article_001_seven_best", "--ics", str(target)]
    assert main([*bad, "--at", "7pm"]) == 1
    assert "expected a time like 18:00" in capsys.readouterr().err
