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

        def drawPrimitive(  # noqa: N802 - Qt override
            self, element: Any, option: Any, painter: Any, widget: Any = None
        ) -> None:
            super().drawPrimitive(element, option, painter, widget)
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


def install_focus_ring(app: Any) -> None:
    """Make the application's style the focus-ring Fusion (once; cheap after)."""
    if getattr(app.style(), "focus_ring", False):
        return
    app.setStyle(focus_ring_style("Fusion"))
