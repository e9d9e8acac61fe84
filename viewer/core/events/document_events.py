"""Events from one document: which sentences report something, and when.

A sentence's date comes from its own time expression when one dates the happening
(`explicit`), else from the narrative's focus (`inherited`: "On Wednesday, … He vowed …"),
else from the publication date (`document`). A sentence with two dated happenings ("…ended
on Wednesday, in contrast to the talks the day before"; "…just one day after five people were
killed") yields two events. People and clusters are added later, over the whole folder.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import operator
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Any

from viewer.core.events import cues
from viewer.core.events.cue_sets import MODALITY, REFERENCE, automaton_for
from viewer.core.events.cues import precision_of, without_appositions
from viewer.core.events.modality import ModalityRules, modality_of, with_speaker
from viewer.core.events.modality import load_rules as load_modality
from viewer.core.events.modality_context import continue_modalities
from viewer.core.events.narrative_focus import (
    background,
    continues_plan,
    opens_quote,
    run_end,
    spread_start,
    told_day,
    up_to_the_report,
)
from viewer.core.events.parties import Gazetteer, Mention
from viewer.core.events.people import PersonMention, find_people
from viewer.core.events.record_builder import slot_constructor
from viewer.core.events.sentence_repeats import SentenceRepeats
from viewer.core.events.shared_values import Shared
from viewer.core.events.speaker_rules import SpeakerRules
from viewer.core.events.speaker_rules import load_rules as load_speaker_rules
from viewer.core.events.speaker_sources import Speaker
from viewer.core.events.speakers import find_speakers
from viewer.core.events.topics import Taxonomy
from viewer.core.ingest.boilerplate import furniture_clause
from viewer.core.ingest.date_evidence import dateline_end
from viewer.core.model import Document, Sentence
from viewer.core.timex import Tagger, Timex
from viewer.core.timex.value_calendar import shift


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


def evolve(event: Event, **changes: Any) -> Event:
    """`dataclasses.replace` for events at under half its cost (one C call reads every
    field): the folder stage copies thousands of events, and its generic field loop was
    5 % of extraction."""
    values = list(_EVENT_VALUES(event))
    for name, value in changes.items():
        values[_EVENT_INDEX[name]] = value
    return new_event(*values)


@dataclass(frozen=True, slots=True)
class DocumentEvents:
    """One document's extraction: its events and the person names they contain."""

    document: Document
    events: tuple[Event, ...]
    mentions: tuple[tuple[PersonMention, ...], ...]  # per event
    timexes: tuple[Timex, ...]


_NOT_DATING = {"PRESENT_REF", "FUTURE_REF"}
_FUNCTION_WORDS = frozenset(
    "a an the and or but nor of on in at to for with by from as into onto over under vs via "
    "amid after before".split()
)


_COMMA_OR_SEMICOLON = re.compile(r"[,;]")
_DAYS_OR_WEEKS = re.compile(r"P(\d+)([DW])")
_RELATION = re.compile(r"\s*(after|before)\b")
# Clause breaks; a comma between digits ("1,340") is a thousands separator, not one.
_CLAUSE = re.compile(r",(?!\d)|;|—|–| after | before | while | whereas | but ")
# Every position where a _CLAUSE alternative matches (at most one can at any position).
_CLAUSE_AT = re.compile(r"(?=(,(?!\d)|;|—|–| after | before | while | whereas | but ))")


def event_id(relpath: str, text: str, occurrence: int, part: int) -> str:
    """Stable across runs and across changes to other files or other sentences."""
    return _event_id(relpath, " ".join(text.split()), occurrence, part)


def _event_id(relpath: str, normal: str, occurrence: int, part: int) -> str:
    """`event_id` of a text already reduced to single spaces."""
    key = "\x1f".join([relpath, normal, str(occurrence), str(part)])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def reports_something(doc: Document, sentence: Sentence, index_in_doc: int) -> bool:
    """Body sentences and headlines that state something; not labels, questions, subheads."""
    text = doc.sentence_text(sentence).strip()
    words = text.split()
    if not words or text.endswith((":", "?")):
        return False
    if len(words) < 4:
        return False
    # Subheadings are structure; a headline-like line in page furniture ("Read More: …") is
    # still kept, as a boilerplate event hidden by default. Words are weighed only for a
    # line that could be a subheading (most sentences are not a paragraph of their own).
    para = doc.paragraphs[sentence.paragraph]
    if (sentence.paragraph <= 2 or sentence.boilerplate is not None
            or para.start != sentence.start or para.end != sentence.end
            or text[-1] in ".!\"”’'"):
        return True
    content = [w.strip("“”\"'‘’()") for w in words if w.lower() not in _FUNCTION_WORDS]
    capitalised = sum(1 for w in content if w[:1].isupper()) / max(1, len(content))
    return capitalised < 0.6


def _dating(timexes: list[Timex], sentence_text: str, offset: int,
            published: dt.date | None = None, after: int = 0
            ) -> tuple[list[Timex], dict[int, str]]:
    """The expressions that date the sentence's happening, and by start the bounds among
    them: a deadline ahead of the report ("must file by Friday": the happening may come on
    any day from the report to Friday), a "since" that opens a span up to it ("has spread
    since February 17") or an "as of" day ("By Thursday the toll was 38"). Each test looks
    only just before its expression, so a long sentence with many dates stays linear."""
    usable = []
    deadlines: set[int] = set()
    sinces: set[int] = set()
    as_of: set[int] = set()
    separators: list[int] | None = None
    for timex in timexes:
        if timex.type not in ("DATE", "TIME") or timex.value in _NOT_DATING:
            continue
        if timex.earliest is None or timex.latest is None or timex.end <= after:
            continue  # no days, or the dateline's date
        # Where the text before the expression ends, read like a slice `[:start - offset]`
        # (an expression that began in the sentence before counts from the end).
        at = slice(timex.start - offset).indices(len(sentence_text))[1]
        if cues.BOUND.search(sentence_text, max(0, at - cues.BOUND_REACH), at):
            reach = max(0, at - cues.BOUND_REACH)
            if (published is not None and timex.latest <= published
                    and cues.RANK[precision_of(timex)] <= 1
                    and cues.SINCE.search(sentence_text, reach, at)):
                sinces.add(timex.start)  # "has spread since February 17": to the report
            elif (published is not None and timex.latest <= published
                    and cues.RANK[precision_of(timex)] == 0
                    and cues.AS_OF.search(sentence_text, reach, at)):
                as_of.add(timex.start)  # "By Thursday, the agency put the total at 38"
            elif (published is None or timex.earliest <= published
                    or cues.RANK[precision_of(timex)] > 2  # "plans to produce by 2029"
                    or not cues.DEADLINE.search(sentence_text, reach, at)):
                continue  # "until the court rules in 2027"
            else:
                deadlines.add(timex.start)
        if separators is None:
            separators = [m.start() for m in _COMMA_OR_SEMICOLON.finditer(sentence_text)]
        last = bisect_left(separators, at) - 1
        if last >= 0 and sentence_text[separators[last]] == "," and cues.RELATIVE.match(
                sentence_text, separators[last] + 1, at):
            continue  # "talks, which collapsed in 2023"
        usable.append(timex)
    return usable, {**dict.fromkeys(deadlines, "deadline"), **dict.fromkeys(sinces, "since"),
                    **dict.fromkeys(as_of, "as of")}


class _Clauses:
    """Where clause breaks are in a sentence, found once and asked about many times."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self._from: int | None = None
        self._ends: list[int] = []
        self._at: list[tuple[int, int]] | None = None

    def last_end(self, lo: int, hi: int) -> int | None:
        """End of the last break a scan of text[lo:hi] finds (breaks never overlap the
        ones a scan of the whole rest of the sentence from `lo` finds, so that scan serves
        every `hi`)."""
        if self._from != lo:
            self._from = lo
            self._ends = [m.end() for m in _CLAUSE.finditer(self.text, lo, self.end)]
        index = bisect_right(self._ends, hi) - 1
        return self._ends[index] if index >= 0 else None

    def first_start(self, lo: int, hi: int) -> int | None:
        """Start of the first break inside text[lo:hi]."""
        if lo < self.start:  # an expression that began in the sentence before
            found = _CLAUSE.search(self.text, lo, hi)
            return found.start() if found else None
        if self._at is None:
            self._at = [(m.start(), m.start() + len(m.group(1)))
                        for m in _CLAUSE_AT.finditer(self.text, self.start, self.end)]
        index = bisect_left(self._at, (lo, 0))
        while index < len(self._at) and self._at[index][0] < hi:
            if self._at[index][1] <= hi:
                return self._at[index][0]
            index += 1
        return None


@dataclass(slots=True)
class _Part:
    start: int
    end: int
    timex: Timex | None
    earliest: dt.date | None
    latest: dt.date | None
    precision: str
    bounded: bool = False  # a deadline's or a "since" span: not the narrative's day


def _coordinated(text: str, dating: list[Timex], best: Timex) -> Timex | None:
    """The period of the same kind joined to `best` by "and" or "to" alone ("on Tuesday and
    Wednesday", "on August 27 and 28", "from Monday to Wednesday", "in March and April",
    "the 2024-25 cuts"): one happening over both."""
    at = dating.index(best)
    rank = cues.RANK[precision_of(best)]
    if rank > cues.RANK["year"]:
        return None
    for index in (at + 1, at - 1):
        if not 0 <= index < len(dating):
            continue
        other = dating[index]
        first, second = (best, other) if index > at else (other, best)
        if cues.RANK[precision_of(other)] == rank and first.end <= second.start \
                and cues.COORDINATION.fullmatch(text, first.end, second.start):
            return other
    return None


def _parts(doc: Document, sentence: Sentence, timexes: list[Timex],
           durations: list[Timex]) -> list[_Part]:
    """The dated happenings of a sentence: usually one, sometimes two."""
    text = doc.sentence_text(sentence)
    dateline = dateline_end(doc.text, sentence.start, sentence.end) or 0
    found, bounds = _dating(timexes, text, sentence.start, doc.date, dateline)
    dating = without_appositions(doc.text, found)
    if not dating:
        return [_Part(sentence.start, sentence.end, None, None, None, "")]
    best = min(dating, key=lambda t: (cues.RANK[precision_of(t)], t.start))
    main = _Part(sentence.start, sentence.end, best,
                 doc.date if bounds.get(best.start) == "deadline" else best.earliest,
                 doc.date if bounds.get(best.start) == "since" else best.latest,
                 precision_of(best), best.start in bounds)
    joined = _coordinated(doc.text, dating, best)
    if joined is not None and joined.earliest is not None and joined.latest is not None \
            and main.earliest is not None and main.latest is not None:
        main.earliest = min(main.earliest, joined.earliest)
        main.latest = max(main.latest, joined.latest)
    parts = [main]
    clauses = _Clauses(doc.text, sentence.start, sentence.end)
    # A second dated happening in its own clause.
    for other in dating:
        if other is best or other is joined or (other.earliest, other.latest) == (
                best.earliest, best.latest):
            continue
        if cues.RANK[precision_of(other)] > 2:
            continue
        if other.start > best.start:
            if other.start >= best.end:
                split = clauses.last_end(best.end, other.start)
            else:  # overlapping expressions: a gap of a few characters
                cut = list(_CLAUSE.finditer(doc.text, other.start, best.end))
                split = cut[-1].end() if cut else None
        else:
            lo, hi = sorted((other.end, best.start))
            split = clauses.first_start(lo, hi)
        if split is None:
            continue
        if other.start > best.start:
            main.end = split
            parts.append(_Part(split, sentence.end, other, other.earliest, other.latest,
                               precision_of(other)))
        else:
            main.start = split
            parts.insert(0, _Part(sentence.start, split, other, other.earliest, other.latest,
                                  precision_of(other)))
        break
    # "…just one day after five people were killed…": the clause after "after" is earlier.
    if len(parts) == 1 and best.earliest and precision_of(best) in ("day", "time"):
        for duration in durations:
            relation = _RELATION.match(doc.text, duration.end, sentence.end)
            amount = _DAYS_OR_WEEKS.fullmatch(duration.value)
            if not relation or not amount:
                continue
            step = int(amount.group(1)) * (7 if amount.group(2) == "W" else 1)
            step = -step if relation.group(1) == "after" else step
            day = shift(best.earliest, "D", step)
            clause_start = relation.end()
            main.end = duration.start
            parts.append(_Part(clause_start, sentence.end, duration, day, day, "day"))
            break
    for part in parts:
        while part.start < part.end and doc.text[part.start] in " ,;:—–":
            part.start += 1
        while part.end > part.start and doc.text[part.end - 1] in " ,;:—–":
            part.end -= 1
    return parts


def _reaction_end(text: str, precision: str, latest: dt.date | None,
                  published: dt.date | None) -> dt.date | None:
    """A reaction inheriting an earlier news day may have come on any day up to the report,
    and "… since." runs up to it: the interval ends on the publication date (`reaction`,
    `since_then` in resources/events.toml)."""
    if (published is not None and latest is not None and latest < published
            and precision in ("day", "time")
            and (cues.is_reaction(text) or cues.SINCE_THEN.search(text))):
        return published
    return latest


_AMOUNT = re.compile(r"P(\d+)([DWMY])")


def _window_end(text: str, start: int, end: int, durations: list[Timex], sentence: str,
                base: dt.date | None, precision: str) -> dt.date | None:
    """The last day of a window ahead that the clause sets for its happening ("within two
    weeks", "over the next three weeks", "has seven days to"): counted from the day the
    happening is dated by (`window_*` in resources/events.toml), or None."""
    if base is None or precision not in ("day", "time"):
        return None
    for duration in durations:
        if not start <= duration.start < end:
            continue
        amount = _AMOUNT.fullmatch(duration.value)
        if amount is None or (duration.earliest is not None and duration.earliest < base):
            continue  # "over the previous three weeks" looks back
        if cues.WINDOW_AFTER.match(text, duration.end):
            continue  # "within 30 days after that": counted from a day the clause leaves open
        lo = max(start, duration.start - cues.WINDOW_REACH)
        opened = cues.WINDOW_BEFORE.search(text, lo, duration.start) or (
            cues.WINDOW_HAS.search(text, lo, duration.start)
            and cues.WINDOW_TO.match(text, duration.end))
        if opened and (cues.FUTURE.search(sentence) or cues.WINDOW_HAS.search(
                text, lo, duration.start)):
            return shift(base, amount.group(2), int(amount.group(1)))
    return None


def extract_document(doc: Document, tagger: Tagger, gazetteer: Gazetteer,
                     taxonomy: Taxonomy, modality: ModalityRules | None = None,
                     speakers: SpeakerRules | None = None) -> DocumentEvents:
    """Every event of one document, with parties, topics, modality and speaker; people come
    later."""
    timexes = tagger.tag(doc.text, doc.date)
    modality = modality or load_modality()
    speakers = speakers or load_speaker_rules()
    # Modality cues, speech verbs, party references: one pass over the document, read per
    # sentence below.
    found_cues = automaton_for(modality, speakers, gazetteer).scan(doc.text)
    index = 0  # the first expression that may reach into the sentence at hand
    events: list[Event] = []
    mentions: list[tuple[PersonMention, ...]] = []
    repeats = SentenceRepeats(lambda n: " ".join(doc.sentence_text(doc.sentences[n]).split()))
    share = Shared()
    focus: _Part | None = None
    named: dict[str, int] = {}  # party → where the article last named it
    opened: str | None = None  # the party the last body sentence opened with
    times: dict[str, int] = {}  # party → how often the article named it
    focus_paragraph = -1
    told_before = last_told = -1  # the sentence that set the focus; the last one read
    lead: _Part | None = None  # the news day: the lead's first past day
    lead_closed = False
    first_body = next((s.paragraph for s in doc.sentences if s.boilerplate is None), 0)
    said: list[tuple[int, int, int, bool]] = []  # for the speaker pass
    said_people: list[tuple[PersonMention, ...]] = []
    said_parties: list[list[Mention]] = []
    said_slot: list[int] = []  # per event: its sentence's place in `said`
    for number, sentence in enumerate(doc.sentences):
        while index < len(timexes) and timexes[index].end <= sentence.start:
            index += 1
        if not reports_something(doc, sentence, number):
            continue
        text = doc.sentence_text(sentence)
        normal = " ".join(text.split())
        occurrence = repeats.seen(normal, number)
        found = []
        scan = index
        while scan < len(timexes) and timexes[scan].start < sentence.end:
            found.append(timexes[scan])
            scan += 1
        durations = [t for t in found if t.type == "DURATION"]
        parts = _parts(doc, sentence, found, durations)
        new_paragraph = sentence.boilerplate is None and sentence.paragraph != focus_paragraph
        if new_paragraph and not (cues.ANAPHOR.search(text) and cues.PAST.search(text)):
            focus = lead  # a new paragraph goes back to the story's own news day
        # Party mentions and topics are found once per sentence and reused for its parts.
        if sentence.boilerplate is None and not named:
            seat = gazetteer.dateline_state(doc.text, sentence.start, sentence.end)
            if seat is not None:
                named[seat] = -1  # named before anything the article names
        party_mentions = gazetteer.mentions(doc.text, sentence.start, sentence.end)
        referring = gazetteer.references(doc.text, sentence.start, sentence.end, named,
                                         found_cues.find(REFERENCE, sentence.start, sentence.end),
                                         times)
        if sentence.boilerplate is None:
            it = gazetteer.pronoun_reference(doc.text, sentence.start, sentence.end, opened)
            referring = [*referring, it] if it is not None else referring
            opened = gazetteer.subject(doc.text, sentence.start, [*party_mentions, *referring])
            for mention in party_mentions:
                named[mention.party] = mention.start
                times[mention.party] = times.get(mention.party, 0) + 1
        sentence_parties = list(dict.fromkeys(m.party for m in (*party_mentions, *referring)))
        sentence_topics: tuple[tuple[str, str], ...] | None = None  # (topic, cue) pairs
        modality_cues = found_cues.find(MODALITY, sentence.start, sentence.end, sliced=True)
        if modality_cues is not None:  # offsets into the sentence's text
            modality_cues = [(a - sentence.start, b - sentence.start) for a, b in modality_cues]
        people = tuple(find_people(doc.text, [(sentence.start, sentence.end)], gazetteer,
                                   mentions=party_mentions, titles=speakers.titles))
        said.append((sentence.start, sentence.end, sentence.paragraph,
                     sentence.boilerplate is not None))
        said_people.append(people)
        # references ("the ministry", "the group") name the state or group a body speaks for
        said_parties.append(sorted((*party_mentions, *referring), key=lambda m: m.start))
        for part_number, part in enumerate(parts):
            timex = part.timex
            if timex is not None and cues.counted_past_the_report(timex, text, doc.date):
                timex = None  # dated as if it wrote no date
            source = "explicit" if timex is not None else ""
            earliest, latest, precision = part.earliest, part.latest, part.precision
            if not source:
                plausible = (
                    focus is not None and cues.PAST.search(text) and not cues.FUTURE.search(text)
                    and (doc.date is None or focus.earliest is None
                         or focus.earliest <= doc.date)
                    # the news day reaches a later paragraph only in a plain past narrative
                    and (focus is not lead or sentence.paragraph == focus_paragraph
                         or not cues.PRESENT.search(text))
                )
                if plausible and focus is not None and sentence.boilerplate is None:
                    source, earliest, latest = "inherited", focus.earliest, focus.latest
                    precision, timex = focus.precision, focus.timex
                    if not (told_before == last_told and opens_quote(text)):
                        latest = _reaction_end(text, precision, latest, doc.date)
                elif (focus is not None and sentence.boilerplate is None
                      and sentence.paragraph == focus_paragraph
                      and not durations and continues_plan(text, focus.earliest, doc.date)):
                    # "… to Cairo next week. The United States is expected to send its envoy."
                    # (one with a time span of its own, "within 14 days", keeps its window)
                    source, earliest, latest = "inherited", focus.earliest, focus.latest
                    precision, timex = focus.precision, focus.timex
                elif (lead is not None and sentence.boilerplate is None
                      and _reaction_end(text, lead.precision, lead.latest, doc.date)
                      != lead.latest):
                    # A reaction told in the present of the report, to the story's news day.
                    source, earliest, latest = "inherited", lead.earliest, doc.date
                    precision, timex = lead.precision, lead.timex
                elif doc.date is not None:
                    source, earliest, latest, precision = "document", doc.date, doc.date, "day"
                    timex = None
                else:
                    source, precision, timex = "undated", "none", None
            if source == "explicit" and not part.bounded:
                earliest, latest = up_to_the_report(text, precision, earliest, latest, doc.date)
                run = run_end(doc.text, (part.start, part.end), durations, text, earliest,
                              precision)
                latest = run if run is not None and latest is not None and run > latest \
                    else latest
            if source in ("explicit", "inherited") and earliest == latest:
                spread = spread_start(doc.text, (part.start, part.end), durations, text,
                                      earliest, precision,
                                      part.timex.start if source == "explicit" and part.timex
                                      else part.start)
                earliest = spread if spread is not None else earliest
            if source in ("document", "inherited") and earliest is not None \
                    and latest is not None:
                window = _window_end(doc.text, part.start, part.end, durations, text,
                                     earliest, precision)
                latest = window if window is not None and window > latest else latest
            whole = (part.start, part.end) == (sentence.start, sentence.end)
            span_text = share[text if whole else doc.text[part.start : part.end]]
            parties = sentence_parties if whole else (
                list(dict.fromkeys(m.party for m in (*party_mentions, *referring)
                                   if part.start <= m.start and m.end <= part.end))
                or sentence_parties)
            if whole:
                if sentence_topics is None:
                    sentence_topics = taxonomy.explain(text)
                topic_pairs = sentence_topics
            else:
                topic_pairs = taxonomy.explain(span_text)
                if not topic_pairs:
                    if sentence_topics is None:
                        sentence_topics = taxonomy.explain(text)
                    topic_pairs = sentence_topics
            topics = share[tuple(t for t, _ in topic_pairs)]
            party_why: dict[str, str] = {}
            for mention in (*party_mentions, *referring):
                if mention.party in parties and part.start <= mention.start < part.end:
                    party_why.setdefault(mention.party, doc.text[mention.start:mention.end])
            for party in parties:
                party_why.setdefault(party, next(
                    doc.text[m.start:m.end] for m in (*party_mentions, *referring)
                    if m.party == party))
            eid = _event_id(doc.relpath, normal, occurrence, part_number)
            anchor = part.timex.start - sentence.start if source == "explicit" and part.timex \
                else None
            ahead = part.timex.earliest if source == "explicit" and part.timex else earliest
            future = (source == "explicit" and doc.date is not None and ahead is not None
                      and ahead > doc.date)
            events.append(new_event(
                id=eid, cluster=eid,  # a cluster of one until the folder stage links it
                document=doc.relpath, text=span_text, char_start=part.start,
                char_end=part.end, start=earliest, end=latest, precision=precision,
                date_source=source, timex=timex.text if timex else None,
                timex_value=timex.value if timex else None, parties=share[tuple(parties)],
                people=(),
                topics=topics, sentence=number,
                boilerplate=sentence.boilerplate is not None or (
                    not whole and furniture_clause(span_text)),
                modality=modality_of(text, anchor, future, modality, modality_cues),
                # Reported on its article's date; the folder stage widens first and last
                # for clusters of several articles (so most events need no copy there).
                reported=doc.date, first_reported=doc.date, last_reported=doc.date,
                why=share[(*(share[f"party:{p}:{surface}"] for p, surface in party_why.items()),
                           *(share[f"topic:{t}:{cue}"] for t, cue in topic_pairs))],
            ))
            said_slot.append(len(said) - 1)
            mentions.append(tuple(m for m in people if part.start <= m.start < part.end)
                            or people)
        told = told_day(parts, doc.date)
        if (sentence.boilerplate is None and told.timex is not None
                and not told.bounded
                and not background(told.precision, told.latest,
                                   lead.earliest if lead else None)
                and not cues.counted_past_the_report(told.timex, text, doc.date)):
            focus = told
            told_before = number
            if (lead is None and not lead_closed and focus.precision == "day"
                    and (doc.date is None or (focus.earliest is not None
                                              and focus.earliest <= doc.date))):
                lead = focus
        if sentence.boilerplate is None and number > 0 and not lead_closed:
            lead_closed = sentence.paragraph >= cues.LEAD_PARAGRAPHS + first_body
        if sentence.boilerplate is None:
            focus_paragraph = sentence.paragraph
            last_told = number
    _date_headline(events, lead, doc)
    continue_modalities(events, lambda n: doc.sentences[n].paragraph, modality)
    speakers = speakers or load_speaker_rules()
    _add_speakers(events, mentions, said_slot,
                  find_speakers(doc.text, said, said_people, said_parties, speakers, found_cues),
                  modality, speakers.neutral_parties, share)
    return DocumentEvents(doc, tuple(events), tuple(mentions), tuple(timexes))


def _date_headline(events: list[Event], lead: _Part | None, doc: Document) -> None:
    """A headline without a date of its own tells the story's news day, which only the lead
    names ("Court orders a halt to drilling" over "The court ruled on Friday …"): it takes
    the lead's day instead of the publication date, unless it speaks of the future."""
    first = next((i for i, e in enumerate(events) if not e.boilerplate), None)
    if (first is None or lead is None or lead.earliest is None or doc.date is None
            or not lead.earliest < doc.date):
        return
    event = events[first]
    sentence = doc.sentences[event.sentence]
    paragraph = doc.paragraphs[sentence.paragraph]
    text = event.text.rstrip()
    if (event.date_source != "document" or (paragraph.start, paragraph.end)
            != (sentence.start, sentence.end) or text.endswith(".")
            or cues.FUTURE.search(text)):
        return
    events[first] = dataclasses.replace(
        event, start=lead.earliest, end=lead.latest, precision=lead.precision,
        date_source="inherited", timex=lead.timex.text if lead.timex else None,
        timex_value=lead.timex.value if lead.timex else None)


_QUOTED = re.compile(r'[“”"«»]')  # a quotation: words in the speaker's own voice


def _sides(events: list[Event], neutral: frozenset[str]) -> frozenset[str]:
    """The parties of the document's dispute: those of its accusations and denials (before
    speakers are known, a claim or denial comes only from such a cue), less the neutral
    ones (courts, the UN). A statement by a state or body outside them ("Greece said it was
    sending rescuers" in a story of Turkey and Syria accusing each other), or in a document
    without a dispute, is not one side's claim."""
    return frozenset(p for e in events if e.modality in ("claimed", "denied")
                     for p in e.parties if p not in neutral)


def _add_speakers(events: list[Event], mentions: list[tuple[PersonMention, ...]],
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
            m.title_party for m in speaker.people if m.title_party)
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
        why = share[(*event.why, *(share[f"party:{p}:speaker {speaker.name}"]
                                   for p in speaker.parties if p not in event.parties))]
        events[index] = evolve(event, speaker=speaker.name, parties=parties,
                               modality=modality, why=why)
        known = {m.start for m in mentions[index]}
        mentions[index] += tuple(m for m in speaker.people if m.start not in known)
