"""A sentence that tells what happens as a rule has no day: "Cholera returns each season".

Read on a sentence without a date of its own: a habitual word (`generic_cues` in
resources/events.toml) in its main clause, and no past or future there, so that neither the
narrative's day nor the report's is given to it.
"""

from __future__ import annotations

import re

from viewer.core.events import cues
from viewer.core.events.clause_ends import main_clause_end

_GENERIC = re.compile(rf"\b(?:{cues.alternation(cues.CUES.get('generic_cues', []))})\b"
                      r"(?!\s+(?:other|of)\b)", re.IGNORECASE)
_QUOTE = re.compile(r"[\"“”]")
_MAIN = re.compile(r",(?!\d)|;|—|–")


def tells_a_rule(text: str) -> bool:
    """Whether the sentence `text` (no date of its own) tells what happens as a rule."""
    found = _GENERIC.search(text)
    if found is None or _QUOTE.search(text, 0, found.start()) is not None:
        return False  # (a habit inside a quotation is the speaker's, told that day)
    clause = _MAIN.search(text, found.end())
    end = min(main_clause_end(text), clause.start() if clause else len(text))
    return (found.start() < end and cues.PAST.search(text, 0, end) is None
            and cues.FUTURE.search(text, 0, end) is None)
