"""The animated figure on the session screen, fed from the engine's snapshot."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from stretchguide.core.session import SessionSnapshot


class AnimatedFigure(QWidget):
    """Feeds the figures work's FigureView from the engine snapshot: the
    exercise and side when they change, the step when it starts, pauses."""

    def __init__(self, figure: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure = figure
        self.setAccessibleName(self.tr("Exercise figure"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(figure)
        self._key: tuple[str, object] | None = None
        self._step_key: tuple[int, object] | None = None
        self._paused: bool | None = None

    def set_step(self, snap: SessionSnapshot) -> None:
        step = snap.step
        f: Any = self.figure
        if step is None:
            return
        key = (step.exercise_id, step.side)
        if key != self._key:
            self._key = key
            self._step_key = None
            f.set_exercise(step.exercise_id, step.side)
        step_key = (snap.step_index, step.side)
        if step_key != self._step_key:
            self._step_key = step_key
            f.set_phase(
                step.kind.value,
                duration=step.duration_s,
                rep_s=step.rep_s,
                hold_s=step.hold_s,
                side=step.side,
                alternating=step.alternating,
                stage=step.stage,
                elapsed=snap.step_elapsed_s,
            )
        if snap.paused != self._paused:
            if not snap.paused and self._paused is not None:
                f.set_time(snap.step_elapsed_s)
            self._paused = snap.paused
            f.set_paused(snap.paused)


def make_figure_widget(parent: QWidget | None = None) -> QWidget:
    """The animated figure (qt/figure_view.py), fed from the snapshot."""
    # Here, not at the top: the pose library it loads is only needed once a
    # session view exists (see MainWindow.session_view).
    from stretchguide.qt.figure_view import FigureView

    return AnimatedFigure(FigureView(), parent)
