"""The text search's buffer: every sentence casefolded, UTF-8, NUL-separated, with where each
starts and how often each byte occurs.

Made from the sentences a block of rows at a time (`sentence_blocks`), either in memory at
the first search (`build`) or into a file beside the snapshot when the snapshot is written
(`search_file`), so the same bytes come out of both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from viewer.core.session import free_memory
from viewer.core.session.place_rows import Marks, row_marks

# Rows whose sentences are read, folded and encoded together: their texts, folded texts and
# bytes are held at once (1 << 16 rows raised the peak of a 100,000-event snapshot's writing
# by 30 MB).
BLOCK_ROWS = 1 << 14
PADDING = 8  # NULs after the text, so every position has eight bytes to read as a window
Starts = npt.NDArray[np.signedinteger[Any]]


class Sentences(Protocol):
    """What the buffer is made from: the number of rows and their sentences."""

    size: int

    def values(self, name: str, rows: npt.NDArray[np.int64]) -> list[Any]: ...


@dataclass(frozen=True, slots=True)
class Haystack:
    """Every sentence casefolded, UTF-8, NUL-separated; where each starts and ends; and how
    often each byte occurs (to look for a needle's rarest byte first); and how many rows
    start before each 64-byte block (`place_rows`: a place's row by a lookup)."""

    buffer: npt.NDArray[np.uint8]  # `length` bytes, then eight NULs
    length: int
    starts: Starts  # and, last, `length` + 1
    histogram: npt.NDArray[np.int64]
    marks: Marks | None  # None: a file of the format before, a binary search per match

    @property
    def windows(self) -> npt.NDArray[np.uint64]:
        """The eight bytes from each position as one little-endian integer (a view)."""
        view: npt.NDArray[np.uint64] = np.ndarray(
            (len(self.buffer) - 7,), dtype="<u8", buffer=self.buffer, strides=(1,))
        return view


SCAN_BLOCK = 1 << 20  # bytes compared at a time: the block's mask stays in the cache
# A needle whose rarest byte is more than this share of the text is scanned for that byte and
# a neighbour: a second compare of each block (about 20 ms over a million events' 113 MB)
# costs less than the candidates it drops, each found, gathered and compared at about 50 ns
# ("talks": 1.9 million places of its "k" in that text, 0.64 million of "lk").
PAIR_SHARE = 1 / 128


def scan_key(histogram: npt.NDArray[np.int64], codes: npt.NDArray[np.uint8],
             length: int) -> tuple[int, npt.NDArray[np.uint8]]:
    """Where in the needle `codes` the bytes to scan for start, and those bytes: its rarest
    byte alone, or with the rarer of its neighbours while that byte is common (`PAIR_SHARE`)."""
    counts = histogram[codes]
    rarest = int(np.argmin(counts))
    if len(codes) < 2 or counts[rarest] <= PAIR_SHARE * length:
        return rarest, codes[rarest : rarest + 1]
    if rarest == 0 or (rarest + 1 < len(codes) and counts[rarest + 1] <= counts[rarest - 1]):
        return rarest, codes[rarest : rarest + 2]
    return rarest - 1, codes[rarest - 1 : rarest + 1]


def positions_of(buffer: npt.NDArray[np.uint8], length: int, key: npt.NDArray[np.uint8],
                 kept: Callable[[npt.NDArray[np.int64]], npt.NDArray[np.int64]] | None = None
                 ) -> npt.NDArray[np.int64]:
    """Where the one or two bytes of `key` start in the first `length` bytes (the second
    may be the padding's first NUL), block by block: one compare of a whole million-event
    buffer (117 MB) wrote a mask as large to memory and read it back, about 1.5 times the
    time of the same work a block at a time. With `kept`, each block's places are passed
    through it while the block's bytes are still in the cache (the needle compared at them:
    "geneva"'s 640,000 places gathered after the whole scan cost about 12 ms more)."""
    parts = []
    mask = np.empty(min(SCAN_BLOCK, length), dtype=bool)
    after = np.empty_like(mask) if len(key) > 1 else mask
    for at in range(0, length, SCAN_BLOCK):
        size = min(SCAN_BLOCK, length - at)
        found = np.equal(buffer[at : at + size], key[0], out=mask[:size])
        if len(key) > 1:
            found &= np.equal(buffer[at + 1 : at + 1 + size], key[1], out=after[:size])
        places = np.flatnonzero(found)
        places += at
        parts.append(places if kept is None else kept(places))
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)


def sentence_blocks(columns: Sentences) -> Iterator[tuple[bytes, npt.NDArray[np.int64]]]:
    """Each block of rows' sentences casefolded and encoded, each followed by its NUL, and
    each one's length with the NUL. A document's text is read once per block."""
    for first in range(0, columns.size, BLOCK_ROWS):
        rows = np.arange(first, min(columns.size, first + BLOCK_ROWS))
        parts = [text.casefold().encode("utf-8") for text in columns.values("text", rows)]
        lengths = np.fromiter((len(p) + 1 for p in parts), dtype=np.int64, count=len(parts))
        parts.append(b"")
        yield b"\x00".join(parts), lengths


def starts_of(lengths: list[npt.NDArray[np.int64]], rows: int) -> tuple[Starts, int]:
    """Where each sentence starts, then one past the end (a sentence ends one byte before
    the next starts; 4 bytes an event while the text is under 2 GB), and the text's length
    without the last NUL."""
    total = int(sum(int(part.sum()) for part in lengths))
    length = total - 1 if rows else 0
    starts: Starts = (np.zeros(rows + 1, dtype=np.int32) if length < 2**31 - 2
                      else np.zeros(rows + 1, dtype=np.int64))
    if rows:
        np.cumsum(np.concatenate(lengths), out=starts[1:])
    return starts, length


def histogram_of(data: npt.NDArray[np.uint8]) -> npt.NDArray[np.int64]:
    """How often each byte occurs. bincount widens its input to intp, eight bytes for each
    one: 64 KiB at a time, so that copy stays at 512 KiB (1 MiB chunks held 8 MiB at once)."""
    histogram = np.zeros(256, dtype=np.int64)
    for at in range(0, len(data), 1 << 16):
        histogram += np.bincount(data[at : at + (1 << 16)], minlength=256)
    return histogram


def build(columns: Sentences) -> Haystack:
    """The buffer made in memory: every sentence read, folded and encoded."""
    blocks: list[bytes] = []
    lengths: list[npt.NDArray[np.int64]] = []
    for block, sizes in sentence_blocks(columns):
        blocks.append(block)
        lengths.append(sizes)
    starts, length = starts_of(lengths, columns.size)
    blocks.append(bytes(PADDING - 1 if columns.size else PADDING))
    buffer = np.frombuffer(b"".join(blocks), dtype=np.uint8)
    del blocks
    free_memory.release()  # the blocks, freed
    return Haystack(buffer, length, starts, histogram_of(buffer[:length]),
                    row_marks(starts, length))
