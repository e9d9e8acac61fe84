"""Where a sentence's main clause ends, so that a tense after it is read as the condition's."""

from __future__ import annotations

import re

from viewer.core.events import cues

_SUBORDINATE = re.compile(
    rf"\b(?:{cues.alternation(cues.CUES.get('condition_clauses', []))})\b")


def main_clause_end(text: str) -> int:
    """Where the sentence's main clause gives way to a condition or a time clause after it
    ("agreed to let observers visit once the troops have left"): a present there is the
    condition's, not the telling's (`condition_clauses` in resources/events.toml)."""
    found = _SUBORDINATE.search(text, 1)
    return found.start() if found else len(text)
