"""A date that names a thing, not the happening: "had nothing to do with Monday's vote".

A possessive date after the sentence's verb ("condemned Tuesday's ruling"), or a month, year
or season before a noun there ("a review of the April strikes", "orders for the spring"),
tells when the thing it names took place; the sentence's own happening came later or on
another day, so such a date does not date the sentence (`noun_date_*` in
resources/events.toml). A date opening the sentence or a clause ("Tuesday's handover closed
a wait") stays its date: there the thing is the subject whose happening the sentence tells.
"""

from __future__ import annotations

import re

from viewer.core.events import cues

_AFTER = re.compile(rf"(?:{'|'.join(cues.CUES.get('noun_date_after', []))})[a-z]")
_BEFORE = re.compile(cues.CUES.get("noun_date_before", "(?!)"))
_ATTRIBUTIVE = re.compile(cues.CUES.get("noun_date_attributive", "(?!)"))
_SEASON = re.compile(cues.CUES.get("noun_date_seasons", "(?!)"))
_BARE_SEASON = re.compile(cues.CUES.get("noun_date_bare_seasons", "(?!)"))
_NOT_A_NOUN = re.compile(cues.CUES.get("noun_date_bare_not_before", "(?!)"))
_CHOSEN_BEFORE = re.compile(cues.CUES.get("noun_date_chosen_before", "(?!)"))
_CHOSEN_AFTER = re.compile(cues.CUES.get("noun_date_chosen_after", "(?!)"))
_NOUN = re.compile(r"\s+[a-z]")
_REACH = 28  # a word and the spaces before the date: enough to see that one is there


def names_a_thing(sentence: str, at: int, end: int) -> bool:
    """Whether the date at sentence[at:end] names a thing after the verb (see the module):
    a word right before it and a possessive, or a lower-case word right after a month, year
    or season written with "the". Reads a few characters on each side, so a sentence with
    many dates stays linear."""
    lo = max(0, at - _REACH)
    if _CHOSEN_AFTER.match(sentence, end) is not None and _CHOSEN_BEFORE.search(
            sentence, lo, at) is not None:
        return True  # "set April 1 as the start of the handover"
    if _AFTER.match(sentence, end) is not None:
        return _BEFORE.search(sentence, lo, at) is not None
    if _NOUN.match(sentence, end) is None:
        return False
    if _SEASON.match(sentence, at, end) or (_BARE_SEASON.fullmatch(sentence, at, end)
                                             and not _NOT_A_NOUN.match(sentence, end)):
        # "orders for the spring": "the spring"; "backs winter pause": a kind of pause
        return _BEFORE.search(sentence, lo, at) is not None
    return _ATTRIBUTIVE.search(sentence, lo, at) is not None
