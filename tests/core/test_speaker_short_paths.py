"""The speaker pass's short paths give the answers of the long ones: the string test before
the case-blind subordinate-clause expression, and the sentence with no speech verb and no
"according to" that asks for no attribution. And both stay linear, counted in operations."""

from __future__ import annotations

from typing import Any

import pytest

from tests.core.workcount import counting_patterns, growth, lines_run
from viewer.core.events import speech_patterns as shapes
from viewer.core.events.gazetteer_build import load_gazetteer
from viewer.core.events.people import find_people
from viewer.core.events.speakers import SpeakerFinder, find_speakers
from viewer.core.ingest.folder_reader import build_document
from viewer.core.model import Document

LINEAR = 4.6  # 4x the input; a little slack for fixed costs

CLAUSES = [
    "The ministry said", "talks resumed AFTER the ministry said", "Although officials said",
    "It was different, the specific envoy said", "If the envoy said",
    "a deal, ONCE the minister said", "postponed it, whilst the lawyers said",
    "The announced envoy said", "sınce the envoy said",  # dotless i: no "since" to a string test
    "ſince the envoy said",  # long s: the expression's case blindness takes it for "s"
    "İf the envoy said", "the envoy, until the Kelvin said", "unlessthe envoy said",
    "— though the envoy said", "while, the envoy said", "Whereas; the envoy said",
]


@pytest.mark.parametrize("clause", CLAUSES)
def test_the_string_test_answers_as_the_expression(clause: str) -> None:
    text = f"Opening words. {clause} it."
    verb = text.index(" said") + 1
    finder = SpeakerFinder(text)
    begin = max(15, verb - 80)
    marked = shapes.TO_LAST_MARK.match(text, begin, verb)
    start = marked.end() if marked is not None else begin
    expected = shapes.SUBORDINATOR.search(text, start, verb) is not None
    assert finder._subordinate(15, verb) is expected


def _speaker_inputs(text: str, side: dict[str, str]) -> tuple[Any, ...]:
    """What the speaker pass reads of one document: its text, sentences, people, parties."""
    doc = build_document(".", "x.txt", text, side=side or None)
    assert isinstance(doc, Document)
    gazetteer = load_gazetteer()
    spans = [(s.start, s.end, s.paragraph, False) for s in doc.sentences]
    parties = [gazetteer.mentions(doc.text, a, b) for a, b, _, _ in spans]
    people = [find_people(doc.text, [(a, b)], gazetteer, mentions=found)
              for (a, b, _, _), found in zip(spans, parties, strict=True)]
    return doc.text, spans, people, parties


def test_a_sentence_without_a_verb_still_reads_according_to() -> None:
    text = ("Date: 2024-06-01\n\nTalks resumed in Doha on Monday, according to the ministry. "
            "Kremlin spokesperson Dmitry Peskov spoke. The talks went on, according to him.\n")
    found = find_speakers(*_speaker_inputs(text, {}))
    named = [s.name if s is not None else None for s in found]
    assert named[-3] is not None and "ministry" in named[-3].lower()
    assert named[-1] == "Dmitry Peskov"


def _speakers_work(text: str) -> int:
    inputs = _speaker_inputs(text, {"date": "2024-06-01"})
    counter = [0]
    with counting_patterns(shapes, counter):
        lines_run(lambda: find_speakers(*inputs), counter)
    return counter[0]


def test_a_long_paragraph_of_sentences_without_verbs_is_linear() -> None:
    def work(copies: int) -> int:
        return _speakers_work("The talks in Doha went on for a second day. Envoys met again "
                              "after a pause. " * copies * 30)

    assert growth(work) < LINEAR


def test_a_long_sentence_of_subordinate_clauses_is_linear() -> None:
    def work(copies: int) -> int:
        return _speakers_work("the envoy left because the minister said so, and although the "
                              "ministry said otherwise, officials said " * copies * 20 + "no.")

    assert growth(work) < LINEAR
