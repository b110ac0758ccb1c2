"""The application style: Fusion with a focus ring anyone can see.

A module of its own because it is set at start-up: the drawing widgets in
``qt.widgets`` (and the Qt classes they pull in, ~20 ms) are not needed
until a session or check-in page is built. The application starts on plain
Fusion and ``install_focus_ring`` swaps this style in right after the first
paint (the window calls it before it builds the routines page): making the
Python subclass and running its ``drawPrimitive`` for every primitive of
the first frame cost ~6 ms there, and that frame has no focused button,
field or check box to ring.
"""

from __future__ import annotations

from typing import Any


def focus_ring_style(base: str = "Fusion") -> Any:
    """Fusion with a focus ring anyone can see: a 3 px ring in the highlight
    colour around the focused button, field or check box (Fusion's own hint
    is a one-pixel tint that disappears on many screens)."""
    # No ``Qt`` here, nor an overload that takes one of its enums (``QPen(colour,
    # width)``, ``setBrush(Qt.NoBrush)``): the style is made before the first
    # paint and PySide builds the whole ``Qt`` namespace (93 enum types, ~22 ms
    # of CPU) the first time either is touched. Drawing the ring may pay that
    # later, when a focused widget is painted.
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QBrush, QColor, QPainter, QPalette, QPen
    from PySide6.QtWidgets import QAbstractButton, QProxyStyle, QStyle

    class FocusRingStyle(QProxyStyle):
        focus_ring = True
        RINGED = (
            QStyle.PrimitiveElement.PE_PanelButtonCommand,
            QStyle.PrimitiveElement.PE_PanelButtonTool,
            QStyle.PrimitiveElement.PE_FrameLineEdit,
            QStyle.PrimitiveElement.PE_FrameFocusRect,
            # A list's or a text browser's frame: Tab into the routines'
            # details changed nothing on screen.
            QStyle.PrimitiveElement.PE_Frame,
        )

        # Check boxes and radio buttons: Fusion edges them in the window
        # colour darkened, 1.3:1 on the dark theme's window (the "No floor
        # work" box was a black square on black) and 1.6:1 on the light one.
        EDGED = (
            QStyle.PrimitiveElement.PE_IndicatorCheckBox,
            QStyle.PrimitiveElement.PE_IndicatorRadioButton,
        )

        # Check box and radio indicators grow with the text: Fusion keeps
        # them 14 px, a speck beside 2x text for someone who set it large.
        SCALED = (
            QStyle.PixelMetric.PM_IndicatorWidth,
            QStyle.PixelMetric.PM_IndicatorHeight,
            QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
            QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
        )

        def pixelMetric(  # noqa: N802 - Qt override
            self, metric: Any, option: Any = None, widget: Any = None
        ) -> int:
            base = super().pixelMetric(metric, option, widget)
            if metric in self.SCALED and widget is not None:
                return max(int(base), int(widget.fontMetrics().height() * 0.8 + 0.5))
            return int(base)

        # A switched-off button (a combo box's too: Fusion draws its panel
        # with this element) is drawn unfilled with a dashed edge: with its
        # text readable from a mat (theme.readable_disabled) it must still
        # look off, and Fusion's disabled fill looked raised, like any button.
        PANELS = (
            QStyle.PrimitiveElement.PE_PanelButtonCommand,
            QStyle.PrimitiveElement.PE_PanelButtonTool,
        )

        def drawPrimitive(  # noqa: N802 - Qt override
            self, element: Any, option: Any, painter: Any, widget: Any = None
        ) -> None:
            if element in self.PANELS and not option.state & QStyle.StateFlag.State_Enabled:
                draw_switched_off(painter, option)
                return
            super().drawPrimitive(element, option, painter, widget)
            if element in self.EDGED:
                painter.save()
                pen = QPen()
                pen.setColor(edge_colour(option.palette))
                line = max(1.0, option.rect.height() / 14)  # heavier when larger
                pen.setWidthF(line)
                painter.setPen(pen)
                painter.setBrush(QBrush())  # no fill
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                box = QRectF(option.rect).adjusted(line / 2, line / 2, -line / 2, -line / 2)
                if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
                    painter.drawEllipse(box)
                else:
                    painter.drawRect(box)
                painter.restore()
            if element in self.RINGED and option.state & QStyle.StateFlag.State_HasFocus:
                painter.save()
                pen = QPen()
                colour = option.palette.color(QPalette.ColorRole.Highlight)
                if isinstance(widget, QAbstractButton) and widget.isChecked():
                    # A chosen answer is filled blue: the highlight ring
                    # vanished on it (1.1:1). White shows at 4.2:1.
                    colour = QColor("white")
                pen.setColor(colour)
                pen.setWidthF(3)
                painter.setPen(pen)
                painter.setBrush(QBrush())  # no fill
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                painter.drawRoundedRect(QRectF(option.rect).adjusted(1.5, 1.5, -1.5, -1.5), 4, 4)
                painter.restore()

    return FocusRingStyle(base)


def draw_switched_off(painter: Any, option: Any) -> None:
    """A disabled button's panel: no fill, a dashed edge in the disabled
    text's colour (3.5:1 on the window, theme.readable_disabled)."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QBrush, QPainter, QPalette, QPen

    painter.save()
    pen = QPen()
    pen.setColor(option.palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText))
    line = max(1.0, round(option.rect.height() / 24))  # heavier with larger text
    pen.setWidthF(line)
    pen.setDashPattern([3.0, 2.0])  # in pen widths
    painter.setPen(pen)
    painter.setBrush(QBrush())  # no fill
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    box = QRectF(option.rect).adjusted(line / 2, line / 2, -line / 2, -line / 2)
    painter.drawRoundedRect(box, 2, 2)
    painter.restore()


def edge_colour(palette: Any) -> Any:
    """A control's edge on ``palette``: the window text mixed into the
    window colour until it stands out at 3:1 from both the window and the
    field colour inside the box (WCAG's contrast for a control's outline)."""
    from PySide6.QtGui import QColor, QPalette

    back = palette.color(QPalette.ColorRole.Window)
    inside = palette.color(QPalette.ColorRole.Base)
    ink = palette.color(QPalette.ColorRole.WindowText)
    share = 0.4
    while True:
        edge = QColor.fromRgbF(
            back.redF() + (ink.redF() - back.redF()) * share,
            back.greenF() + (ink.greenF() - back.greenF()) * share,
            back.blueF() + (ink.blueF() - back.blueF()) * share,
        )
        if share >= 1 or min(contrast(edge, back), contrast(edge, inside)) >= 3.5:
            return edge
        share = min(1.0, share + 0.05)


def contrast(a: Any, b: Any) -> float:
    """WCAG 2 contrast ratio of two QColors (1 to 21)."""

    def lum(c: Any) -> float:
        def f(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * f(c.redF()) + 0.7152 * f(c.greenF()) + 0.0722 * f(c.blueF())

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def install_focus_ring(app: Any) -> None:
    """Make the application's style the focus-ring Fusion (once; cheap after)."""
    if getattr(app.style(), "focus_ring", False):
        return
    app.setStyle(focus_ring_style("Fusion"))
