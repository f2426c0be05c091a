"""The Safety plan page: the standard sections of a personal safety plan, in the person's words.

The sections follow Stanley & Brown's safety planning intervention. The people to ask and the
professionals can be added from People (with a number found in their note); the plan's people,
professionals and crisis line are what "Need help now" and the crisis message show first.
Edits are saved with Save (Ctrl+S) and, when the person leaves the page, automatically.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain.errors import JournalError
from journal.domain.records import SAFETY_PLAN_SECTIONS, SafetyPlan
from journal.services import HelpContact, Journal
from journal.ui import theme
from journal.ui.widgets.scrolling import scroll_area
from journal.ui.widgets.section import page_column

#: Sections whose text can take people from the People page (``True``: the care team).
_FROM_PEOPLE = {"people_to_ask": False, "professionals": True}


class SafetyPlanPage(QWidget):
    """Edit the journal's one safety plan.

    Signals:
        plan_saved(SafetyPlan): the plan was written to the journal.
    """

    plan_saved = Signal(object)

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self._loaded = SafetyPlan()
        self._edits: dict[str, QPlainTextEdit] = {}
        self._pickers: dict[str, QComboBox] = {}
        self.setObjectName("safety_plan_page")
        self._build()
        self.load()

    # --- public ------------------------------------------------------------------------------

    def edit(self, section: str) -> QPlainTextEdit:
        """The text box of ``section`` (a name in ``SAFETY_PLAN_SECTIONS``)."""
        return self._edits[section]

    def load(self) -> None:
        self._loaded = self._journal.safety_plan()
        for name in SAFETY_PLAN_SECTIONS:
            self._edits[name].setPlainText(getattr(self._loaded, name))
        self._status.clear()
        self._fill_pickers()

    def typed(self) -> SafetyPlan:
        return SafetyPlan(
            **{name: self._edits[name].toPlainText() for name in SAFETY_PLAN_SECTIONS}
        )

    def has_unsaved_changes(self) -> bool:
        return any(
            self._edits[name].toPlainText() != getattr(self._loaded, name)
            for name in SAFETY_PLAN_SECTIONS
        )

    def save(self) -> bool:
        """Write the plan; on a problem, say so calmly and keep the typed words."""
        try:
            plan = self._journal.save_safety_plan(self.typed())
        except JournalError as error:
            self._status.setText(
                self.tr("⚠ Your plan was not saved: {reason}").format(reason=error)
            )
            return False
        self._loaded = plan
        self._status.setText(self.tr("✓ Saved"))
        self.plan_saved.emit(plan)
        return True

    def commit_pending(self) -> bool:
        """Save unsaved edits (leaving the page, closing the window); True when none are lost."""
        return not self.has_unsaved_changes() or self.save()

    # --- building ----------------------------------------------------------------------------

    def _sections(self) -> dict[str, tuple[str, str]]:
        """Each section's title and the hint shown in its empty box."""
        return {
            "warning_signs": (
                self.tr("Warning signs"),
                self.tr(
                    "Thoughts, feelings, situations or things I do that tell me a crisis may be "
                    "starting"
                ),
            ),
            "coping_strategies": (
                self.tr("My own coping strategies"),
                self.tr("Things I can do on my own to take my mind off things"),
            ),
            "distractions": (
                self.tr("People and places that take my mind off things"),
                self.tr("People to be with and places where I feel better"),
            ),
            "people_to_ask": (
                self.tr("People I can ask for help"),
                self.tr(
                    "Names and numbers of people I can reach out to; add them from People below"
                ),
            ),
            "professionals": (
                self.tr("Professionals and services"),
                self.tr("My therapist, GP, clinic or out-of-hours service, with their numbers"),
            ),
            "crisis_line": (
                self.tr("My local crisis line"),
                self.tr('The crisis line I would call; "Need help now" shows it first'),
            ),
            "safer_surroundings": (
                self.tr("Making my surroundings safer"),
                self.tr("Steps that keep me safer, such as asking someone to keep things for me"),
            ),
            "reasons_for_living": (
                self.tr("Reasons for living"),
                self.tr("What matters most to me and is worth living for"),
            ),
        }

    def _build(self) -> None:
        body = QWidget(objectName="safety_plan_body")
        form = QVBoxLayout(body)
        form.setContentsMargins(0, 0, 8, 0)
        form.setSpacing(4)
        for number, (name, (title, hint)) in enumerate(self._sections().items(), start=1):
            label = QLabel(
                self.tr("{n}. {title}").format(n=number, title=title),
                objectName=f"plan_{name}_label",
            )
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            edit = QPlainTextEdit(objectName=f"plan_{name}")
            edit.setAccessibleName(title)
            edit.setAccessibleDescription(hint)
            edit.setPlaceholderText(hint)
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
            label.setBuddy(edit)
            form.addSpacing(8)
            form.addWidget(label)
            form.addWidget(edit)
            self._edits[name] = edit
            if name in _FROM_PEOPLE:
                form.addLayout(self._picker_row(name, title))
        form.addStretch(1)
        scroll = scroll_area(body, "safety_plan_scroll")

        self._save = QPushButton(self.tr("Save"), objectName="save_safety_plan")
        self._save.setAccessibleName(self.tr("Save the safety plan"))
        self._save.setToolTip(self.tr("Save (Ctrl+S)"))
        self._status = QLabel(objectName="safety_plan_status", wordWrap=True)
        self._status.setAccessibleName(self.tr("Safety plan status"))
        bottom = QHBoxLayout()
        bottom.addWidget(self._status, 1)
        bottom.addWidget(self._save)

        intro = self.tr(
            "A plan to turn to when things get hard, best made on a calmer day, perhaps with "
            'someone from your care team. It stays on this device, and "Need help now" shows '
            "its people and your crisis line."
        )
        layout = page_column(self, self.tr("My safety plan"), "safety_plan", intro)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)

        self._save.clicked.connect(self._on_save_clicked)
        shortcut = QShortcut(
            QKeySequence.StandardKey.Save,
            self,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        shortcut.activated.connect(self._on_save_shortcut_activated)

    def _picker_row(self, section: str, title: str) -> QHBoxLayout:
        picker = QComboBox(objectName=f"add_to_{section}")
        picker.setAccessibleName(
            self.tr("Someone from People to add to {section}").format(section=title)
        )
        button = QPushButton(self.tr("Add"), objectName=f"add_to_{section}_button")
        button.setAccessibleName(self.tr("Add to {section}").format(section=title))
        picker.setAccessibleDescription(
            self.tr("Add then puts the one chosen on a line of its own in {section}").format(
                section=title
            )
        )
        label = theme.as_hint(QLabel(self.tr("From People:"), objectName=f"add_to_{section}_label"))
        label.setBuddy(picker)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(picker, 1)
        row.addWidget(button)
        self._pickers[section] = picker
        button.clicked.connect(lambda: self._on_add_button_clicked(section))
        return row

    def _fill_pickers(self) -> None:
        for section, care_team in _FROM_PEOPLE.items():
            picker = self._pickers[section]
            picker.clear()
            try:
                contacts: list[HelpContact] = self._journal.help_contacts(care_team=care_team)
            except JournalError:
                contacts = []
            picker.addItem(
                self.tr("Choose someone…") if contacts else self.tr("(no one in People yet)"), ""
            )
            for contact in contacts:
                picker.addItem(contact.line, contact.line)
            picker.setEnabled(bool(contacts))

    # --- slots and events --------------------------------------------------------------------

    def _on_add_button_clicked(self, section: str) -> None:
        line = self._pickers[section].currentData()
        if not line:
            return
        edit = self._edits[section]
        text = edit.toPlainText().rstrip("\n")
        if line in text.splitlines():
            return
        edit.setPlainText(f"{text}\n{line}" if text else line)

    def _on_save_clicked(self) -> None:
        self.save()

    def _on_save_shortcut_activated(self) -> None:
        self.save()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.has_unsaved_changes():
            self.load()
        else:
            self._fill_pickers()

    def hideEvent(self, event: QHideEvent) -> None:
        if not event.spontaneous():
            self.commit_pending()
        super().hideEvent(event)
