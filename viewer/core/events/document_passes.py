"""Passes over one document's finished events: the headline's date and the speakers.

They run after the sentence loop (`document_events`) because each needs the whole document's
events: the headline takes the lead's news day, and whether a statement is one side's claim
depends on the dispute the document shows.
"""

from __future__ import annotations

import re

from viewer.core.events import cues
from viewer.core.events.cue_scan import fold
from viewer.core.events.event_record import Event, evolve, spoken
from viewer.core.events.modality import ModalityRules, with_speaker
from viewer.core.events.people import PersonMention
from viewer.core.events.sentence_dating import Part
from viewer.core.events.shared_values import Shared
from viewer.core.events.speaker_sources import Speaker
from viewer.core.model import Document


def date_headline(events: list[Event], lead: Part | None, doc: Document) -> None:
    """A headline without a date of its own tells the story's news day, which only the lead
    names ("Court orders a halt to drilling" over "The court ruled on Friday …"): it takes
    the lead's day instead of the publication date, unless it speaks of the future. (Its
    copies are made by `evolve`: `dataclasses.replace` of an event cost about ten times as
    much, for a third of all documents.)"""
    first = next((i for i, e in enumerate(events) if not e.boilerplate), None)
    if first is not None and (_plan_headline(events, first, doc)
                              or _put_off_headline(events, first, doc)):
        return
    if (first is None or lead is None or lead.earliest is None or doc.date is None
            or not lead.earliest < doc.date):
        return
    event = events[first]
    if not _display_line(event, doc):
        return
    events[first] = evolve(
        event, start=lead.earliest, end=lead.latest, precision=lead.precision,
        date_source="inherited", timex=lead.timex.text if lead.timex else None,
        timex_value=lead.timex.value if lead.timex else None)
    # The deck under it: a reaction in the headline's present spans the news day and the report
    deck = first + 1
    if (deck < len(events) and not events[deck].boilerplate
            and doc.sentences[events[deck].sentence].paragraph
            == doc.sentences[event.sentence].paragraph + 1
            and _display_line(events[deck], doc) and _DECK_REACTION.search(events[deck].text)):
        events[deck] = evolve(
            events[deck], start=lead.earliest, end=doc.date, precision=lead.precision,
            date_source="inherited", timex=lead.timex.text if lead.timex else None,
            timex_value=lead.timex.value if lead.timex else None)


_DECK_REACTION = re.compile(rf"\b(?:{cues.alternation(cues.CUES.get('deck_reactions', []))})\b")


# "Committee to review electoral commission": a headline that announces a plan in the
# infinitive, the headline's future.
_HEADLINE_PLAN = re.compile(r"\bto\s+(?!be\b)[a-z]+\b")


def _plan_headline(events: list[Event], first: int, doc: Document) -> bool:
    """A headline that announces a plan ("Committee to review electoral commission") over a
    lead that dates it ahead of the report ("… will begin hearings on October 5") takes the
    plan's days, also when the headline names only the week or month the lead's days fall in
    ("… to strike for 48 hours next week" over "… from 6 a.m. next Tuesday"); True when it
    did."""
    event = events[first]
    own = _coarse_own_date(event, doc)
    if doc.date is None or not (own or _display_line(event, doc)) or not _HEADLINE_PLAN.search(
            event.text):
        return False
    body = next((e for e in events[first + 1:] if not e.boilerplate
                 and not (_line(e, doc) if own else _display_line(e, doc))), None)
    if (body is None or body.date_source != "explicit" or body.start is None
            or body.start <= doc.date):
        return False
    if own and not (event.start is not None and event.end is not None and body.end is not None
                    and event.start <= body.start and body.end <= event.end):
        return False  # the lead's days must fall in the week or month the headline names
    events[first] = evolve(
        event, start=body.start, end=body.end, precision=body.precision,
        date_source="inherited", timex=body.timex, timex_value=body.timex_value)
    return True


_PUT_OFF = re.compile(rf"\b(?:{cues.alternation(cues.CUES.get('put_off_headlines', []))})\b",
                      re.IGNORECASE)


def _fewest(words: set[str]) -> tuple[str, ...]:
    """The words none of the others is part of ("postpone" stands for "postponed" too)."""
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


# A headline holds none of these words (folded as the cue pass folds: what a case-blind
# expression matches of ASCII words) where `_PUT_OFF`, a case-blind list tried at every
# character (16 µs a headline), cannot match: each of its phrases opens with one of them.
# None when a phrase is not plain ASCII (the fold may then not read it as the expression does).
_PUT_OFF_WORDS: tuple[str, ...] | None = (
    _fewest({p.split()[0].lower() for p in cues.CUES.get("put_off_headlines", []) if p.split()})
    if all(p.isascii() and p.split() for p in cues.CUES.get("put_off_headlines", [])) else None)


def may_put_off(text: str) -> bool:
    """Whether `_PUT_OFF` may match in `text` (False: it cannot)."""
    if _PUT_OFF_WORDS is None:
        return True
    return cues.holds_any(fold(text), _PUT_OFF_WORDS)  # (asked of most events)


def _line(event: Event, doc: Document) -> bool:
    """A headline or deck by its shape: a paragraph of its own without a full stop."""
    sentence = doc.sentences[event.sentence]
    paragraph = doc.paragraphs[sentence.paragraph]
    return ((paragraph.start, paragraph.end) == (sentence.start, sentence.end)
            and not event.text.rstrip().endswith("."))


def _coarse_own_date(event: Event, doc: Document) -> bool:
    """A headline line dated by a week or a month of its own ("Dockworkers to strike for 48
    hours next week"): the lead may name the days of that week or month the plan takes (the
    lead is then the first sentence after the headline and its deck)."""
    return (event.date_source == "explicit" and event.precision in ("week", "month")
            and _line(event, doc))


def _put_off_headline(events: list[Event], first: int, doc: Document) -> bool:
    """A headline that tells a happening put off or called off ("Border talks pushed back
    two weeks") over a lead that dates that happening ("… due to open on Monday, has been
    postponed") takes the happening's days, as what was put off is dated when it was to take
    place (`put_off_headlines` in resources/events.toml); True when it did."""
    event = events[first]
    if not _display_line(event, doc) or not (may_put_off(event.text)
                                              and _PUT_OFF.search(event.text)):
        return False
    body = next((e for e in events[first + 1:] if not e.boilerplate
                 and not _display_line(e, doc)), None)
    if (body is None or body.date_source != "explicit" or body.start is None
            or body.modality not in ("postponed", "cancelled")):
        return False
    events[first] = evolve(
        event, start=body.start, end=body.end, precision=body.precision,
        date_source="inherited", timex=body.timex, timex_value=body.timex_value)
    return True


def _display_line(event: Event, doc: Document) -> bool:
    """A headline or deck dated by the report alone: a paragraph of its own, no full stop,
    nothing ahead."""
    return (event.date_source == "document" and _line(event, doc)
            and not cues.FUTURE.search(event.text.rstrip()))


_QUOTED = re.compile(r'[“”"«»]')  # a quotation: words in the speaker's own voice


def _sides(events: list[Event], neutral: frozenset[str]) -> frozenset[str]:
    """The parties of the document's dispute: those of its accusations and denials (before
    speakers are known, a claim or denial comes only from such a cue), less the neutral
    ones (courts, the UN). A statement by a state or body outside them ("Greece said it was
    sending rescuers" in a story of Turkey and Syria accusing each other), or in a document
    without a dispute, is not one side's claim."""
    return frozenset(p for e in events if e.modality in ("claimed", "denied")
                     for p in e.parties if p not in neutral)


def add_speakers(events: list[Event], mentions: list[tuple[PersonMention, ...]],
                 slots: list[int], speakers: list[Speaker | None],
                 rules: ModalityRules | None, neutral: frozenset[str],
                 share: Shared | None = None) -> None:
    """Each event's speaker; a named speaker joins its people (and so, later, its party
    joins the event's parties), a body's own party joins the parties at once; a plain
    statement with a speaker becomes that speaker's claim, unless the source is neutral or
    stands outside the document's dispute (see `_sides`)."""
    sides = _sides(events, neutral)
    share = Shared() if share is None else share
    for index, slot in enumerate(slots):
        speaker = speakers[slot]
        if speaker is None:
            continue
        event = events[index]
        parties = share[tuple(dict.fromkeys((*event.parties, *speaker.parties)))]
        own = speaker.parties or speaker.side or tuple(
            [m.title_party for m in speaker.people if m.title_party])
        # Not what a neutral source reports, nor an act. Where the document shows a dispute
        # (accusations, denials), a claim is what one of its sides says (police named as
        # themselves speak from their state's side), or words a source with no party of its
        # own quotes in its own voice; such a source unquoted ("a trade lawyer", "local
        # officials"), or a state outside the dispute even in its own words (a mediator),
        # reports. Where the document shows no dispute, anyone's statement is their claim.
        quoted = not own and _QUOTED.search(event.text) is not None
        claim = not (speaker.neutral or speaker.act) and (
            not sides or not sides.isdisjoint(own) or quoted)
        modality = with_speaker(event.modality, rules) if claim else event.modality
        why = share[(*event.why, *[share[f"party:{p}:speaker {speaker.name}"]
                                   for p in speaker.parties if p not in event.parties])]
        events[index] = spoken(event, speaker.name, parties, modality, why)
        known = {m.start for m in mentions[index]}
        mentions[index] += tuple([m for m in speaker.people if m.start not in known])
