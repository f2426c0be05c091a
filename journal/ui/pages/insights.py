"""The Insights page: what stands out in a range, as cards, strongest first.

Each card (``insight_cards``) has a bold plain headline, a short line, a tiny picture (two
bars, or a dot with its interval) and the figures (n, CI, ρ, p) behind "Details". Only what
the analysis marks ``clear`` is stated as a finding. The date range and "association, not
proof of cause" are said once, at the foot of the page. Cards are plain and calm: the
palette's alternate background, ordinary text, no warning colours; two columns when the
window is wide enough, so the full width is used.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journal.i18n import format_date
from journal.services import InsightReport, Journal
from journal.ui import theme
from journal.ui.pages.insight_cards import CardWriter, Finding
from journal.ui.pages.range_page import RangePage
from journal.ui.widgets.empty_state import EmptyState
from journal.ui.widgets.scrolling import scroll_area

#: From this width of the page (in average characters) the cards sit in two columns.
TWO_COLUMNS_FROM = 120


class InsightCard(QFrame):
    """One finding: headline, line, picture, and its figures behind "Details"."""

    def __init__(self, number: int, finding: Finding, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName=f"insight_card_{number}")
        self.finding = finding
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.headline = QLabel(
            finding.headline, objectName=f"insight_headline_{number}", wordWrap=True
        )
        font = QFont(self.headline.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.headline.setFont(font)
        self.body = QLabel(finding.body, objectName=f"insight_{number}", wordWrap=True)
        self.body.setAccessibleName(self.tr("Insight {number}").format(number=number))
        for label in (self.headline, self.body):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 12, 16, 12)
        column.addWidget(self.headline)
        if finding.body:
            column.addWidget(self.body)
        picture = finding.picture()
        if picture is not None:
            picture.setObjectName(f"insight_visual_{number}")
            column.addWidget(picture)
        self.details = QLabel(
            finding.details, objectName=f"insight_details_{number}", wordWrap=True
        )
        self.details.setAccessibleName(self.tr("Figures of insight {number}").format(number=number))
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.details.hide()
        self.toggle = QToolButton(
            objectName=f"insight_details_button_{number}", text=self.tr("Details"), checkable=True
        )
        self.toggle.setAccessibleName(
            self.tr("Show the figures of insight {number}").format(number=number)
        )
        self.toggle.setVisible(bool(finding.details))
        self.toggle.setToolTip(finding.details)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.toggle)
        column.addLayout(row)
        column.addWidget(self.details)
        column.addStretch(1)
        self.toggle.toggled.connect(self._on_toggle_toggled)

    def text(self) -> str:
        """What the card says (headline and line), as shown."""
        return " ".join(part for part in (self.finding.headline, self.finding.body) if part)

    def _on_toggle_toggled(self, checked: bool) -> None:
        self.details.setVisible(checked)


class InsightsPage(RangePage):
    """What stands out in the chosen range, as cards.

    Like the Trends page, ``invalidate()`` refreshes at once when the page is visible and
    otherwise when it is next shown; ``refresh()`` always recomputes now.

    Signals: none.
    """

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(journal, "all", wrap_summary=True, parent=parent)
        self._report: InsightReport | None = None
        self._cards: list[InsightCard] = []
        self._columns = 1
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
        self._disclaimer = QLabel(
            self.tr(
                "Each finding is an association, not proof of cause: things that went "
                "together in your entries, not what made what happen. A link or difference "
                "is called a finding only when it stays clear after allowing for how many "
                "were checked; open Details for the figures."
            ),
            objectName="insights_disclaimer",
            wordWrap=True,
        )
        self._disclaimer.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        content = QWidget(objectName="insights_content")
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 8, 8, 0)  # cards in line with the heading
        column.setSpacing(12)
        self._grid = QGridLayout()
        self._grid.setSpacing(12)
        column.addLayout(self._grid)
        column.addSpacing(8)
        column.addWidget(self._summary)  # the range, once, at the foot
        column.addWidget(self._disclaimer)
        column.addStretch(1)
        scroll = scroll_area(content, "insights_scroll", accessible_name=self.tr("Insights"))

        layout = self._page_layout(heading, summary_beside=False)
        layout.addWidget(intro)
        layout.addWidget(
            EmptyState(
                self,
                self.tr(
                    "Insights appear once there are 14 checked-in days, and grow firmer from 30."
                ),
                self._journal.days_logged,
                30,
            )
        )
        layout.addWidget(scroll, 1)

    # --- public ------------------------------------------------------------------------------

    @property
    def report(self) -> InsightReport | None:
        """The figures behind the cards shown (``None`` before the first refresh)."""
        return self._report

    @property
    def cards(self) -> list[InsightCard]:
        return list(self._cards)

    def sentences(self) -> list[str]:
        """What each card says (headline and line), in order."""
        return [card.text() for card in self._cards]

    def refresh(self) -> None:
        """Recompute the insights of the chosen range and show them as cards."""
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
        for card in self._cards:
            self._grid.removeWidget(card)
            card.hide()  # at once: deleteLater waits for the event loop
            card.deleteLater()
        writer = CardWriter(report)
        self._cards = [
            InsightCard(number, writer.finding(insight))
            for number, insight in enumerate(report.sentences, start=1)
        ]
        self._place_cards()
        self._stale = False

    # --- layout ------------------------------------------------------------------------------

    def _place_cards(self) -> None:
        for index, card in enumerate(self._cards):
            self._grid.addWidget(card, index // self._columns, index % self._columns)
        for column in range(2):
            self._grid.setColumnStretch(column, 1 if column < self._columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = event.size().width() >= self.fontMetrics().averageCharWidth() * TWO_COLUMNS_FROM
        columns = 2 if wide else 1
        if columns != self._columns:
            self._columns = columns
            for card in self._cards:
                self._grid.removeWidget(card)
            self._place_cards()

    # --- slots -------------------------------------------------------------------------------

    def _on_range_current_index_changed(self, _index: int) -> None:
        self.refresh()
