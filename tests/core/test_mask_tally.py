"""Facet counts off a mask (`tally_mask`, `tally_column`) equal a plain count row by row on
random data of every shape the columns take, and the array they read (`Ragged.rows`) is
built once per tuple facet, four bytes a code, when a session opens."""

from __future__ import annotations

import random
from collections import Counter
from types import SimpleNamespace

import numpy as np
import pytest

from bench.synthetic import events as synthetic_events
from tests.core.workcount import lines_run
from viewer.core.session.columns import EventColumns
from viewer.core.session.facet_counts import FEW_CODES, build_code_rows, tally_column, tally_mask
from viewer.core.session.vocabulary import Ragged


def _plain(lists: list[list[int]], mask: list[bool], size: int) -> list[int]:
    """Per code, the kept rows' codes counted one by one; "no value" last: kept rows with
    no code."""
    found = Counter(code for row, keep in zip(lists, mask, strict=True) if keep for code in row)
    empty = sum(1 for row, keep in zip(lists, mask, strict=True) if keep and not row)
    return [found[code] for code in range(size)] + [empty]


def _columns(**fields: object) -> EventColumns:
    ragged = {k: v for k, v in fields.items() if isinstance(v, Ragged)}
    arrays = {k: v for k, v in fields.items() if not isinstance(v, Ragged)}
    return SimpleNamespace(ragged=ragged, arrays=arrays)  # type: ignore[return-value]


@pytest.mark.parametrize("seed", range(40))
def test_a_tuple_facet_counted_off_a_mask_equals_a_count_row_by_row(seed: int) -> None:
    """Rows with no code, one, many, repeated codes; no rows with a code, every row with
    one; masks keeping none, some, all; the empty-row count given, or not."""
    pick = random.Random(seed)
    rows, size = pick.choice((0, 1, 7, 300)), pick.choice((1, 3, 40))
    most = pick.choice((0, 1, 3, 9))
    low = 1 if pick.random() < 0.3 else 0  # every row has a code
    lists = [[pick.randrange(size) for _ in range(pick.randint(low, max(low, most)))]
             for _ in range(rows)]
    share = pick.choice((0.0, 0.1, 0.5, 1.0))
    mask = [pick.random() < share for _ in range(rows)]
    ragged = Ragged.of(lists)
    if pick.random() < 0.5:  # as read back from a snapshot
        ragged = Ragged(ragged.codes, ragged.offsets.astype(np.int32))
    columns = _columns(parties=ragged)
    empty = sum(1 for row in lists if not row)
    bits = np.asarray(mask, dtype=bool).reshape(rows)
    expected = _plain(lists, mask, size)
    for known in (None, empty):
        assert tally_mask(columns, "parties", bits, size, known).tolist() == expected


@pytest.mark.parametrize("seed", range(30))
@pytest.mark.parametrize("dtype", [np.int8, np.int32, np.int64])
def test_a_one_value_facet_counted_off_a_mask_equals_a_count_row_by_row(
        seed: int, dtype: type) -> None:
    """Few values (one comparison each) and many (a bincount), with and without rows of
    no value (-1)."""
    pick = random.Random(seed)
    rows = pick.choice((0, 1, 9, 400))
    size = pick.choice((1, 2, FEW_CODES, FEW_CODES + 1, 100))
    low = -1 if pick.random() < 0.5 else 0
    codes = [pick.randint(low, size - 1) for _ in range(rows)]
    mask = [pick.random() < pick.choice((0.0, 0.5, 1.0)) for _ in range(rows)]
    expected = _plain([[c] if c >= 0 else [] for c in codes], mask, size)
    array = np.asarray(codes, dtype=dtype).reshape(rows)
    bits = np.asarray(mask, dtype=bool).reshape(rows)
    assert tally_column(array, bits, size).tolist() == expected
    assert tally_mask(_columns(review=array), "review", bits, size).tolist() == expected


def test_the_code_rows_are_built_once_for_the_facets_four_bytes_a_code() -> None:
    """`build_code_rows` makes `Ragged.rows` for the fields named (not the people, which no
    facet counts), as int32, one per code; counting reads the same array and makes no
    other; a field with no codes gets none."""
    events = synthetic_events(500, seed=2, documents=40)
    texts = {e.document: e.text for e in events}
    columns = EventColumns.build(events, lambda doc, a, b: texts[doc][a:b])
    build_code_rows(columns, ("parties", "topics", "tags"))
    for name in ("parties", "topics"):
        ragged = columns.ragged[name]
        assert ragged._rows is not None
        assert ragged._rows.dtype == np.int32 and ragged._rows.nbytes == 4 * len(ragged.codes)
    assert columns.ragged["tags"]._rows is None or len(columns.ragged["tags"].codes) > 0
    if "people" in columns.ragged:
        assert columns.ragged["people"]._rows is None
    before = columns.ragged["parties"]._rows
    mask = np.arange(columns.size) % 3 == 0
    size = len(columns.vocab["parties"].strings)
    tally_mask(columns, "parties", mask, size)
    assert columns.ragged["parties"]._rows is before  # kept, not made again


def test_counting_off_a_mask_does_python_work_independent_of_the_rows() -> None:
    """Python lines run per count stay the same from 1,000 to 16,000 rows (every row is
    array work), for a tuple facet and for one-value facets of few and many values."""

    def work(scale: int) -> int:
        pick = np.random.default_rng(scale)
        rows = 1000 * scale
        lengths = pick.integers(0, 4, rows)
        offsets = np.zeros(rows + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        ragged = Ragged(pick.integers(0, 30, int(offsets[-1])).astype(np.int32), offsets)
        columns = _columns(parties=ragged, review=pick.integers(-1, 2, rows).astype(np.int8),
                           document=pick.integers(0, 500, rows).astype(np.int32))
        mask = pick.random(rows) < 0.5
        counter = [0]
        lines_run(lambda: (tally_mask(columns, "parties", mask, 30),
                           tally_mask(columns, "review", mask, 2),
                           tally_mask(columns, "document", mask, 500)), counter)
        return counter[0]

    assert work(16) == work(1)


@pytest.mark.parametrize("needle", ["in", "an", "er", "the", "of"])
def test_most_rows_kept_are_counted_as_the_rows_left_out_off_the_mask(
        monkeypatch: pytest.MonkeyPatch, needle: str) -> None:
    """A search keeping 62-76 % of the events ("in", "an", "er") is counted off the mask of
    the rows it leaves out, taken from the totals; one keeping under half ("the", "of") off
    its own mask: the counts equal those counted from row lists, with a party chosen beside
    the search too."""
    from tests.core.test_facet_tally import _index
    from viewer.core.query import NO_VALUE, Filter
    from viewer.core.session import facet_counts, filtering

    events = synthetic_events(400, seed=9, documents=30)
    index = _index(events)
    party = next(p for p in index.values("parties") if p != NO_VALUE)
    masked: list[tuple[str, int]] = []
    tally = filtering.tally_mask

    def counting(columns: object, name: str, mask: np.ndarray, size: int,
                 *empty: int | None) -> object:
        masked.append((name, int(mask.sum())))
        return tally(columns, name, mask, size, *empty)  # type: ignore[arg-type]

    monkeypatch.setattr(filtering, "tally_mask", counting)
    chosen = [Filter(search=needle), Filter(search=needle, parties=frozenset({party}))]
    found = [index.counts(f) for f in chosen]
    share = len(index.rows(chosen[0])) / len(events)
    assert masked and all(kept <= len(events) // 2 for _name, kept in masked), share
    monkeypatch.setattr(facet_counts, "MASKED_SHARE", 1.0)  # never the mask
    for f, counts in zip(chosen, found, strict=True):
        assert counts == _index(events).counts(f), f
