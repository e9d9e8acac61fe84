"""File ▸ Print…: the visible timeline on the first page (landscape), then the chronology of
the shown events, with a preview before anything goes to a printer."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QImage, QPageLayout, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

from viewer.core.export import ExportJob
from viewer.core.export.chronology import markdown
from viewer.core.export.provenance import MARKDOWN_MARK

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow

IMAGE_SCALE = 3.0  # the timeline image's pixels per screen pixel, for a sharp print
FOOTNOTE = re.compile(r"\[\^(\d+)\]")


def new_printer() -> QPrinter:
    """Landscape, with a margin all round: the timeline ran to the very edge of the paper."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    printer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
    return printer


def print_preview(window: MainWindow) -> None:
    printer = new_printer()
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
    paint_timeline_page(window, painter, page)
    pages = 1
    timeline = window.timeline
    events = [window.model.events[r] for r in window.proxy.shown_source_rows()]
    title = page_title(window)
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


def page_title(window: MainWindow) -> str:
    return f"Timeline: {window.folder.name if window.folder else 'events'}"


def paint_timeline_page(window: MainWindow, painter: QPainter, page: QRectF) -> float:
    """The first page: a title line, then the visible timeline scaled to the rest of the
    page. Returns the height the title takes."""
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
    title = page_title(window)
    # The timeline page has a title line, like the picture exports, then the image.
    title_font = QFont(window.font())
    title_font.setBold(True)
    title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
    painter.setFont(title_font)
    title_height = QFontMetricsF(title_font, painter.device()).height() * 1.6
    painter.drawText(QRectF(0, 0, page.width(), title_height),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
    room = page.height() - title_height
    factor = min(page.width() / max(1.0, width), room / max(1.0, height))
    painter.drawImage(QRectF(0, title_height, width * factor, height * factor), image)
    return title_height
