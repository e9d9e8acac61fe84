"""A long cell text is drawn from the head of it the cell shows: the same pixels as the whole,
for work bounded by the cell's width, not the text's length."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QImage, QPainter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)
from pytestqt.qtbot import QtBot

from viewer.ui.cell_overflow import (
    NARROWEST,
    SLACK,
    ascii_head,
    cut_for_drawing,
    overflowing_head,
)
from viewer.ui.event_table import EventTable
from viewer.ui.table_cells import CellDelegate

SENTENCE = ("The ministers met in Geneva on 12 March 2024 to discuss the ceasefire, "
            "and the talks (which began late) went on until the early hours of the next day. ")
TEXTS = [
    SENTENCE * 3,
    "AVATAR Wavy Tofu office fjord affine " * 8,  # kerning pairs and ligatures everywhere
    "Ünïcödé façade — “quoted” naïve café, e\u0301\u0302 marks and 漢字かな交じり文 " * 4,
    "short text",
    "ש" + SENTENCE * 2,  # right to left: given whole
    SENTENCE + "\u2028" + SENTENCE,  # two lines: given whole
]


def _drawn(table: QTableView, text: str, width: int, cut: bool) -> QImage:
    image = QImage(width, 22, QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    option = QStyleOptionViewItem()
    option.initFrom(table)
    option.rect = QRect(0, 0, width, 22)
    option.text = text
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
    option.textElideMode = Qt.TextElideMode.ElideRight
    option.displayAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    if cut:
        cut_for_drawing(option)
    painter = QPainter(image)
    try:
        table.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, table)
    finally:
        painter.end()
    return image


def test_the_head_draws_the_pixels_the_whole_text_draws(qtbot: QtBot) -> None:
    table = QTableView()
    qtbot.addWidget(table)
    metrics = table.fontMetrics()
    for text in TEXTS:
        for width in (40, 129, 170, 319, 640):
            head = overflowing_head(text, width, metrics)
            assert text.startswith(head)
            assert _drawn(table, text, width, cut=True) == _drawn(table, text, width, cut=False)
    # the long left-to-right texts were cut; the right-to-left and two-line ones were not
    assert len(overflowing_head(TEXTS[0], 319, metrics)) < len(TEXTS[0])
    assert overflowing_head(TEXTS[4], 319, metrics) == TEXTS[4]
    assert overflowing_head(TEXTS[5], 319, metrics) == TEXTS[5]


def test_a_cell_other_than_right_elided_single_line_keeps_its_text(qtbot: QtBot) -> None:
    table = QTableView()
    qtbot.addWidget(table)
    for mode, wrap in ((Qt.TextElideMode.ElideLeft, False), (Qt.TextElideMode.ElideMiddle, False),
                       (Qt.TextElideMode.ElideRight, True)):
        option = QStyleOptionViewItem()
        option.initFrom(table)
        option.rect = QRect(0, 0, 200, 22)
        option.text = TEXTS[0]
        option.textElideMode = mode
        if wrap:
            option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        cut_for_drawing(option)
        assert option.text == TEXTS[0]


def test_the_work_is_bounded_by_the_cells_width_not_the_texts_length(qtbot: QtBot) -> None:
    """A megabyte sentence: at most two measures, of heads no longer than twice what the
    cell holds of the narrowest assumed characters, and a head of that bound."""
    table = QTableView()
    qtbot.addWidget(table)
    metrics = table.fontMetrics()
    measured: list[int] = []

    class Counted:
        def averageCharWidth(self) -> int:
            return metrics.averageCharWidth()

        def horizontalAdvance(self, text: str) -> int:
            measured.append(len(text))
            return metrics.horizontalAdvance(text)

    width = 319
    bound = 2 * (width // NARROWEST + 1)
    for text in ("word " * 200_000, "i" * 1_000_000, "\u200b" * 1_000_000):
        measured.clear()
        head = overflowing_head(text, width, Counted())  # type: ignore[arg-type]
        assert len(measured) <= 2 and all(n <= bound for n in measured)
        assert len(head) <= bound + SLACK or head == text
    # zero-width characters never overflow: the whole, after two bounded measures
    assert measured and len(measured) == 2


def test_metrics_are_the_options_own(qtbot: QtBot) -> None:
    """The head is measured with the font the style draws with (an italic date's own)."""
    table = QTableView()
    qtbot.addWidget(table)
    option = QStyleOptionViewItem()
    option.initFrom(table)
    font = option.font
    font.setItalic(True)
    option.font, option.fontMetrics = font, QFontMetrics(font)
    option.rect = QRect(0, 0, 319, 22)
    option.text = TEXTS[0]
    option.textElideMode = Qt.TextElideMode.ElideRight  # the view's (an option's own: middle)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
    cut_for_drawing(option)
    assert TEXTS[0].startswith(option.text) and len(option.text) < len(TEXTS[0])


class _Texts(QStandardItemModel):
    """Rows of long texts, answering the table's one question per cell."""

    def cell(self, row: int, column: int) -> tuple[str | None, bool, bool] | None:
        item = self.item(row, column)
        return None if item is None else (item.text(), False, False)


def test_the_tables_long_cells_look_as_qts_own_delegate_draws_them(qtbot: QtBot) -> None:
    """Through the table's delegate, both ways it draws a new cell: together at the paint's
    end (the table's own paint) and one by one (a paint it did not announce)."""
    model = _Texts(len(TEXTS), 2)
    for row, text in enumerate(TEXTS):
        model.setItem(row, 0, QStandardItem(text))
        model.setItem(row, 1, QStandardItem(text[::-1]))
    table = EventTable()
    qtbot.addWidget(table)
    table.resize(1200, 300)
    table.setModel(model)
    table.setSortingEnabled(False)
    for column, width in ((0, 319), (1, 170)):
        table.horizontalHeader().resizeSection(column, width)
    table.show()
    qtbot.waitExposed(table)
    assert isinstance(table.itemDelegate(), CellDelegate)
    ours = table.viewport().grab().toImage()
    drawn_alone = QImage(table.viewport().size(), QImage.Format.Format_ARGB32)
    table.itemDelegate()._pictures.clear()  # type: ignore[attr-defined]
    table.viewport().render(drawn_alone)  # outside the table's paint: one cell at a time
    delegate = table.itemDelegate()
    table.setItemDelegate(QStyledItemDelegate(table))
    theirs = table.viewport().grab().toImage()
    table.setItemDelegate(delegate)
    assert ours == theirs
    assert drawn_alone.convertToFormat(theirs.format()) == theirs


def test_an_ascii_sentence_too_short_to_measure_is_cut_by_its_characters(qtbot: QtBot) -> None:
    """Sentences of 60 to 170 characters (most of the table's), kerned pairs among them, are
    cut by their characters' advances alone: the head overflows the cell, and the style
    draws the same pixels from it as from the whole."""
    from PySide6.QtGui import QFontMetricsF

    table = QTableView()
    qtbot.addWidget(table)
    metrics = QFontMetricsF(table.font())
    words = [*SENTENCE.split(), "AVATAR", "Wavy", "To", "fjord", "affine", "Tofu"]
    cut = 0
    for length in range(60, 171, 11):
        text = (" ".join(words[i % len(words)] for i in range(length)))[:length]
        for width in (129, 170, 319, 420):
            head = ascii_head(text, width, table.font())
            assert text.startswith(head)
            if head != text:
                cut += 1
                assert metrics.horizontalAdvance(head[:-SLACK]) > width
            assert _drawn(table, text, width, cut=True) == _drawn(table, text, width, cut=False)
    assert cut > 20


def test_the_ascii_scan_stops_where_the_head_does(qtbot: QtBot) -> None:
    """A megabyte of ASCII: the head is what the cell holds and SLACK more, found in a scan
    as long as the head (a fresh font's characters are measured once each)."""
    table = QTableView()
    qtbot.addWidget(table)
    text = "word " * 200_000
    head = ascii_head(text, 319, table.font())
    assert len(head) <= 319 // 2 + SLACK  # no ASCII letter of the table's font is under 2 px
    assert text.startswith(head)
