"""An urgent warning sign answered yes, and the two-week view: History's
banner, `stretchguide stats` and the clinician report read "Things look
good" the day after "both legs", because the verdict read only check-ins
(docs/CLINICAL.md, section 4, rule 9)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from stretchguide.commands.history import run_stats
from stretchguide.core import i18n
from stretchguide.core.plan import holds_step_up
from stretchguide.core.trends import VerdictKind
from stretchguide.core.verdict_words import URGENT_ADVICE, verdict_advice, verdict_headline
from stretchguide.paths import AppPaths
from stretchguide.store.history import History

T0 = int(datetime(2026, 3, 1, 9, tzinfo=UTC).timestamp())
DAY = 86400
TODAY = date(2026, 3, 15)
NOW = T0 + 14 * DAY


def _diary(paths: AppPaths, red_flags: list[tuple[int, dict[str, bool]]]) -> None:
    """Leg pain 6 falling to 1 over fifteen days, in the thigh, and the
    safety questions' answers at their times."""
    with History.open(paths, clock=lambda: NOW, utc_offset=lambda ts: 0) as h:
        for day in range(15):
            h.add_checkin("any", 1, max(1, 6 - day // 2), "thigh", at=T0 + day * DAY)
        for at, answers in red_flags:
            h.record_red_flags(answers, at=at)


def _verdict(paths: AppPaths):
    with History.open(paths, clock=lambda: NOW, utc_offset=lambda ts: 0) as h:
        return h.verdict(TODAY)


def test_both_legs_yesterday_is_said_first_after_two_weeks_of_getting_better(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = AppPaths(tmp_path)
    # "Both legs" yesterday, then "none of these" today: the urgent answer
    # still stands (only a doctor's visit lifts it, and the app asks that).
    _diary(
        paths,
        [
            (T0 + 13 * DAY, {"both_legs": True, "fever": False}),
            (T0 + 14 * DAY - 60, {"both_legs": False, "fever": False}),
        ],
    )
    v = _verdict(paths)
    assert v.kind in (VerdictKind.IMPROVING, VerdictKind.SETTLED)
    assert v.urgent == ((date(2026, 3, 14), "both_legs"),)
    assert "medical help the same day" in verdict_headline(v).split(".")[0]
    advice = verdict_advice(v)
    assert advice is not None and advice.startswith(URGENT_ADVICE)
    assert "Things look good" not in advice and "right way" not in advice
    assert "both legs" in v.reasons[0]
    assert v.see_professional and holds_step_up(v)
    assert run_stats(None, paths, wall=lambda: NOW) == 0
    out = capsys.readouterr().out
    assert "medical help the same day" in out and "Things look good" not in out


def test_urgent_sign_on_the_first_day_is_not_hidden_behind_too_few_days(tmp_path: Path) -> None:
    paths = AppPaths(tmp_path)
    with History.open(paths, clock=lambda: NOW, utc_offset=lambda ts: 0) as h:
        h.add_checkin("any", 2, 2, "thigh", at=NOW - 3600)
        h.record_red_flags({"saddle_numbness": True}, at=NOW - 3500)
        v = h.verdict(TODAY)
    assert v.kind is VerdictKind.NOT_ENOUGH_DATA
    assert v.urgent and "genitals" in v.reasons[0]
    assert (verdict_advice(v) or "").startswith(URGENT_ADVICE)


def test_urgent_sign_answered_while_the_clock_was_ahead_still_counts(tmp_path: Path) -> None:
    """Stamped a month ahead, then the clock put right: it is still an
    answer the person gave, and it is still urgent."""
    paths = AppPaths(tmp_path)
    _diary(paths, [(NOW + 30 * DAY, {"bladder_start": True})])
    assert _verdict(paths).urgent == ((date(2026, 4, 14), "bladder_start"),)


def test_soon_signs_and_old_urgent_answers_do_not_count(tmp_path: Path) -> None:
    """A "see a doctor in the next few days" sign is not urgent; an urgent
    answer before the two weeks is the session gate's (it asks "seen by a
    doctor since?") and not this view's."""
    paths = AppPaths(tmp_path)
    _diary(paths, [(T0 + 10 * DAY, {"fever": True}), (T0 - 5 * DAY, {"both_legs": True})])
    v = _verdict(paths)
    assert v.urgent == () and not holds_step_up(v)
    assert "Things look good" in (verdict_advice(v) or "") or "right way" in (
        verdict_advice(v) or ""
    )


@pytest.mark.parametrize("lang", ["de", "es", "fr"])
def test_urgent_words_are_translated(tmp_path: Path, lang: str) -> None:
    paths = AppPaths(tmp_path)
    _diary(paths, [(T0 + 13 * DAY, {"worsening_weakness": True})])
    english = _verdict(paths)
    head_en, advice_en, reason_en = (
        verdict_headline(english),
        verdict_advice(english),
        english.reasons[0],
    )
    i18n.set_language(lang)
    try:
        v = _verdict(paths)
        assert verdict_headline(v).split(".")[0] != head_en.split(".")[0]
        assert (verdict_advice(v) or "")[:40] != (advice_en or "")[:40]
        assert v.reasons[0][:10] != reason_en[:10]
    finally:
        i18n.set_language("en")
