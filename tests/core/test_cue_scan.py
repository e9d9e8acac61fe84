"""The one per-document cue pass gives each stage the matches its own expression gives."""

from __future__ import annotations

import dataclasses
import random
import re
import sys
from pathlib import Path

import pytest

from tests.core.workcount import CountingPattern, growth, lines_run
from viewer.core.events import cue_sets, document_extraction, modality
from viewer.core.events.cue_scan import SPACES, CueAutomaton, PhraseSet
from viewer.core.events.document_extraction import extract_document
from viewer.core.events.gazetteer_build import load_gazetteer
from viewer.core.events.modality import load_rules as modality_rules
from viewer.core.events.speaker_rules import load_rules as speaker_rules
from viewer.core.events.speech_patterns import ACCORDING as _ACCORDING
from viewer.core.events.topics import load_taxonomy
from viewer.core.ingest.folder_reader import build_document, read_document
from viewer.core.ingest.sidecar import read_sidecar
from viewer.core.model import Document
from viewer.core.timex import Tagger

LINEAR = 4.6


def test_spaces_are_every_space_character() -> None:
    every = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())
    assert every.replace(" ", "") == SPACES


def _expressions() -> dict[str, tuple[re.Pattern[str], bool]]:
    """Each set's own expression, and whether the stage runs it over a slice."""
    gazetteer = load_gazetteer()
    return {cue_sets.MODALITY: (modality_rules().cue, True),
            cue_sets.VERB: (speaker_rules().verb, False),
            cue_sets.ACCORDING: (_ACCORDING, False),
            cue_sets.REFERENCE: (gazetteer.reference, False),
            cue_sets.ROLE: (speaker_rules().titles.roles.any_word, False),
            cue_sets.CLAUSE: (modality_rules().clause_word, True)}


_OTHER = ["İ", "ı", "ſ", "\u212a", "ß", "x", "1", "_", "-", "'", "’", ",", ".", "“", "Said",
          "SAID", "The", "UN", "Commission"]
_GAPS = [" ", " ", " ", "  ", "\n", "\t", "\xa0", "", "-", "'", "’", ", "]


def _text(rng: random.Random, phrases: list[str]) -> str:
    """Phrases of the sets in every case, joined by spaces of every kind, apostrophes,
    hyphens, letters and the characters a case-blind match treats specially."""
    parts = []
    for _ in range(rng.randint(1, 12)):
        if rng.random() < 0.7:
            phrase = rng.choice(phrases)
            pick = rng.random()
            phrase = (phrase if pick < 0.5 else phrase.capitalize() if pick < 0.65
                      else phrase.upper() if pick < 0.75 else phrase.title() if pick < 0.85
                      else "".join(rng.choice([" ", "\n", "  ", "\xa0"]) if c == " "
                                   else rng.choice(["'", "’"]) if c == "'"
                                   else c.upper() if rng.random() < 0.2 else c
                                   for c in phrase))
            parts.append(phrase)
        else:
            parts.append(rng.choice(_OTHER))
        parts.append(rng.choice(_GAPS))
    return "".join(parts)


def test_matches_are_those_of_each_expression() -> None:
    automaton = cue_sets.build(modality_rules(), speaker_rules(), load_gazetteer())
    expressions = _expressions()
    # every bundled set is plain enough (the pair words' set and the cue lists' first words
    # give places only: `test_one_fold`, `test_cue_list_starts`)
    assert set(automaton.sets) - cue_sets.PLACES_ONLY == set(expressions)
    phrases = sorted(k for name, s in automaton.sets.items()
                     if name not in cue_sets.PLACES_ONLY for k in s.keys)
    rng = random.Random(12)
    answered = 0
    for _ in range(3000):
        text = _text(rng, phrases)
        found = automaton.scan(text)
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        for name, (pattern, sliced) in expressions.items():
            got = found.find(name, start, end, sliced=sliced)
            if got is None:
                assert "  " in found.flat()[start:end]  # only a run of spaces defers
                continue
            answered += 1
            want = ([(start + m.start(), start + m.end())
                     for m in pattern.finditer(text[start:end])] if sliced
                    else [m.span() for m in pattern.finditer(text, start, end)])
            assert got == want, (name, text, start, end)
    assert answered > 8000


def test_clauses_from_the_pass_are_those_of_the_expression() -> None:
    """Modality's clauses cut at the clause words the pass found and at the marks found by
    their own scan are those the whole clause expression gives, on texts of the clause
    words, the boundary marks and the characters a case-blind match treats specially."""
    rules = modality_rules()
    automaton = CueAutomaton({cue_sets.CLAUSE: PhraseSet(rules.clause_words, "cue")})
    pieces = sorted(rules.clause_words) + sorted(rules.boundaries) + ["2", "X", "He", "said"]
    rng = random.Random(7)
    answered = 0
    for _ in range(3000):
        text = _text(rng, pieces)
        words = automaton.scan(text).within(cue_sets.CLAUSE, 0, len(text))
        if words is None:
            continue
        answered += 1
        assert modality._clause_spans(text, rules, words) == [
            m.span() for m in rules.clause.finditer(text)], text
        assert modality._clauses(text, rules, words) == modality._clauses(text, rules), text
    assert answered > 1500  # (the rest hold a run of spaces: the expression runs)


def test_a_run_of_spaces_in_the_range_defers_to_the_expression() -> None:
    automaton = CueAutomaton({"x": PhraseSet(frozenset({"will not"}), "cue")})
    found = automaton.scan("It will  not. It will not.")
    assert found.find("x", 0, 13) is None
    assert found.find("x", 14, 26) == [(17, 25)]
    assert found.find("missing", 0, 26) is None


def test_edges_follow_the_range() -> None:
    automaton = CueAutomaton({"x": PhraseSet(frozenset({"said"}), "word")})
    found = automaton.scan("unsaid said")
    assert found.find("x", 2, 6) == []  # `\b` sees the letters before the range
    assert found.find("x", 2, 6, sliced=True) == [(2, 6)]  # a slice starts at "said"


NEWS = ("The bloc said on Tuesday that talks would resume, according to officials, and "
        "the two ministers were expected to meet next week. ")


def _scan_work(copies: int) -> int:
    automaton = cue_sets.build(modality_rules(), speaker_rules(), load_gazetteer())
    text = NEWS * copies * 20
    counter = [0]

    def run() -> None:
        found = automaton.scan(text)
        for start in range(0, len(text), len(NEWS)):
            for name in automaton.sets:
                found.find(name, start, start + len(NEWS) - 1)

    lines_run(run, counter)
    return counter[0]


def test_the_pass_and_its_lookups_are_linear() -> None:
    assert growth(_scan_work) < LINEAR


def test_extraction_runs_no_reference_or_cue_expression_per_sentence() -> None:
    """The reference expression (case-blind, ~40 phrases) was tried at every position of
    every sentence; the modality cues and clauses, speech verbs and "according to" likewise."""
    counter = [0]
    gazetteer = load_gazetteer()
    counted = dataclasses.replace(
        gazetteer, reference=CountingPattern(gazetteer.reference, counter))  # type: ignore[arg-type]
    modality = modality_rules()
    modality = dataclasses.replace(
        modality, cue=CountingPattern(modality.cue, counter),  # type: ignore[arg-type]
        clause=CountingPattern(modality.clause, counter))  # type: ignore[arg-type]
    speakers = speaker_rules()
    speakers = dataclasses.replace(
        speakers, verb=CountingPattern(speakers.verb, counter))  # type: ignore[arg-type]
    doc = build_document("folder", "x.txt", NEWS * 40, side={"date": "2024-06-01"})
    assert isinstance(doc, Document)
    result = extract_document(doc, Tagger(), counted, load_taxonomy(), modality, speakers)
    assert len(result.events) == 80
    assert counter[0] == 0
    assert {e.modality for e in result.events} == {"planned"}


def test_extraction_is_the_same_without_the_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every stage falls back to its own expression where the pass cannot answer; on the
    seed articles both ways give the same events."""
    seeds = Path(__file__).parents[2] / "seeds"
    side = read_sidecar(seeds)
    docs = [read_document(seeds, path, side) for path in sorted(seeds.glob("*.txt"))]
    tools = (Tagger(), load_gazetteer(), load_taxonomy())

    def extract() -> list[tuple[object, ...]]:
        return [extract_document(doc, *tools).events for doc in docs
                if isinstance(doc, Document)]

    with_pass = extract()
    monkeypatch.setattr(document_extraction, "automaton_for",
                        lambda *rules: CueAutomaton({}))
    assert extract() == with_pass
    assert sum(map(len, with_pass)) > 100
