"""The calm message with the person's own contacts and the crisis lines where they are.

Shown in two ways: at once, modally, after a PHQ-9 whose item 9 was answered above 0 (with a
sentence about that answer), and whenever the person presses "Need help now" (without it).
Its one closing button ("I've read this" after the answer, "Close" for Need help now) closes it;
every number is large, bold, selectable and has a Copy button beside it. There is deliberately
no "don't show again" and no setting for it. It opens as tall as its words at the font in use
(up to the screen), and scrolls beyond that.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain.safety import REGIONS, CrisisLine, lines_for_region, plan_entries
from journal.services import CrisisInfo
from journal.ui import theme
from journal.ui.widgets.scrolling import scroll_area

_CONTEXT = "safety"  # translations of the line data kept in journal.domain.safety
#: How much larger than the dialog's text a phone number is.
NUMBER_SCALE = 1.5


def _tr_data(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


class CrisisDialog(QDialog):
    """The person's safety-plan contacts first, then the lines of a region and a directory.

    ``after_item9`` adds the sentence about the PHQ-9 answer and makes the dialog modal.
    ``region`` in the dialog can be changed by the person (the locale may be wrong); the
    choice is not stored.
    """

    def __init__(
        self, info: CrisisInfo, *, after_item9: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._info = info
        self.after_item9 = after_item9
        self.setObjectName("crisis_dialog" if after_item9 else "need_help_dialog")
        self.setWindowTitle(
            self.tr("You don't have to go through this alone")
            if after_item9
            else self.tr("Need help now")
        )
        self.setModal(after_item9)
        self._copies: list[QPushButton] = []
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.1)  # easier to read when it is hard to focus
        self.setFont(font)

        body = QWidget(objectName="crisis_body")
        self._layout = QVBoxLayout(body)
        self._layout.setContentsMargins(20, 16, 20, 16)
        self._layout.setSpacing(6)
        self._build_message()
        self._build_own_sections()
        self._build_lines()
        self._layout.addStretch(1)

        scroll = scroll_area(body, "crisis_scroll")
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll = scroll
        if after_item9:
            self._close = QPushButton(self.tr("I've read this"), objectName="crisis_close")
            self._close.setAccessibleName(self.tr("I've read this: close"))
        else:
            self._close = QPushButton(self.tr("Close"), objectName="crisis_close")
            self._close.setAccessibleName(self.tr("Close"))
        # Not a default button: an Enter still held from the questionnaire must not close it.
        self._close.setAutoDefault(False)
        self._close.setDefault(False)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(20, 0, 20, 16)
        buttons.addStretch(1)
        buttons.addWidget(self._close)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll, 1)
        outer.addLayout(buttons)
        self._close.clicked.connect(self._on_close_clicked)
        self._region.currentIndexChanged.connect(self._on_region_current_index_changed)
        self._fit_to_words()

    # --- public ------------------------------------------------------------------------------

    @property
    def info(self) -> CrisisInfo:
        return self._info

    def text(self) -> str:
        """Everything the dialog says, in reading order (for tests and copying)."""
        labels = [w for w in _widgets_in(self._scroll.widget().layout()) if isinstance(w, QLabel)]
        return "\n".join(label.text() for label in labels if not label.isHidden() and label.text())

    def numbers(self) -> list[str]:
        """The numbers shown large, in reading order."""
        return [b.property("number") for b in self._copies if not b.isHidden()]

    def copy_buttons(self) -> list[QPushButton]:
        return [b for b in self._copies if not b.isHidden()]

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self._fit_to_words()
            # The cursor starts on the first number (the person's own come first), not on
            # a control further down that would scroll the message's opening out of view.
            numbers = [w for w in self.findChildren(QLabel, "crisis_number") if not w.isHidden()]
            if numbers:
                numbers[0].setFocus(Qt.FocusReason.OtherFocusReason)
            self._scroll.verticalScrollBar().setValue(0)

    def _fit_to_words(self) -> None:
        """As wide as 60 characters and as tall as everything it says, within the screen: at
        a large font the contacts are still in view without scrolling, when they fit at all."""
        metrics = self.fontMetrics()
        width = metrics.averageCharWidth() * 72
        screen = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        width = min(width, int(screen.width() * 0.95))
        body = self._scroll.widget()
        body.layout().activate()
        inner = width - self._scroll.verticalScrollBar().sizeHint().width()
        content = body.layout().totalHeightForWidth(inner)
        if content < 0:
            content = body.sizeHint().height()
        buttons = self._close.sizeHint().height() + 16 + 8
        height = min(content + buttons + 8, int(screen.height() * 0.92))
        self.setMinimumSize(min(width, metrics.averageCharWidth() * 40), min(height, 320))
        self.resize(width, height)

    # --- building ----------------------------------------------------------------------------

    def _label(self, text: str, name: str, *, heading: bool = False) -> QLabel:
        label = QLabel(text, objectName=name, wordWrap=True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        label.setAccessibleName(text)
        if heading:
            font = QFont(label.font())
            font.setBold(True)
            label.setFont(font)
            label.setContentsMargins(0, 10, 0, 0)
        self._layout.addWidget(label)
        return label

    def _build_message(self) -> None:
        if self.after_item9:
            heading = self.tr("Thank you for answering honestly")
            message = self.tr(
                "You said you have had thoughts that you would be better off dead or of "
                "hurting yourself. You don't have to go through this alone. The people and "
                "lines below are there for you; reaching out to one of them now can help."
            )
        else:
            heading = self.tr("You don't have to go through this alone")
            message = self.tr(
                "The people and lines below are there for you, whenever you need them."
            )
        theme.as_heading(self._label(heading, "crisis_heading"))
        self._label(message, "crisis_message")
        self._label(
            self.tr("If you are in danger right now, call your local emergency number."),
            "crisis_danger",
        )

    def _build_own_sections(self) -> None:
        info = self._info
        sections = (
            ("crisis_own_line", self.tr("My crisis line"), info.own_crisis_line),
            ("crisis_people", self.tr("People I can ask for help"), info.people_to_ask),
            ("crisis_professionals", self.tr("Professionals and services"), info.professionals),
        )
        for name, title, text in sections:
            if text:
                self._label(title, f"{name}_title", heading=True)
                for index, (words, number) in enumerate(plan_entries(text)):
                    if words:
                        self._label(words, f"{name}_{index}")
                    if number:
                        self._layout.addLayout(self._number_row(number))
        if not info.has_own_contacts:
            theme.as_hint(
                self._label(
                    self.tr(
                        "Your safety plan can hold the people you would call and your own crisis "
                        "line; they will show here first. You can fill it in on the Safety plan "
                        "page when you feel ready."
                    ),
                    "crisis_no_plan",
                )
            )

    def _build_lines(self) -> None:
        self._label(self.tr("Crisis lines"), "crisis_lines_title", heading=True)
        row = QHBoxLayout()
        row_label = QLabel(self.tr("Where you are:"), objectName="crisis_region_label")
        self._region = QComboBox(objectName="crisis_region")
        self._region.setAccessibleName(self.tr("Where you are"))
        self._region.setAccessibleDescription(self.tr("The crisis lines below are this place's"))
        row_label.setBuddy(self._region)
        for code, name in REGIONS:
            self._region.addItem(_tr_data(name), code)
        self._region.addItem(self.tr("Somewhere else"), "")
        index = self._region.findData(self._info.region or "")
        self._region.setCurrentIndex(max(index, 0))
        row.addWidget(row_label)
        row.addWidget(self._region, 1)
        self._layout.addLayout(row)
        self._lines = QVBoxLayout()
        self._lines.setSpacing(4)
        self._layout.addLayout(self._lines)
        self._no_lines = self._label("", "crisis_no_lines")
        directory = self._info.directory
        self._directory = self._label(
            self.tr("Anywhere in the world: {name} at {address} lists {how}.").format(
                name=directory.name, address=directory.address, how=_tr_data(directory.how)
            ),
            "crisis_directory",
        )
        self._show_lines(self._info.lines)

    def _number_row(self, number: str) -> QHBoxLayout:
        """A number large and bold, selectable, with a Copy button beside it."""
        shown = QLabel(number, objectName="crisis_number")
        shown.setTextFormat(Qt.TextFormat.PlainText)
        shown.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        shown.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # reachable with Tab, to select
        shown.setAccessibleName(self.tr("Number: {number}").format(number=number))
        font = QFont(shown.font())
        font.setPointSizeF(font.pointSizeF() * NUMBER_SCALE)
        font.setBold(True)
        shown.setFont(font)
        copy = QPushButton(self.tr("Copy"), objectName=f"crisis_copy_{len(self._copies)}")
        copy.setAccessibleName(self.tr("Copy {number}").format(number=number))
        copy.setAccessibleDescription(
            self.tr("Puts the number on the clipboard, to paste into a phone or messaging app")
        )
        copy.setProperty("number", number)
        copy.setAutoDefault(False)
        copy.clicked.connect(lambda _=False, b=copy: self._on_copy_clicked(b))
        self._copies.append(copy)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 6)
        row.addWidget(shown)
        row.addSpacing(12)
        row.addWidget(copy)
        row.addStretch(1)
        return row

    def _show_lines(self, lines: tuple[CrisisLine, ...]) -> None:
        while self._lines.count():
            item = self._lines.takeAt(0)
            layout = item.layout()
            widgets = (
                [item.widget()]
                if item.widget() is not None
                else [layout.itemAt(i).widget() for i in range(layout.count())]
            )
            for widget in widgets:
                if widget is None:
                    continue
                if widget in self._copies:
                    self._copies.remove(widget)
                widget.hide()
                widget.deleteLater()
        for line in lines:
            name = QLabel(
                self.tr("{name} — {how}").format(name=_tr_data(line.name), how=_tr_data(line.how)),
                objectName="crisis_line_name",
                wordWrap=True,
            )
            name.setTextFormat(Qt.TextFormat.PlainText)
            name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._lines.addWidget(name)
            self._lines.addLayout(self._number_row(_tr_data(line.number)))
        for widget in _widgets_in(self._lines):  # new rows of a shown dialog show at once
            widget.show()
        empty = (
            ""
            if lines
            else self.tr(
                "No lines are listed here for this place yet: the "
                "directory below has free, confidential helplines."
            )
        )
        self._no_lines.setText(empty)
        self._no_lines.setVisible(bool(empty))
        self._no_lines.setAccessibleName(empty)

    # --- slots -------------------------------------------------------------------------------

    def _on_region_current_index_changed(self, _index: int) -> None:
        self._show_lines(lines_for_region(self._region.currentData() or None))

    def _on_copy_clicked(self, button: QPushButton) -> None:
        QApplication.clipboard().setText(button.property("number"))
        for other in self._copies:
            other.setText(self.tr("Copy"))
        button.setText(self.tr("Copied ✓"))

    def _on_close_clicked(self) -> None:
        self.accept()


def _widgets_in(layout: QLayout) -> list[QWidget]:
    """The widgets of ``layout`` and its inner layouts, in the order they are laid out."""
    found: list[QWidget] = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item.widget() is not None:
            found.append(item.widget())
        elif item.layout() is not None:
            found.extend(_widgets_in(item.layout()))
    return found
