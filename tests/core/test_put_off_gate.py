"""The put-off headline's case-blind expression runs only on a headline holding one of its
phrases' first words; where it could match, the gate always lets it."""

from __future__ import annotations

import random

from tests.core.workcount import CountingPattern
from viewer.core.events import cues, document_passes
from viewer.core.events.document_extraction import extract_document
from viewer.core.events.gazetteer_build import load_gazetteer
from viewer.core.events.topics import load_taxonomy
from viewer.core.ingest.folder_reader import build_document
from viewer.core.timex import Tagger

_OTHER = ["İ", "ı", "ſ", "\u212a", "ß", " ", "\xa0", "\n", "-", "x", "Talks", "ON", "’s",
          "Border", "until", "after", "1"]


def _variant(rng: random.Random, phrase: str) -> str:
    """The phrase in any case, its letters also as the characters a case-blind match takes
    for them (the dotless i, the long s, the Kelvin sign), its space any run of spaces."""
    out = []
    for char in phrase:
        if char == " ":
            out.append(rng.choice([" ", "  ", "\n", "\xa0"]))
        elif char == "i" and rng.random() < 0.2:
            out.append(rng.choice(["ı", "İ"]))
        elif char == "s" and rng.random() < 0.2:
            out.append("ſ")
        else:
            out.append(char.upper() if rng.random() < 0.4 else char)
    return "".join(out)


def test_gate_never_refuses_a_match() -> None:
    assert document_passes._PUT_OFF_WORDS  # the bundled phrases are plain ASCII
    phrases = cues.CUES["put_off_headlines"]
    rng = random.Random(5)
    matched = 0
    for _ in range(4000):
        text = "".join(_variant(rng, rng.choice(phrases)) if rng.random() < 0.3
                       else rng.choice(_OTHER) for _ in range(rng.randint(0, 8)))
        if document_passes._PUT_OFF.search(text):
            matched += 1
            assert document_passes.may_put_off(text), text
    assert matched > 500


def test_a_headline_without_the_words_is_not_searched(monkeypatch: object) -> None:
    counter = [0]
    monkeypatch.setattr(document_passes, "_PUT_OFF",  # type: ignore[attr-defined]
                        CountingPattern(document_passes._PUT_OFF, counter))
    body = "The court ruled on Friday that drilling must stop.\n\n"
    for headline, searched in (("Court orders a halt to drilling", False),
                               ("Drilling hearing pushed back two weeks", True)):
        counter[0] = 0
        doc = build_document("folder", "a.txt", f"{headline}\n\n{body}",
                             side={"date": "2024-06-03"})
        extract_document(doc, Tagger(), load_gazetteer(), load_taxonomy())
        assert (counter[0] > 0) == searched, headline
