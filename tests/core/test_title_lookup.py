"""The name finder's shortcuts answer as the expressions and tests they stand for."""

from __future__ import annotations

import random
import re
from pathlib import Path

from viewer.core.events import name_lookups, people
from viewer.core.events.gazetteer_build import load_gazetteer


def test_a_title_before_a_name_is_found_as_the_expression_finds_it() -> None:
    """`titled_before` looks up each title length where the spaces before the name begin;
    `titled_end` tried every position of a 90-character window."""
    data = people.title_data()
    pieces = [*sorted(data.titles), "x", "X", "1", "_", ".", ",", " ", "  ", "\n", ", ", "Mr",
              "President's", "ex-", "-"]
    rng = random.Random(7)
    found = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", ",", " ,"])
                       for _ in range(rng.randint(1, 6)))
        start = rng.randint(0, len(text))
        left_from = rng.randint(max(0, start - 30), start)
        want = bool(data.titled_end.search(text[left_from:start]))
        got = name_lookups.titled_before(text, left_from, start, data.titles, data.lengths)
        assert got == want, (text, left_from)
        by_end = name_lookups.titled_before(text, left_from, start, data.titles, data.lengths,
                                            data.ends)
        assert by_end == want, (text, left_from)
        found += want
    assert found > 1000


def test_titles_of_every_length_are_found_by_their_ends() -> None:
    """Short titles (one character, or none) are looked up by their ends too."""
    titles = frozenset({"", "Z", "Dr", "ex", "General", "minister"})
    ends = name_lookups.title_ends(titles)
    lengths = tuple(sorted({len(t) for t in titles}))
    rng = random.Random(3)
    pieces = [*sorted(titles), "x", "Zz", " ", ",", "-", "1"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        start = rng.randint(0, len(text))
        left_from = rng.randint(0, start)
        try:
            want: bool | None = name_lookups.titled_before(text, left_from, start, titles,
                                                           lengths)
        except IndexError:  # the empty title at the very end: both ways fail alike
            want = None
        try:
            got: bool | None = name_lookups.titled_before(text, left_from, start, titles,
                                                          lengths, ends)
        except IndexError:
            got = None
        assert got == want, (text, left_from, start)


def test_remembered_name_tests_answer_as_the_test() -> None:
    gazetteer, data = load_gazetteer(), people.title_data()
    name_lookups._memos.clear()
    test = name_lookups.remembered(people._is_name_token, gazetteer.forms, data.titles)
    seeds = Path(__file__).parents[2] / "seeds"
    words = [w for path in seeds.glob("*.txt") for w in path.read_text("utf-8").split()]
    for word in words * 2:  # the second time from memory
        assert test(word) == people._is_name_token(word, gazetteer.forms, data.titles)
    memo = name_lookups._memos[(id(gazetteer.forms), id(data.titles))][2]
    assert len(memo) == len(set(words))  # each word tested once


def test_a_place_before_a_name_is_found_as_the_expression_finds_it() -> None:
    """`place_before` reads the end of the window; `\\b(?:in|…)\\s+$` was tried at each
    position of it."""
    expression = re.compile(r"\b(?:in|at|from|to|near|into|across|of)\s+$")
    pieces = [*name_lookups.PLACES, "x", "Gaza", " ", "  ", "\n", ",", "-", "_", "1", "é", "\xa0"]
    rng = random.Random(9)
    found = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        want = bool(expression.search(text))
        assert name_lookups.place_before(text) == want, text
        found += want
    assert found > 500


def test_a_place_before_a_name_is_read_in_place_as_in_a_copy() -> None:
    """`place_before_at` reads the window inside the text: the same answers as
    `place_before` of the copied window, wherever the window starts and ends."""
    pieces = [*name_lookups.PLACES, "x", "Gaza", " ", "  ", "\n", ",", "-", "_", "1", "é", "\xa0"]
    rng = random.Random(10)
    found = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        start = rng.randint(0, len(text))
        left_from = rng.randint(0, start)
        want = name_lookups.place_before(text[left_from:start])
        assert name_lookups.place_before_at(text, left_from, start) == want, (text, left_from)
        found += want
    assert found > 100
