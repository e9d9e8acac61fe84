"""In the sentence the loop reads, the cue lists' searches (`cues.past_in`, `future_in`,
`reaction_in`, `reporting_in`) start where the document's cue pass found their words, and
answer as a search from the sentence's start; a sentence holding none of a list's words is
not searched for it. The document's reading is dropped when it is done."""

from __future__ import annotations

import itertools
import random
import re
from pathlib import Path

from tests.core.workcount import CountingPattern
from viewer.core.events import cues
from viewer.core.events.cue_sets import automaton_for
from viewer.core.events.document_extraction import extract_document
from viewer.core.events.gazetteer_build import load_gazetteer
from viewer.core.events.modality import load_rules as load_modality
from viewer.core.events.speaker_rules import load_rules as load_speakers
from viewer.core.events.topics import load_taxonomy
from viewer.core.ingest.folder_reader import build_document
from viewer.core.model import Document
from viewer.core.timex import Tagger

DATA = Path(__file__).resolve().parents[1] / "data"
_MEMOS = ((cues.past_in, cues.PAST), (cues.future_in, cues.FUTURE),
          (cues.reaction_in, cues.REACTION), (cues.reporting_in, cues.REPORTING))


def _automaton() -> object:
    return automaton_for(load_modality(), load_speakers(), load_gazetteer())


def _texts() -> list[str]:
    stories = [path.read_text(encoding="utf-8") for path in sorted(DATA.glob("unseen/*/*.txt"))]
    pieces = ["withdrew", "overtook", "re-made", "remade", "federal", "hundred", "ed", "Ed",
              "NEEDED", "need", "said", "Said", "will", "Will", "mayor", "may", "settle",
              "set to", "going  to", "expected\tto", "welcomed", "denied", "told", "retold",
              "added", "x", " ", "  ", ",", ".", "’", "“", "İ", "ı", "é", "1", "-", "_",
              "upheld", "outdid", "misread", "understood", "it", "the talks"]
    rng = random.Random(3)
    made = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))) for _ in range(400)]
    return stories + made


def _sentences(text: str) -> list[tuple[int, int]]:
    """Stretches of `text` cut at full stops, and at places inside words too."""
    cuts = sorted({0, len(text), *(m.end() for m in re.finditer(r"\. ", text)),
                   *range(0, len(text), 37)})
    return list(itertools.pairwise(cuts))


def test_searches_from_the_words_answer_as_from_the_start() -> None:
    automaton = _automaton()
    found = 0
    for text in _texts():
        document = automaton.scan(text)  # type: ignore[attr-defined]
        for start, end in _sentences(text):
            sentence = text[start:end]
            cues.reading(sentence, start, end, document)
            for memo, pattern in _MEMOS:
                got, want = memo(sentence), pattern.search(sentence)
                found += want is not None
                assert (got and (got.span(), got.group())) == (
                    want and (want.span(), want.group())), (pattern.pattern[:20], sentence)
    cues.reading(None)
    assert found > 1500


def test_a_sentence_without_the_words_is_not_searched() -> None:
    counter = [0]
    memo = cues._first_in(CountingPattern(cues.FUTURE, counter),  # type: ignore[arg-type]
                          cues._word_start(cues.FUTURE_WORDS))
    text = "The ministers met on Tuesday. Talks would resume on Friday."
    document = _automaton().scan(text)  # type: ignore[attr-defined]
    first, second = text[:29], text[30:]
    cues.reading(first, 0, 29, document)
    assert memo(first) is None
    assert counter[0] == 0  # no "will", "would", "may", … in it: no search
    cues.reading(second, 30, len(text), document)
    found = memo(second)
    assert found is not None and found.group() == "would"
    assert counter[0] == len(second) - second.index("would")  # from the word on
    cues.reading(None)
    again = "Talks would resume."  # (not the sentence read: searched from its start)
    assert memo(again) is not None and counter[0] == len(second) - second.index("would") + len(
        again)


def test_the_reading_is_dropped_with_the_document() -> None:
    doc = build_document(".", "a.txt", "Date: 2024-06-01\n\nThe envoys met on Monday and "
                         "said the talks would resume.\n", side=None)
    assert isinstance(doc, Document)
    extract_document(doc, Tagger(), load_gazetteer(), load_taxonomy())
    assert cues._READING == (None, 0, 0, None)


def test_places_are_kept_as_starts_and_released() -> None:
    text = "The talks ended. Officials said they would meet again; the envoy was there."
    document = _automaton().scan(text)  # type: ignore[attr-defined]
    starts = document.starts(cues.FUTURE_WORDS)
    assert list(starts) == [text.index("would")]
    assert document.first_start(cues.PAST_ENDS, 0, len(text)) == text.index("ed")
    assert document.first_start(cues.REACTION_WORDS, 0, 16) == -1  # ("was" lies later)
    document.release(cues.LEAD_SETS)
    assert document.starts(cues.FUTURE_WORDS) is None
    assert document.first_start(cues.PAST_WORDS, 0, len(text)) is None
    cues.reading(text, 0, len(text), document)  # (not known: searched from the start)
    found = cues.past_in(text)
    assert found is not None and found.group() == "ended"
    cues.reading(None)
