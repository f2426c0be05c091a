"""Charts for the summary PDF, painted with ``QPainter`` from the summary's plain arrays.

Part of the PDF renderer (``report/summary/pdf.py``): the only other module of ``report`` allowed to
use Qt. Lines take the app's one table of chart colours (``journal.palette.CHART``, Okabe &
Ito's colour-blind-safe set, as on the screen); series also differ by line style and marker, so
colour never carries the meaning alone. A day's mood dot takes its colour from
the app's one mood palette (``journal.palette``), as on the Today page. Fonts have ligatures
off so the PDF's text stays searchable.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QPainter,
    QPen,
    QPolygonF,
)

from journal.i18n import format_figure, format_number, translate
from journal.palette import chart_colour, mood_colour, series_colours
from journal.report.summary.blocks import Chart, Panel, RowsChart, TimeChart
from journal.report.summary.html import HEADING, INK, MUTED

FAMILIES = ("DejaVu Sans", "Noto Sans", "Source Sans 3", "Liberation Sans", "Arial", "Helvetica")
GRID = QColor("#dde2e7")
_DASHES = {"solid": Qt.PenStyle.SolidLine, "dash": Qt.PenStyle.DashLine, "dot": Qt.PenStyle.DotLine}
_family: str | None = None


def font(points: float, *, bold: bool = False) -> QFont:
    """The document's font at ``points``, with ligatures off (so "fi" stays searchable)."""
    global _family
    if _family is None:
        have = set(QFontDatabase.families())
        _family = next(
            (f for f in FAMILIES if f in have),
            QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family(),
        )
    result = QFont(_family)
    result.setPointSizeF(points)
    result.setBold(bold)
    result.setFeature(QFont.Tag("liga"), 0)
    return result


def chart_image(chart: Chart, width: int, dpi: float) -> QImage:
    """``chart`` drawn ``width`` pixels wide at ``dpi`` (its sizes are in points)."""
    if isinstance(chart, TimeChart):
        return _time_chart(chart, width, dpi)
    return _rows_chart(chart, width, dpi)


def chart_size(chart: Chart, width: int, dpi: float) -> tuple[int, int]:
    """The size in pixels of ``chart_image(chart, width, dpi)``, without drawing it."""
    height = width * chart.aspect if isinstance(chart, TimeChart) else _rows_height(chart, dpi)
    return width, max(1, round(height))


def blank_image(width: int, height: float, dpi: float) -> QImage:
    image = QImage(width, max(1, round(height)), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(QColor("white"))
    return image


def _metrics(dpi: float) -> QFontMetricsF:
    return QFontMetricsF(font(7.5), blank_image(1, 1, dpi))


def _canvas(width: int, height: float, dpi: float) -> tuple[QImage, QPainter]:
    image = blank_image(width, height, dpi)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    painter.setFont(font(7.5))
    return image, painter


def _pen(colour: QColor | str, width: float, dash: str = "solid") -> QPen:
    pen = QPen(QColor(colour), width)
    pen.setStyle(_DASHES[dash])
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _marker(painter: QPainter, shape: str, at: QPointF, radius: float) -> None:
    if shape == "square":
        painter.drawRect(QRectF(at.x() - radius, at.y() - radius, 2 * radius, 2 * radius))
    elif shape == "triangle":
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(at.x(), at.y() - radius * 1.2),
                    QPointF(at.x() - radius * 1.1, at.y() + radius * 0.8),
                    QPointF(at.x() + radius * 1.1, at.y() + radius * 0.8),
                ]
            )
        )
    else:
        painter.drawEllipse(at, radius, radius)


def _legend(painter: QPainter, chart: TimeChart, width: float, pt: float) -> float:
    """The series' samples and labels in a row (wrapping); returns the height used."""
    metrics = QFontMetricsF(painter.font(), painter.device())
    x, y, line = 0.0, 0.0, metrics.height()
    for series in (s for panel in chart.panels for s in panel.series):
        item = 18 * pt + metrics.horizontalAdvance(series.label) + 12 * pt
        if x and x + item > width:
            x, y = 0.0, y + line * 1.3
        colour = QColor(chart_colour(series.colour))
        middle = QPointF(x + 8 * pt, y + line / 2)
        if series.draw == "bars":
            painter.fillRect(QRectF(x + 4 * pt, y + line / 2 - 3.5 * pt, 8 * pt, 7 * pt), colour)
        else:
            painter.setPen(_pen(colour, series.width * pt, series.dash))
            if series.draw == "line":
                painter.drawLine(QPointF(x, middle.y()), QPointF(x + 16 * pt, middle.y()))
            if series.marker != "none":
                painter.setPen(_pen(MUTED, 0.35 * pt) if series.mood_dots else Qt.PenStyle.NoPen)
                painter.setBrush(QColor(mood_colour(8)) if series.mood_dots else colour)
                _marker(painter, series.marker, middle, 2.2 * pt)
        painter.setPen(QColor(INK))
        painter.drawText(
            QRectF(x + 18 * pt, y, item, line), Qt.AlignmentFlag.AlignVCenter, series.label
        )
        x += item
    return y + line


def _time_chart(chart: TimeChart, width: int, dpi: float) -> QImage:
    pt = dpi / 72
    image, painter = _canvas(width, width * chart.aspect, dpi)
    metrics = QFontMetricsF(painter.font(), image)
    top = _legend(painter, chart, width, pt) + 6 * pt
    left, right = 36 * pt, width - 4 * pt
    bottom = image.height() - metrics.height() - 5 * pt
    count, step = len(chart.days), chart.step_days
    span = max(count * step, 1)

    def x_of(offset: np.ndarray | float) -> np.ndarray | float:
        return left + np.asarray(offset, dtype=float) / span * (right - left)

    xs = x_of(np.arange(count) * step + step / 2)
    ticks = chart.ticks
    gap = 9 * pt
    room = bottom - top - gap * (len(chart.panels) - 1)
    total = sum(p.weight for p in chart.panels)
    y = top
    for panel in chart.panels:
        rect = QRectF(left, y, right - left, room * panel.weight / total)
        painter.setPen(_pen(GRID, 0.5 * pt))
        for offset, _label in ticks:
            painter.drawLine(
                QPointF(x_of(offset), rect.top()), QPointF(x_of(offset), rect.bottom())
            )
        _panel(painter, metrics, rect, panel, xs, (right - left) / max(count, 1), pt)
        y = rect.bottom() + gap
    painter.setPen(QColor(MUTED))
    last_end = -math.inf
    for offset, label in ticks:
        x = float(x_of(offset))
        painter.drawLine(QPointF(x, bottom), QPointF(x, bottom + 2.5 * pt))
        half = metrics.horizontalAdvance(label) / 2
        if x - half > last_end + 4 * pt and x + half <= width:
            painter.drawText(
                QRectF(x - half, bottom + 2.5 * pt, 2 * half, metrics.height()),
                Qt.AlignmentFlag.AlignCenter,
                label,
            )
            last_end = x + half
    painter.end()
    return image


def _panel(
    painter: QPainter,
    metrics: QFontMetricsF,
    rect: QRectF,
    panel: Panel,
    xs: np.ndarray,
    slot: float,
    pt: float,
) -> None:
    def y_of(values: np.ndarray | float) -> np.ndarray | float:
        share = (np.asarray(values, dtype=float) - panel.low) / (panel.high - panel.low)
        return rect.bottom() - np.clip(share, 0.0, 1.0) * rect.height()

    for tick in panel.ticks:
        y = float(y_of(tick))
        painter.setPen(_pen(GRID, 0.5 * pt))
        painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
        painter.setPen(QColor(MUTED))
        text = (
            translate("summary", "{percent}%").format(percent=format_figure(tick))
            if panel.percent
            else format_figure(tick)
        )
        painter.drawText(
            QRectF(rect.left() - 24 * pt, y - metrics.height() / 2, 21 * pt, metrics.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            text,
        )
    painter.save()
    painter.translate(rect.left() - 29 * pt, rect.center().y())
    painter.rotate(-90)
    painter.drawText(
        QRectF(-rect.height() / 2, -metrics.height() / 2, rect.height(), metrics.height()),
        Qt.AlignmentFlag.AlignCenter,
        panel.label,
    )
    painter.restore()
    for series in panel.series:
        values = np.asarray(series.values, dtype=float)
        colour = QColor(chart_colour(series.colour))
        known = ~np.isnan(values)
        if series.draw == "bars":
            shown = known & (values > 0)
            bar = max(slot * 0.72, 0.6 * pt)
            tops = y_of(values[shown])
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRects(
                [
                    QRectF(x - bar / 2, t, bar, rect.bottom() - t)
                    for x, t in zip(xs[shown], tops, strict=True)
                ]
            )
            continue
        ys = y_of(values)
        painter.setPen(_pen(colour, series.width * pt, series.dash))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        edges = np.flatnonzero(np.diff(np.concatenate(([0], known.astype(int), [0]))))
        runs = (
            [np.flatnonzero(known)]
            if series.joined
            else [np.arange(a, b) for a, b in zip(edges[::2], edges[1::2], strict=True)]
        )
        alone = [int(run[0]) for run in runs if len(run) == 1]
        for run in runs if series.draw == "line" else ():
            if len(run) > 1:
                painter.drawPolyline(QPolygonF([QPointF(xs[i], ys[i]) for i in run]))
        dots = np.flatnonzero(known) if series.marker != "none" else np.array(alone, dtype=int)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        radius = (2.8 if series.draw == "points" else 1.3 if known.sum() > 40 else 2.2) * pt
        if series.mood_dots:  # each day's dot in the one mood palette, outlined for the pale
            painter.setPen(_pen(MUTED, 0.35 * pt))
        for i in dots:
            if series.mood_dots:
                painter.setBrush(QColor(mood_colour(round(float(values[i])))))
            _marker(painter, series.marker, QPointF(xs[i], ys[i]), radius)
    painter.setPen(_pen(MUTED, 0.6 * pt))
    painter.drawLine(rect.bottomLeft(), rect.bottomRight())


def _n(n: int) -> str:
    """A group's number of days beside its row: "n = 12"."""
    return translate("summary", "n = {n}").format(n=format_number(n, 0))


def _rows_height(chart: RowsChart, dpi: float) -> float:
    rows = sum(len(group) for _title, group in chart.groups)
    row_height = 9.5 * (dpi / 72)
    return _metrics(dpi).height() * 4.2 + (len(chart.groups) + rows) * row_height


def _rows_chart(chart: RowsChart, width: int, dpi: float) -> QImage:
    pt = dpi / 72
    metrics = _metrics(dpi)
    line, row_height = metrics.height(), 9.5 * pt
    rows = [row for _title, group in chart.groups for row in group]
    image, painter = _canvas(width, _rows_height(chart, dpi), dpi)
    label_width = min(
        width * 0.42,
        max(metrics.horizontalAdvance(f"{r.label}    {_n(r.n)}") for r in rows) + 14 * pt,
    )
    left, right = label_width + 4 * pt, width - 10 * pt
    low, high, step = chart.low, chart.high, chart.step
    top, bottom = line * 1.6, image.height() - line * 2.6

    def x_of(value: float) -> float:
        return left + (value - low) / (high - low) * (right - left)

    painter.setPen(QColor(MUTED))
    for tick in np.arange(low, high + step / 2, step):
        x = x_of(float(tick))
        painter.setPen(_pen(GRID, 0.5 * pt))
        painter.drawLine(QPointF(x, top), QPointF(x, bottom))
        painter.setPen(QColor(MUTED))
        painter.drawText(
            QRectF(x - 15 * pt, bottom + 2 * pt, 30 * pt, line),
            Qt.AlignmentFlag.AlignCenter,
            format_figure(float(tick)),
        )
    painter.drawText(
        QRectF(left, bottom + line + 3 * pt, right - left, line),
        Qt.AlignmentFlag.AlignCenter,
        chart.axis_label,
    )
    if chart.reference is not None:
        x = x_of(chart.reference)
        painter.setPen(_pen(MUTED, 0.8 * pt, "dash"))
        painter.drawLine(QPointF(x, top), QPointF(x, bottom))
        painter.setPen(QColor(MUTED))
        painter.drawText(
            QRectF(x - 60 * pt, 0, 120 * pt, line),
            Qt.AlignmentFlag.AlignCenter,
            translate("summary", "{label} {value}").format(
                label=chart.reference_label, value=format_number(chart.reference, 1)
            ),
        )
    y = top
    for number, (title, group) in enumerate(chart.groups):
        painter.setFont(font(7.5, bold=True))
        painter.setPen(QColor(HEADING))
        painter.drawText(
            QRectF(0, y, label_width, row_height), Qt.AlignmentFlag.AlignVCenter, title
        )
        painter.setFont(font(7.5))
        y += row_height
        shape = ("circle", "square", "triangle")[number % 3]
        for row in group:
            middle = y + row_height / 2
            painter.setPen(QColor(INK))
            painter.drawText(
                QRectF(6 * pt, y, label_width, row_height), Qt.AlignmentFlag.AlignVCenter, row.label
            )
            painter.setPen(QColor(MUTED))
            painter.drawText(
                QRectF(0, y, label_width - 4 * pt, row_height),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                _n(row.n),
            )
            colour = QColor(series_colours()[number % 2])  # as the screen's kinds and modes
            painter.setPen(_pen(colour, 1.1 * pt))
            lo, hi = x_of(max(row.low, low)), x_of(min(row.high, high))
            painter.drawLine(QPointF(lo, middle), QPointF(hi, middle))
            for end in (lo, hi):
                painter.drawLine(QPointF(end, middle - 3 * pt), QPointF(end, middle + 3 * pt))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            _marker(painter, shape, QPointF(x_of(row.mean), middle), 2.6 * pt)
            y += row_height
    painter.setPen(_pen(MUTED, 0.6 * pt))
    painter.drawLine(QPointF(left, bottom), QPointF(right, bottom))
    painter.end()
    return image
