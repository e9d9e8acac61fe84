"""A batch's coded columns are looked up in C (`Vocabulary.codes_or_none`, `code_lists`) and
hold the codes, and the vocabulary the order, that coding one value at a time gives."""

from __future__ import annotations

import random

import numpy as np

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
