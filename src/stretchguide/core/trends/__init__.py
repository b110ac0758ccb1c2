"""Pain diary records and the maths over them: series, means, streaks, verdict.

Pure Python (standard library only): the store turns database rows into the
frozen records defined here, and every function below takes plain records and
returns plain records, so all of it is testable without SQLite or Qt.

Times are UTC epoch seconds. Each record also keeps the UTC offset of the
person's clock when it was made, so "a day" is the calendar day as the person
lived it (a check-in at 23:30 while travelling stays on that evening), and
the grouping never depends on the time zone of the machine reading it.

Scales: back and leg pain are 0-10 numeric ratings. ``Extent`` says how far
down the leg symptoms reach; further down is worse, retreating toward the
back is better, whatever the numbers do.

This package's names below are its interface; the modules behind it:
``records`` (the frozen records), ``series`` (days, series, rolling means,
comparisons, adherence, streaks, and "today" and gaps across time zones),
``exercises`` (what came before a change), ``verdict`` (the 14-day
verdict) and ``columns`` (the same answers as columns for the chart).
"""

from stretchguide.core.trends.columns import (
    NAN,
    ChangeColumns,
    DailyColumns,
    RollingColumns,
    SessionDayColumns,
    TrendData,
    rolling_columns,
    session_day_columns,
    trend_data,
)
from stretchguide.core.trends.exercises import (
    ExerciseLink,
    by_concern,
    exercise_links,
    exercises_before_change,
    worked_exercises,
)
from stretchguide.core.trends.records import (
    DONE_STATUSES,
    WORK_STEP_KINDS,
    CheckIn,
    CheckInKind,
    ExerciseResponse,
    Extent,
    HurtEvent,
    Response,
    RoutineSnapshot,
    SessionRecord,
    SessionStatus,
    SnapshotItem,
    StepRecord,
    by_kind,
)
from stretchguide.core.trends.series import (
    AHEAD_DAYS_MAX,
    CLOCK_GAP_MAX,
    HABIT_DAYS,
    Adherence,
    DayPain,
    RollingPoint,
    SessionChange,
    SessionDay,
    Streak,
    adherence,
    clock_made_gap,
    compare,
    current_day,
    daily_series,
    day_from_number,
    day_number,
    gap_days,
    habit_streak,
    joined_days,
    local_day,
    rolling_means,
    session_changes,
    session_clock_days,
    session_days,
    streak_from_day_numbers,
    streak_from_days,
    unlived_days,
)
from stretchguide.core.trends.verdict import (
    ENDS_DAYS,
    MEANINGFUL_CHANGE,
    MILD_MAX,
    MIN_DAYS_PER_HALF,
    VERDICT_DAYS,
    VERDICT_LOOK_BACK_DAYS,
    Verdict,
    VerdictKind,
    fourteen_day_verdict,
)

__all__ = [
    "AHEAD_DAYS_MAX",
    "Adherence",
    "CLOCK_GAP_MAX",
    "ChangeColumns",
    "CheckIn",
    "CheckInKind",
    "DONE_STATUSES",
    "DailyColumns",
    "DayPain",
    "ENDS_DAYS",
    "ExerciseLink",
    "ExerciseResponse",
    "Extent",
    "HABIT_DAYS",
    "HurtEvent",
    "MEANINGFUL_CHANGE",
    "MILD_MAX",
    "MIN_DAYS_PER_HALF",
    "NAN",
    "Response",
    "RollingColumns",
    "RollingPoint",
    "RoutineSnapshot",
    "SessionChange",
    "SessionDay",
    "SessionDayColumns",
    "SessionRecord",
    "SessionStatus",
    "SnapshotItem",
    "StepRecord",
    "Streak",
    "TrendData",
    "VERDICT_DAYS",
    "VERDICT_LOOK_BACK_DAYS",
    "WORK_STEP_KINDS",
    "Verdict",
    "VerdictKind",
    "adherence",
    "by_concern",
    "by_kind",
    "clock_made_gap",
    "compare",
    "current_day",
    "gap_days",
    "daily_series",
    "day_from_number",
    "day_number",
    "exercise_links",
    "exercises_before_change",
    "fourteen_day_verdict",
    "habit_streak",
    "joined_days",
    "local_day",
    "rolling_columns",
    "rolling_means",
    "session_changes",
    "session_clock_days",
    "session_day_columns",
    "session_days",
    "streak_from_day_numbers",
    "streak_from_days",
    "unlived_days",
    "trend_data",
    "worked_exercises",
]
