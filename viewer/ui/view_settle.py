"""Laying a view out before the window paints a change, not on the event loop's next turns.

A model reset, or new texts in a list's items, leaves an item view's layout to a zero timer,
and a scroll bar whose range moved asks its scroll area to lay out its children by a queued
call. Run after the window has painted the change, each of these painted part of it again:
the events table (about 5 ms at 1600×1000), the facet lists, and the table's and the
timeline's scroll bars, some 10–14 ms of a filter change at 100,000 events. Run before the
paint, their updates join the one paint the change makes, and the event loop finds nothing
left to draw.

That relayout raises the horizontal bar and then the vertical one, and raising a widget that
is not the topmost repaints it, so each relayout repainted both bars, also one whose range
had not moved (the Fusion style draws a bar in 1–2 ms). When the ranges leave each bar shown
or hidden as it is, the relayout would put every child where it already is: it is dropped, and
only a bar whose range moved repaints (its own range change asks for that).
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QMainWindow,
    QScrollBar,
    QWidget,
)


def _needed(bar: QScrollBar, policy: Qt.ScrollBarPolicy) -> bool:
    """Whether the scroll area's layout shows the bar (Qt's own rule, non-transient bars)."""
    if policy == Qt.ScrollBarPolicy.ScrollBarAlwaysOn:
        return True
    return (policy == Qt.ScrollBarPolicy.ScrollBarAsNeeded
            and bar.minimum() < bar.maximum() and not bar.sizeHint().isEmpty())


#: Each scroll bar's container (the widget the area shows or hides), kept by the bar: asking
#: a bar for its parent makes a new wrapper of Qt's private container class each time (18
#: calls per filter change, some 0.2 ms). A bar set later (`setVerticalScrollBar`) is a new
#: key; a bar's entry goes with the bar.
_CONTAINERS: weakref.WeakKeyDictionary[QScrollBar, QWidget | None] = (
    weakref.WeakKeyDictionary())


def _container(bar: QScrollBar) -> QWidget | None:
    """The bar's parent widget, asked once per bar."""
    try:
        return _CONTAINERS[bar]
    except KeyError:
        container = _CONTAINERS[bar] = bar.parentWidget()
        return container


def bars_as_laid_out(area: QAbstractScrollArea) -> bool:
    """True when each scroll bar is shown exactly if the area's layout would show it."""
    for bar, policy in ((area.horizontalScrollBar(), area.horizontalScrollBarPolicy()),
                        (area.verticalScrollBar(), area.verticalScrollBarPolicy())):
        container = _container(bar)
        if container is None or container.isHidden() == _needed(bar, policy):
            return False
    return True


def relayout_scroll_area(area: QAbstractScrollArea) -> None:
    """Deliver the scroll area's queued relayout now (after its scroll bars' ranges changed),
    or drop it when it would move nothing. A hidden area waits until it is shown.

    Qt posts that relayout as a queued call, and queued calls cannot be told apart here: every
    one posted to the area is dropped with it, so nothing else may be queued to the table's or
    the timeline's scroll area (no `QTimer.singleShot(0, area.slot)`; use the window)."""
    if not area.isVisible():
        return
    if bars_as_laid_out(area):
        QCoreApplication.removePostedEvents(area, QEvent.Type.MetaCall)
    else:
        QCoreApplication.sendPostedEvents(area, QEvent.Type.MetaCall)


def lay_out_view(view: QAbstractItemView) -> None:
    """Lay the view's items out now if a layout is pending (after a reset or changed item
    texts), then its scroll area as that layout left it."""
    if view.isVisible():
        view.executeDelayedItemsLayout()
        relayout_scroll_area(view)


def lay_out_status(window: QMainWindow) -> None:
    """Lay the status bar out now after its label took a new text (and the window, when
    that asks it to): the label's new size asks its bar for a relayout by a posted event,
    which on the event loop's next turn repainted the bar, its label and its size grip
    and the window behind them a second time after the change's paint."""
    bar = window.statusBar()
    if window.isVisible():
        QCoreApplication.sendPostedEvents(bar, QEvent.Type.LayoutRequest)
        QCoreApplication.sendPostedEvents(window, QEvent.Type.LayoutRequest)
