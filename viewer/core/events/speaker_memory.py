"""What a pronoun or a bare description refers back to, for the speaker pass: the people,
bodies and groups named so far in a document ("he", "the ministry", "the two leaders", "her
spokesman"), kept as the sentences go by, so each look-up is a dictionary access.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from viewer.core.events.people import PersonMention
from viewer.core.events.speaker_rules import SpeakerRules, load_rules
from viewer.core.events.speaker_sources import (
    Speaker,
    flagged,
    new_speaker,
    only_titles,
    person_speaker,
)
from viewer.core.events.tail_words import may_end
from viewer.core.events.title_parties import title_at

_LEADING_PHRASE = re.compile(r"^[^,]{0,40},\s*")  # "In this context, Zelenskyy gave …"
_TRAILING_COMMA = re.compile(r",\s*$")
_NAME_WORD = re.compile(r"[A-Z][\w’'.-]*")  # a word of a name after a title (`person_title`)


def title_start(text: str, lo: int, end: int, title_words: int) -> int:
    """Where a search for `person_title` in text[lo:end] may start and still find the match
    it finds from `lo`: a match is a title of at most `title_words` words and capitalised
    words up to `end`, so it begins among the last words that look like a name and the
    `title_words` before them. (The expression tried all 50 positions, 9 µs a name.)"""
    if title_words <= 0:
        return lo
    before = text[lo:end]
    runs = before.split()
    kept = len(runs)
    while kept and _NAME_WORD.fullmatch(runs[kept - 1]):
        kept -= 1
    kept -= title_words
    if kept <= 0:
        return lo
    return lo + len(before.rsplit(None, len(runs) - kept)[0])


class SpeakerMemory:
    """The antecedents of one document's speaker pass."""

    def __init__(self, text: str, rules: SpeakerRules | None = None,
                 surnames: Mapping[str, PersonMention] | None = None) -> None:
        self.text = text
        self.rules = rules or load_rules()
        self.person: Speaker | None = None  # last named person (speaker or sentence subject)
        self.body: Speaker | None = None
        self.group: Speaker | None = None  # last several people named together
        self.named: list[PersonMention] = []  # the last two distinct people named
        self.titled: dict[str, Speaker] = {}  # last person named with a title, by the title
        # People named with evidence whose title is not yet in `titled`: it is looked for only
        # when a bare description ("the minister said") asks (`_titles`), and few do.
        self.untitled: list[PersonMention] = []
        # The current sentence's named subject, worked out when first asked for (`subject`):
        # the sentence's start and people until then. Most sentences that name a person
        # name their speaker, and then no one asks.
        self._subject_of: tuple[int, Sequence[PersonMention]] | None = None
        self._own_subject: PersonMention | None = None
        self.bodies: dict[str, Speaker] = {}  # last body named, by its head noun
        self.neutral_people: set[str] = set()  # surnames of people who speak for no side
        self.gender: dict[str, str] = {}  # speaker name → the pronoun's gender that named them
        self.last_of: dict[str, Speaker] = {}  # gender → the last person a pronoun named
        self.surnames = surnames or {}  # casefolded last word → a name the document gives in full
        self.proper: dict[str, Speaker] = {}  # a body's proper name, by its head noun

    def _fuller(self, speaker: Speaker) -> Speaker:
        """"the ministry" after "China's commerce ministry": the body named in full before;
        "analyst Jane Doe said": a neutral source."""
        if len(speaker.people) == 1 and not speaker.neutral and self._neutral(
                speaker.people[0]):
            return flagged(speaker, neutral=True)
        if not speaker.bare:
            return speaker
        # "the minister added" after "Health Minister Samuel Kamba said": him again.
        found = (self._titles().get(speaker.head) or self.bodies.get(speaker.head)
                 or self.proper.get(speaker.head))
        if found is None and speaker.head in self.rules.generic_heads and (
                self.body is not None and self.body.parties):
            return self.body  # "the agency said" after "the World Health Organization said"
        return found or speaker

    def _titles(self) -> dict[str, Speaker]:
        """`titled`, with the titles of the people named since the last call added in text
        order (a later person with the same title replaces an earlier one)."""
        text, rules = self.text, self.rules
        for mention in self.untitled:
            lo = max(0, mention.start - 50)
            title = rules.person_title.search(
                text, title_start(text, lo, mention.start, rules.title_words), mention.start)
            if title is not None:
                self.titled[title.group(1).lower()] = person_speaker(mention)
        self.untitled.clear()
        return self.titled

    def _neutral(self, mention: PersonMention) -> bool:
        """A person who speaks for no side: "analyst Jane Doe", "Justice Ann Mwangi", someone
        a title ties to a neutral body ("the WHO representative"), or named so before."""
        if mention.tokens[-1] in self.neutral_people:
            return True
        start = mention.start
        rules = self.rules
        if mention.title_party in rules.neutral_parties or (
                may_end(rules.neutral_tail, self.text, max(0, start - 40), start)
                and rules.neutral_title.search(self.text, max(0, start - 40), start)
        ) or rules.neutral_apposition.match(self.text, mention.end, mention.end + 60):
            self.neutral_people.add(mention.tokens[-1])
            return True
        return False

    def _entourage(self, mention: PersonMention, head: str) -> Speaker:
        """"Netanyahu's office" speaks for its holder; "Rono's team", "her spokesman" are a
        body of their own, named by the person's surname (their party is the person's)."""
        if head in self.rules.holder_bodies:
            return new_speaker(" ".join(mention.tokens), (mention,), (), False, head)
        if head in self.rules.state_bodies and mention.title_party:
            state = mention.title_party  # "her ministry", of the Dutch minister: the state
            return new_speaker(state, (), (state,), False, head)
        return new_speaker(f"{mention.tokens[-1]}'s {head}", (mention,), (), False, head)

    def _resolve(self, pronoun: str, own_subject: bool = True) -> Speaker | None:
        kind = self.rules.pronoun_kind.get(pronoun, "person")
        if kind == "person":
            # "Zelensky condemned …, according to him": the sentence's own subject first;
            # a subject pronoun ("…, he said") refers back past it.
            return self._person_for(pronoun, own_subject)
        if kind == "body":
            return self.body
        return self.group or self.body or self.person

    def _person_for(self, pronoun: str, own_subject: bool) -> Speaker | None:
        """The person "he", "she", "his" or "her" refers to: the nearest candidate not known
        (from an earlier pronoun) to be of the other gender, else the last one known to be
        of this one."""
        want = self.rules.pronoun_gender.get(pronoun)
        subject = self.subject() if own_subject else None
        candidates = [person_speaker(subject)] if subject else []
        candidates += [self.person] if self.person is not None else []
        chosen = next((c for c in candidates
                       if want is None or self.gender.get(c.name) in (None, want)),
                      self.last_of.get(want) if want else None)
        if chosen is not None and want is not None:
            self.gender[chosen.name] = want
            self.last_of[want] = chosen
        return chosen

    def _leaders(self) -> Speaker | None:
        if len(self.named) < 2:
            return None
        pair = tuple(self.named[-2:])
        return Speaker("; ".join(" ".join(m.tokens) for m in pair), pair)

    def _remember(self, people: Sequence[PersonMention], speaker: Speaker | None) -> None:
        """Update the antecedents: this sentence's named speaker, else its named subject."""
        if speaker is not None and speaker.act:
            speaker = flagged(speaker, act=False)  # the act was this sentence's
        for mention in people:
            if not mention.evidence:
                continue  # no title next to it: nothing to remember it by
            self.untitled.append(mention)
            key = mention.tokens[-1]
            self.named = [*[m for m in self.named if m.tokens[-1] != key][-1:], mention]
        if speaker is not None and len(speaker.people) > 1:
            self.group = speaker
        elif speaker is not None and speaker.people:
            own = speaker.people[0]
            # "his team": him (his speaker made only when it is not this one)
            self.person = (speaker if speaker.name == " ".join(own.tokens)
                           else person_speaker(own))
            if speaker.head:  # "Netanyahu's office said …. It did not say …"
                self.body = speaker
        elif speaker is not None and speaker.name:
            self.body = speaker
            if speaker.head in self.rules.person_heads:
                self.person = speaker  # "…, an Egyptian official said. He said …": him again
            if speaker.head and not speaker.bare:
                self.bodies[speaker.head] = speaker
            if speaker.plural:
                self.group = speaker
        if (speaker is None or not speaker.people) and (subject := self.subject()) is not None:
            # (built with its flag: `dataclasses.replace` cost a copy per sentence)
            self.person = new_speaker(" ".join(subject.tokens), (subject,),
                                      neutral=self._neutral(subject))

    def new_sentence(self, start: int, people: Sequence[PersonMention]) -> None:
        """The sentence at `start` naming `people` comes next: its subject is not known yet."""
        self._subject_of = (start, people) if people else None
        self._own_subject = None

    def subject(self) -> PersonMention | None:
        """The current sentence's named subject (`_subject`), worked out on the first call."""
        if self._subject_of is not None:
            start, people = self._subject_of
            self._subject_of = None
            self._own_subject = self._subject(start, people)
        return self._own_subject

    def _capitalised_word(self, start: int, mention: PersonMention) -> bool:
        """A lone word that opens the sentence with nothing to show it is a name ("Weapons
        would be handed over", "Outside the palace, …", "Last week …"): only capitalised
        because it comes first, unless the article named someone by it before."""
        return (len(mention.tokens) == 1 and not mention.evidence
                and not self.text[start : mention.start].strip(" \t\n“\"‘")
                and mention.tokens[0].casefold() not in self.surnames)

    def _subject(self, start: int, people: Sequence[PersonMention]) -> PersonMention | None:
        """A person named at the head of the sentence ("Ukrainian President Volodymyr Zelensky
        condemned …", "In this context, Zelenskyy gave …")."""
        if not people:  # (a loop, not `next` over a generator: this runs once a sentence)
            return None
        rules, text = self.rules, self.text
        for first in people:
            if not title_at(text, first.start, rules.titles) and not (
                    len(first.tokens) == 1 and self._capitalised_word(start, first)):
                break
        else:
            return None
        head = text[start : first.start]
        if not head or head.isspace():
            return first  # the sentence opens with the name (what `only_titles` says of it)
        if "," in head:  # (neither expression changes a head without a comma)
            head = _LEADING_PHRASE.sub("", head)
            head = _TRAILING_COMMA.sub("", head)  # "Togo's deputy agent, Afi Lawson, was …"
        return first if only_titles(head, self.rules) else None
