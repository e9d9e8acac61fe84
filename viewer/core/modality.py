"""Modality: whether a sentence says its event happened, is planned, possible, claimed, denied,
agreed, demanded, proposed, cancelled or postponed.

The cue words, their scope, negation and precedence are data (`resources/modality.toml`, with
the rules explained there); this module only applies them in one pass over the sentence's
words, so the cost is linear in its length.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from viewer.core.resources import load_data, override

HAPPENED = "happened"
PLANNED = "planned"

# Words, contractions kept whole, and the punctuation that can end a clause.
_TOKEN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*|[,;:—–()]")
_CONTRACTIONS = {"won't": ("will", "not"), "can't": ("can", "not"), "cannot": ("can", "not"),
                 "shan't": ("shall", "not")}
_SUFFIXES = (("n't", "not"), ("'ll", "will"), ("'d", "would"))


@dataclass(frozen=True, slots=True)
class Token:
    word: str  # lower case
    start: int  # offset into the sentence
    proper: bool  # capitalised inside the sentence: a name ("May", "Will"), never a cue


@dataclass(frozen=True, slots=True)
class Cue:
    words: tuple[str, ...]
    group: str


@dataclass(frozen=True, slots=True)
class ModalityRules:
    by_first: dict[str, tuple[Cue, ...]]  # first word → cues, longest first
    modality: dict[str, str]  # group → modality
    when_negated: dict[str, str]
    sentence_scope: frozenset[str]
    rank: dict[str, int]  # group → precedence, lower wins
    negators: frozenset[str]
    window: int
    boundaries: frozenset[str]
    subordinators: frozenset[str]
    openers: frozenset[str]
    with_speaker: str  # a plain statement someone is said to make


def build_rules(data: dict[str, Any]) -> ModalityRules:
    cues: dict[str, list[Cue]] = {}
    groups: dict[str, Any] = data.get("group", {})
    for name, group in groups.items():
        for phrase in group.get("cues", []):
            words = tuple(w for token in _TOKEN.findall(phrase.lower()) for w in _split(token))
            if words:
                cues.setdefault(words[0], []).append(Cue(words, name))
    order = list(data.get("precedence", []))
    order += [g for g in groups if g not in order]
    return ModalityRules(
        by_first={k: tuple(sorted(v, key=lambda c: -len(c.words))) for k, v in cues.items()},
        modality={name: str(g["modality"]) for name, g in groups.items()},
        when_negated={name: str(g["when_negated"]) for name, g in groups.items()
                      if "when_negated" in g},
        sentence_scope=frozenset(n for n, g in groups.items() if g.get("scope") == "sentence"),
        rank={name: i for i, name in enumerate(order)},
        negators=frozenset(data.get("negators", [])),
        window=int(data.get("negation_window", 3)),
        boundaries=frozenset(data.get("boundaries", [])),
        subordinators=frozenset(data.get("subordinators", [])),
        openers=frozenset(data.get("clause_openers", [])),
        with_speaker=str(data.get("with_speaker", HAPPENED)),
    )


@functools.lru_cache(maxsize=8)
def _rules(folder: str | None, _changed: float = 0.0) -> ModalityRules:
    return build_rules(load_data("modality.toml", folder))


def load_rules(folder: str | Path | None = None) -> ModalityRules:
    """The bundled rules, or the folder's own when it has a `modality.toml` (cached by mtime)."""
    path = override("modality.toml", folder)
    if path is None:
        return _rules(None)
    return _rules(str(folder), path.stat().st_mtime)


def _split(token: str) -> tuple[str, ...]:
    token = token.replace("’", "'")
    if token in _CONTRACTIONS:
        return _CONTRACTIONS[token]
    for suffix, word in _SUFFIXES:
        if token.endswith(suffix) and len(token) > len(suffix):
            return (token[: -len(suffix)], word)
    return (token,)


def tokens(sentence: str) -> list[Token]:
    """The sentence's words in lower case, contractions opened ("didn't" → did not)."""
    found: list[Token] = []
    for match in _TOKEN.finditer(sentence):
        raw = match.group()
        proper = bool(found) and raw[:1].isupper()
        for word in _split(raw.lower()):
            found.append(Token(word, match.start(), proper))
    return found


def _clauses(words: Sequence[Token], rules: ModalityRules) -> tuple[list[int], list[bool]]:
    """Each token's clause number, and per clause whether it is subordinate."""
    clause_of: list[int] = []
    subordinate: list[bool] = [False]
    at_start = True
    for token in words:
        if token.word in rules.boundaries:
            subordinate.append(False)
            at_start = True
        elif token.word in rules.subordinators or (at_start and token.word in rules.openers):
            if not at_start:
                subordinate.append(True)
            else:
                subordinate[-1] = True
            at_start = False
        else:
            at_start = False
        clause_of.append(len(subordinate) - 1)
    return clause_of, subordinate


def modality_of(sentence: str, anchor: int | None = None, future: bool = False,
                rules: ModalityRules | None = None) -> str:
    """The modality of the event `sentence` reports. `anchor` is the offset in the sentence of
    the event's time expression; `future` says its date lies after the publication date."""
    rules = rules or load_rules()
    words = tokens(sentence)
    clause_of, subordinate = _clauses(words, rules)
    anchor_clause = -1
    if anchor is not None:
        for index, token in enumerate(words):
            if token.start > anchor:
                break
            anchor_clause = clause_of[index]
    main = {n for n, sub in enumerate(subordinate) if not sub} or set(range(len(subordinate)))
    in_scope = {anchor_clause} if anchor_clause >= 0 else main
    best: tuple[int, str] | None = None
    index = 0
    while index < len(words):
        token = words[index]
        matched = 0
        for cue in () if token.proper else rules.by_first.get(token.word, ()):
            size = len(cue.words)
            if all(index + k < len(words) and words[index + k].word == cue.words[k]
                   and not words[index + k].proper for k in range(1, size)):
                clause = clause_of[index]
                scope = in_scope | main if cue.group in rules.sentence_scope else in_scope
                if clause in scope:
                    modality: str | None = rules.modality[cue.group]
                    if _negated(words, clause_of, index, rules):
                        modality = rules.when_negated.get(cue.group)
                    rank = rules.rank[cue.group]
                    if modality is not None and (best is None or rank < best[0]):
                        best = (rank, modality)
                matched = size
                break
        index += max(1, matched)
    if best is not None:
        return best[1]
    return PLANNED if future else HAPPENED


def with_speaker(modality: str, rules: ModalityRules | None = None) -> str:
    """The modality once the sentence is known to report what someone said."""
    return (rules or load_rules()).with_speaker if modality == HAPPENED else modality


def _negated(words: Sequence[Token], clause_of: Sequence[int], index: int,
             rules: ModalityRules) -> bool:
    clause = clause_of[index]
    for back in range(index - 1, max(-1, index - 1 - rules.window), -1):
        if clause_of[back] != clause:
            return False
        if words[back].word in rules.negators:
            return True
    return False
