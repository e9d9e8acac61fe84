"""Fixed phrases of several stages found in one Aho-Corasick pass per document.

Modality cues, speech verbs, "according to" and party references ("the bloc") were each a
regular expression scanned again over every sentence (the reference pattern, case-blind
with ~40 alternatives, was tried at every position of every sentence and found nothing in
most). Here one automaton holds all their phrases, the document's text is folded
once (lower case, every space character a plain space, ’ as '), and a stage asks for the
matches inside a sentence: a binary search and a walk over the few hits there.

The answers are those each stage's expression gives (`finditer` over the range): leftmost
first, at one start the longest phrase whose edges hold, never overlapping; a range's ends
count as the ends of the text, as they do for `pattern.finditer(text, start, end)`. Where
the fold cannot give that answer (two space characters in a row inside the range, which
`\\s+` spans but one folded space does not; a text whose lower case changes its length) the
stage is told so and runs its expression as before.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import ahocorasick

#: Every character `str.isspace` (and so `\\s`) accepts; a test holds it to that.
SPACES = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
          "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")  # and " "
# What a case-blind expression treats as the same letter besides plain lower case: the
# dotted capital I lower-cases to two characters (so it is read as I first), the dotless i
# and the long s match "i" and "s". Then ’ reads as ', and every space character as " ".
_BEFORE_LOWER = (("İ", "I"),)
_AFTER_LOWER = (("ı", "i"), ("ſ", "s"), ("’", "'"), *((c, " ") for c in SPACES))
_FLAT = (("’", "'"), *((c, " ") for c in SPACES))


def _replaced(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    """`text` with each pair's character replaced. Most texts hold two or three of these
    characters: a test for each and a replace of the few found costs far less than
    `str.translate`, which looks every character up."""
    for old, new in pairs:
        if old in text:
            text = text.replace(old, new)
    return text


#: Characters that join a word for the modality cues' edges (`(?<![\w'’-])`).
_JOINERS = "'’-"

Verify = Callable[[str, str, int, int], bool]  # (text, flat text, start, end) → keep it


def fold(text: str) -> str:
    """The text as the automaton reads it: lower case as a case-blind expression compares,
    every space character a plain space, ’ as ' (the same length as `text`, but for the
    rare text whose lower case is longer)."""
    return _replaced(_replaced(text, _BEFORE_LOWER).lower(), _AFTER_LOWER)


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _cue_edge(char: str) -> bool:
    return char.isalnum() or char == "_" or char in _JOINERS


@dataclass(frozen=True, slots=True)
class PhraseSet:
    """The phrases of one expression and how it matches them.

    `keys`: each phrase in lower case with single spaces (what the folded text holds);
    `edges`: "word" (`\\b` on both sides), "cue" (no letter, digit, _, ' , ’ or - on either
    side), "title" (`\\b` before, no word character after), "spaces" (`\\b` before, at least
    one space character after, taken into the match); `verify`: a test of each hit against the
    original text for what the fold loses (case, the kind of apostrophe or space); `spaced`:
    a space in a phrase stands for any run of space characters (`\\s+`).
    """

    keys: frozenset[str]
    edges: str = "word"
    verify: Verify | None = None
    spaced: bool = True
    # Only where its phrases start is ever asked (`DocumentCues.starts`, `first_start`), never
    # `find`: the scan keeps their starts alone (a number each, where a hit and its start
    # held about 100 bytes), none of the hits.
    places: bool = False


class CueAutomaton:
    """One automaton for several phrase sets, built once per set of rules."""

    def __init__(self, sets: dict[str, PhraseSet]) -> None:
        self.sets = sets
        self.names = tuple(sets)
        owners: dict[str, tuple[list[int], list[int]]] = {}  # key → its sets: hits, places
        for index, name in enumerate(self.names):
            for key in sets[name].keys:
                if key:
                    owners.setdefault(key, ([], []))[sets[name].places].append(index)
        self._automaton: ahocorasick.Automaton | None = None
        if owners:
            automaton = ahocorasick.Automaton()
            for key, (indexes, places) in owners.items():
                automaton.add_word(key, (len(key), tuple(indexes), tuple(places)))
            automaton.make_automaton()
            self._automaton = automaton

    def scan(self, text: str) -> DocumentCues:
        """Every occurrence of every phrase in `text`, kept per set (edges are judged per
        range later, since a range's ends count as the text's)."""
        folded = fold(text)
        if len(folded) != len(text) or self._automaton is None:
            return DocumentCues(self, text, None)
        found: list[list[tuple[int, int]]] = [[] for _ in self.names]
        places: list[list[int]] = [[] for _ in self.names]
        for end, (length, indexes, place_indexes) in self._automaton.iter(folded):
            start = end + 1 - length
            if indexes:
                hit = (start, -length)
                for index in indexes:
                    found[index].append(hit)
            for index in place_indexes:
                places[index].append(start)
        for hits, starts in zip(found, places, strict=True):
            hits.sort()  # by start; at one start, the longest first
            starts.sort()
        return DocumentCues(self, text, found, places)


_RUN = "  "  # two folded space characters in a row: a run `\s+` spans, one key space not


class DocumentCues:
    """One document's phrase occurrences, asked for per range (a sentence)."""

    def __init__(self, automaton: CueAutomaton, text: str,
                 found: list[list[tuple[int, int]]] | None,
                 places: list[list[int]] | None = None) -> None:
        self.automaton = automaton
        self.text = text
        self._found = found
        # (a set of places alone has its starts from the scan, and no hits)
        self._starts = [starts if name_set.places else [start for start, _ in hits]
                        for name_set, hits, starts in zip(
                            automaton.sets.values(), found or (),
                            places or [[] for _ in found or ()], strict=False)]
        self._flat: str | None = None
        self._runs: list[int] | None = None
        # name → (its phrases, hits, hit starts): `find` runs several times a sentence
        self._sets = {name: (automaton.sets[name], hits, starts) for name, hits, starts
                      in zip(automaton.names, found or (), self._starts, strict=False)}

    def _run_starts(self) -> list[int]:
        if self._runs is None:
            flat = self.flat()
            runs: list[int] = []
            at = flat.find(_RUN)
            while at >= 0:
                runs.append(at)
                at = flat.find(_RUN, at + 1)
            self._runs = runs
        return self._runs

    def flat(self) -> str:
        """The text with every space character a plain space and ’ as '."""
        if self._flat is None:
            self._flat = _replaced(self.text, _FLAT)
        return self._flat

    def find(self, name: str, start: int, end: int, sliced: bool = False
             ) -> list[tuple[int, int]] | None:
        """(start, end) of each match of set `name` in text[start:end], as the set's
        expression would find them with `finditer(text, start, end)` (which sees the
        characters before `start`), or in the slice itself when `sliced`; None when the fold
        cannot tell (the caller runs the expression)."""
        entry = self._sets.get(name)
        if entry is None:  # no such set, or the fold could not read the text
            return None
        phrases, hits, starts = entry
        if phrases.spaced:
            runs = self._runs if self._runs is not None else self._run_starts()
            if runs:
                at = bisect_left(runs, start)
                if at < len(runs) and runs[at] + 1 < end:
                    return None
        at = bisect_left(starts, start)
        if at == len(starts) or starts[at] >= end:
            return []  # (most sentences hold none of a set's phrases)
        text, edges, verify = self.text, phrases.edges, phrases.verify
        flat = self.flat() if verify is not None else ""
        out: list[tuple[int, int]] = []
        free = start  # no match may begin inside the last one taken
        floor = start if sliced else 0  # where the text seems to begin
        while at < len(hits):
            begin, negative = hits[at]
            at += 1
            if begin >= end:
                break
            stop = begin - negative
            if begin < free or stop > end:
                continue
            before = text[begin - 1] if begin > floor else ""
            after = text[stop] if stop < end else ""
            if edges == "cue":
                if (before and _cue_edge(before)) or (after and _cue_edge(after)):
                    continue
            elif edges == "word":
                if _word_char(text[begin]) == bool(before and _word_char(before)) or \
                        _word_char(text[stop - 1]) == bool(after and _word_char(after)):
                    continue
            elif edges == "title":
                if _word_char(text[begin]) == bool(before and _word_char(before)) or (
                        after and _word_char(after)):
                    continue
            else:  # "spaces"
                if _word_char(text[begin]) == bool(before and _word_char(before)) or not (
                        after and after.isspace()):
                    continue
            if verify is not None and not verify(text, flat, begin, stop):
                continue
            if edges == "spaces":
                while stop < end and text[stop].isspace():
                    stop += 1
            out.append((begin, stop))
            free = stop
            # Later hits at the same start are shorter: the scan moves past them.
        return out


    def starts(self, name: str) -> list[int] | None:
        """Where each occurrence of a phrase of set `name` starts in the folded text, in order
        (inside a word too, no edges judged); None when the set is not there or the fold
        could not read the text."""
        entry = self._sets.get(name)
        return entry[2] if entry is not None else None

    def release(self, names: Iterable[str]) -> None:
        """Forget the occurrences of sets `names` (a pass done with them frees their memory
        for what comes after it); asked for again, they are not known (None)."""
        for name in names:
            if self._sets.pop(name, None) is not None:
                index = self.automaton.names.index(name)
                self._starts[index] = []
                if self._found is not None:
                    self._found[index] = []

    def first_start(self, name: str, start: int, end: int) -> int | None:
        """Where the first occurrence of a phrase of set `name` that starts in
        text[start:end] starts (inside a word too, no edges judged); -1 where none does, None
        where the set is not there or the fold could not read the text."""
        entry = self._sets.get(name)
        if entry is None:
            return None
        starts = entry[2]
        at = bisect_left(starts, start)
        return starts[at] if at < len(starts) and starts[at] < end else -1

    def within(self, name: str, start: int, end: int) -> list[tuple[int, int]] | None:
        """`find(name, start, end, sliced=True)` with offsets into the slice text[start:end]
        (what a stage that reads the sentence's own text asks for)."""
        found = self.find(name, start, end, sliced=True)
        return [(a - start, b - start) for a, b in found] if found else found


def exactly(variants: Iterable[str]) -> Verify:
    """A case-sensitive phrase whose spaces are literal spaces: the text must be one of
    `variants` as written."""
    allowed = frozenset(variants)

    def verify(text: str, flat: str, start: int, end: int) -> bool:
        return text[start:end] in allowed

    return verify


def as_written(variants: Iterable[str]) -> Verify:
    """A case-sensitive phrase whose spaces stand for any space and whose ' stands for ' or
    ’: the flattened text must be one of `variants`."""
    allowed = frozenset(variants)

    def verify(text: str, flat: str, start: int, end: int) -> bool:
        return flat[start:end] in allowed

    return verify
