"""Completion of the tag being typed in a comma-separated list ("walk, mus" → "walk, music")."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit


class TagCompleter(QCompleter):
    """A completer for ``line_edit`` that offers ``tags`` for the last comma-separated part,
    keeping what comes before it."""

    def __init__(self, line_edit: QLineEdit, tags: list[str] | None = None) -> None:
        super().__init__(line_edit)
        self._line_edit = line_edit
        self._model = QStringListModel(tags or [], self)
        self.setModel(self._model)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        line_edit.setCompleter(self)

    def set_tags(self, tags: list[str]) -> None:
        self._model.setStringList(tags)

    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index: QModelIndex) -> str:
        tag = str(index.data())
        before, comma, _ = self._line_edit.text().rpartition(",")
        return f"{before}, {tag}" if comma else tag
