"""The window's size and place, remembered in the journal's settings between starts."""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtWidgets import QWidget

from journal.domain.errors import JournalError
from journal.services import Journal

log = logging.getLogger(__name__)

#: The first window: wide enough for the check-in and the day's contacts side by side, and never
#: larger than the part of the screen the desktop leaves free.
DEFAULT_SIZE = QSize(1240, 780)


def restore_geometry(window: QWidget, journal: Journal) -> None:
    """Where the window was when it was last closed, or the first window's size."""
    saved = journal.settings().window_geometry
    if saved and window.restoreGeometry(QByteArray.fromHex(saved.encode("ascii"))):
        return
    screen = window.screen().availableGeometry().size() if window.screen() else DEFAULT_SIZE
    window.resize(DEFAULT_SIZE.boundedTo(screen))  # available: the desktop's bars left out


def save_geometry(window: QWidget, journal: Journal) -> None:
    geometry = bytes(window.saveGeometry().toHex().data()).decode("ascii")
    try:
        journal.update_settings(window_geometry=geometry)
    except JournalError:  # only a convenience: the person's entries are already safe
        log.warning("could not remember the window's size", exc_info=True)
