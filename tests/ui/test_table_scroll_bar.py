"""The table's vertical scroll bar draws a kept picture while it looks the same: every state
it passes through shows the pixels of Qt's own scroll bar in that state, and the style draws
only when the look changed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QScrollBar, QWidget

from viewer.ui.table_scroll_bar import SteadyScrollBar

WIDTH, HEIGHT = 14, 315  # the table's bar in the shown 1600×1000 window


def _pair(qtbot: Any) -> tuple[QWidget, QScrollBar, SteadyScrollBar]:
    """Qt's bar and ours in ONE window (an inactive window paints other pixels), in the
    same place, one shown at a time (Fusion's shading differs with a bar's place)."""
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(3 * WIDTH, HEIGHT)
    plain = QScrollBar(Qt.Orientation.Vertical, window)
    steady = SteadyScrollBar(Qt.Orientation.Vertical, window)
    for bar in (plain, steady):
        bar.setGeometry(WIDTH, 0, WIDTH, HEIGHT)
    window.show()
    # on a real display the window is mapped later: until then repaint() paints nothing
    qtbot.waitExposed(window)
    # ... and the pointer may rest where a bar is: a hovered bar shades its handle, which
    # only the bar under the pointer shows (ours is then drawn by Qt, as it should be)
    QCursor.setPos(window.mapToGlobal(QPoint(3 * WIDTH + 40, HEIGHT + 40)))
    qtbot.waitUntil(lambda: not (plain.underMouse() or steady.underMouse()), timeout=2000)
    return window, plain, steady


def _same_pixels(window: QWidget, plain: QScrollBar, steady: SteadyScrollBar) -> bool:
    images = []
    for shown, hidden in ((plain, steady), (steady, plain)):
        hidden.hide()
        shown.show()
        QApplication.processEvents()
        shown.repaint()
        images.append(window.grab(QRect(shown.geometry())).toImage())
    return images[0] == images[1]


def _count_style_draws(monkeypatch: Any) -> list[int]:
    """A list that grows by one each time a steady bar has the style draw it."""
    drawn: list[int] = []
    original = SteadyScrollBar._drawn

    def counted(self: SteadyScrollBar) -> Any:
        drawn.append(1)
        return original(self)

    monkeypatch.setattr(SteadyScrollBar, "_drawn", counted)
    return drawn


def test_every_state_shows_what_qt_s_bar_shows_and_the_style_draws_on_change(
        qtbot: Any, monkeypatch: Any) -> None:
    window, plain, steady = _pair(qtbot)
    drawn = _count_style_draws(monkeypatch)
    # (maximum, page, value): thousands of rows keep the smallest handle at the top; a few
    # rows, a scrolled value or the bottom end move it; no range at all hides it.
    states = [(7616, 13, 0), (95008, 13, 0), (7616, 13, 0), (40, 13, 0), (40, 13, 20),
              (95008, 13, 95008), (95008, 13, 0), (0, 13, 0), (7616, 13, 0)]
    for maximum, page, value in states:
        for bar in (plain, steady):
            bar.setPageStep(page)
            bar.setRange(0, maximum)
            bar.setValue(value)
        assert _same_pixels(window, plain, steady), (maximum, page, value)
    assert 0 < len(drawn) < 3 * len(states)
    # 7,616 rows and 95,008 rows at the top look the same: the second is not drawn again
    # (unless something else changed its look meanwhile, as a window manager may).
    steady.setRange(0, 7616)
    steady.repaint()
    look, before = steady._look(), len(drawn)
    steady.setRange(0, 95008)
    steady.repaint()
    if steady._look() == look:
        assert len(drawn) == before, "an unchanged look is not drawn by the style again"
    for bar in (plain, steady):
        bar.setEnabled(False)
    assert _same_pixels(window, plain, steady)


def test_a_look_shown_before_the_last_is_drawn_from_its_kept_picture(
        qtbot: Any, monkeypatch: Any) -> None:
    """A filter toggled on and off again alternates the timeline's bars between two looks:
    each is drawn by the style once, then shown from its kept picture, the pixels the same
    as Qt's bar."""
    window, plain, steady = _pair(qtbot)
    drawn = _count_style_draws(monkeypatch)
    states = [(40, 13, 0), (400, 13, 200)]
    for maximum, page, value in states * 3:
        for bar in (plain, steady):
            bar.setPageStep(page)
            bar.setRange(0, maximum)
            bar.setValue(value)
        assert _same_pixels(window, plain, steady), (maximum, page, value)
    looks = len(drawn)
    # On a real display the window manager may activate the window meanwhile, which is a
    # new look (the style shades an active window's bar otherwise): only a look not kept
    # may be drawn again.
    new_looks = 0
    for maximum, value in ((40, 0), (400, 200)):
        steady.setRange(0, maximum)
        steady.setValue(value)
        new_looks += steady._look() not in steady._pictures
        steady.repaint()
    assert len(drawn) == looks + new_looks, "kept looks are not drawn again"
    assert new_looks < 2, "the two looks shown last were kept"


def test_the_timeline_s_bars_keep_their_pictures(qtbot: Any) -> None:
    from viewer.ui.timeline_widget import TimelineWidget

    timeline = TimelineWidget()
    qtbot.addWidget(timeline)
    assert isinstance(timeline.horizontalScrollBar(), SteadyScrollBar)
    assert isinstance(timeline.verticalScrollBar(), SteadyScrollBar)
