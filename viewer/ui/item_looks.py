"""How each visible mark, bar and badge looks (colour, style, conflict, tag), for a batch.

Over a Session's columns this is read for all the items at once: each column is gathered at
the items' first rows, and a colour or a style is worked out once per distinct code, not per
item. Made item by item, the looks were an event object, a colour lookup and a style string
each, about half of building a batch after a filter change (a few hundred items). Other
sequences of events go item by item, with the same answers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from PySide6.QtGui import QColor

from viewer.core.events.document_events import Event
from viewer.core.scene.lanes import first_code_column
from viewer.core.session.columns import EventColumns
from viewer.core.session.row_events import RowEvents
from viewer.ui.modality_marks import modal_kind

FUZZY = ("fuzzy", "year", "decade", "century")
CODED = ("date_source", "precision", "modality")  # the coded fields a style reads
Ints = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class Looks:
    """Per item, in the order asked: its colour, its style (a key of `mark_style`), whether
    its sources conflict, and its first tag (None for none)."""

    colours: list[QColor]
    styles: list[str]
    conflicts: list[bool]
    tags: list[str | None]


def mark_kind(kind: str, date_source: str | None, precision: str | None,
              modality: str | None) -> str:
    """The style of a mark or a bar: how its date was found, how precise, its modality."""
    if kind == "bar":
        style = "bar-fuzzy" if precision in FUZZY else "bar"
        if date_source != "explicit":
            style += "-dashed"
    else:
        style = date_source if date_source in ("explicit", "document") else "ring"
    return modal_kind(modality or "", style)


def looks(events: Sequence[Event], firsts: Sequence[int], bars: Sequence[bool],
          colour: Callable[[str], QColor], colour_field: str) -> Looks:
    """The looks of the items whose first rows are `firsts` (`bars`: which are bars);
    `colour` gives the colour of a first value of `colour_field` ("" for none)."""
    if isinstance(events, RowEvents) and len(firsts) and _has_looks(events.columns):
        return _column_looks(events.columns, np.asarray(firsts, dtype=np.int64), bars, colour,
                             colour_field)
    colours, styles, conflicts, tags = [], [], [], []
    for row, bar in zip(firsts, bars, strict=True):
        event = events.styled(row) if isinstance(events, RowEvents) else events[row]
        values: tuple[str, ...] = getattr(event, colour_field)
        colours.append(colour(values[0] if values else ""))
        styles.append(mark_kind("bar" if bar else "mark", event.date_source, event.precision,
                                event.modality))
        conflicts.append(bool(event.conflict))
        tags.append(event.tags[0] if event.tags else None)
    return Looks(colours, styles, conflicts, tags)


def _has_looks(columns: EventColumns) -> bool:
    return all(name in columns.vocab for name in (*CODED, "tags")) and all(
        name in columns.ragged for name in ("conflict", "tags", "parties", "topics"))


def _column_looks(columns: EventColumns, rows: Ints, bars: Sequence[bool],
                  colour: Callable[[str], QColor], colour_field: str) -> Looks:
    firsts = first_code_column(columns, colour_field)[rows]
    strings = columns.vocab[colour_field].strings
    values, at = np.unique(firsts, return_inverse=True)
    found = [colour(strings[c] if c >= 0 else "") for c in values.tolist()]
    colours = [found[i] for i in at.tolist()]
    # a style per distinct (bar, date source, precision, modality), packed in one integer
    sizes = [len(columns.vocab[name].strings) + 1 for name in CODED]
    key = np.asarray(bars, dtype=np.int64)
    for name, size in zip(CODED, sizes, strict=True):
        key = key * size + (columns.arrays[name][rows].astype(np.int64) + 1)  # 0: none
    kinds, at = np.unique(key, return_inverse=True)
    styles_of = []
    for packed in kinds.tolist():
        codes = []
        for size in reversed(sizes):
            packed, code = divmod(packed, size)
            codes.append(code - 1)
        source, precision, modality = (
            columns.vocab[name].strings[code] if code >= 0 else None
            for name, code in zip(CODED, reversed(codes), strict=True))
        styles_of.append(mark_kind("bar" if packed else "mark", source, precision, modality))
    styles = [styles_of[i] for i in at.tolist()]
    offsets = columns.ragged["conflict"].offsets
    conflicts: list[bool] = (offsets[rows + 1] > offsets[rows]).tolist()
    tag_strings = columns.vocab["tags"].strings
    tags = [tag_strings[c] if c >= 0 else None
            for c in first_code_column(columns, "tags")[rows].tolist()]
    return Looks(colours, styles, conflicts, tags)
