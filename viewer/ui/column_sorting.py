"""The table's order for a sort column: which event fields it reads, and the rows in it.

Kept apart from the filter proxy, which only asks for an order and keeps it: the rows of a
folder over columns are ranked from the columns (a date by the core's table order, a text
column by `text_order`, each distinct value's text made once); rows not over columns have
their shown texts sorted in Python.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import Qt

from viewer.core.pipeline.conflicts import flag_label
from viewer.core.session.row_events import RowEvents
from viewer.core.session.saved_orders import table_order
from viewer.core.session.text_order import text_order
from viewer.ui.event_model import ORDER_FIELDS, EventTableModel

# The columns sorted by their text, and the event field each shows (as `EventTableModel` does)
TEXT_FIELDS = {2: "parties", 3: "topics", 4: "tags", 5: "text", 6: "document", 7: "modality",
               8: "speaker", 9: "conflict"}

#: A text column's order, kept until an edit touches what it was read from: (field, rows).
KeptOrder = tuple[str, npt.NDArray[np.int32]]


def read_fields(field: str) -> frozenset[str]:
    """The event fields a text column's order is read from."""
    if field == "text":  # a sentence is a stretch of its document's text
        return frozenset({"text", "document", "char_start", "char_end"})
    return frozenset({field})


def sort_fields(column: int) -> frozenset[str] | None:
    """The event fields the table's order by `column` is read from (None: not known); an
    edit of none of them leaves the order as it was (a tag added while sorted by sentence)."""
    if column in (0, 1):
        return ORDER_FIELDS
    field = TEXT_FIELDS.get(column)
    return read_fields(field) if field is not None else None


def sorted_rows(model: EventTableModel, rows: Sequence[int], column: int,
                order: Qt.SortOrder) -> list[int]:
    """`rows` sorted by the text `column` shows, equal texts by date (events not over
    columns)."""
    events = model.events
    key_of = model._sort_key
    found = sorted(rows, key=lambda r: (key_of(events[r], column), key_of(events[r], 0)))
    if order == Qt.SortOrder.DescendingOrder:
        found.reverse()
    return found


def column_order(model: EventTableModel, column: int, order: Qt.SortOrder,
                 kept: KeptOrder | None) -> tuple[npt.NDArray[np.int32], KeptOrder | None]:
    """Every row in the table's order, as 4-byte row numbers, and the text order to keep
    (`kept` reused when it is the same column's)."""
    events = model.events
    field = TEXT_FIELDS.get(column)
    if isinstance(events, RowEvents) and (column in (0, 1) or field is not None):
        if field is None:
            found = table_order(events.columns)
        elif kept is not None and kept[0] == field:
            found = kept[1]
        else:  # each distinct value's text made once, not an Event per row
            labels = (model.titles if field == "document" else
                      model.topic_labels if field == "topics" else None)
            label: Callable[[str], str] | None = (
                flag_label if field == "conflict" else None if labels is None
                else (lambda v: labels.get(v) or v))
            # Equal texts (events of one party) in the table's date order, not row order.
            found = text_order(events.columns, field, label, ties=table_order(events.columns))
            kept = (field, found)
        if order == Qt.SortOrder.DescendingOrder:
            found = found[::-1]  # (as the sorted list reversed: ties in reverse)
        return found, kept
    ordered = np.asarray(sorted_rows(model, range(len(events)), column, order), dtype=np.int32)
    return ordered, kept  # sorted_rows reversed it already for a descending order
