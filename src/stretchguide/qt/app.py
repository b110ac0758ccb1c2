"""Start the Qt application. (The full main window arrives with issue 4.)"""

from __future__ import annotations

from collections.abc import Sequence

from stretchguide.paths import AppPaths


def run_app(app_paths: AppPaths, argv: Sequence[str]) -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(list(argv))
    app.setApplicationName("StretchGuide")
    window = QMainWindow()
    window.setWindowTitle("StretchGuide")
    window.setCentralWidget(QLabel("StretchGuide"))
    window.resize(1000, 700)
    window.show()
    return app.exec()
