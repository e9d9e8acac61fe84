"""Extents as TimeML marks them: modifiers inside the span, names outside the tagger's reach.

"About 10:35 a.m.", "late Tuesday", "around year end", "over an hour": the word goes into the
span and, when the expression has none yet, sets its `mod` (APPROX, END, START, MORE_THAN…).
The words and which values they may modify are data (`span_modifiers` in timex.toml). A
common time word capitalised inside a name ("the Arab Spring", "High Noon") is not a time.
"""

from __future__ import annotations

import re

from viewer.core.timex.lexicon import Lexicon

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_POSSESSIVE = re.compile(r"['’]s\b")
_QUOTES = ("'", "’")


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
    if text.startswith(("the ", "The "), start) or (
            text.startswith(_QUOTES, end) and _POSSESSIVE.match(text, end, end + 3)):
        return start, mod  # "over the past year", "talked about Tuesday's vote": prepositions
    lo = max(floor, start - 24)
    if lex.modifier_ends is not None:
        # A modifier ends two characters before the white space or hyphens before `start`;
        # most words there end in none of the modifiers' last two letters.
        before = start - 1
        while before >= lo and (text[before] == "-" or text[before].isspace()):
            before -= 1
        if before == start - 1 or text[before - 1 : before + 1].lower() not in lex.modifier_ends:
            return start, mod
    if lo > 0 and lex.led_modifier is not None:  # the character before the modifier, matched
        match = lex.led_modifier.search(text, lo - 1, start)
    else:
        match = lex.modifier_before.search(text, lo, start)
    if match is None:
        return start, mod
    word = " ".join(match.group("mod").lower().split())
    entry = lex.modifiers.get(word)
    if entry is None or not _fits(kind, value, entry[1]):
        return start, mod
    return match.start("mod"), mod or entry[0] or None


_COMMON = re.compile(r"(?:this\s+week|today|tonight|tomorrow|yesterday|noon|midnight|now|"
                     r"spring|summer|autumn|fall|winter)$", re.IGNORECASE)
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w&'’.-]*[ \t]+$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n]|[\"“‘`'(])[ \t]*$")
_CLAUSE_START = re.compile(r"(?:^|[.!?:;\n])[ \t]*$")
_QUOTE_BEFORE = re.compile(r"[\"“‘`'][ \t]*$")


_LINE_REACH = 160  # characters each side: a headline is short, and the look stays bounded


def _headline(text: str, start: int, end: int) -> bool:
    """A line in title case ("Peace Talks Resume This Week") capitalises every word."""
    left = max(text.rfind("\n", max(0, start - _LINE_REACH), start) + 1, start - _LINE_REACH)
    right = text.find("\n", end, end + _LINE_REACH)
    line = text[left : right if right >= 0 else end + _LINE_REACH]
    if line.isupper():  # "WHAT HAPPENS NOW": a subheading in capitals
        return True
    words = re.findall(r"[A-Za-z]+", line)
    long_words = [w for w in words if len(w) > 4]
    return len(long_words) >= 2 and all(w[0].isupper() for w in long_words)


def in_name(text: str, start: int, end: int) -> bool:
    """A common time word capitalised inside a name or title is no time: "the Arab Spring",
    "VOA Today", "High Noon", a programme called "This Week"."""
    surface = text[start:end]
    if not surface[:1].isupper() or not _COMMON.match(surface) or _headline(text, start, end):
        return False
    before = text[max(0, start - 40) : start]
    if _QUOTE_BEFORE.search(before):  # a quoted title: «"This Week," he said»
        after = text[end : end + 12]
        return bool(re.match(r",?[\"”’']", after) or re.match(
            r"[ \t]+(?:of|Of|With|And|The|For)[ \t]+[A-Z]", after))
    if _SENTENCE_START.search(before):
        return False
    capital = _CAPITAL_BEFORE.search(before)
    return capital is not None and not _CLAUSE_START.search(before[: capital.start()])
