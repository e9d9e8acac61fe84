"""The one-expression scan for capitalised tokens finds what a search for capital starts
followed by a token match at each finds (seeded random texts of the awkward characters)."""

from __future__ import annotations

import random

from viewer.core.events import name_tokens
from viewer.core.events.parties import Mention


def _two_step(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    out = []
    for found in name_tokens._CAPITAL_START.finditer(text, lo, hi):
        token = name_tokens._TOKEN.match(text, found.start(), hi)
        if token is not None:
            out.append(token.span())
    return out


def test_capital_tokens_match_the_two_step_scan() -> None:
    rnd = random.Random(12)
    alphabet = "aBcD -'’.\n_1ÉéŁ,\"Ⅻß"
    for _ in range(20_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 16)))
        lo = rnd.randint(0, min(3, len(text)))
        hi = rnd.randint(lo, len(text))
        found = [m.span() for m in name_tokens._CAPITAL_TOKEN.finditer(text, lo, hi)]
        assert found == _two_step(text, lo, hi), (text, lo, hi)


def test_capital_tokens_beyond_ascii_match_the_two_step_scan() -> None:
    """The scan judges ASCII letters by `[A-Z]` and others by the class of every capital: the
    same answers for capitals and lower-case letters beyond ASCII and beyond U+FFFF."""
    rnd = random.Random(13)
    alphabet = "aZ -'’.İıÉéǅ𝐀𝐚ΣσЖж"
    for _ in range(20_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 12)))
        lo = rnd.randint(0, min(3, len(text)))
        hi = rnd.randint(lo, len(text))
        found = [m.span() for m in name_tokens._CAPITAL_TOKEN.finditer(text, lo, hi)]
        assert found == _two_step(text, lo, hi), (text, lo, hi)


def test_names_next_to_party_mentions_are_still_found() -> None:
    text = "US envoy Steve Witkoff met O'Neill-Smith and the al-Marri family in Doha."
    words = name_tokens.Words(text, 0, len(text), [])
    assert [t.group() for t in words.capitals()] == [
        "US", "Steve", "Witkoff", "O'Neill-Smith", "Doha."]


def _by_position(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The rule `Words.capitals` follows, one position at a time: a capital that starts a word
    of the range (at the range's start, or not after a letter, or a letter and "-" or an
    apostrophe inside the range), then its token."""
    out: list[tuple[int, int]] = []
    at = lo
    while at < hi:
        before = text[at - 1] if at > lo else ""
        joined = bool(before) and (bool(name_tokens._LETTER.match(before)) or (
            before in "-'’" and at - 1 > lo and bool(name_tokens._LETTER.match(text, at - 2))))
        token = name_tokens._TOKEN.match(text, at, hi)
        if not joined and name_tokens._CAPITAL.match(text, at, hi) and token is not None:
            out.append(token.span())
            at = token.end()
        else:
            at += 1
    return out


def test_capitals_of_a_range_inside_a_text() -> None:
    """A range that starts after a space is scanned in one go; one that starts inside a word
    (after a letter, "-" or an apostrophe) judges its first places itself. Both must read
    the range's words as if it were the whole text."""
    rnd = random.Random(13)
    alphabet = "aBcD -'’.\n_1ÉéŁ,\"Ⅻß"
    for _ in range(20_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 16)))
        lo = rnd.randint(0, len(text))
        hi = rnd.randint(lo, len(text))
        found = [m.span() for m in name_tokens.Words(text, lo, hi, []).capitals()]
        assert found == _by_position(text, lo, hi), (text, lo, hi)


def test_capitals_skip_the_words_of_party_mentions() -> None:
    """Capitals that start inside a mention (overlapping ones too) are skipped, as
    `Words.covered` says, on ranges that start after a space and inside a word."""
    rnd = random.Random(14)
    alphabet = "aBcD -'’.\n_1ÉéŁ,\"Ⅻß"
    for _ in range(5_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 24)))
        lo = rnd.randint(0, len(text))
        hi = rnd.randint(lo, len(text))
        covered = []
        for _ in range(rnd.randint(1, 4)):
            a = rnd.randint(lo, hi)
            covered.append(Mention(a, rnd.randint(a, min(hi, a + 6)), "P", "name"))
        words = name_tokens.Words(text, lo, hi, covered)
        want = [span for span in _by_position(text, lo, hi) if not words.covered(span[0])]
        assert [m.span() for m in words.capitals()] == want, (text, lo, hi, covered)
