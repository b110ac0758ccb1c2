"""The verdict after a check-in, as the check-in page shows it (HTML).

Plain functions of core's results: tests read them without a window. Imported
only once a check-in is answered, so core.safety is not on the first paint's path.
"""

from __future__ import annotations

import html

from stretchguide.core.safety import NERVE_ADVICE, NOT_A_DIAGNOSIS


def nerve_html(reasons: tuple[str, ...]) -> str:
    """New numbness or weakness: ease off, the safety questions next, when to get help."""
    return verdict_html("ease_off", f"{NERVE_ADVICE} {NOT_A_DIAGNOSIS}", reasons)


def verdict_html(
    level: str, advice: str, reasons: tuple[str, ...], good: tuple[str, ...] = ()
) -> str:
    colour = {"fine": "#2e7d4f", "acceptable": "#8a6d00", "ease_off": "#b0413e"}.get(
        level, "#555555"
    )
    items = "".join(f"<li>{r}</li>" for r in (*good, *reasons))
    return (
        f"<div style='border-left: 6px solid {colour}; padding-left: 8px'>"
        f"<p style='font-size: large'><b>{advice}</b></p><ul>{items}</ul></div>"
    )


def hurts_html(exercise_names: list[str]) -> str:
    """The session's "this hurts" presses in plain words, shown beside the verdict.

    The pain-response rule takes a pain number felt during the session
    (``during_peak``); a press records no number, so it is not fed in as
    one. It is reported next to the verdict instead.
    """
    if not exercise_names:
        return ""
    counts: dict[str, int] = {}
    for name in exercise_names:
        counts[name] = counts.get(name, 0) + 1
    where = ", ".join(f"{n} ({c}×)" if c > 1 else n for n, c in counts.items())
    total = len(exercise_names)
    times = "once" if total == 1 else f"{total} times"
    return (
        "<div style='border-left: 6px solid #b0413e; padding-left: 8px'>"
        f"<p><b>You pressed “This hurts” {times} during this session: "
        f"{html.escape(where)}.</b></p>"
        "<p>Whatever the numbers say, pain that sharpens or spreads during an "
        "exercise is a reason to go gentler with it next time (a shorter hold, "
        "less range) or leave it out, and to mention it to your clinician.</p></div>"
    )
