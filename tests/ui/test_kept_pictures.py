"""The timeline's axis and lane headers come from kept pictures on a repaint that changed
none of what they show, and each change to what they show paints them anew: the window's
pixels are those of a paint with no kept picture, after every change."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPixmap
from pytestqt.qtbot import QtBot

import viewer.ui.kept_decorations as kept_decorations
import viewer.ui.timeline_paint as timeline_paint
from tests.ui.test_topics_dialog import _reloads
from viewer.core.query import Filter
from viewer.ui.kept_pictures import SEEN, KeptPictures
from viewer.ui.main_window import MainWindow


def _kept_shot(window: MainWindow) -> QImage:
    """The viewport as the window paints it once its pictures are kept (a third paint)."""
    viewport = window.timeline.viewport()
    viewport.repaint()
    viewport.repaint()
    return viewport.grab().toImage()


def _direct_shot(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> QImage:
    """The viewport painted with no kept picture at all."""
    with monkeypatch.context() as patch:
        patch.setattr(timeline_paint, "keeps_pictures", lambda _painter: False)
        return window.timeline.viewport().grab().toImage()


def _changes(window: MainWindow, qtbot: QtBot) -> list[tuple[str, Callable[[], object]]]:
    timeline = window.timeline
    party = next(p for p in window.proxy.counts.get("parties", {}) if p)

    def palette() -> None:
        colours = QPalette(timeline.palette())
        colours.setColor(QPalette.ColorRole.Base, QColor("#fdf6e3"))
        colours.setColor(QPalette.ColorRole.Text, QColor("#202060"))
        timeline.setPalette(colours)

    def recolour() -> None:
        dialog = window.show_topics()
        _reloads(qtbot, window, lambda: dialog.recolour("strikes", "#123456"))
        dialog.close()

    return [
        ("zoom", lambda: timeline.zoom(3.0)),
        ("scroll", lambda: timeline.horizontalScrollBar().setValue(
            timeline.horizontalScrollBar().minimum())),
        ("resize", lambda: window.resize(1300, 800)),
        ("filter", lambda: window.proxy.set_filter(Filter(parties=frozenset({party})))),
        ("filter off", lambda: window.proxy.set_filter(Filter())),
        ("lanes", lambda: timeline.set_mode("topic")),
        ("topic recolour", recolour),
        ("palette", palette),
        ("lanes back", lambda: timeline.set_mode("party")),
        ("scroll down", lambda: timeline.verticalScrollBar().setValue(
            timeline.verticalScrollBar().maximum())),
    ]


def test_each_change_repaints_the_kept_layers(window: MainWindow, qtbot: QtBot,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    timeline = window.timeline
    before = _kept_shot(window)
    assert len(timeline.painter.pictures.axis) and len(timeline.painter.pictures.headers)
    assert before == _direct_shot(window, monkeypatch)
    for name, change in _changes(window, qtbot):
        change()
        qtbot.wait(1)
        shot = _kept_shot(window)
        assert shot == _direct_shot(window, monkeypatch), name  # never a stale picture
        if name != "scroll down" or timeline.verticalScrollBar().maximum() > 0:
            assert shot != before, name  # the change shows
        before = shot


def test_a_repaint_with_nothing_changed_draws_no_axis_and_no_headers(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    timeline = window.timeline
    _kept_shot(window)
    drawn: list[str] = []
    bands = timeline_paint.TimelinePainter._paint_bands
    headers = timeline_paint.paint_lane_headers
    legend = timeline_paint.TimelinePainter._paint_legend
    monkeypatch.setattr(timeline_paint.TimelinePainter, "_paint_bands",
                        lambda *a: drawn.append("bands") or bands(*a))
    for module in (timeline_paint, kept_decorations):
        monkeypatch.setattr(module, "paint_lane_headers",
                            lambda *a: drawn.append("headers") or headers(*a))
    monkeypatch.setattr(timeline_paint.TimelinePainter, "_paint_legend",
                        lambda *a: drawn.append("legend") or legend(*a))
    timeline.viewport().repaint()
    assert drawn == []
    assert timeline.painter.legend_rows  # the key's lines, as the picture drew them
    timeline.zoom(1.25)
    timeline.viewport().repaint()
    assert drawn == ["bands", "legend"]  # a new zoom: the axis drawn anew, the same headers
    drawn.clear()
    timeline.set_mode("topic")
    timeline.viewport().repaint()
    assert "headers" in drawn  # other lanes


def test_pictures_and_keys_kept_stay_few_whatever_the_number_of_keys() -> None:
    made: list[int] = []
    kept = KeptPictures(2, at_second_sight=True)
    pixmap = QPixmap(4, 4)
    painter = QPainter(pixmap)
    try:
        for key in range(5_000):
            assert kept.picture((key,), painter, QSizeF(2, 2),
                                lambda _into, key=key: made.append(key)) is None
            assert kept.picture((key,), painter, QSizeF(2, 2),
                                lambda _into, key=key: made.append(key)) is not None
            assert kept.picture((key,), painter, QSizeF(2, 2),
                                lambda _into, key=key: made.append(key)) is not None
            assert len(kept) <= 2 and len(kept._seen) <= SEEN
    finally:
        painter.end()
    assert made == list(range(5_000))  # each key drawn once, at its second sight


def test_a_new_lane_column_is_painted_directly_and_kept_at_its_second_sight(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """A filter to a value not shown before shows new lanes: its header column is painted
    straight onto the window (no pixmap made and copied for it), and only the same column
    shown again is kept as a picture, with the same pixels."""
    timeline = window.timeline
    _kept_shot(window)
    made: list[QSizeF] = []
    picture = KeptPictures.picture

    def counted(self: KeptPictures, key: tuple[object, ...], painter: QPainter, size: QSizeF,
                draw: Callable[[QPainter], object]) -> tuple[QPixmap, object] | None:
        def drawing(into: QPainter) -> object:
            made.append(size)
            return draw(into)
        return picture(self, key, painter, size, drawing)

    monkeypatch.setattr(KeptPictures, "picture", counted)
    party = next(p for p in window.proxy.counts.get("parties", {}) if p)
    window.proxy.set_filter(Filter(parties=frozenset({party})))
    direct = timeline.viewport().grab().toImage()
    assert made == []  # neither the new axis nor the new headers went through a pixmap
    kept = timeline.viewport().grab().toImage()
    assert len(made) == 2  # their second sight: both kept, the same pixels
    assert kept == direct
    timeline.viewport().repaint()
    assert len(made) == 2
