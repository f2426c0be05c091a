"""Merge two entries that are the same person: everything moves to the one kept."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from journal.ui.widgets.choices import relationship_text
from journal.ui.widgets.notices import FORM, NoticeDialog

if TYPE_CHECKING:  # what Journal.people_overview() returns
    from journal.services import PersonOverview

#: Merges ``remove_id`` into ``keep_id``; a ``ValidationError`` keeps the dialog open.
MergePeople = Callable[[int, int], object]


class MergeDialog(NoticeDialog):
    """Choose the entry to keep and the one to merge into it, see what will happen, confirm.

    The kept entry keeps its name and kind; the contacts, sessions and suggestions of the
    other move to it and the other entry is removed.
    """

    def __init__(
        self,
        parent: QWidget,
        people: Sequence[PersonOverview],
        *,
        keep_id: int,
        remove_id: int,
        merge: MergePeople,
    ) -> None:
        super().__init__(parent, prefix="merge_")
        self.setObjectName("merge_dialog")
        self.setWindowTitle(self.tr("Merge two entries"))
        self._merge = merge
        self._people = {entry.person.id: entry for entry in people}

        self.keep = QComboBox(objectName="merge_keep")
        self.keep.setAccessibleName(self.tr("Keep"))
        self.keep.setAccessibleDescription(
            self.tr("This entry stays, with its name and kind, and takes the other's contacts")
        )
        self.remove = QComboBox(objectName="merge_remove")
        self.remove.setAccessibleName(self.tr("Merge into it and remove"))
        for combo, chosen in ((self.keep, keep_id), (self.remove, remove_id)):
            for entry in people:
                combo.addItem(self._describe(entry), entry.person.id)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
        intro = QLabel(
            self.tr("Use this when two entries are the same person or group."),
            objectName="merge_intro",
            wordWrap=True,
        )
        self._summary = QLabel(objectName="merge_summary", wordWrap=True)
        self._summary.setTextFormat(Qt.TextFormat.PlainText)  # names are not markup

        form = QGridLayout()  # not QFormLayout: it gives wrapped messages too many lines
        form.setColumnStretch(1, 1)
        for row, (text, combo) in enumerate(
            ((self.tr("&Keep"), self.keep), (self.tr("&Merge in"), self.remove))
        ):
            label = QLabel(text)
            label.setBuddy(combo)
            form.addWidget(label, row, 0)
            form.addWidget(combo, row, 1)
        form.addWidget(
            self._notices.label(
                "remove", self.remove, self.tr("This entry is removed after the merge")
            ),
            2,
            1,
        )
        self._notices.alias("person", "remove")

        # In the dialog from the start, so the default button set below is the dialog's.
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self._ok = buttons.addButton(self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        self._ok.setObjectName("merge_confirm")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("merge_cancel")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self._summary)
        layout.addWidget(self._notices.label(FORM))
        layout.addWidget(buttons)
        self.keep.currentIndexChanged.connect(self._on_choice_current_index_changed)
        self.remove.currentIndexChanged.connect(self._on_choice_current_index_changed)
        self._on_choice_current_index_changed()
        self._notices.repaint()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self.remove.setFocus()

    def _describe(self, entry: PersonOverview) -> str:
        kind = relationship_text(entry.person.relationship)
        archived = self.tr(", archived") if entry.person.archived else ""
        return self.tr("{name} ({kind}{archived}) · {contacts}").format(
            name=entry.person.name,
            kind=kind,
            archived=archived,
            contacts=self._contacts(entry.contacts_total),
        )

    def _contacts(self, count: int) -> str:
        return (
            self.tr("1 contact") if count == 1 else self.tr("{count} contacts").format(count=count)
        )

    def _on_choice_current_index_changed(self, _index: int = 0) -> None:
        keep = self._people.get(self.keep.currentData())
        remove = self._people.get(self.remove.currentData())
        self._notices.clear()
        if keep is None or remove is None or keep is remove:
            self._summary.setText(self.tr("Choose two different entries."))
            self._ok.setAccessibleDescription(self._summary.text())
            return
        self._summary.setText(
            self.tr(
                "All contacts of “{remove}” ({contacts}) will move to “{keep}”, and “{remove}” "
                "will be removed. “{keep}” keeps its name and kind. This cannot be undone."
            ).format(
                contacts=self._contacts(remove.contacts_total),
                remove=remove.person.name,
                keep=keep.person.name,
            )
        )
        self._ok.setAccessibleDescription(self._summary.text())  # what Merge will do

    def _on_buttons_accepted(self) -> None:  # messages beside "remove" or "form"
        self._accept_if_valid(
            lambda: self._merge(self.keep.currentData(), self.remove.currentData())
        )
