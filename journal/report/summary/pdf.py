"""The one module of ``report`` that uses Qt: a ``Summary`` drawn into a PDF.

``QTextDocument`` lays out the HTML of ``html`` on the page size of a ``QPdfWriter``
(page size, margins and resolution are set on the writer) and paginates it; tables repeat
their header row on each page and a heading is never left alone at the foot of a page. Each
page is drawn with ``drawContents`` and a footer with the page number. Text stays text
(selectable, searchable, fonts embedded), with ligatures off so "fi" is found as "fi".
Charts are painted here with ``QPainter`` straight from the summary's plain arrays, at print
resolution, and embedded losslessly. ``QPainter`` on images and PDF writers is safe off the
GUI thread, so all of this runs in a worker.

The PDF is made in memory and written beside its target, then renamed (``journal.atomic_file``):
cancelling or an error leaves nothing behind, and an earlier file of the same name untouched.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from journal.atomic_file import write_bytes
from journal.domain.errors import ValidationError
from journal.i18n import format_number, translate
from journal.progress import IsCancelled, Progress, check, never_cancelled, no_progress
from journal.report.summary.blocks import Chart, Summary
from journal.report.summary.html import MUTED, chart_name, to_html
from journal.report.summary.pdf_charts import GRID, blank_image, chart_image, chart_size, font

RESOLUTION = 300
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
MARGINS_MM = QMarginsF(18, 15, 18, 11)
FOOTER_PT = 18


def ensure_application() -> QGuiApplication:
    """The running application, or a new one; without a display it draws offscreen."""
    app = QCoreApplication.instance()
    if app is None:
        if sys.platform not in ("win32", "darwin") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        ):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication  # so later widgets find a QApplication

        app = QApplication([sys.argv[0] if sys.argv else "connection-journal"])
    if not isinstance(app, QGuiApplication):
        raise RuntimeError("a PDF needs a QGuiApplication, and a QCoreApplication is running")
    return app


def check_paper(paper: str) -> str:
    for name in PAGE_SIZES:
        if paper.casefold() == name.casefold():
            return name
    raise ValidationError("paper", translate("validation", "paper must be A4 or Letter"))


def _writer(device: str | QBuffer, summary: Summary, paper: str) -> QPdfWriter:
    writer = QPdfWriter(device)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(PAGE_SIZES[check_paper(paper)]),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setCreator("Connection Journal")
    writer.setTitle(f"{summary.title} · {summary.subtitle}")
    return writer


# --- the document ------------------------------------------------------------------------------


class _Pages:
    """A summary laid out on the pages of ``device``; ``paint`` draws page ``index``."""

    def __init__(
        self, summary: Summary, device: QPdfWriter, progress: Progress, cancelled: IsCancelled
    ) -> None:
        self.summary = summary
        rect = device.pageLayout().paintRectPixels(RESOLUTION)
        self.width, self.height = rect.width(), rect.height()
        self.body = self.height - round(FOOTER_PT * RESOLUTION / 72)
        doc = self.doc = _ChartsDocument(summary.charts, self.width)
        doc.documentLayout().setPaintDevice(device)
        doc.setDocumentMargin(0)
        doc.setDefaultFont(font(9.5))
        sizes = {}
        for index, chart in enumerate(summary.charts):
            check(cancelled)
            width, height = chart_size(chart, self.width, RESOLUTION)
            # <img> sizes are CSS pixels, scaled by the device's dpi / 96 when laid out
            sizes[chart_name(index)] = (width * 96 / RESOLUTION, height * 96 / RESOLUTION)
        progress(40)
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
        painter.drawText(
            area,
            align | Qt.AlignmentFlag.AlignRight,
            translate("summary", "Page {page} of {pages}").format(
                page=format_number(index + 1, 0), pages=format_number(self.count, 0)
            ),
        )


class _ChartsDocument(QTextDocument):
    """A document whose charts are drawn when a page shows them, and let go after it.

    At print resolution a chart is a 5 MB image; held as resources, every chart of the
    summary was in memory beside the pages being drawn. Their sizes (``chart_size``) are all
    the layout needs, and each is drawn on one page, so the pages come out the same.
    """

    def __init__(self, charts: Sequence[Chart], width: int) -> None:
        super().__init__()
        self._charts = {chart_name(index): chart for index, chart in enumerate(charts)}
        self._width = width

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        chart = self._charts.get(name.toString() if isinstance(name, QUrl) else name)
        if kind == QTextDocument.ResourceType.ImageResource and chart is not None:
            return chart_image(chart, self._width, RESOLUTION)
        return super().loadResource(kind, name)


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


def render_pdf(
    summary: Summary,
    out: Path,
    *,
    paper: str = "A4",
    progress: Progress | None = None,
    cancelled: IsCancelled = never_cancelled,
) -> Path:
    """Write ``summary`` to ``out`` as a PDF (0600, atomically); ``Cancelled`` writes nothing.

    The PDF is made in memory and written by ``journal.atomic_file``: Qt's own file writing
    would not say when the disk is full, and would follow a link planted at its path.
    """
    ensure_application()
    report = progress or no_progress
    out = Path(out)
    buffer = QBuffer()
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    report(2)
    writer = _writer(buffer, summary, paper)
    pages = _Pages(summary, writer, report, cancelled)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(translate("errors", "could not write {path}").format(path=out))
    try:
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.LosslessImageRendering
        )
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
    data = bytes(buffer.data())
    buffer.close()
    return write_bytes(out, data)


def render_pages(
    summary: Summary,
    *,
    paper: str = "A4",
    dpi: int = 96,
    progress: Progress | None = None,
    cancelled: IsCancelled = never_cancelled,
) -> list[QImage]:
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
        image = blank_image(full.width(), full.height(), dpi)
        painter = QPainter(image)
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
        )
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
