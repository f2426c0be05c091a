"""The Insights page: the ranked sentences of ``Journal.insights`` for a range, as cards.

The sentences are shown exactly as the core words them (n, range, 95% CI, "early signal",
"not enough data yet", "association, not proof of cause"), strongest first. Cards are plain
and calm: the palette's alternate background, ordinary text, no warning colours.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from journal.analysis.insights import MAX_SENTENCES, InsightReport
from journal.i18n import format_date
from journal.services import Journal
from journal.ui import theme
from journal.ui.pages.range_page import RangePage
from journal.ui.widgets.empty_state import EmptyState


class InsightsPage(RangePage):
    """What stands out in the chosen range, in plain sentences.

    Like the Trends page, ``invalidate()`` refreshes at once when the page is visible and
    otherwise when it is next shown; ``refresh()`` always recomputes now.

    Signals: none.
    """

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(journal, "all", wrap_summary=True, parent=parent)
        self._report: InsightReport | None = None
        self.setObjectName("insights_page")
        self._build()
        self._range.currentIndexChanged.connect(self._on_range_current_index_changed)

    def _build(self) -> None:
        heading = theme.as_heading(QLabel(self.tr("Insights"), objectName="insights_heading"))
        self._summary.setAccessibleName(self.tr("Range and check-ins"))
        intro = QLabel(
            self.tr("What stands out in your entries, the clearest first."),
            objectName="insights_intro",
            wordWrap=True,
        )
        intro.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self._cards: list[QFrame] = []
        self._labels: list[QLabel] = []
        content = QWidget(objectName="insights_content")
        content.setMaximumWidth(820)  # about 100 characters a line: easy to read
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 8, 8, 0)  # cards in line with the heading
        column.setSpacing(12)
        for number in range(1, MAX_SENTENCES + 1):
            card = QFrame(objectName=f"insight_card_{number}")
            card.setFrameShape(QFrame.Shape.StyledPanel)
            card.setAutoFillBackground(True)
            card.setBackgroundRole(QPalette.ColorRole.AlternateBase)
            label = QLabel(objectName=f"insight_{number}", wordWrap=True)
            label.setAccessibleName(self.tr("Insight {number}").format(number=number))
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            inner = QVBoxLayout(card)
            inner.setContentsMargins(16, 12, 16, 12)
            inner.addWidget(label)
            card.hide()
            column.addWidget(card)
            self._cards.append(card)
            self._labels.append(label)
        column.addStretch(1)
        scroll = QScrollArea(objectName="insights_scroll")
        scroll.setAccessibleName(self.tr("Insights"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)

        top = QHBoxLayout()
        top.addWidget(heading)
        top.addSpacing(16)
        top.addWidget(self._range)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*theme.PAGE_MARGINS)
        layout.addLayout(top)
        layout.addWidget(self._summary)
        layout.addWidget(intro)
        layout.addWidget(EmptyState(self, self.tr("Insights appear once there are 14 checked-in "
                                                  "days, and grow firmer from 30."),
                                    self._journal.days_logged, 30))
        layout.addWidget(scroll, 1)

    # --- public ------------------------------------------------------------------------------

    @property
    def report(self) -> InsightReport | None:
        """The figures behind the sentences shown (``None`` before the first refresh)."""
        return self._report

    def sentences(self) -> list[str]:
        """The sentences shown, in order."""
        return [
            label.text()
            for card, label in zip(self._cards, self._labels, strict=True)
            if not card.isHidden()
        ]

    def refresh(self) -> None:
        """Recompute the insights of the chosen range and show their sentences."""
        start, end = self.dates()
        report = self._report = self._journal.insights(start, end)
        checkins = (
            self.tr("1 check-in")
            if report.checkins == 1
            else self.tr("%Ln check-ins", "", report.checkins)
        )
        self._summary.setText(
            self.tr("From {start} to {end} · {checkins}").format(
                start=format_date(start), end=format_date(end), checkins=checkins
            )
        )
        for index, (card, label) in enumerate(zip(self._cards, self._labels, strict=True)):
            if index < len(report.sentences):
                label.setText(report.sentences[index].sentence)
                card.show()
            else:
                label.clear()
                card.hide()
        self._stale = False

    # --- slots -------------------------------------------------------------------------------

    def _on_range_current_index_changed(self, _index: int) -> None:
        self.refresh()
