"""Map a Daylio export before importing it, and see what would be written.

Each mood label gets a value 0-10 (Daylio's five defaults pre-filled: rad 9, good 7, meh 5,
bad 3, awful 1; other labels start at 5 for the person to set); each activity becomes a
contact of some kind (with how it happened), a coping tag, or nothing. The preview below
says what the import would write with this mapping; nothing is written until "Import".
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journal.domain.errors import JournalError
from journal.domain.kinds import Mode, Relationship
from journal.i18n import format_date
from journal.report.import_daylio import DEFAULT_MOODS, DaylioEntry
from journal.services import Journal

#: Daylio's own activities that are plainly contacts, pre-filled for the person to confirm.
SUGGESTED_KINDS = {"family": Relationship.FAMILY, "friends": Relationship.FRIEND,
                   "date": Relationship.PARTNER}
#: Pause after a change before the preview is worked out again.
PREVIEW_DELAY_MS = 150


class DaylioImportDialog(QDialog):
    """The mapping of one Daylio file; ``mood_map()`` and ``activity_map()`` once accepted."""

    def __init__(self, journal: Journal, path: Path, entries: list[DaylioEntry],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self._path = path
        self.setObjectName("daylio_import_dialog")
        self.setWindowTitle(self.tr("Import from Daylio"))
        self.setAccessibleName(self.tr("Import from Daylio"))
        moods = sorted({e.mood for e in entries}, key=str.casefold)
        activities = sorted({a for e in entries for a in e.activities}, key=str.casefold)
        self._moods: dict[str, QSpinBox] = {}
        self._kinds: dict[str, QComboBox] = {}
        self._modes: dict[str, QComboBox] = {}
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)

        mood_scale = self.tr("Moods (0 = worst, 10 = best)")
        mood_box = QGroupBox(mood_scale, objectName="daylio_moods")
        mood_form = QFormLayout(mood_box)
        for number, label in enumerate(moods):
            spin = QSpinBox(objectName=f"daylio_mood_{number}", minimum=0, maximum=10)
            spin.setValue(DEFAULT_MOODS.get(label.casefold(), 5))
            spin.setAccessibleName(self.tr("Value of the mood “{label}”").format(label=label))
            spin.setAccessibleDescription(mood_scale)
            spin.valueChanged.connect(self._on_mapping_changed)
            mood_form.addRow(label, spin)
            self._moods[label] = spin

        activity_box = QGroupBox(self.tr("Activities"), objectName="daylio_activities")
        grid = QGridLayout(activity_box)
        if not activities:
            grid.addWidget(QLabel(self.tr("The file has no activities.")), 0, 0)
        for row, name in enumerate(activities):
            kind, mode = self._activity_controls(row, name)
            grid.addWidget(QLabel(name), row, 0)
            grid.addWidget(kind, row, 1)
            grid.addWidget(mode, row, 2)
        scroll = QScrollArea(objectName="daylio_mapping_scroll")
        scroll.setWidgetResizable(True)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(mood_box)
        inner_layout.addWidget(activity_box)
        inner_layout.addStretch(1)
        scroll.setWidget(inner)

        self._preview = QLabel(objectName="daylio_preview", wordWrap=True)
        self._preview.setAccessibleName(self.tr("What would be imported"))
        self._buttons = QDialogButtonBox(objectName="daylio_buttons")
        self._import = self._buttons.addButton(self.tr("Import"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self._import.setObjectName("daylio_import")
        cancel = self._buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("daylio_cancel")
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Choose what each Daylio mood and activity becomes. Moods "
                               "other than Daylio's five start at 5: set them. Nothing is "
                               "written until you press Import."), wordWrap=True)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self._preview)
        layout.addWidget(self._buttons)
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        self._timer.timeout.connect(self.refresh_preview)
        self.resize(620, 640)
        self.refresh_preview()

    def _activity_controls(self, row: int, name: str) -> tuple[QComboBox, QComboBox]:
        kind = QComboBox(objectName=f"daylio_activity_{row}")
        kind.setAccessibleName(self.tr("What “{name}” becomes").format(name=name))
        kind.setAccessibleDescription(
            self.tr("Nothing, a coping tag, or a contact of a kind; the mode beside it is for "
                    "contacts"))
        kind.addItem(self.tr("Nothing"), "none")
        kind.addItem(self.tr("A coping tag"), "coping")
        for relationship in Relationship:
            kind.addItem(self.tr("Contact: {kind}").format(kind=relationship.label),
                         relationship.value)
        suggested = SUGGESTED_KINDS.get(name.casefold())
        if suggested is not None:
            kind.setCurrentIndex(kind.findData(suggested.value))
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

    @property
    def preview_text(self) -> str:
        return self._preview.text()

    def refresh_preview(self) -> None:
        """Work out what the import would write with the mapping as it is now."""
        try:
            preview = self._journal.preview_daylio(self._path, self.mood_map(),
                                                   self.activity_map())
        except JournalError as error:
            self._preview.setText(self.tr("This mapping cannot be imported: {reason}")
                                  .format(reason=error))
            self._import.setEnabled(False)
            self._import.setAccessibleDescription(self._preview.text())
            return
        if preview.days:
            text = self.tr("Would import {days} from {first} to {last} and {contacts}.").format(
                days=self.tr("1 day") if len(preview.days) == 1
                else self.tr("%Ln days", "", len(preview.days)),
                first=format_date(preview.days[0].date),
                last=format_date(preview.days[-1].date),
                contacts=self.tr("1 contact") if len(preview.contacts) == 1
                else self.tr("%Ln contacts", "", len(preview.contacts)))
        else:
            text = self.tr("There are no new days to import.")
        if preview.skipped_days:
            skipped = len(preview.skipped_days)
            text += " " + (
                self.tr("1 day already in the journal is left as it is.") if skipped == 1
                else self.tr("%Ln days already in the journal are left as they are.", "",
                             skipped))
        self._preview.setText(text)
        self._import.setEnabled(bool(preview.days))
        self._import.setAccessibleDescription(text)  # what pressing it would write

    def _on_mapping_changed(self) -> None:
        for name, kind in self._kinds.items():
            self._modes[name].setEnabled(kind.currentData() not in ("none", "coping"))
        self._timer.start()
