"""Which state a state's body or office means when its own sentence says so: "Romanian border
police" (the demonym), "In Dublin, the government …" (the seat the sentence opens with),
"Interior Minister Joseph Langat" (the state named in the sentence, or the one state named
just before). Split from `parties`, whose references ask these before falling back to the
state the article named last.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from viewer.core.events.parties import Gazetteer

# A demonym and up to two lower-case words right before a state's body: "Romanian border "
_DEMONYM_BEFORE = re.compile(r"\b([A-Z][\w'’-]*)(?:\s+[a-z]+){0,2}\s+$")
# A sentence opened by its seat: "In Dublin, " (then "the government …")
_SEAT_OPENING = re.compile(r"\s*In\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?),\s*")
# How far before a sentence (characters) the state an office means may have been named
OFFICE_NEAR = 600
# The capitalised words of the name after an office: ", Kwabena Oduro", " Joseph Langat"
_NAME_AFTER = re.compile(r",?\s+((?:[A-Z][\w'’-]*\s?){1,4})")
# A party's word or possessive right before an office: "Ghana's ", "Kenyan ", "US "
_OWNED_BEFORE = re.compile(r"(?:[A-Z][\w-]*|[\w-]+['’]s)\s+$")


def own_state(gazetteer: Gazetteer, text: str, start: int, at: int) -> str | None:
    """The state a state's body at `at` belongs to by its own sentence, if it says: ""
    after a demonym ("Romanian border police": the demonym already names Romania), the
    seat's state after an opening "In <seat>," ("In Dublin, the government …"); None where
    the sentence does not say (the state named last, then)."""
    forms = gazetteer.forms
    before = _DEMONYM_BEFORE.search(text, max(start, at - 40), at)
    if before is not None and forms.get(before.group(1), ("", ""))[1] == "demonym":
        return ""
    seat = _SEAT_OPENING.fullmatch(text, start, at)
    if seat is not None:
        party, kind = forms.get(seat.group(1), ("", ""))
        if kind == "capital" and party in gazetteer.countries:
            return party
    return None


def office_states(gazetteer: Gazetteer, text: str, start: int, end: int,
                  named: dict[str, int]) -> list[tuple[int, int, str]]:
    """A state's office before a name, with no party given to it ("Interior Minister Joseph
    Langat said", "the energy minister, Kwabena Oduro,"), as (start, end, state): the state
    named earlier in the sentence, else the one state named in the `OFFICE_NEAR` characters
    before or the dateline's seat (two states named just before: no guess). An office with a
    party's word in it ("Kenyan Interior Minister", "Ghana's energy minister") is left to the
    title rules."""
    # (the words without their first letter: "minister" and "Minister" alike; a loop, not
    # any() of a generator: this is asked of every sentence)
    for word in gazetteer.office_words:
        if text.find(word[1:], start, end) >= 0:
            break
    else:
        return []
    offices = list(gazetteer.office.finditer(text, start, end))
    if not offices:
        return []
    forms, countries = gazetteer.forms, gazetteer.countries
    # the states this sentence names, in order (a venue too: "In Berlin, Economy Minister
    # …"), read once for all its offices
    states = [(m.start(), party) for m in gazetteer.pattern.finditer(text, start, end)
              if (party := forms[m.group()][0]) in countries]
    near = {p for p, at in named.items()
            if p in countries and (at < 0 or start - at <= OFFICE_NEAR)}
    lately = next(iter(near)) if len(near) == 1 else ""
    found: list[tuple[int, int, str]] = []
    here, taken = "", 0
    for match in offices:
        while taken < len(states) and states[taken][0] < match.start():
            here, taken = states[taken][1], taken + 1  # the state named last before it
        if _OWNED_BEFORE.search(text, max(start, match.start() - 30), match.start()):
            continue  # "Ghana's energy minister", "a Kenyan Interior Minister"
        if any(word in forms for word in match.group().split()):
            continue  # "Kenyan Interior Minister": the demonym names the state itself
        name = _NAME_AFTER.match(text, match.end(), min(end, match.end() + 60))
        if name is not None and not gazetteer.leader_names.isdisjoint(name.group(1).split()):
            continue  # a leader the bundled list knows: the state it gives stands
        party = here or lately
        if party:
            found.append((match.start(), match.end(), party))
    return found
