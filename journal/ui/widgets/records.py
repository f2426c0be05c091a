"""Long lists of records shown in a table view: a model of their texts, no item per cell."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

#: The role under which a table row keeps the id of the record it shows.
ID_ROLE = Qt.ItemDataRole.UserRole


class RecordsModel(QAbstractTableModel):
    """Records as rows of texts: each cell shows its text (and has it as tooltip, unless
    ``tooltips`` is False), the first column keeps the record's id (``ID_ROLE``). Nothing per
    cell is kept but the text, so a long history costs its strings, not an item per cell."""

    def __init__(
        self, headers: Sequence[str], parent: QObject | None = None, *, tooltips: bool = True
    ) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._roles = (
            {Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole}
            if tooltips
            else {Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole}
        )
        self._rows: list[Sequence[str]] = []
        self._ids: list[int | None] = []

    def set_rows(self, rows: Sequence[Sequence[str]], ids: Sequence[int | None]) -> None:
        """Show ``rows`` (one record's texts each) as a table widget's ``setRowCount`` and
        ``setItem`` would: rows added or taken at the end, the others changed in place, so the
        current cell and the selection stay where they were."""
        old, new = len(self._rows), len(rows)
        if new > old:
            self.beginInsertRows(QModelIndex(), old, new - 1)
            self._rows, self._ids = list(rows), list(ids)
            self.endInsertRows()
        elif new < old:
            self.beginRemoveRows(QModelIndex(), new, old - 1)
            self._rows, self._ids = list(rows), list(ids)
            self.endRemoveRows()
        else:
            self._rows, self._ids = list(rows), list(ids)
        if new:
            last = self.index(new - 1, len(self._headers) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        if role in self._roles:
            return self._rows[index.row()][index.column()]
        if role == ID_ROLE and index.column() == 0:
            return self._ids[index.row()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return super().headerData(section, orientation, role)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
