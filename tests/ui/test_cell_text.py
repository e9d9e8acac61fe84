"""A plain cell's text laid out once draws the style's pixels; any other cell is the
style's to draw."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QStyle, QStyleFactory, QStyleOptionViewItem, QTableView

from viewer.ui.cell_text import PlainText
from viewer.ui.filter_panel import FacetList

_WORDS = ("Geneva talks ceasefire a W iii Ukraine Lviv, fjord office AVATAR To Wy (3) "
          "2024-05-01 Synthetic article 0001234 Zürich café naïve Δελφοί 北京 ffi").split()


def _table(qtbot: Any) -> QTableView:
    table = QTableView()
    table.setWordWrap(False)  # as the events table
    qtbot.addWidget(table)
    table.show()
    return table


def _option(table: QTableView, text: str | None, width: int, height: int) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    table.initViewItemOption(option)
    option.rect = QRect(3, 2, width, height)  # not at the origin: the cell's own place
    if text is not None:
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
        option.text = text
    return option


def _sheet(option: QStyleOptionViewItem) -> QPixmap:
    sheet = QPixmap(option.rect.right() + 4, option.rect.bottom() + 4)
    sheet.fill(QColor("white"))
    return sheet


def _by_style(style: QStyle, table: QTableView, option: QStyleOptionViewItem) -> QImage:
    sheet = _sheet(option)
    painter = QPainter(sheet)
    try:
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, table)
    finally:
        painter.end()
    return sheet.toImage()


def _by_plain(plain: PlainText, option: QStyleOptionViewItem,
              found: tuple[str | None, bool, bool]) -> tuple[QImage, bool]:
    sheet = _sheet(option)
    painter = QPainter(sheet)
    try:
        drawn = plain.draw(painter, option, found, option.state.value, option.features.value)
    finally:
        painter.end()
    return sheet.toImage(), drawn


def _in_each_style(table: QTableView) -> Iterator[tuple[QStyle, PlainText]]:
    """The table in Fusion, then in Windows: each style with the text drawer of its plain
    cells."""
    for name in ("Fusion", "Windows"):
        style = QStyleFactory.create(name)
        table.setStyle(style)
        yield style, PlainText(style, _option(table, None, 10, 10))


def test_plain_cells_draw_the_styles_pixels(qtbot: Any) -> None:
    table = _table(qtbot)
    pick = random.Random(2)
    for style, plain in _in_each_style(table):

        for _ in range(250):
            words = pick.randint(0, 25)
            text = " ".join(pick.choice(_WORDS) for _ in range(words)) if words else None
            option = _option(table, text, pick.choice([40, 90, 160, 319, 420]),
                             pick.choice([21, 22, 30]))
            if pick.random() < 0.3:  # the italic dates
                font = QFont(option.font)
                font.setItalic(True)
                option.font, option.fontMetrics = font, QFontMetrics(font)
            greyed = pick.random() < 0.3  # the greyed rows
            if greyed:
                option.palette.setBrush(QPalette.ColorRole.Text, QColor("#8a8a8a"))
            if pick.random() < 0.2:  # an inactive window
                option.state &= ~QStyle.StateFlag.State_Active
            if pick.random() < 0.1:  # a disabled view
                option.state &= ~QStyle.StateFlag.State_Enabled
            ours, drawn = _by_plain(plain, option, (text, option.font.italic(), greyed))
            assert drawn  # without the style
            assert ours == _by_style(style, table, option), (style.name(), text, option.rect)


def test_other_cells_are_left_to_the_style(qtbot: Any) -> None:
    table = _table(qtbot)
    sheet = QPixmap(200, 30)
    painter = QPainter(sheet)
    try:
        for change in ("selected", "focus", "wrap", "check", "alternate", "centred",
                       "rtl text", "two lines", "elided left", "background"):
            option = _option(table, "a cell's text", 120, 21)
            if change == "selected":
                option.state |= QStyle.StateFlag.State_Selected
            elif change == "focus":
                option.state |= QStyle.StateFlag.State_HasFocus
            elif change == "wrap":
                option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
            elif change == "check":
                option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
            elif change == "alternate":
                option.features |= QStyleOptionViewItem.ViewItemFeature.Alternate
            elif change == "centred":
                option.displayAlignment = Qt.AlignmentFlag.AlignCenter
            elif change == "rtl text":
                option.text = "שלום עולם"
            elif change == "two lines":
                option.text = "one\u2028two"
            elif change == "elided left":
                option.textElideMode = Qt.TextElideMode.ElideLeft
            elif change == "background":
                option.backgroundBrush = QColor("yellow")
            plain = PlainText(table.style(), option)  # a batch of its own: the view's look
            found = (option.text, False, False)
            assert not plain.draw(painter, option, found, option.state.value,
                                  option.features.value), change
        option = _option(table, "a cell's text", 120, 21)
        plain = PlainText(table.style(), option)
        assert plain.draw(painter, option, (option.text, False, False), option.state.value,
                          option.features.value)
    finally:
        painter.end()


def test_a_new_value_draws_its_new_cells_without_the_style(window: Any, monkeypatch: Any) -> None:
    """The window's table draws the new cells of a filter change without the style: its
    printable ASCII texts without a style option of their own, the others by one layout
    each."""
    from viewer.core.query import Filter
    from viewer.ui import table_cells

    answers: list[bool] = []
    draw = PlainText.draw
    filled: list[int] = []
    fill = table_cells.CellDelegate._fill

    def counted(self: PlainText, painter: Any, option: Any, *args: Any) -> bool:
        drawn = draw(self, painter, option, *args)
        if not isinstance(option.widget, FacetList):  # the facet lists' rows draw theirs too
            answers.append(drawn)
        return drawn

    def counted_fill(self: Any, *args: Any) -> None:
        filled.append(1)
        fill(self, *args)

    ascii_cells: list[str] = []
    draw_ascii = PlainText.draw_ascii

    def counted_ascii(self: PlainText, painter: Any, text: str, *args: Any) -> None:
        ascii_cells.append(text)
        draw_ascii(self, painter, text, *args)

    monkeypatch.setattr(PlainText, "draw", counted)
    monkeypatch.setattr(PlainText, "draw_ascii", counted_ascii)
    monkeypatch.setattr(table_cells.CellDelegate, "_fill", counted_fill)
    parties = [p for p in window.proxy.counts.get("parties", {}) if p]
    window.proxy.set_filter(Filter(parties=frozenset({parties[-1]})))
    window.table.viewport().repaint()
    assert ascii_cells and all(answers)
    assert len(filled) == len(answers)  # a style option filled in for the others only


_ASCII = ("AVATAR To Wy fjord office Yo. LT Vt 'quoted' \"said\" [1] {x} a|b ~tilde "
          "2016-02-24 Synthetic article 0000965 Germany, United Kingdom, Egypt #5 50% ^_^").split()


def test_ascii_texts_draw_the_styles_pixels_at_every_fit(qtbot: Any) -> None:
    """Printable ASCII texts, drawn by the painter at their baseline and elided only when
    their characters' advances do not prove they fit, draw the style's pixels: in cells
    around each text's own advance (just fitting, just not), in both styles, plain and
    italic, greyed or not."""
    table = _table(qtbot)
    pick = random.Random(5)
    for style, plain in _in_each_style(table):
        for _ in range(120):
            text = " ".join(pick.choice(_ASCII) for _ in range(pick.randint(1, 6)))
            italic = pick.random() < 0.3
            probe = _option(table, text, 10, 21)
            font = QFont(probe.font)
            font.setItalic(italic)
            advance = QFontMetrics(font).horizontalAdvance(text)
            width = max(1, advance + 8 + pick.randint(-6, 30))  # the cell's margins: 4 a side
            option = _option(table, text, width, pick.choice([21, 22, 30]))
            option.font, option.fontMetrics = font, QFontMetrics(font)
            greyed = pick.random() < 0.3
            if greyed:
                option.palette.setBrush(QPalette.ColorRole.Text, QColor("#8a8a8a"))
            ours, drawn = _by_plain(plain, option, (text, italic, greyed))
            assert drawn
            assert ours == _by_style(style, table, option), (style.name(), text, width)


def test_an_ascii_text_that_surely_fits_is_not_elided(qtbot: Any, monkeypatch: Any) -> None:
    """A short ASCII text in a wide cell is drawn without an elision (which shapes the whole
    text once more); a long one is elided once; text of other characters is not taken."""
    table = _table(qtbot)
    plain = PlainText(table.style(), _option(table, None, 10, 10))
    elided: list[str] = []
    original = QFontMetrics.elidedText

    def counted(self: QFontMetrics, text: str, *args: Any) -> str:
        elided.append(text)
        return original(self, text, *args)

    monkeypatch.setattr(QFontMetrics, "elidedText", counted)
    for text, width, elisions in (("2016-02-24", 160, 0), ("Germany", 139, 0),
                                  ("Talks " * 20, 160, 1)):
        elided.clear()
        option = _option(table, text, width, 21)
        assert plain.takes_ascii(text, False, option.font)
        assert _by_plain(plain, option, (text, False, False))[1]
        assert len(elided) == elisions, text
    for text in ("Zürich", "tab\there", ""):
        assert not plain.takes_ascii(text, False, table.font())


def test_the_ascii_look_is_kept_across_paints_until_the_font_changes(
        window: Any, monkeypatch: Any) -> None:
    """The fonts' ASCII line is measured once for many paints, and anew for a new font."""
    from PySide6.QtGui import QFont

    from viewer.core.query import Filter
    from viewer.ui import cell_text

    measured: list[str] = []
    line_of = cell_text._line_of

    def counted(font: QFont, *args: Any) -> Any:
        measured.append(font.key())
        return line_of(font, *args)

    monkeypatch.setattr(cell_text, "_line_of", counted)
    table, parties = window.table, [p for p in window.proxy.counts.get("parties", {}) if p]
    table.viewport().repaint()
    measured.clear()
    for party in parties[:3]:  # new cells in each paint
        window.proxy.set_filter(Filter(parties=frozenset({party})))
        table.viewport().repaint()
    assert len(measured) <= 2  # at most once per font (plain and italic), not per paint
    font = QFont(table.font())
    font.setPointSize(font.pointSize() + 2)
    table.setFont(font)
    measured.clear()
    table.viewport().repaint()
    assert font.key() in measured


@pytest.mark.parametrize("ratio", [2.0, 1.5])
def test_ascii_texts_draw_the_styles_pixels_at_other_device_pixel_ratios(
        qtbot: Any, ratio: float) -> None:
    """On a sheet of more pixels than points (a HiDPI screen's), the painter's baseline
    drawing and the style's layout still draw the same pixels."""
    table = _table(qtbot)
    style = table.style()
    plain = PlainText(style, _option(table, None, 10, 10))
    pick = random.Random(7)
    for _ in range(40):
        text = " ".join(pick.choice(_ASCII) for _ in range(pick.randint(1, 8)))
        option = _option(table, text, pick.choice([60, 139, 169, 319]), 21)
        images = []
        for by_style in (False, True):
            sheet = QPixmap(round((option.rect.right() + 4) * ratio),
                            round((option.rect.bottom() + 4) * ratio))
            sheet.setDevicePixelRatio(ratio)
            sheet.fill(QColor("white"))
            painter = QPainter(sheet)
            try:
                if by_style:
                    style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter,
                                      table)
                else:
                    assert plain.draw(painter, option, (text, False, False),
                                      option.state.value, option.features.value)
            finally:
                painter.end()
            images.append(sheet.toImage())
        assert images[0] == images[1], text
