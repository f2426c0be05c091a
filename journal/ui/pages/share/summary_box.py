"""The Share page's summary box: the range, the sections, how people are named, the paper,
and Preview / Save PDF. It only holds the choices; the page reads them and runs the work."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain.sections import DEFAULT_SECTIONS, SECTIONS
from journal.services import paper_for_locale
from journal.ui import theme
from journal.ui.locale import date_pattern

#: The range choices: key → days back from today (``None``: computed or typed).
RANGES = {"4w": 28, "session": None, "3m": 91, "1y": 365, "custom": None}
#: Sections whose words are most private: they say so beside their box.
PRIVATE = ("notes", "safety_plan")


def action_button(name: str, text: str, accessible: str) -> QPushButton:
    """A button of the page that Enter in a field never presses by itself."""
    button = QPushButton(text, objectName=name)
    button.setAccessibleName(accessible)
    button.setAutoDefault(False)
    return button


class SummaryBox(QGroupBox):
    """The choices of the summary PDF, in the controls the page reads; ``boxes`` holds the
    check box of each section by key, ``safety_note`` what is said about a safety answer
    left out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="summary_group")
        self.setTitle(self.tr("A summary for your care team (PDF)"))
        self.boxes: dict[str, QCheckBox] = {}
        self.range = QComboBox(objectName="summary_range")
        self.range.setAccessibleName(self.tr("Range of the summary"))
        self.range.setAccessibleDescription(
            self.tr("The days the summary covers; with “Dates I choose” you set them beside it")
        )
        labels = {
            "4w": self.tr("Last 4 weeks"),
            "session": self.tr("Since the last session"),
            "3m": self.tr("Last 3 months"),
            "1y": self.tr("Last year"),
            "custom": self.tr("Dates I choose"),
        }
        for key in RANGES:
            self.range.addItem(labels[key], key)
        self.first_day = QDateEdit(objectName="summary_from", calendarPopup=True)
        self.first_day.setAccessibleName(self.tr("First day of the summary"))
        self.last_day = QDateEdit(objectName="summary_to", calendarPopup=True)
        self.last_day.setAccessibleName(self.tr("Last day of the summary"))
        dates_description = self.tr(
            "Set by the range chosen; editable with “Dates I choose”. F4 opens a calendar"
        )
        for edit in (self.first_day, self.last_day):
            edit.setDisplayFormat(date_pattern("date"))
            edit.setAccessibleDescription(dates_description)
        dates = QHBoxLayout()
        dates.addWidget(self.range)
        dates.addWidget(self.first_day)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.last_day)
        dates.addStretch(1)

        sections = QGridLayout()
        for number, (key, english) in enumerate(SECTIONS.items()):
            title = QCoreApplication.translate("summary", english)  # marked so in report.summary
            box = QCheckBox(title, objectName=f"section_{key}")
            box.setAccessibleName(self.tr("Include {section}").format(section=title))
            box.setChecked(key in DEFAULT_SECTIONS)
            if key in PRIVATE:
                private = self.tr("Your own words: shared only when you tick this.")
                box.setToolTip(private)
                box.setAccessibleDescription(private)
            else:
                box.setAccessibleDescription(self.tr("In the summary when ticked"))
            sections.addWidget(box, number // 2, number % 2)
            self.boxes[key] = box

        self.names = QComboBox(objectName="summary_names")
        self.names.setAccessibleName(self.tr("How people are named"))
        self.names.setAccessibleDescription(
            self.tr("In the summary, names inside your own words follow this choice too")
        )
        self.names.addItem(self.tr("By relationship only (“friend”)"), "hidden")
        self.names.addItem(self.tr("By initials (“S. K.”)"), "initials")
        self.names.addItem(self.tr("By full name"), "full")
        self.paper = QComboBox(objectName="summary_paper")
        self.paper.setAccessibleName(self.tr("Paper size"))
        self.paper.setAccessibleDescription(self.tr("The page size of the summary PDF"))
        self.paper.addItem(self.tr("A4"), "A4")
        self.paper.addItem(self.tr("Letter"), "Letter")
        self.paper.setCurrentIndex(self.paper.findData(paper_for_locale(QLocale().name())))
        options = QFormLayout()
        options.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        options.addRow(self.tr("Range"), dates)
        options.addRow(self.tr("Sections"), sections)
        options.addRow(self.tr("People"), self.names)
        options.addRow(self.tr("Paper"), self.paper)
        note = QLabel(
            self.tr(
                "Only the ticked sections go in; your notes and your safety "
                "plan only when you tick them. Names inside your own words "
                "(notes, topics, safety plan) follow the choice of People."
            ),
            objectName="summary_note",
            wordWrap=True,
        )
        # said plainly when a safety answer in the range would be left out; the choice stays
        # the person's, so nothing is ticked for them
        self.safety_note = QLabel(objectName="summary_safety_note", wordWrap=True)
        theme.paint_as_notice(self.safety_note)
        self.safety_note.hide()
        self.preview = action_button(
            "summary_preview", self.tr("Preview…"), self.tr("Preview the summary's pages")
        )
        self.save = action_button(
            "summary_save", self.tr("Save PDF…"), self.tr("Save the summary as a PDF")
        )
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.preview)
        actions.addWidget(self.save)
        summary_layout = QVBoxLayout(self)
        summary_layout.addLayout(options)
        summary_layout.addWidget(note)
        summary_layout.addWidget(self.safety_note)
        summary_layout.addLayout(actions)
