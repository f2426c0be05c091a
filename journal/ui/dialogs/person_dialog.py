"""Add a person or group, rename one, or change their relationship kind."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from journal.domain.kinds import Relationship
from journal.domain.validate import MAX_NAME
from journal.ui import theme
from journal.ui.widgets.choices import fill_relationships, select_data
from journal.ui.widgets.notices import FORM, NoticeDialog

#: Stores the dialog's answer; a ``ValidationError`` keeps the dialog open with its message.
SavePerson = Callable[[str, Relationship], object]


class PersonDialog(NoticeDialog):
    """Asks for a name and/or a kind and hands them to ``save``.

    ``ask_name`` / ``ask_kind`` choose the fields shown (renaming asks only the name). A
    ``ValidationError`` from ``save`` (a name already used by an active person, an empty name)
    appears beside the field it names and the dialog stays open; nothing is stored then.
    """

    def __init__(
        self,
        parent: QWidget,
        *,
        title: str,
        action: str,
        save: SavePerson,
        name: str = "",
        kind: Relationship = Relationship.FRIEND,
        ask_name: bool = True,
        ask_kind: bool = True,
        intro: str = "",
    ) -> None:
        super().__init__(parent, prefix="person_")
        self.setObjectName("person_dialog")
        self.setWindowTitle(title)
        self._save = save

        self.name = QLineEdit(name, objectName="person_name")
        self.name.setMaxLength(MAX_NAME)
        self.name.setAccessibleName(self.tr("Name"))
        self.kind = fill_relationships(QComboBox(objectName="person_kind"))
        self.kind.setAccessibleName(self.tr("Kind"))
        select_data(self.kind, kind)

        form = QGridLayout()  # not QFormLayout: it gives wrapped messages too many lines
        form.setColumnStretch(1, 1)
        rows = (
            (
                self.name,
                self.tr("&Name"),
                self.tr("Names are unique among active people"),
                ask_name,
            ),
            (self.kind, self.tr("&Kind"), self.tr("Who they are to you"), ask_kind),
        )
        for row, (field, text, hint, shown) in enumerate(rows):
            field.setVisible(shown)
            if shown:
                label = QLabel(text)
                label.setBuddy(field)
                form.addWidget(label, 2 * row, 0)
                form.addWidget(field, 2 * row, 1)
                name = field.objectName().removeprefix("person_")
                form.addWidget(self._notices.label(name, field, hint), 2 * row + 1, 1)
        self._notices.alias("relationship", "kind")

        # In the dialog from the start, so the default button set below is the dialog's.
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self._ok = buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self._ok.setObjectName("person_save")
        self._ok.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("person_cancel")
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        if intro:
            intro_label = theme.as_hint(QLabel(intro, objectName="person_intro", wordWrap=True))
            intro_label.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(intro_label)
        layout.addLayout(form)
        layout.addWidget(self._notices.label(FORM))
        layout.addWidget(buttons)
        self._notices.repaint()
        (self.name if ask_name else self.kind).setFocus()
        self.name.selectAll()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

    def _on_buttons_accepted(self) -> None:  # messages beside "name", "kind" or "form"
        self._accept_if_valid(
            lambda: self._save(self.name.text(), Relationship(self.kind.currentData()))
        )
