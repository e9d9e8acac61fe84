"""A bare "would" that goes on the act before it is read with the cues the document's cue
pass found, not by the modality expressions again over the event's text; the modalities are
those the expressions give. A cue's negation is read word by word only where a negator is."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

from tests.core.workcount import CountingPattern
from viewer.core.events import document_extraction, modality
from viewer.core.events.document_extraction import extract_document
from viewer.core.events.gazetteer_build import load_gazetteer
from viewer.core.events.modality import load_rules as modality_rules
from viewer.core.events.topics import load_taxonomy
from viewer.core.ingest.folder_reader import build_document, list_folder, read_document
from viewer.core.model import Document
from viewer.core.timex import Tagger

ROOT = Path(__file__).resolve().parents[2]
TRUCE = ("Mediators announced a truce on Monday.\n\n"
         "Under the deal, Hamas would release the hostages within ten days. Israel would "
         "reopen the crossing from March 15. The guarantors would monitor the truce.\n\n")


def _documents() -> list[Document]:
    docs = [build_document("folder", "truce.txt", TRUCE * 3, side={"date": "2024-03-04"})]
    for folder in (ROOT / "seeds", ROOT / "tests/data/unseen/gaza-hostage-truce"):
        docs += [d for p in list_folder(folder).files
                 if isinstance(d := read_document(folder, p), Document)]
    return docs


def test_same_modalities_as_the_expressions(monkeypatch: object) -> None:
    tools = (Tagger(), load_gazetteer(), load_taxonomy())
    docs = _documents()
    passed = [extract_document(doc, *tools).events for doc in docs]
    monkeypatch.setattr(document_extraction, "modality_cues_of",  # type: ignore[attr-defined]
                        lambda cues, start, end: (None, None))
    assert [extract_document(doc, *tools).events for doc in docs] == passed


def test_continued_modality_runs_no_expression() -> None:
    counter = [0]
    rules = modality_rules()
    counted = dataclasses.replace(rules, cue=CountingPattern(rules.cue, counter),
                                  clause=CountingPattern(rules.clause, counter))
    doc = build_document("folder", "truce.txt", TRUCE * 3, side={"date": "2024-03-04"})
    events = extract_document(doc, Tagger(), load_gazetteer(), load_taxonomy(), counted).events
    assert len({e.modality for e in events}) > 1
    assert counter[0] == 0


def _negated_by_words(sentence: str, clause_start: int, cue_start: int) -> bool:
    """`modality._negated` as it was: the stretch's last words read one by one."""
    rules = modality_rules()
    before = sentence[max(clause_start, cue_start - 12 * rules.window) : cue_start]
    words = modality._WORD.findall(before.replace("’", "'").lower())[-rules.window :]
    return any(w in rules.negators or w.endswith("n't") for w in words)


def test_negation_gate_keeps_the_answers() -> None:
    rules = modality_rules()
    pieces = [*sorted(rules.negators), "n't", "n’t", "didn’t", "NOT", "Never", "know", "now",
              "note", "knot", "the", "talks", "would", "agree", " ", ", ", "İ", "ı", "’"]
    rng = random.Random(4)
    negated = 0
    for _ in range(5000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 9)))
        cue = rng.randint(0, len(text))
        clause = rng.randint(0, cue)
        want = _negated_by_words(text, clause, cue)
        negated += want
        assert modality._negated(text, clause, cue, rules) == want, (text, clause, cue)
    assert negated > 500
