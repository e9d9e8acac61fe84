"""A sentence asked the same cue question several times is searched once, with the answer a
fresh search gives; a sentence without a pair word skips the pair expression."""

from __future__ import annotations

import dataclasses
import re
from array import array

from tests.core.workcount import CountingPattern
from viewer.core.events import cues
from viewer.core.events.cue_scan import fold
from viewer.core.events.gazetteer_build import load_gazetteer
from viewer.core.events.party_context import pair_word_starts

_SENTENCES = [
    "The ministers met on Tuesday and agreed to resume talks.",
    "Both sides said they would meet again next week.",
    "“We will not accept this,” he said, adding the bloc had reacted.",
    "Officials welcomed the pause, which will last two days.",
    "The two governments signed a deal; neither side commented.",
    "NEITHER SIDE WOULD SAY WHEN THE TALKS WILL RESUME.",
    "A hundred farmers blocked the road.",
    "",
]


def test_memo_answers_as_a_fresh_search() -> None:
    for memo, pattern in ((cues.past_in, cues.PAST), (cues.future_in, cues.FUTURE),
                          (cues.reaction_in, cues.REACTION),
                          (cues.reporting_in, cues.REPORTING)):
        for text in _SENTENCES * 2:
            got, want = memo(text), pattern.search(text)
            assert (got and got.span()) == (want and want.span()), (pattern, text)
            # an equal text that is another object gets its own search, the same answer
            copy = "".join(list(text))
            again = memo(copy)
            assert (again and again.span()) == (want and want.span())


def test_one_search_per_sentence_however_often_asked() -> None:
    counter = [0]
    memo = cues._first_in(CountingPattern(cues.FUTURE, counter))  # type: ignore[arg-type]
    sentences = [f"Sentence {n} says the talks will resume." for n in range(100)]
    for text in sentences:
        for _ in range(4):  # the loop and three of the narrative's tests
            memo(text)
    # each sentence's characters handed to the engine once, not four times
    assert counter[0] == sum(len(s) for s in sentences)


def _references(gazetteer: object, text: str, known: bool) -> list[tuple[int, int, str]]:
    named = {"Ghana": 1, "Togo": 2, "Egypt": 0}
    pair_at = pair_word_starts(gazetteer.pair_firsts, text) if known else None  # type: ignore[attr-defined]
    found = gazetteer.references(text, 0, len(text), named, None, {"Ghana": 2, "Togo": 3},
                                 pair_at)  # type: ignore[attr-defined]
    return [(m.start, m.end, m.party) for m in found]


def test_pair_gate_keeps_the_answers() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.pair_firsts  # the bundled rules have pair references
    texts = [*_SENTENCES, "Both countries said the deal holds.",
             "Diplomats from both countries said talks went well.",
             "The deal, officials in both countries said, holds.",
             "The two sides, both said, disagree.", "Bothered, the two Ministers left."]
    for text in texts:
        assert len(fold(text)) == len(text)
        assert _references(gazetteer, text, True) == _references(gazetteer, text, False)
        # and as one sentence of a longer text, whose other sentences hold pair words
        whole = f"Both sides met. {text} The two sides left."
        start, end = 16, 16 + len(text)
        pair_at = pair_word_starts(gazetteer.pair_firsts, whole)
        named = {"Ghana": 1, "Togo": 2}
        assert ([(m.start, m.end, m.party) for m in gazetteer.references(
            whole, start, end, named, None, None, pair_at)]
            == [(m.start, m.end, m.party) for m in gazetteer.references(
                whole, start, end, named, None, None, None)])


def test_pair_words_found_case_blind() -> None:
    assert pair_word_starts(("both", "two"), "BOTH, Two and bothered") == array("q", [0, 6, 14])
    # (the dotted capital I is read as I: its two-character lower case keeps no place)
    assert pair_word_starts(("both",), "İstanbul both") == array("q", [9])
    assert pair_word_starts((), "both") is None


def test_pair_expression_skipped_without_a_pair_word() -> None:
    counter = [0]
    gazetteer = load_gazetteer()
    counted = dataclasses.replace(
        gazetteer, pair_words=CountingPattern(gazetteer.pair_words, counter))
    quiet = "The ministry said the talks would resume in Accra next month. " * 50
    _references(counted, quiet, True)
    assert counter[0] == 0
    loud = "Both sides said the talks would resume."
    _references(counted, loud, True)
    assert counter[0] == len(loud)
    assert re.search(r"\bboth\b", loud, re.IGNORECASE)
