"""Who says so: the speaker of each sentence that reports speech.

One pass over a document's sentences, in order, keeps the antecedents a pronoun or an
unattributed quotation can refer back to: the last named person, body and group of people
(`speaker_memory`). The words involved (speech verbs, bodies, pronouns) are data in
`resources/speakers.toml`, compiled by `speaker_rules`; what a speaker is, and how one is
named from the words found, is `speaker_sources`.
Each sentence costs time in proportion to its length, so a document costs linear time.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence

from viewer.core.events import speech_patterns as shapes
from viewer.core.events.cue_scan import DocumentCues
from viewer.core.events.cue_sets import ACCORDING, VERB
from viewer.core.events.parties import Mention
from viewer.core.events.people import PersonMention
from viewer.core.events.speaker_marks import QuoteMarks
from viewer.core.events.speaker_memory import SpeakerMemory
from viewer.core.events.speaker_rules import SpeakerRules, body_heads, body_start, subject_end
from viewer.core.events.speaker_sources import (
    Speaker,
    body_speaker,
    flagged,
    new_speaker,
    only_titles,
    person_speaker,
    state_speaker,
)
from viewer.core.events.tail_words import may_end
from viewer.core.events.title_parties import title_at

_OPENING = shapes.OPEN + '"'  # (a blank sentence, "" here, counts as opening a quotation)
MAX_VERBS = 4  # speech verbs tried per sentence: keeps a sentence's cost linear in its length


class SpeakerFinder(SpeakerMemory):
    """Feed a document's sentences in order; each call says who speaks in that sentence."""

    def __init__(self, text: str, rules: SpeakerRules | None = None,
                 surnames: Mapping[str, PersonMention] | None = None,
                 cues: DocumentCues | None = None, marks: QuoteMarks | None = None) -> None:
        super().__init__(text, rules, surnames)
        self.cues = cues  # the document's verbs and "according to", found in one pass
        self.marks = marks if marks is not None else QuoteMarks(text)  # its quotation marks
        self.in_quote = False  # a quotation still open at the end of the last sentence
        self.quote_speaker: Speaker | None = None
        self.paragraph = -1
        self.pending: list[int] = []  # sentences in an open quotation not yet attributed
        self.carry: Speaker | None = None  # who was quoted at the end of the last paragraph
        self.found: dict[int, Speaker] = {}
        self.turn: Speaker | None = None  # who speaks in this paragraph of a transcript
        self.heads: list[int] | None = None  # where capitalised body nouns begin, once needed

    def sentence(self, number: int, start: int, end: int, paragraph: int,
                 people: Sequence[PersonMention], parties: Sequence[Mention]) -> Speaker | None:
        """The speaker of sentence `number` (text[start:end]), as far as known so far; a
        quotation attributed later is settled by `finish`."""
        text = self.text
        if paragraph != self.paragraph:
            self._settle()
            self.carry, self.quote_speaker = self.quote_speaker, None
            self.paragraph = paragraph
            first = text[start] if start < end else ""
            # "FAROUK: …", a transcript's turn (asked where a capital or a space comes first)
            label = (shapes.LABEL.match(text, start, end)
                     if (first.isspace() or "A" <= first <= "Z")
                     and text.find(":", start, end) >= 0 else None)
            named = self.surnames.get(label.group(1).casefold()) if label else None
            self.turn = self._fuller(person_speaker(named)) if named is not None else None
        started_in_quote = self.in_quote
        first = text[start] if start < end else ""
        opens_with_quote = (first in _OPENING if first and not first.isspace()
                            else text[start:end].lstrip()[:1] in _OPENING)
        quoted = self._quoted(start, end)
        self.new_sentence(start, people)
        heads = self.heads if self.heads is not None else self._heads()
        at = bisect_left(heads, start)
        if at < len(heads) and heads[at] < end:  # (`_body_head_in`, inline: once a sentence)
            for named_body in self.rules.proper_body.finditer(text, start, end):
                # "the commission said" after "the Independent Electoral and Boundaries
                # Commission"
                self.proper[named_body.group(2).lower()] = body_speaker(
                    named_body.group(1), named_body.start(1), parties, self.rules)
        verbs = self._spans(VERB, self.rules.verb, start, end)
        # (a sentence with no speech verb and no "according to" names no source: no call)
        speaker = (self._attributed(start, end, people, parties, quoted, verbs)
                   if verbs or text.find("according to", start, end) >= 0 else None) or self.turn
        if speaker is None and (started_in_quote or opens_with_quote):
            speaker = self.quote_speaker
            if speaker is None:
                self.pending.append(number)
        if speaker is not None and (started_in_quote or opens_with_quote):
            for waiting in self.pending:
                self.found[waiting] = speaker  # “… . … ,” he said: the quote's first part
        if not (started_in_quote or opens_with_quote) or speaker is not None:
            self.pending.clear()
        if speaker is not None:
            self.found[number] = speaker
        self.quote_speaker = speaker if quoted or started_in_quote else None
        if people or speaker is not None:  # (else there is nothing to remember)
            self._remember(people, speaker)
        return speaker

    def _body_head_in(self, start: int, end: int) -> bool:
        """Whether a capitalised body noun begins in text[start:end]: where none does,
        `proper_body` cannot match (its last group is one), and a search for it tries a name's
        words at every capital. The places come from one scan of the document."""
        heads = self.heads if self.heads is not None else self._heads()
        at = bisect_left(heads, start)
        return at < len(heads) and heads[at] < end

    def _heads(self) -> list[int]:
        self.heads = body_heads(self.text, self.rules)
        return self.heads

    def finish(self) -> dict[int, Speaker]:
        """Every attributed sentence's speaker, by sentence number."""
        self._settle()
        return self.found

    def _settle(self) -> None:
        """A quotation that opened a paragraph and found no attribution in it goes on the
        quotation that ended the paragraph before (news style runs a quote over paragraphs)."""
        if self.carry is not None:
            for waiting in self.pending:
                self.found[waiting] = self.carry
        self.pending.clear()
        self.carry = None

    def _quoted(self, start: int, end: int) -> list[tuple[int, int]]:
        """The quoted stretches of the sentence; notes a quotation left open at its end."""
        marks = self.marks.within(start, end)
        if not marks:  # (most sentences): a quotation open before goes on through this one
            return [(start, end)] if self.in_quote else []
        spans: list[tuple[int, int]] = []
        text = self.text
        open_at = start if self.in_quote else -1
        for index in marks:
            char = text[index]
            if char in shapes.OPEN or (char == '"' and open_at < 0):
                open_at = index
            elif char == "'" and (open_at < 0 or text[open_at] != "‘"):
                continue  # a plain ' closes only a ‘ quotation
            elif (char in shapes.CLOSE or char in '"’\'') and open_at >= 0:
                spans.append((open_at, index + 1))
                open_at = -1
        self.in_quote = open_at >= 0
        if open_at >= 0:
            spans.append((open_at, end))
        return spans

    def _attributed(self, start: int, end: int, people: Sequence[PersonMention],
                    parties: Sequence[Mention], quoted: list[tuple[int, int]],
                    verbs: list[tuple[int, int]]) -> Speaker | None:
        """Who the sentence's speech verbs (`verbs`, in text order) or its "according to"
        name."""
        rules, text = self.rules, self.text
        tried = 0  # verbs outside quotations and subordinate clauses: the first MAX_VERBS
        for verb_start, verb_end in verbs:
            if tried == MAX_VERBS:
                break
            if (quoted and any(q <= verb_start < r for q, r in quoted)) or self._subordinate(
                    start, verb_start):
                continue
            tried += 1
            verb = text[verb_start:verb_end]
            kind = rules.verb_kind.get(" ".join(verb.split()), "verb")
            if verb in rules.material_verbs and rules.amount.search(
                    text, verb_end, min(end, verb_end + rules.material_reach)):
                continue  # "pledged €800 million": the act itself, no source
            found = self._before(start, verb_start, people, parties)
            if found is None:
                found = self._after(verb_end, end, text[start:verb_start], people, parties)
            lead = text[max(start, verb_start - 6) : verb_start].rstrip()
            coordinated = lead.endswith(" and") or lead == "and"
            if found is None and (kind == "participle" or coordinated):
                # "…, telling reporters", "Zelenskyy slammed the attacks and accused Moscow"
                subject = self._subject(start, [m for m in people if m.start < verb_start])
                found = person_speaker(subject) if subject is not None else self._lead_pronoun(
                    start, verb_start)
            if found is not None:
                found = self._fuller(found)
                return flagged(found, act=True) if kind == "act" else found
        if text.find("according to", start, end) < 0:
            return None  # (what `shapes.ACCORDING` needs: a string search is a tenth of a look-up)
        for _, at in itertools.islice(self._spans(ACCORDING, shapes.ACCORDING, start, end),
                                      MAX_VERBS):
            found = self._object(at, end, people, parties)
            if found is not None:
                return self._fuller(found)
        return None

    def _spans(self, name: str, pattern: re.Pattern[str], start: int, end: int
               ) -> list[tuple[int, int]]:
        """Where `pattern` matches in text[start:end]: from the document's cue pass when it
        can tell, else by the expression."""
        found = self.cues.find(name, start, end) if self.cues is not None else None
        if found is None:
            found = [match.span() for match in pattern.finditer(self.text, start, end)]
        return found

    def _lead_pronoun(self, start: int, verb: int) -> Speaker | None:
        """A pronoun opening the sentence is the subject of its coordinated verbs and
        participles: "He thanked the mediators and said …"."""
        word = shapes.FIRST_WORD.match(self.text, start, verb)
        if word is None or not self.rules.subject_pronoun.match(word.group(1)):
            return None  # not "He", "She", "They", …; "Her lawyers" is no subject pronoun
        return self._resolve(word.group(1).lower(), own_subject=False)

    def _subordinate(self, start: int, verb: int) -> bool:
        """The verb sits in a clause opened by "after", "because", … ("postponed the sentencing
        after his lawyers asked for more time"): not who the sentence's report comes from."""
        return shapes.in_subordinate_clause(self.text, start, verb)

    def _before(self, start: int, verb: int, people: Sequence[PersonMention],
                parties: Sequence[Mention]) -> Speaker | None:
        """The subject just before a speech verb: a name, a pronoun, a body, a pair."""
        rules, text = self.rules, self.text
        window = max(start, verb - 160)
        cut = subject_end(text, window, verb, rules)
        # the last name that may be the verb's subject (read from the end: the first found;
        # a loop, not `next` over a generator: asked for every speech verb)
        apposition = shapes.APPOSITION.fullmatch  # (spaces alone need no call: they match)
        last: PersonMention | None = None
        for m in reversed(people):
            if (0 <= cut - m.end <= 100 and (m.end == cut or text[m.end : cut].isspace()
                                             or apposition(text, m.end, cut))
                    and not (len(m.tokens) == 1 and m.tokens[0].lower() in rules.body_nouns)
                    and not shapes.PLACE_BEFORE.search(text, max(start, m.start - 7), m.start)):
                last = m
                break
        if last is not None:
            pair = [m for m in people if 0 <= last.start - m.end < 60
                    and not title_at(text, m.start, rules.titles)  # "Prime Minister"
                    and self._joined(text[m.end : last.start])]
            return new_speaker("; ".join(" ".join(m.tokens) for m in (*pair[-1:], last)),
                               (*pair[-1:], last)) if pair else person_speaker(last)
        before = text[window:cut]
        # (the anchored expressions below are searched only where the window's end allows a
        # match: a bracket, a pronoun or a leaders' phrase there; `tail_words`)
        bracket = (shapes.BRACKET_END.search(before)  # "Kenya's electoral commission (IEBC) said"
                   if before.rstrip().endswith(")") else None)
        if bracket is not None:
            before = before[: bracket.start()]
        pronoun = (rules.subject_pronoun.search(before)
                   if may_end(rules.pronoun_tail, before) else None)
        if pronoun:
            return self._resolve(pronoun.group(1).lower(), own_subject=False)
        if may_end(rules.leaders_tail, before) and rules.plural_leaders.search(before):
            return self._leaders()
        body_at = body_start(before, rules)  # (no match starts before the window's last comma)
        body = (rules.body_before.search(before, body_at)
                if rules.body_noun.search(before, body_at) else None)
        if body:
            begin, finish = window + body.start(1), window + body.end(1)
            head = body.group(1).split()[-1].lower()
            for mention in people:  # "Benjamin Netanyahu's office said": he speaks
                if begin <= mention.start and mention.end < finish and text[
                        mention.end : mention.end + 2] in ("'s", "’s"):
                    return self._entourage(mention, head)
            group = next((m for m in parties
                          if shapes.NAMED_BEFORE.fullmatch(text, m.end, begin)), None)
            if group is not None and shapes.INDEFINITE.match(body.group(1)):
                return state_speaker(group, rules)  # "Islamic Jihad, a smaller armed group, said"
            owner = shapes.POSSESSIVE.match(body.group(1))
            person = self._person_for(owner.group(1).lower(), True) if owner else None
            if person is not None and len(person.people) == 1:  # "her spokesman": hers
                return self._entourage(person.people[0], head)
            return body_speaker(body.group(1), begin, parties, rules)
        state = [m for m in parties  # "Kyiv said", "Ukraine, for its part, maintains"
                 if 0 <= cut - m.end <= 100 and shapes.APPOSITION.fullmatch(text, m.end, cut)]
        if state:
            last_state = state[-1]
            both = tuple(dict.fromkeys(m.party for m in state if m.start == last_state.start))
            if len(both) > 1:  # "Both sides said": the two parties named last
                return new_speaker("; ".join(both), (), both)
            joined = [m for m in parties if 0 <= last_state.start - m.end < 12
                      and self._joined(text[m.end : last_state.start])]
            if joined and joined[-1].party != last_state.party:  # "the EU and the US urged"
                states = (joined[-1].party, last_state.party)
                return new_speaker("; ".join(states), (), states)
            return state_speaker(last_state, rules)
        org = shapes.ORG_BEFORE.search(before) if shapes.ACRONYM.search(before) else None
        if org:
            return body_speaker(org.group(1), window + org.start(1), parties, rules)
        return None

    def _named(self, mention: PersonMention, end: int, parties: Sequence[Mention]) -> Speaker:
        """A name after "according to" or an inverted verb; one that runs on into an acronym
        is an organisation ("the Africa CDC")."""
        tail = shapes.ORG_TAIL.match(self.text, mention.end, end)
        if tail is None:
            return person_speaker(mention)
        return body_speaker(self.text[mention.start : tail.end()], mention.start, parties,
                            self.rules)

    def _joined(self, between: str) -> bool:
        """True when two names are one subject: "Macron and British Prime Minister Starmer"."""
        joint = shapes.AND.match(between)
        # a comma or "and" must join them: in "Opposition leader Grace Odhiambo" a title does
        return joint is not None and joint.group().strip() != "" and only_titles(
            between[joint.end():], self.rules)

    def _after(self, verb_end: int, end: int, before: str,
               people: Sequence[PersonMention], parties: Sequence[Mention]) -> Speaker | None:
        """Inverted attribution: "…,” said Dmitry Peskov", "confirmed by Zelensky"."""
        rules, text = self.rules, self.text
        by = shapes.BY.match(text, verb_end, end)
        if not by and before.rstrip()[-1:] not in (",", "”", '"', "»"):
            return None
        at = by.end() if by else verb_end
        for mention in people:
            if mention.start >= at and only_titles(text[at : mention.start], rules):
                return self._named(mention, end, parties)
            if mention.start >= at:
                break
        body = rules.body_after.match(text, at, end)
        if body:
            return body_speaker(body.group(1), body.start(1), parties, rules)
        return None

    def _object(self, at: int, end: int, people: Sequence[PersonMention],
                parties: Sequence[Mention]) -> Speaker | None:
        """Who "according to" names: a person, a pronoun, a body or a state."""
        rules, text = self.rules, self.text
        pronoun = rules.object_pronoun.match(text, at, end)
        if pronoun:
            return self._resolve(pronoun.group(1).lower())
        for mention in people:
            if mention.start >= at:
                if only_titles(text[at : mention.start], rules):
                    return self._named(mention, end, parties)
                break
        body = rules.body_after.match(text, at, end)
        if body:
            return body_speaker(body.group(1), body.start(1), parties, rules)
        state = next((m for m in parties if m.start == at), None)
        return state_speaker(state, rules) if state else None

def find_speakers(text: str, sentences: Sequence[tuple[int, int, int, bool]],
                  people: Sequence[Sequence[PersonMention]],
                  parties: Sequence[Sequence[Mention]],
                  rules: SpeakerRules | None = None,
                  cues: DocumentCues | None = None) -> list[Speaker | None]:
    """The speaker of each sentence (start, end, paragraph, is page furniture), given its
    person and party mentions; None where no one is said to speak. Page furniture (related
    stories, captions) keeps antecedents of its own, apart from the article's."""
    surnames = {m.tokens[-1].casefold(): m for found in people for m in found
                if m.evidence or len(m.tokens) > 1}
    marks = QuoteMarks(text)
    article = SpeakerFinder(text, rules, surnames, cues, marks)
    furniture = SpeakerFinder(text, article.rules, surnames, cues, marks)
    if sentences:  # (one scan of the document for both: each sentence asks for its heads)
        furniture.heads = article._heads()
    for number, (start, end, paragraph, extra) in enumerate(sentences):
        (furniture if extra else article).sentence(number, start, end, paragraph,
                                                   people[number], parties[number])
    found = article.finish() | furniture.finish()
    return [found.get(n) for n in range(len(sentences))]
