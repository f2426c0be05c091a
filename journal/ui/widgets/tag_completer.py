"""Completion of the tag being typed in a comma-separated list ("walk, mus" → "walk, music")."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit

#: What makes a completer with a ``source`` read its tags: the field is entered or typed in.
_NEEDED = (QEvent.Type.FocusIn, QEvent.Type.KeyPress, QEvent.Type.InputMethod)


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
        self._source: Callable[[], list[str]] | None = None
        line_edit.installEventFilter(self)

    def set_tags(self, tags: list[str]) -> None:
        self._source = None
        self._model.setStringList(tags)

    def set_source(self, source: Callable[[], list[str]]) -> None:
        """Read the tags from ``source`` when they are first needed (the field entered or
        typed in), not now: showing a day, or starting the app, does not count a lifetime of
        tags for a field that may not be touched."""
        self._source = source
        if self._line_edit.hasFocus():
            self.set_tags(source())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._source is not None and watched is self._line_edit and event.type() in _NEEDED:
            self.set_tags(self._source())
        return super().eventFilter(watched, event)

    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index: QModelIndex) -> str:
        tag = str(index.data())
        before, comma, _ = self._line_edit.text().rpartition(",")
        return f"{before}, {tag}" if comma else tag
