"""Which of a start word's rules can match, given the first letters of the word after it.

The trigger scan stops at a word some rule can start with; a number or "the" starts a score
of rules, and trying each (or one alternation of all) there was most of the scan's cost.
Each rule's parsed pattern says which words can follow its first one (`rule_index.followers`,
and `number_followers` below for a number), so the scan also reads the start of the next word
and only the rules that can go on with it are tried: "24 hours" tries the durations and the
year, not the dates, clock times, quarters and centuries.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from viewer.core.timex.rule_index import (
    _MAX_FOLLOWERS,
    DIGIT,
    FOLLOWER_LETTERS,
    Followers,
    _ahead_read,
    _Unknown,
    _walk,
    followers,
    parsed,
)

_DIGITS = "0123456789"
_NUMBER = DIGIT  # the state "inside the number"
_BETWEEN = DIGIT + " "  # after the number and something that is neither letter nor digit


def _follow_number(chars: set[str], open_: set[str], closed: set[str]) -> set[str]:
    """Like `rule_index._follow`, for a match that starts with a number: its digits are one
    word ("0"), and the next word may start right after them ("5th", "1990s")."""
    out: set[str] = set()
    for char in chars:
        if char == "_":
            raise _Unknown
        lower = char.lower()
        letter, digit = lower.isalpha(), char in _DIGITS
        for prefix in open_:
            if not prefix:  # the match's first character
                if digit:
                    out.add(_NUMBER)
                # a letter or a sign first: this branch does not start with a number
            elif prefix == _NUMBER:
                if digit:
                    out.add(_NUMBER)
                elif letter:
                    (closed if FOLLOWER_LETTERS == 1 else out).add(_BETWEEN + lower)
                else:
                    out.add(_BETWEEN)
            elif prefix == _BETWEEN:
                if letter:
                    (closed if FOLLOWER_LETTERS == 1 else out).add(_BETWEEN + lower)
                elif digit:
                    closed.add(_BETWEEN + DIGIT)
                else:
                    out.add(prefix)
            elif letter and prefix[2:] != DIGIT:
                second = prefix[2:]
                (closed if len(second) + 1 >= FOLLOWER_LETTERS else out).add(prefix + lower)
            else:
                closed.add(prefix)  # the next word has ended
    if len(out) > _MAX_FOLLOWERS:
        raise _Unknown
    return out


def number_followers(body: str) -> Followers:
    """The starts of the word that can follow the number a match of `body` starts with ("0"
    for another number), or None where anything may (the match can end after the number,
    or the pattern cannot be read this way)."""
    try:
        closed: set[str] = set()
        left = _walk(_ahead_read(list(parsed(body))), {""}, closed,
                     _follow_number)
    except (_Unknown, re.error, AttributeError, TypeError, ValueError, IndexError,
            RecursionError):
        return None
    if _NUMBER in left or _BETWEEN in left:
        return None
    return frozenset(p[2:] for p in closed | left if p.startswith(_BETWEEN) and p[2:])


def follower_table(patterns: Sequence[str], by_word: dict[str, tuple[int, ...]],
                   by_digit: tuple[int, ...]) -> dict[str, tuple[Followers, ...]]:
    """For each start word (and DIGIT), the followers of each of its rules, in its order."""
    starts_of: dict[int, set[str]] = {}
    for word, group in by_word.items():
        for index in group:
            starts_of.setdefault(index, set()).add(word)
    read: dict[int, dict[str, Followers] | None] = {}
    table: dict[str, tuple[Followers, ...]] = {}
    for word, group in by_word.items():
        row: list[Followers] = []
        for index in group:
            if index not in read:
                read[index] = followers(patterns[index], starts_of[index])
            row.append((read[index] or {}).get(word))
        table[word] = tuple(row)
    table[DIGIT] = tuple(number_followers(patterns[index]) for index in by_digit)
    return table


def can_follow(found: Followers, next_word: str) -> bool:
    """Whether a rule with these followers can match before a word that starts so ("" when
    no word follows; a digit for a number): some follower begins it. Followers are 1 to
    `FOLLOWER_LETTERS` letters long, so that is a look-up of each of its short prefixes."""
    if found is None:
        return True
    if next_word[:1].isdigit():
        return DIGIT in found
    return any(next_word[:size] in found
               for size in range(1, min(len(next_word), FOLLOWER_LETTERS) + 1))
