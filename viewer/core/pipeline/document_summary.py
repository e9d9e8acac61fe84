"""What the folder-wide steps read of a document, made where the document was extracted.

Why: the folder stage used to walk every event object of the folder in the main process, so
with two workers the main process spent a third of the CPU. A worker that has just extracted
a document summarises it: the people it teaches (a partial registry, merged in folder order
later), the topic counts that fitting the folder's topics reads, and for each event that may
join a cluster its content words, the figures it states and whether it says who took part.
The main process adds the summaries up and links small arrays; it never reads the text.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from viewer.core.events.document_events import DocumentEvents, Event
from viewer.core.events.people import PersonMention
from viewer.core.events.topics import Taxonomy
from viewer.core.model import Problem
from viewer.core.pipeline.cluster import content_words, is_candidate
from viewer.core.pipeline.coded_lists import CodedLists
from viewer.core.pipeline.conflicts import ConflictRules, load_rules, said_in_text
from viewer.core.pipeline.folder_topics import FitCounts, fit_counts
from viewer.core.pipeline.people_reduce import Learned, learn_partition

DAY_PRECISIONS = ("day", "time")
_SEP, _FIELD = "\x1f", "\x1e"  # between a mention's words; between its fields


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """One document's share of the folder-wide steps, beside its events' columns."""

    relpath: str
    events: int
    published: dt.date | None
    title: str
    problems: tuple[Problem, ...]
    learned: Learned  # the people this document teaches, in first-seen order
    fit: FitCounts  # its body events' topic counts (they add up over documents)

    def lean(self) -> DocumentSummary:
        """Without what only the people and topic steps read (about 2.5 KB of objects a
        generated article: 90 MB at 64 MB of text, held through the rest of the stage)."""
        return DocumentSummary(self.relpath, self.events, self.published, self.title,
                               self.problems, Learned(()), FitCounts(0, Counter(), Counter()))


@dataclass(frozen=True, slots=True)
class EventNotes:
    """Per event of a run of documents (rows as in their columns): the person mentions
    (`mention_key`), and for events that can be compared with others' (`compared`) their
    content words, the figures they give ("kind=value", one count of the kind) and whether
    they say who took part."""

    mentions: CodedLists
    words: CodedLists
    figures: CodedLists
    takes_part: npt.NDArray[np.bool_]

    @classmethod
    def concat(cls, parts: Sequence[EventNotes]) -> EventNotes:
        return cls(CodedLists.concat([p.mentions for p in parts]),
                   CodedLists.concat([p.words for p in parts]),
                   CodedLists.concat([p.figures for p in parts]),
                   np.concatenate([p.takes_part for p in parts]) if parts
                   else np.zeros(0, dtype=bool))

    def take(self, rows: npt.NDArray[np.int64]) -> EventNotes:
        return EventNotes(self.mentions.take(rows), self.words.take(rows),
                          self.figures.take(rows), self.takes_part[rows])

    @property
    def rows(self) -> int:
        return len(self.takes_part)


def mention_key(mention: PersonMention) -> str:
    """What resolving a mention reads (its words, evidence and title's party), as one string:
    equal keys resolve alike, so each is resolved once."""
    return _SEP.join(mention.tokens) + _FIELD + ("1" if mention.evidence else "0") + _FIELD + (
        mention.title_party if mention.title_party is not None else "")


def mention_of(key: str) -> PersonMention:
    words, evidence, party = key.split(_FIELD)
    return PersonMention(0, 0, tuple(words.split(_SEP)), evidence == "1", party or None)


def written(key: str) -> str:
    """The mention as written (its words joined by spaces)."""
    return key.split(_FIELD, 1)[0].replace(_SEP, " ")


def compared(event: Event) -> bool:
    """Whether clustering or the near-date join may compare the event with another: only
    those read words, figures and participation."""
    return is_candidate(event) or (
        event.start is not None and event.date_source == "explicit"
        and not event.boilerplate and event.precision in DAY_PRECISIONS)


def summarise(extractions: Sequence[DocumentEvents], folder: str | Path | None,
              taxonomy: Taxonomy, rules: ConflictRules | None = None
              ) -> tuple[list[DocumentSummary], EventNotes]:
    """Summaries of documents (`taxonomy`: the folder's own, before fitting) and the notes
    of their events, in the order given."""
    rules = rules or load_rules()
    summaries: list[DocumentSummary] = []
    mentions: list[list[str]] = []
    words: list[list[str]] = []
    figures: list[list[str]] = []
    takes_part: list[bool] = []
    for extraction in extractions:
        doc, events = extraction.document, extraction.events
        learned = learn_partition(folder, ((doc.relpath, e.boilerplate, ms) for e, ms in zip(
            events, extraction.mentions, strict=True)))
        summaries.append(DocumentSummary(doc.relpath, len(events), doc.date, doc.title,
                                         doc.problems, learned, fit_counts(taxonomy, events)))
        for event, found in zip(events, extraction.mentions, strict=True):
            mentions.append([mention_key(m) for m in found])
            if compared(event):
                words.append(sorted(content_words(event.text)))
                counts, names = said_in_text(event.text, rules)
                figures.append([f"{kind}={value}" for kind, value in counts.items()])
                takes_part.append(names)
            else:
                words.append([])
                figures.append([])
                takes_part.append(False)
    return summaries, EventNotes(CodedLists.of(mentions), CodedLists.of(words),
                                 CodedLists.of(figures), np.array(takes_part, dtype=bool))


def figure_counts(values: Sequence[str]) -> dict[str, int]:
    """`EventNotes.figures` of one event back as kind → count."""
    out: dict[str, int] = {}
    for value in values:
        kind, _, count = value.rpartition("=")
        out[kind] = int(count)
    return out
