"""Modifiers written just before an expression belong inside its span, as TimeML marks them.

"About 10:35 a.m.", "late Tuesday", "around year end", "over an hour": the word goes into the
span and, when the expression has none yet, sets its `mod` (APPROX, END, START, MORE_THAN…).
The words and which values they may modify are data (`span_modifiers` in timex.toml).
"""

from __future__ import annotations

import re

from viewer.core.timex.lexicon import Lexicon

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _fits(kind: str, value: str, applies: str) -> bool:
    """`applies` names what a modifier may modify: "day" (a calendar day), or TimeML types."""
    if applies == "day":
        return kind == "DATE" and bool(_DAY.match(value))
    return kind in applies.split()


def widen(text: str, start: int, end: int, floor: int, kind: str, value: str,
          mod: str | None, lex: Lexicon) -> tuple[int, str | None]:
    """The span's new start and mod once a modifier just before `start` is taken in.

    `floor` is where the previous expression ended: a modifier is never taken from it.
    """
    if text.startswith(("the ", "The "), start) or re.match(r"['’]s\b", text[end : end + 3]):
        return start, mod  # "over the past year", "talked about Tuesday's vote": prepositions
    match = lex.modifier_before.search(text, max(floor, start - 24), start)
    if match is None:
        return start, mod
    word = " ".join(match.group("mod").lower().split())
    entry = lex.modifiers.get(word)
    if entry is None or not _fits(kind, value, entry[1]):
        return start, mod
    return match.start("mod"), mod or entry[0] or None
