"""A batch the painter stops keeping hands its boxes and count places to the next batch built:
a new view (a filter to a value not shown before, a zoom) sets that many Qt objects to new
places instead of making them and freeing as many, and draws the same."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QStaticText
from pytestqt.qtbot import QtBot

from viewer.ui.batch_spares import Spares
from viewer.ui.item_batch import ItemBatch, ShapeGroup
from viewer.ui.main_window import MainWindow
from viewer.ui.timeline_paint import KEPT_BATCHES


def _boxes(batch: ItemBatch) -> list[QRectF]:
    return [box for group in batch.groups for box in group.rects]


def test_spares_hand_on_their_objects_set_to_the_new_places_then_make_new_ones() -> None:
    batch = ItemBatch()
    group = ShapeGroup(pen=None, brush=None, shape="rect", radius=0)  # type: ignore[arg-type]
    group.rects += [QRectF(1, 2, 3, 4), QRectF(5, 6, 7, 8)]
    batch.groups.append(group)
    batch.counts.append(QPointF(1, 1))
    batch.count_texts.append(QStaticText("1"))
    batch.dark_counts.append(QPointF(2, 2))
    batch.dark_count_texts.append(QStaticText("2"))
    old_boxes = {id(box) for box in group.rects}
    old_places = {id(batch.counts[0]), id(batch.dark_counts[0])}
    spares = Spares(batch)
    boxes = [spares.rect(10.5, 20, 30.25, 14) for _ in range(3)]
    places = [spares.place(4.5, 6.75) for _ in range(3)]
    assert [id(box) in old_boxes for box in boxes] == [True, True, False]
    assert [id(point) in old_places for point in places] == [True, True, False]
    assert all(box == QRectF(10.5, 20, 30.25, 14) for box in boxes)
    assert all(point == QPointF(4.5, 6.75) for point in places)
    empty = Spares()
    assert empty.rect(1, 2, 3, 4) == QRectF(1, 2, 3, 4)
    assert empty.place(1, 2) == QPointF(1, 2)


def test_a_new_batch_takes_the_boxes_of_the_batch_no_longer_kept(
        window: MainWindow, qtbot: QtBot) -> None:
    timeline = window.timeline
    viewport = timeline.viewport()
    painter = timeline.painter
    viewport.repaint()
    for factor in (1.25, 1.5):  # new views: new batches, until as many are kept as can be
        timeline.zoom(factor)
        viewport.repaint()
    assert len(painter._built) == KEPT_BATCHES
    dropped = painter._built[-1][1]
    old_boxes = {id(box) for box in _boxes(dropped)}
    old_places = {id(point) for point in dropped.counts + dropped.dark_counts}
    assert old_boxes
    timeline.zoom(2.0)
    viewport.repaint()
    built = painter.batch
    assert built is not dropped and all(kept is not dropped for _k, kept, _s in painter._built)
    boxes = _boxes(built)
    places = built.counts + built.dark_counts
    # as many of the new batch's objects as the dropped batch had are its own, set anew
    assert sum(id(box) in old_boxes for box in boxes) == min(len(boxes), len(old_boxes))
    assert sum(id(point) in old_places for point in places) == min(len(places),
                                                                   len(old_places))
    assert len(built.counts) == len(built.count_texts)
    assert len(built.dark_counts) == len(built.dark_count_texts)
