"""The Share page: a summary for the care team (PDF), and the whole journal out and in.

The person picks the range (the last four weeks unless they choose "since the last
session" or other dates), ticks the sections (everything but their notes and their safety
plan at first), chooses how people are named (relationship only at first) and the paper (from
the locale), looks at the pages, and saves. Exports and imports of the whole journal sit
below. Everything long runs in a worker with a progress dialog and Cancel; cancelling writes
nothing. A JSON import into a journal with entries asks: merge, replace or cancel; a Daylio
(CSV or backup) or Bearable import asks for its mapping and shows what it would write first.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QSignalBlocker, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from journal.domain.sections import SECTIONS
from journal.domain.system_errors import calm_error
from journal.i18n import format_date
from journal.progress import IsCancelled, Progress
from journal.services import Journal
from journal.ui import theme
from journal.ui.dialogs.page_preview import SAVE, PagePreviewDialog
from journal.ui.pages.share.imports import ImportFlow
from journal.ui.pages.share.summary_box import RANGES, SummaryBox, action_button
from journal.ui.widgets.message_bar import MessageBar
from journal.ui.workers import TaskThread, run_with_progress

#: Resolution of the preview's page images.
PREVIEW_DPI = 110


def _as_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class SharePage(QWidget):
    """Make a summary PDF, export the whole journal, import a file.

    Signals:
        summary_saved(pathlib.Path): a summary PDF was written.
        exported(pathlib.Path): a JSON or CSV export was written.
        data_imported(): an import changed the journal (other pages should refresh).
    """

    summary_saved = Signal(object)
    exported = Signal(object)
    data_imported = Signal()

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self._task: TaskThread | None = None
        self.setObjectName("share_page")
        self._boxes: dict[str, QCheckBox] = {}
        self._build()
        self._import_flow = ImportFlow(self, journal, self._run, self._message)
        self._import_flow.imported.connect(self.data_imported)
        self._range.currentIndexChanged.connect(self._on_range_current_index_changed)
        self._preview.clicked.connect(self._on_preview_clicked)
        self._save.clicked.connect(self._on_save_clicked)
        self._export_json.clicked.connect(self._on_export_json_clicked)
        self._export_csv.clicked.connect(self._on_export_csv_clicked)
        self._import.clicked.connect(self._import_flow.start)
        for box in self._boxes.values():
            box.toggled.connect(self._on_section_toggled)
        for edit in (self._from, self._to):
            edit.dateChanged.connect(self._on_date_changed)
        self.refresh_range()

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        heading = theme.as_heading(QLabel(self.tr("Share"), objectName="share_heading"))

        summary = self._summary_box = SummaryBox()
        self._range, self._from, self._to = summary.range, summary.first_day, summary.last_day
        self._boxes, self._names, self._paper = summary.boxes, summary.names, summary.paper
        self._safety_note = summary.safety_note
        self._preview, self._save = summary.preview, summary.save

        data = QGroupBox(self.tr("Your whole journal"), objectName="data_group")
        words = QLabel(
            self.tr(
                "A full copy to keep, or to move to another computer. Import "
                "reads a Connection Journal export (JSON), a Daylio export "
                "(CSV) or backup (.daylio), or a Bearable export (CSV); you see "
                "what would come in first, and nothing is written until you "
                "confirm."
            ),
            objectName="data_note",
            wordWrap=True,
        )
        self._export_json = action_button(
            "export_json", self.tr("Export JSON…"), self.tr("Export the whole journal as JSON")
        )
        self._export_csv = action_button(
            "export_csv", self.tr("Export CSV…"), self.tr("Export the whole journal as CSV files")
        )
        self._import = action_button(
            "import_file", self.tr("Import…"), self.tr("Import a JSON, Daylio or Bearable file")
        )
        self._import.setAccessibleDescription(words.text())  # nothing written until confirmed
        data_actions = QHBoxLayout()
        data_actions.addStretch(1)
        for button in (self._export_json, self._export_csv, self._import):
            data_actions.addWidget(button)
        data_layout = QVBoxLayout(data)
        data_layout.addWidget(words)
        data_layout.addLayout(data_actions)

        self._message = MessageBar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*theme.PAGE_MARGINS)
        layout.addWidget(heading)
        layout.addWidget(summary)
        layout.addWidget(data)
        layout.addWidget(self._message)
        layout.addStretch(1)

    # --- public ------------------------------------------------------------------------------

    @property
    def message(self) -> MessageBar:
        return self._message

    @property
    def task(self) -> TaskThread | None:
        """The task running now, if any."""
        return self._task

    def section_box(self, key: str) -> QCheckBox:
        return self._boxes[key]

    def sections(self) -> list[str]:
        return [key for key, box in self._boxes.items() if box.isChecked()]

    def names(self) -> str:
        return str(self._names.currentData())

    def paper(self) -> str:
        return str(self._paper.currentData())

    def dates(self) -> tuple[dt.date, dt.date]:
        return _as_date(self._from.date()), _as_date(self._to.date())

    def refresh_range(self) -> None:
        """Show the dates of the chosen range (and whether there is a last session)."""
        today = self._journal.today()
        last = self._journal.last_session_date()
        index = self._range.findData("session")
        item = self._range.model().item(index)
        item.setEnabled(last is not None)
        item.setToolTip("" if last else self.tr("No attended session is logged yet."))
        key = self._range.currentData()
        custom = key == "custom"
        for edit in (self._from, self._to):
            edit.setEnabled(custom)
            edit.setMaximumDate(QDate(today.year, today.month, today.day))
        if not custom:
            start = (
                last
                if key == "session" and last
                else today - dt.timedelta(days=(RANGES[key] or 28) - 1)
            )
            with QSignalBlocker(self._from), QSignalBlocker(self._to):
                self._from.setDate(QDate(start.year, start.month, start.day))
                self._to.setDate(QDate(today.year, today.month, today.day))
        self.refresh_safety_note()

    @property
    def safety_note(self) -> str:
        """What the page says about a safety answer left out (empty when none is)."""
        return self._safety_note.text() if not self._safety_note.isHidden() else ""

    def refresh_safety_note(self) -> None:
        """Say so when a PHQ-9 item 9 answered above 0 in the range would be left out by the
        sections ticked."""
        start, end = self.dates()
        days = self._journal.safety_left_out(start, end, self.sections()) if start <= end else []
        if days:
            title = QCoreApplication.translate("summary", SECTIONS["questionnaires"])
            self._safety_note.setText(
                self.tr(
                    "On {dates}, your answer to the PHQ-9's last question (thoughts of being "
                    "better off dead or of hurting yourself) was above “not at all”. With "
                    "“{section}” unticked, the summary leaves this out. Tick it if you would like "
                    "your care team to see it; the choice is yours."
                ).format(dates=", ".join(format_date(d, "date") for d in days), section=title)
            )
        self._safety_note.setVisible(bool(days))

    # --- running tasks -----------------------------------------------------------------------

    def _run(
        self,
        label: str,
        task: Callable[[Journal, Progress, IsCancelled], object],
        done: Callable[[object], None],
    ) -> TaskThread | None:
        """Run ``task`` in a worker with a progress dialog; ``done(result)`` on success."""
        if self._task is not None:
            return None
        self._set_busy(True)
        thread = run_with_progress(self, self._journal, task, label)
        self._task = thread
        thread.succeeded.connect(done)
        thread.failed.connect(self._on_task_failed)
        thread.cancelled.connect(self._on_task_cancelled)
        for signal in (thread.succeeded, thread.failed, thread.cancelled):
            signal.connect(self._on_task_ended)
        return thread

    def _set_busy(self, busy: bool) -> None:
        for button in (
            self._preview,
            self._save,
            self._export_json,
            self._export_csv,
            self._import,
        ):
            button.setEnabled(not busy)

    def _choose_summary(self) -> tuple[dt.date, dt.date, list[str]] | None:
        start, end = self.dates()
        sections = self.sections()
        if start > end:
            self._message.show_message(self.tr("The first day is after the last day."))
            return None
        if not sections:
            self._message.show_message(self.tr("Tick at least one section."))
            return None
        return start, end, sections

    def _save_to(self, title: str, suggested: str, filters: str) -> Path | None:
        folder = Path.home() / "Documents"
        start = folder if folder.is_dir() else Path.home()
        path, _filter = QFileDialog.getSaveFileName(self, title, str(start / suggested), filters)
        return Path(path) if path else None

    # --- slots -------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_range()  # a session may have been logged since, or the day changed

    def _on_range_current_index_changed(self, _index: int) -> None:
        self.refresh_range()

    def _on_preview_clicked(self) -> None:
        chosen = self._choose_summary()
        if chosen is None:
            return
        start, end, sections = chosen
        names, paper = self.names(), self.paper()

        def task(journal: Journal, progress: Progress, cancelled: IsCancelled) -> object:
            return journal.preview_summary(
                start,
                end,
                sections,
                names,
                paper,
                dpi=PREVIEW_DPI,
                progress=progress,
                cancelled=cancelled,
            )

        self._run(self.tr("Laying out the pages…"), task, self._on_preview_ready)

    def _on_section_toggled(self, _checked: bool) -> None:
        self.refresh_safety_note()

    def _on_date_changed(self, _date: QDate) -> None:
        self.refresh_safety_note()

    def _on_preview_ready(self, pages: object) -> None:
        assert isinstance(pages, list)
        dialog = PagePreviewDialog(pages, self, note=self.safety_note)
        del pages  # the dialog holds the images until it closes, and no longer
        if dialog.exec() == SAVE:
            self._on_save_clicked()

    def _on_save_clicked(self) -> None:
        chosen = self._choose_summary()
        if chosen is None:
            return
        start, end, sections = chosen
        out = self._save_to(
            self.tr("Save the summary"),
            f"connection-journal-summary-{end.isoformat()}.pdf",
            self.tr("PDF documents (*.pdf)"),
        )
        if out is None:
            return
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        names, paper = self.names(), self.paper()

        def task(journal: Journal, progress: Progress, cancelled: IsCancelled) -> object:
            return journal.export_summary(
                out, start, end, sections, names, paper, progress=progress, cancelled=cancelled
            )

        self._run(self.tr("Making the PDF…"), task, self._on_summary_written)

    def _on_summary_written(self, out: object) -> None:
        self._message.show_message(self.tr("Summary saved to {path}.").format(path=out))
        self.summary_saved.emit(out)

    def _export(self, kind: str, suffix: str, filters: str) -> None:
        today = self._journal.today().isoformat()
        out = self._save_to(
            self.tr("Export the journal"), f"connection-journal-{today}{suffix}", filters
        )
        if out is None:
            return

        def task(journal: Journal, progress: Progress, cancelled: IsCancelled) -> object:
            # a cancel before the file is in place leaves any earlier file as it was
            export = journal.export_json if kind == "json" else journal.export_csv
            return export(out, cancelled=cancelled)

        self._run(self.tr("Exporting…"), task, self._on_export_written)

    def _on_export_json_clicked(self) -> None:
        self._export("json", ".json", self.tr("Connection Journal export (*.json)"))

    def _on_export_csv_clicked(self) -> None:
        self._export("csv", ".zip", self.tr("Zip of CSV files (*.zip)"))

    def _on_export_written(self, out: object) -> None:
        self._message.show_message(self.tr("Exported to {path}.").format(path=out))
        self.exported.emit(out)

    def _on_task_failed(self, error: object) -> None:
        calm = calm_error(error) if isinstance(error, BaseException) else None
        if calm is not None:  # the person's to act on, e.g. a full disk
            self._message.show_message(self.tr("Nothing was written: {reason}").format(reason=calm))
            return
        self._message.show_message(self.tr("Something went wrong and nothing was written."))
        if isinstance(error, BaseException):  # a bug: the app's handler logs it and says where
            sys.excepthook(type(error), error, error.__traceback__)

    def _on_task_cancelled(self) -> None:
        self._message.show_message(self.tr("Cancelled. Nothing was written."))

    def _on_task_ended(self) -> None:
        self._task = None
        self._set_busy(False)
