"""Topics for my next session: the person's own agenda, added any day, marked discussed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from journal.domain.errors import JournalError
from journal.domain.records import AgendaItem
from journal.i18n import format_date
from journal.services import Journal
from journal.ui import theme
from journal.ui.pages.treatment.common import ID_ROLE, Section, make_button, subheading
from journal.ui.widgets.notices import NOTICE_SYMBOL


class TopicsSection(Section):
    """Open topics to bring up, and the ones already discussed (greyed, with their date).

    Keyboard: type a topic and press Enter to add it; in the open list, Enter or Alt+M marks
    the chosen topic discussed today.

    ``treatment_changed``: a topic was added or marked discussed.
    """

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(journal, "topics", parent)

        self._topic = QLineEdit(objectName="new_topic")
        topic_hint = self.tr("Something to bring up — press Enter to add")
        self._topic.setPlaceholderText(topic_hint)
        self._topic.setAccessibleDescription(topic_hint)
        self._topic.setAccessibleName(self.tr("New topic for my next session"))
        self._topic.setMaxLength(2_000)
        self._add = make_button("add_topic", self.tr("Add &topic"))
        self._error = QLabel(objectName="new_topic_error", wordWrap=True)
        self._error.hide()
        theme.paint_as_notice(self._error)
        self._open = QListWidget(objectName="open_topics")
        self._open.setAccessibleName(self.tr("Open topics"))
        self._open.setAccessibleDescription(
            self.tr("Still to talk about; Enter marks the chosen topic as discussed today")
        )
        self._discuss = make_button(
            "mark_discussed",
            self.tr("&Mark discussed"),
            self.tr("Mark the chosen topic as discussed today"),
        )
        self._done = QListWidget(objectName="discussed_topics")
        self._done.setAccessibleName(self.tr("Discussed topics"))
        self._done.setAccessibleDescription(
            self.tr("Topics already talked about, with the day, newest first")
        )

        for listing in (self._open, self._done):
            listing.setSpacing(3)  # room between topics, which are often one short line
        entry = QHBoxLayout()
        entry.addWidget(self._topic, 1)
        entry.addWidget(self._add)
        actions = QHBoxLayout()
        actions.addWidget(self._discuss)
        actions.addStretch(1)
        layout = self._explained(
            self.tr(
                "Your agenda: what you want to talk about at your next session. It goes into "
                "the summary for your therapist if you choose to include it."
            ),
            "topics_hint",
        )
        layout.addLayout(entry)
        layout.addWidget(self._error)
        layout.addWidget(subheading(self.tr("Open"), "open_topics_heading"))
        layout.addWidget(self._open, 2)
        layout.addLayout(actions)
        layout.addWidget(subheading(self.tr("Discussed"), "discussed_topics_heading"))
        layout.addWidget(self._done, 1)

        self._topic.returnPressed.connect(self._on_topic_return_pressed)
        self._add.clicked.connect(self._on_add_clicked)
        self._discuss.clicked.connect(self._on_discuss_clicked)
        self._open.activated.connect(self._on_open_activated)
        self._open.currentRowChanged.connect(self._on_open_current_row_changed)

    def refresh(self) -> None:
        keep = self._open.currentItem().data(ID_ROLE) if self._open.currentItem() else None
        self._open.clear()
        self._done.clear()
        everything = self._journal.agenda(open_only=False)
        for topic in everything:
            if topic.discussed_on is None:
                item = QListWidgetItem(topic.text)
                item.setData(ID_ROLE, topic.id)
                item.setToolTip(
                    self.tr("added on {date}").format(date=format_date(topic.created_on))
                )
                self._open.addItem(item)
                if topic.id == keep:
                    self._open.setCurrentItem(item)
        for topic in sorted(
            (t for t in everything if t.discussed_on),
            key=lambda t: (t.discussed_on, t.id or 0),
            reverse=True,
        ):
            item = QListWidgetItem(
                self.tr("{text} — discussed on {date}").format(
                    text=topic.text,
                    date=format_date(topic.discussed_on) if topic.discussed_on else "",
                )
            )
            item.setData(ID_ROLE, topic.id)
            # Drawn in the palette's disabled text colour: history, not something to act on.
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self._done.addItem(item)
        if self._open.currentRow() < 0 and self._open.count():
            self._open.setCurrentRow(0)
        self._on_open_current_row_changed(self._open.currentRow())

    def add_topic(self, text: str) -> AgendaItem | None:
        try:
            topic = self._journal.add_topic(text)
        except JournalError as error:
            self._error.setText(f"{NOTICE_SYMBOL} {error}")
            self._error.show()
            return None
        self._error.hide()
        self._topic.clear()
        self.refresh()
        self.treatment_changed.emit()
        return topic

    # --- events and slots --------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            theme.paint_as_notice(self._error)

    def _on_topic_return_pressed(self) -> None:
        self.add_topic(self._topic.text())

    def _on_add_clicked(self) -> None:
        self.add_topic(self._topic.text())

    def _on_open_activated(self, _index: QModelIndex) -> None:
        self._on_discuss_clicked()

    def _on_open_current_row_changed(self, row: int) -> None:
        self._discuss.setEnabled(row >= 0)

    def _on_discuss_clicked(self) -> None:
        item = self._open.currentItem()
        if item is None:
            return
        row = self._open.currentRow()
        try:
            self._journal.mark_discussed(item.data(ID_ROLE), self._journal.today())
        except JournalError as error:
            self._error.setText(f"{NOTICE_SYMBOL} {error}")
            self._error.show()
            return
        self._error.hide()
        self.refresh()
        if self._open.count():
            self._open.setCurrentRow(min(row, self._open.count() - 1))
        self.treatment_changed.emit()
