"""Strings as small integer codes, and one list of codes per row: the two shapes every
coded column of the event store is made of."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int32]


@dataclass(slots=True)
class Vocabulary:
    """Strings ↔ small integer codes, in order of first appearance."""

    strings: list[str] = field(default_factory=list)
    codes: dict[str, int] = field(default_factory=dict)

    def code(self, value: str) -> int:
        found = self.codes.get(value)
        if found is None:
            found = self.codes[value] = len(self.strings)
            self.strings.append(value)
        return found

    def codes_or_none(self, values: Sequence[str | None]) -> list[int]:
        """Each value's code (-1 for None), new values coded in order of first appearance,
        as `code` one value at a time would; the values are looked up in C, not one method
        call each (building a batch's columns made 170,000 such calls per 500 articles)."""
        for value in dict.fromkeys(values):  # the distinct values, first appearance first
            if value is not None:
                self.code(value)
        lookup: dict[str | None, int] = dict(self.codes.items())
        lookup[None] = -1
        return list(map(lookup.__getitem__, values))

    def code_lists(self, rows: Sequence[Sequence[str]]) -> Ragged:
        """`Ragged.of([[self.code(v) for v in row] for row in rows])`, coded in C."""
        for value in dict.fromkeys(itertools.chain.from_iterable(rows)):
            self.code(value)
        return Ragged.of(rows, self.codes.__getitem__)

    @classmethod
    def of(cls, strings: Iterable[str]) -> Vocabulary:
        """The strings coded as `code` would, one at a time, code them; built in C (a
        snapshot's open reads 50,000 document names back, a method call each cost 30 ms)."""
        distinct = list(dict.fromkeys(strings))  # first appearance first
        return cls(distinct, dict(zip(distinct, range(len(distinct)), strict=True)))


@dataclass(slots=True)
class Ragged:
    """One list of codes per row: `codes[offsets[i]:offsets[i + 1]]` are row i's values."""

    codes: IntArray
    offsets: npt.NDArray[np.int64] | IntArray  # int32 once saved and read back
    _rows: IntArray | None = None

    @classmethod
    def of(cls, lists: Sequence[Sequence[Any]],
           code: Callable[[Any], int] | None = None) -> Ragged:
        """The lists as codes (each value passed through `code` first, when given)."""
        lengths = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
        offsets = np.zeros(len(lists) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        flat = itertools.chain.from_iterable(lists)
        codes = np.fromiter(flat if code is None else map(code, flat), dtype=np.int32,
                            count=int(offsets[-1]))
        return cls(codes, offsets)

    def row(self, i: int) -> list[int]:
        return [int(c) for c in self.codes[self.offsets[i] : self.offsets[i + 1]]]

    @property
    def rows(self) -> IntArray:
        """The row of each code (built once, then kept until the next change)."""
        if self._rows is None:
            lengths = np.diff(self.offsets)
            self._rows = np.repeat(np.arange(len(lengths), dtype=np.int32), lengths)
        return self._rows

    def replace(self, values: Mapping[int, Sequence[int]]) -> None:
        """Give some rows new lists: one pass over the arrays, not a rebuild from objects."""
        if not values:
            return
        changed = np.fromiter(values, dtype=np.int64, count=len(values))
        counts = np.fromiter(map(len, values.values()), dtype=np.int64, count=len(values))
        self.replace_rows(changed, counts, np.fromiter(
            itertools.chain.from_iterable(values.values()), dtype=np.int32,
            count=int(counts.sum())))

    def replace_rows(self, changed: npt.NDArray[np.int64], counts: npt.NDArray[np.int64],
                     added: IntArray) -> None:
        """`replace` with the new lists given flat: rows `changed` (distinct) take
        `counts[k]` codes each, one after the other in `added`; built without a loop over
        rows in Python (the folder stage gives tens of thousands of rows new people)."""
        lengths = np.diff(self.offsets)
        keep = ~np.isin(self.rows, changed)
        lengths[changed] = counts
        added_rows = np.repeat(changed.astype(np.int32), counts)
        rows = np.concatenate([self.rows[keep], added_rows])
        order = np.argsort(rows, kind="stable")
        self.codes = np.concatenate([self.codes[keep], added])[order]
        # 4 bytes a row while the codes fit (an edit once widened a read-back column to 8)
        wide = int(lengths.sum()) >= 2**31 or self.offsets.dtype == np.int64
        offsets: npt.NDArray[np.int64] | IntArray = (
            np.zeros(len(lengths) + 1, dtype=np.int64) if wide
            else np.zeros(len(lengths) + 1, dtype=np.int32))
        np.cumsum(lengths, out=offsets[1:])
        self.offsets = offsets
        self._rows = rows[order]

    @property
    def nbytes(self) -> int:
        extra = self._rows.nbytes if self._rows is not None else 0
        return int(self.codes.nbytes + self.offsets.nbytes + extra)
