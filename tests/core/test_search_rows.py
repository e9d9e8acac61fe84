"""The row search (`search_rows`): the rows of a plain substring test whatever the rounds of
one place per row, the scan key or the needle (one byte, a NUL, across a row's edge), and
work bounded by the rows: a needle occurring k times in each row costs the same for any k."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.session import search_rows, search_text

LETTERS = st.sampled_from(list("aAeEsSßİıié ﬁ\x00🙂xX.Σσς"))
TEXTS = st.lists(st.text(LETTERS, max_size=14), max_size=30)
NEEDLES = st.text(LETTERS, min_size=1, max_size=4)


class _Texts:
    def __init__(self, texts: list[str]) -> None:
        self.texts, self.size = texts, len(texts)

    def values(self, name: str, rows: Any) -> list[Any]:
        return [self.texts[row] for row in rows.tolist()]


def _found(texts: list[str], needle: str, work: search_rows.Work | None = None) -> list[int]:
    haystack = search_text.build(_Texts(texts))
    mask = search_rows.matching_rows(haystack, needle.casefold().encode("utf-8"), len(texts),
                                     work)
    return [int(row) for row in mask.nonzero()[0]]


def _expected(texts: list[str], needle: str) -> list[int]:
    folded = needle.casefold()
    return [row for row, text in enumerate(texts) if folded in text.casefold()]


@pytest.mark.parametrize("rounds", [0, 1, 3])
@pytest.mark.parametrize("share", [0.0, 1.0])
@pytest.mark.parametrize("block", [8, 1 << 20])
@settings(max_examples=40, deadline=None)
@given(TEXTS, st.lists(NEEDLES, min_size=1, max_size=5))
def test_the_rows_are_those_of_a_substring_test(
        rounds: int, share: float, block: int, texts: list[str], needles: list[str]) -> None:
    """No rounds (every place at once), one, or the default; scanned for a pair or for the
    rarest byte alone; the places compared in scan blocks of a few bytes (a match starting
    blocks before its scanned byte, or running past its block) or in one block."""
    saved = search_rows.ROUNDS, search_text.PAIR_SHARE, search_text.SCAN_BLOCK
    search_rows.ROUNDS, search_text.PAIR_SHARE, search_text.SCAN_BLOCK = rounds, share, block
    try:
        for needle in needles:
            assert _found(texts, needle) == _expected(texts, needle), needle
    finally:
        search_rows.ROUNDS, search_text.PAIR_SHARE, search_text.SCAN_BLOCK = saved


@pytest.mark.parametrize("block", [16, 1 << 20])
@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(LETTERS, min_size=20, max_size=60), max_size=4),
       st.lists(st.text(LETTERS, min_size=1, max_size=2), min_size=1, max_size=5))
def test_short_needles_in_long_rows_are_those_of_a_substring_test(
        block: int, texts: list[str], needles: list[str]) -> None:
    """Few long rows: a needle of one or two bytes, often its own scan key (`_exact`: each
    row's compare bits OR-ed where places outnumber rows, else places mapped), rows cut into
    blocks of a few bytes or one block."""
    saved = search_text.SCAN_BLOCK
    search_text.SCAN_BLOCK = block
    try:
        for needle in needles:
            assert _found(texts, needle) == _expected(texts, needle), needle
    finally:
        search_text.SCAN_BLOCK = saved


def test_a_one_letter_needle_in_every_row_compares_no_place() -> None:
    texts = ["seven eels here", "no", "else"] * 3
    work = search_rows.Work()
    assert _found(texts, "e", work) == _expected(texts, "e")
    assert (work.compared, work.rounds) == (0, 0)


@pytest.mark.parametrize("needle", ["b\x00c", "b\x00", "\x00c", "\x00", "bc", "b", "c",
                                    "ab\x00cd", "d\x00"])
def test_a_match_never_runs_across_a_rows_edge(needle: str) -> None:
    texts = ["ab", "cd", "b\x00c", "", "bc", "\x00", "xb"]
    assert _found(texts, needle) == _expected(texts, needle)


@pytest.mark.parametrize("needle", ["e", "x", "é", "🙂", "ab"])
def test_a_needle_that_is_its_scan_key_compares_no_place(needle: str) -> None:
    texts = ["the tree " * 20, "abc", "é 🙂", "xx", ""] * 10
    work = search_rows.Work()
    assert _found(texts, needle, work) == _expected(texts, needle)
    if len(needle.encode()) == 1:
        assert work.compared == 0


@pytest.mark.parametrize("often", [1, 10, 200])
def test_a_needle_k_times_in_every_row_compares_one_place_per_row(often: int) -> None:
    rows = 50
    texts = ["alpha needle beta " * often] * rows + ["nothing here"] * rows
    work = search_rows.Work()
    assert _found(texts, "needle", work) == list(range(rows))
    assert work.compared == rows  # the first place of each row that has one, whatever k
    assert work.rounds == (0 if often == 1 else 1)  # 0: fewer places than rows, all compared


@pytest.mark.parametrize("often", [1, 10, 200])
def test_near_misses_take_a_bounded_number_of_rounds(often: int) -> None:
    """A row of many failing places, then a match: its places are compared at most once
    each, in at most `ROUNDS` rounds and one sweep, never one Python step per place."""
    texts = ["needlx " * often + "needle"] * 20
    work = search_rows.Work()
    assert _found(texts, "needle", work) == list(range(20))
    assert work.rounds <= search_rows.ROUNDS
    assert work.compared <= 20 * (often + 1)


@pytest.mark.parametrize("block", [8, 64, 1 << 20])
def test_places_compared_in_their_scan_block_are_compared_once_each(block: int) -> None:
    """A needle whose rarest byte ("g") occurs in a third of the rows, each a match, among
    rows full of its other bytes, compared block by block: each place of the byte compared
    once, whatever the block, and no round of one place per row."""
    texts = ["a vow of even ova", "the geneva talks", "valve nave"] * 40
    saved = search_text.SCAN_BLOCK, search_text.PAIR_SHARE
    search_text.SCAN_BLOCK, search_text.PAIR_SHARE = block, 1.0  # the rarest byte alone
    try:
        work = search_rows.Work()
        assert _found(texts, "geneva", work) == _expected(texts, "geneva")
        assert work.compared == sum(text.count("g") for text in texts)
        assert work.rounds == 0
    finally:
        search_text.SCAN_BLOCK, search_text.PAIR_SHARE = saved
