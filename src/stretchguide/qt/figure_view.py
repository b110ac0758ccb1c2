"""The animated exercise figure: paints what ``core.figures`` poses.

The widget owns no session state. The session view tells it which exercise
and side to show (``set_exercise``) and which step is running
(``set_phase``, ``set_time``, ``set_paused``); a parented QTimer advances the
clock between those calls. Frames are computed by the pure core and only
painted here, and a repaint happens only when some point of the figure
moves by at least half a pixel, so a calm hold costs a few repaints a second
instead of sixty.
"""

from __future__ import annotations

import functools
import math
import time
from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QHideEvent,
    QImage,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QRadialGradient,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QWidget

from stretchguide.core import figures
from stretchguide.core.catalog import Side
from stretchguide.core.figures import PALETTE, Drawing, Ink, Shape

Bounds = tuple[float, float, float, float]

OUTLINE_CM = 1.3  # outline thickness around limbs, in body centimetres
# ...but never thinner than this many pixels: at 128 px a body centimetre is
# about 0.6 px, and a 0.8 px outline blurred away, so touching limbs ran
# together into one blue blob.
MIN_OUTLINE_PX = 1.25


def outline_px(scale: float) -> float:
    """The outline's width in pixels at ``scale`` pixels per body centimetre."""
    return max(OUTLINE_CM * scale, MIN_OUTLINE_PX)


MOTION_INTERVAL_MS = 16  # ~60 fps while something moves
HOLD_INTERVAL_MS = 200  # a held pose only breathes (a breath takes seconds): 5 checks a second
VISIBLE_PX = 0.5  # smaller changes are not worth a repaint while moving
HOLD_VISIBLE_PX = 1.5  # a breath is slow: repaint in steps too small to notice


def _color(ink: Ink, alpha: int = 255) -> QColor:
    c = QColor(PALETTE[ink])
    c.setAlpha(alpha)
    return c


class _Mapper:
    """View centimetres (v up) -> device pixels (y down), aspect kept."""

    def __init__(self, bounds: Bounds, rect: QRectF) -> None:
        bw = max(1e-6, bounds[2] - bounds[0])
        bh = max(1e-6, bounds[3] - bounds[1])
        self.k = min(rect.width() / bw, rect.height() / bh)
        self.ox = rect.x() + (rect.width() - bw * self.k) / 2 - bounds[0] * self.k
        self.oy = rect.y() + (rect.height() + bh * self.k) / 2 + bounds[1] * self.k

    def pt(self, uv: tuple[float, float]) -> QPointF:
        return QPointF(self.ox + uv[0] * self.k, self.oy - uv[1] * self.k)


def paint_drawing(
    painter: QPainter, drawing: Drawing, bounds: Bounds, rect: QRectF, clip: QRectF | None = None
) -> None:
    """Paint a drawing into ``rect``, fitting ``bounds``; the floor line is cut at ``clip``."""
    painter.save()
    if clip is not None:
        painter.setClipRect(clip)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    m = _Mapper(bounds, rect)
    ow = outline_px(m.k)
    # The floor is an endless line in the model; cut it to the visible box so
    # the stroker does not work on tens of thousands of off-screen pixels.
    span = (bounds[2] - bounds[0]) * 0.5
    lo, hi = bounds[0] - span, bounds[2] + span
    for shape in drawing.shapes:
        if shape.kind == "line" and any(abs(u) >= 1e3 for u, _ in shape.points):
            shape = Shape(
                shape.kind,
                tuple((min(hi, max(lo, u)), v) for u, v in shape.points),
                shape.widths,
                shape.fill,
                shape.stroke,
                shape.radius,
                shape.depth,
            )
        _paint_shape(painter, shape, m, ow)
    painter.restore()


_GLOW_SPRITES: dict[int, QImage] = {}


def _glow_sprite(radius: float) -> QImage:
    """The stretch glow as an image, made once per pixel radius.

    A radial gradient filled every frame was over a third of a frame's paint
    time at full screen; a glow is soft enough that a whole-pixel radius and
    an unfiltered blit at a fractional position look the same.
    """
    r = max(1, round(radius))
    sprite = _GLOW_SPRITES.get(r)
    if sprite is None:
        if len(_GLOW_SPRITES) > 16:  # only a resize changes the radius
            _GLOW_SPRITES.clear()
        sprite = QImage(2 * r, 2 * r, QImage.Format.Format_ARGB32_Premultiplied)
        sprite.fill(Qt.GlobalColor.transparent)
        grad = QRadialGradient(QPointF(r, r), r)
        grad.setColorAt(0.0, _color(Ink.GLOW, 200))
        grad.setColorAt(0.55, _color(Ink.GLOW, 120))
        grad.setColorAt(1.0, _color(Ink.GLOW, 0))
        painter = QPainter(sprite)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(grad)
        painter.drawEllipse(QPointF(r, r), r, r)
        painter.end()
        _GLOW_SPRITES[r] = sprite
    return sprite


def _pen(ink: Ink, width: float) -> QPen:
    pen = QPen(_color(ink), max(width, 0.5))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _paint_shape(p: QPainter, s: Shape, m: _Mapper, ow: float) -> None:
    pts = [m.pt(uv) for uv in s.points]
    if s.kind == "chain" and s.fill is not None and s.stroke is not None:
        p.setBrush(Qt.BrushStyle.NoBrush)
        for ink, extra in ((s.stroke, 2 * ow), (s.fill, 0.0)):
            for i, w in enumerate(s.widths):
                p.setPen(_pen(ink, w * m.k + extra))
                p.drawLine(pts[i], pts[i + 1])
    elif s.kind == "poly":
        path = QPainterPath(pts[0])
        for q in pts[1:]:
            path.lineTo(q)
        path.closeSubpath()
        w = (s.widths[0] if s.widths else 0.0) * m.k
        fill = s.fill or Ink.PROP
        if s.stroke is not None and s.stroke is not fill:
            p.setPen(_pen(s.stroke, w + 2 * ow))
            p.setBrush(_color(fill))
            p.drawPath(path)
        p.setPen(_pen(fill, w))
        p.setBrush(_color(fill))
        p.drawPath(path)
    elif s.kind == "disc":
        r = s.radius * m.k
        p.setPen(_pen(s.stroke, ow * 2) if s.stroke else Qt.PenStyle.NoPen)
        p.setBrush(_color(s.fill or Ink.PROP))
        p.drawEllipse(pts[0], r, r)
    elif s.kind == "glow":
        sprite = _glow_sprite(s.radius * m.k)
        half = sprite.width() / 2
        p.drawImage(QPointF(pts[0].x() - half, pts[0].y() - half), sprite)
    elif s.kind == "line" and s.stroke is not None:
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(_pen(s.stroke, (s.widths[0] if s.widths else 1.0) * m.k))
        if len(pts) == 2:
            p.drawLine(pts[0], pts[1])
        else:
            p.drawPolyline(pts)


def render_drawing_image(
    drawing: Drawing, bounds: Bounds, size: QSize, background: QColor | None = None
) -> QImage:
    img = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(background if background is not None else QColor(0, 0, 0, 0))
    painter = QPainter(img)
    pad = max(2.0, min(size.width(), size.height()) * 0.04)
    paint_drawing(
        painter, drawing, bounds, QRectF(pad, pad, size.width() - 2 * pad, size.height() - 2 * pad)
    )
    painter.end()
    return img


@functools.cache
def _builtin_feel() -> Mapping[str, tuple[str, ...]]:
    try:
        from stretchguide.core.catalog import load_builtin

        return {ex_id: tuple(ex.feel) for ex_id, ex in load_builtin().exercises.items()}
    except Exception:  # noqa: BLE001 - figures must draw even if content is broken
        return {}


def _feel(exercise_id: str, feel: Iterable[str] | None) -> Iterable[str]:
    # The session page and the routine list pass no areas yet: the built-in
    # catalog's are the truth for every exercise that has a figure.
    return _builtin_feel().get(exercise_id, ()) if feel is None else feel


def render_pose_image(
    exercise_id: str,
    size: int | QSize,
    side: Side | None = None,
    background: QColor | None = None,
    feel: Iterable[str] | None = None,
) -> QImage:
    """The key pose of an exercise as an image (list thumbnails, docs).

    ``feel``: the exercise's areas from the catalog (None: the built-in's).
    """
    qsize = QSize(size, size) if isinstance(size, int) else size
    drawing, _ = figures.key_drawing(exercise_id, side, _feel(exercise_id, feel))
    # Fitted to the figure, not to the mat area under it (a still needs no
    # room for frames it does not play).
    focus = figures.thumbnail_focus(exercise_id, side)
    bounds = figures.thumbnail_bounds(drawing, focus=focus)
    return render_drawing_image(drawing, bounds, qsize, background)


class FigureView(QWidget):
    """Big animated figure for the session screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(160, 120)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_tick)
        self._animator: figures.Animator | None = None
        self._drawing: Drawing | None = None
        self._bounds: Bounds = (0.0, 0.0, 1.0, 1.0)
        self._painted_px: list[tuple[float, float]] = []
        self._t0 = time.monotonic()
        self._t_at_anchor = 0.0
        self._paused = False
        self.repaints = 0  # for the benchmark and tests
        self.ticks = 0  # animation timer callbacks, same use

    # --- API used by the session view -----------------------------------

    def set_exercise(
        self, exercise_id: str | None, side: Side | None = None, feel: Iterable[str] | None = None
    ) -> None:
        """Show an exercise (None clears the figure), on ``side`` if it has sides.

        ``feel``: the exercise's areas from the catalog (None: the built-in's).
        """
        if exercise_id is None or not figures.has_figure(exercise_id):
            self._animator = None
            self._drawing = None
            self._timer.stop()
            self.update()
            return
        # The same exercise on the other side goes on from the pose showing.
        last = self._animator
        shown = last.last_shown() if last is not None and last.exercise_id == exercise_id else None
        self._animator = figures.Animator(exercise_id, side, _feel(exercise_id, feel), shown)
        self._bounds = self._animator.bounds()
        self._anchor(0.0)
        self._refresh(force=True)
        self._schedule()

    def set_phase(
        self,
        phase: str,
        *,
        duration: float = 0.0,
        rep_s: float = 0.0,
        hold_s: float = 0.0,
        side: Side | None = None,
        alternating: bool = False,
        stage: str = "",
        elapsed: float = 0.0,
    ) -> None:
        """Start a step: ``phase`` is a timeline step kind ("prepare", "hold", ...)."""
        if self._animator is None:
            return
        self._animator.set_phase(
            phase,
            duration=duration,
            rep_s=rep_s,
            hold_s=hold_s,
            side=side,
            alternating=alternating,
            stage=stage,
        )
        self._bounds = self._animator.bounds()
        self._anchor(elapsed)
        self._refresh(force=True)
        self._schedule()

    def set_time(self, t: float) -> None:
        """Seconds into the current phase (resynchronises with the engine)."""
        self._anchor(t)
        self._refresh()

    def set_paused(self, paused: bool) -> None:
        if paused == self._paused:
            return
        now_t = self._now()
        self._paused = paused
        self._anchor(now_t)
        self._schedule()

    def current_time(self) -> float:
        return self._now()

    def current_drawing(self) -> Drawing | None:
        return self._drawing

    def drawn_height(self, width: float, height: float) -> float:
        """How tall the figure (its whole pose bounds) is drawn in a box of
        ``width`` x ``height``, with the padding ``paintEvent`` leaves."""
        pad = 2 * min(width, height) * 0.04
        bw = max(1e-6, self._bounds[2] - self._bounds[0])
        bh = max(1e-6, self._bounds[3] - self._bounds[1])
        return bh * min((width - pad) / bw, (height - pad) / bh)

    def width_for(self, height: float) -> float:
        """The narrowest box ``height`` tall that draws the figure its full
        height (a standing figure is about half as wide as it is tall)."""
        bw = max(1e-6, self._bounds[2] - self._bounds[0])
        bh = max(1e-6, self._bounds[3] - self._bounds[1])
        pad = 2 * height * 0.04
        return (height - pad) * bw / bh + pad + 1

    # --- internals --------------------------------------------------------

    def _now(self) -> float:
        if self._paused:
            return self._t_at_anchor
        return self._t_at_anchor + (time.monotonic() - self._t0)

    def _anchor(self, t: float) -> None:
        self._t0 = time.monotonic()
        self._t_at_anchor = t

    def _schedule(self) -> None:
        if self._animator is None or self._paused or not self.isVisible():
            self._timer.stop()
            return
        interval = MOTION_INTERVAL_MS if self._animator.moving(self._now()) else HOLD_INTERVAL_MS
        if self._timer.interval() != interval or not self._timer.isActive():
            self._timer.start(interval)

    def _on_tick(self) -> None:
        self.ticks += 1
        self._refresh()
        self._schedule()

    def _scale(self) -> float:
        return _Mapper(self._bounds, QRectF(self.rect())).k

    def _refresh(self, force: bool = False) -> None:
        if self._animator is None:
            return
        drawing = self._animator.drawing(self._now())
        px = _points_px(drawing, self._scale())
        if not force and len(px) == len(self._painted_px):
            moved = max(
                (
                    abs(a[0] - b[0]) + abs(a[1] - b[1])
                    for a, b in zip(px, self._painted_px, strict=True)
                ),
                default=0.0,
            )
            moving = self._animator.moving(self._now())
            if moved < (VISIBLE_PX if moving else HOLD_VISIBLE_PX):
                return
        self._drawing = drawing
        self._painted_px = px
        self.update()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._schedule()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._timer.stop()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._painted_px = []
        super().resizeEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(480, 360)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._drawing is None:
            return
        self.repaints += 1
        painter = QPainter(self)
        r = QRectF(self.rect())
        pad = min(r.width(), r.height()) * 0.04
        paint_drawing(painter, self._drawing, self._bounds, r.adjusted(pad, pad, -pad, -pad))
        painter.end()


def _points_px(drawing: Drawing, k: float) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for s in drawing.shapes:
        if s.kind == "line" and s.points and math.fabs(s.points[0][0]) >= 1e3:
            continue
        out.extend((u * k, v * k) for u, v in s.points)
    return out


__all__: Sequence[str] = (
    "FigureView",
    "paint_drawing",
    "render_drawing_image",
    "render_pose_image",
)
