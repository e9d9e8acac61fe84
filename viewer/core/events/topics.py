"""Topics from a taxonomy of cue words (`resources/topics.toml`, overridable per folder).

Each topic says where it came from (`origin`: built-in, folder, discovered) and keeps its
cue list as written, so the reason an event has a topic (the cue that matched) can be shown
and the cues edited. `anchors` are the unambiguous cues that tell whether a built-in topic
fits a folder at all (see `folder_topics`).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ahocorasick

from viewer.core.resources import build_for_folder, folder_data, load_data, override

_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
# ASCII bytes: letters and digits kept (lower case), every other byte a space
_ASCII_WORD_BYTES = bytes(c if chr(c).isalnum() and c < 128 else 32 for c in range(256))
# The same for text already in lower case, keeping ' and the stand-in for ’ (`_CURLY`)
_CURLY = "\x01"
_JOINER_BYTES = bytes(c if (chr(c).isalnum() and c < 128) or chr(c) in ("'", _CURLY) else 32
                      for c in range(256))
# Characters beyond ASCII that news text holds besides ’ and that join no word (no letter,
# digit or apostrophe): quotation marks, dashes, the ellipsis, bullets, spaces. A text whose
# characters beyond ASCII are all these (or ’) is read without the expression.
_PUNCTUATION = tuple(c for c in "“”‘«»—–…•·′″\xa0\u2009\u202f\u200b"
                     if not c.isalnum() and c != "_")


def _joined(text: str) -> str:
    """The words of `text` in lower case, each between single spaces (" a ceasefire b ").

    The words are what `_WORDS` finds in the lower-cased text; for ASCII text without an
    apostrophe those are its runs of letters and digits, which a byte translation and a
    split find at about half the cost (most sentences of English news qualify). Where the
    only other characters are apostrophes (' or ’) and punctuation (`_PUNCTUATION`), the
    translation keeps the apostrophes, and only the runs holding one are read by the
    expression (no word reaches over a space or a punctuation mark, so it finds the same
    words in each run alone): a third of the expression's cost over the whole text.
    """
    if text.isascii() and "'" not in text:
        return " " + " ".join(
            text.encode("ascii").lower().translate(_ASCII_WORD_BYTES).decode("ascii").split()
        ) + " "
    lowered = text.lower()
    if _CURLY in lowered:
        return " " + " ".join(_WORDS.findall(lowered)) + " "
    plain = lowered.replace("’", _CURLY)
    if not plain.isascii():
        for mark in _PUNCTUATION:
            if mark in plain:
                plain = plain.replace(mark, " ")
        if not plain.isascii():  # (letters beyond ASCII: the expression reads them)
            return " " + " ".join(_WORDS.findall(lowered)) + " "
    runs = plain.encode("ascii").translate(_JOINER_BYTES).decode("ascii").split()
    if "'" not in plain and _CURLY not in plain:
        return " " + " ".join(runs) + " "
    words: list[str] = []
    for run in runs:
        if "'" in run or _CURLY in run:
            words += _WORDS.findall(run.replace(_CURLY, "’"))
        else:
            words.append(run)
    return " " + " ".join(words) + " "


_LABELS: dict[str, str] = {}  # cue piece → its label (the pieces are the taxonomies' cues)


def _cue_label(piece: str) -> str:
    """A cue piece as written: " ceasefire " → "ceasefire", " negotiat" → "negotiat*"."""
    label = _LABELS.get(piece)
    if label is None:
        if len(_LABELS) >= 65536:  # (folders' own taxonomies add theirs: bounded all the same)
            _LABELS.clear()
        label = _LABELS[piece] = piece.strip() + ("" if piece.endswith(" ") else "*")
    return label


@dataclass(frozen=True, slots=True)
class Topic:
    """A topic and its cues, split for speed: whole words, word beginnings ("negotiat*"),
    and phrases (matched on word boundaries in the normalised text)."""

    id: str
    label: str
    color: str
    words: frozenset[str]
    stems: frozenset[str]
    phrases: tuple[str, ...]
    phrase_stems: tuple[str, ...]
    origin: str = "built-in"  # built-in, folder, discovered
    cues: tuple[str, ...] = ()
    anchors: tuple[str, ...] = ()
    blockers: tuple[str, ...] = ()  # phrases that contain a cue but mean something else


@dataclass(frozen=True, slots=True)
class Taxonomy:
    topics: tuple[Topic, ...]
    longest_stem: int = 0
    cues: Any = field(default=None, compare=False, repr=False)  # from _automaton; None: no cues
    # What `explain` made of each set of first cues found (most sentences repeat a few dozen)
    _explained: dict[tuple[tuple[int, str], ...], tuple[tuple[str, str], ...]] = field(
        default_factory=dict, compare=False, repr=False)

    def _matches(self, text: str) -> dict[int, str]:
        """Topic index → the first cue piece found for it. Every cue is a piece of the
        text's words joined by single spaces (" ceasefire ", " negotiat", " prisoner swap "),
        so one Aho-Corasick pass finds them all."""
        found: dict[int, str] = {}
        if self.cues is None:
            return found
        joined = _joined(text)
        # Most sentences hold no blocking phrase: their hits are taken as they come, and the
        # first blocking phrase sends the text through the full reading below.
        for _, (owners, blocks, piece) in self.cues.iter(joined):
            if blocks:
                found.clear()
                break
            for k in owners:
                found.setdefault(k, piece)
        else:
            return found
        hits: list[tuple[int, int, tuple[int, ...], str]] = []
        # (topic, start of a word inside a blocking phrase) → the furthest end of such a phrase
        blocked: dict[tuple[int, int], int] = {}
        for end, (owners, blocks, piece) in self.cues.iter(joined):
            start = end - len(piece) + 1
            if owners:
                hits.append((start, end, owners, piece))
            for k in blocks:  # each position of each blocking phrase, once: O(text)
                for at in range(start, end):
                    if joined[at] == " " and blocked.get((k, at), -1) < end:
                        blocked[(k, at)] = end
        if not blocked:  # (no blocking phrase in the text, as in most sentences)
            for _, _, owners, piece in hits:
                for k in owners:
                    found.setdefault(k, piece)
            return found
        for start, end, owners, piece in hits:
            for k in owners:
                if blocked.get((k, start), -1) < end:
                    found.setdefault(k, piece)
        return found

    def classify(self, text: str) -> tuple[str, ...]:
        """The ids of every topic whose cues occur in `text`, in taxonomy order."""
        return tuple(self.topics[k].id for k in sorted(self._matches(text)))

    def explain(self, text: str) -> tuple[tuple[str, str], ...]:
        """(topic id, the cue that matched, as written with "*" for a word beginning) for
        every topic of `text`, in taxonomy order."""
        found = self._matches(text)
        if not found:
            return ()
        key = tuple(found.items())
        known = self._explained.get(key)
        if known is None:
            if len(self._explained) >= 4096:  # (bounded, whatever the folder's texts)
                self._explained.clear()
            known = self._explained[key] = tuple(
                (self.topics[k].id, _cue_label(found[k])) for k in sorted(found))
        return known

    def ids(self) -> tuple[str, ...]:
        return tuple(topic.id for topic in self.topics)

    def get(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)


def _pieces(cues: list[str] | tuple[str, ...]) -> set[str]:
    """Each cue as the text it must find in the joined words (see `Taxonomy._matches`)."""
    words, stems, phrases, phrase_stems = _split(list(cues))
    return {*(f" {w} " for w in words), *(f" {s}" for s in stems if len(s) >= 3),
            *phrases, *phrase_stems}


def _split(cues: list[str]) -> tuple[set[str], set[str], list[str], list[str]]:
    words: set[str] = set()
    stems: set[str] = set()
    phrases: list[str] = []
    phrase_stems: list[str] = []
    for cue in cues:
        stem = cue.rstrip("*").lower()
        parts = _WORDS.findall(stem)
        if not parts:
            continue
        if len(parts) == 1 and parts[0] == stem:
            (stems if cue.endswith("*") else words).add(stem)
        elif cue.endswith("*"):
            phrase_stems.append(" " + " ".join(parts))  # "front line*" → " front line"
        else:
            phrases.append(" " + " ".join(parts) + " ")
    return words, stems, phrases, phrase_stems


def make_topic(topic_id: str, label: str, color: str, cues: list[str] | tuple[str, ...],
               origin: str = "built-in", anchors: tuple[str, ...] = (),
               blockers: tuple[str, ...] = ()) -> Topic:
    words, stems, phrases, phrase_stems = _split(list(cues))
    return Topic(topic_id, label, color, frozenset(words), frozenset(stems), tuple(phrases),
                 tuple(phrase_stems), origin, tuple(cues), anchors, blockers)


def _automaton(topics: tuple[Topic, ...]) -> Any:
    """Every cue as the text it must find in the joined words, mapped to its topics.

    Measured on 6,000 sentences: 0.04 s, against 0.11 s for one alternation of all cues
    (which also needs the cues that prefix the match to be added back) and 0.19 s for the
    per-topic set and substring tests it replaces.
    """
    pieces: dict[str, tuple[set[int], set[int]]] = {}
    for k, topic in enumerate(topics):
        for piece in (*(f" {w} " for w in topic.words),
                      *(f" {s}" for s in topic.stems if len(s) >= 3),  # as it always was
                      *topic.phrases, *topic.phrase_stems):
            pieces.setdefault(piece, (set(), set()))[0].add(k)
    if not pieces:
        return None
    for k, topic in enumerate(topics):
        for piece in _pieces(topic.blockers):
            pieces.setdefault(piece, (set(), set()))[1].add(k)
    automaton = ahocorasick.Automaton()
    for piece, (owners, blocks) in pieces.items():
        automaton.add_word(piece, (tuple(sorted(owners)), tuple(sorted(blocks)), piece))
    automaton.make_automaton()
    return automaton


def combine(topics: tuple[Topic, ...] | list[Topic]) -> Taxonomy:
    """A taxonomy of the given topics, with its cue automaton."""
    topics = tuple(topics)
    longest = max((len(s) for t in topics for s in t.stems), default=0)
    return Taxonomy(topics, longest, _automaton(topics))


@functools.lru_cache(maxsize=16)
def anchor_taxonomy(taxonomy: Taxonomy) -> Taxonomy:
    """The anchored topics of `taxonomy` with their anchors as cues (and their blockers).

    Kept per taxonomy (by value): a worker summarises every document it extracts with the
    same taxonomy, and building this automaton for each one took about a third of the
    summaries' CPU (0.15 s for 500 generated articles).
    """
    return combine([make_topic(t.id, t.label, t.color, t.anchors, blockers=t.blockers)
                    for t in taxonomy.topics if t.anchors])


def build(data: dict[str, Any], local: frozenset[str] = frozenset()) -> Taxonomy:
    """Topics from taxonomy data; ids in `local` came from the folder's own file."""
    topics = []
    for topic_id, entry in data.get("topic", {}).items():
        removed = set(entry.get("remove_cues", []))
        cues = list(dict.fromkeys(c for c in entry.get("cues", []) if c not in removed))
        if not cues or entry.get("deleted"):
            continue
        origin = entry.get("origin") or ("folder" if topic_id in local else "built-in")
        topics.append(make_topic(topic_id, entry.get("label", topic_id),
                                 entry.get("color", "#888888"), cues, origin,
                                 tuple(entry.get("anchors", [])),
                                 tuple(entry.get("blocked_by", []))))
    return combine(topics)


@functools.cache
def _bundled() -> Taxonomy:
    return build(load_data("topics.toml"))


def load_taxonomy(folder: str | Path | None = None) -> Taxonomy:
    """The bundled taxonomy, extended or replaced by the folder's own topics.toml."""
    local = folder_data("topics.toml", folder)  # read safely, None if unusable
    if local is None:
        return _bundled()
    own = frozenset(local.get("topic", {}))
    bundled = frozenset(load_data("topics.toml").get("topic", {}))
    return build_for_folder("topics.toml", folder, lambda data: build(data, own - bundled))


@dataclass(frozen=True, slots=True)
class DiscoveredEdits:
    """What the folder's own file says of the topics the folder discovers: the ones deleted
    (so they stay gone) and new labels and colours (`discovered = true`, without cues).

    Why the look apart: a renamed discovered topic used to be written with its cues, as a
    topic of the folder's own; discovery then ran without it and every other discovered
    topic moved (a rename changed five other topics' counts). A new look leaves what the
    folder discovers as it was."""

    deleted: frozenset[str] = frozenset()
    looks: tuple[tuple[str, str | None, str | None], ...] = ()  # id, label, colour

    def ids(self) -> frozenset[str]:
        """The discovered topics this file edits (deletes or gives a look)."""
        return self.deleted | {topic_id for topic_id, _, _ in self.looks}

    def orphans(self, taxonomy: Taxonomy) -> list[tuple[str, str | None, str | None]]:
        """The looks (id, label, colour) given to discovered topics the folder no longer
        has: a topic the folder stopped discovering, or one no new topic was recognised as."""
        return [look for look in self.looks if taxonomy.get(look[0]) is None]

    def apply(self, found: Iterable[Topic]) -> list[Topic]:
        """The discovered topics without the deleted ones, each in its new look."""
        looks = {topic_id: (label, color) for topic_id, label, color in self.looks}
        kept = []
        for topic in found:
            if topic.id in self.deleted:
                continue
            label, color = looks.get(topic.id, (None, None))
            kept.append(dataclasses.replace(topic, label=label or topic.label,
                                            color=color or topic.color))
        return kept


def discovered_edits(folder: str | Path | None) -> DiscoveredEdits:
    """The folder's file's edits of discovered topics (none without such a file)."""
    if override("topics.toml", folder) is None:
        return DiscoveredEdits()
    data = load_data("topics.toml", folder).get("topic", {})
    deleted = frozenset(k for k, v in data.items() if v.get("deleted"))
    looks = tuple((k, v.get("label"), v.get("color")) for k, v in data.items()
                  if v.get("discovered") and not v.get("cues") and not v.get("deleted"))
    return DiscoveredEdits(deleted, looks)
