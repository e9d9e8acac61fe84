"""What a speaker is, and how one is named from the words the speaker pass finds: a person
(by their mention), a body (by its phrase, speaking as its state when it is that state's own)
or a state (by its gazetteer mention), and whether that source is neutral."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from viewer.core.events.parties import Mention
from viewer.core.events.people import PersonMention
from viewer.core.events.record_builder import slot_constructor
from viewer.core.events.speaker_rules import SpeakerRules

_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_TITLE_WORD = re.compile(r"[\w’'.-]+")
_BODY_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_PUNCTUATION = re.compile(r"[,;:“”\"()]")


@dataclass(frozen=True, slots=True)
class Speaker:
    """A named speaker: people (their mentions, maybe in an earlier sentence) or a body."""

    name: str  # "Dmitry Peskov", "Ukraine", "local authorities"; several joined by "; "
    people: tuple[PersonMention, ...] = ()
    parties: tuple[str, ...] = ()  # the state a body speaks for: "Ukrainian officials"
    neutral: bool = False  # reports rather than takes a side: analysts, a court
    head: str = ""  # a body's head noun, lower case: "ministry"
    bare: bool = False  # the body is named by its head noun alone: "the ministry"
    act: bool = False  # found by a verb of an act ("offered", "demanded"), not an assertion
    # The state a body named as itself belongs to ("police said", "the county police
    # commander said" after Kenya was named): not its name nor a party it adds, only whose
    # side it speaks from.
    side: tuple[str, ...] = ()

    @property
    def plural(self) -> bool:
        return len(self.people) > 1 or (not self.people and self.name.endswith("s"))


# `Speaker(...)` without the frozen class's per-field setattr: the speaker pass makes one or
# two per sentence (`record_builder`).
new_speaker = slot_constructor(Speaker)


def flagged(speaker: Speaker, *, neutral: bool | None = None, act: bool | None = None
            ) -> Speaker:
    """A copy of `speaker` with its `neutral` or `act` flag set: `dataclasses.replace` at a
    fraction of its cost (it walks the fields by name)."""
    return new_speaker(speaker.name, speaker.people, speaker.parties,
                       speaker.neutral if neutral is None else neutral, speaker.head,
                       speaker.bare, speaker.act if act is None else act, speaker.side)


def person_speaker(mention: PersonMention) -> Speaker:
    return new_speaker(" ".join(mention.tokens), (mention,))


def body_speaker(text: str, start: int, parties: Sequence[Mention], rules: SpeakerRules) -> Speaker:
    """A body as a speaker; one named as a state's own speaks as that state."""
    name, head, head_offset, length, bare, neutral_word, own_word = _phrase(text, rules)
    end = start + length
    within = [m for m in parties if start <= m.start < end]
    inside = tuple(dict.fromkeys(m.party for m in within if m.kind != "reference"))
    if not inside and head not in rules.own_name:
        # "the health ministry", "the group": a description that refers back to the state or
        # group named before speaks as it, when it is the whole phrase (not "the ministry of
        # health in Gaza", which names itself)
        inside = tuple(dict.fromkeys(m.party for m in within
                                     if m.kind == "reference" and m.end == end))
    head_at = start + head_offset
    if head in rules.neutral and head in rules.body_nouns and all(
            m.start > head_at for m in within):
        # "analysts at a Dutch bank", "diplomats in Accra": a neutral source is named as the
        # text names it, and a state in what follows its noun is no side it speaks for (but
        # "UN figures" are the UN's)
        return new_speaker(name, (), (), True, head, bare)
    neutral = neutral_word or (len(inside) == 1 and inside[0] in rules.neutral_parties)
    side = tuple(dict.fromkeys(m.party for m in within if m.kind == "reference" and (
        m.end == end or own_word))) if not inside else ()
    return new_speaker(inside[0] if len(inside) == 1 else name, (), inside, neutral, head,
                       bare, False, side)


# What `body_speaker` reads from a body's phrase alone: its name without the article, its head
# noun and where that begins, its length less trailing spaces, whether it is one word, and
# whether a neutral word or a word of a body named as itself is among its words.
_Phrase = tuple[str, str, int, int, bool, bool, bool]


def _phrase(text: str, rules: SpeakerRules) -> _Phrase:
    """What `body_speaker` reads from the phrase `text`, remembered per phrase and set of
    rules: a folder names the same bodies ("the health ministry", "officials") again and
    again, and each reading is a substitution, a word search and a walk over the words."""
    memo = _memo(_PHRASES, rules)
    found = memo.get(text)
    if found is None:
        if len(memo) >= PHRASES_KEPT:
            memo.clear()
        name = _ARTICLE.sub("", text)
        words = [w.lower() for w in _BODY_WORD.findall(name)]
        # The head is the last body noun, not the last word: "ministry" in "the ministry of
        # health in Gaza"; a neutral word anywhere makes the source neutral: "court
        # officials", "staff at the city hospital".
        head = next((w for w in reversed(words) if w in rules.body_nouns),
                    words[-1] if words else "")
        found = memo[text] = (name, head, text.lower().rfind(head), len(text.rstrip()),
                              " " not in name.strip(), not rules.neutral.isdisjoint(words),
                              not rules.own_name.isdisjoint(words))
    return found


_PHRASES: dict[int, tuple[SpeakerRules, dict[str, Any]]] = {}  # id(rules) → its phrases
PHRASES_KEPT = 4096  # phrases remembered per set of rules, then forgotten


def _memo(table: dict[int, tuple[SpeakerRules, dict[str, Any]]], rules: SpeakerRules
          ) -> dict[str, Any]:
    """The memo of `rules` in `table` (by identity: hashing the rules would read every
    compiled expression they hold)."""
    entry = table.get(id(rules))
    if entry is None or entry[0] is not rules:
        if len(table) >= 8:
            table.clear()
        entry = table[id(rules)] = (rules, {})
    return entry[1]


def state_speaker(mention: Mention, rules: SpeakerRules) -> Speaker:
    return new_speaker(mention.party, (), (mention.party,),
                       mention.party in rules.neutral_parties, mention.party.lower())


def only_titles(between: str, rules: SpeakerRules) -> bool:
    """True when the words between a verb and a name are a title: "said Kremlin spokesperson".
    Remembered per phrase and set of rules: the same few phrases ("", "Ukrainian President ",
    " the") come back all through a folder, and each costs a title substitution and a walk
    over its words."""
    memo = _memo(_TITLE_PHRASES, rules)
    found = memo.get(between)
    if found is None:
        if len(memo) >= PHRASES_KEPT:
            memo.clear()
        found = memo[between] = _only_titles(between, rules)
    return found


_TITLE_PHRASES: dict[int, tuple[SpeakerRules, dict[str, Any]]] = {}  # id(rules) → memo


def _only_titles(between: str, rules: SpeakerRules) -> bool:
    """`only_titles`, worked out."""
    if _PUNCTUATION.search(between):
        return False  # (asked first: a quotation's close, "Read More:"; the titles cost more)
    rest = rules.titles.title_re.sub(" ", between)
    for word in _TITLE_WORD.findall(rest):
        plain = word[:-2] if word.endswith(("'s", "’s")) else word
        if not (plain[:1].isupper() or plain in rules.titles.modifiers
                or plain.lower() in ("the", "a", "an", "by")):
            return False
    return True
