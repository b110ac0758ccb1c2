"""The only layer that imports PySide6 or pyqtgraph: it renders core state."""
