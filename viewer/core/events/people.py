"""People in the news: find person names, link each to a party by the title the text gives
them, and merge spelling variants across a folder.

Per document, `find_people` returns mentions with the evidence around them; `PeopleRegistry`
then works over the whole folder: "Kremlin spokesperson Dmitry Peskov" in one article makes
"Peskov said" in another a Russian voice, and Zelensky / Zelenskyy / Zelenskiy are one person.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from viewer.core.events.name_lookups import remembered
from viewer.core.events.name_tokens import Words
from viewer.core.events.parties import Gazetteer, Mention
from viewer.core.events.record_builder import slot_constructor
from viewer.core.events.story_roles import ROLE_MARK, RoleRules, find_roles
from viewer.core.events.title_parties import PersonMention as PersonMention
from viewer.core.events.title_parties import TitleData as TitleData
from viewer.core.events.title_parties import title_at, title_party
from viewer.core.events.title_parties import title_data as title_data

_PARTICLES = frozenset("bin ibn al el de da van von der den la le di du del dos".split())
_SPEECH = re.compile(  # matched at a name's end (`match` anchors there; no "^")
    r"\s*(?:,\s*)?(?:has\s+|had\s+|also\s+|later\s+|then\s+)?(?:said|says|told|stated|noted|"
    r"added|warned|announced|wrote|insisted|stressed|claimed|urged|argued|explained|confirmed|"
    r"acknowledged|tweeted|posted|replied|responded|underscored|clarified|described|"
    r"condemned|vowed|offered|pushed|discussed|met|gave)\b"
)
_STOP_WORDS = frozenset(
    "The A An In On At By For From With And But Or Of To As After Before Despite While When If "
    "This That These Those It Its His Her Their Our We He She They I You Yet So Also Even "
    "Although However Meanwhile Moreover Previous Several Some Many Most More Both Each Every "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept "
    "Oct Nov Dec Read Related Comments Guests "
    "Presenter Hashtags Explore Try Why How What Who Where Which There Here Peace Talks War "
    "News Progress Pressure Battlefield Realities Security Council Nuclear Power Plant Ministry "
    "Minister Foreign Defence Defense Interior Affairs Office Agency Forces Army Navy Air "
    "State Department Union Nations United Republic Federation Government Parliament Senate "
    "House Court Party Committee Commission Bank Fund Organization Organisation Institute "
    "Initiative Program Programme Project Group Brigade Regiment Region Oblast City Province "
    "North South East West Northern Southern Eastern Western Central Hotel Palace Square Street "
    "Sea Ocean River Lake Mount Island Islands Gulf Peninsula Strait Bay Day Week Year Eve "
    "Christmas Easter Axios Reuters Politico AP AFP BBC CNN Al Jazeera TDI NewsFeed X Deputy "
    "Lead Chief Executive Director Professor Independent Analyst Envoy Spokesperson Resident "
    "Regional Governor Inside Story Democracy Eurasia Quincy Responsible Statecraft Molise "
    "University Spider Web Web InterContinental Mechanics Map Author More From".split()
)

_person_mention = slot_constructor(PersonMention)  # as `PersonMention(...)`, at half the cost


@functools.lru_cache(maxsize=65536)
def surname_key(word: str) -> str:
    """A spelling-tolerant key: Zelensky, Zelenskyy and Zelenskiy share "zelensky"."""
    plain = unicodedata.normalize("NFKD", word)
    plain = "".join(c for c in plain if c.isalpha()).lower()
    plain = re.sub(r"(?:iy|yy|ij|ii|yi|i|j)$", "y", plain)
    return plain.replace("kh", "h").replace("ck", "k")


def _is_name_token(token: str, gazetteer_forms: dict[str, tuple[str, str]],
                   titles: frozenset[str] = frozenset()) -> bool:
    word = _bare(token)
    particle, dash, rest = word.partition("-")
    if dash and particle in _PARTICLES and rest[:1].isupper():
        word = rest  # "al-Marri", "el-Sayed": a family name with its particle
    if not word or not word[0].isupper() or word in _STOP_WORDS or word in gazetteer_forms:
        return False
    if word in titles:
        return False
    if word.isupper() and len(word) > 1:
        return False  # acronyms: US, NATO, TDI
    return not (len(word) == 1 and not token.endswith("."))


def _bare(token: str) -> str:
    """A token without its possessive or final dot: "Witkoff's" → "Witkoff"."""
    if token.endswith("'s"):  # unrolled: this runs several times for every capital
        token = token[:-2]
    if token.endswith("’s"):
        token = token[:-2]
    return token.rstrip(".")


_BARE: dict[str, str] = {}
_BARE_WORDS = 100_000  # tokens remembered, then forgotten


def _bare_interned(token: str) -> str:
    """`_bare(token)`, interned (a long article names the same people thousands of times)
    and remembered per token, which comes back in every article."""
    found = _BARE.get(token)
    if found is None:
        if len(_BARE) >= _BARE_WORDS:
            _BARE.clear()
        found = _BARE[token] = sys.intern(_bare(token))
    return found


# The last rules' name test: (gazetteer forms, titles, test), read once by each call.
_READY: list[tuple[dict[str, tuple[str, str]], frozenset[str], Callable[[str], bool]] | None] = [
    None]


def find_people(text: str, sentences: Iterable[tuple[int, int]], gazetteer: Gazetteer,
                folder: str | Path | None = None,
                mentions: Sequence[Mention] | None = None,
                titles: TitleData | None = None) -> list[PersonMention]:
    """Person-name candidates in each sentence, with their evidence and title party.
    `titles`: the folder's titles when the caller has them (else read for `folder`)."""
    data = titles or title_data(folder)
    is_name = _name_test(gazetteer.forms, data.titles)
    found: list[PersonMention] = []
    for s_start, s_end in sentences:
        found_here = (mentions if mentions is not None
                      else gazetteer.mentions(text, s_start, s_end))
        _names_in(text, s_start, s_end, found_here, gazetteer, data, is_name, found)
    return found


def people_by_sentence(text: str, sentences: Sequence[tuple[int, int]],
                       mentions: Sequence[Sequence[Mention]], gazetteer: Gazetteer,
                       titles: TitleData) -> list[tuple[PersonMention, ...]]:
    """`find_people` of each sentence with its own party mentions, in order: the same
    answers as a call per sentence, the rules read once for the lot (a call per sentence
    cost a tenth of the stage in its setup)."""
    is_name = _name_test(gazetteer.forms, titles.titles)
    out: list[tuple[PersonMention, ...]] = []
    for (s_start, s_end), found_here in zip(sentences, mentions, strict=True):
        found: list[PersonMention] = []
        _names_in(text, s_start, s_end, found_here, gazetteer, titles, is_name, found)
        out.append(tuple(found))
    return out


def _name_test(forms: dict[str, tuple[str, str]], titles: frozenset[str]
               ) -> Callable[[str], bool]:
    """The name test of these rules: the one of the last call, most often."""
    ready = _READY[0]
    if ready is not None and ready[0] is forms and ready[1] is titles:
        return ready[2]
    is_name = remembered(_is_name_token, forms, titles)
    _READY[0] = (forms, titles, is_name)
    return is_name


def _names_in(text: str, s_start: int, s_end: int, found_here: Sequence[Mention],
              gazetteer: Gazetteer, data: TitleData, is_name: Callable[[str], bool],
              found: list[PersonMention]) -> None:
    """The names of text[s_start:s_end], added to `found` in text order."""
    words = Words(text, s_start, s_end, found_here)
    adjacent = words.adjacent
    taken = s_start  # a capital inside the last name found starts no other
    for first in words.capitals():
        start = first.start()
        word = first.group()
        if start < taken or not is_name(word):
            continue
        # The name's words, and where it ends; `nxt` (group 1) is the token after the
        # last word taken, or None where none is adjacent.
        tokens = [word]
        end = first.end()
        while len(tokens) < 4:
            nxt = adjacent(end)
            if nxt is None or word.endswith(("'s", "’s")):
                break  # a possessive ends the name: "Witkoff's announcement"
            word = nxt.group(1)
            if is_name(word) or (word in _PARTICLES and (
                    (after := words.following(nxt.end())) is not None
                    and is_name(after.group()))):
                tokens.append(word)
                end = nxt.end()
                continue
            break
        if (len(tokens) == 1 and nxt is not None and title_at(text, nxt.start(1), data)
                and not text[end : nxt.start(1)].strip()):
            taken = nxt.start(1)  # "Health Minister …", "Economy Minister …": part of the title
            continue
        taken = end
        names = ((_bare_interned(tokens[0]),) if len(tokens) == 1
                 else tuple([_bare_interned(t) for t in tokens]))
        end -= len(tokens[-1]) - len(names[-1])  # the name ends before its possessive or dot
        party, titled = title_party(text, start, end, s_start, gazetteer, data, found_here)
        # (a verb of speech after the name is evidence only where no title is)
        evidence = titled or _SPEECH.match(text, end, end + 40) is not None
        found.append(_person_mention(start, end, names, evidence, party))


def _votes(item: tuple[str, int]) -> int:
    return item[1]


ROLE_JOIN = "\x1d"  # between the parties of a role (`Person.party` of a role)


def is_role(mention: PersonMention) -> bool:
    """A role ("the mediators", `story_roles`), carried as a mention of the role's id."""
    return mention.tokens[0] == ROLE_MARK


def role_key(role: str) -> str:
    return f"{ROLE_MARK}:{role}"  # never a surname key (those are letters only)


@dataclass
class Person:
    name: str
    key: str
    first: str | None
    forms: Counter[str] = field(default_factory=Counter)
    party_votes: Counter[str] = field(default_factory=Counter)

    @property
    def party(self) -> str | None:
        """The party the texts give most often; a role's: every party it was bound to,
        by name, joined by `ROLE_JOIN`."""
        if self.key.startswith(ROLE_MARK):
            return ROLE_JOIN.join(sorted(self.party_votes)) or None
        # what `most_common(1)` gives (the first counted of the most votes), without its
        # heap machinery: this is read for every mention the folder resolves
        return max(self.party_votes.items(), key=_votes)[0] if self.party_votes else None


class PeopleRegistry:
    """Everyone a folder names, merged across spellings, with the party the texts give them."""

    def __init__(self, folder: str | Path | None = None) -> None:
        self.data = title_data(folder)
        self.people: dict[tuple[str, str | None], Person] = {}
        self._leaders: dict[str, tuple[str, str]] | None = None
        self.by_key: dict[str, list[Person]] = {}
        self.by_first: dict[str, list[Person]] = {}  # first word → people named in full

    def _person(self, first: str | None, last: str) -> Person:
        key = surname_key(last)
        candidates = self.by_key.get(key, [])
        for person in candidates:
            if first is None or person.first is None or person.first == first:
                if person.first is None and first is not None:
                    person.first = first
                return person
        person = Person(last if first is None else f"{first} {last}", key, first)
        self.people[(key, first)] = person
        self.by_key.setdefault(key, []).append(person)
        return person

    def learn(self, mentions: Iterable[PersonMention]) -> None:
        """First pass: names with evidence (two words or more) become people."""
        for mention in mentions:
            if is_role(mention):
                if mention.title_party:  # "the Egyptian mediators"
                    self._role(mention.tokens[-1]).party_votes[mention.title_party] += 1
                continue
            if len(mention.tokens) >= 2 and (mention.evidence or mention.title_party):
                person = self._person(mention.tokens[0], mention.tokens[-1])
                person.forms[" ".join(mention.tokens)] += 1
                if mention.title_party:
                    person.party_votes[mention.title_party] += 1

    def _role(self, role: str) -> Person:
        key = role_key(role)
        person = self.people.get((key, None))
        if person is None:
            person = self.people[(key, None)] = Person(key, key, None)
            self.by_key.setdefault(key, []).append(person)
        return person

    def _leader(self, last: str) -> tuple[str, str] | None:
        if self._leaders is None:
            self._leaders = {}
            for name, party in self.data.leaders.items():
                self._leaders.setdefault(surname_key(name.split()[-1]), (name, party))
        return self._leaders.get(surname_key(last))

    def finish(self) -> None:
        """Settle display names; the leaders list fills in parties no text gave."""
        for person in self.people.values():
            if person.key.startswith(ROLE_MARK):
                continue
            if person.first is not None:
                self.by_first.setdefault(person.first, []).append(person)
            if person.forms:
                person.name = person.forms.most_common(1)[0][0]
            if not person.party_votes:
                leader = self._leader(person.name.split()[-1])
                if leader is not None:
                    person.party_votes[leader[1]] = 1

    def named_first(self, word: str) -> Person | None:
        """The one person named in full whose name starts with `word`: a family name
        written first ("Gao" for Gao Jianming), or a given name used alone."""
        found = self.by_first.get(word, [])
        return found[0] if len(found) == 1 else None

    def resolve(self, mention: PersonMention) -> Person | None:
        """The person a mention names, if the folder knows them (or the text proves it);
        for a role used alone, the role as the folder binds it."""
        if is_role(mention):
            bound = self.by_key.get(role_key(mention.tokens[-1]))
            return bound[0] if bound and mention.title_party is None else None
        last = mention.tokens[-1]
        candidates = self.by_key.get(surname_key(last), [])
        if len(mention.tokens) >= 2:
            first = mention.tokens[0]
            for person in candidates:
                if person.first in (None, first):
                    return person
            if mention.evidence or mention.title_party:
                person = self._person(first, last)
                person.forms[" ".join(mention.tokens)] += 1
                if mention.title_party:
                    person.party_votes[mention.title_party] += 1
                return person
            return None
        if candidates:
            return max(candidates, key=lambda p: sum(p.forms.values()))
        first_named = self.named_first(last)
        if first_named is not None:
            return first_named
        leader = self._leader(last)
        if leader is not None:
            first, _, surname = leader[0].rpartition(" ")
            person = self._person(first.split()[0] if first else None, surname)
            person.name = leader[0]
            if not person.party_votes:
                person.party_votes[leader[1]] = 1
            return person
        if mention.evidence and mention.title_party:
            person = self._person(None, last)
            person.party_votes[mention.title_party] += 1
            return person
        return None


def role_mentions(text: str, start: int, end: int, parties: Sequence[Mention],
                  rules: RoleRules) -> tuple[PersonMention, ...]:
    """The roles of text[start:end] (`story_roles.find_roles`) as mentions the registry
    learns (a party bound to the role: evidence) and resolves (the role used alone)."""
    return tuple(PersonMention(at, stop, (ROLE_MARK, role), party is not None, party)
                 for at, stop, role, party in find_roles(text, start, end, parties, rules))
