"""The calm message with the person's own contacts and the crisis lines where they are.

Shown in two ways: at once, modally, after a PHQ-9 whose item 9 was answered above 0 (with a
sentence about that answer), and whenever the person presses "Need help now" (without it).
Its one button closes it. There is deliberately no "don't show again" and no setting for it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from journal.checkins import CrisisInfo
from journal.domain.safety import REGIONS, CrisisLine, lines_for_region
from journal.ui import theme

_CONTEXT = "safety"  # translations of the line data kept in journal.domain.safety


def _tr_data(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


class CrisisDialog(QDialog):
    """The person's safety-plan contacts first, then the lines of a region and a directory.

    ``after_item9`` adds the sentence about the PHQ-9 answer and makes the dialog modal.
    ``region`` in the dialog can be changed by the person (the locale may be wrong); the
    choice is not stored.
    """

    def __init__(self, info: CrisisInfo, *, after_item9: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._info = info
        self.after_item9 = after_item9
        self.setObjectName("crisis_dialog" if after_item9 else "need_help_dialog")
        self.setWindowTitle(self.tr("You don't have to go through this alone") if after_item9
                            else self.tr("Need help now"))
        self.setModal(after_item9)
        self.setMinimumSize(520, 480)
        self.resize(620, 560)
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

        scroll = QScrollArea(objectName="crisis_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self._close = QPushButton(self.tr("I've read this"), objectName="crisis_close")
        self._close.setAccessibleName(self.tr("I've read this: close"))
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

    # --- public ------------------------------------------------------------------------------

    @property
    def info(self) -> CrisisInfo:
        return self._info

    def text(self) -> str:
        """Everything the dialog says, in reading order (for tests and copying)."""
        labels = self.findChildren(QLabel)
        return "\n".join(label.text() for label in labels if not label.isHidden())

    # --- building ----------------------------------------------------------------------------

    def _label(self, text: str, name: str, *, heading: bool = False) -> QLabel:
        label = QLabel(text, objectName=name, wordWrap=True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                      | Qt.TextInteractionFlag.TextSelectableByKeyboard)
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
                "lines below are there for you; reaching out to one of them now can help.")
        else:
            heading = self.tr("You don't have to go through this alone")
            message = self.tr("The people and lines below are there for you, whenever you "
                              "need them.")
        theme.as_heading(self._label(heading, "crisis_heading"))
        self._label(message, "crisis_message")
        self._label(self.tr("If you are in danger right now, call your local emergency number."),
                    "crisis_danger")

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
                self._label(text, name)
        if not info.has_own_contacts:
            theme.as_hint(self._label(self.tr(
                "Your safety plan can hold the people you would call and your own crisis line; "
                "they will show here first. You can fill it in on the Safety plan page when "
                "you feel ready."), "crisis_no_plan"))

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
        self._lines = self._label("", "crisis_lines")
        directory = self._info.directory
        self._directory = self._label(
            self.tr("Anywhere in the world: {name} at {address} lists {how}.").format(
                name=directory.name, address=directory.address, how=_tr_data(directory.how)),
            "crisis_directory")
        self._show_lines(self._info.lines)

    def _show_lines(self, lines: tuple[CrisisLine, ...]) -> None:
        if lines:
            text = "\n".join(
                self.tr("{name}: {number} — {how}").format(
                    name=_tr_data(line.name), number=_tr_data(line.number), how=_tr_data(line.how))
                for line in lines)
        else:
            text = self.tr("No lines are listed here for this place yet: the directory below "
                           "has free, confidential helplines.")
        self._lines.setText(text)
        self._lines.setAccessibleName(text)

    # --- slots -------------------------------------------------------------------------------

    def _on_region_current_index_changed(self, _index: int) -> None:
        self._show_lines(lines_for_region(self._region.currentData() or None))

    def _on_close_clicked(self) -> None:
        self.accept()
