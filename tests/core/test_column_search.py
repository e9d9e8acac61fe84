"""Text search over columns: the array search finds exactly the rows a plain substring test
finds, for any needle, and does no Python work per sentence once its buffer is built."""

from __future__ import annotations

import random
from typing import Any

import numpy as np

from viewer.core.session.filtering import ColumnIndex

SENTENCES = [
    "Talks in Geneva resumed on Monday.", "GENEVA: envoys met", "Straße in München closed",
    "ceasefire talks", "", "a", "Éric Zemmour spoke", "geneva", "x\x00geneva", "talks talks",
    "İstanbul round", "ﬁnal round", "the end", "Gen", "eva", "Kyiv 🙂 Kyiv",
]


class _Texts:
    """Just what the index reads for a search: the number of rows and each sentence."""

    def __init__(self, texts: list[str]) -> None:
        self.texts, self.size, self.reads = texts, len(texts), 0

    def value(self, name: str, row: int) -> Any:
        assert name == "text"
        self.reads += 1
        return self.texts[row]

    def values(self, name: str, rows: Any) -> list[Any]:
        return [self.value(name, row) for row in rows.tolist()]


def _expected(texts: list[str], needle: str) -> list[int]:
    return [row for row, text in enumerate(texts) if needle in text.casefold()]


def test_search_finds_exactly_the_rows_a_substring_test_finds() -> None:
    rng = random.Random(5)
    texts = [rng.choice(SENTENCES) for _ in range(400)] + SENTENCES
    index = ColumnIndex(_Texts(texts))  # type: ignore[arg-type]
    needles = ["geneva", "talks", "strasse", "münchen", "éric", "i̇stanbul", "fi", "🙂",
               "a", "ss", "gen", "geneva resumed", "evage", "no such thing", "d.", "x"]
    for needle in needles:
        rows = np.flatnonzero(index.search_mask(needle)).tolist()
        assert rows == _expected(texts, needle), needle


def test_a_match_never_spans_two_sentences() -> None:
    index = ColumnIndex(_Texts(["Gen", "eva", "a"]))  # type: ignore[arg-type]
    assert not index.search_mask("geneva").any()
    assert not index.search_mask("gen\x00eva").any()
    assert index.search_mask("a").tolist() == [False, True, True]


def test_sentences_are_read_once_for_all_searches() -> None:
    texts = _Texts(SENTENCES * 10)
    index = ColumnIndex(texts)  # type: ignore[arg-type]
    for needle in ("geneva", "talks", "round", "kyiv"):
        index.search_mask(needle)
    assert texts.reads == len(texts.texts)
