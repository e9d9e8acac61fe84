"""The document's text is folded once per extraction: the cue pass's fold also gives the pair
words' places, which the party references read; and the name scan's character test is the
expression it replaced."""

from __future__ import annotations

import random
import re
import sys
from array import array

from viewer.core.events import cue_scan, document_extraction, party_context
from viewer.core.events.cue_sets import PAIR, automaton_for
from viewer.core.events.gazetteer_build import load_gazetteer
from viewer.core.events.modality import load_rules as modality_rules
from viewer.core.events.name_scan import _JOINING
from viewer.core.events.party_context import pair_word_starts
from viewer.core.events.speaker_rules import load_rules as speaker_rules
from viewer.core.events.topics import load_taxonomy
from viewer.core.ingest.folder_reader import build_document
from viewer.core.timex import Tagger

_PIECES = ["both", "Both", "BOTH", "two", "Two", "neither", "NEITHER", "network", "twofold",
           "bothered", "İ", "ı", "ſ", "\u212a", "ß", " ", "\xa0", "\n", "’", "'", "-", ".",
           "the ministers", "Ghana", "Togo", "said", "x"]


def test_pair_places_from_the_cue_pass_are_the_searches() -> None:
    gazetteer = load_gazetteer()
    automaton = automaton_for(modality_rules(), speaker_rules(), gazetteer)
    rng = random.Random(12)
    for _ in range(400):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 30)))
        searched = pair_word_starts(gazetteer.pair_firsts, text)
        passed = automaton.scan(text).starts(PAIR)
        if searched is None:  # (a text whose lower case is longer: neither can say)
            assert passed is None, text
        else:
            assert passed is not None and array("q", passed) == searched, text


def test_extraction_folds_the_text_once(monkeypatch: object) -> None:
    folds: list[int] = []
    original = cue_scan.fold

    def counted(text: str) -> str:
        folds.append(len(text))
        return original(text)

    for module in (cue_scan, party_context):
        monkeypatch.setattr(module, "fold", counted)  # type: ignore[attr-defined]
    text = ("Both sides met in Accra on Monday. The two ministers said talks would resume. "
            "Neither side commented on Tuesday.\n\n") * 20
    doc = build_document("folder", "a.txt", text, side={"date": "2024-06-01"})
    found = document_extraction.extract_document(doc, Tagger(), load_gazetteer(),
                                                 load_taxonomy())
    assert found.events
    assert folds == [len(doc.text)]  # the cue pass's own; the pair words read it too


def test_joining_characters_are_the_expression() -> None:
    joined = re.compile(r"[\w.-]")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert (char.isalnum() or char in _JOINING) == bool(joined.match(char)), hex(code)
