"""Conflict flags and planned→outcome links redone for the clusters an edit touched.

Both are properties of a whole cluster (its sources disagree; a later report settles a planned
event), computed by the folder stage from the extracted events. When the analyst corrects a
date, modality, speaker or marks a sentence as not an event, the same functions are run again
over the members of the touched clusters only, with the analyst's edits merged, so the flags
the window, the filters and the exports show follow the correction and its undo.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping

import numpy as np

from viewer.core.events.document_events import Event
from viewer.core.pipeline.conflicts import find_conflicts
from viewer.core.pipeline.reporting import with_reports_by_date
from viewer.core.session.columns import EventColumns


def cluster_rows(columns: EventColumns, rows: Iterable[int]) -> list[int]:
    """Every row that shares a cluster with one of `rows` (one vectorised pass). An event
    with no cluster id is a cluster of its own, not one with every other such event (an edit
    to one of a million unclustered events re-marked them all: 30 s of CPU)."""
    picked = np.fromiter(rows, dtype=np.int64)
    if not len(picked):
        return []
    column = columns.arrays["cluster"]
    ids = column[picked]
    wanted = np.unique(ids[ids != b""])
    found = np.flatnonzero(np.isin(column, wanted)) if len(wanted) else picked[:0]
    members: list[int] = np.union1d(found, picked[ids == b""]).tolist()
    return members


def marked(members: list[Event], published: Mapping[str, dt.date | None]) -> list[Event]:
    """The members with `conflict` and `outcome` as the folder stage would set them, given
    that `members` are whole clusters."""
    conflicts = find_conflicts(members)
    flagged = []
    for e in members:
        found = conflicts.get(e.cluster)
        flags = found.flags if found else ()
        flagged.append(e if e.conflict == flags else dataclasses.replace(e, conflict=flags))
    return with_reports_by_date(flagged, published)


def redo_marks(columns: EventColumns, rows: Iterable[int],
               published: Mapping[str, dt.date | None]) -> dict[int, Event]:
    """The rows (of the clusters of `rows`) whose conflict flags or outcome now differ, with
    their new events; the caller writes them into the columns."""
    members = cluster_rows(columns, rows)
    if not members:
        return {}
    before = columns.events(members)
    after = marked(before, published)
    return {row: dataclasses.replace(old, conflict=new.conflict, outcome=new.outcome)
            for row, old, new in zip(members, before, after, strict=True)
            if old.conflict != new.conflict or old.outcome != new.outcome}
