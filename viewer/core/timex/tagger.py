"""The tagging engine: one scan of the text with the compiled rules, then resolution.

Deictic expressions ("yesterday", "on Wednesday") resolve against the document creation time
(DCT); anaphoric ones ("the day before", "that week") against the latest date the narrative
mentioned, which the scan carries along as it goes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, cast

from viewer.core.ingest.written_dates import clamp
from viewer.core.timex.context import Anchor, TenseIndex
from viewer.core.timex.lexicon import Lexicon, Rule, bundled, for_folder
from viewer.core.timex.model import Timex
from viewer.core.timex.modifiers import in_name, widen
from viewer.core.timex.resolution import READS_CASE, Resolver, days
from viewer.core.timex.rule_folding import lowered_folding
from viewer.core.timex.rule_index import DIGIT, FOLLOWER_LETTERS, QUOTE

_TRIM = " \t\n,.;:"
_YEAR = re.compile(r"\d{4}$")


@functools.lru_cache(maxsize=4096)
def _precision(value: str) -> str | None:
    """The unit a value is precise to, for use as a narrative anchor (news repeats them)."""
    if len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit():
        return "D"
    if "-W" in value and value[:4].isdigit() and not value.endswith("WE"):
        return "W"
    if len(value) == 7 and value[4] == "-" and value[5:].isdigit():
        return "M"
    if len(value) == 7 and value[4:6] == "-Q":
        return "Q"
    return None


class _TimexFields:
    """Timex's slots in a class of the same layout whose plain __init__ stores each field
    with one instruction; `_make_timex` then makes the instance a Timex by changing its
    class (allowed between classes of one layout), so the record is the same frozen Timex.

    A frozen dataclass's __init__ sets each field with object.__setattr__, twice the cost,
    and setting the slots through their descriptors (as before) still cost a call each:
    records were 7 % of tagging the bench's articles (sampled), a fifth of that now.
    """

    __slots__ = ("anchor", "earliest", "end", "latest", "mod", "rule", "start", "text", "type",
                 "value")  # Python lays slots out in sorted order, as Timex's

    def __init__(self, start: int, end: int, text: str, kind: str, value: str,
                 earliest: dt.date | None, latest: dt.date | None, mod: str | None,
                 anchor: str, rule: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.type = kind
        self.value = value
        self.earliest = earliest
        self.latest = latest
        self.mod = mod
        self.anchor = anchor
        self.rule = rule


def _timex_maker() -> Callable[..., Timex]:
    """A constructor of Timex records through `_TimexFields` (`test_timex_scan` compares
    its records with the dataclass's)."""
    if sorted(_TimexFields.__slots__) != sorted(field.name for field in dataclasses.fields(Timex)):
        raise TypeError("_TimexFields must hold Timex's fields")
    fields, frozen = _TimexFields, Timex

    def make(start: int, end: int, text: str, kind: str, value: str,
             earliest: dt.date | None, latest: dt.date | None, mod: str | None,
             anchor: str, rule: str) -> Timex:
        record: Any = fields(start, end, text, kind, value, earliest, latest, mod, anchor,
                             rule)
        record.__class__ = frozen
        return cast(Timex, record)

    return make


_make_timex = _timex_maker()


# (bound match, rule, whether it matches the lowercased text) for each rule to try
Tries = tuple[tuple[Callable[[str, int, int], "re.Match[str] | None"], Rule, bool], ...]
_MAX_PAIRS = 50_000  # (word, next word) pairs remembered; news uses a few thousand
_QUOTES = "'’"


class _PairTables:
    """The rules to try at each (trigger word, next word's start) pair, for one lexicon.

    They depend on the lexicon alone, like its compiled patterns, so the taggers of one
    lexicon share them (the `timex` command makes one per file, the bench one per round):
    a new tagger worked out again the few hundred pairs of ordinary news (2 % of tagging
    100 articles, counted in instructions). The last few lexicons' tables are kept.
    """

    __slots__ = ("folded_pairs", "glued", "lex", "narrowed", "of_rules", "pairs")

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.pairs: dict[tuple[str | Any, ...], Tries] = {}  # as the trigger reads them
        # the same for text the folded patterns read as the rules do (`rule_folding`)
        self.folded_pairs: dict[tuple[str | Any, ...], Tries] = {}
        # the same, by DIGIT, lowercase, and folded or not
        self.narrowed: dict[tuple[str, str, bool], Tries] = {}
        # the same, by the word's rules, the mask of those left (`_mask`), folded or not
        self.of_rules: dict[tuple[tuple[int, ...], int, bool], Tries] = {}
        self.glued = [(index, rule) for index, rule in enumerate(lex.rules) if rule.glued]

    @classmethod
    def of(cls, lex: Lexicon, renew: bool = False) -> _PairTables:
        """The tables of `lex` (new ones when `renew`: the old grew past `_MAX_PAIRS`)."""
        kept = _SHARED.get(id(lex))
        if kept is None or kept.lex is not lex or renew:
            if len(_SHARED) >= _KEEP_TABLES:
                _SHARED.clear()
            kept = _SHARED[id(lex)] = cls(lex)
        return kept


_SHARED: dict[int, _PairTables] = {}  # by id(lex); each entry holds its lexicon alive
_KEEP_TABLES = 4


class Tagger:
    """Tags text with a compiled lexicon; cheap to call, so keep one per rule set."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lex = lexicon or bundled()
        # The rules to try after each (trigger word, start of the next word) pair met, as
        # (bound match, rule) pairs; worked out once per pair and lexicon (see `_narrow`)
        # and shared by the taggers of one lexicon (`_PairTables`).
        self._tables = _PairTables.of(self.lex)
        self._resolver = Resolver(self.lex)  # values, kept where only the words decide

    @classmethod
    def for_folder(cls, folder: str | Path | None) -> Tagger:
        return cls(for_folder(folder))

    def tag(self, text: str, dct: dt.date | None = None, start: int = 0,
            end: int | None = None) -> list[Timex]:
        """Every time expression in text[start:end], in order, with offsets into `text`."""
        end = len(text) if end is None else end
        dct = clamp(dct) if dct is not None else None
        found: list[Timex] = []
        anchor: Anchor | None = None
        year: tuple[dt.date, int] | None = None
        pos = start
        # The scan reads the lowercased span and the character before it (a space before
        # the text's start), which the trigger matches before each word.
        reading = lowered_folding(" " + text[:end] if start == 0 else text[start - 1 : end])
        # The lowercased text itself, where the folded patterns read it as the rules read
        # the text (`rule_folding`; their look-behinds may read before the scan's start, so
        # only from the text's start); the tense's cues are read from it when it is all the
        # text, and with ASCII classes where those read the text as Unicode ones do.
        lowered = (reading[0][1:] if start == 0 and reading[2] and len(reading[0]) == end + 1
                   else None)
        whole = lowered is not None and end == len(text)
        index = TenseIndex(text, self.lex, lowered if whole else None, whole and reading[1])
        tagged_to = [pos]  # shared with the candidate scan, which skips what is tagged
        resolver = self._resolver
        if resolver.lex is not self.lex:
            resolver = self._resolver = Resolver(self.lex)
        place = resolver.place
        lex = self.lex
        ends = lex.modifier_ends
        last_end = start  # where the last expression found ends
        fields = _TimexFields
        for hit, rule in self._candidates(text, start, end, tagged_to, reading, lowered):
            a, hit_end = hit.span()
            if a < pos:
                continue  # inside an expression already tagged
            b = hit_end
            while b > a and text[b - 1] in _TRIM:
                b -= 1
            resolved, a, b = place(rule, hit, text, a, b, dct, anchor, index, year, hit_end)
            if resolved is None:
                continue  # the next rule at this word, or the next word, gets its turn
            result, earliest, latest = resolved  # shared with later matches: not changed
            if a < b and text[a].isupper() and in_name(text, a, b):
                continue  # (a name begins with a capital: most expressions are not asked)
            kind = result.type
            mod = result.mod
            if ends is None or (a - 1 >= last_end and (
                    text[a - 1] == "-" or text[a - 1].isspace()) and (
                    (a - 2 >= last_end and (text[a - 2] == "-" or text[a - 2].isspace()))
                    or text[a - 3 : a - 1].lower() in ends)):
                # `widen` takes in a modifier only across white space or a hyphen after the
                # last expression, and (after one such character) only a word ending in a
                # modifier's last two letters: elsewhere it would return the span as it is,
                # and not calling it saves 5 % of tagging (`test_timex_scan` checks both).
                a, mod = widen(text, a, b, last_end, kind or rule.type, result.value, mod, lex)
            if mod != result.mod and not result.explicit_span and kind in ("DATE", "TIME"):
                earliest, latest = days(result.value, mod)
            # The span interned: news repeats "on Tuesday" and "last week" thousands of times
            # (built as `_make_timex` does, without a call between)
            record: Any = fields(a, b, sys.intern(text[a:b]), kind or rule.type, result.value,
                                 earliest, latest, mod, result.anchor, rule.id)
            record.__class__ = Timex
            found.append(record)
            unit = _precision(result.value) if kind in ("DATE", "TIME") else None
            if earliest is None or result.anchor == "none" or not result.sets_anchor:
                pass
            elif unit and not (unit == "D" and anchor is not None and anchor.unit == "Q"
                               and lex.period_end is not None
                               and lex.period_end.search(text, max(0, a - 30), a)):
                anchor = Anchor(earliest, unit, b)  # not the date closing the quarter named
            elif kind == "DATE" and _YEAR.match(result.value):
                year = (earliest, b)
            pos = tagged_to[0] = hit_end
            last_end = b
        return found


    def _tries_at(self, word: str, next_word: str | None, folding: bool = False) -> Tries:
        """The rules to try at a trigger `word` (a digit for a number, a quote for a quoted
        year) before a word starting `next_word` (None: no word follows), as bound matches.
        Shared by the pairs that differ only in case or digit ("5 hours", "7 hours").
        With `folding`, a rule whose value never reads the case of its words matches the
        lowercased text with its folded pattern (`rule_folding`), where it has one."""
        key = (DIGIT if word[:1].isdigit() else QUOTE if word[:1] in _QUOTES else word.lower(),
               (next_word or "").lower())
        tables = self._tables
        found = tables.narrowed.get((*key, folding))
        if found is None:
            group, mask = _mask(self.lex, *key)
            found = tables.of_rules.get((group, mask, folding))
            if found is None:
                rules = [self.lex.rules[index] for bit, index in enumerate(group)
                         if mask >> bit & 1]
                found = tables.of_rules[(group, mask, folding)] = tuple(
                    (rule.folded.match, rule, True)
                    if folding and rule.folded is not None and rule.norm not in READS_CASE
                    else (rule.pattern.match, rule, False) for rule in rules)
            tables.narrowed[(*key, folding)] = found
        return found

    def _candidates(self, text: str, start: int, end: int, tagged_to: list[int],
                    reading: tuple[str, bool, bool], lowered: str | None
                    ) -> Iterator[tuple[re.Match[str], Rule]]:
        """Rule matches in text order; at one position, in the rules' file order.

        One scan of the lowercased text stops only at words some rule can start with (see
        `rule_index`) and reads the start of the word after it; there the rules that can go
        on with that word (`_narrow`) are tried in order, the later ones when the caller
        turns a match down. Words inside an expression already tagged (`tagged_to[0]`, kept
        by the caller) are skipped. Glued rules (which may start inside a word) are found
        with their own scan and merged in.
        """
        lex = self.lex
        rules = lex.rules
        tables = self._tables
        if tables.lex is not lex or len(tables.pairs) + len(tables.folded_pairs) >= _MAX_PAIRS:
            tables = self._tables = _PairTables.of(lex, renew=tables.lex is lex)
        glued = sorted(
            ((hit.start(), index, hit) for index, rule in tables.glued
             if rule.gate is None or any(gate.search(text, start, end) for gate in rule.gate)
             for hit in rule.pattern.finditer(text, start, end)),
            key=lambda item: (item[0], item[1]),
        )
        next_glued = 0
        glued_at = glued[0][0] if glued else end  # where the next glued match starts
        # The scan reads the lowercased span and the character before it (a space before
        # the text's start), which the trigger matches before each word (`reading`, as
        # `lowered_folding` reads it): `base` is where that character would be in the text.
        # Rules with a folded pattern match `lowered`, the lowercased text, unless None.
        base = start - 1
        scanned, plain, _ = reading
        trigger = lex.scan.trigger
        if len(scanned) != end - base:  # a character whose lowercase is longer ("İ")
            scanned, trigger, base = " " + text[:end], lex.scan.trigger_any_case, -1
        elif lex.scan.trigger_ascii is not None and plain:
            trigger = lex.scan.trigger_ascii  # the same words, found faster
        folds = lowered is not None
        tries = tables.folded_pairs if folds else tables.pairs
        folded_text = lowered if lowered is not None else text
        search = trigger.search
        pos = start - 1 - base  # where the scan goes on in `scanned`
        while True:
            # Past an expression just tagged: no hit inside it is tried, so the scan jumps
            # to the character before its end (never onto a quote, which may begin a hit
            # ("'95") that a hit found from before would have covered).
            skip = tagged_to[0] - 1 - base
            if skip > pos and scanned[skip] not in _QUOTES:
                pos = skip
            word = search(scanned, pos)
            if word is None:
                break
            at, pos = word.span()
            at += 1 + base
            while glued_at < at:
                _, index, hit = glued[next_glued]
                next_glued += 1
                glued_at = glued[next_glued][0] if next_glued < len(glued) else end
                yield hit, rules[index]
            if at < tagged_to[0]:
                continue  # every hit here would start inside a tagged expression
            pair = word.group(1, 2)  # the start word (or digit) and the next word's start
            entry = tries.get(pair)
            if entry is None:
                entry = tries[pair] = self._tries_at(pair[0], pair[1], folds)
            for match, rule, on_lowered in entry:
                matched = match(folded_text if on_lowered else text, at, end)
                if matched is not None:
                    yield matched, rule
                    if at < tagged_to[0]:
                        break  # the caller took this rule's expression (only it moves on
                        # `tagged_to`, and only when given a match)
        for _, index, hit in glued[next_glued:]:
            yield hit, rules[index]




def _mask(lex: Lexicon, key: str, next_word: str) -> tuple[tuple[int, ...], int]:
    """The rules of a trigger `key` (a lowercase start word, DIGIT or QUOTE), and a bit mask
    of those that can match before a word starting `next_word` ("" when none follows; see
    `follower_index`): those any word may follow, and those a follower of which begins the
    next word (followers are one to `FOLLOWER_LETTERS` letters long, or DIGIT)."""
    group = (lex.by_digit if key == DIGIT else lex.by_quote if key == QUOTE
             else lex.by_word.get(key, ()))
    masks = lex.scan.masks.get(key)
    if masks is None:
        return group, (1 << len(group)) - 1
    mask, by_follower = masks
    if next_word[:1].isdigit():
        mask |= by_follower.get(DIGIT, 0)
    else:
        for size in range(1, min(len(next_word), FOLLOWER_LETTERS) + 1):
            mask |= by_follower.get(next_word[:size], 0)
    return group, mask


def _narrow(lex: Lexicon, key: str, next_word: str) -> tuple[int, ...]:
    """The rules `_mask` leaves, in order. Once narrowed they are few, and trying each is
    cheaper than one alternation of all the key's rules (measured: 72 against 82 ms on 100
    articles)."""
    group, mask = _mask(lex, key, next_word)
    return tuple(index for bit, index in enumerate(group) if mask >> bit & 1)


_DEFAULT: Tagger | None = None


def tag(text: str, dct: dt.date | None = None) -> list[Timex]:
    """Tag with the bundled rules."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Tagger()
    return _DEFAULT.tag(text, dct)
