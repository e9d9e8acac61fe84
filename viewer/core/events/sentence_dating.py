"""When one sentence's happenings took place: its dated parts and the days they span.

A sentence is split into the parts its time expressions date (usually one, sometimes two:
"…ended on Wednesday, in contrast to the talks the day before"); bounds ("by Friday",
"since February 17"), reactions up to the report and windows ahead ("within two weeks") set
how far a part's days reach. The document's sentence loop (`document_events`) decides which
part dates an event and what an undated sentence inherits.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from viewer.core.events import cues
from viewer.core.events.cues import precision_of, without_appositions
from viewer.core.events.dating_prefilters import (
    may_bound,
    may_earlier_clause,
    may_reduced_relative,
    may_subject_relative,
)
from viewer.core.events.noun_dates import names_a_thing
from viewer.core.events.relative_clauses import in_relative, present_main
from viewer.core.events.since_spans import ORIGIN_PRECISIONS, lasting_origin
from viewer.core.events.split_pieces import (
    attribution_main,
    piece_stands_alone,
    told_instead,
    trimmed,
)
from viewer.core.events.told_dates import TOLD_ON, TOLD_REACH, reported_date, told_since
from viewer.core.ingest.date_evidence import dateline_end
from viewer.core.model import Document, Sentence
from viewer.core.timex import Timex
from viewer.core.timex.value_calendar import shift

_NOT_DATING = {"PRESENT_REF", "FUTURE_REF"}
_COMMA_OR_SEMICOLON = re.compile(r"[,;]")
_DAYS_OR_WEEKS = re.compile(r"P(\d+)([DW])")
_RELATION = re.compile(r"\s*(after|before)\b")
# Clause breaks; a comma between digits ("1,340") is a thousands separator, not one.
_CLAUSE = re.compile(r",(?!\d)|;|—|–| after | before | while | whereas | but ")
# Every position where a _CLAUSE alternative matches (at most one can at any position).
_CLAUSE_AT = re.compile(r"(?=(,(?!\d)|;|—|–| after | before | while | whereas | but ))")


def _dating(timexes: list[Timex], sentence_text: str, offset: int,
            published: dt.date | None = None, after: int = 0
            ) -> tuple[list[Timex], dict[int, str], list[Timex], list[Timex]]:
    """The expressions that date the sentence's happening, and by start the bounds among
    them: a deadline ahead of the report ("must file by Friday": the happening may come on
    any day from the report to Friday), a "since" that opens a span up to it ("has spread
    since February 17") or an "as of" day ("By Thursday the toll was 38"); and the months
    and years after "since" that may start a span (`since_spans`); and the dates of
    non-restrictive relative clauses, left out. Each test looks only just before its
    expression, so a long sentence with many dates stays linear."""
    usable = []
    relatives: list[Timex] = []
    origins: list[Timex] = []
    deadlines: set[int] = set()
    sinces: set[int] = set()
    as_of: set[int] = set()
    set_for: set[int] = set()
    separators: list[int] | None = None
    happenings: list[int] | None = None  # where the past verbs of happenings are (if asked)
    called_off: bool | None = None  # the sentence puts a happening off (read once, if asked)
    ahead: bool | None = None  # the sentence speaks of what lies ahead (read once, if asked)
    for timex in timexes:
        if timex.type not in ("DATE", "TIME") or timex.value in _NOT_DATING:
            continue
        if timex.earliest is None or timex.latest is None or timex.end <= after:
            continue  # no days, or the dateline's date
        if cues.SAME_DAY_OFFSET.fullmatch(timex.text):
            continue  # "An hour earlier, …": the narrative's day
        # Where the text before the expression ends, read like a slice `[:start - offset]`
        # (an expression that began in the sentence before counts from the end).
        at = slice(timex.start - offset).indices(len(sentence_text))[1]
        # (a bound does not reach over "planned for": "before talks planned for next week";
        # nor is one negated: "not expected before 2028")
        if (published is not None and timex.earliest <= published < timex.latest
                and cues.DEADLINE_HOLDING.search(sentence_text, max(0, at - cues.HOLDING_REACH),
                                                 at)
                and (ahead := ahead if ahead is not None else _told_ahead(sentence_text))):
            deadlines.add(timex.start)  # "if cases keep rising through March", told in March
        elif may_bound(sentence_text, max(0, at - cues.BOUND_REACH), at) and cues.BOUND.search(
                sentence_text, max(0, at - cues.BOUND_REACH), at) and not (
                cues.PLANNED_FOR.search(sentence_text, max(0, at - cues.PLANNED_REACH), at)
                or cues.NEGATED_BOUND.search(sentence_text, max(0, at - cues.NEGATED_REACH),
                                             at)):
            reach = max(0, at - cues.BOUND_REACH)
            if (published is not None and timex.latest <= published
                    and cues.RANK[precision_of(timex)] <= 1
                    and cues.SINCE.search(sentence_text, reach, at)):
                sinces.add(timex.start)  # "has spread since February 17": to the report
            elif (published is not None and timex.latest <= published
                    and cues.RANK[precision_of(timex)] == 0
                    and cues.AS_OF.search(sentence_text, reach, at)):
                as_of.add(timex.start)  # "By Thursday, the agency put the total at 38"
            elif (published is None or timex.latest <= published  # ahead, or reaching past it
                    or cues.RANK[precision_of(timex)] > 2  # "plans to produce by 2029"
                    or not cues.DEADLINE.search(sentence_text, reach, at)):
                if (published is not None and timex.latest <= published
                        and precision_of(timex) in ORIGIN_PRECISIONS
                        and cues.SINCE.search(sentence_text, reach, at)):
                    if separators is None:
                        separators = [m.start()
                                      for m in _COMMA_OR_SEMICOLON.finditer(sentence_text)]
                    if not in_relative(sentence_text, separators, at):
                        origins.append(timex)  # "have discussed a bridge since 2019"
                continue  # "until the court rules in 2027"
            else:
                deadlines.add(timex.start)
        if separators is None:
            separators = [m.start() for m in _COMMA_OR_SEMICOLON.finditer(sentence_text)]
        if in_relative(sentence_text, separators, at):
            if not (cues.PLANNED_FOR.search(sentence_text, max(0, at - cues.PLANNED_REACH), at)
                    and (called_off := called_off if called_off is not None
                         else cues.CALLED_OFF.search(sentence_text) is not None)):
                relatives.append(timex)
                continue  # "talks, which collapsed in 2023"
            set_for.add(timex.start)  # "…, which had been set for May": not the narrative's
        if may_reduced_relative(sentence_text, max(0, at - cues.REDUCED_REACH), at) and \
                cues.REDUCED_RELATIVE.search(sentence_text, max(0, at - cues.REDUCED_REACH), at):
            continue  # "the dairy duties it announced last week"
        if may_earlier_clause(sentence_text, max(0, at - cues.EARLIER_REACH), at) and (
                earlier := cues.EARLIER_CLAUSE.search(sentence_text,
                                                      max(0, at - cues.EARLIER_REACH), at)):
            if happenings is None:
                happenings = cues.past_happenings(sentence_text)
            if bisect_left(happenings, earlier.start()) == 0:
                continue  # "said Togo was considering it, after the judges refused in July"
        if names_a_thing(sentence_text, at, at + len(timex.text)):
            continue  # "had nothing to do with Monday's vote"
        if (may_subject_relative(sentence_text, max(0, at - cues.SUBJECT_RELATIVE_REACH), at)
                and cues.SUBJECT_RELATIVE.search(sentence_text,
                                                 max(0, at - cues.SUBJECT_RELATIVE_REACH), at)
                and cues.SAID_AFTER.match(sentence_text, at + len(timex.text))):
            continue  # "Villagers who fled the fighting in July said …"
        usable.append(timex)
    bounds = {**dict.fromkeys(deadlines, "deadline"), **dict.fromkeys(sinces, "since"),
              **dict.fromkeys(as_of, "as of"), **dict.fromkeys(set_for, "set for")} if (
        deadlines or sinces or as_of or set_for) else {}  # (most sentences have no bound)
    return usable, bounds, origins, relatives


def _told_ahead(sentence_text: str) -> bool:
    """The sentence speaks of what lies ahead: a future cue, or no past verb other than one
    of saying ("Forecasters expect little rain until the end of the year")."""
    return cues.future_in(sentence_text) is not None or all(
        cues.REPORTING.fullmatch(past.group()) for past in cues.PAST.finditer(sentence_text))


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
class Part:
    """One dated happening of a sentence: its stretch of text and the days it may fall on
    (mutable: `sentence_parts` moves its ends as it splits and trims the sentence)."""

    start: int
    end: int
    timex: Timex | None
    earliest: dt.date | None
    latest: dt.date | None
    precision: str
    bounded: bool = False  # a deadline's, a "since" span, a day set for: not the narrative's
    told: Timex | None = None  # the day the news was told, when another date is the happening's
    set_for: bool = False  # dated by the day a put-off happening had been set for


def _coordinated(text: str, dating: list[Timex], best: Timex) -> Timex | None:
    """The period of the same kind joined to `best` by "and" or "to" alone ("on Tuesday and
    Wednesday", "on August 27 and 28", "from Monday to Wednesday", "in March and April",
    "the 2024-25 cuts"), by "and" and a second subject whose verb is left out ("Ghana filed
    on Thursday and Togo on Saturday"), or by "and" and the verb of its end ("began in July
    and was declared over in December"): one happening over both."""
    at = dating.index(best)
    rank = cues.RANK[precision_of(best)]
    if rank > cues.RANK["year"]:
        return None
    for index in (at + 1, at - 1):
        if not 0 <= index < len(dating):
            continue
        other = dating[index]
        first, second = (best, other) if index > at else (other, best)
        if cues.RANK[precision_of(other)] == rank and first.end <= second.start and (
                cues.COORDINATION.fullmatch(text, first.end, second.start)
                or cues.GAPPING.fullmatch(text, first.end, second.start)
                or cues.ENDING.fullmatch(text, first.end, second.start)):
            return other
    return None


def telling_part(part: Part) -> Part:
    """The part as the narrative goes on from it: dated by the day its news was told."""
    told = part.told
    if told is None:
        return part
    return Part(part.start, part.end, told, told.earliest, told.latest, precision_of(told))


def sentence_parts(doc: Document, sentence: Sentence, timexes: list[Timex],
                   durations: list[Timex]) -> list[Part]:
    """The dated happenings of a sentence: usually one, sometimes two."""
    if not timexes:  # no date of its own, nor a bound or an origin (half the sentences of
        # the unseen stories, a quarter of the generated corpus)
        return [Part(sentence.start, sentence.end, None, None, None, "")]
    text = doc.sentence_text(sentence)
    dateline = dateline_end(doc.text, sentence.start, sentence.end) or 0
    found, bounds, origins, relatives = _dating(timexes, text, sentence.start, doc.date,
                                                dateline)
    dating = without_appositions(doc.text, found)
    if not dating and relatives and present_main(text, relatives[0].start - sentence.start):
        dating = relatives[:1]  # the present main clause tells what the relative clause dates
    if not dating:
        lasting = lasting_origin(text, sentence.start, origins, doc.date)
        if lasting is not None:  # "have not spoken since July": from July to the report
            return [Part(sentence.start, sentence.end, lasting, lasting.earliest, doc.date,
                         precision_of(lasting), True)]
        return [Part(sentence.start, sentence.end, None, None, None, "")]
    best = dating[0] if len(dating) == 1 else min(
        dating, key=lambda t: (cues.RANK[precision_of(t)], t.start))
    told = reported_date(doc.text, dating, best, bounds, doc.date)
    if told is not None:
        best, told = told, best
    main = Part(sentence.start, sentence.end, best,
                 doc.date if bounds.get(best.start) == "deadline" else best.earliest,
                 doc.date if bounds.get(best.start) == "since" else best.latest,
                 precision_of(best), best.start in bounds, told)
    joined = _coordinated(doc.text, dating, best) if len(dating) > 1 else None
    if joined is not None and joined.earliest is not None and joined.latest is not None \
            and main.earliest is not None and main.latest is not None:
        main.earliest = min(main.earliest, joined.earliest)
        main.latest = max(main.latest, joined.latest)
    if bounds.get(best.start) == "set for":  # the narrative goes on from the telling day
        main.set_for = True
        main.told = next((t for t in dating if t is not best and TOLD_ON.search(
            doc.text, max(0, t.start - TOLD_REACH), t.start)), None)
    origin = told_since(doc.text, text, sentence.start, dating, origins, best, bounds, told)
    if origin is not None:  # "have grown since February, the agency said on Tuesday"
        main.earliest = origin.earliest
        if not main.bounded:
            main.told = best  # the narrative goes on from the telling day
    parts = [main]
    clauses = _Clauses(doc.text, sentence.start, sentence.end)
    # A second dated happening in its own clause.
    for other in dating:
        if other is best or other is joined or other is told or other is origin or (
                other.earliest, other.latest) == (
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
        if not piece_stands_alone(doc.text, *((split, sentence.end) if other.start > best.start
                                             else (sentence.start, split)), other):
            if not main.set_for and told_instead(main, other, other.start < best.start,
                                                 doc.date):
                main.told = other  # the narrative goes on from the day told, as it did
            continue  # "…, the port said on Monday.": the sentence stays whole
        if other.start < best.start and attribution_main(doc.text, split, sentence.end, best):
            # "Exports fell in August, the port said on Friday.": one event, dated by
            # its own clause; the narrative goes on from the telling day if that is ahead
            whole = Part(sentence.start, sentence.end, other, other.earliest, other.latest,
                         precision_of(other))
            if not main.bounded and told_instead(whole, best, False, doc.date):
                whole.told = best
            parts, main, best = [whole], whole, other
            break
        if other.start > best.start:
            main.end = split
            parts.append(Part(split, sentence.end, other, other.earliest, other.latest,
                               precision_of(other)))
        else:
            main.start = split
            parts.insert(0, Part(sentence.start, split, other, other.earliest, other.latest,
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
            if not piece_stands_alone(doc.text, clause_start, sentence.end, None):
                continue  # "a day after the agreed repair date": a reference point
            main.end = duration.start
            parts.append(Part(clause_start, sentence.end, duration, day, day, "day"))
            break
    for part in parts:
        part.start, part.end = trimmed(doc.text, part.start, part.end)
    return parts
