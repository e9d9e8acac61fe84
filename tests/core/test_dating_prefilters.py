"""The quick tests before the dating stage's window searches only ever skip a window the
pattern cannot match: the same answer as the pattern on every window of real text."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from viewer.core.events import cues
from viewer.core.events.dating_prefilters import (
    may_bound,
    may_reduced_relative,
    may_subject_relative,
)

_SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.mark.parametrize("text", [
    "The talks have stalled since March", "SINCE March", "ſince March",  # long s: "s" here
    "It was done By Friday", "up from 40 in", "compared  with 2.1% in",
    "Villagers who fled the fighting in", "WHO fled in", "whom", "nothing at all here",
])
def test_prefilters_on_crafted_windows(text: str) -> None:
    end = len(text)
    if cues.BOUND.search(text, 0, end):
        assert may_bound(text, 0, end)
    if cues.SUBJECT_RELATIVE.search(text, 0, end):
        assert may_subject_relative(text, 0, end)
    assert may_bound("ſince 2020 ", 0, 11)  # not ASCII: the pattern decides


def test_prefilters_agree_with_the_patterns_on_the_seeds() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(_SEEDS.rglob("*.txt"))][:40]
    assert texts
    skipped = 0
    for text in texts:
        for at in range(0, len(text), 7):
            lo = max(0, at - cues.BOUND_REACH)
            if not may_bound(text, lo, at):
                skipped += 1
                assert cues.BOUND.search(text, lo, at) is None
            lo = max(0, at - cues.SUBJECT_RELATIVE_REACH)
            if not may_subject_relative(text, lo, at):
                assert cues.SUBJECT_RELATIVE.search(text, lo, at) is None
            lo = max(0, at - cues.REDUCED_REACH)
            if not may_reduced_relative(text, lo, at):
                assert cues.REDUCED_RELATIVE.search(text, lo, at) is None
    assert skipped  # the quick test does skip windows


@pytest.mark.parametrize("text", [
    "the duties it announced ", "the new duties they imposed in ", "the talks he held on ",
    "the vote it   struck at\t", "its plan we   announced\n", "the deal it announced\u00a0",
    "the deal it Announced ", "the deal it announced", "the deal it announced in",
    "the deal it announced to ", "the deal it begun ", "the deal it ed ", "the deal it  red ",
    "the deal it sǣed ", "the deal it said at on ", " ", "", "in ", "the deal it said IN ",
])
def test_reduced_relatives_on_crafted_windows(text: str) -> None:
    if cues.REDUCED_RELATIVE.search(text, 0, len(text)):
        assert may_reduced_relative(text, 0, len(text))


def test_reduced_relatives_on_generated_windows() -> None:
    """Words a match is made of, and near misses, in every order: the quick test refuses no
    window the pattern matches, and does refuse most others."""
    rnd = random.Random(16)
    words = ["the", "its", "duties", "new", "it", "they", "he", "we", "announced", "said",
             "struck", "Said", "in", "on", "at", "to", "edged", "ed", "red", "fixed-", "wéd",
             "2024", "(", ",", "talks"]
    spaces = [" ", "  ", "\t", "\n", "\u00a0", "\u2009"]
    refused = matched = 0
    for _ in range(20000):
        if rnd.random() < 0.5:  # the shape of a match, with a word or a space swapped
            shape = [rnd.choice(["the", "its", "The"]), *rnd.sample(words, rnd.randint(1, 3)),
                     rnd.choice(["it", "they", "she", "He"]),
                     rnd.choice(["announced", "said", "struck", "Said", "ed", "wéd", "in"]),
                     *rnd.choice([[], ["in"], ["on"], ["to"], ["at", "in"]])]
        else:
            shape = [rnd.choice(words) for _ in range(rnd.randint(1, 7))]
        text = "".join(word + rnd.choice(spaces) for word in shape)
        if rnd.random() < 0.2:
            text = text.rstrip()
        lo = rnd.randint(0, 3)
        found = cues.REDUCED_RELATIVE.search(text, lo, len(text)) is not None
        matched += found
        if not may_reduced_relative(text, lo, len(text)):
            refused += 1
            assert not found, repr(text)
    assert matched > 100 and refused > 10000


def test_a_long_window_is_read_once() -> None:
    """The quick test splits off at most the last three words, reading the window once."""
    text = "the duties it announced " + "word " * 100_000
    assert not may_reduced_relative(text, 0, len(text))
    assert may_reduced_relative(text + "they said ", 0, len(text) + 10)
