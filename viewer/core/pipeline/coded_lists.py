"""Lists of strings per event as one code array, its row offsets and one vocabulary.

Why: the folder-wide steps read a few strings per event (content words, person mentions,
figures). A tuple of strings per event costs a Python object per string; across a corpus of
a million events that was most of the main process's memory. Codes cost four bytes each, and
shares built in worker processes join with a translation of codes, never string by string.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Codes = npt.NDArray[np.int32]
Offsets = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class CodedLists:
    """Row i's strings are `strings[c]` for c in `codes[offsets[i]:offsets[i + 1]]`."""

    strings: tuple[str, ...]
    codes: Codes
    offsets: Offsets

    @classmethod
    def of(cls, lists: Iterable[Iterable[str]]) -> CodedLists:
        index: dict[str, int] = {}
        flat: list[int] = []
        ends: list[int] = []
        for values in lists:
            for value in values:
                code = index.get(value)
                if code is None:
                    code = index[value] = len(index)
                flat.append(code)
            ends.append(len(flat))
        offsets = np.zeros(len(ends) + 1, dtype=np.int64)
        offsets[1:] = ends
        return cls(tuple(index), np.array(flat, dtype=np.int32), offsets)

    @classmethod
    def empty(cls, rows: int = 0) -> CodedLists:
        return cls((), np.zeros(0, dtype=np.int32), np.zeros(rows + 1, dtype=np.int64))

    @property
    def rows(self) -> int:
        return len(self.offsets) - 1

    def lengths(self) -> npt.NDArray[np.int64]:
        return np.diff(self.offsets)

    def row(self, i: int) -> list[str]:
        return [self.strings[c] for c in self.codes[self.offsets[i]:self.offsets[i + 1]].tolist()]

    def code_rows(self) -> list[list[int]]:
        """Every row's codes as Python lists (one conversion of the arrays)."""
        codes: list[int] = self.codes.tolist()
        bounds: list[int] = self.offsets.tolist()
        return [codes[a:b] for a, b in itertools.pairwise(bounds)]

    @classmethod
    def concat(cls, parts: Sequence[CodedLists]) -> CodedLists:
        """One set of rows from several: vocabularies merged in order, codes translated."""
        index: dict[str, int] = {}
        codes: list[Codes] = []
        offsets: list[Offsets] = [np.zeros(1, dtype=np.int64)]
        base = 0
        for part in parts:
            table = np.array([index.setdefault(s, len(index)) for s in part.strings] or [0],
                             dtype=np.int32)
            codes.append(table[part.codes])
            offsets.append(part.offsets[1:] + base)
            base += int(part.offsets[-1])
        return cls(tuple(index), np.concatenate(codes) if codes else np.zeros(0, np.int32),
                   np.concatenate(offsets))

    def take(self, rows: npt.NDArray[np.int64]) -> CodedLists:
        """The given rows, in the given order (vectorised: no loop over rows)."""
        starts = self.offsets[rows]
        lengths = self.offsets[rows + 1] - starts
        offsets = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        picks = np.repeat(starts - offsets[:-1], lengths) + np.arange(int(offsets[-1]))
        return CodedLists(self.strings, self.codes[picks], offsets)
