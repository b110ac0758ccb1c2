"""Fitting the session screen's text to its space, in every language.

``TextFit`` belongs to one ``SessionView``: the view hands it every text it
shows (``say``) and asks it to fit them (``fit``) after a change of text or
size. A text too long for its space shrinks a pixel at a time down to a
floor readable from the mat, and only below the floor ends in a visible "…"
(the full text stays in ``full_text`` and the label's tooltip). What fits
is measured on the laid-out screen, so it is what the person sees.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

from stretchguide.qt.accessible import announce
from stretchguide.qt.widgets import Badge, elide_to_lines, wrapped_lines

QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum"

if TYPE_CHECKING:
    from stretchguide.qt.session_view import SessionView

# Text sizes as shares of the session view's height: (full size, floor, bold).
# Full size is what fits in English; a text too long for its space (German is
# ~30 % longer) shrinks a pixel at a time down to its floor, and only below
# the floor loses its end to a visible "…". The floors keep every line
# readable from a mat two or three metres away: the smallest is ~20 px at
# 720 px and ~30 px at 1080 px, the size of the buttons' text.
TEXT_SIZES: dict[str, tuple[float, float, bool]] = {
    "name": (0.055, 0.038, True),
    "instruction": (0.042, 0.034, False),
    "caution": (0.037, 0.028, False),
    "reps": (0.045, 0.034, True),
    "next_up": (0.042, 0.03, False),
    "time_left": (0.04, 0.04, True),
    "status": (0.04, 0.028, False),
}
# The status line under the progress bar says one thing at a time: two lines.
STATUS_LINES = 2


class TextFit:
    """Shrinks, then shortens, the session view's texts to fit their space."""

    def __init__(self, view: SessionView) -> None:
        self.view = view
        # What each fitted label says in full; the label may show it shortened.
        self._full: dict[QLabel, str] = {}
        self._fitted_for: tuple[object, ...] = ()
        self.beside = False  # the figure beside the texts (place_figure)

    def invalidate(self) -> None:
        """Fit again on the next ``fit``, even with the same texts and size."""
        self._fitted_for = ()

    def set_px(self, label: QLabel, px: int, bold: bool) -> None:
        if label.font().pixelSize() == px and label.font().bold() == bold:
            return
        font = QFont(self.view.font())
        font.setPixelSize(px)
        font.setBold(bold)
        label.setFont(font)

    def say(self, label: QLabel, text: str) -> None:
        """Show ``text`` on a label that shrinks or shortens to fit (``fit``)."""
        if label is self.view.status and text != self._full.get(label):
            # Spoken by a screen reader wherever its focus is: the status
            # line says what the person did not do with a key (a notice).
            announce(label, text)
        self._full[label] = text
        if label.text() != text:
            label.setText(text)

    def full_text(self, label: QLabel) -> str:
        """What ``label`` says in full, even when it shows a shortened text."""
        return self._full.get(label, label.text())

    # -- fitting the text to the screen -----------------------------------
    def fit(self) -> None:
        """Shrink, then shorten, the texts that do not fit their space.

        The caution gives way first: its font shrinks down to its floor, then
        the exercise name's; only then does the caution, and after it the
        name, lose its last lines to a "…". The step text shrinks, and is
        shortened, only when those two are all used up. The countdown keeps
        its size throughout. A standing or seated figure then moves beside
        the texts when it is drawn clearly taller there (``_try_beside``).
        """
        figure = self._figure_view()  # its shape (upright or lying) counts too
        key = (
            self.view.size(),
            self.view.window().height(),
            tuple(sorted((id(k), v) for k, v in self._full.items())),
            tuple(b.text() for b in (self.view.side, self.view.paused_badge, self.view.mute_badge)),
            self.view.caution.isVisibleTo(self.view),
            round(figure.drawn_height(100.0, 100.0)) if figure is not None else 0,
        )
        if key == self._fitted_for or not self.view.isVisible():
            return
        h = self.view.scale_height()
        self.place_figure(beside=False)
        self._fit_all(h)
        box = self.view.figure.size()
        if figure is not None and figure.drawn_height(
            box.width() * 0.6, box.height()
        ) >= figure.drawn_height(box.width(), box.height()):
            self._try_beside(figure, h)
        self._fitted_for = key

    def _try_beside(self, figure: Any, h: int) -> None:
        """An upright figure with width to spare under the texts: beside
        them it may have the whole height. Kept there only when that draws
        it clearly taller and costs no text a pixel or a line and no badge
        its width; else back under the texts."""
        below = self._outcome(figure)
        upper = self.view.upper.geometry()
        # The title row keeps its badges whole and the name's longest word.
        words = self.full_text(self.view.name).split() or [""]
        badges = [b for b in self._badges() if b.isVisibleTo(self.view)]
        title = max(map(self.view.name.fontMetrics().horizontalAdvance, words)) + sum(
            b.sizeHint().width() + 12 for b in badges
        )
        width = min(figure.width_for(upper.height()), upper.width() / 2, upper.width() - title - 12)
        if width < figure.minimumWidth():
            return
        self.place_figure(beside=True, width=int(width))
        self._fit_all(h)
        beside = self._outcome(figure)
        if not (
            beside[0] >= below[0] * 1.15
            and all(beside[1][k] >= v for k, v in below[1].items())
            and beside[2] <= below[2]
            and all(b.width() >= b.sizeHint().width() for b in badges)
        ):
            self.place_figure(beside=False)
            self._fit_all(h)

    def _fit_all(self, h: int) -> None:
        for attr, (share, _floor, bold) in TEXT_SIZES.items():
            label = getattr(self.view, attr)
            self.set_px(label, max(14, int(h * share)), bold)
            if label in self._full and label.text() != self._full[label]:
                label.setText(self._full[label])
            label.setAccessibleName("")  # its text again (_elide)
            label.setToolTip("")  # the full text, only while shortened
        layout = self.view.layout()
        assert layout is not None
        self._fit_badges(h)
        self._fit_label(self.view.status, self._status_fits, h)
        layout.activate()
        # The caution gives way first, the step text last.
        for label, give_way in (
            (self.view.caution, self._shrink),
            (self.view.name, self._shrink),
            (self.view.reps, self._shrink),
            # A second line of status costs the caution its last line.
            (self.view.status, self._shrink),
            (self.view.caution, self._elide),
            (self.view.name, self._elide),
            (self.view.instruction, self._shrink),
            (self.view.instruction, self._elide),
        ):
            give_way(label, self._column_fits, h)
        # A later step may have freed more than was needed: the caution, then
        # the status, take back what fits of their size.
        self._grow(self.view.caution, self._column_fits, h)
        self._grow(self.view.status, self._column_fits, h)
        self._fit_label(self.view.next_up, self._right_fits, h)
        layout.activate()

    def _fit_badges(self, h: int) -> None:
        """The title row's badges at their size for ``h``, or smaller, down
        to a third, until they leave the exercise's name its longest word
        beside the dial: at twice the text size in Spanish the side badge
        alone asked for more than that, and the layout cut it at both ends."""
        badges = [b for b in self._badges() if b.isVisibleTo(self.view)]
        column = self.view.width() - self.view.dial.minimumWidth() - 40  # beside the dial
        room = column - self.view.name.minimumSizeHint().width() - 12  # its longest word
        scale = h / 600
        for step in range(12):
            for badge in self._badges():
                badge.set_scale(scale * 0.9**step)
            if sum(b.sizeHint().width() + 6 for b in badges) <= room:
                return
        # Badges at a third and still no room (a side and "PAUSIERT" at twice
        # the text size): the name's longest word gives way too, to its floor.
        _share, floor, bold = TEXT_SIZES["name"]
        name = self.view.name
        while name.font().pixelSize() > max(14, int(h * floor)):
            self.set_px(name, name.font().pixelSize() - 2, bold)
            room = column - name.minimumSizeHint().width() - 12
            if sum(b.sizeHint().width() + 6 for b in badges) <= room:
                return

    def _badges(self) -> tuple[Badge, ...]:
        return (self.view.side, self.view.paused_badge, self.view.mute_badge)

    def _figure_view(self) -> Any:
        figure = getattr(self.view.figure, "figure", None)
        return figure if hasattr(figure, "drawn_height") else None

    def _outcome(self, figure: Any) -> tuple[float, dict[str, int], set[str]]:
        """The figure's drawn height, each text's size, the texts shortened."""
        box = self.view.figure.size()
        sizes = {a: getattr(self.view, a).font().pixelSize() for a in TEXT_SIZES}
        cut = {
            a
            for a in TEXT_SIZES
            if self.full_text(getattr(self.view, a)) != getattr(self.view, a).text()
        }
        return figure.drawn_height(box.width(), box.height()), sizes, cut

    def place_figure(self, *, beside: bool, width: int = 0) -> None:
        """The figure under the texts (it takes the height they leave), or
        beside them at ``width`` with the whole height of the text column."""
        view, figure = self.view, self.view.figure
        if beside != self.beside:
            if beside:
                view.texts.removeWidget(figure)
                view.texts.addStretch(1)
                view.upper.addWidget(figure, 1)
            else:
                view.upper.removeWidget(figure)
                view.texts.takeAt(view.texts.count() - 1)  # the stretch
                view.texts.addWidget(figure, 1)
            self.beside = beside
        figure.setMaximumWidth(width if beside else QWIDGETSIZE_MAX)

    def _fit_label(self, label: QLabel, fits: Callable[[], bool], h: int) -> None:
        self._shrink(label, fits, h)
        self._elide(label, fits)

    def _shrink(self, label: QLabel, fits: Callable[[], bool], h: int) -> None:
        if not label.isVisibleTo(self.view) or fits():
            return
        attr = next(a for a in TEXT_SIZES if getattr(self.view, a) is label)
        _share, floor_share, bold = TEXT_SIZES[attr]
        floor = max(14, int(h * floor_share))
        px = label.font().pixelSize()
        while px > floor and not fits():
            px -= 1
            self.set_px(label, px, bold)

    def _grow(self, label: QLabel, fits: Callable[[], bool], h: int) -> None:
        if not label.isVisibleTo(self.view) or label.text() != self._full.get(label, label.text()):
            return
        attr = next(a for a in TEXT_SIZES if getattr(self.view, a) is label)
        share, _floor, bold = TEXT_SIZES[attr]
        px = label.font().pixelSize()
        while px < max(14, int(h * share)):
            self.set_px(label, px + 1, bold)
            if not fits():
                self.set_px(label, px, bold)
                fits()  # lay out again at the size that fits
                return
            px += 1

    def _elide(self, label: QLabel, fits: Callable[[], bool], h: int = 0) -> None:
        if not label.isVisibleTo(self.view) or fits():
            return
        full = self._full.get(label, label.text())
        width = label.contentsRect().width() - 2 * label.margin()
        lines = max(
            1, math.ceil(label.heightForWidth(label.width()) / label.fontMetrics().lineSpacing())
        )
        for n in range(lines - 1, 0, -1):
            label.setText(elide_to_lines(full, label.font(), width, n))
            if fits():
                break
        label.setToolTip(full)
        # A screen reader gets the whole text, not the shortened one (a set
        # name stands in for a label's text; ``fit`` clears it).
        label.setAccessibleName(full)

    def _need(self, label: QLabel) -> int:
        """The height ``label`` needs at its width: every wrapped line."""
        if not label.isVisibleTo(self.view) or not label.text():
            return 0
        if label.wordWrap():
            return label.heightForWidth(label.width())
        return label.sizeHint().height()

    def _fits(self, label: QLabel) -> bool:
        return self._need(label) <= label.height()

    def _column_fits(self) -> bool:
        # Measured on the laid-out screen, as the person sees it: what the
        # layout gives each label must hold all its lines, with the figure
        # still at least its smallest size.
        layout = self.view.layout()
        assert layout is not None
        layout.activate()
        column = (
            self.view.name,
            self.view.instruction,
            self.view.caution,
            self.view.reps,
            self.view.status,
        )
        return all(self._fits(label) for label in column) and (
            self.view.figure.height() >= self.view.figure.minimumHeight()
        )

    def _right_fits(self) -> bool:
        layout = self.view.layout()
        assert layout is not None
        layout.activate()
        return (
            self._fits(self.view.next_up)
            and self.view.dial.height() >= self.view.dial.minimumWidth()
        )

    def _status_fits(self) -> bool:
        layout = self.view.layout()
        assert layout is not None
        layout.activate()
        width = self.view.status.contentsRect().width() - 2 * self.view.status.margin()
        return (
            len(wrapped_lines(self.view.status.text(), self.view.status.font(), width))
            <= STATUS_LINES
        )
