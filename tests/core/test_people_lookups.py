"""The name finder's shortcuts answer as the expressions they stand in for: the next token
read with its spaces in one match, the test that skips the expressions read after a name,
and the short fold of a window's last word (seeded random texts)."""

from __future__ import annotations

import random
import re

from viewer.core.events import name_tokens, title_parties
from viewer.core.events.cue_scan import SPACES, fold
from viewer.core.events.parties import Mention
from viewer.core.events.tail_words import fold_short

_SAME_LINE_SPACE = re.compile(r"[^\S\n]*")


def _adjacent_in_two_steps(words: name_tokens.Words, after: int) -> tuple[int, int] | None:
    """What `Words.adjacent` did: the spaces, then the token where they end."""
    at = _SAME_LINE_SPACE.match(words.text, after, words.end).end()  # type: ignore[union-attr]
    if at >= words.end or words.covered(at):
        return None
    token = name_tokens._TOKEN.match(words.text, at, words.end)
    return token.span() if token is not None else None


def test_the_next_token_is_found_with_its_spaces_in_one_match() -> None:
    rng = random.Random(16)
    pieces = ["Ali", "al", "-", "Sayed", "'s", "’s", " ", "  ", "\n", "\xa0", ".", "1", "é",
              "O'Neil", "x", "_", ","]
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        covered = [Mention(a, a + rng.randint(1, 4), "X", "name")
                   for a in sorted(rng.sample(range(len(text) + 1), min(2, len(text) + 1)))
                   if rng.random() < 0.5]
        words = name_tokens.Words(text, start, end, covered)
        for after in range(start, end + 1):
            found = words.adjacent(after)
            assert (found.span(1) if found else None) == _adjacent_in_two_steps(words, after), (
                text, start, end, after)


def test_the_expressions_after_a_name_are_skipped_only_where_none_matches() -> None:
    rng = random.Random(17)
    pieces = [" ", "  ", "\n", "\xa0", ",", "who", "leads", "the", "of", "Ghana", "a", "an",
              "Japanese", "team", "said", "o", "x", " " * 14]
    reads = ((title_parties._WHO_LEADS, 24), (title_parties._OF_PARTY, 12))
    skipped = 0
    for _ in range(20000):
        text = "Yaw Mensah" + "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        end = len("Yaw Mensah")
        matches = (any(e.match(text, end, end + reach) for e, reach in reads)
                   or title_parties._APPOSITION.match(text[end : end + 4]) is not None)
        if not title_parties.may_follow(text, end):
            skipped += 1
            assert not matches, text
    assert skipped > 1000


def test_a_short_fold_is_the_fold() -> None:
    rng = random.Random(18)
    alphabet = "aZİIıiſs’'x ,é" + SPACES
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        assert fold_short(text) == fold(text), repr(text)


def test_a_letter_is_alphanumeric_and_no_decimal_digit() -> None:
    """`Words.capitals` reads the character before a range without `_LETTER`: the same test."""
    for code in range(0x30000):
        char = chr(code)
        assert bool(name_tokens._LETTER.match(char)) == (
            char.isalnum() and not char.isdecimal()), hex(code)


def test_a_one_word_name_is_its_own_word_not_the_next() -> None:
    """A name of one word followed by a word that is no name keeps its own word (the token
    read after a name is the next one, not part of it)."""
    from viewer.core.events.gazetteer_build import load_gazetteer
    from viewer.core.events.people import find_people

    text = "On Monday Varga said so, and Varga's team agreed with Anna Marin."
    found = find_people(text, [(0, len(text))], load_gazetteer())
    assert [(m.tokens, text[m.start : m.end]) for m in found] == [
        (("Varga",), "Varga"), (("Varga",), "Varga"), (("Anna", "Marin"), "Anna Marin")]
