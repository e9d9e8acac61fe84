"""Roles a story gives to parties: "the Egyptian and Qatari mediators" in one article makes
"the mediators" in any article of the folder mean Egypt and Qatar.

Why: a story names its mediators or guarantors once, with their states, and then only by
the role ("The two mediators issued a joint statement"); no single article can tell who
they are. Per document, `find_roles` finds where a role is bound to parties (a party list
right before or after the role's noun, or "X, which has mediated") and where it is used
alone; the people registry (`people.PeopleRegistry`) learns the bindings over the whole
folder, in every engine, and gives each use the role's parties. The nouns and verbs are data
(`[roles]` in `resources/people.toml`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from viewer.core.events.parties import Mention

ROLE_MARK = "@role"  # the first token of a role mention (never a name's first word)

# Between two parties of a list: "Egyptian and Qatari", "Egypt, Qatar and the United States".
_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?")
# Between a list and the role's noun: "Egypt and Qatar, the two mediators".
_BEFORE_NOUN = re.compile(r"\s*(?:,\s*the\s+)?(?:two\s+|three\s+|four\s+)?")
# Between the role's noun and a list: "mediators Egypt and Qatar", "mediators from Qatar".
_AFTER_NOUN = re.compile(r"\s*,?\s*(?:from\s+|of\s+)?(?:the\s+)?")
# A role given by a passive: "The conference was hosted in Rome by the United Nations and …"
_BY = re.compile(r"(?:\s+in\s+[A-Z][\w-]*)?\s+by\s+(?:the\s+)?")
# A role taken up by no one in particular: "appoint a mediator", "any guarantor".
_INDEFINITE = re.compile(r"(?:\b(?:a|an|any|no|another|new|possible)\s+)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class RoleRules:
    nouns: re.Pattern[str] = re.compile(r"(?!)")  # "mediators", "the guarantors"
    acts: re.Pattern[str] = re.compile(r"(?!)")  # ", which has mediated"
    passives: re.Pattern[str] = re.compile(r"(?!)")  # "hosted … by"
    noun_role: dict[str, str] = field(default_factory=dict)  # noun (lower case) → role
    act_role: dict[str, str] = field(default_factory=dict)  # verb (lower case) → role
    passive_role: dict[str, str] = field(default_factory=dict)  # participle → role
    any_word: re.Pattern[str] = re.compile(r"(?!)")  # what the cue pass's role set finds

    def words(self) -> list[str]:
        """Every word a role needs: a sentence without any has none."""
        return [*self.noun_role, *self.act_role, *self.passive_role]


def roles_from(data: dict[str, Any]) -> RoleRules:
    """`[roles.ID]` tables of `people.toml`: each with `nouns`, `acts` (verbs of "X, which
    has …") and `passives` (participles of "… by X and Y")."""
    nouns: dict[str, str] = {}
    acts: dict[str, str] = {}
    passives: dict[str, str] = {}
    for role, table in data.get("roles", {}).items():
        nouns.update((noun.lower(), role) for noun in table.get("nouns", []))
        acts.update((verb.lower(), role) for verb in table.get("acts", []))
        passives.update((verb.lower(), role) for verb in table.get("passives", []))
    if not nouns:
        return RoleRules()

    def alternatives(words: dict[str, str]) -> str:
        return "|".join(r"\s+".join(map(re.escape, w.split()))
                        for w in sorted(words, key=len, reverse=True))

    noun_re = re.compile(rf"\b(?:{alternatives(nouns)})\b", re.IGNORECASE)
    act_re = (re.compile(rf",\s*(?:which|who)\s+(?:has\s+|have\s+|had\s+)?(?:long\s+)?"
                         rf"({alternatives(acts)})\b", re.IGNORECASE)
              if acts else re.compile(r"(?!)"))
    passive_re = (re.compile(rf"\b({alternatives(passives)})\b", re.IGNORECASE)
                  if passives else re.compile(r"(?!)"))
    every = {**nouns, **acts, **passives}
    return RoleRules(nouns=noun_re, acts=act_re, passives=passive_re, noun_role=nouns,
                     act_role=acts, passive_role=passives,
                     any_word=re.compile(rf"\b(?:{alternatives(every)})\b", re.IGNORECASE))


def _start(mention: Mention) -> int:
    return mention.start


def _end(mention: Mention) -> int:
    return mention.end


def _list_before(text: str, at: int, mentions: Sequence[Mention]) -> list[str]:
    """The parties of a list that ends right at `at` (`mentions` in text order)."""
    parties: list[str] = []
    k = bisect_right(mentions, at, key=_end) - 1
    while k >= 0 and mentions[k].end == at:
        parties.append(mentions[k].party)
        if k == 0:
            break
        join = _JOIN.fullmatch(text, mentions[k - 1].end, mentions[k].start)
        if join is None:
            break
        at, k = mentions[k - 1].end, k - 1
    return parties


def _list_after(text: str, at: int, mentions: Sequence[Mention]) -> list[str]:
    """The parties of a list that starts right at `at`."""
    parties: list[str] = []
    k = bisect_left(mentions, at, key=_start)
    while k < len(mentions) and mentions[k].start == at:
        parties.append(mentions[k].party)
        if k + 1 == len(mentions):
            break
        join = _JOIN.fullmatch(text, mentions[k].end, mentions[k + 1].start)
        if join is None:
            break
        at, k = mentions[k + 1].start, k + 1
    return parties


def find_roles(text: str, start: int, end: int, mentions: Sequence[Mention],
               rules: RoleRules) -> list[tuple[int, int, str, str | None]]:
    """Roles in text[start:end] as (start, end, role, party): a party the text binds to the
    role there, or None where the role is used alone and means whoever the folder binds it
    to. `mentions`: the sentence's party mentions in text order. Linear in the sentence:
    each noun looks at the few mentions beside it."""
    found: list[tuple[int, int, str, str | None]] = []
    for match in rules.nouns.finditer(text, start, end):
        role = rules.noun_role[" ".join(match.group().lower().split())]
        parties: list[str] = []
        k = bisect_right(mentions, match.start(), key=_end) - 1  # the party just before
        if k >= 0 and _BEFORE_NOUN.fullmatch(text, mentions[k].end, match.start()):
            parties = _list_before(text, mentions[k].end, mentions)
        if not parties:
            after = _AFTER_NOUN.match(text, match.end(), end)
            if after is not None:
                parties = _list_after(text, after.end(), mentions)
        if parties:
            found.extend((match.start(), match.end(), role, p) for p in parties)
        elif not _INDEFINITE.search(text, max(start, match.start() - 12), match.start()):
            found.append((match.start(), match.end(), role, None))
    for match in rules.acts.finditer(text, start, end):
        role = rules.act_role[" ".join(match.group(1).lower().split())]
        found.extend((match.start(), match.end(), role, p)
                     for p in _list_before(text, match.start(), mentions))
    for match in rules.passives.finditer(text, start, end):
        by = _BY.match(text, match.end(), end)
        if by is not None:
            role = rules.passive_role[match.group(1).lower()]
            found.extend((match.start(), match.end(), role, p)
                         for p in _list_after(text, by.end(), mentions))
    return found
