"""Sentence ends are found the same after any kind of white space: the segmenter reads the
white space after a full stop in its candidate expression (`\\s`), where it used to walk it with
`str.isspace`; the two agree on every code point, and these texts hold the odd ones."""

from __future__ import annotations

import random
import re
import sys

import pytest

from viewer.core.ingest.segment import sentences_in

SPACES = [" ", "\t", "\n", "\u00a0", "\u2009", "\u3000", "\x1c", "\x1f", "\u2028", "\x85"]


def test_white_space_is_what_isspace_says() -> None:
    pattern = re.compile(r"\s")
    assert all(chr(c).isspace() == bool(pattern.match(chr(c)))
               for c in range(sys.maxunicode + 1))


@pytest.mark.parametrize("space", SPACES)
def test_a_full_stop_before_any_space(space: str) -> None:
    text = f"He left.{space}Then{space * 2}she came. U.S.{space}officials said.{space}"
    found = [text[a:b] for a, b in sentences_in(text, 0, len(text))]
    assert found == ["He left.", f"Then{space * 2}she came.", f"U.S.{space}officials said."]


def test_seeded_texts_split_as_with_plain_spaces() -> None:
    """Random words, stops and spaces of every kind split where the same text with plain
    spaces splits (each space is one character, so the offsets compare)."""
    rnd = random.Random(12)
    words = ["He", "left", "U.S.", "Mr.", "Feb.", "3.", "said", "A.", "(Reuters)", "”", "ok?",
             "then"]
    for _ in range(300):
        text = "".join(rnd.choice(words) + rnd.choice([".", "", "!", "…", ".”"])
                       + rnd.choice(SPACES) * rnd.randint(1, 2) for _ in range(30))
        plain = "".join(" " if c.isspace() else c for c in text)
        assert sentences_in(text, 0, len(text)) == sentences_in(plain, 0, len(plain))
