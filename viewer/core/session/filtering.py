"""The filter engine over columns: a filter is a few vectorised masks, counts are bincounts.

It answers the same questions as `query.EventIndex` (rows a `Filter` keeps, the values of a
facet, faceted counts) with the same meaning, so the window and `timeline-viewer export` agree
whichever engine they use; a test holds the two side by side.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from viewer.core.events.document_events import Event
from viewer.core.query import FACETS, NO_VALUE, Filter
from viewer.core.session.columns import NO_DAY, SPEC, EventColumns
from viewer.core.session.facet_counts import (
    FacetCounts,
    codes_in,
    codes_of_rows,
    counting_plan,
    grown,
    name_rank,
    tally,
    tally_mask,
    tally_rows,
)
from viewer.core.session.sentence_search import TEXT_FIELDS, SentenceSearch

Mask = npt.NDArray[np.bool_]
T = TypeVar("T")
I64 = npt.NDArray[np.int64]
#: A filter, its scalar mask and each chosen facet's mask (None: not chosen).
_Masks = tuple[Filter, Mask, dict[str, Mask | None]]
# The event fields the filter reads besides the facets (toggles, dates, sources, text).
SCALAR_FIELDS = frozenset({"boilerplate", "not_event", "start", "end", "sources", "text"})


@dataclass(slots=True)
class _Tally:
    """The facet counts of one filter, kept up to date by `ColumnIndex.edit`: per facet the
    shown events per code ("no value" last)."""

    filter: Filter
    counted: dict[str, I64]
    sizes: dict[str, int]  # the vocabulary size each facet's arrays were made for


def _last_two(now: T | None, before: T | None, fits: Callable[[T], bool],
              make: Callable[[], T]) -> tuple[T, T | None]:
    """What a filter's answer is (`now` when it fits; else the one kept from the filter
    before when that fits, as a change back; else made) and what to keep beside it: a
    change to another filter keeps the last one's answer for the change back."""
    if now is not None and fits(now):
        return now, before
    if before is not None and fits(before):
        return before, now
    return make(), now


class ColumnIndex:
    """Filters over an `EventColumns`. Edits go through `edit(updates)`, which keeps the
    counts and masks of the last filter up to date from the edited rows alone (and drops
    those kept for the filter before it, for a change back); after columns were changed any
    other way, call `changed(fields)`."""

    def __init__(self, columns: EventColumns) -> None:
        self.columns = columns
        self.search = SentenceSearch(columns)  # the text search's buffer and word index
        self._totals: dict[str, I64] = {}  # facet → events per code over all rows
        self._ranks: dict[str, I64] = {}  # facet → codes' order by name
        self._tally: _Tally | None = None
        self._masks: _Masks | None = None
        # The filter before the last one's counts and masks: a change back to it (a party
        # toggled off, a value cleared) counts and masks nothing again. Any edit drops them.
        self._tally_before: _Tally | None = None
        self._masks_before: _Masks | None = None
        # The facets counted over the rows the toggles, dates, sources and text alone keep
        # (`_count`): the counts of a facet whose own choice is the filter's only one, the
        # same for every value chosen in it. Any edit drops them.
        self._scalar_counts: tuple[Filter, dict[str, I64]] | None = None

    def changed(self, fields: set[str] | frozenset[str]) -> None:
        """Forget what depends on the given fields (and nothing else)."""
        for name in fields:
            self._totals.pop(_FIELD_FACET.get(name, name), None)
        if fields & TEXT_FIELDS:  # (a reload names every facet field, "document" too)
            self.search.forget()  # mapped or made again at the next search
        if fields:
            self._tally = self._masks = self._tally_before = self._masks_before = None
            self._scalar_counts = None

    def edit(self, updates: Mapping[int, Event]) -> set[str]:
        """Write whole events into their rows (`EventColumns.set_rows`) and bring the facet
        totals, the last filter's counts and its masks up to date by taking the edited rows'
        old values out and their new ones in: work in proportion to the rows edited."""
        rows = np.fromiter(sorted(updates), dtype=np.int64, count=len(updates))
        self._tally_before = self._masks_before = None  # only the last filter's follow edits
        self._scalar_counts = None
        last, masks = self._tally, self._masks
        old_totals = {facet: self._facet_codes(facet, rows)[0] for facet in self._totals}
        old_counted = self._contributions(last.filter, rows) if last is not None else {}
        fields = self.columns.set_rows(dict(updates))
        if not fields:
            return fields
        if fields & TEXT_FIELDS:
            self.search.forget()
        for facet, codes in old_totals.items():
            before, size = self._totals[facet], self._size(facet)
            self._totals[facet] = (grown(before, size) - grown(tally(codes, len(before) - 1), size)
                                   + tally(self._facet_codes(facet, rows)[0], size))
        if last is not None:
            new_counted = self._contributions(last.filter, rows)
            for facet in FACETS:
                size = self._size(facet)
                last.counted[facet] = (
                    grown(last.counted[facet], size)
                    - grown(tally(old_counted[facet], last.sizes[facet]), size)
                    + tally(new_counted[facet], size))
                last.sizes[facet] = size
        if masks is not None:
            # A new scalar array (it may be shared with the filter before's, `_kept_scalar`):
            # a reader that kept rows picked with the old one sees they may be stale.
            f, scalar, facets = masks
            scalar = scalar.copy()
            scalar[rows] = self.scalar_mask(f, rows)
            self._masks = (f, scalar, facets)
            for facet, mask in facets.items():
                if mask is not None:
                    mask[rows] = self._facet_rows(facet, f.values(facet), rows)
        return fields

    # -- facets ------------------------------------------------------------------------------
    def _size(self, facet: str) -> int:
        vocab = self.columns.vocab.get(_FACET_FIELD[facet])
        return len(vocab.strings) if vocab is not None else 0

    def _facet_codes(self, facet: str, rows: I64) -> tuple[I64, I64]:
        return codes_of_rows(self.columns, _FACET_FIELD[facet], rows)

    def total(self, facet: str) -> I64:
        """Events per code of the facet over all rows ("no value" last)."""
        found = self._totals.get(facet)
        if found is None:
            name = _FACET_FIELD[facet]
            cols = self.columns
            size = self._size(facet)
            if name in cols.ragged:
                ragged = cols.ragged[name]
                found = np.bincount(ragged.codes, minlength=size + 1).astype(np.int64)
                found[size] = int(np.count_nonzero(np.diff(ragged.offsets) == 0))
            else:
                found = tally(cols.arrays[name].astype(np.int64), size)
            self._totals[facet] = found
        return found

    def values(self, facet: str) -> list[str]:
        total = self.total(facet)
        size = len(total) - 1
        strings = self.columns.vocab[_FACET_FIELD[facet]].strings if size else []
        found = [strings[i] if i < size else NO_VALUE for i in np.flatnonzero(total).tolist()]
        return sorted(found, key=lambda v: (v == NO_VALUE, v.casefold()))

    def _wanted(self, facet: str, chosen: frozenset[str]) -> I64:
        """The codes of the chosen values (-1 for "no value", on a tuple field)."""
        name = _FACET_FIELD[facet]
        vocab = self.columns.vocab.get(name)
        codes = [vocab.codes[v] for v in chosen if vocab is not None and v in vocab.codes]
        if NO_VALUE in chosen and name in self.columns.ragged:
            codes.append(-1)
        return np.asarray(codes, dtype=np.int64)

    def facet_mask(self, facet: str, chosen: frozenset[str]) -> Mask:
        cols = self.columns
        name = _FACET_FIELD[facet]
        wanted = self._wanted(facet, chosen)
        if name not in cols.ragged:
            return codes_in(cols.arrays[name], wanted)
        ragged = cols.ragged[name]
        mask = np.zeros(cols.size, dtype=bool)
        if len(wanted):  # compress, not indexing by a mask: the same rows, faster
            mask[ragged.rows.compress(codes_in(ragged.codes, wanted))] = True
        if -1 in wanted:
            mask |= np.diff(ragged.offsets) == 0
        return mask

    def _facet_rows(self, facet: str, chosen: frozenset[str], rows: I64) -> Mask:
        """`facet_mask` for some rows only."""
        codes, owner = self._facet_codes(facet, rows)
        hits = owner[codes_in(codes, self._wanted(facet, chosen))]
        found: Mask = np.bincount(hits, minlength=len(rows)) > 0
        return found

    # -- everything but the facets -----------------------------------------------------------
    def scalar_mask(self, f: Filter, rows: I64 | None = None) -> Mask:
        """Rows the toggles, dates, sources and text keep: all rows, or `rows` only."""
        cols = self.columns

        def column(name: str) -> npt.NDArray[Any]:
            return cols.arrays[name] if rows is None else cols.arrays[name][rows]

        flags = cols.flags if rows is None else cols.flags[rows]
        mask = np.ones(len(flags), dtype=bool)
        if not f.include_boilerplate:
            mask &= (flags & np.uint32(1 << SPEC["boilerplate"].bit)) == 0
        starts, ends = column("start"), column("end")
        undated = starts == NO_DAY
        if not f.include_undated:
            mask &= ~undated
        if not f.include_hidden:
            mask &= (flags & np.uint32(1 << SPEC["not_event"].bit)) == 0
        if f.date_from is not None or f.date_to is not None:
            lo = f.date_from.toordinal() if f.date_from else -1
            hi = f.date_to.toordinal() if f.date_to else 10**9
            mask &= undated | ((starts <= hi) & (ends >= lo))
        if f.min_sources > 1:
            mask &= column("sources") >= f.min_sources
        needle = f.search.casefold().strip()
        if needle and rows is None:
            mask &= self.search_mask(needle)
        elif needle and rows is not None:  # a few rows: their sentences, one by one
            mask &= np.fromiter((needle in cols.value("text", row).casefold()
                                 for row in rows.tolist()), dtype=bool, count=len(rows))
        return mask

    def search_mask(self, needle: str) -> Mask:
        """Rows whose sentence contains `needle` (casefolded): `sentence_search`."""
        return self.search.rows(needle)

    # -- the questions -----------------------------------------------------------------------
    def masks(self, f: Filter) -> tuple[Mask, dict[str, Mask | None]]:
        """The scalar mask and each chosen facet's mask (None: not chosen), kept for the
        last filter (and kept up to date by `edit`); callers must not change them."""
        def made() -> _Masks:
            facets: dict[str, Mask | None] = {
                facet: self.facet_mask(facet, f.values(facet)) if f.values(facet) else None
                for facet in FACETS}
            return f, self._kept_scalar(f), facets

        masks, self._masks_before = _last_two(self._masks, self._masks_before,
                                              lambda kept: kept[0] == f, made)
        self._masks = masks
        return masks[1], masks[2]

    def _kept_scalar(self, f: Filter) -> Mask:
        """The scalar mask of `f`: the one kept with the last filters when it has the same
        toggles, dates, sources and text (a change from one party to another, or to a
        topic, masked every row by them again: 5-8 ms at a million events), else made. A
        kept mask is shared, never written but by `edit`, which writes the same values for
        every filter that shares it."""
        scalar = _scalar_part(f)
        for kept in (self._masks, self._masks_before):
            if kept is not None and _scalar_part(kept[0]) == scalar:
                return kept[1]
        return self.scalar_mask(f)

    def select(self, f: Filter) -> Mask:
        scalar, facets = self.masks(f)
        mask = scalar.copy()
        for facet_mask in facets.values():
            if facet_mask is not None:
                mask &= facet_mask
        return mask

    def keeps(self, f: Filter, rows: I64) -> Mask:
        """`select` for some rows only: work in proportion to them."""
        mask = self.scalar_mask(f, rows)
        for facet in FACETS:
            if f.values(facet):
                mask &= self._facet_rows(facet, f.values(facet), rows)
        return mask

    def rows(self, f: Filter) -> list[int]:
        rows: list[int] = np.flatnonzero(self.select(f)).tolist()
        return rows

    def counts(self, f: Filter) -> dict[str, FacetCounts]:
        """Per facet value, how many events match the other facets' choices and that value
        (values no event has are left out). Counted once per filter, then kept up to date by
        `edit`."""
        tally, self._tally_before = _last_two(
            self._tally, self._tally_before, lambda kept: kept.filter == f,
            lambda: self._count(f))
        self._tally = tally
        out: dict[str, FacetCounts] = {}
        for facet in FACETS:
            name = _FACET_FIELD[facet]
            size = self._size(facet)
            vocab = self.columns.vocab.get(name)
            rank = self._ranks.get(facet)
            if rank is None or len(rank) != size + 1:
                rank = self._ranks[facet] = name_rank(vocab.strings if vocab else [])
            out[facet] = FacetCounts(
                vocab.strings if vocab else [], vocab.codes if vocab else {},
                grown(tally.counted[facet], size).copy(), grown(self.total(facet), size),
                rank, name in self.columns.ragged)
        return out

    def _others(self, f: Filter, facet: str) -> Mask:
        """The rows every filter but `facet`'s own choice keeps."""
        scalar, facets = self.masks(f)
        others = scalar
        for other, mask in facets.items():
            if other != facet and mask is not None:
                others = others & mask
        return others

    def _count(self, f: Filter) -> _Tally:
        """Each facet counted over the rows its `others` keep; when most rows are kept, the
        rows left out are counted and taken from the facet's total instead; when neither is
        small, off the mask (`counting_plan`). A facet no other
        facet's choice narrows is counted over the scalar mask's rows alone, kept for the
        next filter with the same toggles, dates, sources and text: a change to another
        value of one facet (a party, then another) counted that facet over every row the
        scalar mask leaves out each time (3 ms at a million events)."""
        counted: dict[str, I64] = {}
        sizes: dict[str, int] = {}
        # per set of other facets: whether the rows left out are counted, those rows, and
        # the mask instead when neither side is small
        memo: dict[tuple[str, ...], tuple[bool, I64, Mask | None]] = {}
        scalar = _scalar_part(f)
        if self._scalar_counts is None or self._scalar_counts[0] != scalar:
            self._scalar_counts = (scalar, {})
        alone = self._scalar_counts[1]
        for facet in FACETS:
            key = tuple(g for g in FACETS if g != facet and f.values(g))
            size = sizes[facet] = self._size(facet)
            if not key:  # no other facet chosen: counted over what the scalar mask keeps
                found_alone = alone.get(facet)
                if found_alone is not None and len(found_alone) == size + 1:
                    counted[facet] = found_alone
                    continue
            if key not in memo:
                memo[key] = counting_plan(self._others(f, facet))
            most, rows, dense = memo[key]
            found = (tally_rows(self.columns, _FACET_FIELD[facet], rows, size)
                     if dense is None
                     else tally_mask(self.columns, _FACET_FIELD[facet], dense, size,
                                     int(self.total(facet)[-1])))
            counted[facet] = grown(self.total(facet), size) - found if most else found
            if not key:
                alone[facet] = counted[facet]
        return _Tally(f, counted, sizes)

    def _contributions(self, f: Filter, rows: I64) -> dict[str, I64]:
        """Per facet, the codes `rows` add to the filter's counts (-1: no value)."""
        scalar = self.scalar_mask(f, rows)
        chosen = {facet: self._facet_rows(facet, f.values(facet), rows)
                  for facet in FACETS if f.values(facet)}
        out: dict[str, I64] = {}
        for facet in FACETS:
            keep = scalar.copy()
            for other, mask in chosen.items():
                if other != facet:
                    keep &= mask
            out[facet] = self._facet_codes(facet, rows[keep])[0]
        return out


def _scalar_part(f: Filter) -> Filter:
    """The filter with no facet chosen: what its scalar mask reads."""
    none: frozenset[str] = frozenset()
    return replace(f, parties=none, topics=none, tags=none, documents=none, review=none,
                   modality=none, conflict=none)


_FACET_FIELD = {"parties": "parties", "topics": "topics", "tags": "tags",
                "documents": "document", "review": "review", "modality": "modality",
                "conflict": "conflict"}
_FIELD_FACET = {field: facet for facet, field in _FACET_FIELD.items()}
