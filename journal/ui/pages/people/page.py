"""The People page: everyone the person connects with, and how those contacts have felt.

A table of people and groups (kind, last contact, contacts in the last 30 days, average "how
connected"), searchable and filtered by kind, archived entries shown on request. Add, rename,
change kind, archive or unarchive, and merge two entries that are the same person. Archived
people keep their history but are no longer suggested on the Today page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from journal.domain.errors import ValidationError
from journal.domain.kinds import Relationship
from journal.domain.records import Person
from journal.services import Journal
from journal.ui import theme
from journal.ui.dialogs.merge_dialog import MergeDialog
from journal.ui.dialogs.person_dialog import PersonDialog
from journal.ui.pages.people.person import PersonPage
from journal.ui.pages.people.table import PeopleTable
from journal.ui.widgets.choices import fill_relationships, relationship_text
from journal.ui.widgets.message_bar import MessageBar
from journal.ui.widgets.notices import NOTICE_SYMBOL
from journal.ui.widgets.section import page_column

if TYPE_CHECKING:  # what Journal.people_overview() returns
    from journal.services import PersonOverview


class PeoplePage(QWidget):
    """People and groups, with their contact figures from ``Journal.people_overview``.

    Keyboard: Ctrl+F search, Ctrl+N add, F2 rename; Enter (or a double-click) on a row opens
    that person's page, Escape comes back.

    Signals:
        people_changed(): someone was added, renamed, given another kind, archived,
            unarchived or merged (the Today page reads people again when shown).
    """

    people_changed = Signal()

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("people_page")
        self._journal = journal
        self._overview: list[PersonOverview] = []
        self._build()
        self._wire()
        self.refresh()

    # --- public ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read everyone again and show those the search and filters let through."""
        self._overview = self._journal.people_overview()
        self._fill()

    def selected_ids(self) -> list[int]:
        """Ids of the selected rows, top to bottom."""
        return self._table.selected_ids()

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self._search = QLineEdit(objectName="people_search")
        self._search.setPlaceholderText(self.tr("Search names"))
        self._search.setClearButtonEnabled(True)
        self._search.setAccessibleName(self.tr("Search names"))
        self._search.setAccessibleDescription(
            self.tr("Lists only the names that contain what you type (Ctrl+F)")
        )
        self._kind = QComboBox(objectName="people_kind_filter")
        self._kind.addItem(self.tr("All kinds"), "")
        fill_relationships(self._kind)
        self._kind.setAccessibleName(self.tr("Filter by kind"))
        self._kind.setAccessibleDescription(
            self.tr("Lists only the people and groups of the kind chosen")
        )
        self._archived = QCheckBox(self.tr("Show &archived"), objectName="show_archived")
        self._archived.setAccessibleName(self.tr("Show archived"))
        self._archived.setAccessibleDescription(
            self.tr(
                "Also lists archived entries, which keep their history but are not "
                "suggested on Today"
            )
        )
        search_label = QLabel(self.tr("&Search"))
        search_label.setBuddy(self._search)
        kind_label = QLabel(self.tr("&Kind"))
        kind_label.setBuddy(self._kind)
        filters = QHBoxLayout()
        filters.addWidget(search_label)
        filters.addWidget(self._search, 2)
        filters.addSpacing(8)
        filters.addWidget(kind_label)
        filters.addWidget(self._kind, 1)
        filters.addSpacing(8)
        filters.addWidget(self._archived)

        self._table = PeopleTable(self._journal.today)
        self._count = theme.as_hint(QLabel(objectName="people_count"))

        self._add = self._button(
            "add_person", self.tr("Add…"), self.tr("Add a person or group (Ctrl+N)")
        )
        self._rename = self._button(
            "rename_person", self.tr("Rename…"), self.tr("Rename the selected entry (F2)")
        )
        self._change_kind = self._button(
            "change_kind", self.tr("Change kind…"), self.tr("Change the selected entry's kind")
        )
        self._archive = self._button(
            "archive_person",
            self.tr("Archive"),
            self.tr("Archive or unarchive the selected entry; its history is kept"),
        )
        self._merge = self._button(
            "merge_people", self.tr("Merge…"), self.tr("Merge two entries that are the same person")
        )
        buttons = QHBoxLayout()
        for button in (self._add, self._rename, self._change_kind, self._archive, self._merge):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self._messages = MessageBar()

        self._list = QWidget(objectName="people_list")
        self._person_page = PersonPage(self._journal)
        self._views = QStackedWidget(objectName="people_views")
        self._views.addWidget(self._list)
        self._views.addWidget(self._person_page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._views)
        intro = self.tr(
            "People and groups you connect with: Enter or a double-click opens a person's page. "
            "Archived entries keep their history but are not suggested on Today."
        )
        layout = page_column(self._list, self.tr("People"), "people", intro)
        layout.setSpacing(10)
        layout.addLayout(filters)
        layout.addWidget(self._messages)
        layout.addWidget(self._table, 1)
        layout.addWidget(self._count)
        layout.addLayout(buttons)

    def _button(self, name: str, text: str, tip: str) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.setAccessibleName(text.rstrip("…"))
        button.setToolTip(tip)
        button.setAccessibleDescription(tip)
        button.setAutoDefault(False)
        return button

    def _wire(self) -> None:
        self._search.textChanged.connect(self._on_filter_changed)
        self._kind.currentIndexChanged.connect(self._on_filter_changed)
        self._archived.toggled.connect(self._on_filter_changed)
        self._table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self._table.activated.connect(self._on_table_activated)
        self._table.doubleClicked.connect(self._on_table_activated)
        self._person_page.back_requested.connect(self._on_person_page_back_requested)
        self._person_page.person_changed.connect(self._on_person_page_person_changed)
        self._add.clicked.connect(self._on_add_clicked)
        self._rename.clicked.connect(self._on_rename_clicked)
        self._change_kind.clicked.connect(self._on_change_kind_clicked)
        self._archive.clicked.connect(self._on_archive_clicked)
        self._merge.clicked.connect(self._on_merge_clicked)
        for keys, slot in (
            (QKeySequence(QKeySequence.StandardKey.Find), self._on_find_shortcut_activated),
            (QKeySequence(QKeySequence.StandardKey.New), self._on_add_clicked),
            (QKeySequence(Qt.Key.Key_F2), self._on_rename_clicked),
        ):
            shortcut = QShortcut(keys, self._list)  # only while the list is shown
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

    # --- events and slots --------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():  # contacts may have been added on Today meanwhile
            self.refresh()
            shown = self.person_shown
            if shown and not self._person_page.has_unsaved_changes():  # keep what was typed
                self._person_page.show_person(shown)

    @property
    def person_shown(self) -> int | None:
        """The id of the person whose page is open (``None``: the list is shown)."""
        if self._views.currentWidget() is not self._person_page:
            return None
        return self._person_page.person_id

    def commit_pending(self) -> bool:
        """Save what was typed on a person's page; False when it is not valid yet."""
        return self.person_shown is None or self._person_page.commit_pending()

    def open_person(self, person_id: int) -> None:
        """Show the page of ``person_id`` in place of the list."""
        self._person_page.show_person(person_id)
        self._views.setCurrentWidget(self._person_page)
        self.findChild(QPushButton, "person_back").setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_table_activated(self, *_args: object) -> None:
        chosen = self.selected_ids()
        if len(chosen) == 1 and self._views.currentWidget() is self._list:
            self.open_person(chosen[0])

    def _on_person_page_back_requested(self) -> None:
        person_id = self._person_page.person_id
        self._views.setCurrentWidget(self._list)
        self.refresh()
        self._table.select_person(person_id)
        self._table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_person_page_person_changed(self, person_id: int) -> None:
        self.refresh()
        self._table.select_person(person_id)
        self.people_changed.emit()

    def _on_filter_changed(self, *_args: object) -> None:
        self._fill()

    def _on_find_shortcut_activated(self) -> None:
        self._search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._search.selectAll()

    def _on_table_selection_changed(self, *_args: object) -> None:
        self._update_buttons()

    def _on_add_clicked(self) -> None:
        def save(name: str, kind: Relationship) -> None:
            self._changed(
                self._journal.add_person(name, kind).id,
                self.tr("Added {name}.").format(name=name.strip()),
            )

        self._open(
            PersonDialog(
                self, title=self.tr("Add a person or group"), action=self.tr("Add"), save=save
            )
        )

    def _on_rename_clicked(self, *_args: object) -> None:
        person = self._single()
        if person is None:
            return

        def save(name: str, _kind: Relationship) -> None:
            renamed = self._journal.update_person(person.id, name=name)
            self._changed(
                person.id,
                self.tr("Renamed “{old}” to “{new}”.").format(old=person.name, new=renamed.name),
            )

        self._open(
            PersonDialog(
                self,
                title=self.tr("Rename"),
                action=self.tr("Rename"),
                save=save,
                name=person.name,
                ask_kind=False,
            )
        )

    def _on_change_kind_clicked(self) -> None:
        person = self._single()
        if person is None:
            return

        def save(_name: str, kind: Relationship) -> None:
            self._journal.update_person(person.id, relationship=kind)
            self._changed(
                person.id,
                self.tr("{name} is now: {kind}.").format(
                    name=person.name, kind=relationship_text(kind)
                ),
            )

        intro = self.tr("Past contacts keep the kind they were logged with.")
        self._open(
            PersonDialog(
                self,
                title=self.tr("Change kind of {name}").format(name=person.name),
                action=self.tr("Change kind"),
                save=save,
                kind=person.relationship,
                ask_name=False,
                intro=intro,
            )
        )

    def _on_archive_clicked(self) -> None:
        person = self._single()
        if person is None:
            return
        try:
            self._journal.update_person(person.id, archived=not person.archived)
        except ValidationError as error:  # unarchiving a name an active person now has
            self._messages.show_message(f"{NOTICE_SYMBOL} {error.message}")
            return
        if person.archived:
            done = self.tr("{name} is active again and suggested on Today.")
        else:
            done = self.tr(
                "Archived {name}: their history is kept; they are no longer suggested on Today."
            )
        self._changed(person.id, done.format(name=person.name))

    def _on_merge_clicked(self) -> None:
        chosen = self.selected_ids()
        if not chosen or len(self._overview) < 2:
            return
        others = [e.person.id for e in self._overview if e.person.id != chosen[0]]
        remove_id = chosen[1] if len(chosen) > 1 else others[0]

        def merge(keep_id: int, remove_id: int) -> None:
            names = {e.person.id: e.person.name for e in self._overview}
            self._journal.merge_people(keep_id, remove_id)
            self._changed(
                keep_id,
                self.tr("Merged “{removed}” into “{kept}”.").format(
                    removed=names.get(remove_id, ""), kept=names.get(keep_id, "")
                ),
            )

        self._open(
            MergeDialog(self, self._overview, keep_id=chosen[0], remove_id=remove_id, merge=merge)
        )

    # --- helpers -----------------------------------------------------------------------------

    def _open(self, dialog: PersonDialog | MergeDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # window-modal, and the event loop keeps running

    def _changed(self, person_id: int | None, message: str) -> None:
        self._archived.setChecked(self._archived.isChecked() or self._is_archived(person_id))
        self.refresh()
        self._table.select_person(person_id)
        self._messages.show_message(message)
        self.people_changed.emit()

    def _is_archived(self, person_id: int | None) -> bool:
        person = self._journal.person(person_id) if person_id is not None else None
        return bool(person and person.archived)

    def _single(self) -> Person | None:
        chosen = self.selected_ids()
        return self._journal.person(chosen[0]) if len(chosen) == 1 else None

    def _fill(self) -> None:
        wanted = self._search.text().strip().casefold()
        kind = self._kind.currentData()
        show_archived = self._archived.isChecked()
        shown = [
            entry
            for entry in self._overview
            if (show_archived or not entry.person.archived)
            and (not kind or entry.person.relationship == kind)
            and wanted in entry.person.name.casefold()
        ]
        self._table.set_entries(shown)
        archived = sum(1 for e in self._overview if e.person.archived)
        count = self.tr("Showing {shown} of {total}").format(
            shown=len(shown), total=len(self._overview)
        )
        if archived and not show_archived:
            count += self.tr(" · {archived} archived hidden").format(archived=archived)
        self._count.setText(count)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected_ids()
        single = len(chosen) == 1
        for button in (self._rename, self._change_kind, self._archive):
            button.setEnabled(single)
        person = next(
            (e.person for e in self._overview if single and e.person.id == chosen[0]), None
        )
        archive = self.tr("Unarchive") if person and person.archived else self.tr("Archive")
        self._archive.setText(archive)
        self._archive.setAccessibleName(archive)
        self._merge.setEnabled(1 <= len(chosen) <= 2 and len(self._overview) >= 2)
