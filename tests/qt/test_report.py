"""The clinician report (issue 17): what it says, and that the PDF holds all of it."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime, timedelta

import pytest

from stretchguide import paths
from stretchguide.core.catalog import load_builtin
from stretchguide.qt.report import chart_points, export_report, write_report
from stretchguide.qt.report_data import Report, assemble_report, report_range
from stretchguide.qt.report_words import report_lines
from stretchguide.store.history import History

TODAY = date(2026, 3, 20)


@pytest.fixture
def history(_private_data_dir):
    h = History.open(paths.resolve(str(_private_data_dir)).ensure())
    yield h
    h.close()


def at(day: date, hour: int = 9) -> int:
    return int(datetime(day.year, day.month, day.day, hour).timestamp())


def fill(h: History, days: int = 10, note_words: int = 4) -> None:
    routine = load_builtin().routines["flare_up_gentle"]
    first = routine.items[0].exercise_id
    second = routine.items[1].exercise_id
    for n in range(days):
        day = TODAY - timedelta(days=days - 1 - n)
        start = at(day)
        s = h.start_session(routine, started_at=start)
        h.add_checkin("before", 6, 7, "thigh", tingling=n % 2 == 0, session_id=s.id, at=start - 60)
        h.record_step(s.id, 1, first, "reps", planned_s=36, done_s=36, completed_at=start + 40)
        h.record_step(
            s.id, 3, second, "reps", side="left", planned_s=50, done_s=20, completed_at=start + 90
        )
        h.record_step(
            s.id,
            4,
            second,
            "reps",
            side="right",
            planned_s=50,
            skipped=True,
            completed_at=start + 95,
        )
        h.record_hurt(s.id, second, 3, at=start + 80)
        h.set_response(s.id, first, "better")
        h.set_response(s.id, second, "worse")
        h.finish_session(s.id, "completed", ended_at=start + 600)
        note = " ".join(f"word{n}_{k}" for k in range(note_words)) + f" END{n}"
        h.add_checkin(
            "after", 4, 5, "buttock", numbness=n == 3, session_id=s.id, at=start + 700, note=note
        )


def test_report_gathers_what_a_clinician_asks_for(history):
    fill(history, days=10)
    exercises = load_builtin().exercises
    start, end = TODAY - timedelta(days=13), TODAY
    r = assemble_report(
        history,
        exercises,
        TODAY,
        start,
        end,
        painful_side="left",
        red_flags=[(TODAY - timedelta(days=9), "All answered no")],
    )
    assert (r.start, r.end, r.painful_side) == (start, end, "left")
    assert r.sessions_done == 10 and r.checkin_count == 20 and r.hurts_total == 10
    [use] = r.routines
    assert use.sessions == 10 and use.first == TODAY - timedelta(days=9) and use.last == TODAY
    rows = {e.name: e for e in r.exercises}
    breathing = rows[exercises["core_breathing"].name]
    rotation = rows[exercises["lumbar_rotation"].name]
    assert (breathing.better, breathing.worse, breathing.hurts) == (10, 0, 0)
    assert (rotation.worse, rotation.hurts, rotation.skipped, rotation.cut_short) == (
        10,
        10,
        10,
        10,
    )
    assert "left 10 times" in rotation.sides
    assert "repetition" in rotation.dose
    assert sum(w.tingling for w in r.symptoms) == 5
    assert sum(w.numbness for w in r.symptoms) == 1
    assert r.verdict and r.red_flags == [(TODAY - timedelta(days=9), "All answered no")]
    text = "\n".join(t for _, t in report_lines(r))
    assert "(s)" not in text and "the article" not in text.lower()
    assert "Painful side: left" in text and "10 sessions done" in text


def test_the_chart_spans_0_to_10_and_the_whole_chosen_range():
    r = Report(prepared=TODAY, start=TODAY - timedelta(days=90), end=TODAY, painful_side="left")
    from stretchguide.qt.report_data import DayPainPoint

    r.pain = [
        DayPainPoint(TODAY - timedelta(days=10), 10.0, 0.0),
        DayPainPoint(TODAY, 5.0, 2.5),
    ]
    pts = chart_points(r, 900.0, 100.0)
    # Ten days out of ninety sits near the right edge, not stretched to fill.
    assert pts[0][0] == pytest.approx(800.0)
    assert pts[1][0] == pytest.approx(900.0)
    assert pts[0][1] == pytest.approx(0.0) and pts[0][2] == pytest.approx(100.0)
    assert pts[1][1] == pytest.approx(50.0) and pts[1][2] == pytest.approx(75.0)
    assert report_range(TODAY, 14, TODAY - timedelta(days=400)) == (
        TODAY - timedelta(days=13),
        TODAY,
    )
    assert report_range(TODAY, 0, TODAY - timedelta(days=40)) == (TODAY - timedelta(days=40), TODAY)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_a_long_report_runs_over_numbered_dated_pages_and_cuts_no_note(qtbot, history, tmp_path):
    fill(history, days=40, note_words=120)
    path = tmp_path / "report.pdf"
    pages = export_report(path, history, load_builtin().exercises, TODAY, 0, painful_side="right")
    assert pages >= 4
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    for n in range(40):
        assert f"END{n}" in text, f"note {n} was cut off"
        assert f"word{n}_119" in text
    for n in range(1, pages + 1):
        assert f"Page {n} of {pages}" in text
    assert text.count("prepared 20 March 2026") == pages


def test_an_empty_history_still_makes_a_one_page_report(qtbot, history, tmp_path):
    r = assemble_report(history, load_builtin().exercises, TODAY, TODAY - timedelta(days=13))
    assert write_report(tmp_path / "r.pdf", r) == 1
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


def test_every_dose_change_is_listed_with_its_day_and_its_line(history):
    fill(history, days=3)
    start = TODAY - timedelta(days=13)
    before = TODAY - timedelta(days=30)
    changes = [
        (TODAY - timedelta(days=2), "Knee hug: 6 repetitions instead of 5, because fine."),
        (before, "Knee hug: 5 repetitions instead of 6, because it hurt."),
        (TODAY - timedelta(days=1), "Cat-camel: hold 20 s instead of 25 s, because worse."),
    ]
    r = assemble_report(
        history, load_builtin().exercises, TODAY, start, TODAY, plan_changes=changes
    )
    assert r.plan_changes == sorted(changes)
    lines = report_lines(r)
    text = [t for _, t in lines]
    assert ("h2", "Dose changes to the plan") in lines
    # Each with its day written the long way a person reads it.
    days = ("18 March 2026", "18 February 2026", "19 March 2026")
    for day, (_, line) in zip(days, changes, strict=True):
        assert f"{day}: {line}" in text
    # The one made before the period is there, and the report says why.
    assert any("before 7 March 2026" in t for t in text)


def test_no_dose_change_is_said_in_words(history):
    r = assemble_report(history, load_builtin().exercises, TODAY, TODAY - timedelta(days=13))
    lines = report_lines(r)
    at_heading = lines.index(("h2", "Dose changes to the plan"))
    assert lines[at_heading + 1] == ("p", "No dose was stepped up or back.")


def test_safety_questions_answered_no_are_not_reported_as_never_asked(history):
    # All "no" is an answer: the report said "No answers to the safety
    # questions are stored", which a clinician reads as never asked.
    from stretchguide.core.safety import RED_FLAGS

    exercises = load_builtin().exercises
    start = TODAY - timedelta(days=13)
    for day in (TODAY - timedelta(days=9), TODAY - timedelta(days=2)):
        history.record_red_flags({f.id: False for f in RED_FLAGS}, at=at(day))
    text = "\n".join(t for _, t in report_lines(assemble_report(history, exercises, TODAY, start)))
    assert "No answers to the safety questions" not in text
    assert "Asked on 2 days in this period" in text and "No warning sign was answered yes." in text
    # One yes is listed with its day, and the count of days stays.
    history.record_red_flags({f.id: f.id == "fever" for f in RED_FLAGS}, at=at(TODAY))
    text = "\n".join(t for _, t in report_lines(assemble_report(history, exercises, TODAY, start)))
    assert "Asked on 3 days" in text and "No warning sign was answered yes." not in text
    assert "fever" in text.lower()
    # Never asked in the range: said so.
    later = assemble_report(
        history, exercises, TODAY + timedelta(days=30), TODAY + timedelta(days=1)
    )
    text = "\n".join(t for _, t in report_lines(later))
    assert "No answers to the safety questions are stored for this period." in text


def _pdf_text(path) -> str:
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_a_note_of_one_long_word_wraps_on_the_page_instead_of_running_off(tmp_path):
    # A pasted link or a run of one key: one "word" wider than the page ran
    # off its right edge, and the clinician's copy lost all but the first line.
    run = "".join(f"{i:04d}" for i in range(300))  # 1,200 characters, no space
    r = Report(prepared=TODAY, start=TODAY - timedelta(days=13), end=TODAY, painful_side="left")
    r.notes = [(datetime(2026, 3, 19, 9, 30), run)]
    write_report(tmp_path / "r.pdf", r)
    flat = "".join(_pdf_text(tmp_path / "r.pdf").split())
    assert run in flat


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_a_word_longer_than_a_page_is_cut_over_pages(tmp_path, monkeypatch):
    # No note reaches this now (the report shows 1,500 characters of one),
    # but a paragraph taller than a page must never make the layout loop.
    from stretchguide.qt import report_words

    monkeypatch.setattr(report_words, "NOTE_SHOWN_MAX", 10**6)
    run = "".join(f"{i:05d}" for i in range(8000))  # 40,000 characters
    r = Report(prepared=TODAY, start=TODAY - timedelta(days=13), end=TODAY, painful_side="left")
    r.notes = [(datetime(2026, 3, 19, 9, 30), run)]
    pages = write_report(tmp_path / "r.pdf", r)
    assert pages > 3
    flat = "".join(_pdf_text(tmp_path / "r.pdf").split())
    for n in range(1, pages + 1):
        flat = flat.replace(f"StretchGuidereport,prepared20March2026Page{n}of{pages}", "")
    assert run in flat


def test_a_note_is_printed_as_it_looks_and_a_very_long_one_is_cut_with_a_count():
    from stretchguide.qt.report_words import NOTE_SHOWN_MAX, note_shown

    # A right-to-left override turned the rest of the note around; ESC and
    # NUL printed as boxes. Shown as escapes; tabs and line ends as they look.
    assert note_shown("\u202eleg\x00\x1b[31m\tok\r\nnext") == "\\u202eleg\\x00\\x1b[31m ok\nnext"
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467 Sch\u00admerz"  # joiners, soft hyphen
    assert note_shown(family) == family
    long = "pain " * 2000  # 10,000 characters
    shown = note_shown(long)
    assert len(shown) < NOTE_SHOWN_MAX + 80
    cut = len(shown.split(" [")[0])
    assert f"{len(long) - cut - 1:d}" in shown or f"{len(long) - cut:d}" in shown
    assert "more characters" in shown
