"""Map a Daylio or Bearable file before importing it, and see what would come in and what not.

Daylio: each mood label gets a value 0-10. A mood whose level is known (every mood of a
``.daylio`` backup, and Daylio's five default names) is pre-filled from its level; a renamed
mood of a CSV cannot be placed, so it is marked and asked (it starts at 5 for the person to
set). Each activity becomes a contact of some kind (with how it happened), a coping tag, or
nothing. Bearable: each factor is a coping tag unless the person makes it a contact or
nothing, and when every mood in the file is 1-5 the person says which scale Bearable used.
The preview below says what the import would write with this mapping and what it leaves
out; nothing is written until "Import".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journal.domain.errors import JournalError
from journal.domain.kinds import Mode, Relationship
from journal.i18n import format_date
from journal.services import Journal
from journal.ui.widgets.scrolling import scroll_area

if TYPE_CHECKING:
    from journal.services import ImportPreview

#: Daylio's own activities that are plainly contacts, pre-filled for the person to confirm.
SUGGESTED_KINDS = {
    "family": Relationship.FAMILY,
    "friends": Relationship.FRIEND,
    "date": Relationship.PARTNER,
}
#: Pause after a change before the preview is worked out again.
PREVIEW_DELAY_MS = 150
#: Where a mood nobody can place starts, for the person to set.
ASKED_START = 5


@dataclass(slots=True)
class MappingQuestions:
    """What the mapping step asks: ``app`` is ``daylio`` or ``bearable``; ``moods`` maps each
    label to the value its level gives (``None``: asked)."""

    app: str
    moods: dict[str, int | None] = field(default_factory=dict)
    activities: list[str] = field(default_factory=list)
    asks_mood_scale: bool = False


class DaylioImportDialog(QDialog):
    """The mapping of one Daylio or Bearable file; ``mood_map()``, ``activity_map()`` and
    ``mood_scale()`` once accepted."""

    def __init__(
        self,
        journal: Journal,
        path: Path,
        questions: MappingQuestions,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._path = path
        self._questions = questions
        self._bearable = questions.app == "bearable"
        self.setObjectName("daylio_import_dialog")
        title = self.tr("Import from Bearable") if self._bearable else self.tr("Import from Daylio")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._moods: dict[str, QSpinBox] = {}
        self._kinds: dict[str, QComboBox] = {}
        self._modes: dict[str, QComboBox] = {}
        self._scale: QComboBox | None = None
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)

        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        if questions.moods:
            inner_layout.addWidget(self._mood_box(questions.moods))
        if questions.asks_mood_scale:
            inner_layout.addWidget(self._scale_box())
        inner_layout.addWidget(self._activity_box(questions.activities))
        inner_layout.addStretch(1)
        scroll = scroll_area(inner, "daylio_mapping_scroll", framed=True)

        self._preview = QLabel(objectName="daylio_preview", wordWrap=True)
        self._preview.setAccessibleName(self.tr("What would be imported"))
        self._buttons = QDialogButtonBox(objectName="daylio_buttons")
        self._import = self._buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self._import.setObjectName("daylio_import")
        cancel = self._buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("daylio_cancel")
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose what each factor becomes: a coping tag, a contact, or nothing. Nothing "
                "is written until you press Import."
            )
            if self._bearable
            else self.tr(
                "Choose what each Daylio mood and activity becomes. Moods whose level is known "
                "are filled in; a mood marked “set this one” could not be placed: set it. "
                "Nothing is written until you press Import."
            ),
            wordWrap=True,
        )
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self._preview)
        layout.addWidget(self._buttons)
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        self._timer.timeout.connect(self.refresh_preview)
        self.resize(620, 640)
        self.refresh_preview()

    def _mood_box(self, moods: dict[str, int | None]) -> QGroupBox:
        mood_scale = self.tr("Moods (0 = worst, 10 = best)")
        box = QGroupBox(mood_scale, objectName="daylio_moods")
        form = QFormLayout(box)
        for number, (label, known) in enumerate(moods.items()):
            spin = QSpinBox(objectName=f"daylio_mood_{number}", minimum=0, maximum=10)
            spin.setValue(ASKED_START if known is None else known)
            spin.setAccessibleName(self.tr("Value of the mood “{label}”").format(label=label))
            spin.setAccessibleDescription(
                mood_scale
                if known is not None
                else self.tr("{scale}; its level is not known: set it").format(scale=mood_scale)
            )
            spin.valueChanged.connect(self._on_mapping_changed)
            form.addRow(
                label
                if known is not None
                else self.tr("{label} (set this one)").format(label=label),
                spin,
            )
            self._moods[label] = spin
        return box

    def _scale_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Bearable's mood scale"), objectName="bearable_scale_box")
        form = QFormLayout(box)
        scale = QComboBox(objectName="bearable_mood_scale")
        scale.setAccessibleName(self.tr("Bearable's mood scale"))
        scale.setAccessibleDescription(
            self.tr("Every mood in this file is between 1 and 5: say which scale Bearable used")
        )
        scale.addItem(self.tr("Choose…"), None)
        scale.addItem(self.tr("0-10 (kept as it is)"), 10)
        scale.addItem(self.tr("1-5 (spread over 0-10)"), 5)
        scale.currentIndexChanged.connect(self._on_mapping_changed)
        form.addRow(QLabel(scale.accessibleDescription(), wordWrap=True))
        form.addRow(self.tr("Scale"), scale)
        self._scale = scale
        return box

    def _activity_box(self, activities: list[str]) -> QGroupBox:
        box = QGroupBox(
            self.tr("Factors") if self._bearable else self.tr("Activities"),
            objectName="daylio_activities",
        )
        grid = QGridLayout(box)
        if not activities:
            grid.addWidget(
                QLabel(
                    self.tr("The file has no factors.")
                    if self._bearable
                    else self.tr("The file has no activities.")
                ),
                0,
                0,
            )
        for row, name in enumerate(activities):
            kind, mode = self._activity_controls(row, name)
            grid.addWidget(QLabel(name), row, 0)
            grid.addWidget(kind, row, 1)
            grid.addWidget(mode, row, 2)
        return box

    def _activity_controls(self, row: int, name: str) -> tuple[QComboBox, QComboBox]:
        kind = QComboBox(objectName=f"daylio_activity_{row}")
        kind.setAccessibleName(self.tr("What “{name}” becomes").format(name=name))
        kind.setAccessibleDescription(
            self.tr(
                "Nothing, a coping tag, or a contact of a kind; the mode beside it is for contacts"
            )
        )
        kind.addItem(self.tr("Nothing"), "none")
        kind.addItem(self.tr("A coping tag"), "coping")
        for relationship in Relationship:
            kind.addItem(
                self.tr("Contact: {kind}").format(kind=relationship.label), relationship.value
            )
        suggested = SUGGESTED_KINDS.get(name.casefold())
        if suggested is not None:
            kind.setCurrentIndex(kind.findData(suggested.value))
        elif self._bearable:  # Bearable's factors come in as coping tags unless changed
            kind.setCurrentIndex(kind.findData("coping"))
        mode = QComboBox(objectName=f"daylio_mode_{row}")
        mode.setAccessibleName(self.tr("How “{name}” happened").format(name=name))
        mode.setAccessibleDescription(self.tr("Used when it becomes a contact"))
        for item in Mode:
            mode.addItem(item.label, item.value)
        mode.setEnabled(suggested is not None)
        kind.currentIndexChanged.connect(self._on_mapping_changed)
        mode.currentIndexChanged.connect(self._on_mapping_changed)
        self._kinds[name] = kind
        self._modes[name] = mode
        return kind, mode

    # --- the mapping, in the words of the command line's --mood-map and --activity-map -----

    def mood_map(self) -> dict[str, str]:
        return {label: str(spin.value()) for label, spin in self._moods.items()}

    def activity_map(self) -> dict[str, str]:
        mapping = {}
        for name, kind in self._kinds.items():
            value = str(kind.currentData())
            if value not in ("none", "coping"):
                value = f"{value}/{self._modes[name].currentData()}"
            mapping[name] = value
        return mapping

    def mood_scale(self) -> int | None:
        """Bearable's mood scale as chosen (``None`` when not asked or not chosen yet)."""
        return None if self._scale is None else self._scale.currentData()

    def task(self) -> Callable[[Journal, object, Callable[[], bool]], object]:
        """The import with this mapping, for the page's worker."""
        path, activities = self._path, self.activity_map()
        if self._bearable:
            scale = self.mood_scale()
            return lambda journal, _progress, cancelled: journal.import_bearable(
                path, activities, scale, cancelled=cancelled
            )
        moods = self.mood_map()
        return lambda journal, _progress, cancelled: journal.import_daylio(
            path, moods, activities, cancelled=cancelled
        )

    @property
    def preview_text(self) -> str:
        return self._preview.text()

    def refresh_preview(self) -> None:
        """Work out what the import would write with the mapping as it is now."""
        if self._scale is not None and self.mood_scale() is None:
            self._show(
                self.tr("Choose Bearable's mood scale to see what would be imported."), False
            )
            return
        try:
            preview = (
                self._journal.preview_bearable(self._path, self.activity_map(), self.mood_scale())
                if self._bearable
                else self._journal.preview_daylio(self._path, self.mood_map(), self.activity_map())
            )
        except JournalError as error:
            self._show(
                self.tr("This mapping cannot be imported: {reason}").format(reason=error), False
            )
            return
        lines = [" ".join([self._coming_in(preview), *self._left_out(preview)])]
        if self._bearable:  # the mapping of each scale, one rule a line
            from journal.services import bearable_rules as rules

            lines += [
                QCoreApplication.translate("imports", rule) for rule in rules(self.mood_scale())
            ]
        self._show("\n".join(lines), bool(preview.days))

    def _show(self, text: str, importable: bool) -> None:
        self._preview.setText(text)
        self._import.setEnabled(importable)
        self._import.setAccessibleDescription(text)  # what pressing it would write

    def _coming_in(self, preview: ImportPreview) -> str:
        days, contacts = preview.days, preview.contacts
        if not days:
            return self.tr("There are no new days to import.")
        # the English singular is its own string (no English catalogue is shipped to choose
        # between forms); the plural carries %Ln so a translator gives every plural form
        return self.tr("Would import {days} from {first} to {last} and {contacts}.").format(
            days=self.tr("1 day") if len(days) == 1 else self.tr("%Ln days", "", len(days)),
            first=format_date(days[0].date),
            last=format_date(days[-1].date),
            contacts=self.tr("1 contact")
            if len(contacts) == 1
            else self.tr("%Ln contacts", "", len(contacts)),
        )

    def _left_out(self, preview: ImportPreview) -> list[str]:
        """How the moods were placed, and what does not come in or goes into the notes."""
        parts = []
        if not self._bearable:
            mapped, asked = len(preview.moods_mapped), len(preview.moods_asked)
            parts.append(
                self.tr("{mapped} mapped by their level, {asked} asked.").format(
                    mapped=self.tr("1 mood") if mapped == 1 else self.tr("%Ln moods", "", mapped),
                    asked=QLocale().toString(asked),
                )
            )
            parts.append(self.tr("Several entries on one day: their mean, rounded half up."))
        if preview.kept_in_notes:
            parts.append(
                self.tr("Kept in the notes: {names}.").format(
                    names=", ".join(preview.kept_in_notes)
                )
            )
        if preview.sleep_days:
            parts.append(
                self.tr("Sleep hours on {days}.").format(
                    days=self.tr("1 day")
                    if preview.sleep_days == 1
                    else self.tr("%Ln days", "", preview.sleep_days)
                )
            )
        if preview.unmapped_activities:
            parts.append(
                self.tr("Not imported: {names}.").format(
                    names=", ".join(preview.unmapped_activities)
                )
            )
        missing, skipped = len(preview.days_without_mood), len(preview.skipped_days)
        for count, one, many in (
            (
                missing,
                self.tr("1 day without a mood reading is not imported."),
                self.tr("%Ln days without a mood reading are not imported.", "", missing),
            ),
            (
                skipped,
                self.tr("1 day already in the journal is left as it is."),
                self.tr("%Ln days already in the journal are left as they are.", "", skipped),
            ),
        ):
            if count:  # the English singular is its own string, as in _coming_in
                parts.append(one if count == 1 else many)
        return parts

    def _on_mapping_changed(self) -> None:
        for name, kind in self._kinds.items():
            self._modes[name].setEnabled(kind.currentData() not in ("none", "coping"))
        self._timer.start()
