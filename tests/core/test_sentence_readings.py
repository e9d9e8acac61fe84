"""The stages the sentence loop reads a block at a time (`sentence_readings`): any block size
gives the same readings, each stage reads each reporting sentence once, and the work grows
linearly with the document."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.workcount import growth, lines_run
from viewer.core.events import sentence_readings as readings_module
from viewer.core.events.cue_sets import automaton_for
from viewer.core.events.document_extraction import extract_document
from viewer.core.events.gazetteer_build import load_gazetteer
from viewer.core.events.modality import load_rules as load_modality
from viewer.core.events.party_context import PartyContext
from viewer.core.events.sentence_readings import Reading, sentence_readings
from viewer.core.events.shared_values import Shared
from viewer.core.events.speaker_rules import load_rules as load_speakers
from viewer.core.events.topics import load_taxonomy
from viewer.core.ingest.folder_reader import build_document, list_folder, read_document
from viewer.core.model import Document
from viewer.core.timex import Tagger

_SEEDS = Path(__file__).resolve().parents[2] / "seeds"

PARAGRAPH = ("KYIV, June 1 — Ukraine said on Monday that talks with Russia would resume. "
             "It asked the two sides to meet in Istanbul next week. The ministry said so. "
             "Both sides agreed, officials said on Tuesday, after a pause. "
             "Ceasefire talks, which collapsed in 2023, were held again on 3 May. ")


def _readings(doc: Document, block: int) -> list[Reading]:
    gazetteer, taxonomy = load_gazetteer(), load_taxonomy()
    timexes = Tagger().tag(doc.text, doc.date)
    cues = automaton_for(load_modality(), load_speakers(), gazetteer).scan(doc.text)
    return list(sentence_readings(doc, timexes, gazetteer, taxonomy, cues, Shared(), block))


def _long_document(paragraphs: int) -> Document:
    doc = build_document("folder", "x.txt", "\n\n".join([PARAGRAPH] * paragraphs),
                         side={"date": "2024-06-05"})
    assert isinstance(doc, Document)
    return doc


def test_any_block_size_gives_the_same_readings() -> None:
    docs = [d for p in list_folder(_SEEDS).files[:4]
            if isinstance(d := read_document(_SEEDS, p), Document)]
    docs.append(_long_document(80))  # more sentences than a block holds
    assert len(docs[-1].sentences) > readings_module.BLOCK
    for doc in docs:
        whole = _readings(doc, readings_module.BLOCK)
        assert whole, doc.relpath
        numbers = [reading[0] for reading in whole]
        assert numbers == sorted(set(numbers))  # each reporting sentence once, in order
        for block in (1, 3, 50):
            assert _readings(doc, block) == whole, (doc.relpath, block)


def test_each_stage_reads_each_sentence_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = {"parts": 0, "parties": 0}
    parts, read = readings_module.sentence_parts, PartyContext.read

    def counted_parts(*args: object) -> object:
        calls["parts"] += 1
        return parts(*args)  # type: ignore[arg-type]

    def counted_read(self: PartyContext, *args: object) -> object:
        calls["parties"] += 1
        return read(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(readings_module, "sentence_parts", counted_parts)
    monkeypatch.setattr(PartyContext, "read", counted_read)
    doc = _long_document(70)
    found = _readings(doc, readings_module.BLOCK)
    assert calls == {"parts": len(found), "parties": len(found)}


def test_reading_a_long_document_is_linear() -> None:
    """Blocks are taken in turn: no stage goes back over the sentences of an earlier one."""

    def work(copies: int) -> int:
        doc = _long_document(copies * 40)
        counter = [0]
        lines_run(lambda: _readings(doc, readings_module.BLOCK), counter)
        return counter[0]

    assert growth(work) < 4.6


def test_events_are_those_of_the_readings() -> None:
    """Every event's text and id come from its sentence's reading (the speaker pass may add
    parties later)."""
    doc = _long_document(3)
    found = extract_document(doc, Tagger(), load_gazetteer(), load_taxonomy()).events
    labels = {(reading[0], n): part for reading in _readings(doc, readings_module.BLOCK)
              for n, part in enumerate(reading[7])}
    by_sentence: dict[int, int] = {}
    for event in found:
        n = by_sentence[event.sentence] = by_sentence.get(event.sentence, -1) + 1
        text, _, _, _, eid = labels[(event.sentence, n)]
        assert (event.text, event.id) == (text, eid)
    assert len(found) == len(labels)
