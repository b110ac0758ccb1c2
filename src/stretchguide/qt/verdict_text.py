"""The verdict after a check-in, as the check-in page shows it (HTML).

Plain functions of core's results: tests read them without a window. Imported
only once a check-in is answered, so core.safety is not on the first paint's path.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QObject

from stretchguide.core.checkin_now import NowResponse
from stretchguide.core.i18n import _
from stretchguide.core.safety import NOT_A_DIAGNOSIS, PainLevel, PainResponse


def now_html(said: NowResponse, extra: tuple[str, ...] = (), headline: str = "") -> str:
    """A check-in before a session or on its own: ease off, and what to do
    next (the safety questions for numbness or weakness). ``headline``
    (already translated) comes first when it is more urgent than the
    check-in's own advice; ``extra`` are more reasons."""
    advice = f"{headline} {_(NOT_A_DIAGNOSIS)}" if headline else said.advice
    return verdict_html("ease_off", advice, (*said.reasons, *extra))


def must_be_read(verdict: PainResponse, hurts: int) -> bool:
    """Advice to change something or to get help, which Continue waits for
    (qt/input_guard.ReadFirst): easing off, nerve signs, spreading or severe
    pain, "this hurts" pressed. "That looks fine" does not wait."""
    return (
        verdict.level is PainLevel.EASE_OFF
        or verdict.nerve.any
        or verdict.spread
        or verdict.severe
        or verdict.hurts_again
        or hurts > 0
    )


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


class VerdictText(QObject):
    """The translation context of these texts (lupdate reads plural forms
    only from ``self.tr()`` inside a class, and names the context after it)."""

    def pressed(self, total: int) -> str:
        return self.tr("You pressed “%1” %n time(s) during this session: %2.", "", total)

    def go_gentler(self) -> str:
        return self.tr(
            "Whatever the numbers say, pain that sharpens or spreads during an "
            "exercise is a reason to go gentler with it next time (a shorter hold, "
            "less range) or leave it out, and to mention it to your clinician."
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
    # The quoted words are the session button's own label, so the person
    # recognises what they pressed in any language.
    button = QCoreApplication.translate("SessionView", "This hurts")
    words = VerdictText()
    pressed = words.pressed(total).replace("%1", button).replace("%2", html.escape(where))
    advice = words.go_gentler()
    return (
        "<div style='border-left: 6px solid #b0413e; padding-left: 8px'>"
        "<p><b>" + pressed + "</b></p><p>" + html.escape(advice, quote=False) + "</p></div>"
    )
