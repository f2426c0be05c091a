"""Messages beside fields: a ⚠ and the field's own words, so colour never carries it alone."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from journal.ui import theme

#: Marks a message about a field, so colour is not the only thing that tells it apart.
NOTICE_SYMBOL = "⚠"


def fit_height(window: QWidget) -> None:
    """Make a shown dialog tall enough for messages that appeared in it, at its width."""
    layout = window.layout()
    layout.activate()
    height = layout.totalHeightForWidth(window.width()) if layout.hasHeightForWidth() else -1
    window.resize(window.width(), max(height, window.minimumSizeHint().height()))


class FieldNotices:
    """One hidden message label per field of a form, shown beside that field on bad input.

    Messages about a field the form does not show (the date, say) go to the ``fallback``
    label. A field's accessible description carries its message too, so a screen reader hears
    it when the field takes focus. Owners call ``repaint`` when the palette changes.
    """

    def __init__(self, fallback: str, *, prefix: str = "") -> None:
        self._fallback = fallback
        self._prefix = prefix
        self._labels: dict[str, QLabel] = {}
        self._fields: dict[str, QWidget] = {}
        self._hints: dict[str, str] = {}
        self._aliases: dict[str, str] = {}

    def label(self, name: str, field: QWidget | None = None, hint: str = "") -> QLabel:
        """The (hidden) message label of ``name``; ``field`` is the control it speaks of."""
        label = QLabel(objectName=f"{self._prefix}{name}_error")
        label.setWordWrap(True)
        label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.hide()
        self._labels[name] = label
        if field is not None:
            self._fields[name] = field
            self._hints[name] = hint
            field.setAccessibleDescription(hint)
        return label

    def alias(self, problem: str, name: str) -> None:
        """Show messages about ``problem`` (a record's field) beside the field ``name``."""
        self._aliases[problem] = name

    def show(self, problems: Mapping[str, str]) -> None:
        self.clear()
        for problem, message in problems.items():
            name = self._aliases.get(problem, problem)
            label = self._labels.get(name) or self._labels[self._fallback]
            text = f"{NOTICE_SYMBOL} {message}"
            label.setText(f"{label.text()}\n{text}" if label.text() else text)
            label.show()
            if name in self._fields:
                description = f"{message}. {self._hints[name]}".strip()
                self._fields[name].setAccessibleDescription(description)

    def clear(self) -> None:
        for label in self._labels.values():
            label.clear()
            label.hide()
        for name, field in self._fields.items():
            field.setAccessibleDescription(self._hints[name])

    def focus_first(self, problems: Mapping[str, str]) -> None:
        """Put the cursor in the first field (in the order they were made) that has a message."""
        named = {self._aliases.get(problem, problem) for problem in problems}
        for name, field in self._fields.items():
            if name in named:
                field.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def repaint(self) -> None:
        for label in self._labels.values():
            theme.paint_as_notice(label)
