"""Importing a file from the Share page: the questions asked before anything is written.

The file's kind is told by its content (a Daylio backup renamed ``.zip`` is still one). A JSON
export into a journal that already has entries asks merge, replace (after a backup) or
cancel. A Daylio CSV or backup, or a Bearable CSV, opens its mapping dialog, which previews
what would come in and what would not. The import itself runs in a worker; it is validated
whole and written in one transaction, so a bad file or a Cancel writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from journal.domain.errors import JournalError
from journal.services import ImportOutcome, ImportPreview, Journal
from journal.ui.dialogs.daylio_import import DaylioImportDialog, MappingQuestions
from journal.ui.widgets.message_bar import MessageBar
from journal.ui.workers import Task, TaskThread

Run = Callable[[str, Task, Callable[[object], None]], TaskThread | None]


class ImportFlow(QObject):
    """Asks what it must, then runs the import with ``run`` (the page's worker).

    Signals:
        imported(): the journal changed.
    """

    imported = Signal()

    def __init__(self, page: QWidget, journal: Journal, run: Run, message: MessageBar) -> None:
        super().__init__(page)
        self._page = page
        self._journal = journal
        self._run = run
        self._message = message

    def start(self) -> None:
        """Ask for a file, then for what to do with it."""
        path, _filter = QFileDialog.getOpenFileName(
            self._page,
            self.tr("Import a file"),
            str(Path.home()),
            self.tr(
                "Files Connection Journal can import (*.json *.csv *.daylio *.zip);;"
                "Connection Journal export (*.json);;Daylio export or backup (*.csv "
                "*.daylio);;Bearable export (*.csv);;All files (*)"
            ),
        )
        if not path:
            return
        chosen = Path(path)
        kind = self._journal.detect_import(chosen)
        if kind is None:  # not told by content: the name decides which calm error is shown
            kind = {".json": "json", ".csv": "daylio", ".daylio": "daylio-backup"}.get(
                chosen.suffix.lower()
            )
        if kind == "json":
            self.import_json(chosen)
        elif kind in ("daylio", "daylio-backup", "bearable"):
            self.import_mapped(chosen, "bearable" if kind == "bearable" else "daylio")
        else:
            self._message.show_message(
                self.tr(
                    "This file cannot be imported: it is not a Connection Journal export (JSON), a "
                    "Daylio export (CSV) or backup (.daylio), or a Bearable export (CSV)."
                )
            )

    # --- JSON --------------------------------------------------------------------------------

    def import_json(self, path: Path) -> None:
        mode = "new" if self._journal.is_empty() else self.ask_mode()
        if mode is None:
            return

        def task(journal: Journal, _progress: object, cancelled: Callable[[], bool]) -> object:
            return journal.import_json(path, mode, cancelled=cancelled)

        self._run(self.tr("Importing…"), task, self._on_json_imported)

    def ask_mode(self) -> str | None:
        """ "merge", "replace" or ``None`` (cancel) for a journal that already has entries."""
        box = QMessageBox(self._page)
        box.setObjectName("import_mode")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Import"))
        box.setText(self.tr("This journal already has entries."))
        box.setInformativeText(
            self.tr(
                "Merge adds what is not there yet and keeps the journal's own version where the "
                "two differ. Replace makes a backup, then replaces everything with the file. "
                "Cancel writes nothing."
            )
        )
        merge = box.addButton(self.tr("Merge"), QMessageBox.ButtonRole.AcceptRole)
        merge.setObjectName("import_merge")
        replace = box.addButton(self.tr("Replace"), QMessageBox.ButtonRole.DestructiveRole)
        replace.setObjectName("import_replace")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setObjectName("import_cancel")
        box.setDefaultButton(merge)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        return "merge" if clicked is merge else "replace" if clicked is replace else None

    def _on_json_imported(self, outcome: object) -> None:
        assert isinstance(outcome, ImportOutcome)
        added = ", ".join(self._records(table, n) for table, n in outcome.added.items())
        text = (
            self.tr("Imported {added}.").format(added=added)
            if added
            else self.tr("Nothing new to import.")
        )
        if outcome.conflicts:
            conflicts = len(outcome.conflicts)
            text += " " + (
                self.tr("1 record differed; the journal's version was kept.")
                if conflicts == 1
                else self.tr("%Ln records differed; the journal's version was kept.", "", conflicts)
            )
        if outcome.backup:
            text += " " + self.tr("A backup was made first.")
        self._message.show_message(text)
        self.imported.emit()

    def _records(self, table: str, n: int) -> str:
        """ "1 person", "3 days": what an import added to ``table``, in words.

        The English singular is its own string (no English catalogue is shipped to choose
        between forms); the plural carries ``%Ln`` so a translator gives every plural form.
        """
        one, many = {
            "people": (self.tr("1 person"), self.tr("%Ln people", "", n)),
            "days": (self.tr("1 day"), self.tr("%Ln days", "", n)),
            "contacts": (self.tr("1 contact"), self.tr("%Ln contacts", "", n)),
            "sessions": (self.tr("1 session"), self.tr("%Ln sessions", "", n)),
            "medications": (self.tr("1 medication"), self.tr("%Ln medications", "", n)),
            "doses": (
                self.tr("1 dose taken or missed"),
                self.tr("%Ln doses taken or missed", "", n),
            ),
            "commitments": (self.tr("1 commitment"), self.tr("%Ln commitments", "", n)),
            "commitment_log": (
                self.tr("1 day of a commitment"),
                self.tr("%Ln days of commitments", "", n),
            ),
            "assessments": (self.tr("1 questionnaire"), self.tr("%Ln questionnaires", "", n)),
            "agenda": (self.tr("1 topic"), self.tr("%Ln topics", "", n)),
            "safety_plan": (self.tr("the safety plan"), self.tr("the safety plan")),
            "settings": (self.tr("the settings"), self.tr("the settings")),
        }.get(table, (f"1 {table}", f"{n} {table}"))
        return one if n == 1 else many

    # --- Daylio and Bearable ------------------------------------------------------------------

    def import_daylio(self, path: Path) -> None:
        self.import_mapped(path, "daylio")

    def import_mapped(self, path: Path, app: str) -> None:
        """Ask the mapping of a Daylio or Bearable file, then import it."""
        try:
            if app == "bearable":
                asked = self._journal.bearable_questions(path)
                questions = MappingQuestions(
                    app, activities=asked.factors, asks_mood_scale=asked.asks_mood_scale
                )
            else:
                read = self._journal.read_daylio(path)
                questions = MappingQuestions(app, read.suggested_moods(), read.activity_names())
        except JournalError as error:
            self._message.show_message(
                self.tr("This file cannot be imported: {reason}").format(reason=error)
            )
            return
        dialog = DaylioImportDialog(self._journal, path, questions, self._page)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        title = (
            self.tr("Importing from Bearable…")
            if app == "bearable"
            else self.tr("Importing from Daylio…")
        )
        done = self._on_bearable_imported if app == "bearable" else self._on_daylio_imported
        self._run(title, dialog.task(), done)

    def _on_daylio_imported(self, preview: object) -> None:
        assert isinstance(preview, ImportPreview)
        self._message.show_message(
            self.tr("Imported {days} and {contacts} from Daylio.").format(
                days=self._records("days", len(preview.days)),
                contacts=self._records("contacts", len(preview.contacts)),
            )
        )
        self.imported.emit()

    def _on_bearable_imported(self, preview: object) -> None:
        assert isinstance(preview, ImportPreview)
        self._message.show_message(
            self.tr("Imported {days} and {contacts} from Bearable.").format(
                days=self._records("days", len(preview.days)),
                contacts=self._records("contacts", len(preview.contacts)),
            )
        )
        self.imported.emit()
