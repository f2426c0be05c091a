"""The window's menus: Journal (go to a page with Ctrl+1 to Ctrl+9, Quit) and Help.

Their words are in the translation context ``MainWindow``, as the sidebar's are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow


def build_menus(
    window: QMainWindow, pages: Sequence[tuple[str, str]], show_page: Callable[[str], None]
) -> None:
    """The menu bar of ``window``; ``pages`` are (key, title) in the sidebar's order."""
    journal_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Journal"))
    go = journal_menu.addMenu(QCoreApplication.translate("MainWindow", "&Go to"))
    for index, (key, title) in enumerate(pages[:9]):
        action = go.addAction(title)
        action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
        action.triggered.connect(lambda _=False, k=key: show_page(k))
    journal_menu.addSeparator()
    quit_action = journal_menu.addAction(QCoreApplication.translate("MainWindow", "&Quit"))
    quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
    quit_action.setObjectName("quit")
    quit_action.triggered.connect(window.close)
    help_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    shortcuts = QAction(
        QCoreApplication.translate("MainWindow", "&Keyboard shortcuts"),
        window,
        objectName="show_shortcuts",
    )
    shortcuts.triggered.connect(lambda: _show_shortcuts(window))
    about = QAction(
        QCoreApplication.translate("MainWindow", "&About Connection Journal"),
        window,
        objectName="show_about",
    )
    about.triggered.connect(lambda: _show_about(window))
    help_menu.addAction(shortcuts)
    help_menu.addAction(about)


# The Help dialogs are imported when asked for: a start never opens them.


def _show_shortcuts(window: QMainWindow) -> None:
    from journal.ui.dialogs.about import ShortcutsDialog

    ShortcutsDialog(window).exec()


def _show_about(window: QMainWindow) -> None:
    from journal.ui.dialogs.about import AboutDialog

    AboutDialog(window).exec()
