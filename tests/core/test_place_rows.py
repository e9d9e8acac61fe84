"""A place's row by the rows counted per block (`place_rows`): the row a binary search over
the starts gives, for rows of any length (empty ones, rows longer than many blocks), with
work bounded by operation counts: a few gathers a place, a binary search only for places in
blocks crowded with starts."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.core.test_search_rows import _expected, _found
from viewer.core.session import place_rows


def _starts(lengths: list[int], dtype: str = "<i4") -> tuple[np.ndarray, int]:
    """Rows' starts (each row its bytes, then a NUL) and the text's length without the last
    NUL, as `search_text` lays them out."""
    starts = np.zeros(len(lengths) + 1, dtype=dtype)
    np.cumsum(np.asarray(lengths, dtype=np.int64) + 1, out=starts[1:])
    return starts, int(starts[-1]) - 1 if lengths else 0


@pytest.mark.parametrize("dtype", ["<i4", "<i8"])
@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(0, 300), max_size=60), st.data())
def test_each_place_gets_the_row_a_binary_search_gives(
        dtype: str, lengths: list[int], data: st.DataObject) -> None:
    starts, length = _starts(lengths, dtype)
    marks = place_rows.row_marks(starts, length)
    assert len(marks) == place_rows.block_count(length)
    if not length:
        return
    places = np.asarray(sorted(data.draw(st.lists(st.integers(0, length - 1), max_size=80))),
                        dtype=np.int64)
    expected = (np.searchsorted(starts, places, side="right") - 1).tolist()
    assert place_rows.rows_of(places, marks, starts).tolist() == expected
    assert place_rows.rows_of(places, None, starts).tolist() == expected  # no counts saved


def test_rows_longer_than_a_block_take_at_most_one_gather_a_place() -> None:
    """Rows of 100-200 bytes: at most one start lies in a place's block before it, so a
    second round looks only at the places that moved, and no place is left to a search."""
    rng = np.random.default_rng(3)
    starts, length = _starts(rng.integers(100, 200, size=20_000).tolist())
    places = np.sort(rng.integers(0, length, size=50_000))
    moves = place_rows.Moves()
    got = place_rows.rows_of(places, place_rows.row_marks(starts, length), starts, moves)
    assert got.tolist() == (np.searchsorted(starts, places, side="right") - 1).tolist()
    assert moves.searched == 0
    assert moves.gathered < 2 * len(places)


def test_blocks_crowded_with_empty_rows_fall_back_to_a_search_per_place() -> None:
    """100,000 empty rows (a NUL each, 64 starts a block): the rounds stop after `ROUNDS`
    gathers a place, the rest take a binary search; never a loop over the block's starts."""
    starts, length = _starts([0] * 100_000)
    places = np.arange(0, length, 7, dtype=np.int64)
    moves = place_rows.Moves()
    got = place_rows.rows_of(places, place_rows.row_marks(starts, length), starts, moves)
    assert got.tolist() == (np.searchsorted(starts, places, side="right") - 1).tolist()
    assert moves.gathered <= place_rows.ROUNDS * len(places)
    assert moves.searched <= len(places)


NEEDLES = ["geneva", "talks", "e", "ere", "a s", "ks. ", "s\x00", "zzz", "monitoring mech"]


def test_a_generated_corpus_finds_what_a_substring_test_finds() -> None:
    """Sentences of the synthetic events' words (8-24 words, 40-200 bytes): needles in half
    the rows, in every row, in none, across words and across a row's edge."""
    words = ("talks", "resumed", "in", "Geneva", "after", "strikes", "on", "energy", "grid",
             "officials", "said", "the", "delegations", "met", "for", "six", "hours",
             "ceasefire", "monitoring", "mechanism", "prisoner", "exchange", "sanctions")
    rng = np.random.default_rng(11)
    texts = [" ".join(rng.choice(words, size=int(rng.integers(8, 25)))).capitalize() + "."
             for _ in range(3_000)]
    for needle in NEEDLES:
        assert _found(texts, needle) == _expected(texts, needle), needle
