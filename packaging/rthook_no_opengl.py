"""PyInstaller runtime hook: stand-ins for PySide6.QtOpenGL and QtOpenGLWidgets.

The bundle leaves out the two OpenGL bindings (~9 MB; docs/PACKAGING.md).
pyqtgraph imports both at module level even though it only draws with OpenGL
when asked to (``useOpenGL``), which StretchGuide never does. These stand-ins
let those imports succeed; touching real OpenGL through them fails loudly
instead of drawing nothing.
"""

import sys
import types

from PySide6 import QtWidgets


class _NoOpenGL(types.ModuleType):
    def __getattr__(self, name: str) -> object:
        raise AttributeError(f"{self.__name__}.{name}: OpenGL is not part of this bundle")


class QOpenGLWidget(QtWidgets.QWidget):
    """Never a real widget: ``isinstance(w, QOpenGLWidget)`` is always false."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        raise RuntimeError("QOpenGLWidget: OpenGL is not part of this bundle")


_gl = _NoOpenGL("PySide6.QtOpenGL")
_glw = _NoOpenGL("PySide6.QtOpenGLWidgets")
_glw.QOpenGLWidget = QOpenGLWidget  # type: ignore[attr-defined]
for _mod in (_gl, _glw):
    sys.modules.setdefault(_mod.__name__, _mod)
