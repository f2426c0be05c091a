"""What the Trends and Insights pages share: a range switch, a summary line, lazy refresh."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from journal.services import Journal
from journal.ui import theme
from journal.ui.charts.common import RangeSwitch


class RangePage(QWidget):
    """A page showing one range of the journal, recomputed only when it is needed.

    ``invalidate()`` (the journal changed) refreshes at once when the page is visible and
    otherwise when it is next shown; ``refresh()`` (subclasses) always recomputes now and ends
    with ``self._stale = False``.
    """

    def __init__(
        self,
        journal: Journal,
        default_range: str,
        *,
        wrap_summary: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._stale = True
        self._range = RangeSwitch(default_range)
        self._summary = QLabel(objectName="range_summary", wordWrap=wrap_summary)

    @property
    def range_switch(self) -> RangeSwitch:
        return self._range

    @property
    def summary(self) -> str:
        return self._summary.text()

    def _page_layout(self, heading: QWidget, *, summary_beside: bool) -> QVBoxLayout:
        """The page's column with its top row: the heading, the range switch and, when
        ``summary_beside``, the summary line after them (else the page places it itself)."""
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addSpacing(16)
        top.addWidget(self._range)
        if summary_beside:
            top.addSpacing(12)
            top.addWidget(self._summary, 1)
        else:
            top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*theme.PAGE_MARGINS)
        layout.addLayout(top)
        return layout

    def dates(self) -> tuple[dt.date, dt.date]:
        """First and last day of the range the switch picks."""
        return self._range.dates(self._journal.today(), self._journal.default_range()[0])

    def invalidate(self) -> None:
        """The journal changed: refresh now if the page is shown, else when it next is."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()
