"""Laying a view out before the window paints a change, not on the event loop's next turns.

A model reset, or new texts in a list's items, leaves an item view's layout to a zero timer,
and a scroll bar whose range moved asks its scroll area to lay out its children by a queued
call, which raises both scroll bars and so repaints both. Run after the window has painted
the change, each of these painted part of it again: the events table (about 5 ms at
1600×1000), the facet lists, and the table's and the timeline's scroll bars, some 10–14 ms
of a filter change at 100,000 events. Run before the paint, their updates join the one paint
the change makes, and the event loop finds nothing left to draw.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea


def relayout_scroll_area(area: QAbstractScrollArea) -> None:
    """Deliver the scroll area's queued calls now: after its scroll bars' ranges changed,
    the relayout of its scroll bars and viewport. A hidden area waits until it is shown."""
    if area.isVisible():
        QCoreApplication.sendPostedEvents(area, QEvent.Type.MetaCall)


def lay_out_view(view: QAbstractItemView) -> None:
    """Lay the view's items out now if a layout is pending (after a reset or changed item
    texts), then its scroll area as that layout left it."""
    if view.isVisible():
        view.executeDelayedItemsLayout()
        relayout_scroll_area(view)
