"""A row of clickable steps for a rating (mood 0–10, how connected 1–5): one click or one key.

Each step shows its number (and, for short scales, its word) on a colour of the one palette
(``journal.palette``), so colour is never the only carrier; the words at the ends say which end
is which. The chosen step is drawn full and ringed, the others pale.

Keys, while the row has focus: a digit picks that step ("1" then "0" makes 10 on a 0–10 row),
Left/Right or Down/Up move by one, Home/End go to the ends, Backspace/Delete clear. Enter is
reported (``return_pressed``) and passed on, so a form moves on or a row adds. A click on a step
picks it; a click on the chosen step clears it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from journal import palette
from journal.ui import theme

#: How much of the way to the field colour an unchosen step is drawn (pale, still legible).
_PALE = 0.55
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)

#: The colour of step ``value`` in a scheme ("light" or "dark").
StepColour = Callable[[int, palette.Scheme], str]


def mood_scale(value: int, scheme: palette.Scheme) -> str:
    return palette.mood_colour(value, scheme)


def reversed_scale(value: int, scheme: palette.Scheme) -> str:
    """For anxiety and loneliness: higher is worse, so the warm end is 0."""
    return palette.rating_colour(value, scheme, higher_is_better=False)


def quality_scale(value: int, scheme: palette.Scheme) -> str:
    return palette.quality_colour(value, scheme)


class RatingPicker(QWidget):
    """Steps ``low``…``high``; ``value()`` is the chosen one or ``None``.

    ``ends`` are the words under the first and the last step; ``step_words`` (one per step)
    are drawn inside the steps instead, for short scales. ``compact`` makes a lower row.

    Signals:
        value_changed(object): the chosen step changed (an ``int``, or ``None`` when cleared).
        return_pressed(): Enter or Return while the row has focus.
    """

    value_changed = Signal(object)
    return_pressed = Signal()

    def __init__(
        self,
        low: int,
        high: int,
        *,
        colour: StepColour = mood_scale,
        ends: tuple[str, str] = ("", ""),
        step_words: Sequence[str] = (),
        compact: bool = False,
        parent: QWidget | None = None,
        objectName: str = "",
    ) -> None:
        super().__init__(parent)
        if objectName:
            self.setObjectName(objectName)
        self._low, self._high = low, high
        self._colour = colour
        self._ends = ends
        self._words = tuple(step_words)
        self._compact = compact
        self._value: int | None = None
        self._hovered: int | None = None
        self._after_one = False  # "1" was the last key: a "0" now makes 10
        self._spoken_name = ""
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    # --- public ------------------------------------------------------------------------------

    def value(self) -> int | None:
        return self._value

    def set_value(self, value: int | None) -> None:
        """Choose ``value`` (``None`` clears); out of range clears too."""
        if value is not None and not self._low <= value <= self._high:
            value = None
        if value == self._value:
            return
        self._value = value
        self.update()
        self._speak()
        self.value_changed.emit(value)

    def setAccessibleName(self, name: str) -> None:  # Qt's own name, kept
        """The row's name ("Mood"); a screen reader hears it with the step chosen ("Mood: 6"),
        as this widget draws its steps itself and has no value of its own to report."""
        self._spoken_name = name
        self._speak()

    def _speak(self) -> None:
        value = self.tr("none chosen") if self._value is None else str(self._value)
        super().setAccessibleName(
            self.tr("{name}: {value}").format(name=self._spoken_name, value=value)
        )

    def text(self) -> str:
        """The value as a form reads it ("" when none)."""
        return "" if self._value is None else str(self._value)

    def steps(self) -> range:
        return range(self._low, self._high + 1)

    def step_rect(self, value: int) -> QRectF:
        """Where step ``value`` is drawn (what a click on it hits)."""
        width, gap = self._step_width(), self._gap()
        index = value - self._low
        return QRectF(index * (width + gap), 1, width, self._step_height())

    # --- size --------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        count = self._high - self._low + 1
        width = count * self._natural_step_width() + (count - 1) * self._gap() + 2
        return QSize(round(width), round(self._total_height()))

    def minimumSizeHint(self) -> QSize:
        count = self._high - self._low + 1
        width = count * self._min_step_width() + (count - 1) * self._gap() + 2
        return QSize(round(width), round(self._total_height()))

    def _gap(self) -> float:
        return 3.0 if self._compact else 4.0

    def _min_step_width(self) -> float:
        metrics = self.fontMetrics()
        number = metrics.horizontalAdvance("10") + (10 if self._compact else 14)
        word = max((metrics.horizontalAdvance(w) for w in self._words), default=0) + 10
        return max(number, word, metrics.height() + 6)

    def _natural_step_width(self) -> float:
        return self._min_step_width() * (1.0 if self._words else 1.35)

    def _step_width(self) -> float:
        count = self._high - self._low + 1
        room = (self.width() - 2 - (count - 1) * self._gap()) / count
        largest = self._natural_step_width() * (1.25 if self._words else 1.6)
        return max(self._min_step_width(), min(room, largest))

    def _step_height(self) -> float:
        line = self.fontMetrics().height()
        if self._words:
            return line * 2 + 12
        return line + (10 if self._compact else 20)

    def _ends_height(self) -> float:
        return self._small_font_height() + 4 if any(self._ends) else 0

    def _total_height(self) -> float:
        return self._step_height() + 2 + self._ends_height()

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.9)
        return font

    def _small_font_height(self) -> float:
        return QFontMetricsF(self._small_font()).height()

    # --- painting ----------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colours = self.palette()
        scheme: palette.Scheme = "dark" if theme.is_dark(colours) else "light"
        base = colours.color(QPalette.ColorRole.Base).name()
        text = colours.color(QPalette.ColorRole.Text)
        outline = theme.outline_colour(colours)
        bold = QFont(self.font())
        bold.setBold(True)
        for value in self.steps():
            rect = self.step_rect(value)
            chosen = value == self._value
            fill = self._colour(value, scheme)
            if not chosen:
                fill = palette.mix(fill, base, _PALE if value != self._hovered else _PALE / 2)
            painter.setBrush(QColor(fill))
            if chosen:
                painter.setPen(QPen(text, 3))
                painter.drawRoundedRect(rect.adjusted(1.5, 1.5, -1.5, -1.5), 6, 6)
            else:
                painter.setPen(QPen(outline, 1))
                painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
            painter.setPen(QColor(palette.text_on(fill)))
            painter.setFont(bold if chosen else self.font())
            if self._words:
                top, bottom = (
                    rect.adjusted(0, 4, 0, -rect.height() / 2),
                    rect.adjusted(2, rect.height() / 2 - 2, -2, -4),
                )
                painter.drawText(top, Qt.AlignmentFlag.AlignCenter, str(value))
                painter.setFont(self._small_font())
                painter.drawText(
                    bottom, Qt.AlignmentFlag.AlignCenter, self._words[value - self._low]
                )
            else:
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(value))
        if any(self._ends):
            painter.setFont(self._small_font())
            painter.setPen(colours.color(QPalette.ColorRole.PlaceholderText))
            first, last = self.step_rect(self._low), self.step_rect(self._high)
            y = first.bottom() + 2
            line = QRectF(first.left(), y, last.right() - first.left(), self._ends_height())
            painter.drawText(
                line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, self._ends[0]
            )
            painter.drawText(
                line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, self._ends[1]
            )
        if self.hasFocus():
            first, last = self.step_rect(self._low), self.step_rect(self._high)
            ring = QRectF(QPointF(0.5, 0.5), QPointF(last.right() + 1, first.bottom() + 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(theme.focus_colour(colours), 2, Qt.PenStyle.DotLine))
            painter.drawRoundedRect(ring, 7, 7)
        painter.end()

    # --- mouse and keys ----------------------------------------------------------------------

    def _step_at(self, x: float, y: float) -> int | None:
        for value in self.steps():
            if self.step_rect(value).contains(QPointF(x, y)):
                return value
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._after_one = False
        step = self._step_at(event.position().x(), event.position().y())
        if step is not None:
            self.set_value(None if step == self._value else step)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hovered = self._step_at(event.position().x(), event.position().y())
        if hovered != self._hovered:
            self._hovered = hovered
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: object) -> None:
        self._hovered = None
        self.update()
        super().leaveEvent(event)  # type: ignore[arg-type]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, text = event.key(), event.text()
        after_one, self._after_one = self._after_one, False
        if event.modifiers() & ~(
            Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier
        ):
            super().keyPressEvent(event)  # Ctrl+S, Alt+Left …: the page's shortcuts
            return
        if text.isdigit() and len(text) == 1:
            digit = int(text)
            if after_one and digit == 0 and self._high >= 10:
                self.set_value(10)
            elif self._low <= digit <= self._high:
                self.set_value(digit)
                self._after_one = digit == 1
            event.accept()
            return
        middle = (self._low + self._high + 1) // 2
        moves = {
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Up: 1,
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Down: -1,
        }
        if key in moves:
            current = self._value
            step = middle if current is None else current + moves[key]
            self.set_value(max(self._low, min(self._high, step)))
        elif key == Qt.Key.Key_Home:
            self.set_value(self._low)
        elif key == Qt.Key.Key_End:
            self.set_value(self._high)
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.set_value(None)
        elif key in _ENTER_KEYS:
            self.return_pressed.emit()
            event.ignore()  # passed on: a contact row adds on Enter
            return
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._after_one = False
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)
