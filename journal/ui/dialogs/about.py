"""Help dialogs: the keyboard shortcuts, and About (version, licences, credits, privacy) with
the full licence text."""

from __future__ import annotations

import re
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QKeySequence
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
from journal.desktop import licence_text
from journal.domain.questionnaires import QUESTIONNAIRES
from journal.ui import theme
from journal.ui.pages.checkins.questionnaire import tr_published

#: (keys, what they do) — the one list the Help dialog shows; the keys are written in the
#: platform's words (``QKeySequence``), what they do is translated in the context ``about``.
SHORTCUTS: tuple[tuple[str, str], ...] = (
    ("Ctrl+S", QT_TRANSLATE_NOOP("about", "Save the day's check-in")),
    ("Ctrl+N", QT_TRANSLATE_NOOP("about", "New contact (Today) or new person (People)")),
    ("Enter", QT_TRANSLATE_NOOP("about", "Add the contact typed in the quick-add row")),
    ("Ctrl+Z", QT_TRANSLATE_NOOP("about", "Undo deleting a contact")),
    ("Alt+Left / Alt+Right", QT_TRANSLATE_NOOP("about", "Previous / next day")),
    ("Ctrl+T", QT_TRANSLATE_NOOP("about", "Go to today")),
    ("Ctrl+F", QT_TRANSLATE_NOOP("about", "Search people")),
    ("F2", QT_TRANSLATE_NOOP("about", "Rename the selected person")),
    ("Enter / Esc", QT_TRANSLATE_NOOP("about", "Open the selected person's page / back to People")),
    ("0-5", QT_TRANSLATE_NOOP("about", "Answer the current questionnaire item")),
    ("Backspace", QT_TRANSLATE_NOOP("about", "Go back one questionnaire item")),
    ("F1", QT_TRANSLATE_NOOP("about", "Need help now: your safety plan and crisis lines")),
    ("Ctrl+1 … Ctrl+9", QT_TRANSLATE_NOOP("about", "Go to a page of the sidebar")),
    ("Ctrl+Q", QT_TRANSLATE_NOOP("about", "Quit (the day's changes are saved)")),
)

PRIVACY = QT_TRANSLATE_NOOP(
    "about",
    "Your journal stays on this computer. Connection Journal has no account, no cloud, "
    "no telemetry and no network code at all. You can encrypt the journal with a "
    "passphrase, it is backed up automatically in its own folder, and what you share "
    "with your therapist is only what you choose, names hidden unless you show them.",
)

#: (software, licence): names stay as they are; "public domain" is translated (``about``).
LICENCES = (
    ("Connection Journal", "GPL-3.0-or-later"),
    ("Qt for Python (PySide6)", "LGPL-3.0"),
    ("pyqtgraph", "MIT"),
    ("NumPy", "BSD-3-Clause"),
    ("sqlite-utils", "Apache-2.0"),
    ("platformdirs", "MIT"),
    ("SQLite", QT_TRANSLATE_NOOP("about", "public domain")),
    ("SQLCipher (sqlcipher3)", "BSD-3-Clause / zlib"),
)


#: Key names inside a line of the shortcuts table ("Ctrl+1 … Ctrl+9", "Alt+Left / Alt+Right").
_KEYS = re.compile(r"(?:(?:Ctrl|Alt|Shift)\+)+\w+|\b(?:Enter|Backspace|Esc|F\d+)\b")


def native_keys(keys: str) -> str:
    """``keys`` as the platform writes them, in the person's language ("Strg+S" in German)."""
    return _KEYS.sub(
        lambda found: QKeySequence(found.group(0)).toString(QKeySequence.SequenceFormat.NativeText),
        keys,
    )


def _html_list(entries: list[tuple[str, str]]) -> str:
    return "<ul>{}</ul>".format(
        "".join(f"<li>{escape(name)}: {escape(what)}</li>" for name, what in entries)
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
        table.setAccessibleDescription(self.tr("Keys, and what they do"))
        table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        table.verticalHeader().hide()
        for row, (keys, action) in enumerate(SHORTCUTS):
            table.setItem(row, 0, QTableWidgetItem(native_keys(keys)))
            table.setItem(row, 1, QTableWidgetItem(QCoreApplication.translate("about", action)))
        table.resizeColumnsToContents()
        table.resizeRowsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        # No grid: Fusion draws it from the colour a focused table's frame turns blue with
        # (theme.show_frame_focus); alternating rows keep each line easy to follow.
        table.setShowGrid(False)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._table = table
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Tall enough for every row (the last one was cut off), within the screen."""
        table = self._table
        rows = sum(table.rowHeight(row) for row in range(table.rowCount()))
        frame = table.frameWidth() * 2
        height = table.horizontalHeader().sizeHint().height() + rows + frame
        width = sum(table.columnWidth(c) for c in range(table.columnCount())) + frame + 24
        screen = self.screen().availableGeometry()
        table.setMinimumHeight(min(height, int(screen.height() * 0.75)))
        table.setMinimumWidth(min(max(width, 480), int(screen.width() * 0.9)))
        self.adjustSize()


class AboutDialog(QDialog):
    """Help → About: version, the privacy promise, licences and the questionnaires' credits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("About Connection Journal"))
        layout = QVBoxLayout(self)
        title = theme.as_heading(
            QLabel(self.tr("Connection Journal {version}").format(version=__version__), self)
        )
        layout.addWidget(title)
        text = QTextBrowser(self)
        text.setObjectName("about_text")
        text.setAccessibleName(self.tr("About Connection Journal"))
        text.setAccessibleDescription(
            self.tr("The privacy promise, the questionnaires' sources and the licences")
        )
        questionnaires_title = self.tr("Questionnaires")  # outside the f-string: lupdate
        licences_title = self.tr("Licences")  # does not look inside one
        licences = [
            (name, QCoreApplication.translate("about", licence)) for name, licence in LICENCES
        ]
        credits = [(tr_published(q.title), tr_published(q.credit)) for q in QUESTIONNAIRES.values()]
        scores = self.tr(
            "The app reports scores and the published band names; it does not "
            "diagnose. Talk with your care team about what they mean for you."
        )
        privacy = QCoreApplication.translate("about", PRIVACY)
        # translations are text: escaped, so an "&" or "<" in one cannot break the page
        text.setHtml(
            f"<p>{escape(privacy)}</p>"
            f"<h3>{escape(questionnaires_title)}</h3>{_html_list(credits)}<p>{escape(scores)}</p>"
            f"<h3>{escape(licences_title)}</h3>{_html_list(licences)}"
        )
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        licence = buttons.addButton(self.tr("Licence…"), QDialogButtonBox.ButtonRole.ActionRole)
        licence.setObjectName("about_licence")
        licence.setAccessibleName(self.tr("Licence"))
        licence.setAccessibleDescription(
            self.tr("The full text of the GNU General Public License, version 3")
        )
        licence.clicked.connect(lambda: LicenceDialog(self).exec())
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(600, 520)


class LicenceDialog(QDialog):
    """About → Licence: the GPL-3.0 text installed with the app, word for word."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("licence_dialog")
        self.setWindowTitle(self.tr("Licence"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Connection Journal is free software: you can redistribute it and/or modify it "
                    "under the terms of the GNU General Public License, version 3 or (at your "
                    "option) any later version."
                ),
                self,
                wordWrap=True,
            )
        )
        text = QTextBrowser(self)
        text.setObjectName("licence_text")
        text.setAccessibleName(self.tr("Licence"))
        text.setAccessibleDescription(
            self.tr("The full text of the GNU General Public License, version 3")
        )
        text.setLineWrapMode(QTextBrowser.LineWrapMode.NoWrap)
        # the licence is not translated: its English text is the one that has legal force
        text.setPlainText(
            licence_text()
            or self.tr(
                "The licence file was not found with this installation; the GNU General Public "
                "License, version 3, is at https://www.gnu.org/licenses/gpl-3.0.html."
            )
        )
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 560)
