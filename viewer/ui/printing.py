"""File ▸ Print…: the visible timeline on the first page (landscape), then the chronology of
the shown events, with a preview before anything goes to a printer."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

from viewer.core.export import ExportJob
from viewer.core.export.chronology import markdown
from viewer.core.provenance import MARKDOWN_MARK

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow

IMAGE_SCALE = 3.0  # the timeline image's pixels per screen pixel, for a sharp print
FOOTNOTE = re.compile(r"\[\^(\d+)\]")


def print_preview(window: MainWindow) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    dialog = QPrintPreviewDialog(printer, window)
    dialog.setWindowTitle("Print timeline")
    dialog.paintRequested.connect(lambda p: paint_pages(window, p))
    dialog.exec()


def paint_pages(window: MainWindow, printer: QPrinter) -> int:
    """Draw the pages; returns how many there are."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    page = QRectF(printer.pageRect(QPrinter.Unit.DevicePixel))
    page.moveTo(0, 0)
    timeline = window.timeline
    viewport = timeline.viewport()
    width, height = float(viewport.width()), float(viewport.height())
    # Drawn at screen size into an image (fonts and line widths as on screen), then scaled
    # onto the page: a printer's resolution would otherwise make the text enormous.
    image = QImage(int(width * IMAGE_SCALE), int(height * IMAGE_SCALE),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(IMAGE_SCALE)
    image_painter = QPainter(image)
    image_painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    timeline.paint(image_painter, QRectF(0, 0, width, height))
    image_painter.end()
    factor = min(page.width() / max(1.0, width), page.height() / max(1.0, height))
    painter.drawImage(QRectF(0, 0, width * factor, height * factor), image)
    pages = 1
    events = [window.model.events[r] for r in window.proxy.shown_source_rows()]
    title = f"Timeline: {window.folder.name if window.folder else 'events'}"
    job = ExportJob(tuple(events), dict(window.documents), window.proxy.filter, title,
                    tuple(timeline.periods), topic_labels=window.topic_labels())
    document = QTextDocument()
    # Footnote markers as plain "[1]": Qt's Markdown has no footnotes.
    text = FOOTNOTE.sub(r"[\1]", markdown(job).removeprefix(MARKDOWN_MARK))
    document.setMarkdown(text)
    # Lay the text out at a readable size: as if the page were 720 points wide.
    text_scale = page.width() / 720.0
    document.setPageSize(QSizeF(720.0, page.height() / text_scale))
    for index in range(document.pageCount()):
        printer.newPage()
        pages += 1
        painter.save()
        painter.scale(text_scale, text_scale)
        top = index * document.pageSize().height()
        painter.translate(0, -top)
        document.drawContents(painter, QRectF(0, top, 720.0, document.pageSize().height()))
        painter.restore()
    painter.end()
    return pages
