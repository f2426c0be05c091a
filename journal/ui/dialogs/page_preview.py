"""The summary's pages before it is saved, exactly as the PDF will lay them out.

The pages come as images (``Journal.preview_summary`` draws them with the PDF's own layout),
shown one under the other in a scroll area, each scaled to the dialog's width; page 1, what
the care team reads first, opens the column. A ``note`` (a safety answer the chosen sections
leave out) is said above the pages. "Save PDF…" closes the dialog with ``SAVE`` so the page
goes on to save the same summary.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.ui import theme
from journal.ui.widgets.scrolling import scroll_area

#: ``exec()`` result when the person chose to save the previewed summary.
SAVE = 2


class PagePreviewDialog(QDialog):
    """A scrollable column of page images, with "Save PDF…" and "Close"."""

    def __init__(
        self, pages: list[QImage], parent: QWidget | None = None, *, note: str = ""
    ) -> None:
        super().__init__(parent)
        self.setObjectName("summary_preview_dialog")
        self.setWindowTitle(self.tr("Preview of the summary"))
        self.setAccessibleName(self.tr("Preview of the summary"))
        self._pages = pages
        self._page_count = len(pages)
        self._labels: list[QLabel] = []
        count = QLabel(
            self.tr("{n} pages, as they will be saved.").format(n=len(pages))
            if len(pages) != 1
            else self.tr("1 page, as it will be saved."),
            objectName="preview_page_count",
        )
        self._note = QLabel(note, objectName="preview_safety_note", wordWrap=True)
        self._note.setVisible(bool(note))
        column = QWidget(objectName="preview_pages")
        pages_layout = QVBoxLayout(column)
        pages_layout.setSpacing(12)
        if pages:
            pages_layout.addWidget(
                QLabel(
                    self.tr(
                        "Page 1, at a glance: what your care team reads first, as it will print."
                    ),
                    objectName="preview_first_page",
                )
            )
        for number, _image in enumerate(pages, start=1):
            label = QLabel(objectName=f"preview_page_{number}")
            label.setAccessibleName(
                self.tr("Page {n} of {total}").format(n=number, total=len(pages))
            )
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setFrameShape(QFrame.Shape.Box)
            pages_layout.addWidget(label)
            self._labels.append(label)
        self._scroll = scroll_area(
            column, "preview_scroll", framed=True, accessible_name=self.tr("Pages")
        )
        buttons = QDialogButtonBox(objectName="preview_buttons")
        self._save = QPushButton(self.tr("Save PDF…"), objectName="preview_save")
        self._save.setAccessibleName(self.tr("Save this summary as a PDF"))
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("preview_close")
        buttons.addButton(self._save, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(count)
        layout.addWidget(self._note)
        theme.paint_as_notice(self._note)
        layout.addWidget(self._scroll, 1)
        layout.addWidget(buttons)
        self._save.clicked.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)
        self.resize(760, 900)

    @property
    def page_count(self) -> int:
        return self._page_count

    @property
    def note(self) -> str:
        """What the dialog says above the pages (empty when nothing)."""
        return self._note.text() if not self._note.isHidden() else ""

    @property
    def holds_images(self) -> bool:
        """Whether the page images (some 3.5 MB each at the preview's resolution) are held."""
        return bool(self._pages) or any(not label.pixmap().isNull() for label in self._labels)

    def done(self, result: int) -> None:
        """Closed (Close, Esc or Save): the page images go at once, not when Qt deletes the
        dialog, so a long session does not keep a summary's pages alive."""
        super().done(result)
        self._pages = []
        for label in self._labels:
            label.clear()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        width = max(200, self._scroll.viewport().width() - 40)
        for label, image in zip(self._labels, self._pages, strict=False):
            label.setPixmap(
                QPixmap.fromImage(image).scaledToWidth(
                    width, Qt.TransformationMode.SmoothTransformation
                )
            )

    def _on_save_clicked(self) -> None:
        self.done(SAVE)
