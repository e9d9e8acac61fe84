"""The rows in the order of a column's text, from the columns themselves.

The table sorted by parties, topics, tags, sentence, document, modality, speaker or dispute
by making every row's Event and comparing its shown text: some 60 µs a row, six seconds of a
frozen window at 100,000 events, on every such sort and on every edit while sorted so. Here
each distinct value (a code, or a row's tuple of codes) has its text made once; the rows are
ordered by the rank of their value's text, stably, so rows with equal texts keep their order
as Python's sort kept them. A sentence's text is each row's own and is read once per row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt

from viewer.core.session.columns import SPEC, EventColumns
from viewer.core.session.saved_orders import saved_sentence_order

Label = Callable[[str], str]  # a stored value → the text the table shows for it


def _same(value: str) -> str:
    return value


def text_order(columns: EventColumns, field: str, label: Label | None = None,
               ties: npt.NDArray[np.int32] | None = None
               ) -> npt.NDArray[np.int32]:
    """Every row, ascending by the field's shown text casefolded (a tuple's values joined by
    ", " as the table shows them, each through `label` when given); ties in the order of
    `ties` (every row once, e.g. the table's by date), else in row order."""
    label = label or _same
    kind = SPEC[field].kind
    if kind == "text":
        saved = saved_sentence_order(columns)
        return saved if saved is not None else sentence_order(columns)
    if kind == "tuple":
        ranks = _tuple_ranks(columns, field, label)
    elif kind in ("code", "maybe"):
        # one key per code, and the empty text last for a missing value (code -1)
        keys = [label(s).casefold() for s in columns.vocab[field].strings]
        ranks = _ranks([*keys, ""])[columns.arrays[field]]
    else:
        raise ValueError(f"no text order for the {kind} column {field!r}")
    # Ranks in two bytes when they fit: NumPy's stable sort of them is a radix sort (at a
    # million rows some 15 ms rather than 120 ms of a merge sort of 8-byte ranks).
    narrow = ranks if ranks.dtype == np.uint16 else ranks.astype(
        np.uint16 if len(ranks) == 0 or int(ranks.max()) < 1 << 16 else np.int32)
    if ties is not None:  # ranked in the ties' order, so a stable sort keeps it among equals
        found: npt.NDArray[np.int32] = ties[np.argsort(narrow[ties], kind="stable")]
        return found.astype(np.int32, copy=False)
    order: npt.NDArray[np.int32] = np.argsort(narrow, kind="stable").astype(np.int32)
    return order


def _ranks(keys: list[str]) -> npt.NDArray[np.int64]:
    """Each key's place among the keys sorted (equal keys share a place)."""
    distinct = sorted(set(keys))
    place = {key: n for n, key in enumerate(distinct)}
    return np.fromiter((place[k] for k in keys), dtype=np.int64, count=len(keys))


def _tuple_ranks(columns: EventColumns, field: str, label: Label
                 ) -> npt.NDArray[np.integer[Any]]:
    """Per row, the rank of its values' joined text: one text per distinct tuple of codes.

    The distinct tuples are found with array operations, not a tuple made per row: a row's
    codes as the digits of one number when every tuple's number fits a small table (no sort
    at all), else a hash per row, one sort of the hashes and every row checked against its
    group's lead row; only if two different tuples shared a hash would the rows be grouped
    in Python instead."""
    ragged = columns.ragged[field]
    strings = columns.vocab[field].strings
    names = [label(s) for s in strings]
    dense = _dense_ranks(ragged.codes, ragged.offsets, names)
    if dense is not None:
        return dense
    grouped = _distinct_tuples(ragged.codes, ragged.offsets)
    if grouped is None:
        return _tuple_ranks_by_loop(columns, field, label)
    firsts, inverse = grouped
    offsets = ragged.offsets
    starts, ends = offsets[firsts].tolist(), offsets[firsts + 1].tolist()
    codes = ragged.codes
    texts = [", ".join([names[c] for c in codes[a:b].tolist()]).casefold()
             for a, b in zip(starts, ends, strict=True)]
    return _ranks(texts)[inverse]


def _dense_ranks(codes: npt.NDArray[Any], offsets: npt.NDArray[Any], names: list[str]
                 ) -> npt.NDArray[np.integer[Any]] | None:
    """Per row, its joined text's rank, with each row's tuple read as one number whose digits
    (base: the values plus one, 0 for none) are its codes plus one; None when the largest
    such number does not fit `DENSE_LIMIT`."""
    offsets = offsets.astype(np.int64)
    lengths = np.diff(offsets)
    base = len(names) + 1
    longest = int(lengths.max()) if len(lengths) else 0
    span = base**longest
    if span > DENSE_LIMIT:
        return None
    # One pass per place in the longest tuple (`longest` is at most log2 of DENSE_LIMIT), in
    # four-byte integers: the numbers stay below DENSE_LIMIT.
    numbers = np.zeros(len(lengths), dtype=np.int32)
    starts = offsets[:-1]
    last = max(0, len(codes) - 1)
    for place in range(longest):
        has = lengths > place
        digit = codes.take(np.minimum(starts + place, last)).astype(np.int32)
        digit += 1
        digit *= has
        digit *= base**place
        numbers += digit
    seen = np.zeros(span, dtype=bool)
    seen[numbers] = True
    distinct = np.flatnonzero(seen)
    texts = []
    for number in distinct.tolist():  # one text per distinct tuple
        values = []
        while number:
            number, digit = divmod(number, base)
            values.append(names[digit - 1])
        texts.append(", ".join(values).casefold())
    rank_of = np.zeros(span, dtype=np.uint16 if len(texts) <= 1 << 16 else np.int32)
    rank_of[distinct] = _ranks(texts)
    found: npt.NDArray[np.integer[Any]] = rank_of.take(numbers)
    return found


def _distinct_tuples(codes: npt.NDArray[Any], offsets: npt.NDArray[Any]
                     ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]] | None:
    """A row of each distinct tuple of codes, and each row's tuple among them (None when two
    different tuples shared a hash)."""
    offsets = offsets.astype(np.int64)
    lengths = np.diff(offsets)
    size = len(lengths)
    if size == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    place = np.arange(len(codes), dtype=np.int64) - np.repeat(offsets[:-1], lengths)
    with np.errstate(over="ignore"):
        weights = _POWERS[np.minimum(place, len(_POWERS) - 1)] * (
            place // len(_POWERS) + np.uint64(1)).astype(np.uint64)
        mixed = (codes.astype(np.uint64) + np.uint64(1)) * weights
        summed = np.concatenate([np.zeros(1, np.uint64), np.cumsum(mixed, dtype=np.uint64)])
        hashes = (summed[offsets[1:]] - summed[offsets[:-1]]) * _MIX + lengths.astype(np.uint64)
    # Rows grouped by hash with one sort (not a stable one: any row of a group can lead it)
    by_hash = np.argsort(hashes)
    ordered = hashes[by_hash]
    new_group = np.empty(size, dtype=bool)
    new_group[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=new_group[1:])
    inverse = np.empty(size, dtype=np.int64)
    inverse[by_hash] = np.cumsum(new_group) - 1
    firsts = by_hash[new_group].astype(np.int64)
    # every row holds the same codes as the lead row of its hash
    lead = firsts[inverse]
    if not np.array_equal(lengths[lead], lengths):
        return None
    lead_place = np.repeat(offsets[lead], lengths) + place
    if not np.array_equal(codes[lead_place], codes):
        return None
    return firsts, inverse


DENSE_LIMIT = 1 << 22  # the most tuple numbers `_dense_ranks` tables (4 MB of flags)
_MIX = np.uint64(0x9E3779B97F4A7C15)
# odd multipliers for a value's place in its tuple (a place past the last reuses it, scaled)
_POWERS = np.array([pow(0x100000001B3, k + 1, 1 << 64) | 1 for k in range(64)], dtype=np.uint64)


def _tuple_ranks_by_loop(columns: EventColumns, field: str, label: Label
                         ) -> npt.NDArray[np.int64]:
    """`_tuple_ranks` with a tuple made per row (the same ranks, some 0.6 s at a million)."""
    ragged = columns.ragged[field]
    strings = columns.vocab[field].strings
    codes = ragged.codes.tolist()
    offsets = ragged.offsets.tolist()
    texts: dict[tuple[int, ...], str] = {}
    row_keys: list[tuple[int, ...]] = []
    for row in range(columns.size):
        key = tuple(codes[offsets[row]:offsets[row + 1]])
        if key not in texts:
            texts[key] = ", ".join(label(strings[c]) for c in key).casefold()
        row_keys.append(key)
    distinct = list(texts)
    rank = _ranks([texts[k] for k in distinct])
    place = {k: int(r) for k, r in zip(distinct, rank, strict=True)}
    return np.fromiter((place[k] for k in row_keys), dtype=np.int64, count=len(row_keys))


def sentence_order(columns: EventColumns) -> npt.NDArray[np.int32]:
    """Every row by its sentence casefolded, ties in row order: each sentence read once."""
    documents = columns.vocab["document"].strings
    document = columns.arrays["document"].tolist()
    starts = columns.arrays["char_start"].tolist()
    ends = columns.arrays["char_end"].tolist()
    text_of = columns.text_of
    keys = [text_of(documents[d], s, e).casefold()
            for d, s, e in zip(document, starts, ends, strict=True)]
    order = sorted(range(len(keys)), key=keys.__getitem__)
    return np.asarray(order, dtype=np.int32)
