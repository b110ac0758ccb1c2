"""The guidance page: the articles' advice (from the catalog) plus the
warning signs from core/safety.py, as one readable, scrollable page."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from stretchguide.core.catalog import Guidance, Topic
from stretchguide.core.safety import RED_FLAGS, Urgency
from stretchguide.qt.i18n import QT_TRANSLATE_NOOP

TOPIC_TITLES = {
    Topic.LIMIT: QT_TRANSLATE_NOOP("GuidancePage", "Activities to limit for now"),
    Topic.RELIEF: QT_TRANSLATE_NOOP("GuidancePage", "Ice and heat"),
    Topic.ACTIVITY: QT_TRANSLATE_NOOP("GuidancePage", "Keep moving"),
    Topic.EXERCISE: QT_TRANSLATE_NOOP("GuidancePage", "How hard to push"),
    Topic.SEEK_HELP: QT_TRANSLATE_NOOP("GuidancePage", "When to see a professional"),
}


def guidance_html(guidance: Guidance, tr: Callable[[str], str] | None = None) -> str:
    t: Callable[[str], str] = tr if tr is not None else str
    e = html.escape
    title = t(QT_TRANSLATE_NOOP("GuidancePage", "Living with sciatica"))
    parts = [f"<h1>{e(title)}</h1>"]
    lo, hi = guidance.ice_minutes
    n_lo, n_hi = guidance.ice_times_per_day
    for topic in Topic:
        items = guidance.by_topic(topic)
        if not items:
            continue
        parts.append(f"<h2>{e(t(TOPIC_TITLES[topic]))}</h2>")
        if topic is Topic.RELIEF:
            parts.append(
                "<p><b>"
                + e(
                    t(
                        QT_TRANSLATE_NOOP(
                            "GuidancePage", "Ice: %1-%2 minutes at a time, %3-%4 times a day."
                        )
                    )
                    .replace("%1", str(lo))
                    .replace("%2", str(hi))
                    .replace("%3", str(n_lo))
                    .replace("%4", str(n_hi))
                )
                + "</b></p>"
            )
        parts.append("<ul>")
        for a in items:
            parts.append(f"<li><b>{e(a.title)}.</b> {e(a.text)}</li>")
        parts.append("</ul>")
    today = t(QT_TRANSLATE_NOOP("GuidancePage", "Get medical help today if"))
    soon = t(QT_TRANSLATE_NOOP("GuidancePage", "See a doctor soon if"))
    parts.append(f"<h2>{e(today)}</h2><ul>")
    parts += [f"<li>{e(f.asked)}</li>" for f in RED_FLAGS if f.urgency is Urgency.URGENT]
    parts.append(f"</ul><h2>{e(soon)}</h2><ul>")
    parts += [f"<li>{e(f.asked)}</li>" for f in RED_FLAGS if f.urgency is Urgency.SOON]
    parts.append("</ul>")
    note = t(QT_TRANSLATE_NOOP("GuidancePage", "This is general guidance, not medical advice."))
    parts.append("<p><i>" + e(note) + "</i></p>")
    return "".join(parts)


class GuidancePage(QWidget):
    def __init__(self, guidance: Guidance, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("Guidance"))
        self.browser.setHtml(guidance_html(guidance, self.tr))
        layout.addWidget(self.browser)
