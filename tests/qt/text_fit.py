"""What text on a screen is cut: wider or taller than the space it is given.

``cut_texts(root)`` measures every visible label, button (and the key cap
under a session button's label), check box, combo box, group box title,
header section (a table's or a tree's) and table cell under ``root`` with its
own font against its own rectangle. A text Qt would elide, clip or wrap into
a row too short for it is reported, with where it is and what it needs.
Used by the large-text walk (test_large_text_layout.py) and by hand-run
walk-throughs that also grab the screens.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QRadioButton,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QTableView,
    QTreeView,
    QWidget,
)

WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
TALL = 100_000


def plain(text: str) -> str:
    """A button's label as drawn: "&" marks a mnemonic, "&&" is an "&"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _name(w: QWidget, text: str) -> str:
    return f"{type(w).__name__}({w.objectName() or w.accessibleName()!s}) {text[:60]!r}"


def advance(font: QFont, text: str) -> float:
    """The width Qt lays ``text`` out in: QFontMetrics rounds it, and a word
    126.4 px wide in a 126 px cell was elided ("perjudi…")."""
    return QFontMetricsF(font).horizontalAdvance(text)


def _lines_fit(font: QFont, text: str, width: int, height: int | None) -> str:
    """Why ``text``, wrapped at word ends into ``width``, does not fit: a
    word wider than the width, or (with ``height``) more lines than fit."""
    fm = QFontMetrics(font)
    for line in text.replace("\u2028", "\n").split("\n"):
        for word in line.split():
            if advance(font, word) > width:
                return f"word {word!r} needs {advance(font, word):.1f} px, has {width}"
    if height is not None:
        need = fm.boundingRect(QRect(0, 0, max(width, 1), TALL), WRAP, text).height()
        if need > height:
            return f"needs {need} px of height, has {height}"
    return ""


def _label(label: QLabel) -> str:
    if label.pixmap() is not None and not label.pixmap().isNull():
        return ""
    if label.wordWrap():
        need = label.heightForWidth(label.width())
        return f"needs {need} px of height, has {label.height()}" if need > label.height() else ""
    need = label.sizeHint().width()
    return f"needs {need} px, has {label.width()}" if need > label.width() + 1 else ""


def _bold_when_checked(w: QWidget | None) -> bool:
    while w is not None:
        sheet = w.styleSheet().replace(" ", "")
        if ":checked" in sheet and "font-weight:bold" in sheet:
            return True
        w = w.parentWidget()
    return False


def _button(button: QAbstractButton) -> str:
    text = plain(button.text())
    if isinstance(button, QCheckBox | QRadioButton):
        need = button.sizeHint().width()
    else:
        font = QFont(button.font())
        # The check-in's and safety questions' toggles are drawn bold when
        # chosen (a style sheet: font() does not say so).
        font.setBold(font.bold() or (button.isChecked() and _bold_when_checked(button)))
        need = advance(font, text) + 2  # inside its frame's edges
        if not button.icon().isNull():
            need += button.iconSize().width()
    if need > button.width():
        return f"needs {need:.0f} px, has {button.width()}"
    return _key_cap(button)


def _key_cap(button: QAbstractButton) -> str:
    """A key shown under the label (qt/key_button.py): its cap whole inside
    the button, its text inside the cap, the label and the cap apart."""
    key = getattr(button, "key_text", "")
    if not key:
        return ""
    label, cap = button.parts()
    inside = button.rect().adjusted(1, 1, -1, -1)
    # The label's width is measured above; here its line's height.
    if not inside.contains(cap) or label.top() < 1 or label.bottom() > inside.bottom():
        need = button.sizeHint()
        return f"key {key!r} needs {need.width()}x{need.height()} px, has {button.size()}"
    text = QFontMetrics(button.key_font())
    if text.horizontalAdvance(key) > cap.width() or text.height() > cap.height():
        return f"key {key!r} is wider or taller than its cap {cap}"
    if label.intersects(cap):
        return f"key {key!r} lies over the label"
    return ""


def _combo(combo: QComboBox) -> str:
    opt = QStyleOptionComboBox()
    combo.initStyleOption(opt)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, opt, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    need = advance(combo.font(), combo.currentText())
    return f"needs {need:.0f} px, has {field.width()}" if need > field.width() else ""


def _table(table: QTableView) -> list[str]:
    out: list[str] = []
    model = table.model()
    if model is None:
        return out
    style = table.style()
    header = table.horizontalHeader()
    if header.isVisible():
        hm = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        wraps = bool(header.defaultAlignment() & Qt.TextFlag.TextWordWrap)
        for c in range(model.columnCount()):
            if table.isColumnHidden(c):
                continue
            text = str(model.headerData(c, Qt.Orientation.Horizontal) or "")
            width = header.sectionSize(c) - 2 * hm
            if wraps:
                why = _lines_fit(header.font(), text, width, header.height())
            else:
                need = advance(header.font(), text)
                why = f"needs {need:.0f} px, has {width}" if need > width else ""
            if why:
                out.append(f"{_name(header, text)} header {c}: {why}")
    # The delegate's text margins, and the grid line each cell gives up.
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    grid = int(table.showGrid())
    for r in range(model.rowCount()):
        if table.isRowHidden(r):
            continue
        for c in range(model.columnCount()):
            if table.isColumnHidden(c):
                continue
            index = model.index(r, c)
            text = index.data()
            if not isinstance(text, str) or not text.strip():
                continue
            width = table.columnWidth(c) - 2 * margin - grid
            # A cell's own font (bold for an exercise that tends to hurt).
            font = index.data(Qt.ItemDataRole.FontRole)
            font = font.resolve(table.font()) if isinstance(font, QFont) else table.font()
            if table.wordWrap():
                why = _lines_fit(font, text, width, table.rowHeight(r))
            else:
                need = max(advance(font, t) for t in text.split("\n"))
                why = f"needs {need} px, has {width}" if need > width else ""
            if why:
                out.append(f"{_name(table, text)} cell {r},{c}: {why}")
    return out


def _tree_header(tree: QTreeView) -> list[str]:
    """A tree's (a file dialog's list) columns all in view, and each header
    whole in its section beside the sort mark."""
    header = tree.header()
    model = tree.model()
    if model is None or not header.isVisible():
        return []
    out = []
    if header.length() > tree.viewport().width():
        # Columns past the right edge: reached only by scrolling sideways.
        need, has = header.length(), tree.viewport().width()
        out.append(f"{_name(tree, '')}: columns need {need} px, has {has} (scrolls sideways)")
    style = header.style()
    margin = 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    mark = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
    for c in range(header.count()):
        if header.isSectionHidden(c):
            continue
        text = str(model.headerData(c, Qt.Orientation.Horizontal) or "")
        need = advance(header.font(), text) + margin
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == c:
            need += mark + margin // 2
        has = header.sectionSize(c)
        if need > has:
            out.append(f"{_name(header, text)} header {c}: needs {need:.0f} px, has {has}")
    return out


def cut_texts(root: QWidget) -> list[str]:
    """Every text under ``root`` (shown) that does not fit its space."""
    out: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) or w.width() <= 0:
            continue
        why = ""
        if isinstance(w, QLabel) and w.text():
            why = _label(w)
            text = w.text()
        elif isinstance(w, QAbstractButton) and w.text():
            why = _button(w)
            text = w.text()
        elif isinstance(w, QComboBox) and w.currentText():
            why = _combo(w)
            text = w.currentText()
        elif isinstance(w, QGroupBox) and w.title():
            text = plain(w.title())
            need = advance(w.font(), text) + 16
            why = f"needs {need} px, has {w.width()}" if need > w.width() else ""
        elif isinstance(w, QScrollArea) and w.horizontalScrollBar().isVisible():
            # A page that scrolls sideways hides the end of every line.
            text = type(w.widget()).__name__
            why = f"scrolls sideways ({w.widget().width()} px in {w.viewport().width()})"
        elif isinstance(w, QTableView) and not isinstance(w, QHeaderView):
            out += _table(w)
            continue
        elif isinstance(w, QTreeView):
            out += _tree_header(w)
            continue
        if why:
            out.append(f"{_name(w, text)}: {why}")
    return out


@contextmanager
def app_font_scaled(app: Any, factor: float) -> Iterator[None]:
    """The application's font at ``factor`` times its size, as with large
    text set on the desktop, until the block ends."""
    font = app.font()
    big = type(font)(font)
    big.setPointSizeF(font.pointSizeF() * factor)
    app.setFont(big)
    try:
        yield
    finally:
        app.setFont(font)
