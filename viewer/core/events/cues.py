"""The cue words the event stage reads, compiled from `resources/events.toml`, and the
precision of a dated expression: which sentences carry the narrative's date on, which dates
in a sentence do not date its happening, and how coarse a date is."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable

from viewer.core.events.cue_scan import DocumentCues
from viewer.core.resources import load_data
from viewer.core.timex import Timex


def _alternation(words: list[str]) -> str:
    return "|".join(r"\s+".join(map(re.escape, w.split()))
                    for w in sorted(words, key=len, reverse=True))


alternation = _alternation  # for the modules that compile cues of their own


def _word_led(words: list[str]) -> str:
    """`\\b(?:{_alternation(words)})`, written so the engine can skip along to the characters
    the words begin with: one class of those first letters, the word boundary as a
    look-behind after it, then the words by their first letter, each group behind a
    look-behind for that letter and holding the rests of its words in the same order (at a
    place only the words beginning with its letter can match, so the same matches). Opening
    with `\\b`, an expression is tried at every character; one look-behind per word, not per
    letter, cost more than that saved for a long list. As written when a word does not begin
    with an ASCII letter."""
    ordered = sorted(words, key=len, reverse=True)
    split = [w.split() for w in ordered]
    if not split or not all(p and p[0][0].isascii() and p[0][0].isalpha() for p in split):
        return rf"\b(?:{_alternation(words)})"
    led = [(p[0][0], r"\s+".join(map(re.escape, [p[0][1:], *p[1:]]))) for p in split]
    rests: dict[str, list[str]] = {}
    for first, rest in led:
        rests.setdefault(first, []).append(rest)
    if len({first.lower() for first in rests}) < len(rests):
        # ("Will" and "will": read case-blind, two groups could match at one place, and the
        # order between groups is not the words' order) a look-behind per word, in order
        groups = "|".join(rf"(?<={first}){rest}" for first, rest in led)
    else:
        groups = "|".join(rf"(?<={first})(?:{'|'.join(rest)})" for first, rest in rests.items())
    return rf"[{''.join(sorted(rests))}](?<!\w.)(?:{groups})"


word_led = _word_led  # (for the modules that search a sentence for cues of their own)


CUES = load_data("events.toml")
BOUND = re.compile(rf"\b(?:{_alternation(CUES['bounds'])})\b[^,;]{{0,40}}$|"
                   rf"\b(?:{_alternation(CUES.get('bounds_adjacent', []))})\s+$", re.IGNORECASE)
# "by Friday", "before the end of March" right before a date ahead of the report: a deadline.
DEADLINE = re.compile(rf"\b(?:{_alternation(CUES.get('deadlines', []))})\s+$", re.IGNORECASE)
# "through March" told in March about what lies ahead: from the report to the period's end.
DEADLINE_HOLDING = re.compile(rf"\b(?:{_alternation(CUES.get('deadlines_holding', []))})\s+$",
                              re.IGNORECASE)
HOLDING_REACH = 2 + max(map(len, CUES.get("deadlines_holding", ["by"])))
# "within two weeks", "over the next three weeks", "has seven days to": a window ahead.
WINDOW_BEFORE = re.compile(rf"\b(?:{_alternation(CUES.get('window_before', []))})\s+$",
                           re.IGNORECASE)
WINDOW_HAS = re.compile(rf"\b(?:{_alternation(CUES.get('window_has', []))})\s+$",
                        re.IGNORECASE)
WINDOW_TO = re.compile(r"\s+to\b")
WINDOW_AFTER = re.compile(r"\s+(?:after|from)\b")
WINDOW_REACH = 1 + max(map(len, (*CUES.get("window_before", []), *CUES.get("window_has", []))))
SINCE = re.compile(rf"\b(?:{_alternation(CUES.get('since_bounds', []))})\b[^,;]{{0,40}}$",
                   re.IGNORECASE)
AS_OF = re.compile(rf"\b(?:{_alternation(CUES.get('as_of', []))})\s+$", re.IGNORECASE)
# The longest text BOUND can match, plus one.
BOUND_REACH = 41 + max(map(len, (*CUES["bounds"], *CUES.get("bounds_adjacent", []))))
# ", which collapsed in 2023": a date inside a non-restrictive relative clause, read from the
# last comma or semicolon before the date (no other can start one).
RELATIVE = re.compile(rf"\s*(?:{_alternation(CUES['relative'])})\b", re.IGNORECASE)
SAME_DAY_OFFSET = re.compile(CUES.get("same_day_offset", r"(?!)"), re.IGNORECASE)
FIRST_HALF = re.compile(rf"\b(?:{_alternation(CUES.get('first_half', []))})\s+$",
                        re.IGNORECASE)
SECOND_HALF = re.compile(rf"\b(?:{_alternation(CUES.get('second_half', []))})\s+$",
                         re.IGNORECASE)
HALF_REACH = 1 + max(map(len, (*CUES.get("first_half", []), *CUES.get("second_half", []),
                               "of")))
NEGATED_BOUND = re.compile(rf"\b(?:{_alternation(CUES.get('negated_bounds', []))})\s+$",
                           re.IGNORECASE)
NEGATED_REACH = 1 + max(map(len, CUES.get("negated_bounds", ["not until"])))
PLEDGE = re.compile(rf"\b(?:{_alternation(CUES.get('window_pledges', []))})\b")
# "Villagers who fled the fighting in July said …": the relative clause up to the date, and
# the verb of saying after it (each looked for within its reach of the date).
SUBJECT_RELATIVE = re.compile(
    rf"\b(?:{_alternation(CUES.get('subject_relative', []))})\s+[^,;]{{1,60}}$")
SUBJECT_RELATIVE_REACH = 80
SAID_AFTER = re.compile(rf"[^,;]{{0,60}}?\b(?:{_alternation(CUES.get('reporting', []))})\b")
# ", which had been scheduled for August" in a sentence that puts the happening off: that
# date is the happening's (`planned_for`, `called_off`).
PLANNED_FOR = re.compile(rf"\b(?:{_alternation(CUES.get('planned_for', []))})\s+$",
                         re.IGNORECASE)
PLANNED_REACH = 1 + max(map(len, CUES.get("planned_for", ["for"])))
CALLED_OFF = re.compile(rf"\b(?:{_alternation(CUES.get('called_off', []))})\b", re.IGNORECASE)
_NOT_PAST = rf"(?!(?:{_alternation(CUES['past'])})\b)(?![a-z]+ed\b)"
# "the duties it announced last week": a determiner, up to three words, a pronoun subject and
# a past verb right before the date (`reduced_relative_subjects`).
REDUCED_RELATIVE = re.compile(
    rf"\b(?:the|its|their|his|her|our)\s+(?:{_NOT_PAST}[\w-]+\s+){{0,3}}?"
    rf"{_NOT_PAST}[a-z][\w-]*\s+"
    rf"(?:{_alternation(CUES.get('reduced_relative_subjects', []))})\s+"
    rf"(?:[a-z]{{2,}}ed|{_alternation(CUES['past'])})\s+(?:(?:in|on|at)\s+)?$")
REDUCED_REACH = 80
# "…, after the judges refused to do so in July": a subject and its past verb right after one
# of `earlier_clauses`, then the date within the clause (`earlier_clauses`).
EARLIER_CLAUSE = re.compile(
    rf"\b(?:{_alternation(CUES.get('earlier_clauses', []))})\s+"
    rf"(?:the|a|an|its|their|his|her|it|they|he|she|we)\s+(?:[\w-]+\s+){{0,3}}?"
    rf"(?:[a-z]{{2,}}ed|{_alternation(CUES['past'])})\b[^,;]{{0,40}}$")
EARLIER_REACH = 110
# A sentence that opens with a pronoun refers back (matched at its start: `refers_back`).
ANAPHOR_OPENING = re.compile(rf"(?:{_alternation(CUES['anaphor_pronouns'])})\b")
# The same back-reference by noun alone ("condemned the attack"): a reaction that names the
# happening it answers continues that day's narrative. The matches of
# `\b(?:the|these|this|that|those)\s+(?:nouns)\b`, written to open with the literal "th",
# which the engine skips along to, its word boundary a look-behind after it; opening with
# `\b`, the expression was tried at every character (five times the time a sentence).
def holds_any(text: str, words: Iterable[str]) -> bool:
    """Whether `text` holds one of `words` as a substring: the cheap test asked before a
    pattern in the extraction's hot paths. A loop, not `any()` of a generator, which costs a
    frame and a resume per word there."""
    for word in words:  # noqa: SIM110
        if word in text:
            return True
    return False


def _named(nouns: list[str]) -> re.Pattern[str]:
    return re.compile(rf"th(?<!\w..)(?:e|ese|is|at|ose)\s+(?:{_alternation(nouns)})\b")


NAMED_HAPPENING = _named(CUES["anaphor_nouns"])
# The same, without the outcomes a reaction answers for days (`answered_outcomes`): a reaction
# naming one of these happenings goes on with its day.
NAMED_MOMENT = _named([n for n in CUES["anaphor_nouns"]
                       if n not in CUES.get("answered_outcomes", [])])


def refers_back(sentence: str) -> bool:
    """Whether the sentence opens with a pronoun ("They …") or names a happening told
    before ("the talks", "this deal")."""
    return (ANAPHOR_OPENING.match(sentence) is not None
            or NAMED_HAPPENING.search(sentence) is not None)
_PREFIXES = _alternation(CUES.get("past_prefixes", []))
_NEVER_PAST = _alternation(CUES.get("not_past", [])) or "(?!)"
PAST = re.compile(rf"\b(?:(?:{_PREFIXES})?(?:{_alternation(CUES['past'])})|(?!(?:{_NEVER_PAST})\b)"
                  rf"[a-z]{{3,}}{re.escape(CUES['past_suffix'])})\b")
FUTURE = re.compile(rf"{_word_led(CUES['future'])}\b")  # asked of most sentences, twice
# (these, `SINCE_THEN`, `PRESENT` and the narrative's cue lists are searched in whole
# sentences, most of them in every sentence the narrative dates: written word-led)
REACTION = re.compile(rf"{_word_led(CUES.get('reaction', []))}\b")
REPORTING = re.compile(rf"{_word_led(CUES.get('reporting', []))}\b")
_NOT_A_HAPPENING = frozenset((*CUES.get("reporting", []), *CUES.get("reported_states", [])))
# "… have crossed since.": from the narrative's day up to the report.
SINCE_THEN = re.compile(rf"{_word_led(CUES.get('since_then', []))}\s*(?=[.;,!?\"”]|$)")
PRESENT = re.compile(rf"{_word_led(CUES['present'])}\b", re.IGNORECASE)
LEAD_PARAGRAPHS = int(CUES.get("lead_paragraphs", 3))
COORDINATION = re.compile(CUES["coordination"], re.IGNORECASE)
GAPPING = re.compile(CUES.get("gapping", r"(?!)"))
ENDING = re.compile(CUES.get("ending", r"(?!)"), re.IGNORECASE)
APPOSITION = re.compile(CUES["apposition"], re.IGNORECASE)
YEAR = re.compile(r"\b\d{4}\b")
QUOTE_MARKS = re.compile(r"[“”\"«»]")  # the marks that open or close a quotation

def _first_words(phrases: Iterable[str]) -> frozenset[str]:
    return frozenset(phrase.split()[0] for phrase in phrases if phrase.split())


# The cue pass's sets of the lists' first words (`cue_sets` builds them; only their places are
# read, inside words too): a match of `FUTURE`, `REACTION` or `REPORTING` starts where one of
# its list's first words is written, and a match of `PAST` at most `_PREFIX_REACH` characters
# before one of its words, or at the start of the word that holds its suffix ("-ed"). A
# list with no words has no set (its empty alternation matches anywhere).
FUTURE_WORDS, REACTION_WORDS, REPORTING_WORDS = "future words", "reaction words", "reporting words"
PAST_WORDS, PAST_ENDS = "past words", "past suffix"
LEAD_SETS = {name: words for name, words in (
    (FUTURE_WORDS, _first_words(CUES["future"])),
    (REACTION_WORDS, _first_words(CUES.get("reaction", []))),
    (REPORTING_WORDS, _first_words(CUES.get("reporting", []))),
    (PAST_WORDS, _first_words(CUES["past"])),
    (PAST_ENDS, _first_words([CUES["past_suffix"]])),
) if words}
_PREFIXES_WRITTEN = CUES.get("past_prefixes", [])
# (a prefix with a space would be `\s+` there, of any length: no reach is known)
_PREFIX_REACH = (None if any(len(p.split()) != 1 for p in _PREFIXES_WRITTEN)
                 else max(map(len, _PREFIXES_WRITTEN), default=0))

# The sentence the loop reads (`reading`): its text, where it lies in the document and the
# document's cue pass (None: no sentence told).
_READING: tuple[str | None, int, int, DocumentCues | None] = (None, 0, 0, None)
Start = Callable[[str, int, int, DocumentCues], int | None]  # (`_word_start`, `_past_start`)


def reading(text: str | None, start: int = 0, end: int = 0, found: DocumentCues | None = None
            ) -> None:
    """The sentence loop reads `text`, text[start:end] of the document whose cue pass is
    `found`: the cue lists' searches in it start where their words first occur there (and
    are not made where none does). Nothing is searched here. `reading(None)` when the
    document is done (nothing of it is kept)."""
    global _READING
    _READING = (text, start, end, found)


def _word_start(name: str) -> Start:
    """Where a search of a list whose matches start with one of set `name`'s words may start
    in the sentence (-1: it finds nothing; None: not known)."""

    def start_of(text: str, start: int, end: int, found: DocumentCues) -> int | None:
        first = found.first_start(name, start, end)
        return first if first is None or first < 0 else first - start

    return start_of


def _past_start(text: str, start: int, end: int, found: DocumentCues) -> int | None:
    """Where a search of `PAST` may start in the sentence (see `LEAD_SETS`)."""
    word = found.first_start(PAST_WORDS, start, end)
    suffix = found.first_start(PAST_ENDS, start, end)
    if word is None or suffix is None or _PREFIX_REACH is None:
        return None
    at = max(0, word - start - _PREFIX_REACH) if word >= 0 else -1
    if suffix >= 0:  # (the word it ends holds no space: it starts after the last one before)
        own = text.rfind(" ", 0, suffix - start) + 1
        at = own if at < 0 else min(at, own)
    return at


def _first_in(pattern: re.Pattern[str], start_of: Start | None = None
              ) -> Callable[[str], re.Match[str] | None]:
    """`pattern.search(text)`, remembered for the last text asked (by identity): the sentence
    loop and the narrative's tests ask the same sentence the same question up to four times
    (a search of a cue list is 8-18 µs a sentence; the memo's check a fraction of one). In the
    sentence the loop reads, the search starts where `start_of` says (the cue pass found the
    list's words once per document; most sentences hold none of some lists)."""
    last: tuple[str | None, re.Match[str] | None] = (None, None)

    def first(text: str) -> re.Match[str] | None:
        nonlocal last
        seen = last  # read once: another thread may replace it (it stays a whole pair)
        if seen[0] is text:
            return seen[1]
        at: int | None = 0
        now = _READING  # (read once, as `last`)
        if start_of is not None and now[0] is text and now[3] is not None:
            at = start_of(text, now[1], now[2], now[3])
        found = pattern.search(text) if at is None or at == 0 else (
            pattern.search(text, at) if at > 0 else None)
        last = (text, found)
        return found

    return first


#: The first match of each cue list in a whole sentence (as `PAST.search(sentence)`, …).
past_in = _first_in(PAST, _past_start)
future_in = _first_in(FUTURE, _word_start(FUTURE_WORDS))
reaction_in = _first_in(REACTION, _word_start(REACTION_WORDS))
reporting_in = _first_in(REPORTING, _word_start(REPORTING_WORDS))

DERIVED_RULES = frozenset(CUES.get("derived_rules", []))


def counted_past_the_report(timex: Timex, sentence: str, published: dt.date | None) -> bool:
    """A date counted from another that lands after the publication date although the
    sentence plainly tells the past and the expression writes no year: not the event's date
    (see `derived_rules` in resources/events.toml)."""
    return (published is not None and timex.earliest is not None
            and timex.earliest > published
            and (timex.anchor == "narrative" or timex.rule in DERIVED_RULES)
            and not YEAR.search(timex.text)
            and past_in(sentence) is not None and future_in(sentence) is None)


def without_appositions(text: str, dating: list[Timex]) -> list[Timex]:
    """"A year later, in August 2025, …": two expressions that restate one time date one
    happening; the one that writes its year stays (else the first)."""
    out: list[Timex] = []
    for timex in dating:
        if out and out[-1].end <= timex.start and APPOSITION.fullmatch(
                text, out[-1].end, timex.start):
            if YEAR.search(timex.text) and not YEAR.search(out[-1].text):
                out[-1] = timex
            continue
        out.append(timex)
    return out


_PRECISION_BY_VALUE: dict[str, str] = {}  # a document dates a few dozen values, many times each


def precision_of(timex: Timex) -> str:
    value = timex.value
    known = _PRECISION_BY_VALUE.get(value)
    if known is None:
        if len(_PRECISION_BY_VALUE) >= 4096:  # (bounded, whatever the folder's dates)
            _PRECISION_BY_VALUE.clear()
        known = _PRECISION_BY_VALUE[value] = (
            "fuzzy" if value.endswith("_REF") else _period_precision(value))
    return known


# TimeML value shapes and the precision of the dates they name, most specific first.
_PRECISIONS = tuple((re.compile(pattern), name) for pattern, name in (
    (r"\d{4}-\d{2}-\d{2}", "day"), (r"\d{4}-\d{2}-\d{2}T.*", "time"),
    (r"\d{4}-W\d{2}-WE", "weekend"), (r"\d{4}-W\d{2}", "week"), (r"\d{4}-\d{2}", "month"),
    (r"\d{4}-Q\d", "quarter"), (r"\d{4}-(?:SP|SU|FA|WI)", "season"), (r"\d{4}-H\d", "half"),
    (r"\d{4}", "year"), (r"\d{3}", "decade"), (r"\d{2}", "century"),
))


@functools.lru_cache(maxsize=4096)
def _period_precision(value: str) -> str:
    for pattern, name in _PRECISIONS:
        if pattern.fullmatch(value):
            return name
    return "fuzzy"


RANK = {"time": 0, "day": 0, "weekend": 1, "week": 1, "month": 2, "season": 3, "quarter": 3,
         "half": 4, "year": 5, "decade": 6, "century": 7, "fuzzy": 8}


# A past participle after "had" tells what came before the statement, not the news itself:
# "said it had opened an inquiry".
_PERFECT = re.compile(r"\bhad\s+(?:not\s+|already\s+|just\s+|been\s+)?$")


def past_happenings(sentence: str) -> list[int]:
    """Where the sentence's past verbs start, other than verbs of saying and states
    (`reporting`, `reported_states`): one pass."""
    return [m.start() for m in PAST.finditer(sentence) if m.group(0) not in _NOT_A_HAPPENING]


# After "to", "be" or a present of "be" a verb form has no past tense of its own: "to hit the
# states", "could be rerouted", "is expected to decline" tell no past happening ("was
# attacked" still does).
_NO_TENSE = re.compile(r"\b(?:to|be|being|is|are|am)\s+$")


def is_reaction(sentence: str) -> bool:
    """A reaction to the news rather than the news itself (`reaction`, `reporting` in
    resources/events.toml): one pass of each cue pattern over the sentence."""
    if reaction_in(sentence):
        return NAMED_MOMENT.search(sentence) is None
    if reporting_in(sentence) is None:
        return False
    # Words quoted inside the reported clause ("said the ruling was “carefully calibrated”")
    # are the speaker's wording, not a happening; a quotation that opens the sentence is the
    # statement itself ("“Officers were attacked,” she said"), whose pasts count.
    partial = not sentence.lstrip().startswith(tuple("\"“«"))
    marks, scanned = 0, 0  # quotation marks before `scanned`, counted once (one pass)
    for m in PAST.finditer(sentence):
        if m.group(0) in _NOT_A_HAPPENING or _PERFECT.search(sentence, max(0, m.start() - 20),
                                                             m.start()) or _NO_TENSE.search(
                sentence, max(0, m.start() - 7), m.start()):
            continue
        if not partial:
            return False
        marks += len(QUOTE_MARKS.findall(sentence, scanned, m.start()))
        scanned = m.start()
        if marks % 2 == 0:  # outside a quotation: a happening the sentence tells
            return False
    return True
