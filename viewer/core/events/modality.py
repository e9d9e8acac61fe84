"""Modality: whether a sentence says its event happened, is planned, possible, claimed, denied,
agreed, demanded, proposed, cancelled or postponed.

The cue words, their scope, negation and precedence are data (`resources/modality.toml`, with
the rules explained there); this module only applies them: one regular-expression scan for cues,
and for the few cues found, one for the clauses and a bounded look back for a negator, so the
cost is linear in the sentence's length.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from viewer.core.events import cues
from viewer.core.resources import build_for_folder, override

HAPPENED = "happened"
PLANNED = "planned"
_EDGE_BEFORE, _EDGE_AFTER = r"(?<![\w'’-])", r"(?![\w'’-])"
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class ModalityRules:
    cue: re.Pattern[str]  # every cue phrase, longest first
    group_of: dict[str, tuple[str, ...]]  # cue phrase (lower case, one space) → its groups
    requires: dict[str, frozenset[str]]  # group → words one of which the sentence must hold
    excluded_by: dict[str, frozenset[str]]  # group → words none of which it may hold
    clause: re.Pattern[str]  # a boundary, a subordinator or a clause opener
    boundaries: frozenset[str]
    openers: frozenset[str]
    modality: dict[str, str]  # group → modality
    when_negated: dict[str, str]
    sentence_scope: frozenset[str]
    opening: frozenset[str]  # groups whose cues count only where they open a clause
    rank: dict[str, int]  # group → precedence, lower wins
    negators: frozenset[str]
    window: int
    with_speaker: str  # a plain statement someone is said to make
    continuing: frozenset[str] = frozenset()  # groups whose cue may go on the sentence before
    carried: frozenset[str] = frozenset()  # the modalities that go on so
    joined: frozenset[str] = frozenset()  # groups whose cue gives way after "and" (below)
    joiner: re.Pattern[str] = re.compile("(?!)")  # "and", "and that it", … ending a text
    speech: re.Pattern[str] = re.compile("(?!)")  # a speech verb
    silent: frozenset[str] = frozenset()  # groups that take cues away but give no modality
    aside: frozenset[str] = frozenset()  # groups whose cue describes a noun (weak, below)
    # `clause` in two halves, for the document's one cue pass (`cue_sets`): its words
    # (lower case, one space; empty when the boundaries are not single marks, which the
    # pass cannot read apart from them), their expression, and the boundary marks
    clause_words: frozenset[str] = frozenset()
    clause_word: re.Pattern[str] = re.compile("(?!)")
    marks: re.Pattern[str] = re.compile("(?!)")


def _phrase(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())


def phrase_pattern(phrases: list[str]) -> str:
    """One regular expression for many phrases, shared prefixes factored out, so matching at a
    position follows one branch instead of trying every phrase (longest match wins)."""
    root: dict[str, Any] = {}
    for phrase in phrases:
        node = root
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = []
        for char in sorted(k for k in node if k):
            head = r"\s+" if char == " " else "['’]" if char == "'" else re.escape(char)
            branches.append(head + emit(node[char]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


def build_rules(data: dict[str, Any]) -> ModalityRules:
    groups: dict[str, Any] = data.get("group", {})
    order = list(data.get("precedence", []))
    order += [g for g in groups if g not in order]
    found: dict[str, list[str]] = {}
    for name in order:
        for phrase in groups.get(name, {}).get("cues", []):
            found.setdefault(_phrase(phrase), []).append(name)
    group_of = {phrase: tuple(names) for phrase, names in found.items()}
    boundaries = frozenset(data.get("boundaries", []))
    openers = frozenset(data.get("clause_openers", []))
    clause_words = {_phrase(w) for w in [*data.get("subordinators", []), *openers]}
    words = phrase_pattern(sorted(clause_words))
    marks = "".join(re.escape(b) for b in sorted(boundaries))
    parts = ([f"[{marks}]"] if marks else []) + (
        [f"{_EDGE_BEFORE}(?:{words}){_EDGE_AFTER}"] if words else [])
    # single characters that are neither word characters, spaces nor joiners: never inside
    # or at the edge of a word's match, so the two halves' matches merged are `clause`'s
    apart = all(len(b) == 1 and not re.match(r"[\w\s'’-]", b) for b in boundaries)
    coordination: dict[str, Any] = data.get("coordination", {})
    joiners = sorted({_phrase(w) for w in coordination.get("joiners", [])})
    speech = sorted({_phrase(w) for w in coordination.get("speech", [])})
    return ModalityRules(
        silent=frozenset(n for n, g in groups.items() if g.get("silent")),
        aside=frozenset(n for n, g in groups.items() if g.get("aside")),
        joined=frozenset(coordination.get("groups", [])),
        joiner=re.compile(f"{_EDGE_BEFORE}(?:{phrase_pattern(joiners)})\\s+$", re.IGNORECASE)
        if joiners else re.compile("(?!)"),
        speech=re.compile(f"{_EDGE_BEFORE}(?:{phrase_pattern(speech)}){_EDGE_AFTER}",
                          re.IGNORECASE) if speech else re.compile("(?!)"),
        cue=re.compile(f"{_EDGE_BEFORE}(?:{phrase_pattern(list(group_of))}){_EDGE_AFTER}"
                       if group_of else "(?!)", re.IGNORECASE),
        group_of=group_of,
        requires={n: frozenset(g["requires"]) for n, g in groups.items() if "requires" in g},
        excluded_by={n: frozenset(g["excluded_by"]) for n, g in groups.items()
                     if "excluded_by" in g},
        clause=re.compile("|".join(parts) or r"(?!)", re.IGNORECASE),
        clause_words=frozenset(clause_words) if apart and words else frozenset(),
        clause_word=re.compile(f"{_EDGE_BEFORE}(?:{words}){_EDGE_AFTER}", re.IGNORECASE)
        if words else re.compile("(?!)"),
        marks=re.compile(f"[{marks}]") if marks else re.compile("(?!)"),
        boundaries=boundaries,
        openers=openers,
        modality={name: str(g.get("modality", HAPPENED)) for name, g in groups.items()},
        when_negated={name: str(g["when_negated"]) for name, g in groups.items()
                      if "when_negated" in g},
        sentence_scope=frozenset(n for n, g in groups.items() if g.get("scope") == "sentence"),
        opening=frozenset(n for n, g in groups.items() if g.get("opening")),
        rank={name: i for i, name in enumerate(order)},
        negators=frozenset(data.get("negators", [])),
        window=int(data.get("negation_window", 3)),
        with_speaker=str(data.get("with_speaker", HAPPENED)),
        continuing=frozenset(data.get("continuation", {}).get("groups", [])),
        carried=frozenset(data.get("continuation", {}).get("modalities", [])),
    )


@functools.lru_cache(maxsize=8)
def _rules(folder: str | None, _changed: float = 0.0) -> ModalityRules:
    return build_for_folder("modality.toml", folder, build_rules)


def load_rules(folder: str | Path | None = None) -> ModalityRules:
    """The bundled rules, or the folder's own when it has a `modality.toml` (cached by mtime)."""
    path = override("modality.toml", folder)
    if path is None:
        return _rules(None)
    return _rules(str(folder), path.stat().st_mtime)


def _clause_spans(sentence: str, rules: ModalityRules,
                  words: Sequence[tuple[int, int]] | None) -> list[tuple[int, int]]:
    """What `rules.clause.finditer(sentence)` finds, as spans. `words`: where its words are,
    if the document's cue pass found them; the marks are then one scan for single
    characters, which the engine skips through, merged in (the two never overlap)."""
    if words is None:
        return [match.span() for match in rules.clause.finditer(sentence)]
    marks = [match.span() for match in rules.marks.finditer(sentence)]
    if not words or not marks:
        return marks or list(words)
    merged: list[tuple[int, int]] = []
    at = 0
    for span in words:  # one walk over both, each in order
        while at < len(marks) and marks[at][0] < span[0]:
            merged.append(marks[at])
            at += 1
        merged.append(span)
    merged.extend(marks[at:])
    return merged


def _clauses(sentence: str, rules: ModalityRules,
             words: Sequence[tuple[int, int]] | None = None) -> tuple[list[int], list[bool]]:
    """Where each clause starts, and whether it is subordinate (`words`: see
    `_clause_spans`)."""
    starts, subordinate = [0], [False]
    seen_to, empty = 0, True  # scanned up to here; the current clause has no words yet
    first = _WORD.search(sentence)
    lead = first.start() if first else 0
    for begin, stop in _clause_spans(sentence, rules, words):
        if sentence[begin].isupper() and begin > lead:
            continue  # a name, not a subordinator: "the WHO emergency committee"
        empty = empty and not sentence[seen_to:begin].strip()
        seen_to = stop
        word = sentence[begin:stop].lower()
        if word == "," and sentence[begin - 1 : begin].isdigit() and sentence[
                stop : stop + 1].isdigit():
            continue  # "2,000": a number, not a clause
        if word in rules.boundaries:
            starts.append(stop)
            subordinate.append(False)
            empty = True
            continue
        if empty:
            subordinate[-1] = True  # "As negotiators plan …", ", which …"
        elif word not in rules.openers:
            starts.append(begin)  # "… while Russia opposes …"
            subordinate.append(True)
        empty = False
    return starts, subordinate


def modality_of(sentence: str, anchor: int | None = None, future: bool = False,
                rules: ModalityRules | None = None,
                found: Sequence[tuple[int, int]] | None = None,
                clause_words: Sequence[tuple[int, int]] | None = None) -> str:
    """The modality of the event `sentence` reports. `anchor` is the offset in the sentence of
    the event's time expression; `future` says its date lies after the publication date.
    `found`, `clause_words`: where the cues and the clause words are in the sentence, if a
    document-wide pass found them (else the expressions find them here)."""
    return decide(sentence, anchor, future, rules, found, clause_words)[0]


def decide(sentence: str, anchor: int | None = None, future: bool = False,
           rules: ModalityRules | None = None,
           found: Sequence[tuple[int, int]] | None = None,
           clause_words: Sequence[tuple[int, int]] | None = None) -> tuple[str, str]:
    """The modality, and the group whose cue gave it ("" when none did)."""
    rules = rules or load_rules()
    if found is None:
        found = [m.span() for m in rules.cue.finditer(sentence)]
    best: tuple[tuple[int, int], str, str] | None = None  # anchor's clause, frames; group
    fallback: tuple[int, str, str] | None = None  # main clauses, when the anchor's has none
    anchored = False  # a clause cue was found in the anchor's clause
    clauses: tuple[list[int], set[int], int] | None = None
    words: set[str] | None = None
    spoken: re.Match[str] | None = None
    looked = False
    weak: tuple[str, str] | None = None  # an aside's cue in the anchor's clause
    lead = -1  # where the sentence's first word starts, once a capitalised cue asks
    for cue_start, cue_end in found:
        text = sentence[cue_start:cue_end]
        if text[:1].isupper():
            if lead < 0:
                first = _WORD.search(sentence)
                lead = first.start() if first else 0
            if cue_start > lead:
                continue  # capitalised inside the sentence: a name ("May", "Will")
        if clauses is None:
            starts, subordinate = _clauses(sentence, rules, clause_words)
            main = {n for n, sub in enumerate(subordinate) if not sub} or set(
                range(len(starts)))
            own = bisect.bisect_right(starts, anchor) - 1 if anchor is not None else -1
            clauses = (starts, main, own)
        starts, main, own = clauses
        clause = bisect.bisect_right(starts, cue_start) - 1
        # The anchor's clause first, then main clauses in their order ("Togo asked the court
        # to …, accusing Ghana of …" is a request; "X accused Y …; Y denied it" an accusation),
        # and within one clause the precedence of groups.
        place = 0 if clause == own else clause + 1
        for group in rules.group_of[_phrase(text)]:
            rank = rules.rank[group]
            if best is not None and (place, rank) >= best[0]:
                break
            if group in rules.requires or group in rules.excluded_by:
                if words is None:
                    words = set(_WORD.findall(sentence.lower()))
                if words.isdisjoint(rules.requires.get(group, words)) or not words.isdisjoint(
                        rules.excluded_by.get(group, ())):
                    continue
            if group in rules.opening and sentence[starts[clause] : cue_start].strip():
                continue  # "reached the valley under the accord": frames nothing
            if group in rules.aside:
                # ", planned for this week,": describes a noun; counts only in the anchor's
                # clause, and only when no other clause gives a cue
                if weak is None and (clause == own or own < 0) and not _negated(
                        sentence, starts[clause], cue_start, rules):
                    weak = rules.modality[group], group
                break
            if group in rules.joined:
                if not looked:  # the first speech verb, once per sentence
                    spoken, looked = rules.speech.search(sentence), True
                if _after_statement(sentence, cue_start, spoken, rules):
                    continue  # "said it opposed the decision and would …": the statement decides
            frame = group in rules.sentence_scope
            primary = clause == own or (clause in main and (frame or own < 0))
            if not primary and clause not in main:
                continue
            modality = rules.modality[group]
            if _negated(sentence, starts[clause], cue_start, rules):
                negated = rules.when_negated.get(group)
                if negated is None:
                    continue
                modality = negated
            if primary:
                best = ((place, rank), modality, group)
                anchored = anchored or (clause == own and not frame)
            elif fallback is None or rank < fallback[0]:
                fallback = (rank, modality, group)
            break
    won: tuple[str, str] | None = None
    if fallback is not None and not anchored and (best is None or fallback[0] < best[0][1]):
        won = fallback[1], fallback[2]  # "A vote, originally set for March 10, has been
        # postponed"
    elif best is not None:
        won = best[1], best[2]
    won = won or weak
    if won is None or won[1] in rules.silent:  # no cue, or one that only takes words away
        return (PLANNED if future else HAPPENED), ""
    return won


def _after_statement(sentence: str, cue_start: int, spoken: re.Match[str] | None,
                     rules: ModalityRules) -> bool:
    """The cue follows "and" (", and that it", …) after the sentence's first speech verb
    (`spoken`, found once per sentence), with words of its own between them: it goes on a
    statement, which decides. Looks back a bounded stretch for the joiner."""
    if spoken is None:
        return False
    joined = rules.joiner.search(sentence, max(0, cue_start - 24), cue_start)
    return joined is not None and spoken.end() <= joined.start() and bool(
        _WORD.search(sentence, spoken.end(), joined.start()))


def with_speaker(modality: str, rules: ModalityRules | None = None) -> str:
    """The modality once the sentence is known to report what someone said."""
    return (rules or load_rules()).with_speaker if modality == HAPPENED else modality


def _negated(sentence: str, clause_start: int, cue_start: int, rules: ModalityRules) -> bool:
    """A negator among the few words before the cue, in its clause ("did not agree")."""
    before = sentence[max(clause_start, cue_start - 12 * rules.window) : cue_start]
    lowered = before.replace("’", "'").lower()
    # A word can only be a negator, or end in "n't", where the stretch holds one as a string:
    # most stretches hold none, and are not split into words (asked for nearly every cue).
    if "n't" not in lowered and not cues.holds_any(lowered, rules.negators):
        return False
    words = _WORD.findall(lowered)[-rules.window :]
    return any(w in rules.negators or w.endswith("n't") for w in words)
