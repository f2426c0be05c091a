"""Messages beside fields: a ⚠ and the field's own words, so colour never carries it alone.

Also here: how a dialog takes what was typed (``accept_if_valid``: the journal's
``ValidationError`` keeps it open with each message beside its field) and ``NoticeDialog``, a
dialog whose messages are ``FieldNotices``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QDialog, QLabel, QSizePolicy, QWidget

from journal.domain.errors import JournalError, ValidationError
from journal.ui import theme

#: Marks a message about a field, so colour is not the only thing that tells it apart.
NOTICE_SYMBOL = "⚠"
#: Where a form shows a message about none of its fields (a locked file, a clash).
FORM = "form"

_Result = TypeVar("_Result")


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

    def message(self, name: str) -> str:
        """The message shown beside ``name``, "" when none is."""
        label = self._labels.get(name)
        return label.text() if label is not None and not label.isHidden() else ""

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


def accept_if_valid(
    dialog: QDialog,
    work: Callable[[], _Result],
    show: Callable[[dict[str, str]], object],
    *,
    form: str = FORM,
    saved: Callable[[_Result], object] | None = None,
) -> bool:
    """Run ``work`` (check and store what the dialog holds), then accept the dialog.

    A ``ValidationError`` goes to ``show`` with every field it names, any other
    ``JournalError`` under ``form``; the dialog then stays open and nothing is accepted
    (False). Otherwise ``saved`` is given what ``work`` returned, before the dialog closes.
    """
    try:
        result = work()
    except ValidationError as error:
        show(error.all)
        return False
    except JournalError as error:
        show({form: str(error)})
        return False
    if saved is not None:
        saved(result)
    dialog.accept()
    return True


class NoticeDialog(QDialog):
    """A dialog whose messages appear beside its fields, in labels named ``<prefix><field>_error``.

    Subclasses make the labels with ``self._notices.label`` and let their accepting button
    call ``_accept_if_valid``.
    """

    def __init__(self, parent: QWidget | None, *, prefix: str) -> None:
        super().__init__(parent)
        self._notices = FieldNotices(FORM, prefix=prefix)

    def message(self, field: str) -> str:
        """The message shown beside ``field`` (``FORM`` for the dialog's own), or ""."""
        return self._notices.message(field)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._notices.repaint()

    def _accept_if_valid(self, work: Callable[[], object]) -> bool:
        return accept_if_valid(self, work, self._point_out)

    def _point_out(self, problems: dict[str, str]) -> None:
        self._notices.show(problems)
        self._notices.focus_first(problems)
        fit_height(self)  # room for the message's lines
