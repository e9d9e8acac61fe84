"""Which rows' sentences hold a needle, at a cost bounded by the rows rather than the hits.

Why: the search used to check every place the needle's rarest byte (or pair) occurs and map
each one to its row. A one-letter needle ("e") has about 13 places a row at a million events:
13 million binary searches into the rows' starts, 0.7-1.7 s of CPU on the window's thread
while the user types. Once a row has matched, none of its other places can change the answer,
so each row looks at its first place only, and only rows whose first place failed look at
the next; the few rows still open after `ROUNDS` looks take all their places at once, so a
row with many failing places costs array work, never a Python loop per place.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from viewer.core.session import place_rows, search_text
from viewer.core.session.search_text import Haystack, Starts

Mask = npt.NDArray[np.bool_]
I64 = npt.NDArray[np.int64]
ROUNDS = 3  # looks at one place per open row before the open rows take all their places
# A needle that is its own scan key (`_exact`: "e", "in") never lists its places where they
# outnumber the rows: a compare and `logical_or.reduceat` over a million events' 117 MB cost
# about 16 + 22 ms, listing the 13 million places of "e" alone about 110.
# Up to this many places a row, every place is compared and each match mapped to its row
# (one sequential gather each); beyond it each row looks at its first place, then the next
# ("ere": 3 places a row, 113 ms compared all at once, 217 ms a row at a time)
MAPPED_SHARE = 4


@dataclass(slots=True)
class Work:
    """What a search examined: places compared with the needle, and rounds of one place
    per open row (for tests that bound the work by operation counts, not time)."""

    compared: int = 0
    rounds: int = 0


def matching_rows(haystack: Haystack, wanted: bytes, rows: int,
                  work: Work | None = None) -> Mask:
    """True at each of the `rows` rows whose sentence (in `haystack`) holds the UTF-8 bytes
    `wanted`, exactly as a substring test of each sentence (a match never runs into the
    separator after its sentence, even for a needle holding a NUL)."""
    work = work if work is not None else Work()
    mask = np.zeros(rows, dtype=bool)
    size, length = len(wanted), haystack.length
    if not size or size > length or not rows:
        return mask
    codes = np.frombuffer(wanted, dtype=np.uint8)
    lead, scanned = search_text.scan_key(haystack.histogram, codes, length)
    # each place of the key is a match inside its sentence: nothing to compare
    exact = lead == 0 and len(scanned) == size and b"\x00" not in wanted
    most = int(haystack.histogram[scanned].min())  # the key's places, at most
    if exact and most > rows:
        return _exact(haystack, scanned, mask)  # its places may outnumber the rows
    if not exact and most <= MAPPED_SHARE * rows:  # each place compared in its scan block
        def compared(places: I64) -> I64:
            places -= lead
            return _compared(haystack, wanted, places, work)

        return _rows_set(haystack, wanted, search_text.positions_of(
            haystack.buffer, length, scanned, compared), mask)
    found = search_text.positions_of(haystack.buffer, length, scanned)
    if lead:
        found -= lead  # where a match would start; before the text for the first few
    if exact or len(found) <= MAPPED_SHARE * rows:  # each place compared, matches mapped
        return _mapped(haystack, wanted, found, mask, work, exact)
    # each row's places: from the first at or after its start to the next row's first
    bounds = np.searchsorted(found, haystack.starts)
    first, after = bounds[:-1], bounds[1:]
    ends = haystack.starts[1:]  # a match ends before its sentence's separator
    open_rows = np.flatnonzero(after > first)
    at = first[open_rows]
    for _ in range(ROUNDS):
        if not len(open_rows):
            return mask
        work.rounds += 1
        hit = _matched(haystack, wanted, found[at], ends[open_rows], work)
        mask[open_rows[hit]] = True
        missed = ~hit
        open_rows, at = open_rows[missed], at[missed] + 1
        more = at < after[open_rows]
        open_rows, at = open_rows[more], at[more]
    if len(open_rows):  # every remaining place of the rows still open, at once
        counts = after[open_rows] - at
        offsets = np.cumsum(counts) - counts
        places = np.arange(int(counts.sum()), dtype=np.int64) + np.repeat(at - offsets, counts)
        owners = np.repeat(open_rows, counts)
        mask[owners[_matched(haystack, wanted, found[places], ends[owners], work)]] = True
    return mask


def _exact(haystack: Haystack, key: npt.NDArray[np.uint8], mask: Mask) -> Mask:
    """`mask` set where the row's bytes hold `key` (the whole needle, one byte or two, no
    NUL: no match runs across a row's separator), a block of rows of about `SCAN_BLOCK`
    bytes at a time: where the block's places outnumber its rows, each row's compare bits
    OR-ed; else its places listed and mapped to rows. Never a list of every place."""
    starts, buffer, rows = haystack.starts, haystack.buffer, len(mask)
    cuts = np.searchsorted(starts[:rows], np.arange(0, haystack.length, search_text.SCAN_BLOCK))
    edges = [*sorted(set(cuts.tolist()) | {0}), rows]
    widest = max(int(starts[high]) - int(starts[low]) for low, high in itertools.pairwise(edges))
    bits = np.empty(widest, dtype=bool)  # the compares' masks, written in place block by block
    second = np.empty_like(bits) if len(key) > 1 else bits
    for low, high in itertools.pairwise(edges):
        if low >= high:
            continue
        begin, end = int(starts[low]), int(starts[high])
        hit = np.equal(buffer[begin:end], key[0], out=bits[: end - begin])
        if len(key) > 1:
            hit &= np.equal(buffer[begin + 1 : end + 1], key[1], out=second[: end - begin])
        heads = starts[low:high] - begin
        if np.count_nonzero(hit) > high - low:
            mask[low:high] = np.logical_or.reduceat(hit, heads)
        else:
            places = hit.nonzero()[0].astype(heads.dtype, copy=False)
            mask[low + np.searchsorted(heads, places, side="right") - 1] = True
    return mask


def _mapped(haystack: Haystack, wanted: bytes, found: I64, mask: Mask, work: Work,
            exact: bool) -> Mask:
    """`mask` set at the rows of the places in `found` where the needle matches: every place
    compared (none when each is a match, `exact`), then the matches mapped to rows."""
    return _rows_set(haystack, wanted,
                     found if exact else _compared(haystack, wanted, found, work), mask)


def _compared(haystack: Haystack, wanted: bytes, found: I64, work: Work) -> I64:
    """The ascending places of `found` where the needle starts: one gather and compare per
    eight needle bytes, on the places still matching."""
    size, length = len(wanted), haystack.length
    # ascending: the places a match can start are one slice, cut by two binary searches
    # (a compare of every position twice, and a mask, cost 3 ms at 640,000 positions)
    found = found[int(np.searchsorted(found, 0)) :
                  int(np.searchsorted(found, length - size, side="right"))]
    windows = haystack.windows
    for at in range(0, size, 8):
        if not len(found):
            break
        work.compared += len(found)
        part = wanted[at : at + 8]
        bits = np.uint64((1 << (8 * len(part))) - 1)
        key = np.uint64(int.from_bytes(part, "little"))
        found = found.compress((windows[found + at] & bits) == key)
    return found


def _rows_set(haystack: Haystack, wanted: bytes, found: I64, mask: Mask) -> Mask:
    """`mask` set at the rows of the matches `found` (ascending, in the text): a lookup per
    match in the rows counted per block (`place_rows`; "geneva", 640,000 matches in a
    million rows: a binary search each over the starts 21 ms, the lookups 4-8)."""
    size, length = len(wanted), haystack.length
    found = found[int(np.searchsorted(found, 0)) :
                  int(np.searchsorted(found, length - size, side="right"))]
    if len(found):
        rows = place_rows.rows_of(found, haystack.marks, haystack.starts)
        if b"\x00" in wanted:  # only a needle holding the separator can span two rows
            rows = rows[found + size < haystack.starts[rows + 1]]
        mask[rows] = True
    return mask


def _matched(haystack: Haystack, wanted: bytes, places: I64,
             ends: Starts, work: Work) -> Mask:
    """Whether the needle starts at each of `places` and ends before `ends` (its row's next
    start): one gather and compare per eight bytes of the needle, on the places still
    matching. A place before the text (a pair's lead) never matches."""
    size = len(wanted)
    work.compared += len(places)
    hit = (places >= 0) & (places + size < ends)
    windows = haystack.windows
    alive = np.flatnonzero(hit)
    for at in range(0, size, 8):
        if not len(alive):
            break
        part = wanted[at : at + 8]
        bits = np.uint64((1 << (8 * len(part))) - 1)
        key = np.uint64(int.from_bytes(part, "little"))
        same = (windows[places[alive] + at] & bits) == key
        hit[alive[~same]] = False
        alive = alive[same]
    return hit
