"""The one module of ``report`` that uses Qt: a ``Summary`` drawn into a PDF.

``QTextDocument`` lays out the HTML of ``summary_html`` on the page size of a ``QPdfWriter``
(page size, margins and resolution are set on the writer) and paginates it; tables repeat
their header row on each page and a heading is never left alone at the foot of a page. Each
page is drawn with ``drawContents`` and a footer with the page number. Text stays text
(selectable, searchable, fonts embedded), with ligatures off so "fi" is found as "fi".
Charts are painted here with ``QPainter`` straight from the summary's plain arrays, at print
resolution, and embedded losslessly. ``QPainter`` on images and PDF writers is safe off the
GUI thread, so all of this runs in a worker.

The file is written beside its target and renamed at the end: cancelling or an error leaves
nothing behind, and an earlier file of the same name untouched.
"""

from __future__ import annotations

import math
import os
import sys
from pathlib import Path

import numpy as np
from PySide6.QtCore import QBuffer, QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QPolygonF,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from journal import paths
from journal.domain.errors import ValidationError
from journal.report.progress import IsCancelled, Progress, check, never_cancelled, no_progress
from journal.report.summary_blocks import Chart, Panel, RowsChart, Summary, TimeChart
from journal.report.summary_html import HEADING, INK, MUTED, chart_name, to_html

RESOLUTION = 300
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
MARGINS_MM = QMarginsF(18, 15, 18, 11)
FOOTER_PT = 18
FAMILIES = ("DejaVu Sans", "Noto Sans", "Source Sans 3", "Liberation Sans", "Arial",
            "Helvetica")
#: Okabe & Ito's colour-blind-safe set, plus the light green of bars behind darker ones.
COLOURS = {"blue": "#0072B2", "vermillion": "#D55E00", "green": "#009E73",
           "green_light": "#a8dccb", "purple": "#CC79A7", "orange": "#E69F00",
           "grey": "#7a7f87"}
GRID = QColor("#dde2e7")
_DASHES = {"solid": Qt.PenStyle.SolidLine, "dash": Qt.PenStyle.DashLine,
           "dot": Qt.PenStyle.DotLine}
_family: str | None = None


def ensure_application() -> QGuiApplication:
    """The running application, or a new one; without a display it draws offscreen."""
    app = QCoreApplication.instance()
    if app is None:
        if sys.platform not in ("win32", "darwin") and not (
                os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication  # so later widgets find a QApplication

        app = QApplication([sys.argv[0] if sys.argv else "connection-journal"])
    if not isinstance(app, QGuiApplication):
        raise RuntimeError("a PDF needs a QGuiApplication, and a QCoreApplication is running")
    return app


def font(points: float, *, bold: bool = False) -> QFont:
    """The document's font at ``points``, with ligatures off (so "fi" stays searchable)."""
    global _family
    if _family is None:
        have = set(QFontDatabase.families())
        _family = next((f for f in FAMILIES if f in have),
                       QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family())
    result = QFont(_family)
    result.setPointSizeF(points)
    result.setBold(bold)
    result.setFeature(QFont.Tag("liga"), 0)
    return result


def check_paper(paper: str) -> str:
    for name in PAGE_SIZES:
        if paper.casefold() == name.casefold():
            return name
    raise ValidationError("paper", "paper must be A4 or Letter")


def _writer(device: str | QBuffer, summary: Summary, paper: str) -> QPdfWriter:
    writer = QPdfWriter(device)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(PAGE_SIZES[check_paper(paper)]),
                                     QPageLayout.Orientation.Portrait, MARGINS_MM,
                                     QPageLayout.Unit.Millimeter))
    writer.setCreator("Connection Journal")
    writer.setTitle(f"{summary.title} · {summary.subtitle}")
    return writer


# --- the document ------------------------------------------------------------------------------

class _Pages:
    """A summary laid out on the pages of ``device``; ``paint`` draws page ``index``."""

    def __init__(self, summary: Summary, device: QPdfWriter, progress: Progress,
                 cancelled: IsCancelled) -> None:
        self.summary = summary
        rect = device.pageLayout().paintRectPixels(RESOLUTION)
        self.width, self.height = rect.width(), rect.height()
        self.body = self.height - round(FOOTER_PT * RESOLUTION / 72)
        doc = self.doc = QTextDocument()
        doc.documentLayout().setPaintDevice(device)
        doc.setDocumentMargin(0)
        doc.setDefaultFont(font(9.5))
        sizes = {}
        charts = summary.charts
        for index, chart in enumerate(charts):
            check(cancelled)
            image = chart_image(chart, self.width, RESOLUTION)
            doc.addResource(QTextDocument.ResourceType.ImageResource,
                            QUrl(chart_name(index)), image)
            # <img> sizes are CSS pixels, scaled by the device's dpi / 96 when laid out
            sizes[chart_name(index)] = (image.width() * 96 / RESOLUTION,
                                        image.height() * 96 / RESOLUTION)
            progress(5 + 35 * (index + 1) // len(charts))
        check(cancelled)
        doc.setHtml(to_html(summary, sizes))
        doc.setPageSize(QSizeF(self.width, self.body))
        keep_headings_with_next(doc, self.body)
        self.count = doc.pageCount()
        progress(50)

    def paint(self, painter: QPainter, index: int) -> None:
        painter.save()
        painter.translate(0, -index * self.body)
        self.doc.drawContents(painter, QRectF(0, index * self.body, self.width, self.body))
        painter.restore()
        pt = RESOLUTION / 72
        line_y = self.height - (FOOTER_PT - 5) * pt
        painter.setPen(QPen(GRID, 0.6 * pt))
        painter.drawLine(QPointF(0, line_y), QPointF(self.width, line_y))
        painter.setFont(font(7.5))
        painter.setPen(QColor(MUTED))
        area = QRectF(0, line_y + 2 * pt, self.width, self.height - line_y - 2 * pt)
        align = Qt.AlignmentFlag.AlignTop
        painter.drawText(area, align | Qt.AlignmentFlag.AlignLeft, self.summary.footer)
        painter.drawText(area, align | Qt.AlignmentFlag.AlignRight,
                         f"Page {index + 1} of {self.count}")


def keep_headings_with_next(doc: QTextDocument, page_height: float) -> None:
    """Move a heading to the next page when it and the start of what follows do not fit.

    Each move shifts what follows, so the document is laid out again after it (Qt's
    incremental relayout leaves later blocks where they were) before looking further.
    """
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() and _heading_stranded(doc, block, page_height):
            moved = QTextBlockFormat()
            moved.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            QTextCursor(block).mergeBlockFormat(moved)
            size = doc.pageSize()
            doc.setPageSize(QSizeF(size.width(), size.height() + 1))  # a full relayout
            doc.setPageSize(size)
        block = block.next()


def _heading_stranded(doc: QTextDocument, block: QTextBlock, page_height: float) -> bool:
    """Whether ``block`` (a heading), the headings after it and the first lines of what
    follows them run past the end of the page ``block`` starts on."""
    layout = doc.documentLayout()
    top = layout.blockBoundingRect(block).top()
    need, following = 0.0, block
    while following.isValid() and following.blockFormat().headingLevel():
        need += layout.blockBoundingRect(following).height()
        following = following.next()
    if following.isValid() and following.layout().lineCount():
        line = following.layout().lineAt(0).height()
        in_table = QTextCursor(following).currentTable() is not None
        need += line * (3.6 if in_table else min(following.layout().lineCount(), 3))
    page_top = math.floor(top / page_height) * page_height
    return top > page_top + 1 and top + need > page_top + page_height


def render_pdf(summary: Summary, out: Path, *, paper: str = "A4",
               progress: Progress | None = None,
               cancelled: IsCancelled = never_cancelled) -> Path:
    """Write ``summary`` to ``out`` as a PDF (0600, atomically); ``Cancelled`` writes nothing."""
    ensure_application()
    report = progress or no_progress
    out = Path(out)
    temporary = out.with_name(out.name + ".part")
    paths.ensure_private_file(temporary)
    try:
        report(2)
        writer = _writer(str(temporary), summary, paper)
        pages = _Pages(summary, writer, report, cancelled)
        painter = QPainter()
        if not painter.begin(writer):
            raise OSError(f"could not write {out}")
        try:
            painter.setRenderHints(QPainter.RenderHint.Antialiasing
                                   | QPainter.RenderHint.TextAntialiasing
                                   | QPainter.RenderHint.LosslessImageRendering)
            for index in range(pages.count):
                check(cancelled)
                if index:
                    writer.newPage()
                pages.paint(painter, index)
                report(50 + 50 * (index + 1) // pages.count)
        finally:
            painter.end()
        del pages, writer  # the document first: it lays out on the writer
        check(cancelled)
        with temporary.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, out)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return out


def render_pages(summary: Summary, *, paper: str = "A4", dpi: int = 96,
                 progress: Progress | None = None,
                 cancelled: IsCancelled = never_cancelled) -> list[QImage]:
    """The pages ``render_pdf`` would write, as images at ``dpi`` (for a preview)."""
    ensure_application()
    report = progress or no_progress
    buffer = QBuffer()
    writer = _writer(buffer, summary, paper)
    pages = _Pages(summary, writer, report, cancelled)
    layout = writer.pageLayout()
    full = layout.fullRectPixels(dpi)
    offset = layout.paintRectPixels(RESOLUTION).topLeft()
    images = []
    for index in range(pages.count):
        check(cancelled)
        image = _image(full.width(), full.height(), dpi)
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing
                               | QPainter.RenderHint.SmoothPixmapTransform)
        painter.scale(dpi / RESOLUTION, dpi / RESOLUTION)
        painter.translate(offset)
        pages.paint(painter, index)
        painter.end()
        images.append(image)
        report(50 + 50 * (index + 1) // pages.count)
    del pages, writer  # before the buffer they draw on
    buffer.close()
    return images


# --- charts ------------------------------------------------------------------------------------

def chart_image(chart: Chart, width: int, dpi: float) -> QImage:
    """``chart`` drawn ``width`` pixels wide at ``dpi`` (its sizes are in points)."""
    if isinstance(chart, TimeChart):
        return _time_chart(chart, width, dpi)
    return _rows_chart(chart, width, dpi)


def _image(width: int, height: float, dpi: float) -> QImage:
    image = QImage(width, max(1, round(height)), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(QColor("white"))
    return image


def _metrics(dpi: float) -> QFontMetricsF:
    return QFontMetricsF(font(7.5), _image(1, 1, dpi))


def _canvas(width: int, height: float, dpi: float) -> tuple[QImage, QPainter]:
    image = _image(width, height, dpi)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing
                           | QPainter.RenderHint.TextAntialiasing)
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
        painter.drawPolygon(QPolygonF([QPointF(at.x(), at.y() - radius * 1.2),
                                       QPointF(at.x() - radius * 1.1, at.y() + radius * 0.8),
                                       QPointF(at.x() + radius * 1.1, at.y() + radius * 0.8)]))
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
        colour = QColor(COLOURS[series.colour])
        middle = QPointF(x + 8 * pt, y + line / 2)
        if series.draw == "bars":
            painter.fillRect(QRectF(x + 4 * pt, y + line / 2 - 3.5 * pt, 8 * pt, 7 * pt), colour)
        else:
            painter.setPen(_pen(colour, series.width * pt, series.dash))
            if series.draw == "line":
                painter.drawLine(QPointF(x, middle.y()), QPointF(x + 16 * pt, middle.y()))
            if series.marker != "none":
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                _marker(painter, series.marker, middle, 2.2 * pt)
        painter.setPen(QColor(INK))
        painter.drawText(QRectF(x + 18 * pt, y, item, line), Qt.AlignmentFlag.AlignVCenter,
                         series.label)
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
            painter.drawLine(QPointF(x_of(offset), rect.top()),
                             QPointF(x_of(offset), rect.bottom()))
        _panel(painter, metrics, rect, panel, xs, (right - left) / max(count, 1), pt)
        y = rect.bottom() + gap
    painter.setPen(QColor(MUTED))
    last_end = -math.inf
    for offset, label in ticks:
        x = float(x_of(offset))
        painter.drawLine(QPointF(x, bottom), QPointF(x, bottom + 2.5 * pt))
        half = metrics.horizontalAdvance(label) / 2
        if x - half > last_end + 4 * pt and x + half <= width:
            painter.drawText(QRectF(x - half, bottom + 2.5 * pt, 2 * half, metrics.height()),
                             Qt.AlignmentFlag.AlignCenter, label)
            last_end = x + half
    painter.end()
    return image


def _panel(painter: QPainter, metrics: QFontMetricsF, rect: QRectF, panel: Panel,
           xs: np.ndarray, slot: float, pt: float) -> None:
    def y_of(values: np.ndarray | float) -> np.ndarray | float:
        share = (np.asarray(values, dtype=float) - panel.low) / (panel.high - panel.low)
        return rect.bottom() - np.clip(share, 0.0, 1.0) * rect.height()

    for tick in panel.ticks:
        y = float(y_of(tick))
        painter.setPen(_pen(GRID, 0.5 * pt))
        painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
        painter.setPen(QColor(MUTED))
        text = f"{tick:g}%" if panel.percent else f"{tick:g}"
        painter.drawText(QRectF(rect.left() - 24 * pt, y - metrics.height() / 2, 21 * pt,
                                metrics.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
    painter.save()
    painter.translate(rect.left() - 29 * pt, rect.center().y())
    painter.rotate(-90)
    painter.drawText(QRectF(-rect.height() / 2, -metrics.height() / 2, rect.height(),
                            metrics.height()), Qt.AlignmentFlag.AlignCenter, panel.label)
    painter.restore()
    for series in panel.series:
        values = np.asarray(series.values, dtype=float)
        colour = QColor(COLOURS[series.colour])
        known = ~np.isnan(values)
        if series.draw == "bars":
            shown = known & (values > 0)
            bar = max(slot * 0.72, 0.6 * pt)
            tops = y_of(values[shown])
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRects([QRectF(x - bar / 2, t, bar, rect.bottom() - t)
                               for x, t in zip(xs[shown], tops, strict=True)])
            continue
        ys = y_of(values)
        painter.setPen(_pen(colour, series.width * pt, series.dash))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        edges = np.flatnonzero(np.diff(np.concatenate(([0], known.astype(int), [0]))))
        runs = ([np.flatnonzero(known)] if series.joined else
                [np.arange(a, b) for a, b in zip(edges[::2], edges[1::2], strict=True)])
        alone = [int(run[0]) for run in runs if len(run) == 1]
        for run in runs if series.draw == "line" else ():
            if len(run) > 1:
                painter.drawPolyline(QPolygonF([QPointF(xs[i], ys[i]) for i in run]))
        dots = np.flatnonzero(known) if series.marker != "none" else np.array(alone, dtype=int)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        radius = (2.8 if series.draw == "points" else 1.3 if known.sum() > 40 else 2.2) * pt
        for i in dots:
            _marker(painter, series.marker, QPointF(xs[i], ys[i]), radius)
    painter.setPen(_pen(MUTED, 0.6 * pt))
    painter.drawLine(rect.bottomLeft(), rect.bottomRight())


def _rows_chart(chart: RowsChart, width: int, dpi: float) -> QImage:
    pt = dpi / 72
    metrics = _metrics(dpi)
    line, row_height = metrics.height(), 14 * pt
    rows = [row for _title, group in chart.groups for row in group]
    height = line * 4.2 + (len(chart.groups) + len(rows)) * row_height
    image, painter = _canvas(width, height, dpi)
    label_width = min(width * 0.42, max(metrics.horizontalAdvance(f"{r.label}    n = {r.n}")
                                        for r in rows) + 14 * pt)
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
        painter.drawText(QRectF(x - 15 * pt, bottom + 2 * pt, 30 * pt, line),
                         Qt.AlignmentFlag.AlignCenter, f"{tick:g}")
    painter.drawText(QRectF(left, bottom + line + 3 * pt, right - left, line),
                     Qt.AlignmentFlag.AlignCenter, chart.axis_label)
    if chart.reference is not None:
        x = x_of(chart.reference)
        painter.setPen(_pen(MUTED, 0.8 * pt, "dash"))
        painter.drawLine(QPointF(x, top), QPointF(x, bottom))
        painter.setPen(QColor(MUTED))
        painter.drawText(QRectF(x - 60 * pt, 0, 120 * pt, line), Qt.AlignmentFlag.AlignCenter,
                         f"{chart.reference_label} {chart.reference:.1f}")
    y = top
    for number, (title, group) in enumerate(chart.groups):
        painter.setFont(font(7.5, bold=True))
        painter.setPen(QColor(HEADING))
        painter.drawText(QRectF(0, y, label_width, row_height), Qt.AlignmentFlag.AlignVCenter,
                         title)
        painter.setFont(font(7.5))
        y += row_height
        shape = ("circle", "square", "triangle")[number % 3]
        for row in group:
            middle = y + row_height / 2
            painter.setPen(QColor(INK))
            painter.drawText(QRectF(6 * pt, y, label_width, row_height),
                             Qt.AlignmentFlag.AlignVCenter, row.label)
            painter.setPen(QColor(MUTED))
            painter.drawText(QRectF(0, y, label_width - 4 * pt, row_height),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                             f"n = {row.n}")
            colour = QColor(COLOURS["blue"] if number % 2 == 0 else COLOURS["vermillion"])
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
