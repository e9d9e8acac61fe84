"""Work grows linearly with input: four times the text may cost about four times as much.

Counted in operations (Python lines run plus characters handed to regular expressions), never
timed. Each case is a path that was once super-linear.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import sys
from collections.abc import Iterator
from typing import Any

from tests.core.workcount import (
    CountingPattern,
    counting_patterns,
    growth,
    lines_run,
    work_extracting,
)
from viewer.core.events import document_extraction as events
from viewer.core.events import (
    document_passes,
    happening_windows,
    people,
    sentence_dating,
    split_pieces,
    title_parties,
)
from viewer.core.events.document_extraction import extract_document
from viewer.core.events.gazetteer_build import load_gazetteer
from viewer.core.events.topics import load_taxonomy
from viewer.core.ingest import segment
from viewer.core.ingest.folder_reader import build_document
from viewer.core.model import Document
from viewer.core.pipeline.cluster import cluster, comparison_reach
from viewer.core.timex import Tagger
from viewer.core.timex.lexicon import bundled

LINEAR = 4.6  # 4x the input; a little slack for fixed costs

PARAGRAPH = (
    "Mr. Smith met U.S. officials on Jan. 5 in Washington. "
    "George W. Bush said so at 5 p.m. and left! Talks resumed... "
    "Prices rose 3.5 percent. Did they agree? They did. "
)



def test_sentences_of_one_long_paragraph_are_linear() -> None:
    """The word before each full stop was searched from the paragraph's start (quadratic)."""

    def work(copies: int) -> int:
        text = PARAGRAPH * copies * 50
        counter = [0]
        with counting_patterns(segment, counter):
            lines_run(lambda: segment.sentences_in(text, 0, len(text)), counter)
        return counter[0]

    assert growth(work) < LINEAR


def test_sentences_are_still_found_in_a_long_paragraph() -> None:
    text = PARAGRAPH * 200
    spans = segment.sentences_in(text, 0, len(text))
    assert len(spans) == 6 * 200
    assert text[spans[0][0] : spans[0][1]] == (
        "Mr. Smith met U.S. officials on Jan. 5 in Washington."
    )


CLAUSE = (
    "officials said talks would resume on Monday, and on Tuesday forces launched attacks "
    "while envoys are set to meet on Friday; the army shelled towns on Sunday and "
)


def _tag_work(copies: int) -> int:
    """Tag one sentence without a full stop, full of weekdays and tense cues."""
    counter = [0]
    lex = bundled()
    counted = dataclasses.replace(lex, **{  # type: ignore[arg-type]
        name: CountingPattern(getattr(lex, name), counter)
        for name in ("future_cues", "past_cues", "led_future_cues", "led_past_cues")})
    text = CLAUSE * copies * 10
    tagger = Tagger(counted)
    found: list[object] = []
    lines_run(lambda: found.extend(tagger.tag(text, dt.date(2026, 2, 18))), counter)
    assert len(found) == 4 * copies * 10
    return counter[0]


def test_tense_in_one_long_sentence_is_linear() -> None:
    """tense() rescanned the sentence and the text between cue and expression (cubic)."""
    assert growth(_tag_work) < LINEAR


def test_tense_still_reads_the_nearest_cue() -> None:
    text = "Envoys are set to meet on Friday, and forces launched attacks on Tuesday."
    values = [t.value for t in Tagger().tag(text, dt.date(2026, 2, 18))]
    assert values == ["2026-02-20", "2026-02-17"]


LONG_SENTENCE = (
    "Russian forces struck Kharkiv on 3 March 2024, Ukrainian officials said, while "
    "Kremlin spokesperson Dmitry Peskov told reporters in Moscow that talks with the "
    "United States, which collapsed in 2023, would resume on 12 April 2024 after "
    "Turkey's foreign minister Hakan Fidan met NATO envoys; "
)


def _extraction_work(copies: int) -> int:
    """Extract a one-sentence article (no full stop) full of dates, parties and names."""
    text = LONG_SENTENCE * copies * 8
    return work_extracting(text, "2024-06-01", events, sentence_dating, document_passes, people,
                            title_parties, split_pieces, happening_windows)


def test_events_of_one_long_sentence_are_linear() -> None:
    """People's token-in-mention check, the date tests and the clause search each looked at
    the whole sentence once per name or date (quadratic)."""
    assert growth(_extraction_work) < LINEAR


def _party_context_work(copies: int) -> int:
    """Extract an article of many short paragraphs whose parties come from context: a
    dateline's seat, "It"/"Its" after a sentence that opens with a state, a state inside a
    place's name, a national court, a firm described by a demonym."""
    paragraph = ("Peru filed a complaint on Monday. It asks the court to act. Its foreign "
                 "ministry said ships in the Gulf of Guinea were safe. Peru's Supreme Court "
                 "met. Elering, the Estonian grid operator, said so. The government agreed.")
    text = "LIMA, June 1 — " + "\n\n".join([paragraph] * (copies * 10))
    return work_extracting(text, "2024-06-01", events, sentence_dating, document_passes, people,
                            title_parties)


def test_party_context_is_linear() -> None:
    """Each sentence looks at most a bounded stretch around its names and its own start."""
    assert growth(_party_context_work) < LINEAR


def _cluster_work(copies: int) -> int:
    """Cluster the events of one long article whose sentences all share a day."""
    text = "\n".join(
        " ".join(f"On Monday Russian forces launched strikes on Kharkiv, killing {n} and "
                 f"wounding {p}, officials said." for n in range(20))
        for p in range(copies * 5))
    doc = build_document("folder", "x.txt", text, side={"date": "2024-06-05"})
    assert isinstance(doc, Document)
    found = extract_document(doc, Tagger(), load_gazetteer(), load_taxonomy()).events
    assert sum(not e.boilerplate and e.date_source == "explicit" for e in found) == 100 * copies
    counter = [0]
    lines_run(lambda: cluster(found), counter)
    return counter[0]


def test_clustering_one_long_article_is_linear() -> None:
    """Every pair of same-day events was compared, though one article never links to
    itself (quadratic in the events of a day)."""
    assert growth(_cluster_work) < LINEAR


class _CallCounter:
    """A pattern that counts how often it is asked to match."""

    def __init__(self, pattern: re.Pattern[str], calls: list[int]) -> None:
        self.inner, self.calls = pattern, calls
        self.pattern = pattern.pattern

    def match(self, text: str, pos: int, endpos: int) -> re.Match[str] | None:
        self.calls[0] += 1
        return self.inner.match(text, pos, endpos)

    def finditer(self, text: str, pos: int, endpos: int) -> Iterator[re.Match[str]]:
        return self.inner.finditer(text, pos, endpos)


def _counted_tagger(calls: list[int]) -> Tagger:
    """A tagger whose rule patterns count their match calls."""
    lex = bundled()
    return Tagger(dataclasses.replace(lex, rules=tuple(
        dataclasses.replace(rule, pattern=_CallCounter(rule.pattern, calls))  # type: ignore[arg-type]
        for rule in lex.rules)))


def test_tagger_tries_rules_only_at_words_they_can_start() -> None:
    """Each word used to try every rule indexed under it (23 for a digit), then one combined
    match per word, and words inside a pattern ("of", "in", "and") were indexed too; the
    rules a word starts are narrowed by the word after it now."""
    calls = [0]
    text = ("Talks held on 12 March 2024 in Geneva resumed on Wednesday, two days after "
            "the strikes of 10 March 2024, and will continue next week. ") * 20
    found = _counted_tagger(calls).tag(text, dt.date(2024, 3, 15))
    assert len(found) == 5 * 20
    # 500 words: was 7,440 calls; 220 with the start-word index and the trigger scan (one
    # combined match per word, then the rule's own); 160 now that the next word's start
    # leaves only the rules that can go on with it, each tried once
    assert calls[0] <= 0.33 * len(text.split())


NEWS = ("The ministry said on Tuesday that the talks, which began in March 2024, would resume "
        "next week after a two-day pause; the 300 delegates had met for 12 hours and the "
        "rest of the week is free. ")


class _ForwardScan(CountingPattern):
    """The trigger, searched again from where each hit ended (or past a tagged expression):
    each search counts the characters it went over, up to the hit it stops at. (Counting
    the rest of the text it may scan, as `CountingPattern` does, would count a forward scan
    in steps as if each step went to the end.)"""

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        found = self._pattern.search(text, pos, endpos)
        self._counter[0] += (found.end() if found else min(endpos, len(text))) - pos
        return found


def _scan_work(copies: int) -> int:
    """Tag ordinary news text, counting Python lines, the characters the trigger scan goes
    over and every rule match."""
    counter = [0]
    lex = bundled()
    scan = dataclasses.replace(
        lex.scan, trigger=_ForwardScan(lex.scan.trigger, counter),  # type: ignore[arg-type]
        trigger_ascii=_ForwardScan(lex.scan.trigger_ascii, counter))  # type: ignore[arg-type]
    tagger = _counted_tagger(counter)
    tagger.lex = dataclasses.replace(tagger.lex, scan=dataclasses.replace(
        tagger.lex.scan, trigger=scan.trigger, trigger_ascii=scan.trigger_ascii))
    text = NEWS * copies * 10
    found: list[object] = []
    lines_run(lambda: found.extend(tagger.tag(text, dt.date(2024, 6, 1))), counter)
    assert len(found) == 6 * copies * 10
    return counter[0]


def test_tagging_news_text_is_linear() -> None:
    assert growth(_scan_work) < LINEAR


def test_glued_rules_scan_only_where_they_can_start() -> None:
    """A glued rule opens with look-behinds, tried at every position of the text; it is led
    by a look-ahead on its first characters, and finds the same matches."""
    from viewer.core.timex.lexicon import _first_chars, _scan_pattern, sre_parse

    body = r"(?:(?<=\bin)|(?<=\bsince))(?P<year>1[5-9]\d\d|20\d\d)\b"
    assert _first_chars(sre_parse.parse(body)) == {"1", "2"}
    assert _scan_pattern(body).pattern.startswith("(?=[12])")
    assert _scan_pattern(r"(?<=x)\w+").pattern == r"(?<=x)\w+"  # unsure: left alone
    text = "the invasion in2022 and since1999, not 2022 or in 2023"
    plain = re.compile(body, re.IGNORECASE)
    assert ([m.span() for m in _scan_pattern(body).finditer(text)]
            == [m.span() for m in plain.finditer(text)] == [(15, 19), (29, 33)])


def test_comparison_reach_of_one_long_article_is_linear() -> None:
    """The reach of each event (how far the comparison cap lets it look) steps over its own
    article's events in one jump, as the linking does."""

    def work(copies: int) -> int:
        text = "\n".join(" ".join(
            f"On Monday forces launched strikes on Kharkiv, killing {n}." for n in range(20))
            for _ in range(copies * 5))
        doc = build_document("folder", "x.txt", text, side={"date": "2024-06-05"})
        assert isinstance(doc, Document)
        found = extract_document(doc, Tagger(), load_gazetteer(), load_taxonomy()).events
        counter = [0]
        lines_run(lambda: comparison_reach(found), counter)
        return counter[0]

    assert growth(work) < LINEAR


def _plan_paragraph_work(copies: int) -> int:
    """One long paragraph of future sentences after a plan, each with a span of days: the
    narrative-focus rules (a plan's date carried on, runs and spreads of days) per sentence."""
    from viewer.core.events import narrative_focus

    text = "The bloc has invited both delegations to Lusaka next week. " + (
        "Angola is expected to send its minister, and the talks will run for two days from "
        "Monday after the envoys met over two days. " * copies * 8)
    return work_extracting(text, "2026-06-03", events, sentence_dating, document_passes,
                            narrative_focus)


def test_narrative_focus_of_a_long_plan_paragraph_is_linear() -> None:
    assert growth(_plan_paragraph_work) < LINEAR


def _told_sentence_work(copies: int) -> int:
    """One long sentence of telling days, reported dates and possible steps: the reported-date
    search after each telling day and the possible-step test over the sentence."""
    from viewer.core.events import narrative_focus

    text = "Officials said on Monday they would meet on June 12, " + (
        "the ministry said on Friday that police had arrested two clerks on Thursday, and the "
        "council said the agency could act, " * copies * 8)
    from viewer.core.events import told_dates
    return work_extracting(text, "2026-06-06", events, sentence_dating, narrative_focus,
                            told_dates)


def test_told_days_and_possible_steps_are_linear() -> None:
    assert growth(_told_sentence_work) < LINEAR


def _conditional_work(copies: int) -> int:
    """One long sentence of quoted futures before the plan's own: the conditional-plan test
    counts the quotes once as it meets the futures, not again from the start for each."""
    from viewer.core.events import cues, narrative_focus

    counter = [0]
    text = ("\u201cWe will wait,\u201d he said, " * copies * 8
            + "and talks would resume if Peru agrees.")
    with counting_patterns(narrative_focus, counter), counting_patterns(cues, counter):
        lines_run(lambda: narrative_focus.conditional_plan(text), counter)
    return counter[0]


def test_conditional_plans_are_linear() -> None:
    assert growth(_conditional_work) < LINEAR


def _relative_present_work(copies: int) -> int:
    """One long present sentence of relative clauses with dates: the main-clause test reads
    the sentence once, not once per relative clause."""
    text = "The port has piers" + ", which opened in 2024, and cranes" * copies * 8 + "."
    return work_extracting(text, "2026-06-12", sentence_dating)


def test_relative_clauses_in_a_present_sentence_are_linear() -> None:
    assert growth(_relative_present_work) < LINEAR


def _since_sentence_work(copies: int) -> int:
    """One long sentence of "since" months and years with figures, telling days with months
    in the simple past, and relative clauses set for a day: the origin, reported-month and
    plan tests each look only near their expression (or once per sentence)."""
    from viewer.core.events import cues, since_spans, told_dates

    text = "The unions have argued since 2021, " + (
        "4,000 people have been displaced since March 2024, the agency said on Tuesday that "
        "exports dropped in March, the launch, which had been scheduled for July, was "
        "postponed, " * copies * 8)
    return work_extracting(text, "2026-06-12", events, sentence_dating, since_spans, cues,
                            told_dates)


def test_since_spans_and_told_months_are_linear() -> None:
    assert growth(_since_sentence_work) < LINEAR


def _answered_news_work(copies: int) -> int:
    """A long article of days told and reactions to what they told: each told sentence's
    words are noted once, each reaction looks its object up once."""
    from viewer.core.events import answered_news

    text = "\n\n".join([
        "On Friday, Laos agreed to a pause in releases from its dams.",
        "Vietnam said on Saturday it would respect the pause.",
        "Cambodia welcomed the pause. Thailand criticised the releases."] * copies * 10)
    return work_extracting(text, "2026-09-21", answered_news, events)


def test_answered_news_is_linear() -> None:
    assert growth(_answered_news_work) < LINEAR


def _speaker_paragraph_work(copies: int) -> int:
    """The speaker pass over one long paragraph of attributions: proper bodies found by the
    document's scan for body nouns, asides before verbs, "according to", quotations."""
    from viewer.core.events import speakers

    text = " ".join([
        "The Independent Electoral and Boundaries Commission said on Monday it had counted "
        "the votes.", "Kenya's foreign ministry, for its part, has also said the results "
        "were fair.", "According to the commission, turnout was high.",
        "“We are ready,” said Wafula Chebukati."] * copies * 10)
    return work_extracting(text, "2024-06-01", speakers, events)


def test_speakers_of_a_long_paragraph_are_linear() -> None:
    """Each sentence asks the document's list of body nouns by bisection and cuts the window
    before each verb at its last foreign word: no step looks back over the paragraph."""
    assert growth(_speaker_paragraph_work) < LINEAR


def _clause_work(copies: int) -> int:
    """Modality's clauses of one long sentence, with its clause words from the cue pass."""
    from viewer.core.events import cue_sets, modality
    from viewer.core.events.cue_scan import CueAutomaton, PhraseSet

    rules = modality.load_rules()
    automaton = CueAutomaton({cue_sets.CLAUSE: PhraseSet(rules.clause_words, "cue")})
    text = ("Talks went on while the envoys met, after which (as planned) the sides, "
            "who had agreed, said so; ") * 20 * copies
    counter = [0]

    def run() -> None:
        words = automaton.scan(text).within(cue_sets.CLAUSE, 0, len(text))
        assert words
        modality._clauses(text, rules, words)

    lines_run(run, counter)
    return counter[0]


def test_clauses_from_the_cue_pass_are_linear() -> None:
    """The clause words found once and the marks' own scan are merged in one walk."""
    assert growth(_clause_work) < LINEAR


def _noun_dates_work(copies: int) -> int:
    """One long sentence of days naming things ("condemned Monday's vote"), quotations
    going on with a reaction and habits told in the present: each date's test reads a few
    characters beside it, each sentence's opening and main clause are read once."""
    from viewer.core.events import generic_sentences, noun_dates, speech_goes_on

    text = "The union raised fees on Thursday. " + (
        "Owners condemned Monday's vote, the review of the April strikes and Tuesday's "
        "offer, " * copies * 8) + "they said.\n\n" + (
        "The owners rejected the rise. \u201cIt is too much,\u201d one said. "
        "He added that ships would leave. " * copies * 4) + (
        "Floods return each spring and barges often wait at the lock, farmers say. "
        * copies * 4)
    return work_extracting(text, "2026-05-22", noun_dates, speech_goes_on, generic_sentences,
                            sentence_dating)


def test_noun_dates_speech_going_on_and_habits_are_linear() -> None:
    assert growth(_noun_dates_work) < LINEAR


def _holding_deadline_work(copies: int) -> int:
    """One long sentence of deadlines over the report's own month: whether the sentence
    speaks of what lies ahead is read once, not once per deadline."""
    text = "The board might close the locks" + (
        ", and the docks through June, and the weirs until June" * copies * 8) + "."
    return work_extracting(text, "2026-06-12", sentence_dating)


def test_deadlines_holding_the_report_are_linear() -> None:
    assert growth(_holding_deadline_work) < LINEAR
