"""Readings of a relative clause around a date: whether the date lies in a non-restrictive
relative clause (", which collapsed in 2023"), and whether the main clause around such a
clause tells no happening of its own, so the clause's date is the sentence's."""

from __future__ import annotations

import re
from bisect import bisect_left

from viewer.core.events import cues

_RELATIVE_IN_PRESENT = re.compile(
    rf"\s*(?:{cues.alternation(cues.CUES.get('relative_in_present', []))})\b")
_PROGRESSIVE = re.compile(cues.CUES.get("progressive", "(?!)"), re.IGNORECASE)


def present_main(text: str, at: int) -> bool:
    """The main clause around the relative clause at `at` (before the comma that opens it,
    after the one that closes it) tells no happening of its own: its first tense cue is a
    present, with no future and no progressive ("Suspicion has fallen on the ship, which
    crossed the route on Tuesday"; "The cable, which entered service in 2025, can carry 700
    megawatts"). The relative clause's date is then the sentence's (`relative_in_present` in
    resources/events.toml); "The minister, who took office in March, resigned." keeps the
    narrative's day."""
    opening = text.rfind(",", 0, at)
    if opening < 0 or not _RELATIVE_IN_PRESENT.match(text, opening + 1):
        return False
    closing = text.find(",", at)
    outside = text[:opening] + (" " + text[closing + 1:] if closing >= 0 else "")
    present = cues.PRESENT.search(outside)
    past = cues.PAST.search(outside)
    return (present is not None and (past is None or present.start() < past.start())
            and cues.FUTURE.search(outside) is None and _PROGRESSIVE.search(outside) is None)


def in_relative(sentence_text: str, separators: list[int], at: int) -> bool:
    """Offset `at` lies in a non-restrictive relative clause (", which collapsed in 2023"):
    read from the last comma or semicolon before it (`separators`, their offsets)."""
    last = bisect_left(separators, at) - 1
    return (last >= 0 and sentence_text[separators[last]] == ","
            and cues.RELATIVE.match(sentence_text, separators[last] + 1, at) is not None)
