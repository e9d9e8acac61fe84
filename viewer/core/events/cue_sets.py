"""The phrase sets of the one per-document cue pass (`cue_scan`), taken from the rules the
stages already load: modality cues and clause words, speech verbs, "according to", party
references and story roles. Built once per combination of rules and reused for every
document."""

from __future__ import annotations

import threading
from collections.abc import Iterable

from viewer.core.events import cues as cue_lists
from viewer.core.events.cue_scan import (
    CueAutomaton,
    PhraseSet,
    Verify,
    as_written,
    exactly,
    fold,
)
from viewer.core.events.modality import ModalityRules
from viewer.core.events.parties import Gazetteer
from viewer.core.events.speaker_rules import SpeakerRules

MODALITY = "modality"
VERB = "verb"
ACCORDING = "according"
REFERENCE = "reference"
ROLE = "role"  # a word of a story role ("mediators", "hosted"): `story_roles` runs only then
CLAUSE = "clause"  # a subordinator or clause opener ("while", "after"): modality's clauses
# The first words of the pair references ("both", "two"), every place one starts, inside a word
# too: only their places are read (`DocumentCues.starts`, for `party_context`), never `find`.
PAIR = "pair"
# The sets only ever asked where their phrases start (`DocumentCues.starts`, `first_start`):
# the pair words, and the first words of the cue lists (`cues.LEAD_SETS`).
PLACES_ONLY = frozenset({PAIR, *cue_lists.LEAD_SETS})


def _key(phrase: str) -> str:
    return " ".join(fold(phrase).split())


def _plain(phrases: Iterable[str]) -> bool:
    """Phrases the fold reads as their expression does: ASCII only (a case-blind match of
    other letters has exceptions of its own) and no ’ (the fold reads it as ')."""
    return all(p.isascii() for p in phrases)


def _reference_verify(phrases: Iterable[str]) -> Verify:
    """A reference word written with a capital keeps its case ("the Commission" of the EU,
    `parties._word`); the others match in any case."""
    variants: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        variants.setdefault(_key(phrase), []).append(tuple(phrase.split()))

    def verify(text: str, flat: str, start: int, end: int) -> bool:
        words = text[start:end].split()
        for variant in variants.get(_key(text[start:end]), ()):
            if all(w == v for w, v in zip(words, variant, strict=True)
                   if v[:1].isupper() and not v.isupper()):
                return True
        return False

    return verify


def build(modality: ModalityRules, speakers: SpeakerRules, gazetteer: Gazetteer
          ) -> CueAutomaton:
    """The sets whose phrases the fold can match exactly (the rest keep their expressions)."""
    sets: dict[str, PhraseSet] = {}
    cues = list(modality.group_of)
    if _plain(cues):
        sets[MODALITY] = PhraseSet(frozenset(cues), "cue")
    clause_words = list(modality.clause_words)
    if clause_words and _plain(clause_words):
        sets[CLAUSE] = PhraseSet(frozenset(map(_key, clause_words)), "cue")
    verbs = list(speakers.verb_kind)
    if _plain(verbs) and not any("’" in v for v in verbs):
        sets[VERB] = PhraseSet(frozenset(map(_key, verbs)), "word",
                               as_written(verbs))
    sets[ACCORDING] = PhraseSet(frozenset({"according to"}), "spaces",
                                exactly(["according to"]), spaced=False)
    references = gazetteer.reference_phrases
    if references and _plain(references) and not any(c in p for p in references for c in "'’"):
        sets[REFERENCE] = PhraseSet(frozenset(map(_key, references)), "word",
                                    _reference_verify(references))
    roles = speakers.titles.roles.words()
    if roles and _plain(roles):
        sets[ROLE] = PhraseSet(frozenset(map(_key, roles)), "word")
    pairs = gazetteer.pair_firsts
    if pairs and all(pairs):  # (as written: `pair_word_starts` looks for them so)
        sets[PAIR] = PhraseSet(frozenset(pairs), places=True)
    for name, words in cue_lists.LEAD_SETS.items():  # (only their places are read)
        sets[name] = PhraseSet(frozenset(fold(word) for word in words), places=True)
    return CueAutomaton(sets)


_built: dict[tuple[int, int, int], tuple[object, CueAutomaton]] = {}
_lock = threading.Lock()


def automaton_for(modality: ModalityRules, speakers: SpeakerRules, gazetteer: Gazetteer
                  ) -> CueAutomaton:
    """The automaton of these rules, built on first use (the rules are themselves built once
    per folder and kept, so their identity names them; the entry holds them alive)."""
    key = (id(modality), id(speakers), id(gazetteer))
    with _lock:
        entry = _built.get(key)
        if entry is None:
            if len(_built) >= 8:
                _built.pop(next(iter(_built)))
            entry = ((modality, speakers, gazetteer), build(modality, speakers, gazetteer))
            _built[key] = entry
    return entry[1]
