"""A sentence that tells what happens as a rule has no day: "Cholera returns each season".

Read on a sentence without a date of its own: a habitual word (`generic_cues` in
resources/events.toml) in its main clause, and no past or future there, so that neither the
narrative's day nor the report's is given to it.
"""

from __future__ import annotations

import re

from viewer.core.events import cues
from viewer.core.events.clause_ends import main_clause_end

# (word-led, `cues.word_led`: the same matches as `\b(?:…)`, tried only at the cues' first
# letters)
_GENERIC = re.compile(rf"{cues.word_led(cues.CUES.get('generic_cues', []))}\b"
                      r"(?!\s+(?:other|of)\b)", re.IGNORECASE)
_QUOTE = re.compile(r"[\"“”]")
_MAIN = re.compile(r",(?!\d)|;|—|–")
# The longest word of each cue, in lower case: a match of `_GENERIC` holds one of them, so
# an ASCII sentence without any (most sentences) needs no search. (ASCII only, text and
# cues: ignoring case, a few letters beyond it match ASCII ones, "ſ" an "s".) None where
# that cannot be told: no cues (the empty alternation matches anywhere), or a cue of none.
_CUE_LIST: list[str] = cues.CUES.get("generic_cues", [])
_KEY_WORDS = (tuple(sorted({max(c.lower().split(), key=len) for c in _CUE_LIST}))
              if _CUE_LIST and all(c.split() and c.isascii() for c in _CUE_LIST) else None)


def may_tell_a_rule(text: str) -> bool:
    """False only where `_GENERIC` cannot match `text`."""
    if _KEY_WORDS is None or not text.isascii():
        return True
    return cues.holds_any(text.lower(), _KEY_WORDS)  # (most undated sentences ask)


def tells_a_rule(text: str) -> bool:
    """Whether the sentence `text` (no date of its own) tells what happens as a rule."""
    found = _GENERIC.search(text) if may_tell_a_rule(text) else None
    if found is None or _QUOTE.search(text, 0, found.start()) is not None:
        return False  # (a habit inside a quotation is the speaker's, told that day)
    clause = _MAIN.search(text, found.end())
    end = min(main_clause_end(text), clause.start() if clause else len(text))
    return (found.start() < end and cues.PAST.search(text, 0, end) is None
            and cues.FUTURE.search(text, 0, end) is None)
