"""The table of the People page: one row per person or group with their contact figures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QResizeEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from journal.i18n import format_date, format_number
from journal.ui.widgets.choices import relationship_text

if TYPE_CHECKING:  # what Journal.people_overview() returns
    from journal.services import PersonOverview

_SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_ID_ROLE = Qt.ItemDataRole.UserRole + 2


class PeopleTable(QTableView):
    """Name, kind, last contact, contacts in the last 30 days, average "how connected".

    Sorted by any column (numbers and dates as such, not as text); several rows can be
    selected. ``today()`` says what "3 days ago" counts from.
    """

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("people_table")
        self.setAccessibleName(self.tr("People and groups"))
        self.setAccessibleDescription(
            self.tr(
                "Name, kind, last contact, contacts in the last 30 days and how connected "
                "on average, out of 5; Enter opens the selected person's page"
            )
        )
        self._today = today
        self._model = QStandardItemModel(0, 5, self)
        headers = (
            (self.tr("Name"), ""),
            (self.tr("Kind"), ""),
            (self.tr("Last contact"), ""),
            (self.tr("Last 30 days"), self.tr("Contacts in the last 30 days")),
            (
                self.tr("How connected"),
                self.tr("Average of how connected you felt (1–5), over all contacts"),
            ),
        )
        for column, (text, tip) in enumerate(headers):
            self._model.setHeaderData(column, Qt.Orientation.Horizontal, text)
            if tip:
                self._model.setHeaderData(
                    column, Qt.Orientation.Horizontal, tip, Qt.ItemDataRole.ToolTipRole
                )
        self._model.setSortRole(_SORT_ROLE)
        self.setModel(self._model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)  # Fusion's grid turns the focus blue with the frame
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.verticalHeader().hide()
        self.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def set_entries(self, entries: Sequence[PersonOverview]) -> None:
        """Show ``entries``, keeping the selection of those still shown."""
        selected = self.selected_ids()
        self._model.removeRows(0, self._model.rowCount())
        for entry in entries:
            self._model.appendRow(self._row(entry))
        header = self.horizontalHeader()
        self.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())
        for person_id in selected:
            self.select_person(person_id, keep=True)
        self._fit_columns()

    def selected_ids(self) -> list[int]:
        """Ids of the selected rows, top to bottom."""
        rows = sorted(index.row() for index in self.selectionModel().selectedRows())
        return [self._model.item(row, 0).data(_ID_ROLE) for row in rows]

    def select_person(self, person_id: int | None, *, keep: bool = False) -> None:
        """Select the row of ``person_id`` (added to the selection with ``keep``)."""
        for row in range(self._model.rowCount()):
            if self._model.item(row, 0).data(_ID_ROLE) == person_id:
                how = (
                    QItemSelectionModel.SelectionFlag.Select
                    if keep
                    else QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
                index = self._model.index(row, 0)
                self.selectionModel().select(index, how | QItemSelectionModel.SelectionFlag.Rows)
                self.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.NoUpdate
                )
                return

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Columns as wide as their words; names take the room left, if there is some.

        Names are never cut short: when the table is too narrow (a small window, a large
        font) it scrolls sideways instead.
        """
        header = self.horizontalHeader()
        needed = sum(
            max(self.sizeHintForColumn(column), header.sectionSizeHint(column))
            for column in range(self._model.columnCount())
        )
        room = needed < self.viewport().width()
        header.setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch if room else QHeaderView.ResizeMode.ResizeToContents
        )

    def _row(self, entry: PersonOverview) -> list[QStandardItem]:
        person = entry.person
        name = QStandardItem(
            self.tr("{name} (archived)").format(name=person.name)
            if person.archived
            else person.name
        )
        name.setData(person.name.casefold(), _SORT_ROLE)
        name.setData(person.id, _ID_ROLE)
        if person.archived:  # said in words too, not by the font alone
            font = name.font()
            font.setItalic(True)
            name.setFont(font)
        kind = QStandardItem(relationship_text(person.relationship))
        kind.setData(kind.text(), _SORT_ROLE)
        last = QStandardItem(self._last_contact(entry.last_contact))
        last.setData(entry.last_contact.toordinal() if entry.last_contact else 0, _SORT_ROLE)
        if entry.last_contact:
            days = (self._today() - entry.last_contact).days
            last.setToolTip(
                self.tr("today")
                if days <= 0
                else self.tr("yesterday")
                if days == 1
                else self.tr("%Ln days ago", "", days)
            )  # 2 or more: one form
        recent = QStandardItem(format_number(entry.contacts_30_days, 0))
        recent.setData(entry.contacts_30_days, _SORT_ROLE)
        average = entry.average_quality
        connected = QStandardItem(
            "—"
            if average is None
            else self.tr("{average} / 5").format(average=format_number(average, 1))
        )
        connected.setData(-1.0 if average is None else average, _SORT_ROLE)
        if average is None:
            connected.setToolTip(self.tr("No contacts yet"))
        items = [name, kind, last, recent, connected]
        for item in items[2:]:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return items

    def _last_contact(self, date: dt.date | None) -> str:
        """The date in the one format the app uses for dates ("never" without contacts)."""
        return self.tr("never") if date is None else format_date(date)
