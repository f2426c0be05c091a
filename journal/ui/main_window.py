"""The journal's one window: a sidebar of pages beside the page shown, and a status bar."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QByteArray, QLocale, QSize, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from journal.domain.errors import JournalError
from journal.reminders import INVITATION, reminder_due
from journal.services import Journal
from journal.ui.dialogs.about import AboutDialog, ShortcutsDialog
from journal.ui.dialogs.crisis_dialog import CrisisDialog
from journal.ui.pages.checkins import CheckinsPage
from journal.ui.pages.insights import InsightsPage
from journal.ui.pages.people import PeoplePage
from journal.ui.pages.safety_plan import SafetyPlanPage
from journal.ui.pages.settings import SettingsPage
from journal.ui.pages.share import SharePage
from journal.ui.pages.today import TodayPage
from journal.ui.pages.today_treatment import TodayTreatmentPanel
from journal.ui.pages.treatment import TreatmentPage
from journal.ui.pages.trends import TrendsPage
from journal.ui.widgets.message_bar import MessageBar

log = logging.getLogger(__name__)

#: The size of a first window, before the person has resized it.
DEFAULT_SIZE = QSize(1000, 700)
#: How long a passing message ("Saved") stays in the status bar.
MESSAGE_MS = 4000
#: How often the daily reminder is looked at while the app runs.
REMINDER_CHECK_MS = 30_000


class MainWindow(QMainWindow):
    """The window around an open ``Journal``, which it closes when it is closed.

    Closing first lets the Today page deal with unsaved edits (it may refuse, and the window
    then stays open), then remembers the window's geometry in the journal's settings.

    Signals: none of its own; it reports the pages' signals (``day_saved``) in the status bar.
    """

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self._closed = False
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("Connection Journal"))

        self._sidebar = QListWidget(objectName="pages")
        self._sidebar.setAccessibleName(self.tr("Pages"))
        self._sidebar.setFrameShape(QFrame.Shape.NoFrame)
        self._sidebar.setSpacing(4)  # room around each page's name, without a style sheet
        self._stack = QStackedWidget(objectName="page_stack")
        self._today_page = TodayPage(journal)
        self._treatment_panel = TodayTreatmentPanel(journal)
        self._today_page.add_panel(self._treatment_panel)
        self._people_page = PeoplePage(journal)
        self._treatment_page = TreatmentPage(journal)
        self._checkins_page = CheckinsPage(journal)
        self._trends_page = TrendsPage(journal)
        self._insights_page = InsightsPage(journal)
        self._share_page = SharePage(journal)
        self._safety_plan_page = SafetyPlanPage(journal)
        self._settings_page = SettingsPage(journal)
        for page, title in (
            (self._today_page, self.tr("Today")),
            (self._people_page, self.tr("People")),
            (self._treatment_page, self.tr("Treatment")),
            (self._checkins_page, self.tr("Check-ins")),
            (self._trends_page, self.tr("Trends")),
            (self._insights_page, self.tr("Insights")),
            (self._share_page, self.tr("Share")),
            (self._safety_plan_page, self.tr("Safety plan")),
            (self._settings_page, self.tr("Settings")),
        ):
            self._add_page(page, title)
        self._seen_changes = {id(page): journal.changes() for page in self._pages()}
        self._need_help = self._need_help_button()
        self._help_dialog: CrisisDialog | None = None
        self._sidebar.setCurrentRow(0)
        width = max(self._sidebar.sizeHintForColumn(0), self.fontMetrics().averageCharWidth() * 12)
        self._sidebar.setFixedWidth(max(width + 32, self._need_help.sizeHint().width() + 16))

        central = QWidget(objectName="central")
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._side_column())
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        self._reminder = MessageBar()
        self._reminder.setObjectName("reminder_bar")
        right.addWidget(self._reminder)
        right.addWidget(self._stack, 1)
        layout.addLayout(right, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self._reminded_on: dt.date | None = None
        self._reminder_timer = QTimer(self, interval=REMINDER_CHECK_MS)
        self._reminder_timer.timeout.connect(self.check_reminder)
        self._reminder_timer.start()
        self.statusBar().setObjectName("status")

        self._sidebar.currentRowChanged.connect(self._on_sidebar_current_row_changed)
        self._today_page.day_saved.connect(self._on_today_page_day_saved)
        self._need_help.clicked.connect(self._on_need_help_clicked)
        self._share_page.data_imported.connect(self._on_share_page_data_imported)
        self._settings_page.data_replaced.connect(self._on_settings_page_data_replaced)
        self._treatment_panel.treatment_changed.connect(self._on_treatment_panel_changed)
        self._treatment_page.treatment_changed.connect(self._on_treatment_page_changed)
        self._reminder.action_triggered.connect(self._on_reminder_action_triggered)
        self._restore_geometry()

    @property
    def journal(self) -> Journal:
        return self._journal

    @property
    def today_page(self) -> TodayPage:
        return self._today_page

    @property
    def treatment_panel(self) -> TodayTreatmentPanel:
        return self._treatment_panel

    @property
    def checkins_page(self) -> CheckinsPage:
        return self._checkins_page

    @property
    def safety_plan_page(self) -> SafetyPlanPage:
        return self._safety_plan_page

    @property
    def share_page(self) -> SharePage:
        return self._share_page

    def _need_help_button(self) -> QPushButton:
        """Always visible below the pages: the safety plan's contacts and crisis lines (F1)."""
        button = QPushButton(self.tr("Need help now"), objectName="need_help")
        button.setAccessibleName(self.tr("Need help now: your contacts and crisis lines"))
        button.setToolTip(self.tr("Your safety plan's contacts and crisis lines (F1)"))
        button.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        font = button.font()
        font.setBold(True)
        button.setFont(font)
        button.setMinimumHeight(button.fontMetrics().lineSpacing() * 2)
        return button

    def _side_column(self) -> QWidget:
        side = QWidget(objectName="side")
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 8)
        column.addWidget(self._sidebar, 1)
        column.addSpacing(8)
        row = QHBoxLayout()
        row.setContentsMargins(8, 0, 8, 0)
        row.addWidget(self._need_help)
        column.addLayout(row)
        return side

    def _pages(self) -> list[QWidget]:
        return [self._stack.widget(i) for i in range(self._stack.count())]

    def show_page(self, page: QWidget) -> None:
        """Bring ``page`` to the front, as choosing it in the sidebar does."""
        self._sidebar.setCurrentRow(self._stack.indexOf(page))

    def _build_menus(self) -> None:
        journal_menu = self.menuBar().addMenu(self.tr("&Journal"))
        go = journal_menu.addMenu(self.tr("&Go to"))
        for index, page in enumerate(self._pages()[:9]):
            action = go.addAction(self._sidebar.item(index).text())
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, p=page: self.show_page(p))
        journal_menu.addSeparator()
        quit_action = journal_menu.addAction(self.tr("&Quit"))
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.setObjectName("quit")
        quit_action.triggered.connect(self.close)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        shortcuts = QAction(self.tr("&Keyboard shortcuts"), self, objectName="show_shortcuts")
        shortcuts.triggered.connect(lambda: ShortcutsDialog(self).exec())
        about = QAction(self.tr("&About Connection Journal"), self, objectName="show_about")
        about.triggered.connect(lambda: AboutDialog(self).exec())
        help_menu.addAction(shortcuts)
        help_menu.addAction(about)

    def _add_page(self, page: QWidget, title: str) -> None:
        item = QListWidgetItem(title)
        item.setSizeHint(QSize(0, self.fontMetrics().lineSpacing() * 2))
        item.setToolTip(title)
        self._sidebar.addItem(item)
        self._stack.addWidget(page)

    # --- geometry ----------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        saved = self._journal.settings().window_geometry
        if saved and self.restoreGeometry(QByteArray.fromHex(saved.encode("ascii"))):
            return
        self.resize(DEFAULT_SIZE)

    def _save_geometry(self) -> None:
        geometry = bytes(self.saveGeometry().toHex().data()).decode("ascii")
        try:
            self._journal.update_settings(window_geometry=geometry)
        except JournalError:  # only a convenience: the person's entries are already safe
            log.warning("could not remember the window's size", exc_info=True)

    # --- events and slots --------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed:
            event.accept()
            return
        if not self._today_page.commit_pending():
            event.ignore()
            return
        if not self._safety_plan_page.commit_pending():  # its message says why, on the page
            self._stack.setCurrentWidget(self._safety_plan_page)
            self._sidebar.setCurrentRow(self._stack.currentIndex())
            event.ignore()
            return
        self._save_geometry()
        self._journal.close()
        self._closed = True
        event.accept()

    def _on_sidebar_current_row_changed(self, row: int) -> None:
        if row < 0:
            return
        page = self._stack.widget(row)
        if page is not self._today_page:  # Today keeps its typing; it reloads only on replace
            self._sync(page)
        self._stack.setCurrentIndex(row)

    def _sync(self, page: QWidget) -> None:
        """Let a page catch up when the journal changed since it last showed it."""
        changes = self._journal.changes()
        if self._seen_changes.get(id(page)) == changes:
            return
        self._seen_changes[id(page)] = changes
        for name in ("invalidate", "refresh"):
            method = getattr(page, name, None)
            if callable(method):
                method()
                return

    def _reload_everything(self) -> None:
        """After an import or a restore: every page shows the journal's new contents."""
        self._today_page.reload()
        self._treatment_panel.refresh()
        for page in self._pages():
            if page is not self._today_page:
                self._seen_changes[id(page)] = -1
        self._sync(self._stack.currentWidget())

    def check_reminder(self) -> bool:
        """Show the daily invitation when it is due; True when it was shown."""
        now = self._journal.now()
        due = reminder_due(now, self._journal.settings().reminder_time,
                           checked_in_today=self._journal.day(now.date()) is not None,
                           last_shown=self._reminded_on)
        if not due:
            return False
        self._reminded_on = now.date()
        text = self.tr(INVITATION)
        self._reminder.show_message(text, action="checkin", action_text=self.tr("Check in"))
        if QSystemTrayIcon.isSystemTrayAvailable():
            tray = QSystemTrayIcon(self.windowIcon(), self)
            tray.show()
            tray.showMessage(self.tr("Connection Journal"), text)
        return True

    def _on_reminder_action_triggered(self, action: str) -> None:
        if action == "checkin":
            self.show_page(self._today_page)
            self._today_page.show_day(self._journal.today())

    def _on_treatment_panel_changed(self) -> None:
        self._treatment_page.refresh()

    def _on_treatment_page_changed(self) -> None:
        self._treatment_panel.refresh()

    def _on_settings_page_data_replaced(self) -> None:
        self.statusBar().showMessage(self.tr("The backup was restored"), MESSAGE_MS)
        self._reload_everything()

    def _on_need_help_clicked(self) -> None:
        if self._help_dialog is None or not self._help_dialog.isVisible():
            info = self._journal.crisis_info(QLocale().name())
            self._help_dialog = CrisisDialog(info, after_item9=False, parent=self)
        self._help_dialog.show()
        self._help_dialog.raise_()
        self._help_dialog.activateWindow()

    def _on_share_page_data_imported(self) -> None:
        self.statusBar().showMessage(self.tr("Imported into the journal"), MESSAGE_MS)
        self._reload_everything()

    def _on_today_page_day_saved(self, date: dt.date) -> None:
        self.statusBar().showMessage(
            self.tr("Saved the check-in of {date}").format(date=date.isoformat()), MESSAGE_MS
        )
