"""The marks the folder stage gives whole clusters, over columns: what their sources dispute,
when each event and its cluster were reported, and what became of planned events.

Disputes are read by `conflicts.find_conflicts` itself, but only for the clusters that can
hold one (two sources giving different counts of one kind, two days that do not overlap
within one stance, two sources naming who took part): those are found with array
operations, and only their members are made into events, without their text (the workers'
notes say what each text states).
"""

from __future__ import annotations

import datetime as dt
import itertools

import numpy as np
import numpy.typing as npt

from viewer.core.pipeline.array_links import Spread, in_process
from viewer.core.pipeline.conflicts import ConflictRules, load_rules
from viewer.core.pipeline.dispute_tasks import cluster_flags
from viewer.core.pipeline.document_summary import (
    DAY_PRECISIONS,
    DocumentSummary,
    EventNotes,
    figure_counts,
)
from viewer.core.pipeline.reporting import FORWARD, outcomes
from viewer.core.session.column_rows import put, take
from viewer.core.session.columns import NO_DAY, EventColumns

Rows = npt.NDArray[np.int64]


def code_of(columns: EventColumns, name: str, value: str) -> int:
    return columns.vocab[name].codes.get(value, -2)  # -2: no row holds it


def _per_group(keys: Rows) -> tuple[Rows, int]:
    """Dense numbers for the distinct keys, and how many there are."""
    if not len(keys):
        return keys, 0
    distinct, dense = np.unique(keys, return_inverse=True)
    return dense.astype(np.int64), len(distinct)


def _disputable(columns: EventColumns, notes: EventNotes, label: Rows, members: Rows,
                rules: ConflictRules) -> Rows:
    """The members of clusters that may hold a dispute (a superset: `find_conflicts`
    decides), by the three tests it makes."""
    size = columns.size
    maybe = np.zeros(size, dtype=bool)  # by cluster label
    # Dates: within one stance, a start after another member's end.
    stance_names = list(dict.fromkeys(rules.date_stance.values()))
    stance = np.full(len(columns.vocab["modality"].strings) + 1, -1, dtype=np.int64)
    for modality, name in rules.date_stance.items():
        code = code_of(columns, "modality", modality)
        if code >= 0:
            stance[code] = stance_names.index(name)
    start, end = columns.arrays["start"], columns.arrays["end"]
    dated = members[(stance[columns.arrays["modality"][members]] >= 0)
                    & (columns.arrays["date_source"][members]
                       == code_of(columns, "date_source", "explicit"))
                    & (start[members] != NO_DAY) & (end[members] != NO_DAY)
                    & np.isin(columns.arrays["precision"][members], np.array(
                        [code_of(columns, "precision", p) for p in DAY_PRECISIONS]))]
    group, groups = _per_group(label[dated] * len(stance_names)
                               + stance[columns.arrays["modality"][dated]])
    if groups:
        latest = np.full(groups, np.iinfo(np.int32).min, dtype=np.int64)
        earliest = np.full(groups, np.iinfo(np.int32).max, dtype=np.int64)
        np.maximum.at(latest, group, start[dated])
        np.minimum.at(earliest, group, end[dated])
        maybe[label[dated][(latest > earliest)[group]]] = True
    # Figures: two counts of one kind.
    figures = notes.figures
    counts = figures.offsets[members + 1] - figures.offsets[members]
    owners = np.repeat(members, counts)
    if len(owners):
        at = np.repeat(figures.offsets[members] - np.concatenate(
            [[0], np.cumsum(counts)[:-1]]), counts) + np.arange(int(counts.sum()))
        codes = figures.codes[at]
        kinds = {k: n for n, k in enumerate(dict.fromkeys(
            v.rpartition("=")[0] for v in figures.strings))}
        kind = np.array([kinds[v.rpartition("=")[0]] for v in figures.strings],
                        dtype=np.int64)[codes]
        group, groups = _per_group(label[owners] * len(kinds) + kind)
        distinct = np.unique(group * len(figures.strings) + codes)
        several = np.bincount(distinct // len(figures.strings), minlength=groups) >= 2
        maybe[label[owners][several[group]]] = True
    # Who took part: two members that name their parties.
    parties = columns.ragged["parties"].offsets
    naming = members[notes.takes_part[members]
                     & (parties[members + 1] - parties[members] >= rules.min_parties)]
    maybe[label[naming][np.bincount(label[naming], minlength=size)[label[naming]] >= 2]] = True
    return members[maybe[label[members]]]


# What disputes read of an event (its text is read by the workers: see EventNotes).
_READ = ("id", "document", "start", "end", "precision", "date_source", "parties", "cluster",
         "sources", "not_event", "modality", "reported", "conflict")


def disputes(columns: EventColumns, notes: EventNotes, label: Rows,
             scope: npt.NDArray[np.bool_] | None = None, spread: Spread = in_process,
             pieces: int = 1) -> None:
    """Conflict flags of the clusters two or more sources report (members read without
    their text: the notes hold what the text says). With `scope`, only the clusters of the
    rows it marks are read again (the others keep their flags). The clusters are read in
    `pieces` shares of whole clusters through `spread` (e.g. worker processes)."""
    rules = load_rules()
    asked = (columns.arrays["sources"] >= 2) & ~columns.flag("not_event")
    if scope is not None:
        asked &= scope
    rows = _disputable(columns, notes, label, np.flatnonzero(asked), rules)
    said = _said(notes, rows)
    # Whole clusters per share, each cluster's members in folder order.
    order = rows[np.argsort(label[rows], kind="stable")]
    cut = np.flatnonzero(label[order][1:] != label[order][:-1]) + 1
    bounds = [0, *(int(cut[k]) for k in np.linspace(0, len(cut), max(1, pieces) + 1)[1:-1]
                   .astype(np.int64) if len(cut)), len(order)]
    shares = [order[a:b] for a, b in itertools.pairwise(bounds) if b > a]
    # `rows` ascend, so a row's place among them is a binary search (no dict of every row).
    # Each share goes as its rows' columns, made into values where the call runs: made here
    # (and pickled as lists for the workers) they took the open's main process about 0.09 s
    # of CPU at 2,000 articles while the workers waited.
    calls = [(take(columns, share, _READ), [said[k] for k in np.searchsorted(
        rows, share).tolist()]) for share in shares]
    marks: dict[str, tuple[str, ...]] = {}
    for found in spread(share_flags, calls):
        marks.update(found)
    flags: dict[int, object] = {}
    clusters = columns.values("cluster", rows)
    current = columns.values("conflict", rows)
    for row, cluster, old in zip(rows.tolist(), clusters, current, strict=True):
        new = marks.get(cluster, ())
        if new != old:
            flags[row] = new
    others = np.diff(columns.ragged["conflict"].offsets) > 0
    others[rows] = False
    if scope is not None:
        others &= scope
    flags.update(dict.fromkeys(np.flatnonzero(others).tolist(), ()))
    put(columns, "conflict", flags)


def share_flags(share: EventColumns, said: list[tuple[dict[str, int], bool]]
                ) -> dict[str, tuple[str, ...]]:
    """`cluster_flags` of a share of whole clusters (`take` of their members' rows)."""
    every = np.arange(share.size, dtype=np.int64)
    return cluster_flags(_READ, [share.values(name, every) for name in _READ], said)


def _said(notes: EventNotes, rows: Rows) -> list[tuple[dict[str, int], bool]]:
    """What each row's text says (`conflicts.Said`), from the workers' notes."""
    figures = notes.figures
    counts = [figure_counts([value]) for value in figures.strings]
    codes: list[int] = figures.codes.tolist()
    offsets: list[int] = figures.offsets.tolist()
    takes_part: list[bool] = notes.takes_part[rows].tolist()
    # A row that states no figure (most) shares one of two answers: read only, and a
    # dict and a pair per row cost the stage ~100 bytes each for nothing.
    nothing: tuple[tuple[dict[str, int], bool], ...] = (({}, False), ({}, True))
    out: list[tuple[dict[str, int], bool]] = []
    for row, names in zip(rows.tolist(), takes_part, strict=True):
        if offsets[row] == offsets[row + 1]:
            out.append(nothing[names])
            continue
        found: dict[str, int] = {}
        for code in codes[offsets[row]:offsets[row + 1]]:
            found.update(counts[code])
        out.append((found, names))
    return out


def reports(columns: EventColumns, summaries: list[DocumentSummary],
             document: npt.NDArray[np.int32], label: Rows) -> None:
    """`reporting.with_reports`: each event's report date, its cluster's first and last,
    and what a later report says became of a planned event."""
    size = columns.size
    published = np.fromiter((s.published.toordinal() if s.published else NO_DAY
                             for s in summaries), dtype=np.int32, count=len(summaries))
    day = published[document] if size else np.zeros(0, dtype=np.int32)
    dated = day != NO_DAY
    low = np.full(size, np.iinfo(np.int32).max, dtype=np.int32)
    high = np.zeros(size, dtype=np.int32)
    np.minimum.at(low, label[dated], day[dated])
    np.maximum.at(high, label[dated], day[dated])
    spanned = np.zeros(size, dtype=bool)
    spanned[label[dated]] = True
    inside = spanned[label]
    columns.arrays["reported"] = day.copy()
    columns.arrays["first_reported"] = np.where(inside, low[label], day).astype(np.int32)
    columns.arrays["last_reported"] = np.where(inside, high[label], day).astype(np.int32)
    _outcomes(columns, document, label, day)


def _outcomes(columns: EventColumns, document: npt.NDArray[np.int32], label: Rows,
              day: npt.NDArray[np.int32]) -> None:
    named = outcomes()
    modality = columns.arrays["modality"]
    strings = columns.vocab["modality"].strings
    settles = np.array([code_of(columns, "modality", m) for m in named], dtype=np.int32)
    forward = np.array([code_of(columns, "modality", m) for m in FORWARD], dtype=np.int32)
    # Per cluster, the latest-reported event saying what became of it (the first on a tie).
    rows = np.flatnonzero((day != NO_DAY) & np.isin(modality, settles)
                          & ~columns.flag("not_event"))
    order = rows[np.lexsort((rows, -day[rows].astype(np.int64), label[rows]))]
    first = np.ones(len(order), dtype=bool)
    first[1:] = label[order[1:]] != label[order[:-1]]
    settled = np.full(columns.size, -1, dtype=np.int64)
    settled[label[order[first]]] = order[first]
    later = settled[label] if columns.size else settled
    waiting = np.flatnonzero(np.isin(modality, forward) & (day != NO_DAY) & (later >= 0))
    waiting = waiting[(day[later[waiting]] >= day[waiting])
                      & (document[later[waiting]] != document[waiting])]
    text: dict[int, object] = {}
    starts = columns.arrays["start"]
    for row, report in zip(waiting.tolist(), later[waiting].tolist(), strict=True):
        what = named[strings[modality[report]]]
        if what == "happened":
            when = dt.date.fromordinal(int(starts[report])).isoformat() if (
                starts[report] != NO_DAY) else ""
        else:
            when = f"(reported {dt.date.fromordinal(int(day[report])).isoformat()})"
        text[row] = " ".join(x for x in (what, when) if x)
    vocab = columns.vocab["outcome"]
    columns.arrays["outcome"] = np.full(columns.size, vocab.code(""), dtype=np.int32)
    put(columns, "outcome", text)
