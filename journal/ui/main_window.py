"""The journal's one window: a sidebar of pages beside the page shown, and a status bar."""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import linecache
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, QLocale, QSize, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from journal import paths
from journal.domain.errors import JournalError
from journal.domain.reminders import INVITATION, reminder_due
from journal.i18n import format_date
from journal.services import Journal
from journal.ui.dialogs.about import AboutDialog, ShortcutsDialog
from journal.ui.idle_lock import IdleLock
from journal.ui.pages.today.been_a_while import BeenAWhile
from journal.ui.pages.today.page import TodayPage
from journal.ui.pages.today.treatment import TodayTreatmentPanel
from journal.ui.widgets.demo_banner import demo_banner
from journal.ui.widgets.message_bar import MessageBar
from journal.ui.widgets.welcome import WelcomePanel

if TYPE_CHECKING:
    from journal.ui.dialogs.crisis_dialog import CrisisDialog
    from journal.ui.workers import TaskThread

log = logging.getLogger(__name__)

#: The sidebar: (key, title, module, class); titles are translated where shown (context
#: ``MainWindow``). Pages other than Today are built the first time
#: they are shown, so the window is interactive sooner and holds only what was opened.
PAGES: tuple[tuple[str, str, str, str], ...] = (
    ("today", QT_TRANSLATE_NOOP("MainWindow", "Today"), "journal.ui.pages.today.page", "TodayPage"),
    (
        "people",
        QT_TRANSLATE_NOOP("MainWindow", "People"),
        "journal.ui.pages.people.page",
        "PeoplePage",
    ),
    (
        "treatment",
        QT_TRANSLATE_NOOP("MainWindow", "Treatment"),
        "journal.ui.pages.treatment.page",
        "TreatmentPage",
    ),
    (
        "checkins",
        QT_TRANSLATE_NOOP("MainWindow", "Check-ins"),
        "journal.ui.pages.checkins.page",
        "CheckinsPage",
    ),
    ("trends", QT_TRANSLATE_NOOP("MainWindow", "Trends"), "journal.ui.pages.trends", "TrendsPage"),
    (
        "insights",
        QT_TRANSLATE_NOOP("MainWindow", "Insights"),
        "journal.ui.pages.insights",
        "InsightsPage",
    ),
    ("share", QT_TRANSLATE_NOOP("MainWindow", "Share"), "journal.ui.pages.share.page", "SharePage"),
    (
        "safety_plan",
        QT_TRANSLATE_NOOP("MainWindow", "Safety plan"),
        "journal.ui.pages.safety_plan",
        "SafetyPlanPage",
    ),
    (
        "settings",
        QT_TRANSLATE_NOOP("MainWindow", "Settings"),
        "journal.ui.pages.settings",
        "SettingsPage",
    ),
)

#: The size of a first window, before the person has resized it.
#: The first window: wide enough for the check-in and the day's contacts side by side, and never
#: larger than the part of the screen the desktop leaves free.
DEFAULT_SIZE = QSize(1240, 780)
#: How long a passing message ("Saved") stays in the status bar.
MESSAGE_MS = 4000
#: How often the daily reminder is looked at while the app runs.
REMINDER_CHECK_MS = 30_000


def release_import_sources() -> None:
    """Drop the source lines Qt for Python read while modules were imported.

    PySide6 looks into every module imported after it (``inspect.getsource``, for its
    ``__feature__`` switches), which leaves the whole source of numpy, pyqtgraph and the
    journal's pages in ``linecache``: some 10 MB after every page, never used again (a
    traceback reads the lines it needs again).
    """
    linecache.clearcache()


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
        self._is_demo = paths.is_demo_dir(journal.data_dir)
        self.setWindowTitle(
            self.tr("Demo journal — Connection Journal")
            if self._is_demo
            else self.tr("Connection Journal")
        )

        self._sidebar = QListWidget(objectName="pages")
        self._sidebar.setAccessibleName(self.tr("Pages"))
        self._sidebar.setAccessibleDescription(self.tr("Ctrl+1 to Ctrl+9 go to a page directly"))
        self._sidebar.setSpacing(4)  # room around each page's name, without a style sheet
        self._stack = QStackedWidget(objectName="page_stack")
        self._today_page = TodayPage(journal)
        self._treatment_panel = TodayTreatmentPanel(journal)
        self._while = BeenAWhile(journal)
        self._today_page.add_panel(self._while)  # under the contacts, above treatment
        self._today_page.add_panel(self._treatment_panel)
        self._built: dict[str, QWidget] = {"today": self._today_page}
        titles = {
            key: QCoreApplication.translate("MainWindow", title)
            for key, title, _module, _name in PAGES
        }
        for key, _title, _module, _name in PAGES:
            self._add_page(self._today_page if key == "today" else QWidget(), titles[key])
        self._seen_changes: dict[str, int] = {}
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
        if self._is_demo:
            right.addWidget(demo_banner())
        self._welcome: WelcomePanel | None = None
        self._welcomed = False  # set once the person started or saved a first check-in
        if not self._is_demo and journal.is_empty():
            self._welcome = WelcomePanel(journal)
            self._welcome.started.connect(self._on_welcome_started)
            right.addWidget(self._welcome)
        right.addWidget(self._stack, 1)
        layout.addLayout(right, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self._reminded_on: dt.date | None = None
        self._reminder_timer = QTimer(self, interval=REMINDER_CHECK_MS)
        self._reminder_timer.timeout.connect(self.check_reminder)
        self._reminder_timer.start()
        self._idle_lock = IdleLock(journal, self)  # with a passphrase: locks when left alone
        self.statusBar().setObjectName("status")

        self._sidebar.currentRowChanged.connect(self._on_sidebar_current_row_changed)
        self._today_page.day_saved.connect(self._on_today_page_day_saved)
        self._need_help.clicked.connect(self._on_need_help_clicked)
        self._treatment_panel.treatment_changed.connect(self._on_treatment_panel_changed)
        self._reminder.action_triggered.connect(self._on_reminder_action_triggered)
        self._restore_geometry()
        self._item9_dialog: CrisisDialog | None = None
        self._backup_thread: TaskThread | None = None  # while the daily backup runs
        self._backup_begun = False
        QTimer.singleShot(0, self.offer_item9_message)  # once the window is up

    @property
    def journal(self) -> Journal:
        return self._journal

    @property
    def is_demo(self) -> bool:
        """True when the journal shown is the generated demo (see ``paths.is_demo_dir``)."""
        return self._is_demo

    @property
    def idle_lock(self) -> IdleLock:
        return self._idle_lock

    @property
    def today_page(self) -> TodayPage:
        return self._today_page

    @property
    def treatment_panel(self) -> TodayTreatmentPanel:
        return self._treatment_panel

    def page(self, key: str) -> Any:
        """The page called ``key`` (see ``PAGES``), built on first use."""
        if key in self._built:
            return self._built[key]
        index = [k for k, *_ in PAGES].index(key)
        _key, _title, module, name = PAGES[index]
        page = getattr(importlib.import_module(module), name)(self._journal)
        release_import_sources()
        placeholder = self._stack.widget(index)
        self._stack.insertWidget(index, page)
        self._stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self._built[key] = page
        self._seen_changes[key] = self._journal.changes()
        if key == "share":
            page.data_imported.connect(self._on_share_page_data_imported)
        elif key == "settings":
            page.data_replaced.connect(self._on_settings_page_data_replaced)
            page.lock_after_changed.connect(self._idle_lock.set_minutes)
        elif key == "treatment":
            page.treatment_changed.connect(self._on_treatment_page_changed)
        elif key == "trends":  # a day clicked in the year in pixels opens on Today
            page.day_requested.connect(self._on_trends_page_day_requested)
        return page

    @property
    def checkins_page(self) -> Any:
        return self.page("checkins")

    @property
    def safety_plan_page(self) -> Any:
        return self.page("safety_plan")

    @property
    def share_page(self) -> Any:
        return self.page("share")

    @property
    def insights_page(self) -> Any:
        return self.page("insights")

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

    def show_page(self, page: QWidget | str) -> None:
        """Bring a page (or the page called ``key``) to the front, as the sidebar does."""
        key = (
            page
            if isinstance(page, str)
            else next(k for k, built in self._built.items() if built is page)
        )
        self._sidebar.setCurrentRow([k for k, *_ in PAGES].index(key))

    def _build_menus(self) -> None:
        journal_menu = self.menuBar().addMenu(self.tr("&Journal"))
        go = journal_menu.addMenu(self.tr("&Go to"))
        for index, (key, *_rest) in enumerate(PAGES[:9]):
            action = go.addAction(self._sidebar.item(index).text())
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, k=key: self.show_page(k))
        journal_menu.addSeparator()
        quit_action = journal_menu.addAction(self.tr("&Quit"))
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.setObjectName("quit")
        quit_action.triggered.connect(self.close)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        shortcuts = QAction(self.tr("&Keyboard shortcuts"), self, objectName="show_shortcuts")
        shortcuts.triggered.connect(self._on_shortcuts_triggered)
        about = QAction(self.tr("&About Connection Journal"), self, objectName="show_about")
        about.triggered.connect(self._on_about_triggered)
        help_menu.addAction(shortcuts)
        help_menu.addAction(about)

    def _on_shortcuts_triggered(self) -> None:
        ShortcutsDialog(self).exec()

    def _on_about_triggered(self) -> None:
        AboutDialog(self).exec()

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
        screen = self.screen().availableGeometry().size() if self.screen() else DEFAULT_SIZE
        self.resize(DEFAULT_SIZE.boundedTo(screen))  # available: the desktop's bars left out

    def _save_geometry(self) -> None:
        geometry = bytes(self.saveGeometry().toHex().data()).decode("ascii")
        try:
            self._journal.update_settings(window_geometry=geometry)
        except JournalError:  # only a convenience: the person's entries are already safe
            log.warning("could not remember the window's size", exc_info=True)

    # --- the daily backup ----------------------------------------------------------------------

    def begin_daily_backup(self) -> TaskThread | None:
        """Make the day's first backup, if none was made today, in a thread of its own.

        The app calls it once the window has painted (the journal is opened with
        ``daily_backup=False``): the copy and its check then neither delay the start nor
        block a save (its own connection reads one snapshot; WAL lets the Today page write
        meanwhile). A failure is said calmly; the next start tries again.
        """
        if self._backup_begun or self._closed or self._journal.data_dir is None:
            return self._backup_thread
        from journal.ui.workers import TaskThread, daily_backup

        self._backup_begun = True
        thread = TaskThread(self._journal, daily_backup, full_check=False)
        thread.failed.connect(self._on_daily_backup_failed)
        thread.finished.connect(self._on_daily_backup_finished)
        self._backup_thread = thread
        thread.begin()
        return thread

    def _on_daily_backup_finished(self) -> None:
        self._backup_thread = None  # the thread deletes itself

    def _finish_daily_backup(self) -> None:
        """At close: let a backup under way end before the journal's lock is released."""
        if self._backup_thread is not None:
            with contextlib.suppress(RuntimeError):  # it ended and was deleted already
                self._backup_thread.wait()

    def _on_daily_backup_failed(self, error: BaseException) -> None:
        from journal.domain.errors import JournalDamaged

        if not isinstance(error, JournalError):
            raise error  # a bug: the app's handler logs it and says so calmly
        log.warning("the daily backup could not be made")  # the reason may name a file
        if isinstance(error, JournalDamaged):  # rows breaking the journal's rules
            box = QMessageBox(self, objectName="daily_backup_damaged")
            box.setIcon(QMessageBox.Icon.Information)
            box.setWindowTitle(self.tr("Connection Journal"))
            box.setText(self.tr("Today's backup was not made."))
            box.setInformativeText(str(error))
            box.setStandardButtons(QMessageBox.StandardButton.Close)
            box.open()
            return
        self.statusBar().showMessage(
            self.tr(
                "Today's backup could not be made: {reason} It will be tried again at the next "
                "start."
            ).format(reason=str(error).rstrip())
        )

    # --- events and slots --------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed:
            event.accept()
            return
        try:
            pending_saved = self._today_page.commit_pending()
        except Exception:  # a bug: the window stays open with what is typed; the app's
            event.ignore()  # handler logs it and says so calmly
            raise
        if not pending_saved:
            event.ignore()
            return
        people = self._built.get("people")
        if people is not None and not people.commit_pending():  # a person's note, a number
            self.show_page("people")
            event.ignore()
            return
        plan = self._built.get("safety_plan")
        if plan is not None and not plan.commit_pending():  # its message says why, on the page
            self.show_page("safety_plan")
            event.ignore()
            return
        self._save_geometry()
        self._idle_lock.stop()
        self._finish_daily_backup()
        self._journal.close()
        self._closed = True
        event.accept()

    def _on_sidebar_current_row_changed(self, row: int) -> None:
        if row < 0:
            return
        key = PAGES[row][0]
        page = self.page(key)
        if key != "today":  # Today keeps its typing; it reloads only when data is replaced
            self._sync(key, page)
        else:
            self._while.refresh()  # a wish may have been set on a person's page meanwhile
        if self._welcome is not None and not self._welcomed:  # the welcome belongs to Today
            self._welcome.setVisible(key == "today")
        self._stack.setCurrentWidget(page)

    def _sync(self, key: str, page: QWidget) -> None:
        """Let a page catch up when the journal changed since it last showed it."""
        changes = self._journal.changes()
        if self._seen_changes.get(key) == changes:
            return
        self._seen_changes[key] = changes
        for name in ("invalidate", "refresh"):
            method = getattr(page, name, None)
            if callable(method):
                method()
                return

    def _reload_everything(self) -> None:
        """After an import or a restore: every page shows the journal's new contents."""
        self._today_page.reload()
        self._treatment_panel.refresh()
        for key in self._built:
            self._seen_changes[key] = -1
        current = PAGES[self._sidebar.currentRow()][0]
        if current != "today":
            self._sync(current, self._built[current])

    def check_reminder(self) -> bool:
        """Show the daily invitation when it is due; True when it was shown."""
        now, today, settings = self._journal.now(), self._journal.today(), self._journal.settings()
        due = reminder_due(
            now,
            settings.reminder_time,
            checked_in_today=self._journal.day(today) is not None,
            last_shown=self._reminded_on,
            day_starts_at=settings.day_starts_at,
        )
        if not due:
            return False
        self._reminded_on = today
        text = QCoreApplication.translate("reminders", INVITATION)  # marked so in the core
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
        if "treatment" in self._built:
            self._built["treatment"].refresh()

    def _on_treatment_page_changed(self) -> None:
        self._treatment_panel.refresh()

    def _on_settings_page_data_replaced(self) -> None:
        self.statusBar().showMessage(self.tr("The backup was restored"), MESSAGE_MS)
        self._reload_everything()
        self.offer_item9_message()

    def _on_need_help_clicked(self) -> None:
        from journal.ui.dialogs.crisis_dialog import CrisisDialog

        if self._help_dialog is None or not self._help_dialog.isVisible():
            info = self._journal.crisis_info(QLocale().name())
            self._help_dialog = CrisisDialog(info, after_item9=False, parent=self)
        self._help_dialog.show()
        self._help_dialog.raise_()
        self._help_dialog.activateWindow()

    def _on_share_page_data_imported(self) -> None:
        self.statusBar().showMessage(self.tr("Imported into the journal"), MESSAGE_MS)
        self._reload_everything()
        self.offer_item9_message()

    def offer_item9_message(self) -> CrisisDialog | None:
        """A recent PHQ-9 with item 9 above 0 that came in by an import or a restore (not
        through the form, which shows it at once) shows the crisis message, once each."""
        from journal.ui.dialogs.crisis_dialog import CrisisDialog

        if self._closed or not self._journal.is_open:
            return None
        try:
            item = self._journal.unseen_item9_answer()
            if item is None:
                return None
            self._journal.item9_message_shown(item)
        except JournalError:
            return None
        dialog = CrisisDialog(
            self._journal.crisis_info(QLocale().name()), after_item9=True, parent=self
        )
        dialog.open()  # window-modal, and the window stays usable behind it once read
        self._item9_dialog = dialog
        return dialog

    def _on_welcome_started(self) -> None:
        self._welcomed = True
        self.show_page(self._today_page)
        self._today_page.setFocus()
        self._today_page.focusNextChild()  # the first control of the check-in

    def _on_trends_page_day_requested(self, date: dt.date) -> None:
        self.show_page(self._today_page)
        self._today_page.show_day(date)

    def _on_today_page_day_saved(self, date: dt.date) -> None:
        self._while.refresh()
        if self._welcome is not None:  # the first check-in is in: the welcome has done its job
            self._welcomed = True
            self._welcome.hide()
        self.statusBar().showMessage(
            self.tr("Saved the check-in of {date}").format(date=format_date(date)), MESSAGE_MS
        )
