"""The event record and one document's extraction result, with their cheap copies.

Kept apart from the extraction so every stage that only reads or copies events (the folder
stage, the store, the views) depends on the record, not on the rules that make it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import operator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from viewer.core.events.record_builder import slot_constructor
from viewer.core.model import Document

if TYPE_CHECKING:  # the record only names them: the window loads neither the people rules
    from viewer.core.events.person_mention import PersonMention  # nor the tagger to show events
    from viewer.core.timex.model import Timex


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    document: str
    text: str
    char_start: int
    char_end: int
    start: dt.date | None
    end: dt.date | None
    precision: str
    date_source: str  # explicit, inherited, document, undated
    timex: str | None
    timex_value: str | None
    parties: tuple[str, ...]
    people: tuple[str, ...]
    topics: tuple[str, ...]
    boilerplate: bool
    sentence: int
    cluster: str = ""
    sources: int = 1
    tags: tuple[str, ...] = ()
    note: str = ""
    review: str = "unreviewed"  # unreviewed, accepted, rejected
    not_event: bool = False  # the analyst says this sentence reports nothing
    corrected: tuple[str, ...] = ()  # fields the analyst changed: date, parties, topics
    modality: str = "happened"  # planned, possible, claimed, denied, agreed, … (see modality)
    speaker: str = ""  # who says so: a person, a body, or several joined by "; "
    # Why the event has each party and topic: "party:Russia:the Kremlin", "topic:strikes:missile*"
    # (kind, what, the name or cue that matched), for a detail pane to show.
    why: tuple[str, ...] = ()
    # The second time axis (reporting): its article's publication date, and its cluster's
    # first and last report.
    reported: dt.date | None = None
    first_reported: dt.date | None = None
    last_reported: dt.date | None = None
    # What the cluster's sources disagree on: "date", "figure:prisoners", "parties".
    conflict: tuple[str, ...] = ()
    # For a planned or possible event: what a later report says became of it
    # ("happened 2026-02-01", "postponed").
    outcome: str = ""

    @property
    def undated(self) -> bool:
        return self.start is None


_EVENT_FIELDS = tuple(f.name for f in dataclasses.fields(Event))
_EVENT_INDEX = {name: k for k, name in enumerate(_EVENT_FIELDS)}
_EVENT_VALUES = operator.attrgetter(*_EVENT_FIELDS)
# `Event(...)` at half the cost (see `record_builder`): every event is made once per sentence
# part and copied by the speaker pass and the folder stage.
new_event = slot_constructor(Event)
# The fields the sentence loop gives each event, by position in this order (the rest keep
# their defaults): made once per event of every document, where naming 22 fields by keyword
# cost twice as much as building the record.
SENTENCE_EVENT_FIELDS = ("id", "cluster", "document", "text", "char_start", "char_end",
                         "start", "end", "precision", "date_source", "timex", "timex_value",
                         "parties", "people", "topics", "sentence", "boilerplate", "modality",
                         "reported", "first_reported", "last_reported", "why")
sentence_event = slot_constructor(Event, SENTENCE_EVENT_FIELDS)


def evolve(event: Event, **changes: Any) -> Event:
    """`dataclasses.replace` for events at under half its cost (one C call reads every
    field): the folder stage copies thousands of events, and its generic field loop was
    5 % of extraction."""
    values = list(_EVENT_VALUES(event))
    for name, value in changes.items():
        values[_EVENT_INDEX[name]] = value
    return new_event(*values)


_SPOKEN = tuple(_EVENT_INDEX[name] for name in ("speaker", "parties", "modality", "why"))


def spoken(event: Event, speaker: str, parties: tuple[str, ...], modality: str,
           why: tuple[str, ...]) -> Event:
    """`evolve(event, speaker=…, parties=…, modality=…, why=…)` without its walk over the
    keywords: the speaker pass copies every event it finds a speaker for."""
    values = list(_EVENT_VALUES(event))
    at_speaker, at_parties, at_modality, at_why = _SPOKEN
    values[at_speaker] = speaker
    values[at_parties] = parties
    values[at_modality] = modality
    values[at_why] = why
    return new_event(*values)


@dataclass(frozen=True, slots=True)
class DocumentEvents:
    """One document's extraction: its events and the person names they contain."""

    document: Document
    events: tuple[Event, ...]
    mentions: tuple[tuple[PersonMention, ...], ...]  # per event
    timexes: tuple[Timex, ...]
