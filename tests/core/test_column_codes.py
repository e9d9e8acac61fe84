"""A batch's coded columns are looked up in C (`Vocabulary.codes_or_none`, `code_lists`) and
hold the codes, and the vocabulary the order, that coding one value at a time gives."""

from __future__ import annotations

import random

import numpy as np

from tests.core.workcount import growth, lines_run
from viewer.core.session.vocabulary import Ragged, Vocabulary


def _one_at_a_time(vocab: Vocabulary, values: list[str | None]) -> list[int]:
    return [vocab.code(v) if v is not None else -1 for v in values]


def test_codes_as_one_at_a_time() -> None:
    rnd = random.Random(3)
    words: list[str | None] = [None, "a", "b", "ü", "", "Russia", "a "]
    for _ in range(200):
        values = [rnd.choice(words) for _ in range(rnd.randint(0, 40))]
        start = [w for w in words if w is not None and rnd.random() < 0.3]  # already in use
        ours, theirs = Vocabulary.of(start), Vocabulary.of(start)
        assert ours.codes_or_none(values) == _one_at_a_time(theirs, values)
        assert ours.strings == theirs.strings and ours.codes == theirs.codes


def test_vocabulary_of_strings_as_one_at_a_time() -> None:
    """`Vocabulary.of` (built in C, as a snapshot's open reads names back) gives the strings,
    codes and later codes that coding each string in turn gives, repeats among them."""
    rnd = random.Random(5)
    words = ["a", "b", "ü", "", "Russia", "a ", "b"]
    for _ in range(200):
        strings = [rnd.choice(words) for _ in range(rnd.randint(0, 20))]
        ours, theirs = Vocabulary.of(strings), Vocabulary()
        for value in strings:
            theirs.code(value)
        assert ours.strings == theirs.strings and ours.codes == theirs.codes
        assert ours.code("new") == theirs.code("new") and ours.strings == theirs.strings


def test_code_lists_as_one_at_a_time() -> None:
    rnd = random.Random(4)
    words = ["x", "y", "party:Russia:Moscow", "topic:war:troops", "é"]
    for _ in range(200):
        rows = [tuple(rnd.sample(words, rnd.randint(0, 3))) for _ in range(rnd.randint(0, 30))]
        ours, theirs = Vocabulary(), Vocabulary()
        got = ours.code_lists(rows)
        expected = Ragged.of([[theirs.code(v) for v in row] for row in rows])
        assert got.codes.dtype == expected.codes.dtype
        assert got.offsets.dtype == expected.offsets.dtype
        assert np.array_equal(got.codes, expected.codes)
        assert np.array_equal(got.offsets, expected.offsets)
        assert ours.strings == theirs.strings


def test_python_work_grows_with_distinct_values_only() -> None:
    """Linear in the distinct values (each coded once in Python) and flat in repeats (looked
    up by `map`): counted in Python lines run, never timed."""

    def work(distinct: int, repeats: int = 1) -> int:
        values = [f"v{k}" if k % 3 else None for k in range(distinct)] * repeats
        rows = [(f"r{k}", f"s{k % 7}") for k in range(distinct)] * repeats
        counter = [0]
        lines_run(lambda: (Vocabulary().codes_or_none(values), Vocabulary().code_lists(rows)),
                  counter)
        return counter[0]

    assert growth(lambda copies: work(200 * copies)) < 4.6
    assert work(200, repeats=20) < 1.05 * work(200)
