"""The day's contacts drawn as cards: who and their kind, how connected, mode, minutes, note.

A list (so arrows, Enter and Delete work as before) whose items a delegate paints as cards. The
"how connected" mark is a step of the one palette with its number and word ("4/5 quite"), so
colour never carries it alone; the item's text says all of it for a screen reader.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from journal import palette
from journal.ui import theme

#: The item role holding a card's ``Card``.
CARD_ROLE = Qt.ItemDataRole.UserRole + 1
_PAD = 8
_GAP = 6


@dataclass(frozen=True, slots=True)
class Card:
    """What one card shows, already in words."""

    who: str
    kind: str
    details: str  # mode · minutes · note
    quality: int
    quality_text: str  # "4/5 quite"


class ContactCardDelegate(QStyledItemDelegate):
    """Paints an item holding a ``Card`` as a card; the selected one ringed, not only tinted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        metrics = QFontMetrics(option.font)
        height = metrics.height() * 2 + metrics.leading() + 2 * _PAD + 2 + _GAP
        return QSize(metrics.averageCharWidth() * 30, height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        card = index.data(CARD_ROLE)
        if not isinstance(card, Card):
            super().paint(painter, option, index)
            return
        colours: QPalette = option.palette
        scheme: palette.Scheme = "dark" if theme.is_dark(colours) else "light"
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        rect = QRectF(option.rect).adjusted(2, _GAP / 2, -2, -_GAP / 2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        base = colours.color(QPalette.ColorRole.Base)
        alternate = colours.color(QPalette.ColorRole.AlternateBase)
        painter.setBrush(alternate if selected else base)
        ring = theme.focus_colour(colours) if selected else theme.outline_colour(colours)
        painter.setPen(QPen(ring, 2.5 if selected else 1))
        painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 8, 8)
        if focused and selected:
            painter.setPen(QPen(ring, 1, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(4, 4, -4, -4), 6, 6)

        metrics = QFontMetrics(option.font)
        inner = rect.adjusted(_PAD + 2, _PAD, -_PAD - 2, -_PAD)
        # the mark, on the right of the first line: a step of the palette, number and word
        bold = QFont(option.font)
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        mark_width = bold_metrics.horizontalAdvance(card.quality_text) + 16
        mark = QRectF(inner.right() - mark_width, inner.top(), mark_width, metrics.height() + 2)
        fill = palette.quality_colour(card.quality, scheme)
        painter.setPen(QPen(theme.outline_colour(colours), 1))
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(mark, mark.height() / 2, mark.height() / 2)
        painter.setPen(QColor(palette.text_on(fill)))
        painter.setFont(bold)
        painter.drawText(mark, Qt.AlignmentFlag.AlignCenter, card.quality_text)

        text = colours.color(QPalette.ColorRole.Text)
        hint = colours.color(QPalette.ColorRole.PlaceholderText)
        first = QRectF(
            inner.left(), inner.top(), mark.left() - inner.left() - 8, metrics.height() + 2
        )
        who = bold_metrics.elidedText(
            card.who, Qt.TextElideMode.ElideRight, round(first.width() * 0.7)
        )
        painter.setPen(text)
        painter.drawText(first, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, who)
        painter.setFont(option.font)
        kind_left = first.left() + bold_metrics.horizontalAdvance(who) + 8
        kind_rect = QRectF(kind_left, first.top(), first.right() - kind_left, first.height())
        painter.setPen(hint)
        painter.drawText(
            kind_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(
                card.kind, Qt.TextElideMode.ElideRight, max(0, round(kind_rect.width()))
            ),
        )
        second = QRectF(
            inner.left(), first.bottom() + metrics.leading(), inner.width(), metrics.height()
        )
        painter.setPen(text)
        painter.drawText(
            second,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(card.details, Qt.TextElideMode.ElideRight, round(second.width())),
        )
        painter.restore()
