"""The journal's one window: a sidebar of pages beside the page shown, and a status bar."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QProxyStyle,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from journal import paths
from journal.domain.errors import JournalError
from journal.domain.reminders import INVITATION, reminder_due
from journal.i18n import format_date
from journal.services import Journal
from journal.ui.daily_backup import DailyBackup
from journal.ui.geometry import restore_geometry, save_geometry
from journal.ui.idle_lock import IdleLock
from journal.ui.menus import build_menus
from journal.ui.pages.today.been_a_while import BeenAWhile
from journal.ui.pages.today.page import TodayPage
from journal.ui.pages.today.treatment import TodayTreatmentPanel
from journal.ui.sidebar import TODAY, Pages
from journal.ui.widgets.message_bar import MessageBar

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleHintReturn, QStyleOption

    from journal.ui.dialogs.crisis_dialog import CrisisDialog
    from journal.ui.widgets.welcome import WelcomePanel
    from journal.ui.workers import TaskThread

#: How long a passing message ("Saved") stays in the status bar.
MESSAGE_MS = 4000
#: How often the daily reminder is looked at while the app runs.
REMINDER_CHECK_MS = 30_000


class _PlacedAtOnce(QProxyStyle):
    """Fusion, as the whole app, for the central widget alone, except that it asks for no
    animation: the main window then gives it its place at once.

    With Qt's default the main window's layout places its central widget through a
    zero-length animation at the first layout, which starts Qt's animation timer; that timer's
    first event reaching the app's event filter makes PySide create the Python class of every
    Qt widget class (about ninety, 10-15 ms of a start). The window has no dock widgets or
    tool bars, the only things the main window animates, so nothing on screen changes. Only
    this widget uses the style (a widget's style is not passed on to its children).
    """

    def __init__(self) -> None:
        super().__init__("Fusion")  # the app's style (``theme.apply_theme``)

    def styleHint(
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        returnData: QStyleHintReturn | None = None,
    ) -> int:
        if hint == QStyle.StyleHint.SH_Widget_Animation_Duration:
            return 0
        return super().styleHint(hint, option, widget, returnData)


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

        self._today_page = TodayPage(journal)
        self._treatment_panel = TodayTreatmentPanel(journal)
        self._while = BeenAWhile(journal)
        self._today_page.add_panel(self._while)  # under the contacts, above treatment
        self._today_page.add_panel(self._treatment_panel)
        self._pages = Pages(journal, self._today_page, self)
        self._pages.page_built.connect(self._on_pages_page_built)
        self._sidebar, self._stack = self._pages.sidebar, self._pages.stack
        self._need_help = self._need_help_button()
        self._help_dialog: CrisisDialog | None = None
        width = max(self._sidebar.sizeHintForColumn(0), self.fontMetrics().averageCharWidth() * 12)
        self._sidebar.setFixedWidth(max(width + 32, self._need_help.sizeHint().width() + 16))

        central = QWidget(objectName="central")
        self._central_style = _PlacedAtOnce()  # kept: a widget does not own its style
        central.setStyle(self._central_style)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._side_column())
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        self._reminder = MessageBar()
        self._reminder.setObjectName("reminder_bar")
        right.addWidget(self._reminder)
        if self._is_demo:  # imported only then, as the welcome: a start loads neither
            from journal.ui.widgets.demo_banner import demo_banner

            right.addWidget(demo_banner())
        self._welcome: WelcomePanel | None = None
        self._welcomed = False  # set once the person started or saved a first check-in
        if not self._is_demo and journal.is_empty():
            from journal.ui.widgets.welcome import WelcomePanel

            self._welcome = WelcomePanel(journal)
            self._welcome.started.connect(self._on_welcome_started)
            right.addWidget(self._welcome)
        right.addWidget(self._stack, 1)
        layout.addLayout(right, 1)
        self.setCentralWidget(central)
        build_menus(self, self._pages.titles(), self.show_page)
        self._reminded_on: dt.date | None = None
        self._reminder_timer = QTimer(self, interval=REMINDER_CHECK_MS)
        self._reminder_timer.timeout.connect(self.check_reminder)
        self._reminder_timer.start()
        self._idle_lock = IdleLock(journal, self)  # with a passphrase: locks when left alone
        self.statusBar().setObjectName("status")

        self._pages.page_chosen.connect(self._on_pages_page_chosen)
        self._today_page.day_saved.connect(self._on_today_page_day_saved)
        self._need_help.clicked.connect(self._on_need_help_clicked)
        self._treatment_panel.treatment_changed.connect(self._on_treatment_panel_changed)
        self._reminder.action_triggered.connect(self._on_reminder_action_triggered)
        restore_geometry(self, journal)
        self._item9_dialog: CrisisDialog | None = None
        self._daily_backup = DailyBackup(journal, self)
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
        """The page called ``key`` (see ``sidebar.PAGES``), built on first use."""
        return self._pages.page(key)

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
        self._pages.show(page if isinstance(page, str) else self._pages.key_of(page))

    def warm_up(self) -> None:
        """After the first paint: what the first save needs, loaded now (not at the start,
        not at that save)."""
        if not self._closed:
            self._journal.warm_up()

    def begin_daily_backup(self) -> TaskThread | None:
        """Make the day's first backup, if none was made today, in a thread of its own.

        The app calls it once the window has painted (see ``daily_backup``); never after the
        window closed.
        """
        if self._closed:
            return self._daily_backup.thread
        return self._daily_backup.begin()

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
        people = self._pages.built("people")
        if people is not None and not people.commit_pending():  # a person's note, a number
            self.show_page("people")
            event.ignore()
            return
        plan = self._pages.built("safety_plan")
        if plan is not None and not plan.commit_pending():  # its message says why, on the page
            self.show_page("safety_plan")
            event.ignore()
            return
        save_geometry(self, self._journal)
        self._idle_lock.stop()
        self._daily_backup.wait()
        self._journal.close()
        self._closed = True
        event.accept()

    def _on_pages_page_built(self, key: str, page: Any) -> None:
        if key == "share":
            page.data_imported.connect(self._on_share_page_data_imported)
        elif key == "settings":
            page.data_replaced.connect(self._on_settings_page_data_replaced)
            page.lock_after_changed.connect(self._idle_lock.set_minutes)
        elif key == "treatment":
            page.treatment_changed.connect(self._on_treatment_page_changed)
        elif key == "trends":  # a day clicked in the year in pixels opens on Today
            page.day_requested.connect(self._on_trends_page_day_requested)

    def _on_pages_page_chosen(self, key: str) -> None:
        if key == TODAY:  # it keeps its typing; it reloads only when data is replaced
            self._while.refresh()  # a wish may have been set on a person's page meanwhile
        if self._welcome is not None and not self._welcomed:  # the welcome belongs to Today
            self._welcome.setVisible(key == TODAY)

    def _reload_everything(self) -> None:
        """After an import or a restore: every page shows the journal's new contents."""
        self._today_page.reload()
        self._treatment_panel.refresh()
        self._pages.catch_up_all()

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
        from PySide6.QtWidgets import QSystemTrayIcon  # loaded when first needed, not at start

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
        page = self._pages.built("treatment")
        if page is not None:
            page.refresh()

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
        if self._closed or not self._journal.is_open:
            return None
        try:
            item = self._journal.unseen_item9_answer()
            if item is None:
                return None
            self._journal.item9_message_shown(item)
        except JournalError:
            return None
        from journal.ui.dialogs.crisis_dialog import CrisisDialog  # only with such an answer

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
