"""Events from one document: when each sentence that reports something happened.

A sentence's date comes from its own time expression when one dates the happening
(`explicit`), else from the narrative's focus (`inherited`: "On Wednesday, … He vowed …"),
else from the publication date (`document`). A sentence with two dated happenings ("…ended
on Wednesday, in contrast to the talks the day before"; "…just one day after five people were
killed") yields two events. People and clusters are added later, over the whole folder.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from viewer.core.events import cues
from viewer.core.events.answered_news import FirstTold, answers_earlier
from viewer.core.events.broadcast_day import on_the_programme
from viewer.core.events.clause_ends import main_clause_end
from viewer.core.events.cue_sets import automaton_for
from viewer.core.events.document_passes import add_speakers, date_headline
from viewer.core.events.event_record import DocumentEvents, Event, sentence_event
from viewer.core.events.explicit_window import explicit_window
from viewer.core.events.generic_sentences import tells_a_rule
from viewer.core.events.happening_windows import reaction_end, window_end
from viewer.core.events.modality import HAPPENED, PLANNED, ModalityRules, modality_of
from viewer.core.events.modality import load_rules as load_modality
from viewer.core.events.modality_context import continue_modalities
from viewer.core.events.narrative_focus import (
    at_the_end,
    at_the_happening,
    background,
    conditional_plan,
    continues_plan,
    flashback,
    future_of_its_own,
    opens_quote,
    possible_step,
    spread_start,
    told_day,
    told_since_the_news,
)
from viewer.core.events.paragraph_anchor import goes_on_from, past_anchor
from viewer.core.events.parties import Gazetteer, Mention
from viewer.core.events.people import PersonMention
from viewer.core.events.quote_goes_on import goes_on_quoting, quotes_on
from viewer.core.events.sentence_dating import Part, telling_part
from viewer.core.events.sentence_readings import modality_cues_of, sentence_readings
from viewer.core.events.shared_values import Shared
from viewer.core.events.speaker_rules import SpeakerRules
from viewer.core.events.speaker_rules import load_rules as load_speaker_rules
from viewer.core.events.speakers import find_speakers
from viewer.core.events.speech_goes_on import goes_on_until
from viewer.core.events.topics import Taxonomy
from viewer.core.ingest.boilerplate import furniture_clause
from viewer.core.model import Document
from viewer.core.timex import Tagger, Timex


def _back_to_the_news(doc: Document, text: str, focus: Part | None, lead: Part | None,
                      told_before: int) -> bool:
    """Whether a body sentence opening a new paragraph sends the narrative back to the
    story's own news day. Not when it goes on from the sentence that set the narrative's day
    with a past verb of its own (`paragraph_anchor`); one that quotes on the speaker of the
    sentence right before is asked first (`quotes_on`)."""
    anchor = (doc.sentence_text(doc.sentences[told_before])
              if past_anchor(focus, lead, told_before, doc.date) else None)
    return not (goes_on_from(text, anchor) and cues.past_in(text) is not None)


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
    events: list[Event] = []
    mentions: list[tuple[PersonMention, ...]] = []
    share = Shared()
    focus: Part | None = None
    told_last: Part | None = None  # the day the last paragraph was at, when there is no lead
    focus_paragraph = -1
    quoting_paragraph = -1  # a paragraph quoting the speaker of the sentence before it
    told_before = last_told = -1  # the sentence that set the focus; the last one read
    stretched = -1  # the last sentence inherited up to the report
    lead: Part | None = None  # the news day: the lead's first past day
    lead_closed = False
    lead_paragraph = -1
    headline_lead: Part | None = None
    first_told: FirstTold[Part] = FirstTold()
    first_body = next((s.paragraph for s in doc.sentences if s.boilerplate is None), 0)
    said: list[tuple[int, int, int, bool]] = []  # for the speaker pass
    said_people: list[tuple[PersonMention, ...]] = []
    said_parties: list[list[Mention]] = []
    said_slot: list[int] = []  # per event: its sentence's place in `said`
    # The sentence last read and the dating of its last part: a bare quotation after it
    # goes on with the same telling (`quote_goes_on`).
    quoted: tuple[int, str, dt.date | None, dt.date | None, str, Timex | None] | None = None
    # Each sentence that reports, with its dated parts, parties, topics and ids (worked out
    # a stage at a time: `sentence_readings`).
    for (number, text, durations, parts, _named, ordered, sentence_cues,
         part_labels, (people, roles)) in sentence_readings(doc, timexes, gazetteer, taxonomy,
                                                             found_cues, share,
                                                             titles=speakers.titles):
        sentence = doc.sentences[number]
        start, end = sentence.start, sentence.end  # (read once: every stage below asks)
        cues.reading(text, start, end, found_cues)  # (its cue lists searched from their words)
        new_paragraph = sentence.boilerplate is None and sentence.paragraph != focus_paragraph
        past: bool | None = None  # whether the sentence has a past verb, once asked
        if new_paragraph and quotes_on(doc, number, text, focus is not None
                                        and told_before == last_told == number - 1):
            quoting_paragraph = sentence.paragraph  # the words of the occasion before
        elif new_paragraph and _back_to_the_news(doc, text, focus, lead, told_before):
            if lead is None and focus is not None and focus.precision == "day":
                told_last = focus  # with no news day in the lead, the last day told stands in
            focus = lead  # a new paragraph goes back to the story's own news day
        on_air = (sentence.boilerplate is None and doc.date is not None
                  and on_the_programme(text))
        if on_air:
            focus = Part(start, end, None, doc.date, doc.date, "day")  # the broadcast's day
            told_before = number
        # (offsets into `text`; only a sentence with cues is cut into clauses)
        modality_cues, clause_words, _ = sentence_cues
        said.append((start, end, sentence.paragraph, sentence.boilerplate is not None))
        said_people.append(people)
        # references ("the ministry", "the group") name the state or group a body speaks for
        said_parties.append(ordered)
        for part_number, part in enumerate(parts):
            timex = part.timex
            if timex is not None and cues.counted_past_the_report(timex, text, doc.date):
                timex = None  # dated as if it wrote no date
            source = "explicit" if timex is not None else ""
            earliest, latest, precision = part.earliest, part.latest, part.precision
            if not source:
                plausible = (
                    focus is not None
                    and (past if past is not None
                         else (past := cues.past_in(text) is not None))
                    and not future_of_its_own(text)
                    and (doc.date is None or focus.earliest is None
                         or focus.earliest <= doc.date)
                    # the news day reaches a later paragraph only in a plain past narrative
                    and (focus is not lead or sentence.paragraph == focus_paragraph
                         or not cues.PRESENT.search(text, 0, main_clause_end(text)))
                )
                if on_air:  # "On the programme, the lawyer argued …": the broadcast's day
                    source, earliest, latest, precision, timex = ("inherited", doc.date, doc.date,
                                                                  "day", None)
                elif (quoted is not None and quoted[0] == number - 1
                        and sentence.boilerplate is None
                        and doc.sentences[number - 1].paragraph == sentence.paragraph
                        and goes_on_quoting(text, doc.sentence_text(doc.sentences[number - 1]))):
                    # "“There is a text,” he told reporters. “Both sides must decide.”"
                    source, earliest, latest, precision, timex = quoted[1:]
                elif sentence.boilerplate is None and tells_a_rule(text):
                    # "Cholera returns each rainy season.": no day a reader could give
                    source, earliest, latest, precision, timex = "undated", None, None, "none", None
                elif (modality_cues != [] and possible_step(text) and modality_of(
                        text, None, False, modality, modality_cues, clause_words) == "possible"):
                    # "Brussels could also restrict landings.": no day a reader could give
                    source, earliest, latest, precision, timex = "undated", None, None, "none", None
                elif plausible and focus is not None and sentence.boilerplate is None:
                    source, earliest, latest = "inherited", focus.earliest, focus.latest
                    precision, timex = focus.precision, focus.timex
                    if precision == "day" and at_the_end(text):
                        earliest = latest  # "… at the end of the talks": their last day
                    if not ((told_before == last_told and opens_quote(text))
                            or sentence.paragraph == quoting_paragraph
                            or at_the_happening(text)):
                        latest = reaction_end(text, precision, latest, doc.date)
                        latest = goes_on_until(text, stretched == last_told, latest, doc.date)
                elif (focus is not None and sentence.boilerplate is None
                      and sentence.paragraph == focus_paragraph
                      and not durations and continues_plan(text, focus.earliest, doc.date)):
                    # "… to Cairo next week. The United States is expected to send its envoy."
                    # (one with a time span of its own, "within 14 days", keeps its window)
                    source, earliest, latest = "inherited", focus.earliest, focus.latest
                    precision, timex = focus.precision, focus.timex
                elif (lead is not None and sentence.boilerplate is None
                      and at_the_happening(text)):
                    # "…," she told reporters as the talks closed: the news day's own words
                    source, earliest, latest = "inherited", lead.earliest, lead.latest
                    precision, timex = lead.precision, lead.timex
                elif (lead is not None and sentence.boilerplate is None
                      and reaction_end(text, lead.precision, lead.latest, doc.date)
                      != lead.latest):
                    # A reaction told in the present of the report, to the story's news day.
                    source, earliest, latest = "inherited", lead.earliest, doc.date
                    precision, timex = lead.precision, lead.timex
                elif ((news := lead or told_last) is not None and sentence.boilerplate is None
                      and told_since_the_news(text, news.latest, doc.date)):
                    # "Cambodia's minister called the agreement a first step.", a paragraph on;
                    # "Ghana denied any breach." after a paragraph told on Friday
                    source, earliest, latest = "inherited", news.earliest, doc.date
                    precision, timex = news.precision, news.timex
                elif sentence.boilerplate is None and conditional_plan(text):
                    # "Ankara said the pause would end early if attacks resumed.": no day
                    source, earliest, latest, precision, timex = "undated", None, None, "none", None
                elif doc.date is not None:
                    source, earliest, latest, precision = "document", doc.date, doc.date, "day"
                    timex = None
                else:
                    source, precision, timex = "undated", "none", None
            if source == "explicit" and not part.bounded:
                earliest, latest = explicit_window(doc, sentence.start, text, part, durations,
                                                   (earliest, latest, precision, timex), focus)
            if source in ("explicit", "inherited") and earliest == latest:
                spread = spread_start(doc.text, (part.start, part.end), durations, text,
                                      earliest, precision,
                                      part.timex.start if source == "explicit" and part.timex
                                      else part.start)
                earliest = spread if spread is not None else earliest
                if (spread is not None and source == "inherited" and focus is lead
                        and lead is not None and not lead_closed
                        and lead.earliest is not None and spread < lead.earliest):
                    # "met for about nine hours over two days" in the lead: the news is both
                    # days for what follows; the headline keeps the lead's own day
                    headline_lead = headline_lead or lead
                    lead = focus = dataclasses.replace(lead, earliest=spread)
            if source in ("document", "inherited") and earliest is not None \
                    and latest is not None:
                window = window_end(doc.text, part.start, part.end, durations, text,
                                    earliest, precision)
                latest = window if window is not None and window > latest else latest
            if source in ("inherited", "document") and sentence.boilerplate is None:
                news = first_told.answered(text)  # "Syria welcomed the pause" (Friday's)
                if news is not None and answers_earlier(news.earliest, earliest, doc.date):
                    source, earliest, latest = "inherited", news.earliest, doc.date
                    precision, timex = news.precision, news.timex
            whole = part.start == start and part.end == end
            span_text, parties, topics, why, eid = part_labels[part_number]
            anchor = part.timex.start - sentence.start if source == "explicit" and part.timex \
                else None
            ahead = part.timex.earliest if source == "explicit" and part.timex else earliest
            future = (source == "explicit" and doc.date is not None and ahead is not None
                      and ahead > doc.date)
            if part.set_for:  # the day a put-off happening was due: the putting off is read
                anchor = part.told.start - sentence.start if part.told else None
                future = False
            # (by position, in the order of `SENTENCE_EVENT_FIELDS`, each line's names)
            events.append(sentence_event(
                eid, eid,  # id; cluster: one of its own until the folder stage links it
                doc.relpath, span_text, part.start, part.end,  # document, text, char_*
                earliest, latest, precision, source,  # start, end, precision, date_source
                timex.text if timex else None, timex.value if timex else None,  # timex_*
                parties, (), topics, number,  # parties, people, topics, sentence
                sentence.boilerplate is not None or (  # boilerplate
                    not whole and furniture_clause(span_text)),
                modality_of(text, anchor, future, modality, modality_cues,  # modality
                            clause_words)
                if modality_cues != [] else PLANNED if future else HAPPENED,  # (no cue)
                # reported, first_reported, last_reported: its article's date; the folder
                # stage widens first and last for clusters of several articles (so most
                # events need no copy there)
                doc.date, doc.date, doc.date,
                why,
            ))
            said_slot.append(len(said) - 1)
            quoted = (number, "inherited" if source == "explicit" else source,
                      earliest, latest, precision, timex)
            if (source == "inherited" and doc.date is not None and latest == doc.date
                    and earliest is not None and earliest < doc.date):
                stretched = number  # what goes on with its words spans to the report too
            # (names and roles are found inside the sentence: a whole one keeps them all)
            mentions.append(people + roles if whole else
                            (tuple(m for m in people if part.start <= m.start < part.end)
                             or people)
                            + (tuple(r for r in roles if part.start <= r.start < part.end)
                               or roles))
        told = telling_part(told_day(parts, doc.date))
        if (sentence.boilerplate is None and told.timex is not None
                and not told.bounded
                and not background(told.precision, told.latest,
                                   lead.earliest if lead else None)
                and not cues.counted_past_the_report(told.timex, text, doc.date)
                and not (focus is not None and flashback(told.timex, focus.earliest,
                                                         focus.latest))):
            focus = told
            told_before = number
            if told.precision == "day":
                first_told.note(text, told)
            if (lead is None and not lead_closed and focus.precision == "day"
                    and (doc.date is None or (focus.earliest is not None
                                              and focus.earliest <= doc.date))):
                lead = focus
                lead_paragraph = sentence.paragraph
            elif (lead is not None and sentence.paragraph == lead_paragraph
                  # "handed over on Monday. … confirmed his identity on Tuesday": the news
                  # is the latest day its paragraph tells, up to the report
                  and focus.precision == "day" and focus.earliest is not None
                  and lead.earliest is not None and lead.earliest < focus.earliest
                  and (doc.date is None or focus.earliest <= doc.date)):
                lead = focus
        if sentence.boilerplate is None and number > 0 and not lead_closed:
            lead_closed = sentence.paragraph >= cues.LEAD_PARAGRAPHS + first_body
        if sentence.boilerplate is None:
            focus_paragraph = sentence.paragraph
            last_told = number
    cues.reading(None)
    found_cues.release(cues.LEAD_SETS)  # (the cue lists' places: only the loop reads them)
    date_headline(events, headline_lead or lead, doc)
    continue_modalities(events, lambda n: doc.sentences[n].paragraph, modality,
                        lambda event: modality_cues_of(found_cues, event.char_start,
                                                        event.char_end))
    speakers = speakers or load_speaker_rules()
    add_speakers(events, mentions, said_slot,
                 find_speakers(doc.text, said, said_people, said_parties, speakers, found_cues),
                 modality, speakers.neutral_parties, share)
    return DocumentEvents(doc, tuple(events), tuple(mentions), tuple(timexes))
