"""Cue expressions written for speed (`cues.NAMED_HAPPENING` opens with the literal "th" and
checks its word boundary after it; the pronoun opening is matched at the start; `FUTURE`
opens with a class of its words' first letters, `cues._word_led`) must find what the plain
expressions, `\\b` first, find: on the stories' text, from several places and to several
ends, and on the edges a word boundary decides."""

from __future__ import annotations

import re
from pathlib import Path

from viewer.core.events import cues, narrative_focus, told_dates

ROOT = Path(__file__).resolve().parents[2]
PLAIN_NOUN = re.compile(
    rf"\b(?:the|these|this|that|those)\s+(?:{cues.alternation(cues.CUES['anaphor_nouns'])})\b")
PLAIN_WHOLE = re.compile(
    rf"^(?:{cues.alternation(cues.CUES['anaphor_pronouns'])})\b|{PLAIN_NOUN.pattern}")
EDGES = ["the talks", "xthe talks", "These talks", "this deal", "_this deal", "\u00e9this deal",
         "those  strikes", "the dealer", "They", "Theyx", " They said", "It", "Itself",
         "thethe talks", "at the talks", "1the talks", "the\ntalks", "THE TALKS", "th talks",
         "will", "xwill", "_will", "\u00e9will", "will_", "expected  to", "Expected to",
         "plans to", "wills", "1may", "may1", "set\tto", "it may, it might"]


def _texts() -> list[str]:
    files = sorted((ROOT / "tests" / "data" / "unseen").rglob("*.txt"))
    return [path.read_text(encoding="utf-8") for path in files] + EDGES


def test_named_happenings_are_found_where_the_plain_expression_finds_them() -> None:
    for text in _texts():
        for start in {0, 1, 2, 3, len(text) // 2}:
            assert ([m.span() for m in cues.NAMED_HAPPENING.finditer(text, start)]
                    == [m.span() for m in PLAIN_NOUN.finditer(text, start)]), text[:60]


def test_a_sentence_refers_back_where_the_plain_expression_says_so() -> None:
    for text in _texts():
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            for cut in {0, 1, 4}:
                piece = sentence[cut:]
                assert cues.refers_back(piece) == (PLAIN_WHOLE.search(piece) is not None), piece


def test_future_cues_are_found_where_the_plain_expression_finds_them() -> None:
    plain = re.compile(rf"\b(?:{cues.alternation(cues.CUES['future'])})\b")
    assert cues.FUTURE.pattern != plain.pattern  # (the words all begin with a letter)
    for text in _texts():
        size = len(text)
        for start, end in {(0, size), (1, size), (2, size - 1), (size // 3, size // 2),
                           (3, max(3, size - 3))}:
            assert ([m.span() for m in cues.FUTURE.finditer(text, start, end)]
                    == [m.span() for m in plain.finditer(text, start, end)]), text[:60]


# The other cue lists searched in whole sentences, written word-led as `FUTURE` is: each
# fast expression, the plain one it stands for (`\b` first), and its flags.
_WORD_LED = [
    (cues.REACTION, "reaction", r"\b", 0),
    (cues.REPORTING, "reporting", r"\b", 0),
    (cues.PRESENT, "present", r"\b", re.IGNORECASE),
    (cues.SINCE_THEN, "since_then", r"\s*(?=[.;,!?\"”]|$)", 0),
    (narrative_focus._PERFECT, "reported_perfect", r"\b", 0),
    (narrative_focus._AHEAD, "ahead_modals", r"\b", 0),
    (narrative_focus._STEP, "possible_steps", r"\b", 0),
    (narrative_focus._AT_THE_END, "at_the_end", r"\b", 0),
    (narrative_focus._AT_THE_HAPPENING, "at_the_happening", r"\b", 0),
    (narrative_focus._SPREAD_ENDS, "spread_ends", r"\b", re.IGNORECASE),
    (told_dates._PERFECT, "reported_perfect", r"\b", 0),
]
LED_EDGES = ["Had", "since.", "ever  since", "since then,", "sincere", "Since then", "xhad",
             "had_", "_had", "\u00e9had", "hadx", "ADDED", "said. Added", "concluded",
             "Wrapped  up", "WOULD", "\u017ftressed", "\u0405tressed", "at the end of",
             "welcomed the pause", "Welcomed  the agreement", "k", "K", "\u212aeeps"]


def test_word_led_cue_lists_find_what_the_plain_expressions_find() -> None:
    texts = _texts() + LED_EDGES + [e.upper() for e in LED_EDGES]
    for fast, key, tail, flags in _WORD_LED:
        plain = re.compile(rf"\b(?:{cues.alternation(cues.CUES.get(key, []))}){tail}", flags)
        assert fast.flags == plain.flags
        assert fast.pattern != plain.pattern, key  # (the words all begin with a letter)
        for text in texts:
            size = len(text)
            for start, end in {(0, size), (1, size), (2, size - 1), (size // 3, size // 2)}:
                assert ([m.span() for m in fast.finditer(text, start, end)]
                        == [m.span() for m in plain.finditer(text, start, end)]), (key, text[:60])
                assert ([m.groups() for m in fast.finditer(text, start, end)]
                        == [m.groups() for m in plain.finditer(text, start, end)]), key


def test_words_whose_first_letters_differ_only_in_case_keep_their_order() -> None:
    words = ["will", "Will be", "w", "Wo", "we", "xyz"]
    texts = ["Will be there", "will be", "Wo we", "w", "WILL BE", "a Will", "xWill"]
    for flags in (0, re.IGNORECASE):
        fast = re.compile(rf"{cues.word_led(words)}\b", flags)
        plain = re.compile(rf"\b(?:{cues.alternation(words)})\b", flags)
        for text in texts:
            assert ([m.span() for m in fast.finditer(text)]
                    == [m.span() for m in plain.finditer(text)]), (flags, text)
    grouped = ["were", "was", "told", "welcomed"]  # one look-behind per first letter
    assert cues.word_led(grouped).count("(?<=") == 2
