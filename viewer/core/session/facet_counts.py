"""A facet's counts as arrays: what the filter panel lists, read without a dict per value.

A folder of 50,000 articles has 50,000 values in its Documents facet; a dict of them, sorted in
Python on every filter change and edit, cost tens of milliseconds for a list that shows 300.
`FacetCounts` keeps the counts per vocabulary code (the facet's "no value" last) and answers
the panel's listing (largest first, then by name) with one array sort.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from viewer.core.query import NO_VALUE
from viewer.core.session.columns import EventColumns

I64 = npt.NDArray[np.int64]
PARTITIONED = 4  # more shown values than this many times the limit: partitioned, not sorted
FEW_CODES = 8  # up to this many chosen values are compared one by one


def codes_in(codes: npt.NDArray[Any], wanted: I64) -> npt.NDArray[np.bool_]:
    """`np.isin(codes, wanted)` for a facet's codes. A filter chooses a value or a few:
    one comparison per chosen code, each with a Python int so the codes keep their own
    type (np.isin took 0.39 ms over the 160,000 party codes of 100,000 events for one
    party, a comparison 0.01 ms); more codes go to np.isin. O(len(codes)) per code."""
    if len(wanted) > FEW_CODES:
        found: npt.NDArray[np.bool_] = np.isin(codes, wanted)
        return found
    mask = np.zeros(len(codes), dtype=bool)
    for code in wanted.tolist():
        mask |= codes == code
    return mask


# When the rows kept and the rows left out are both more than this share of all rows, the
# facets are counted off the mask (`tally_mask`) rather than a list of rows. Every facet at a
# million events, scattered rows: as rows 3.7 ms for 2 %, 8 for 10 %, 12 for 20 %, 22 for
# 40 %; off the mask 8-12 ms whatever is kept (it was 29 ms for 45 % before the mask was
# taken through each code's row, when the share was 0.4).
MASKED_SHARE = 0.15


def counting_plan(others: npt.NDArray[np.bool_]) -> tuple[bool, I64, npt.NDArray[np.bool_] | None]:
    """How to count facets over the rows `others` keeps: whether the rows left out are
    counted and taken from the totals (the smaller side), then those rows and None when
    they are few, else no rows and their mask for `tally_mask` (at a million events, 84 %
    kept: 16 ms counting the kept rows off the mask, 10 the rows left out)."""
    kept = int(np.count_nonzero(others))
    most = kept * 2 > len(others)
    fewer = len(others) - kept if most else kept
    if fewer > MASKED_SHARE * len(others):
        return most, np.zeros(0, dtype=np.int64), ~others if most else others
    return most, np.flatnonzero(~others if most else others), None


def codes_of_rows(columns: EventColumns, name: str, rows: I64) -> tuple[I64, I64]:
    """The codes of field `name` for `rows` (a tuple field: each of a row's values, -1 for a
    row with none) and, for each code, its position in `rows`. Array work only."""
    if name not in columns.ragged:
        return columns.arrays[name][rows].astype(np.int64), np.arange(len(rows), dtype=np.int64)
    ragged = columns.ragged[name]
    first, stop = ragged.offsets[rows], ragged.offsets[rows + 1]
    lengths = np.maximum(stop - first, 1)  # a row with no value gets one slot, for -1
    owner = np.repeat(np.arange(len(rows), dtype=np.int64), lengths)
    at = np.repeat(first - np.cumsum(lengths) + lengths, lengths) + np.arange(
        int(lengths.sum()), dtype=np.int64)
    empty = (stop == first)[owner]
    codes = np.where(empty, -1, ragged.codes[np.minimum(at, max(0, len(ragged.codes) - 1))]
                     if len(ragged.codes) else -1)
    return codes.astype(np.int64), owner


def tally_rows(columns: EventColumns, name: str, rows: I64, size: int) -> I64:
    """`tally(codes_of_rows(columns, name, rows)[0], size)` without the codes' owners: a
    filter change counts every facet over the rows the other facets keep, and the owners
    (and the per-code "no value" slots) were half of those array steps. Array work only,
    O(len(rows) + their codes)."""
    # gathers by `take` in "wrap" mode (the rows and places are in range): indexing by an
    # array, or a take that checks each index against the bounds, cost more per element
    if name not in columns.ragged:
        return tally(columns.arrays[name].take(rows, mode="wrap").astype(np.int64), size)
    ragged = columns.ragged[name]
    first = ragged.offsets.take(rows, mode="wrap")
    lengths = ragged.offsets.take(rows + 1, mode="wrap") - first
    total = int(lengths.sum())
    found: I64 = np.zeros(size + 1, dtype=np.int64)
    if total:
        # each row's codes, end to end: a row's first code's place, then one step per code
        at = np.repeat(first - (np.cumsum(lengths) - lengths), lengths) + np.arange(
            total, dtype=np.int64)
        found[:size] = np.bincount(ragged.codes.take(at, mode="wrap"), minlength=size)[:size]
    found[size] = int(np.count_nonzero(lengths == 0))
    return found


def build_code_rows(columns: EventColumns, names: Iterable[str]) -> None:
    """Build the row of each code (`Ragged.rows`) of the tuple fields `names` now, as the
    folder opens: the first search's facet counts (`tally_mask`) and the first party or
    topic filter read them, and building them there cost 7 ms a facet at a million events."""
    for name in names:
        ragged = columns.ragged.get(name)
        if ragged is not None and len(ragged.codes):
            ragged.rows  # noqa: B018 - the property builds and keeps them


def tally_mask(columns: EventColumns, name: str, mask: npt.NDArray[np.bool_],
               size: int, empty: int | None = None) -> I64:
    """`tally_rows` of the rows where `mask` is True, read off the mask: each code keeps or
    drops by its row's bit, taken through `Ragged.rows` (the row of each code, four bytes
    a code, built once and kept: a facet's filter mask reads it too). `empty`, when
    known, is how many rows have no value at all, so a field where none or all do skips
    that pass. Why: at a million events, repeating the mask over the codes (`np.repeat`,
    a loop per row) was 7 of the 10 ms of the parties; the take is 2. O(rows + codes)."""
    if name not in columns.ragged:
        return tally_column(columns.arrays[name], mask, size)
    ragged = columns.ragged[name]
    found: I64 = np.zeros(size + 1, dtype=np.int64)
    if len(ragged.codes):
        kept = ragged.codes.compress(mask.take(ragged.rows))
        found[:size] = np.bincount(kept, minlength=size)[:size]
    if empty == len(mask) or not len(ragged.codes):
        found[size] = int(np.count_nonzero(mask))
    elif empty != 0:
        found[size] = int(np.count_nonzero(mask & (np.diff(ragged.offsets) == 0)))
    return found


def tally_column(codes: npt.NDArray[Any], mask: npt.NDArray[np.bool_], size: int) -> I64:
    """`tally` of a one-value column's codes where `mask` is True, in the codes' own type:
    a facet of a few values (review, modality) is one comparison with the mask per value
    (0.2 ms over a million bytes, where taking the kept codes out, widening them and a
    bincount took 2 ms); any other is a bincount of the kept codes, with the "no value"
    slot made only when some code is below zero. O(rows) per value or in all."""
    found: I64 = np.zeros(size + 1, dtype=np.int64)
    if size <= FEW_CODES:
        for code in range(size):
            found[code] = int(np.count_nonzero((codes == code) & mask))
        found[size] = int(np.count_nonzero(mask)) - int(found[:size].sum())
        return found
    kept = codes.compress(mask)
    if len(kept) and int(kept.min()) < 0:
        return tally(kept.astype(np.int64), size)
    found[:size] = np.bincount(kept, minlength=size)[:size]
    return found


def slots(codes: I64, size: int) -> I64:
    """Codes as positions in a facet's count arrays: "no value" (-1) is the last, `size`."""
    found: I64 = np.where(codes < 0, size, codes)
    return found


def tally(codes: I64, size: int) -> I64:
    """How many of `codes` fall on each of a facet's `size` codes and its "no value"."""
    found: I64 = np.bincount(slots(codes, size), minlength=size + 1).astype(np.int64)
    return found


def grown(counts: I64, size: int) -> I64:
    """Count arrays for a vocabulary that grew to `size` codes ("no value" stays last)."""
    if len(counts) - 1 >= size:
        return counts
    extra = np.zeros(size - (len(counts) - 1), dtype=np.int64)
    return np.concatenate([counts[:-1], extra, counts[-1:]])


class FacetCounts(Mapping[str, int]):
    """Per value of a facet present in the folder, how many events the filter would show
    with it. `strings` and `codes` are the facet's vocabulary (append-only); `counted` and
    `total` have one slot per code and "no value" last; `rank` orders the codes by name."""

    def __init__(self, strings: Sequence[str], codes: Mapping[str, int], counted: I64,
                 total: I64, rank: I64, with_none: bool) -> None:
        self.size = len(counted) - 1
        self.strings, self.codes = strings, codes
        self.counted, self.total, self.rank = counted, total, rank
        self.with_none = with_none  # a tuple field: events may carry no value

    def _slot(self, value: str) -> int | None:
        if value == NO_VALUE and self.with_none:
            return self.size
        code = self.codes.get(value)
        return code if code is not None and code < self.size else None

    def __getitem__(self, value: str) -> int:
        slot = self._slot(value)
        if slot is None or not self.total[slot]:
            raise KeyError(value)
        return int(self.counted[slot])

    def _name(self, slot: int) -> str:
        return NO_VALUE if slot == self.size else self.strings[slot]

    def __iter__(self) -> Iterator[str]:
        return (self._name(slot) for slot in np.flatnonzero(self.total).tolist())

    def __len__(self) -> int:
        return int(np.count_nonzero(self.total))

    def listing(self, limit: int, checked: frozenset[str]) -> tuple[list[str], int]:
        """What the panel lists: values some shown event has (or that are checked), largest
        first, then by name, "no value" last; beyond `limit`, only the checked ones (by
        name). Also how many values were left out."""
        names, _counts, hidden = self.counted_listing(limit, checked)
        return names, hidden

    def counted_listing(self, limit: int, checked: frozenset[str]
                        ) -> tuple[list[str], list[int], int]:
        """`listing` with each listed value's count, read off the arrays at once (asking
        the mapping value by value was three Python calls each, for 300 documents)."""
        wanted = np.zeros(self.size + 1, dtype=bool)
        for value in checked:
            slot = self._slot(value)
            if slot is not None:
                wanted[slot] = True
        shown = np.flatnonzero((self.total > 0) & ((self.counted > 0) | wanted))
        hidden = max(0, len(shown) - limit)
        top, more = self._largest(shown, limit)
        size, strings = self.size, self.strings
        names = [NO_VALUE if slot == size else strings[slot] for slot in top.tolist()]
        counts: list[int] = self.counted[top].tolist()
        extra = sorted((self._name(slot), slot) for slot in more[wanted[more]].tolist())
        names += [name for name, _slot in extra]
        counts += [int(self.counted[slot]) for _name, slot in extra]
        return names, counts, hidden

    def _largest(self, shown: I64, limit: int) -> tuple[I64, I64]:
        """The first `limit` of the `shown` slots in the listing's order (largest count
        first, then by name, "no value" last), in that order, and the rest (in no order).
        Each slot's place is one integer (its rank is unique), so the first `limit` are
        partitioned out in O(len(shown)) and only they are sorted (5,000 documents listing
        300: 0.16 -> 0.10 ms; a few values are sorted at once, which costs less)."""
        counted, rank = self.counted[shown], self.rank[shown]
        if len(shown) <= PARTITIONED * max(limit, 1) or (  # few: one sort costs less
                int(counted.max()) >= 1 << 31 or int(counted.min()) < 0
                or int(rank.max()) >= 1 << 31):  # beyond the packed key
            order = shown[np.lexsort((rank, -counted, shown == self.size))]
            return order[:limit], order[limit:]
        key = (((shown == self.size).astype(np.int64) << 62)
               | (((1 << 31) - 1 - counted) << 31) | rank)
        first = np.argpartition(key, limit - 1)[:limit] if limit > 0 else shown[:0]
        rest = np.ones(len(shown), dtype=bool)
        rest[first] = False
        more = shown[rest]
        first = first[np.argsort(key[first])]
        return shown[first], more


def name_rank(strings: Sequence[str]) -> I64:
    """Each code's place when the strings are sorted by casefolded name (stable), with one
    more place for "no value"."""
    order = sorted(range(len(strings)), key=lambda code: strings[code].casefold())
    rank = np.zeros(len(strings) + 1, dtype=np.int64)
    rank[np.asarray(order, dtype=np.int64)] = np.arange(len(strings), dtype=np.int64)
    rank[-1] = len(strings)
    return rank
