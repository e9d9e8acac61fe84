"""Parties an event involves: states and organisations, found by name, demonym, capital,
metonym or alias, from the gazetteer data in `resources/gazetteer.toml`.

A capital is a party when it acts ("Kyiv characterized the attacks", "Moscow has insisted")
and a place when it is only the venue ("talks in Moscow"); other cities are never parties. A
demonym is not a party when it describes a place ("in the Nigerian capital") or an armed group
("Somali al-Shabaab militants"); a hostile epithet reads as its state. The words that decide
are data (`[context]` in `resources/gazetteer.toml`).
"""

from __future__ import annotations

import operator
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from viewer.core.events.name_scan import NameScanner
from viewer.core.events.record_builder import slot_constructor
from viewer.core.events.state_bodies import office_states, own_state
from viewer.core.events.tail_words import TailWords, may_end

_LOOK = 40  # how far around a name the context rules look
# A name coordinated with a venue just before it: "visit Lomé and Accra" (both venues).
_VENUE_JOIN = re.compile(r"\s*(?:,\s*|\s+)?(?:and|or)?\s*")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    party: str
    kind: str  # name, alias, demonym, capital, metonym, epithet


# `Mention(...)` without the frozen class's per-field setattr (0.75 against 1.35 µs): a
# long article makes tens of thousands
_mention = slot_constructor(Mention)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    pattern: re.Pattern[str]
    forms: dict[str, tuple[str, str]]  # surface → (party, kind)
    venue_before: re.Pattern[str] = re.compile(r"(?!)")  # ends where a venue's name starts
    place_after: re.Pattern[str] = re.compile(r"(?!)")  # "capital", "border town" after a demonym
    group_after: re.Pattern[str] = re.compile(r"(?!)")  # "militants" or a group's name
    actor_venue: re.Pattern[str] = re.compile(r"(?!)")  # "officials in " before a seat
    former: re.Pattern[str] = re.compile(r"(?!)")  # "a former " before a demonym
    # "the bloc", "the agency", "the group": descriptions that refer back to a party named
    # before in the same article (the latest named of their candidates).
    reference: re.Pattern[str] = re.compile(r"(?!)")
    referents: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # The names of `forms` as one automaton (what `pattern` finds, one scan per document).
    names: NameScanner | None = field(default=None, compare=False)
    # "Both sides …", "The two ministers …" opening a sentence: the two parties named last.
    pair: re.Pattern[str] = re.compile(r"(?!)")
    reference_phrases: tuple[str, ...] = ()  # what `reference` matches, as written
    company_after: re.Pattern[str] = re.compile(r"(?!)")  # "bank", "container carrier"
    # "It denied …", "Its foreign ministry said …" opening a sentence: the party that was the
    # subject of the sentence before (`pronoun_verbs` in the gazetteer's context)
    pronoun: re.Pattern[str] = re.compile(r"(?!)")
    # "the Gulf of Finland", "the University of Ghana": a name that contains a state's name;
    # "Kenya's Supreme Court"
    inside_name: re.Pattern[str] = re.compile(r"(?!)")
    owned_name: re.Pattern[str] = re.compile(r"(?!)")
    state_pair: re.Pattern[str] = re.compile(r"(?!)")  # "countries" in "both countries"
    countries: frozenset[str] = frozenset()
    venue_after: re.Pattern[str] = re.compile(r"(?!)")  # " talks" in "the Rome talks"
    arbiters: frozenset[str] = frozenset()  # never one of "the two sides" (`pair_arbiters`)
    posted: re.Pattern[str] = re.compile(r"(?!)")  # "the WHO representative in " + a state
    # "on the sidelines of a " / "mission to the " + an international body: no actor
    hosted: re.Pattern[str] = re.compile(r"(?!)")
    # "The Palestinian group": a group described by a word, not the state of that word
    described_group: re.Pattern[str] = re.compile(r"(?!)")
    group_nouns: tuple[str, ...] = ()  # the nouns of `described_group`, to skip it cheaply
    # What a window must end with for `venue_before`, `former` and `inside_name` to match
    # there (`tail_words`); None: search it.
    venue_tail: TailWords | None = None
    former_tail: TailWords | None = None
    inside_tail: TailWords | None = None
    # "…, officials in both countries said.": a pair a report is attributed to
    pair_said: re.Pattern[str] = re.compile(r"(?!)")
    # "Water Minister Dawit Alemu", "the new finance minister, Amina Wario": a state's office
    # before a name, with no state named for it (`state_offices`)
    office: re.Pattern[str] = re.compile(r"(?!)")
    office_words: tuple[str, ...] = ()  # the offices' words, to skip `office` cheaply
    state_phrases: frozenset[str] = frozenset()  # `state_references`, in lower case
    leader_names: frozenset[str] = frozenset()  # the words of people.toml's leaders' names
    # the words every pair reference holds one of ("both", "Two", "neither"): the pair
    # expressions run only where one is
    pair_words: re.Pattern[str] = re.compile(r"(?!)")
    private_after: re.Pattern[str] = re.compile(r"(?!)")  # "hauliers", "ports" (no article)
    pair_firsts: tuple[str, ...] = ()  # `pair_words`' words, in lower case
    # The longest word (split at spaces and hyphens, in lower case) of every noun and name
    # `group_after`, `private_after` and `company_after` look for after a demonym: where none
    # begins a word of the window after it, none of the three can match (`_noun_after`).
    # None: not known (a word beyond ASCII), the expressions are asked.
    after_heads: tuple[str, ...] | None = None

    def pronoun_reference(self, text: str, start: int, end: int, previous: str | None
                          ) -> Mention | None:
        """A sentence opened by "It <verb>" or "Its <noun>" is about `previous`, the party
        the sentence before opened with (None: no such party, so no reference)."""
        if previous is None:
            return None
        match = self.pronoun.match(text, start, end)
        return None if match is None else Mention(match.start(1), match.end(1), previous,
                                                  "reference")

    def dateline_state(self, text: str, start: int, end: int) -> str | None:
        """The state whose seat a dateline names ("NAIROBI, Sept 29 —"): the state "the
        government" or "police" of a report filed from there means until the article names
        one. Other places ("ANTAKYA —") name no state."""
        head = _DATELINE_PLACE.match(text, start, end)
        if head is None or not head.group(1).isupper():  # a dateline writes it in capitals
            return None
        place = " ".join(w.capitalize() for w in head.group(1).split())
        party, kind = self.forms.get(place, ("", ""))
        if kind == "capital":
            return party
        state = _DATELINE_STATE.match(text, head.end(), end)  # "KIRIKHAN, Turkey (Oct. 28) —"
        if state is not None and text[head.end() - 1] == ",":
            party, kind = self.forms.get(state.group(1), ("", ""))
            return party if kind == "name" else None
        return None

    @staticmethod
    def subject(text: str, start: int, mentions: list[Mention]) -> str | None:
        """The party a sentence opens with ("Ghana's minister said", "On Monday, the Houthis
        …"): what a following "It …" refers to."""
        if not mentions:
            return None
        first = min(mentions, key=mention_start)
        if _SUBJECT_LEAD.fullmatch(text, start, first.start):
            return first.party
        return None

    def references(self, text: str, start: int, end: int, named: dict[str, int],
                   spans: list[tuple[int, int]] | None = None,
                   times: dict[str, int] | None = None, pair_at: Sequence[int] | None = None
                   ) -> list[Mention]:
        """Descriptions in text[start:end] of parties in `named` (party → when it was last
        named; the latest candidate wins). `spans`: where `reference` matches there, if a
        document-wide pass found them; `pair_at`: where the text holds one of `pair_firsts`
        in any case (`party_context.pair_word_starts`), if the caller found them."""
        found = []
        if spans is None:
            spans = [match.span() for match in self.reference.finditer(text, start, end)]
        for at, stop in spans:
            key = text[at:stop].lower()
            if key in self.state_phrases:
                own = own_state(self, text, start, at)
                if own is not None:  # "Romanian border police", "In Dublin, the government"
                    if own:
                        found.append(Mention(at, stop, own, "reference"))
                    continue
            candidates = [p for p in self.referents.get(key, ()) if p in named]
            if candidates:
                party = max(candidates, key=lambda p: named[p])
                found.append(Mention(at, stop, party, "reference"))
        ministries = (_PORTFOLIO_MINISTRY.finditer(text, start, end)
                      if text.find("ministry", start, end) >= 0 else ())
        for match in ministries:
            # "the environment and urbanisation ministry": as "the ministry"
            candidates = [p for p in self.referents.get("the ministry", ()) if p in named]
            if candidates:
                party = max(candidates, key=lambda p: named[p])
                found.append(Mention(match.start(), match.end(), party, "reference"))
        described: Iterable[re.Match[str]] = ()
        for noun in self.group_nouns:  # (a loop, not any() of a generator: once a sentence)
            if text.find(noun, start, end) >= 0:
                described = self.described_group.finditer(text, start, end)
                break
        for match in described:
            candidates = [p for p in self.referents.get(f"the {match.group(1).lower()}", ())
                          if p in named]
            if candidates:
                party = max(candidates, key=lambda p: named[p])
                found.append(Mention(match.start(), match.end(), party, "reference"))
        # only as the sentence's subject ("Both sides said …", "A week later, the two
        # ministers …") or the source it cites ("…, officials in both countries said"), not
        # as an object ("urged both sides")
        # (only where a pair's own word is: most sentences hold none)
        # (where the document's pair words are is asked first: the expression, tried at
        # every character, cost 3-5 µs a sentence, and most sentences hold none of them)
        seen = pair_at is None or (
            (at := bisect_left(pair_at, start)) < len(pair_at) and pair_at[at] < end)
        seen = seen and self.pair_words.search(text, start, end) is not None
        pair = self.pair.match(text, start, end) if seen else None
        if pair is None and seen and text.find(",", start, end) >= 0:
            pair = self.pair_said.search(text, start, end)
        if pair is not None:
            # "both countries", "the two governments": the two states named last
            states = self.state_pair.search(pair.group(1)) is not None
            for party in _latest_two(named, self.countries if states else None, times,
                                     self.arbiters):
                found.append(Mention(pair.start(1), pair.end(1), party, "reference"))
        for word in self.office_words:  # (asked here: most sentences hold no office)
            if text.find(word[1:], start, end) >= 0:
                for at, stop, party in office_states(self, text, start, end, named):
                    found.append(Mention(at, stop, party, "reference"))
                break
        return found

    def mentions(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Every party mention in text[start:end], venues excluded."""
        end = len(text) if end is None else end
        found: list[Mention] = []
        venue_end = -1  # where the last capital read as a venue ended
        spans = (self.names.spans(text, start, end) if self.names is not None
                 else [match.span() for match in self.pattern.finditer(text, start, end)])
        for at, stop in spans:
            party, kind = self.forms[text[at:stop]]
            if kind in ("capital", "name") and _dash_or_bracket(text, stop) and (
                    _DATELINE_TAIL.match(text, stop, end)) and (
                    (kind == "capital" and not text[start:at].strip())
                    or _DATELINE_HEAD.fullmatch(text, start, at)):
                continue  # a dateline's place: "The Hague — …", "KIRIKHAN, Turkey (Oct. 28) —"
            if kind == "capital" and self.venue_after.match(text, stop, end) and (
                    _THE_BEFORE.search(text, max(start, at - 5), at)):
                continue  # the venue that names a meeting: "the Rome talks"
            if kind == "capital":
                before = text[max(start, at - _LOOK) : at]
                after = text[stop : stop + 3]
                if ((may_end(self.venue_tail, before) and self.venue_before.search(before)
                        and (not after.startswith(("'s", "’s"))
                             or _PLACE_AFTER_POSSESSIVE.match(text, stop, end))
                        and not self._actors_there(text, before, at, found))
                        or (venue_end >= 0 and _VENUE_JOIN.fullmatch(text, venue_end, at))):
                    venue_end = stop
                    continue
            elif kind == "demonym" and self._describes(text, at, stop, end):
                continue
            tail = text[max(start, at - 6) : at]  # "of", "in": the place rules need one
            if kind in ("name", "alias") and (
                    (may_end(self.inside_tail, text, max(start, at - _LOOK), at)
                     and self.inside_name.search(text, max(start, at - _LOOK), at))
                    or ("of" in tail and _PLACE_OF.search(text, max(start, at - _LOOK), at))
                    or ("in" in tail and self.posted.search(text, max(start, at - _LOOK), at))
                    or self.owned_name.match(text, stop, min(end, stop + _LOOK))):
                continue  # part of another name: a place, a university, a national court
            if (kind in ("name", "alias") and party not in self.countries
                    and self.hosted.search(text, max(start, at - _LOOK), at)):
                continue  # a body that hosts a meeting or takes envoys: no actor there
            found.append(_mention(at, stop, party, kind))
        return found

    def _actors_there(self, text: str, before: str, at: int, found: list[Mention]) -> bool:
        """"officials in Brussels" speak for the seat; "UN officials in Sanaa" for the UN."""
        actors = self.actor_venue.search(before)
        if actors is None:
            return False
        head = at - len(before) + actors.start()
        return not (found and 0 <= head - found[-1].end <= 1)

    def _noun_after(self, rest: str) -> bool:
        """False only where no word of `after_heads` begins a word of `rest`, so that
        `group_after`, `private_after` and `company_after` cannot match it: each matches a
        noun or name after a space or a hyphen, all of its words (case-blind or as written)
        each after a space or a hyphen. Words of an ASCII window are split at those and
        compared in lower case, as a case-blind expression compares ASCII."""
        heads = self.after_heads
        if heads is None or not rest.isascii():
            return True
        for word in rest.lower().replace("-", " ").split():  # noqa: SIM110 (no generator)
            if word.startswith(heads):
                return True
        return False

    def _describes(self, text: str, at: int, after: int, end: int) -> bool:
        """A demonym that describes a place or an armed group, not the state acting."""
        rest = text[after : min(end, after + _LOOK)]
        noun = self._noun_after(rest)  # (most demonyms: "officials", "forces": none of them)
        if (noun and self.group_after.match(rest)) or (
                at >= 4 and self.described_group.match(text, at - 4, min(end, after + 16))):
            return True  # "Somali al-Shabaab militants", "the Palestinian group"
        if (may_end(self.former_tail, text, max(0, at - _LOOK), at)
                and self.former.search(text, max(0, at - _LOOK), at)):
            return True
        if noun and self.private_after.match(rest):
            return True  # "Italian hauliers", "Norwegian ports": private people or things
        if noun and self.company_after.match(rest) and re.search(
                r"\b(?:a|an|the|its|their)\s+$", text[max(0, at - _LOOK) : at],
                re.IGNORECASE):
            return True  # "a Danish container carrier", "the Finnish grid operator": a firm
        if self.place_after.match(rest):
            before = text[max(0, at - _LOOK) : at]
            return bool(re.search(r"\b(?:the|a|an)\s+$", before, re.IGNORECASE)
                        or (may_end(self.venue_tail, before) and self.venue_before.search(before)))
        return False



# A mention's first character: the sort and search key of mentions in text order (read in
# C: sorts, minimums and binary searches ask it for every mention they compare).
mention_start: Callable[[Mention], int] = operator.attrgetter("start")


# the place a dateline opens with, before its comma, date or dash
_DATELINE_PLACE = re.compile(r"\s*([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})\s*(?:,|—|–|\()")

# what may come before a sentence's subject: quotes, "The", an opening phrase and its comma
# (a sentence opened by a quotation has its speaker, not what the quote names, as subject)
# After a dateline's place: "(Oct. 28)" or ", Sept 29", then a dash.
_DATELINE_TAIL = re.compile(r"(?:\s*\([^()]{1,30}\))?(?:\s*,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
                            r"\s*[—–]\s")
_DATELINE_HEAD = re.compile(r"\s*[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,2}\s*,\s*")  # "KIRIKHAN, "
_DATELINE_STATE = re.compile(r"\s*([A-Z][\w ]{2,30}?)(?=\s*\(|\s*[—–])")
def _dash_or_bracket(text: str, at: int) -> bool:
    """Whether a dateline's tail may follow (a bracket, a comma or a dash within 3)."""
    near = text[at : at + 3]
    return "(" in near or "," in near or "—" in near or "–" in near


_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_PORTFOLIO_MINISTRY = re.compile(r"\b[Tt]he\s+[a-z]+\s+and\s+[a-z]+\s+ministry\b")
# A place's name "of" a state after a preposition: "at the Bomas of Kenya".
_PLACE_OF = re.compile(r"\b(?:at|in|to|from|near|outside|inside)\s+the\s+[A-Z][\w'’-]*"
                       r"(?:\s+[A-Z][\w'’-]*)?\s+of\s+$")
# After a seat's possessive, a capitalised place: "at Nairobi's Kamukunji grounds".
_PLACE_AFTER_POSSESSIVE = re.compile(r"['’]s\s+[A-Z]")
_SUBJECT_LEAD = re.compile(r"\s*(?:[^,.;:“”\"]{1,40},\s*)?(?:[Tt]he\s+)?")


def _latest_two(named: dict[str, int], among: frozenset[str] | None = None,
                times: dict[str, int] | None = None, skip: frozenset[str] = frozenset()
                ) -> list[str]:
    """The two parties (of `among`, if given) named last, in one pass (no sort): a pair
    reference needs both. Given `times` (how often the article named each), the two named
    most, the later first on a tie: the story's two sides, not whoever came up last."""
    first: tuple[tuple[int, int], str] | None = None
    second: tuple[tuple[int, int], str] | None = None
    for party, last in named.items():
        if (among is not None and party not in among) or party in skip:
            continue
        at = (times.get(party, 0) if times is not None else 0, last)
        if first is None or at > first[0]:
            first, second = (at, party), first
        elif second is None or at > second[0]:
            second = (at, party)
    return [p for _, p in (first, second)] if first and second else []
