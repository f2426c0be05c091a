"""The summary's charts are drawn when their page is (issue 21, memory): the layout takes their
sizes without drawing them, and the pages come out as with every chart held as an image."""

import datetime as dt

import numpy as np
from PySide6.QtCore import QBuffer, QUrl
from PySide6.QtGui import QImage, QPainter, QTextDocument

from journal.progress import never_cancelled, no_progress
from journal.report.summary import pdf
from journal.report.summary.html import chart_name
from journal.report.summary.pdf_charts import chart_image, chart_size
from tests.helpers import TODAY

START = TODAY - dt.timedelta(days=90)


def _pixels(image: QImage) -> np.ndarray:
    return np.frombuffer(image.constBits(), dtype=np.uint8).copy()


def test_a_charts_size_is_that_of_its_drawing(demo_journal) -> None:
    pdf.ensure_application()
    summary = demo_journal.build_summary(START, TODAY)
    assert len(summary.charts) >= 2
    for chart in summary.charts:
        for width, dpi in ((2053, 300), (800, 150), (333, 96)):
            image = chart_image(chart, width, dpi)
            assert chart_size(chart, width, dpi) == (image.width(), image.height())


def test_the_pages_are_those_drawn_with_every_chart_held(demo_journal) -> None:
    pdf.ensure_application()
    summary = demo_journal.build_summary(START, TODAY)
    lazy = pdf.render_pages(summary, dpi=50)

    buffer = QBuffer()
    writer = pdf._writer(buffer, summary, "A4")
    pages = pdf._Pages(summary, writer, no_progress, never_cancelled)
    for index, chart in enumerate(summary.charts):  # held, as before: a resource wins
        pages.doc.addResource(
            QTextDocument.ResourceType.ImageResource,
            QUrl(chart_name(index)),
            chart_image(chart, pages.width, pdf.RESOLUTION),
        )
    layout = writer.pageLayout()
    full = layout.fullRectPixels(50)
    offset = layout.paintRectPixels(pdf.RESOLUTION).topLeft()
    assert pages.count == len(lazy) >= 2
    for index, page in enumerate(lazy):
        held = pdf.blank_image(full.width(), full.height(), 50)
        painter = QPainter(held)
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
        )
        painter.scale(50 / pdf.RESOLUTION, 50 / pdf.RESOLUTION)
        painter.translate(offset)
        pages.paint(painter, index)
        painter.end()
        np.testing.assert_array_equal(_pixels(page), _pixels(held), err_msg=f"page {index}")
