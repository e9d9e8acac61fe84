"""The shapes of text around a speech verb, for the speaker pass (`speakers`): quotation
marks, "according to", "by", an organisation written with an acronym, the clause a verb sits
in, appositions between a name and its verb, transcript labels. Compiled once per process."""

from __future__ import annotations

import re

OPEN, CLOSE = "“«‘", "”»"
# A ’ (or, after a ‘, a plain ') closes a quotation only where no letter follows it: else it is
# an apostrophe ("Ukraine’s"). (One class first, its condition after: the engine skips to the
# next quotation mark at once, where two alternatives made it try both at every character.)
QUOTE = re.compile(r'[“”«»"‘’\'](?:(?<=[“”«»"‘])|(?![^\W_]))')
ACCORDING = re.compile(r"\baccording to\s+")
BY = re.compile(r"\s+by\s+")
PLACE_BEFORE = re.compile(r"\b(?:in|at|from|near|of|to|into)\s+$")
# An organisation written with an acronym: "the Africa CDC said", "according to the UN OCHA".
ORG_BEFORE = re.compile(r"(?<![\w-])((?:[A-Z][\w&.’'-]*\s+){0,4}[A-Z]{2,}[\w&-]*)"
                         r"(?:\s*\([^()]{1,24}\))?\s*$")
ACRONYM = re.compile(r"[A-Z]{2}")  # what `ORG_BEFORE` needs somewhere: a cheap test first
ORG_TAIL = re.compile(r"(?:[ \t]+[A-Z][\w&.-]*)*?[ \t]+[A-Z]{2,}[\w&-]*")
# The clause a verb sits in (back to the last comma), and the words that make it subordinate.
CLAUSE_MARKS = ",;:—–"
# Up to and including the last of those marks (the greedy run backs off from the window's end,
# so it costs the window's length, once): where the verb's clause begins.
TO_LAST_MARK = re.compile(rf".*[{CLAUSE_MARKS}]", re.DOTALL)
SUBORDINATOR = re.compile(r"\b(?:after|before|because|since|although|though|while|whereas|"
                           r"unless|if|once|until)\b", re.IGNORECASE)
FIRST_WORD = re.compile(r"\s*([^\W\d_]+)\b")
BRACKET_END = re.compile(r"\s*\([^()]{1,24}\)\s*$")
# Between a name and its verb: nothing, or an apposition or relative clause ("Umerov, chief of
# the council, said", "Varga, who has been in office since 2018, said"); the closing comma
# may already be cut off with the words before the verb.
APPOSITION = re.compile(r"(?:\s*\([^()]{1,24}\))?"  # "Médecins Sans Frontières (MSF) said"
                         r"\s*(?:,\s*(?:who|which|whose|the|a|an|\d+|[a-z]+\s+(?:of|for|at))\b"
                         # a date's own comma may fall inside: "who filed on Friday, August 21,"
                         r"(?:[^,;“”\"]|,(?=\s*(?:[A-Z][a-z]+\s+)?\d)){0,90},?)?\s*")
LABEL = re.compile(r"\s*([A-Z][A-Z’'-]+):\s")  # a transcript's speaker label: "FAROUK: "
NAMED_BEFORE = re.compile(r"\s*,\s*")
INDEFINITE = re.compile(r"(?:a|an)\s", re.IGNORECASE)
POSSESSIVE = re.compile(r"(his|her|His|Her)\s")  # "her spokesman": of a person
AND = re.compile(r"\s*,?\s*(?:and\s+)?")  # "Putin and Trump said", "Putin, Trump said"


def in_subordinate_clause(text: str, start: int, verb: int) -> bool:
    """Whether the verb at `verb` sits in a clause (from the last mark, at most 80 characters
    back, not before `start`) opened by one of `SUBORDINATOR`'s words."""
    lo = max(start, verb - 80)
    window = text[lo:verb]
    if window.isascii() and not _may_subordinate(window.lower()):
        return False  # (the clause is part of the window: none of the words in it either)
    # Where the clause starts: after the last mark (a search for `[^,;:—–]*$` from each
    # position costs the square of the window; one match backing off from its end does
    # not, and answers what a reverse find of each mark did).
    marked = TO_LAST_MARK.match(text, lo, verb)
    begin = marked.end() if marked is not None else lo
    clause = text[begin:verb]
    if clause.isascii() and not _may_subordinate(clause.lower()):
        return False
    return SUBORDINATOR.search(text, begin, verb) is not None


def _may_subordinate(low: str) -> bool:
    """Whether the lowered ASCII text holds one of `SUBORDINATOR`'s words anywhere. The
    expression is case-blind, which in ASCII text is what lower() gives: where none of its
    words is in the lowered text at all, it cannot match, and these string tests cost a
    tenth of its search. ("though" covers "although".)"""
    return ("if" in low or "after" in low or "before" in low or "because" in low
            or "since" in low or "though" in low or "while" in low or "whereas" in low
            or "unless" in low or "once" in low or "until" in low)
