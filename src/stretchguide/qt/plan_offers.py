"""The plan's offers after a session, asked together in one dialog.

Each offer is one plain line with its reason (core/plan), ticked to accept;
the person unticks what they do not want. Asked one dialog at a time, a
session that stepped every exercise back put up to eight questions in a
row in front of someone who had just said it hurt.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)


class PaddedLines(QStyledItemDelegate):
    """Each line as tall as its wrapped text plus room above and below.

    Qt makes a wrapped item exactly as tall as its text, and the focus ring
    (3 px, qt/style.py) is drawn inside the item: it covered the first and
    last line of a three-line offer, which looked cut off at both ends.
    """

    @staticmethod
    def padding(option: QStyleOptionViewItem) -> int:
        return max(8, option.fontMetrics.height() // 2)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + 2 * self.padding(option))


class OffersDialog(QDialog):
    """Lines to accept or not: ``chosen()`` after ``exec()``."""

    def __init__(self, title: str, intro: str, lines: list[str], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        # The question in the dialog too: some desktops show no title bar.
        question = QLabel(f"<b>{title}</b>")
        question.setTextFormat(Qt.TextFormat.RichText)
        heading = QLabel(intro)
        heading.setWordWrap(True)
        # A list, not a column of check boxes: a check box does not wrap its
        # text, and these lines are sentences. Space ticks the current one.
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        self.list.setItemDelegate(PaddedLines(self.list))
        # Heights again when the width changes: the lines wrap anew.
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        # Ticks, not a selection: a highlighted line read as the one chosen.
        self.list.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.list.setAccessibleName(title)
        for line in lines:
            item = QListWidgetItem(line)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox()
        self.accept_button = buttons.addButton(
            self.tr("Change my plan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.keep_button = buttons.addButton(
            self.tr("Keep my plan as it is"), QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        col = QVBoxLayout(self)
        col.addWidget(question)
        col.addWidget(heading)
        col.addWidget(self.list, 1)
        col.addWidget(buttons)
        # Enter, or a key pressed to get past the dialog, changes nothing:
        # it accepted every ticked offer, more holds and repetitions too.
        # Changing the plan is a choice made on its button. (Set once the
        # buttons are in the dialog: before, the dialog made the first one
        # its default when it showed.)
        self.keep_button.setDefault(True)
        width = max(520, min(760, self.fontMetrics().averageCharWidth() * 80))
        self.resize(width, min(640, 150 + 64 * len(lines)))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._show_every_line()

    def _show_every_line(self) -> None:
        """Taller, within the screen, until every offer shows without
        scrolling: the height above is a guess at the normal text size, and
        at twice the text the third of three offers (ticked, so accepted by
        "Change my plan") was below the list's edge, unread."""
        view, layout = self.list, self.layout()
        if view.count() == 0 or layout is None:
            return
        layout.activate()
        view.doItemsLayout()  # the lines wrapped at the width the dialog has now
        last = view.visualItemRect(view.item(view.count() - 1))
        extra = last.bottom() + view.spacing() + 1 - view.viewport().height()
        if extra > 0:
            room = self.screen().availableGeometry().height() - 64  # its title bar
            self.resize(self.width(), min(self.height() + extra, max(room, self.height())))

    def chosen(self) -> list[bool]:
        """Which lines are accepted: all ticked ones on "Change my plan", none otherwise."""
        if self.result() != QDialog.DialogCode.Accepted:
            return [False] * self.list.count()
        return [
            self.list.item(i).checkState() == Qt.CheckState.Checked
            for i in range(self.list.count())
        ]


def choose_offers(parent: QWidget, title: str, intro: str, lines: list[str]) -> list[bool]:
    from stretchguide.qt.dialogs import run

    dialog = OffersDialog(title, intro, lines, parent)
    run(dialog)
    return dialog.chosen()
