"""Help dialogs: the keyboard shortcuts, and About (version, licences, credits, privacy)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from journal import __version__
from journal.domain.questionnaires import QUESTIONNAIRES

#: (keys, what they do) — the one list the Help dialog shows.
SHORTCUTS: tuple[tuple[str, str], ...] = (
    ("Ctrl+S", "Save the day's check-in"),
    ("Ctrl+N", "New contact (Today) or new person (People)"),
    ("Enter", "Add the contact typed in the quick-add row"),
    ("Ctrl+Z", "Undo deleting a contact"),
    ("Alt+Left / Alt+Right", "Previous / next day"),
    ("Ctrl+T", "Go to today"),
    ("Ctrl+F", "Search people"),
    ("F2", "Rename the selected person"),
    ("0-5", "Answer the current questionnaire item"),
    ("Backspace", "Go back one questionnaire item"),
    ("F1", "Need help now: your safety plan and crisis lines"),
    ("Ctrl+1 … Ctrl+9", "Go to a page of the sidebar"),
    ("Ctrl+Q", "Quit (the day's changes are saved)"),
)

PRIVACY = ("Your journal stays on this computer. Connection Journal has no account, no cloud, "
           "no telemetry and no network code at all. You can encrypt the journal with a "
           "passphrase, it is backed up automatically in its own folder, and what you share "
           "with your therapist is only what you choose, names hidden unless you show them.")

LICENCES = (
    ("Connection Journal", "GPL-3.0-or-later"),
    ("Qt for Python (PySide6)", "LGPL-3.0"),
    ("pyqtgraph", "MIT"),
    ("NumPy", "BSD-3-Clause"),
    ("sqlite-utils", "Apache-2.0"),
    ("platformdirs", "MIT"),
    ("SQLite", "public domain"),
    ("SQLCipher (sqlcipher3)", "BSD-3-Clause / zlib"),
)


class ShortcutsDialog(QDialog):
    """Help → Keyboard shortcuts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        table = QTableWidget(len(SHORTCUTS), 2, self)
        table.setObjectName("shortcuts")
        table.setAccessibleName(self.tr("Keyboard shortcuts"))
        table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        table.verticalHeader().hide()
        for row, (keys, action) in enumerate(SHORTCUTS):
            table.setItem(row, 0, QTableWidgetItem(keys))
            table.setItem(row, 1, QTableWidgetItem(self.tr(action)))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 440)


class AboutDialog(QDialog):
    """Help → About: version, the privacy promise, licences and the questionnaires' credits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("About Connection Journal"))
        layout = QVBoxLayout(self)
        title = QLabel(f"<h2>Connection Journal {__version__}</h2>", self)
        layout.addWidget(title)
        text = QTextBrowser(self)
        text.setObjectName("about_text")
        text.setAccessibleName(self.tr("About Connection Journal"))
        licences = "".join(f"<li>{name}: {licence}</li>" for name, licence in LICENCES)
        credits = "".join(f"<li>{q.title}: {q.credit}</li>" for q in QUESTIONNAIRES.values())
        scores = self.tr("The app reports scores and the published band names; it does not "
                         "diagnose. Talk with your care team about what they mean for you.")
        text.setHtml(
            f"<p>{self.tr(PRIVACY)}</p>"
            f"<h3>{self.tr('Questionnaires')}</h3><ul>{credits}</ul><p>{scores}</p>"
            f"<h3>{self.tr('Licences')}</h3><ul>{licences}</ul>")
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(600, 520)
