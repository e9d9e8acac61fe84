"""A paragraph long past the title limit is turned down from its head: the collapsed head is
the start of the collapsed paragraph, so if the head is already too long the whole is. The
answer must be the one collapsing the whole paragraph gives, and the work must not grow with
the paragraph once its head is too long."""

from __future__ import annotations

import random
from typing import cast

from viewer.core.ingest.folder_reader import _collapsed_within


def _direct(text: str, start: int, end: int, limit: int) -> str | None:
    line = " ".join(text[start:end].split())
    return line if len(line) <= limit else None


def test_same_answer_as_collapsing_the_whole_paragraph() -> None:
    rng = random.Random(8)
    pieces = ["a", "word", " ", "  ", "\t", "\n", " \u00a0 ", "longerword", ".", "      "]
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 120)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        limit = rng.choice([0, 1, 5, 12, 30])
        assert _collapsed_within(text, start, end, limit) == _direct(text, start, end, limit)


class _Slices(str):
    """A text that notes the longest slice taken of it (the string splitting is C work that
    no line count sees)."""

    longest = 0

    def __getitem__(self, key: object) -> str:
        part = str.__getitem__(self, key)  # type: ignore[index]
        _Slices.longest = max(_Slices.longest, len(part))
        return part


def test_a_long_paragraph_is_read_by_its_head_only() -> None:
    text = _Slices("word " * 400_000)  # 2 MB, one paragraph
    _Slices.longest = 0
    assert _collapsed_within(cast(str, text), 0, len(text), 150) is None
    assert _Slices.longest <= 4 * 150
