"""Clusters and near-date joins of a folder's columns, from scratch or after a change.

After a change only the rows near it are linked again: a row's pairs depend on the rows that
start within its reach (cluster.MAX_SPAN_DAYS days for clusters, the tolerance for near
dates), so the rows whose start lies that far before a changed row (one added, removed, or
whose parties, topics or cluster changed) are relinked, and every other pair is kept as the
last open found it. The clusters are then the components of all pairs, as from scratch.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from viewer.core.pipeline.array_links import (
    LinkInput,
    Sets,
    Spread,
    cluster_pairs,
    components,
    in_process,
    near_pairs,
    span_ok,
)
from viewer.core.pipeline.cluster import MAX_SPAN_DAYS
from viewer.core.pipeline.conflicts import load_rules
from viewer.core.pipeline.document_summary import DAY_PRECISIONS, EventNotes
from viewer.core.session.columns import NO_DAY, EventColumns
from viewer.core.session.stage_marks import code_of

Rows = npt.NDArray[np.int64]
Mask = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class Links:
    """The pairs each rule found (rows of this open) and the clusters before the near-date
    join (each row's smallest row of its cluster)."""

    cluster_pairs: Rows
    near_pairs: Rows
    first: Rows
    label: Rows  # after the join


@dataclass(frozen=True, slots=True)
class Change:
    """How this open's rows relate to the last open's: `new_of_old[r]` is the row an old
    row became (-1: its document changed or left), `dirty` marks new rows to relink (added,
    or their parties changed), `links` the last open's links (old rows)."""

    new_of_old: Rows
    dirty: Mask
    old_start: npt.NDArray[np.int32]
    links: Links


def _reach(start: npt.NDArray[np.int32], days: npt.NDArray[np.int32], back: int) -> Mask:
    """Rows starting at most `back` days before (or on) one of `days`."""
    wanted = np.unique(days[days != NO_DAY])
    if not len(wanted):
        return np.zeros(len(start), dtype=bool)
    near = np.unique((wanted[:, None] - np.arange(back + 1)[None, :]).ravel())
    found: Mask = np.isin(start, near)
    return found


def _kept(pairs: Rows, new_of_old: Rows, owners: Mask) -> Rows:
    """The last open's pairs whose rows both remain and whose earlier row is not relinked."""
    if not len(pairs):
        return pairs
    moved = new_of_old[pairs]
    whole = (moved >= 0).all(axis=1)
    moved = moved[whole]
    found: Rows = moved[~owners[moved[:, 0]]]
    return found


def regrouped(label: Rows, old_label: Rows, old_of_new: Rows) -> Mask:
    """Rows whose group (same `label`) is not exactly one of the last open's groups (same
    `old_label`, over the old rows): it gained, lost or swapped a member."""
    size = len(label)
    if not size:
        return np.zeros(0, dtype=bool)
    before = np.where(old_of_new >= 0, old_label[np.maximum(old_of_new, 0)], -1)
    low = np.full(size, np.iinfo(np.int64).max, dtype=np.int64)
    high = np.full(size, -1, dtype=np.int64)
    np.minimum.at(low, label, before)
    np.maximum.at(high, label, before)
    members = np.bincount(label, minlength=size)
    old_members = np.bincount(old_label, minlength=1)
    same = (low == high) & (low >= 0)
    same[same] = members[same] == old_members[low[same]]
    found: Mask = ~same[label]
    return found


def link(columns: EventColumns, notes: EventNotes, document: npt.NDArray[np.int32],
         change: Change | None = None, spread: Spread = in_process, pieces: int = 1) -> Links:
    start, end = columns.arrays["start"], columns.arrays["end"]
    boilerplate = columns.flag("boilerplate")
    source = columns.arrays["date_source"]
    data = LinkInput(start, end, document,
                     Sets(columns.ragged["topics"].codes,  # (int32 once read back)
                          columns.ragged["topics"].offsets.astype(np.int64, copy=False)),
                     Sets(columns.ragged["parties"].codes,
                          columns.ragged["parties"].offsets.astype(np.int64, copy=False)),
                     Sets(notes.words.codes, notes.words.offsets))
    candidate = ~boilerplate & span_ok(start, end) & (
        source != code_of(columns, "date_source", "document"))
    eligible = (start != NO_DAY) & (source == code_of(columns, "date_source", "explicit")) & (
        ~boilerplate)
    day_dated = np.isin(columns.arrays["precision"], np.array(
        [code_of(columns, "precision", p) for p in DAY_PRECISIONS]))
    rules = load_rules()
    if change is None:
        pairs = cluster_pairs(data, candidate, None, spread, pieces)
        first = components(columns.size, [pairs])
        near = near_pairs(data, eligible, day_dated, first, rules, None, spread, pieces)
    else:
        gone = change.new_of_old < 0
        moved = np.concatenate([start[change.dirty], change.old_start[gone]])
        owners = change.dirty | _reach(start, moved, MAX_SPAN_DAYS)
        pairs = np.concatenate([_kept(change.links.cluster_pairs, change.new_of_old, owners),
                                cluster_pairs(data, candidate, owners, spread, pieces)])
        first = components(columns.size, [pairs])
        old_of_new = np.full(columns.size, -1, dtype=np.int64)
        kept = np.flatnonzero(~gone)
        old_of_new[change.new_of_old[kept]] = kept
        moved_too = change.dirty | regrouped(first, change.links.first, old_of_new)
        days = np.concatenate([start[moved_too], change.old_start[gone]])
        owners = moved_too | _reach(start, days, rules.tolerance_days)
        near = np.concatenate([_kept(change.links.near_pairs, change.new_of_old, owners),
                               near_pairs(data, eligible, day_dated, first, rules, owners,
                                          spread, pieces)])
    label = components(columns.size, [pairs, near]) if len(near) else first
    return Links(pairs, near, first, label)
