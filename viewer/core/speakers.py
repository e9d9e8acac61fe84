"""Who says so: the speaker of each sentence that reports speech.

One pass over a document's sentences, in order, keeps the antecedents a pronoun or an
unattributed quotation can refer back to: the last named person, body and group of people.
The words involved (speech verbs, bodies, pronouns) are data in `resources/speakers.toml`.
Each sentence costs time in proportion to its length, so a document costs linear time.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from viewer.core.modality import phrase_pattern
from viewer.core.parties import Mention
from viewer.core.people import PersonMention, TitleData, title_data
from viewer.core.resources import load_data, override

_OPEN, _CLOSE = "“«", "”»"
_QUOTE = re.compile(r'[“”«»"]')
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_TITLE_WORD = re.compile(r"[\w’'.-]+")
_PUNCTUATION = re.compile(r"[,;:“”\"()]")
_ACCORDING = re.compile(r"\baccording to\s+")
_BY = re.compile(r"\s+by\s+")
_LEADING_PHRASE = re.compile(r"^[^,]{0,40},\s*")  # "In this context, Zelenskyy gave …"
# Between a name and its verb: nothing, or an apposition or relative clause ("Umerov, chief of
# the council, said", "Varga, who has been in office since 2018, said"); the closing comma
# may already be cut off with the words before the verb.
_APPOSITION = re.compile(r"\s*(?:,\s*(?:who|which|whose|the|a|an|\d+|[a-z]+\s+(?:of|for|at))\b"
                         r"[^,;“”\"]{0,90},?)?\s*")
_AND = re.compile(r"\s*,?\s*(?:and\s+)?")  # "Putin and Trump said", "Putin, Trump said"
MAX_VERBS = 4  # speech verbs tried per sentence: keeps a sentence's cost linear in its length


@dataclass(frozen=True, slots=True)
class Speaker:
    """A named speaker: people (their mentions, maybe in an earlier sentence) or a body."""

    name: str  # "Dmitry Peskov", "Ukraine", "local authorities"; several joined by "; "
    people: tuple[PersonMention, ...] = ()
    parties: tuple[str, ...] = ()  # the state a body speaks for: "Ukrainian officials"
    neutral: bool = False  # reports rather than takes a side: analysts, a court
    head: str = ""  # a body's head noun, lower case: "ministry"
    bare: bool = False  # the body is named by its head noun alone: "the ministry"

    @property
    def plural(self) -> bool:
        return len(self.people) > 1 or (not self.people and self.name.endswith("s"))


@dataclass(frozen=True, slots=True)
class SpeakerRules:
    verb: re.Pattern[str]
    between: re.Pattern[str]  # auxiliaries at the end of the text before a verb
    subject_pronoun: re.Pattern[str]
    object_pronoun: re.Pattern[str]
    pronoun_kind: dict[str, str]  # pronoun → person, body, plural
    body_before: re.Pattern[str]  # a body phrase ending where the text ends
    body_after: re.Pattern[str]  # a body phrase starting where the text starts
    plural_leaders: re.Pattern[str]
    titles: TitleData
    neutral: frozenset[str]  # head nouns of neutral bodies
    body_nouns: frozenset[str]  # "Residents said": a body, though capitalised like a name
    neutral_title: re.Pattern[str]  # a neutral title just before a name: "analyst"


def _alternatives(words: Sequence[str]) -> str:
    return phrase_pattern(list(words)) or "(?!)"


def build_rules(data: dict[str, Any], titles: TitleData) -> SpeakerRules:
    kinds = {w: "person" for w in data.get("person_pronouns", [])}
    kinds |= {w: "body" for w in data.get("body_pronouns", [])}
    kinds |= {w: "plural" for w in data.get("plural_pronouns", [])}
    objects: dict[str, str] = dict(data.get("object_pronouns", {}))
    modifier = rf"(?:(?:{_alternatives(data.get('body_modifiers', []))}|[A-Z][\w.’'-]*)\s+)"
    bodies = list(data.get("bodies", []))
    body = rf"(?:{_alternatives(bodies + [b[:1].upper() + b[1:] for b in bodies])})"
    return SpeakerRules(
        verb=re.compile(rf"\b(?:{_alternatives(data.get('verbs', []))})\b|"
                        rf"\b(?P<participle>{_alternatives(data.get('participles', []))})\b"),
        between=re.compile(rf"(?:\s+(?:{_alternatives(data.get('between', []))}))*\s*,?\s*$"),
        subject_pronoun=re.compile(rf"(?<![\w’'-])({_alternatives(list(kinds))})\s*$",
                                   re.IGNORECASE),
        object_pronoun=re.compile(rf"\s*({_alternatives(list(objects))})\b"),
        pronoun_kind=kinds | {k: v for k, v in objects.items()},
        body_before=re.compile(rf"(?<![\w-])({modifier}{{0,4}}{body})\s*$"),
        body_after=re.compile(rf"\s*({modifier}{{0,4}}{body})\b"),
        plural_leaders=re.compile(rf"(?:{_alternatives(data.get('plural_leaders', []))})\s*$",
                                  re.IGNORECASE),
        titles=titles,
        neutral=frozenset(w.lower() for w in data.get("neutral", [])),
        body_nouns=frozenset(w.lower() for w in data.get("bodies", [])),
        neutral_title=re.compile(rf"(?<![\w-])(?:{_alternatives(data.get('neutral', []))})"
                                 r"[\s,]*$", re.IGNORECASE),
    )


@functools.lru_cache(maxsize=8)
def _rules(folder: str | None, _changed: float = 0.0) -> SpeakerRules:
    return build_rules(load_data("speakers.toml", folder), title_data(folder))


def load_rules(folder: str | Path | None = None) -> SpeakerRules:
    """The bundled rules, or the folder's own when it has a `speakers.toml` (cached by mtime)."""
    path = override("speakers.toml", folder)
    if path is None:
        return _rules(None)
    return _rules(str(folder), path.stat().st_mtime)


def _person(mention: PersonMention, neutral: bool = False) -> Speaker:
    return Speaker(" ".join(mention.tokens), (mention,), neutral=neutral)


def _body(text: str, start: int, parties: Sequence[Mention], rules: SpeakerRules) -> Speaker:
    """A body as a speaker; one named as a state's own speaks as that state."""
    name = _ARTICLE.sub("", text)
    inside = tuple(dict.fromkeys(m.party for m in parties if start <= m.start < start + len(text)))
    head = name.rsplit(None, 1)[-1].lower()
    return Speaker(inside[0] if len(inside) == 1 else name, (), inside,
                   neutral=head in rules.neutral, head=head, bare=" " not in name.strip())


def _state(mention: Mention) -> Speaker:
    return Speaker(mention.party, (), (mention.party,), head=mention.party.lower())


def _only_titles(between: str, rules: SpeakerRules) -> bool:
    """True when the words between a verb and a name are a title: "said Kremlin spokesperson"."""
    rest = rules.titles.title_re.sub(" ", between)
    for word in _TITLE_WORD.findall(rest):
        plain = word[:-2] if word.endswith(("'s", "’s")) else word
        if not (plain[:1].isupper() or plain in rules.titles.modifiers
                or plain.lower() in ("the", "a", "an", "by")):
            return False
    return not _PUNCTUATION.search(between)


class SpeakerFinder:
    """Feed a document's sentences in order; each call says who speaks in that sentence."""

    def __init__(self, text: str, rules: SpeakerRules | None = None) -> None:
        self.text = text
        self.rules = rules or load_rules()
        self.person: Speaker | None = None  # last named person (speaker or sentence subject)
        self.body: Speaker | None = None
        self.group: Speaker | None = None  # last several people named together
        self.named: list[PersonMention] = []  # the last two distinct people named
        self.in_quote = False  # a quotation still open at the end of the last sentence
        self.quote_speaker: Speaker | None = None
        self.paragraph = -1
        self.pending: list[int] = []  # sentences in an open quotation not yet attributed
        self.found: dict[int, Speaker] = {}
        self.subject: PersonMention | None = None  # the current sentence's named subject
        self.bodies: dict[str, Speaker] = {}  # last body named, by its head noun

    def sentence(self, number: int, start: int, end: int, paragraph: int,
                 people: Sequence[PersonMention], parties: Sequence[Mention]) -> Speaker | None:
        """The speaker of sentence `number` (text[start:end]), as far as known so far; a
        quotation attributed later is settled by `finish`."""
        if paragraph != self.paragraph:
            self.pending.clear()
            self.quote_speaker = None
            self.paragraph = paragraph
        text = self.text
        started_in_quote = self.in_quote
        opens_with_quote = text[start:end].lstrip()[:1] in _OPEN + '"'
        quoted = self._quoted(start, end)
        self.subject = self._subject(start, people)
        speaker = self._attributed(start, end, people, parties, quoted)
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
        self._remember(people, speaker)
        return speaker

    def finish(self) -> dict[int, Speaker]:
        """Every attributed sentence's speaker, by sentence number."""
        return self.found

    def _quoted(self, start: int, end: int) -> list[tuple[int, int]]:
        """The quoted stretches of the sentence; notes a quotation left open at its end."""
        spans: list[tuple[int, int]] = []
        open_at = start if self.in_quote else -1
        for mark in _QUOTE.finditer(self.text, start, end):
            char, index = mark.group(), mark.start()
            if char in _OPEN or (char == '"' and open_at < 0):
                open_at = index
            elif (char in _CLOSE or char == '"') and open_at >= 0:
                spans.append((open_at, index + 1))
                open_at = -1
        self.in_quote = open_at >= 0
        if open_at >= 0:
            spans.append((open_at, end))
        return spans

    def _attributed(self, start: int, end: int, people: Sequence[PersonMention],
                    parties: Sequence[Mention], quoted: list[tuple[int, int]]
                    ) -> Speaker | None:
        rules, text = self.rules, self.text
        verbs = (v for v in rules.verb.finditer(text, start, end)
                 if not any(a <= v.start() < b for a, b in quoted))
        for verb in itertools.islice(verbs, MAX_VERBS):
            found = self._before(start, verb.start(), people, parties)
            if found is None:
                found = self._after(verb.end(), end, text[start : verb.start()], people,
                                    parties)
            lead = text[max(start, verb.start() - 6) : verb.start()].rstrip()
            coordinated = lead.endswith(" and") or lead == "and"
            if found is None and (verb.group("participle") or coordinated):
                # "…, telling reporters", "Zelenskyy slammed the attacks and accused Moscow"
                subject = self._subject(start, [m for m in people if m.start < verb.start()])
                found = _person(subject) if subject is not None else None
            if found is not None:
                return self._fuller(found)
        for match in itertools.islice(_ACCORDING.finditer(text, start, end), MAX_VERBS):
            at = match.end()
            found = self._object(at, end, people, parties)
            if found is not None:
                return self._fuller(found)
        return None

    def _fuller(self, speaker: Speaker) -> Speaker:
        """"the ministry" after "China's commerce ministry": the body named in full before;
        "analyst Jane Doe said": a neutral source."""
        if len(speaker.people) == 1 and not speaker.neutral:
            start = speaker.people[0].start
            if self.rules.neutral_title.search(self.text, max(0, start - 40), start):
                return dataclasses.replace(speaker, neutral=True)
        if not speaker.bare:
            return speaker
        return self.bodies.get(speaker.head, speaker)

    def _before(self, start: int, verb: int, people: Sequence[PersonMention],
                parties: Sequence[Mention]) -> Speaker | None:
        """The subject just before a speech verb: a name, a pronoun, a body, a pair."""
        rules, text = self.rules, self.text
        window = max(start, verb - 160)
        stripped = rules.between.search(text, window, verb)
        cut = stripped.start() if stripped else verb
        named = [m for m in people
                 if 0 <= cut - m.end <= 100 and _APPOSITION.fullmatch(text, m.end, cut)
                 and not (len(m.tokens) == 1 and m.tokens[0].lower() in rules.body_nouns)]
        if named:
            last = named[-1]
            pair = [m for m in people if 0 <= last.start - m.end < 60
                    and not rules.titles.title_re.match(text, m.start)  # "Prime Minister"
                    and self._joined(text[m.end : last.start])]
            return Speaker("; ".join(" ".join(m.tokens) for m in (*pair[-1:], last)),
                           (*pair[-1:], last)) if pair else _person(last)
        before = text[window:cut]
        pronoun = rules.subject_pronoun.search(before)
        if pronoun:
            return self._resolve(pronoun.group(1).lower(), own_subject=False)
        if rules.plural_leaders.search(before):
            return self._leaders()
        body = rules.body_before.search(before)
        if body:
            return _body(body.group(1), window + body.start(1), parties, rules)
        state = [m for m in parties  # "Kyiv said", "Ukraine, for its part, maintains"
                 if 0 <= cut - m.end <= 100 and _APPOSITION.fullmatch(text, m.end, cut)]
        if state:
            last_state = state[-1]
            joined = [m for m in parties if 0 <= last_state.start - m.end < 12
                      and self._joined(text[m.end : last_state.start])]
            if joined and joined[-1].party != last_state.party:  # "the EU and the US urged"
                states = (joined[-1].party, last_state.party)
                return Speaker("; ".join(states), (), states)
            return _state(last_state)
        return None

    def _joined(self, between: str) -> bool:
        """True when two names are one subject: "Macron and British Prime Minister Starmer"."""
        joint = _AND.match(between)
        return joint is not None and joint.end() > 0 and _only_titles(between[joint.end():],
                                                                     self.rules)

    def _after(self, verb_end: int, end: int, before: str,
               people: Sequence[PersonMention], parties: Sequence[Mention]) -> Speaker | None:
        """Inverted attribution: "…,” said Dmitry Peskov", "confirmed by Zelensky"."""
        rules, text = self.rules, self.text
        by = _BY.match(text, verb_end, end)
        if not by and before.rstrip()[-1:] not in (",", "”", '"', "»"):
            return None
        at = by.end() if by else verb_end
        for mention in people:
            if mention.start >= at and _only_titles(text[at : mention.start], rules):
                return _person(mention)
            if mention.start >= at:
                break
        body = rules.body_after.match(text, at, end)
        if body:
            return _body(body.group(1), body.start(1), parties, rules)
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
                if _only_titles(text[at : mention.start], rules):
                    return _person(mention)
                break
        body = rules.body_after.match(text, at, end)
        if body:
            return _body(body.group(1), body.start(1), parties, rules)
        state = next((m for m in parties if m.start == at), None)
        return _state(state) if state else None

    def _resolve(self, pronoun: str, own_subject: bool = True) -> Speaker | None:
        kind = self.rules.pronoun_kind.get(pronoun, "person")
        if kind == "person":
            # "Zelensky condemned …, according to him": the sentence's own subject first;
            # a subject pronoun ("…, he said") refers back past it.
            if own_subject and self.subject is not None:
                return _person(self.subject)
            return self.person
        if kind == "body":
            return self.body
        return self.group or self.body or self.person

    def _leaders(self) -> Speaker | None:
        if len(self.named) < 2:
            return None
        pair = tuple(self.named[-2:])
        return Speaker("; ".join(" ".join(m.tokens) for m in pair), pair)

    def _remember(self, people: Sequence[PersonMention], speaker: Speaker | None) -> None:
        """Update the antecedents: this sentence's named speaker, else its named subject."""
        for mention in people:
            key = mention.tokens[-1]
            self.named = [*[m for m in self.named if m.tokens[-1] != key][-1:], mention]
        if speaker is not None and len(speaker.people) > 1:
            self.group = speaker
        elif speaker is not None and speaker.people:
            self.person = speaker
        elif speaker is not None and speaker.name:
            self.body = speaker
            if speaker.head and not speaker.bare:
                self.bodies[speaker.head] = speaker
            if speaker.plural:
                self.group = speaker
        if self.subject is not None and (speaker is None or not speaker.people):
            self.person = _person(self.subject)

    def _subject(self, start: int, people: Sequence[PersonMention]) -> PersonMention | None:
        """A person named at the head of the sentence ("Ukrainian President Volodymyr Zelensky
        condemned …", "In this context, Zelenskyy gave …")."""
        title = self.rules.titles.title_re
        first = next((m for m in people if not title.match(self.text, m.start)), None)
        if first is None:
            return None
        head = self.text[start : first.start]
        head = _LEADING_PHRASE.sub("", head) if "," in head else head
        return first if _only_titles(head, self.rules) else None


def find_speakers(text: str, sentences: Sequence[tuple[int, int, int, bool]],
                  people: Sequence[Sequence[PersonMention]],
                  parties: Sequence[Sequence[Mention]],
                  rules: SpeakerRules | None = None) -> list[Speaker | None]:
    """The speaker of each sentence (start, end, paragraph, is page furniture), given its
    person and party mentions; None where no one is said to speak. Page furniture (related
    stories, captions) keeps antecedents of its own, apart from the article's."""
    article, furniture = SpeakerFinder(text, rules), SpeakerFinder(text, rules)
    for number, (start, end, paragraph, extra) in enumerate(sentences):
        (furniture if extra else article).sentence(number, start, end, paragraph,
                                                   people[number], parties[number])
    found = article.finish() | furniture.finish()
    return [found.get(n) for n in range(len(sentences))]
