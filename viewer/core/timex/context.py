"""What a normaliser may know about a match: its groups, the document date, tense, anchor."""

from __future__ import annotations

import datetime as dt
import functools
import re
from bisect import bisect_left
from dataclasses import dataclass

from viewer.core.ingest.segment import load_rules
from viewer.core.timex.lexicon import Lexicon

_CLAUSE_BREAKS = ",;:—–()\"“”"
_SENTENCE_BREAKS = ".!?\n"
_OTHER_BREAKS = tuple(_SENTENCE_BREAKS.replace(".", ""))  # always the end of a sentence
# "that" opens a reported clause: in "told … on Wednesday that it would not", "would" is not
# the tense of the telling.
# Two scans merged, each of which the engine can run fast (a character set; a literal word),
# where one alternation of both was tried at every position of the text (four times slower).
_CLAUSE_CHARS = re.compile("[" + re.escape(_CLAUSE_BREAKS) + "]")
_THAT = re.compile(r"that(?<!\wthat)\b")
_BREAK = re.compile("[" + re.escape(_SENTENCE_BREAKS) + "]")


def _ends_sentence(text: str, index: int) -> bool:
    """A break character at `index` that ends a sentence: not the dot of "Oct." or "P."."""
    if text[index] != ".":
        return True
    word_start = index
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    word = text[word_start:index]
    if len(word) == 1:  # an initial ("P."), but an acronym ("U.S.") may end a sentence
        return word_start > 0 and text[word_start - 1] == "."
    return word.lower() not in load_rules().never_final

@functools.cache
def _abbreviation_reach() -> int:
    """How many characters before a full stop decide whether it ends a sentence: the
    longest abbreviation that never ends one, and the character before it."""
    return max((len(w) for w in load_rules().never_final if w.isalpha()), default=1) + 2


@functools.lru_cache(maxsize=1 << 16)
def _dot_ends_sentence(before: str) -> bool:
    """`_ends_sentence` for a full stop after `before`, the characters that decide it (fewer
    at the text's start): a longer word is no listed abbreviation, and a shorter one and
    the character before it are in them. News repeats the words before its full stops, so
    for most of them this is a dictionary look-up, not a walk back over the word."""
    return _ends_sentence(before + ".", len(before))


def _decimal_point(text: str, at: int) -> bool:
    """The full stop at `at` sits between digits ("840.8 million"): no sentence ends there."""
    return text[at - 1 : at].isdigit() and text[at + 1 : at + 2].isdigit()


_Cues = tuple[list[int], list[int]]  # starts, ends of one cue pattern's matches


class TenseIndex:
    """Where the sentences and clauses a text's expressions sit in break, and where their
    tense cues are, each found once.

    `Match.tense()` is asked for most candidate expressions; scanning its sentence each
    time (and the text between each cue and the expression) made tagging one long sentence
    cubic. Questions come in text order, so each sentence asked about is found from the last
    one's bounds, scanning only the text between them (the character searches of `str`),
    and its clause breaks and cues are found once; text no expression sits in is never
    scanned, which a list of every break of the text (as before) was.
    """

    __slots__ = ("_clauses", "_cues", "_last", "_lex", "_lowered", "_plain", "_text")

    def __init__(self, text: str, lex: Lexicon, lowered: str | None = None,
                 plain: bool = False) -> None:
        """`lowered`: `text.lower()` where it is as long as the text and holds no "ı" nor
        "ſ" (the tagger's scan has it: the cues' sentences are then sliced from it, not
        each lowered again), else None; `plain`: ASCII classes read the text as Unicode
        ones do (`rule_index.ascii_reading`), so the led cues with ASCII classes serve."""
        self._text = text
        self._lex = lex
        self._lowered = lowered
        self._plain = plain
        self._last: tuple[int, int, int, int] | None = None  # start, end, left, right
        self._clauses: dict[tuple[int, int], list[int]] = {}
        self._cues: dict[tuple[int, int], tuple[_Cues, _Cues]] = {}

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The span from the sentence break before `start` to the one at or after `end`.

        What the last question found holds: no break in [left, start) nor in [end, right),
        and a break at right (unless it is the text's end). Only the text between that and
        this question is searched."""
        size = len(self._text)
        last = self._last
        if last is None or start < last[0]:  # the first question, or one out of order
            before = self._break_before(0, start)
            left = before + 1 if before >= 0 else 0
            right = self._break_from(end, size)
        else:
            q_start, q_end, q_left, q_right = last
            if start > q_right:  # a later sentence: the break at q_right is before it
                before = self._break_before(q_right + 1, start)
                left = before + 1 if before >= 0 else q_right + 1
            else:
                before = self._break_before(q_start, start)
                left = before + 1 if before >= 0 else q_left
            if q_end <= end <= q_right:
                right = q_right
            elif end < q_end:
                right = self._break_from(end, q_end, q_right)
            else:
                right = self._break_from(end, size)
        self._last = (start, end, left, right)
        return left, right

    def _break_before(self, lo: int, hi: int) -> int:
        """The last break in text[lo:hi], or -1. Each break character is searched for once
        backwards, and the full stop again only past an abbreviation's."""
        text, reach = self._text, _abbreviation_reach()
        bang, question, newline = _OTHER_BREAKS
        at = max(text.rfind(bang, lo, hi), text.rfind(question, lo, hi),
                 text.rfind(newline, lo, hi))
        dot = text.rfind(".", lo, hi)
        while dot > at:
            if not _decimal_point(text, dot) and _dot_ends_sentence(
                    text[max(0, dot - reach) : dot]):
                return dot
            dot = text.rfind(".", lo, dot)
        return at

    def _break_from(self, lo: int, hi: int, otherwise: int | None = None) -> int:
        """The first break in text[lo:hi]; else `otherwise` (the text's end by default)."""
        text, reach = self._text, _abbreviation_reach()
        while (found := _BREAK.search(text, lo, hi)) is not None:
            at = found.start()
            if text[at] != "." or (not _decimal_point(text, at)
                                   and _dot_ends_sentence(text[max(0, at - reach) : at])):
                return at
            lo = at + 1
        return len(text) if otherwise is None else otherwise

    def clauses(self, left: int, right: int) -> list[int]:
        """Where clauses break inside the sentence text[left:right]."""
        found = self._clauses.get((left, right))
        if found is None:
            text = self._text
            # A comma between digits ("25,000 heaters") is a thousands separator.
            found = [at for m in _CLAUSE_CHARS.finditer(text, left, right)
                     if text[at := m.start()] != "," or not (
                         text[at - 1 : at].isdigit() and text[at + 1 : at + 2].isdigit())]
            that = [m.start() for m in _THAT.finditer(self._text, left, right)]
            if that:
                found = sorted(found + that)
            self._clauses[(left, right)] = found
        return found

    def cues(self, left: int, right: int) -> tuple[_Cues, _Cues]:
        """Future and past cue matches inside text[left:right], as the patterns find them."""
        found = self._cues.get((left, right))
        if found is None:
            found = self._cues[(left, right)] = self._folded_cues(left, right) or (
                self._plain_cues(left, right))
        return found

    def _plain_cues(self, left: int, right: int) -> tuple[_Cues, _Cues]:
        future, past = ([], []), ([], [])  # type: tuple[_Cues, _Cues]
        for into, pattern in ((future, self._lex.future_cues), (past, self._lex.past_cues)):
            for cue in pattern.finditer(self._text, left, right):
                into[0].append(cue.start())
                into[1].append(cue.end())
        return future, past

    def _folded_cues(self, left: int, right: int) -> tuple[_Cues, _Cues] | None:
        """The same cues found in the lowercased sentence and the break character before it
        (which the led patterns match), or None where that cannot be done. An "-ed" verb
        counts only where the text itself is lowercase there, as the suffix requires."""
        lex, text = self._lex, self._text
        if left == 0 or lex.led_future_cues is None or lex.led_past_cues is None:
            return None
        if self._lowered is not None:
            folded = self._lowered[left - 1 : right]
        else:
            folded = text[left - 1 : right].lower()
            if len(folded) != right - left + 1 or "ı" in folded or "ſ" in folded:
                return None  # "İ" lowercases to two characters; "ı" and "ſ" match "i" and
                # "s" under IGNORECASE, not once lowercased
        shift = left - 1
        future_cues, past_cues = lex.led_future_cues, lex.led_past_cues
        if self._plain and lex.led_future_ascii is not None and lex.led_past_ascii is not None:
            future_cues, past_cues = lex.led_future_ascii, lex.led_past_ascii
        future, past = ([], []), ([], [])  # type: tuple[_Cues, _Cues]
        for into, pattern, guard in ((future, future_cues, lex.led_future_guard),
                                     (past, past_cues, lex.led_past_guard)):
            scan_from, verbs = 0, "verb" in pattern.groupindex
            while scan_from >= 0:
                for cue in pattern.finditer(folded, scan_from):
                    if guard is not None and guard.match(folded, cue.start("cue")) is None:
                        # The guarded pattern fails here and goes on from the next character.
                        scan_from = cue.start() + 1
                        break
                    start, end = cue.start("cue") + shift, cue.end() + shift
                    if verbs and cue.start("verb") >= 0 and text[start:end] != cue.group("cue"):
                        continue  # "United": no verb, as the case-sensitive suffix would find
                    into[0].append(start)
                    into[1].append(end)
                else:
                    scan_from = -1
        return future, past


# What stands between a verb and the time it is told at ("agreed on Thursday").
_OWN_TIME = re.compile(r"\s+(?:on|in|at)\s+")


def _apart(clauses: list[int], cue: tuple[int, int], span: tuple[int, int]) -> bool:
    """Whether a clause break lies between a cue and an expression."""
    lo, hi = (cue[1], span[0]) if cue[1] <= span[0] else (span[1], cue[0])
    between = bisect_left(clauses, lo)
    return hi > lo and between < len(clauses) and clauses[between] < hi


@dataclass(slots=True)
class Anchor:
    """The latest date the narrative mentioned, at the precision it was mentioned."""

    day: dt.date
    unit: str  # "D", "W", "M", "Q"
    end: int = 0  # where the expression that set it ends in the text


class Match:
    """What a normaliser may know about a match: its groups, the document date, and, around
    it, the text, the narrative's anchor and year and the clause's tense.

    Those last four are read through properties that clear `local`: a normaliser that
    read none of them gave a result that depends only on the match's words and groups and
    the document date, which the tagger then reuses for the same words (`resolution`). A
    plain slotted class, not a dataclass: the tagger builds one per candidate expression.
    """

    __slots__ = ("_anchor", "_text", "_year", "dct", "end", "folded", "groups", "index", "lex",
                 "local", "start")

    def __init__(self, text: str, start: int, end: int, groups: dict[str, str],
                 dct: dt.date | None, anchor: Anchor | None, lex: Lexicon,
                 index: TenseIndex | None = None,
                 year: tuple[dt.date, int] | None = None, folded: bool = False) -> None:
        self._text = text
        self.start = start
        self.end = end
        self.groups = groups
        self.dct = dct
        self._anchor = anchor
        self.lex = lex
        self.index = index
        # The latest year named alone ("in 1988", "last year") and where it ends: "that
        # year" and "the year before" refer to it, while the anchor stays at the finer date.
        self._year = year
        self.local = True  # nothing around the match read yet
        self.folded = folded  # the groups are of the lowercased text (`rule_folding`)

    @property
    def text(self) -> str:
        self.local = False
        return self._text

    @property
    def anchor(self) -> Anchor | None:
        self.local = False
        return self._anchor

    @property
    def year(self) -> tuple[dt.date, int] | None:
        self.local = False
        return self._year

    def g(self, name: str) -> str | None:
        value = self.groups.get(name)
        return value.lower() if value is not None else None

    def raw(self, name: str) -> str | None:
        """A group as the text writes it."""
        if self.folded:
            raise TypeError(f"a folded match's groups are lowercase: list its normaliser in "
                            f"resolution.READS_CASE (group {name!r})")
        return self.groups.get(name)

    def surface(self) -> str:
        """The match's own words (so reading them keeps the result `local`)."""
        return self._text[self.start : self.end]

    def tense(self) -> int:
        """+1 if the clause points to the future (+2 if a firm cue such as "will" says so),
        -1 to the past, 0 if no cue was found.

        The nearest cue in the same clause wins; otherwise the nearest in the sentence, since
        a fronted "On Wednesday, forces launched…" takes its tense from the clause after it.
        At equal distance the cue before the expression wins: a time adverbial follows its
        verb ("said on Saturday it would pay" is Saturday's saying). An expression in
        brackets restates the time of what comes before them ("will leave at four (4 a.m.
        Thursday), he said"), so only cues before the bracket count. A deadline ("by
        February", "until Friday") whose clause has no past verb lies ahead.
        """
        self.local = False
        index = self.index
        if index is None:
            index = self.index = TenseIndex(self._text, self.lex)
        left, right = index.sentence(self.start, self.end)
        start, end, limit = self.start, self.end, right
        bracket = self._bracket_before()
        if bracket >= left:
            limit = start = end = bracket
        sign, cue_start, cue_end = self._nearest_cue(index, (left, right, limit), start, end)
        if sign > 0 and self._text[cue_start:cue_end].lower() in self.lex.firm_future:
            return 2
        if sign <= 0 and self._deadline(left) and (sign == 0 or _apart(
                index.clauses(left, right), (cue_start, cue_end), (start, end))
                or (cue_end <= start and self._perfect(cue_start))):
            # a deadline whose own clause has no past verb lies ahead, whether the telling
            # verb comes before it or after ("could run short by January, the agency warned")
            return 1
        return sign

    def _perfect(self, verb: int) -> bool:
        """Whether the past verb at `verb` is in the present perfect ("has extended")."""
        pattern = self.lex.deadline_perfect
        return pattern is not None and (
            pattern.search(self._text, max(0, verb - 6), verb) is not None)

    def _deadline(self, left: int) -> bool:
        """A deadline preposition right before the match, inside a clause: one that opens
        its sentence or clause sets the scene instead ("By Wednesday evening, rescuers put
        the toll at 1,140"; "Until Thursday, they had not …")."""
        pattern, text = self.lex.deadline_before, self._text
        # Most expressions follow no deadline word: the two characters before the space
        # before the match are tested (a deadline word's last two letters, or more white
        # space) before the pattern is searched.
        before = text[max(0, self.start - 3) : self.start - 1].lower()
        if pattern is None or len(before) < 2 or (before not in self.lex.deadline_ends
                                                  and not before[1].isspace()):
            return False
        found = pattern.search(text, max(left, self.start - 16), self.start)
        if found is None:
            return False
        before = self._text[left : found.start()].rstrip()
        return bool(before) and before[-1] not in _CLAUSE_BREAKS

    def _bracket_before(self) -> int:
        """Where the opening bracket is when the match ends a short aside in brackets
        ("(4 a.m. Thursday)", "(1800 GMT Saturday)"), else -1."""
        text = self._text
        after = text[self.end : self.end + 2]
        if ")" not in after or not after.lstrip().startswith(")"):
            return -1
        opening = text.rfind("(", max(0, self.start - 30), self.start)
        if opening < 0 or any(c in text[opening : self.start] for c in ")\n"):
            return -1
        return opening

    def _nearest_cue(self, index: TenseIndex, bounds: tuple[int, int, int], start: int,
                     end: int) -> tuple[int, int, int]:
        """The sign, start and end of the cue that decides the tense of text[start:end]
        in the sentence text[left:right], among the cues before `limit` ((0, 0, 0) if
        none)."""
        left, right, limit = bounds
        # The nearest cue of a pattern on either side is the last one starting before the
        # expression and the first one starting after it (a pattern's matches never overlap,
        # so their ends are in order too); the order of the four keeps the scan's tie-breaks.
        near: list[tuple[int, int, int, int]] = []  # (start, end, after, sign)
        future, past = index.cues(left, right)
        for sign, (starts, ends) in ((1, future), (-1, past)):
            if not starts:
                continue
            before = bisect_left(starts, start)
            after = bisect_left(starts, end, before)
            if before and starts[before - 1] < limit:  # the last cue before (after >= before)
                near.append((starts[before - 1], ends[before - 1], 0, sign))
            if after < len(starts) and starts[after] < limit:
                near.append((starts[after], ends[after], 1, sign))
        if len(near) < 2:  # most (88 % in the bench corpus): no clause breaks to weigh
            return (near[0][3], near[0][0], near[0][1]) if near else (0, 0, 0)
        best: tuple[int, int, int, int, int, int] | None = None
        # (other clause, distance, after, sign, cue start, cue end)
        clauses = index.clauses(left, right)
        for cue_start, cue_end, is_after, sign in near:
            lo, hi = (cue_end, start) if cue_end <= start else (end, cue_start)
            other = _apart(clauses, (cue_start, cue_end), (start, end))
            # a verb and its own time ("agreed on Thursday to hold talks"): no distance
            gap = 0 if not is_after and _OWN_TIME.fullmatch(self._text, lo, hi) else hi - lo
            key = (int(other), max(0, gap), is_after, sign, cue_start, cue_end)
            if best is None or key[:3] < best[:3]:
                best = key
        return (best[3], best[4], best[5]) if best else (0, 0, 0)
