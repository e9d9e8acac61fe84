"""A facet list's rows drawn as a check box by the style and a text laid out once show the
styled delegate's pixels; rows the style must draw whole are left to it."""

from __future__ import annotations

import random
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import QStyledItemDelegate, QStyleFactory

from viewer.ui import facet_rows
from viewer.ui.cell_text import PlainText
from viewer.ui.filter_panel import FacetList

_WORDS = ("Geneva talks ceasefire a W iii Ukraine Lviv, fjord office AVATAR To Wy (3) "
          "Synthetic article 0001234 Zürich café naïve Δελφοί 北京 ffi").split()


def _shown(qtbot: Any, width: int, height: int) -> FacetList:
    facet = FacetList("documents")
    qtbot.addWidget(facet)
    facet.resize(width, height)
    facet.show()
    return facet


def _grabs(facet: FacetList) -> tuple[QImage, QImage]:
    """The list's viewport as its own delegate draws it, then as Qt's styled delegate."""
    ours = facet.viewport().grab().toImage()
    own = facet.itemDelegate()
    facet.setItemDelegate(QStyledItemDelegate(facet))
    try:
        theirs = facet.viewport().grab().toImage()
    finally:
        facet.setItemDelegate(own)
    return ours, theirs


@pytest.mark.parametrize("style_name", ["Fusion", "Windows"])
def test_plain_rows_draw_the_styled_delegates_pixels(qtbot: Any, style_name: str,
                                                     monkeypatch: Any) -> None:
    drawn: list[str] = []
    draw = PlainText.draw

    def counted(self: PlainText, painter: Any, option: Any, *rest: Any) -> bool:
        drawn.append(option.text)
        return draw(self, painter, option, *rest)

    monkeypatch.setattr(PlainText, "draw", counted)
    pick = random.Random(5)
    for case in range(24):
        facet = _shown(qtbot, pick.choice([90, 160, 254, 400]), pick.choice([70, 120, 200]))
        facet.setStyle(QStyleFactory.create(style_name))
        if case % 6 == 5:
            font = QFont(facet.font())
            font.setPointSizeF(font.pointSizeF() + 2)
            facet.setFont(font)
        counts = {" ".join(pick.choice(_WORDS) for _ in range(pick.randint(1, 9))): pick.randint(
            1, 99999) for _ in range(pick.randint(1, 12))}
        facet.set_counts(counts)
        facet.check(frozenset(v for v in counts if pick.random() < 0.4))
        if case % 8 == 7:
            facet.setEnabled(False)
        drawn.clear()
        ours, theirs = _grabs(facet)
        assert drawn  # the rows' texts were drawn without the style's layout
        assert ours == theirs, (style_name, case, sorted(counts))


def test_rows_the_style_must_draw_whole_are_left_to_it(qtbot: Any, monkeypatch: Any) -> None:
    """A selected or current row (its highlight and focus frame), a right-to-left text and a
    text of two lines are the style's whole; the pixels stay the styled delegate's."""
    facet = _shown(qtbot, 220, 160)
    facet.setStyle(QStyleFactory.create("Fusion"))
    facet.set_counts({"שלום עולם": 9, "one\u2028two": 8, "plain": 7, "chosen": 6})
    model = facet.model()
    facet.selectionModel().select(model.index(3, 0),
                                  QItemSelectionModel.SelectionFlag.ClearAndSelect)
    whole: list[int] = []
    styled = QStyledItemDelegate.paint

    def counted(self: QStyledItemDelegate, painter: Any, option: Any, index: Any) -> None:
        whole.append(index.row())
        styled(self, painter, option, index)

    monkeypatch.setattr(facet_rows.QStyledItemDelegate, "paint", counted)
    ours = facet.viewport().grab().toImage()
    assert sorted(set(whole)) == [0, 1, 3]  # the plain row alone drawn in two parts
    monkeypatch.undo()
    facet.setItemDelegate(QStyledItemDelegate(facet))
    assert ours == facet.viewport().grab().toImage()


def test_a_checked_box_follows_the_model(qtbot: Any) -> None:
    """The box is drawn from the model's checked values: a check set in code, then taken
    away, shows as the styled delegate shows it."""
    facet = _shown(qtbot, 200, 120)
    facet.set_counts({"a": 3, "b": 2})
    for checked in (frozenset({"b"}), frozenset()):
        facet.check(checked)
        ours, theirs = _grabs(facet)
        assert ours == theirs
        assert facet.model().index(1, 0).data(Qt.ItemDataRole.CheckStateRole) == (
            Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
