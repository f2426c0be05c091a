"""The window's pages: the sidebar that lists them and the stack that shows the one chosen.

Pages other than Today are built the first time they are shown, so the window is interactive
sooner and holds only what was opened. A page shown again catches up when the journal changed
since it last showed it; Today keeps its typing and reloads only when the data is replaced.
"""

from __future__ import annotations

import importlib
import linecache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QSize, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStackedWidget, QWidget

from journal.services import Journal

#: The sidebar: (key, title, module, class); titles are translated where shown (context
#: ``MainWindow``).
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
        "journal.ui.pages.settings.page",
        "SettingsPage",
    ),
)
_KEYS = tuple(key for key, *_ in PAGES)
#: The page built with the window, never told to catch up (it would lose what is typed).
TODAY = "today"


def release_import_sources() -> None:
    """Drop the source lines Qt for Python read while modules were imported.

    PySide6 looks into every module imported after it (``inspect.getsource``, for its
    ``__feature__`` switches), which leaves the whole source of numpy, pyqtgraph and the
    journal's pages in ``linecache``: some 10 MB after every page, never used again (a
    traceback reads the lines it needs again).
    """
    linecache.clearcache()


class Pages(QObject):
    """The sidebar (``sidebar``) and the stack (``stack``) of the pages in ``PAGES``.

    Signals:
        page_built(str, object): the page of that key was built; the window connects it.
        page_chosen(str): the sidebar's current page changed to that key; the page has caught
            up and is brought to the front right after.
    """

    page_built = Signal(str, object)
    page_chosen = Signal(str)

    def __init__(self, journal: Journal, today: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self.sidebar = QListWidget(objectName="pages")
        self.sidebar.setAccessibleName(QCoreApplication.translate("MainWindow", "Pages"))
        self.sidebar.setAccessibleDescription(
            QCoreApplication.translate("MainWindow", "Ctrl+1 to Ctrl+9 go to a page directly")
        )
        self.sidebar.setSpacing(4)  # room around each page's name, without a style sheet
        self.stack = QStackedWidget(objectName="page_stack")
        self._built: dict[str, QWidget] = {TODAY: today}
        self._seen_changes: dict[str, int] = {}
        titles = {
            key: QCoreApplication.translate("MainWindow", title)
            for key, title, _module, _name in PAGES
        }
        for key in _KEYS:
            self._add(today if key == TODAY else QWidget(), titles[key])
        self.sidebar.setCurrentRow(0)
        self.sidebar.currentRowChanged.connect(self._on_sidebar_current_row_changed)

    def page(self, key: str) -> QWidget:
        """The page called ``key``, built on first use."""
        if key in self._built:
            return self._built[key]
        index = _KEYS.index(key)
        _key, _title, module, name = PAGES[index]
        page = getattr(importlib.import_module(module), name)(self._journal)
        release_import_sources()
        placeholder = self.stack.widget(index)
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self._built[key] = page
        self._seen_changes[key] = self._journal.changes()
        self.page_built.emit(key, page)
        return page

    def built(self, key: str) -> QWidget | None:
        """The page called ``key`` when it was built, else None (it has nothing to keep)."""
        return self._built.get(key)

    def key_of(self, page: QWidget) -> str:
        return next(key for key, built in self._built.items() if built is page)

    def show(self, key: str) -> None:
        """Bring the page called ``key`` to the front, as a click in the sidebar does."""
        self.sidebar.setCurrentRow(_KEYS.index(key))

    def titles(self) -> list[tuple[str, str]]:
        """(key, title) of every page, in the sidebar's order and words."""
        return [(key, self.sidebar.item(row).text()) for row, key in enumerate(_KEYS)]

    def current_key(self) -> str:
        return _KEYS[self.sidebar.currentRow()]

    def catch_up_all(self) -> None:
        """After an import or a restore: every page but Today shows the new contents, the one
        in front at once and the others when they are next shown."""
        for key in self._built:
            self._seen_changes[key] = -1
        current = self.current_key()
        if current != TODAY:
            self._sync(current, self._built[current])

    def _add(self, page: QWidget, title: str) -> None:
        item = QListWidgetItem(title)
        item.setSizeHint(QSize(0, self.sidebar.fontMetrics().lineSpacing() * 2))
        item.setToolTip(title)
        self.sidebar.addItem(item)
        self.stack.addWidget(page)

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

    def _on_sidebar_current_row_changed(self, row: int) -> None:
        if row < 0:
            return
        key = _KEYS[row]
        page = self.page(key)
        if key != TODAY:
            self._sync(key, page)
        self.page_chosen.emit(key)
        self.stack.setCurrentWidget(page)
