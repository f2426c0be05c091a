"""What the sections of the Treatment page share: their base, tables, buttons, headings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.services import Journal
from journal.ui import theme
from journal.ui.widgets.forms import FormDialog
from journal.ui.widgets.records import ID_ROLE, RecordsModel
from journal.ui.widgets.section import hint_label


def _set_up(table: QTableView, name: str, accessible: str) -> None:
    """Read-only, one record a row, selected whole; Tab leaves it."""
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)


def make_table(name: str, accessible: str, headers: Sequence[str]) -> QTableWidget:
    """A read-only table of records, one row each, selected whole; Tab leaves it."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    _set_up(table, name, accessible)
    return table


def make_view(name: str, accessible: str, headers: Sequence[str]) -> QTableView:
    """``make_table`` over a ``RecordsModel`` (the view's ``model()``), for long lists."""
    table = QTableView()
    table.setModel(RecordsModel(headers, table))
    _set_up(table, name, accessible)
    return table


def fill_row(table: QTableWidget, row: int, texts: Sequence[str], record_id: int | None) -> None:
    """Put one record's texts in ``row``; the first cell keeps the record's id."""
    for column, text in enumerate(texts):
        item = QTableWidgetItem(text)
        item.setToolTip(text)
        table.setItem(row, column, item)
    first = table.item(row, 0)
    if first is not None:
        first.setData(ID_ROLE, record_id)


def selected_id(table: QTableView) -> int | None:
    """The id of the record in the selected row, or None."""
    rows = table.selectionModel().selectedRows()
    if not rows:
        return None
    return rows[0].data(ID_ROLE)


def select_id(table: QTableView, record_id: int | None) -> None:
    """Select the row showing ``record_id`` again after the table was refilled."""
    model = table.model()
    if record_id is not None:
        for row in range(model.rowCount()):
            if model.index(row, 0).data(ID_ROLE) == record_id:
                table.selectRow(row)
                return
    table.clearSelection()


def make_button(name: str, text: str, tip: str = "") -> QPushButton:
    button = QPushButton(text, objectName=name)
    button.setAccessibleName(text.replace("&", "").rstrip("…"))
    button.setAutoDefault(False)
    if tip:
        button.setToolTip(tip)
        button.setAccessibleDescription(tip)
    return button


def subheading(text: str, name: str) -> QLabel:
    label = QLabel(text, objectName=name)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class Section(QWidget):
    """A section of the Treatment page (``<name>_section``), opening with what it is for.

    Signals:
        treatment_changed(): something in it was added, changed, ended or deleted.
    """

    treatment_changed = Signal()

    def __init__(self, journal: Journal, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self.setObjectName(f"{name}_section")

    def _explained(self, explanation: str, name: str) -> QVBoxLayout:
        """The section's layout, its explanation (object name ``name``) at the top."""
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label(explanation, name))
        return layout


class TableSection(Section):
    """A section showing records in a table (``_table``), one row each, added and changed in
    dialogs. Filled again (``_fill``), it keeps the row chosen; its buttons follow the choice
    (``_on_table_item_selection_changed``)."""

    _table: QTableView

    def refresh(self) -> None:
        keep = selected_id(self._table)
        if self._fill():
            select_id(self._table, keep)
            self._on_table_item_selection_changed()

    def _fill(self) -> bool:
        """Show the records in the table; False when they are as shown already."""
        raise NotImplementedError

    def _selected_id(self) -> int | None:
        return selected_id(self._table)

    def _on_table_item_selection_changed(self) -> None:
        raise NotImplementedError

    def _open(self, dialog: FormDialog) -> None:
        """Show a dialog without blocking; it reports through ``saved`` and then goes away."""
        dialog.saved.connect(self._on_dialog_saved)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _on_dialog_saved(self, record: Any) -> None:
        """A dialog stored ``record``: show it, chosen."""
        self.refresh()
        select_id(self._table, record.id)
        self._on_table_item_selection_changed()
        self.treatment_changed.emit()


#: The role under which a "This week" cell keeps ``(done, target)`` for its progress bar.
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 1


class ProgressDelegate(QStyledItemDelegate):
    """Draws a small progress bar before a cell's text ("1 of 2 this week").

    The words carry the meaning; the bar repeats it for a glance. Painting (rather than a cell
    widget) keeps the row's selection and alternating colours, so the text stays readable.
    """

    def _bar_width(self, option: QStyleOptionViewItem) -> int:
        return option.fontMetrics.horizontalAdvance("0") * 8

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        progress = index.data(PROGRESS_ROLE)
        if not progress:
            super().paint(painter, option, index)
            return
        done, target = progress
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        panel = QStyleOptionViewItem(option)
        self.initStyleOption(panel, index)
        panel.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, panel, painter, widget)
        width, height = self._bar_width(option), option.fontMetrics.height() // 2 + 4
        bar = QStyleOptionProgressBar()
        if widget is not None:
            bar.initFrom(widget)
        bar.rect = QRect(
            option.rect.left() + 4, option.rect.center().y() - height // 2, width, height
        )
        bar.minimum, bar.maximum, bar.progress = 0, target, min(done, target)
        bar.textVisible = False
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        bar.palette = theme.with_visible_outlines(option.palette)  # Fusion outlines in Window
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, widget)
        text = QStyleOptionViewItem(option)
        text.rect = option.rect.adjusted(width + 10, 0, 0, 0)
        super().paint(painter, text, index)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.data(PROGRESS_ROLE):
            size.setWidth(size.width() + self._bar_width(option) + 10)
        return size
