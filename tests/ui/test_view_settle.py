"""Whether a scroll area's bars are shown as its layout would show them, asked of each bar's
container: the container is kept per bar, and a bar set later is asked of its own."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QListWidget, QScrollBar

from viewer.ui.view_settle import _container, _needed, bars_as_laid_out


def _asked_anew(area: QAbstractScrollArea) -> bool:
    """`bars_as_laid_out` with every container asked of its bar (no kept answer)."""
    for bar, policy in ((area.horizontalScrollBar(), area.horizontalScrollBarPolicy()),
                        (area.verticalScrollBar(), area.verticalScrollBarPolicy())):
        container = bar.parentWidget()
        if container is None or container.isHidden() == _needed(bar, policy):
            return False
    return True


def test_bars_are_judged_by_their_own_containers_also_after_a_new_bar(qtbot: Any) -> None:
    view = QListWidget()
    qtbot.addWidget(view)
    view.resize(200, 120)
    view.show()
    qtbot.waitExposed(view)
    seen = []
    for step in range(4):
        if step == 1:
            view.addItems([f"value {i}" for i in range(100)])
        if step == 2:  # a new bar in the old one's place (the old one is deleted)
            view.setVerticalScrollBar(QScrollBar(Qt.Orientation.Vertical))
        if step == 3:
            view.clear()
        for _ in range(2):  # before and after the view's delayed layout and queued relayout
            seen.append(bars_as_laid_out(view))
            assert seen[-1] == _asked_anew(view)
            view.executeDelayedItemsLayout()
            qtbot.wait(1)
    bar = view.verticalScrollBar()
    assert _container(bar) is bar.parentWidget() is not None
    view.addItems([f"value {i}" for i in range(100)])
    view.executeDelayedItemsLayout()
    qtbot.wait(1)
    assert bars_as_laid_out(view)
    bar.parentWidget().hide()  # the new bar's own container, not the old bar's, is asked
    assert not bars_as_laid_out(view) and not _asked_anew(view)
