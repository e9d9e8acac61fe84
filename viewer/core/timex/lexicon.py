"""Compile the tagger's data file once per process: its tables, its rules, and the scan.

Each rule is indexed under the words it can start with, and the scan (`rule_index`) is
compiled here with the rules, so tagging never compiles a pattern: one pass over the text
finds those words, and at each one tries, in file order, the rules that can go on with the
word after it.
"""

from __future__ import annotations

import functools
import importlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from viewer.core.resources import build_for_folder, folder_data, load_data, override
from viewer.core.timex.follower_index import follower_table
from viewer.core.timex.rule_folding import folded_pattern
from viewer.core.timex.rule_index import (
    RuleScan,
    compile_scan,
    parsed,
    start_keys,
    trie_pattern,
)
from viewer.core.timex.rule_placeholders import places_of

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    type: str
    norm: str
    pattern: re.Pattern[str]
    glued: bool
    # For a glued rule: quick scans for the places it can match at all, when its pattern
    # says (a character it can start with, right after one its look-behinds end with).
    gate: tuple[re.Pattern[str], ...] | None = None
    # The pattern for the lowercased text, case no longer ignored (`rule_folding`); None
    # for a glued rule or one that cannot be folded.
    folded: re.Pattern[str] | None = None


@dataclass(frozen=True, slots=True)
class Lexicon:
    rules: tuple[Rule, ...]
    by_word: dict[str, tuple[int, ...]]
    by_digit: tuple[int, ...]
    by_quote: tuple[int, ...]
    scan: RuleScan
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    vague: frozenset[str]
    ordinals: dict[str, int]
    units: dict[str, str]
    seasons: dict[str, str]
    parts: dict[str, str]
    holidays: dict[str, tuple[int, int]]
    floating: dict[str, str]
    references: dict[str, str]
    future_cues: re.Pattern[str]
    past_cues: re.Pattern[str]
    modifiers: dict[str, tuple[str, str]]
    modifier_before: re.Pattern[str]
    # The cues and the modifier pattern led by the character before the word, which they
    # match instead of looking behind: the engine skips along the text to each such
    # character rather than entering its matcher at every one (see `rule_index`). The cues
    # are matched in lowercased text (folding case costs the engine as much as matching);
    # the past cues' "-ed" verbs, whose case matters, are group "verb" (see `context`).
    # None in a lexicon built before them: the patterns above are used.
    led_future_cues: re.Pattern[str] | None = None
    led_past_cues: re.Pattern[str] | None = None
    # What the led past cues must not follow (look-behinds at the cue's start), or None.
    led_past_guard: re.Pattern[str] | None = None
    led_modifier: re.Pattern[str] | None = None
    # What the led future cues must not follow ("had been due to"), or None.
    led_future_guard: re.Pattern[str] | None = None
    # Future cues that say outright what lies ahead ("will"; not reported "would").
    firm_future: frozenset[str] = frozenset()
    # A deadline preposition ending the text before an expression ("by ", "until ").
    deadline_before: re.Pattern[str] | None = None
    deadline_ends: frozenset[str] = frozenset()  # their last two letters (a quick test)
    deadline_perfect: re.Pattern[str] | None = None  # before a verb: "has " (see context)
    period_mods: dict[str, str] = field(default_factory=dict)  # "early", "the end of": mod
    half_mods: dict[str, str] = field(default_factory=dict)  # "the first half of the '80s"
    # What ends the text before a date closing a period ("the quarter ended ").
    period_end: re.Pattern[str] | None = None
    # The led cues with ASCII classes, for text they read as the Unicode ones do (as
    # `RuleScan.trigger_ascii`); None in a lexicon built before them.
    led_future_ascii: re.Pattern[str] | None = None
    led_past_ascii: re.Pattern[str] | None = None
    # The last two letters of each modifier: a cheap test before the search (`widen`).
    modifier_ends: frozenset[str] | None = None


# The standard library's own regex parser (no public equivalent), used only to find which
# characters a glued rule can start with; any surprise there just means no look-ahead.
sre: Any = importlib.import_module("re._constants")
sre_parse: Any = importlib.import_module("re._parser")
_ZERO_WIDTH = {sre.ASSERT, sre.ASSERT_NOT, sre.AT}


def _zero_width(item: tuple[Any, Any]) -> bool:
    op, arg = item
    if op in _ZERO_WIDTH:
        return True
    if op is sre.BRANCH:
        return all(all(map(_zero_width, branch)) for branch in arg[1])
    if op is sre.SUBPATTERN:
        return all(map(_zero_width, arg[3]))
    return False


def _first_chars(items: Any) -> set[str] | None:
    """The characters a match of the parsed pattern can start with, or None if unsure."""
    for item in items:
        if _zero_width(item):
            continue
        op, arg = item
        if op is sre.LITERAL:
            return {chr(arg)}
        if op is sre.IN:
            chars: set[str] = set()
            for kind, value in arg:
                if kind is sre.LITERAL:
                    chars.add(chr(value))
                elif kind is sre.RANGE and value[1] - value[0] < 64:
                    chars.update(map(chr, range(value[0], value[1] + 1)))
                elif kind is sre.CATEGORY and value is sre.CATEGORY_DIGIT:
                    chars.update("0123456789")
                else:
                    return None
            return chars
        if op is sre.SUBPATTERN and arg[3].getwidth()[0] > 0:
            return _first_chars(arg[3])
        if op is sre.BRANCH and all(branch.getwidth()[0] > 0 for branch in arg[1]):
            found: set[str] = set()
            for branch in arg[1]:
                chars_of = _first_chars(branch)
                if chars_of is None:
                    return None
                found |= chars_of
            return found
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and arg[0] > 0:
            return _first_chars(arg[2])
        return None
    return None


def _scan_pattern(body: str) -> re.Pattern[str]:
    """A glued rule's pattern for scanning a whole text: led by a look-ahead on the
    characters it can start with, when they are known, so most positions fail at once
    (its own look-behinds first would be tried at every position)."""
    try:
        chars = _first_chars(sre_parse.parse(body, re.IGNORECASE))
    except (re.error, AttributeError, TypeError, IndexError):
        chars = None
    if chars:
        cased = {c.lower() for c in chars} | {c.upper() for c in chars} | chars
        body = "(?=[" + "".join(re.escape(c) for c in sorted(cased)) + "])" + body
    return re.compile(body, re.IGNORECASE)


def _lookbehind_ends(items: Any) -> set[str] | None:
    """The characters a match must follow, read from the positive look-behinds it opens with
    ("(?<=\\bin)|(?<=\\bsince)": n or e), or None when they do not say."""
    for op, arg in items:
        if op is sre.ASSERT and arg[0] < 0:
            branches = [arg[1]]
        elif op is sre.BRANCH and all(
                len(b) == 1 and b[0][0] is sre.ASSERT and b[0][1][0] < 0 for b in arg[1]):
            branches = [b[0][1][1] for b in arg[1]]
        elif op is sre.SUBPATTERN:
            found = _lookbehind_ends(arg[3])
            if found is not None:
                return found
            continue
        elif op in _ZERO_WIDTH:
            continue  # a negative or forward look: says nothing of the character before
        else:
            return None  # the match has begun
        ends: set[str] = set()
        for branch in branches:
            if not branch:
                return None
            last = _first_chars([branch[-1]])
            if last is None:
                return None
            ends |= last
        return ends
    return None


_MAX_GATES = 4  # first characters searched for one by one; more share one character set


def _gate(body: str) -> tuple[re.Pattern[str], ...] | None:
    """For a glued rule: scans that find a character it can start with right after one its
    opening look-behinds end with. Where they find none the rule cannot match, and the text
    need not be scanned with the whole pattern (which costs a look-ahead at every position:
    a twentieth of all tagging for a one-rule scan). One scan per first character: led by
    one literal character, the engine runs its single-character search, five times faster
    than its character-set search (0.14 against 0.74 ms on 100 articles for "1" and "2")."""
    try:
        parsed = sre_parse.parse(body, re.IGNORECASE)
        first, before = _first_chars(parsed), _lookbehind_ends(parsed)
    except (re.error, AttributeError, TypeError, IndexError):
        return None
    if not first or not before:
        return None

    def chars(found: set[str]) -> str:
        return "[" + "".join(re.escape(c) for c in sorted(found)) + "]"

    leads = ([re.escape(c) for c in sorted(first)] if len(first) <= _MAX_GATES
             else [chars(first)])
    return tuple(re.compile(lead + "(?<=" + chars(before) + lead + ")",
                            re.IGNORECASE)  # as the rule matches: its cases are the rule's
                 for lead in leads)


def _alternation(words: Any) -> str:
    """A non-capturing group of the words (a trie, longest first), spaces matching any
    white space."""
    return trie_pattern({str(w).lower() for w in words})


def _word_list(words: Any) -> str:
    """The same words as a plain list, longest first: the form whose words are written
    out, which the rule index reads (see `start_keys`)."""
    ordered = sorted({str(w).lower() for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


_NOT_AFTER_WORD = r"(?<![\w'])"
_AFTER_NON_WORD = r"[^\w']"  # the same condition, as a character the pattern matches


def _cue_pattern(words: list[str], suffix: str | None = None,
                 guard: str | None = None, led: bool = False,
                 ascii_classes: bool = False) -> re.Pattern[str]:
    """The cue words (and a suffix pattern), each not right after what `guard` rules out;
    `led`: for lowercased text, matching the character before the cue (group "cue" is the
    cue, group "verb" what the suffix matched); `ascii_classes`: the led pattern with
    ASCII classes, its leading character a set (a table look-up at each character).

    The words are a trie, not a list: at each word of a sentence the engine follows one
    branch instead of trying some 150 words in turn (2.5 times faster, same matches). Led,
    the trie's first characters are alternatives of the one alternation with the suffix
    (one alternation fewer to enter at each word; the same order)."""
    if not led:
        parts = [_alternation(words)] + ([suffix] if suffix else [])
        body = (guard or "") + "(?:" + "|".join(parts) + r")(?![\w'])"
        return re.compile(_NOT_AFTER_WORD + body, re.IGNORECASE)
    parts = [trie_pattern({str(w).lower() for w in words}, bare=True)]
    if suffix:
        parts.append("(?P<verb>" + suffix + ")")
    body = (guard or "") + "(?:" + "|".join(parts) + r")(?![\w'])"
    if ascii_classes:
        return re.compile(r"[^0-9A-Z_a-z']" + "(?P<cue>" + body + ")", re.ASCII)
    return re.compile(_AFTER_NON_WORD + "(?P<cue>" + body + ")")


def build(data: dict[str, Any]) -> Lexicon:
    """The lexicon of a data file's tables and rules. The index reads each rule's parsed
    pattern from a memo (`rule_index.parsed`), emptied once the lexicon is built: its parse
    trees (1.6 MB, 20,000 objects for the bundled rules) would otherwise stay for the life
    of the process, walked by every full garbage collection."""
    try:
        return _build(data)
    finally:
        parsed.cache_clear()


def _build(data: dict[str, Any]) -> Lexicon:
    tables = data["tables"]
    months = {k: int(v) for k, v in tables["months"].items()}
    weekdays = {k: int(v) for k, v in tables["weekdays"].items()}
    units = dict(tables["units"])
    numbers = {k: float(v) for k, v in tables["numbers"].items()}
    places, listed = places_of(tables, _alternation), places_of(tables, _word_list)
    rules: list[Rule] = []
    by_word: dict[str, list[int]] = {}
    by_digit: list[int] = []
    by_quote: list[int] = []
    for entry in data["rule"]:
        body = _PLACEHOLDER.sub(lambda m: places[m.group(1)], entry["pattern"])
        glued = bool(entry.get("glued"))
        if not glued:
            body = r"(?<!\w)" + body
        index = len(rules)
        pattern = _scan_pattern(body) if glued else re.compile(body, re.IGNORECASE)
        rules.append(Rule(entry["id"], entry["type"], entry["norm"], pattern, glued,
                          _gate(body) if glued else None,
                          None if glued else folded_pattern(body)))
        if glued:
            continue
        # Index the rule under the words it can start with, so a scan tries only the rules
        # that can match at a word.
        words, digit, quote = start_keys(
            body, r"(?<!\w)" + _PLACEHOLDER.sub(lambda m: listed[m.group(1)], entry["pattern"]))
        for word in words:
            by_word.setdefault(word, []).append(index)
        if digit:
            by_digit.append(index)
        if quote:
            by_quote.append(index)
    cues = data["cues"]
    modifiers = {" ".join(k.split()): (str(v[0]), str(v[1]))
                 for k, v in tables.get("span_modifiers", {}).items()}
    word_index = {w: tuple(sorted(ix)) for w, ix in by_word.items()}
    return Lexicon(
        rules=tuple(rules),
        by_word=word_index,
        by_digit=tuple(by_digit),
        by_quote=tuple(by_quote),
        scan=compile_scan(word_index, tuple(by_digit), tuple(by_quote), follower_table(
            [r.pattern.pattern for r in rules], word_index, tuple(by_digit))),
        months=months,
        weekdays=weekdays,
        numbers=numbers,
        vague=frozenset(tables["vague_numbers"]),
        ordinals={k: int(v) for k, v in tables["ordinals"].items()},
        units=units,
        seasons=dict(tables["seasons"]),
        parts=dict(tables["parts_of_day"]),
        holidays={k: (int(v[0]), int(v[1])) for k, v in tables["holidays"].items()},
        floating=dict(tables["floating_holidays"]),
        references=dict(tables["references"]) | dict(tables.get("modal_references", {})),
        period_mods=dict(tables["period_modifiers"]), half_mods=dict(tables["half_modifiers"]),
        future_cues=_cue_pattern(cues["future"], guard=cues.get("future_guard")),
        past_cues=_cue_pattern(cues["past"], cues.get("past_suffix"), cues.get("past_guard")),
        modifiers=modifiers,
        modifier_before=re.compile(
            _NOT_AFTER_WORD + "(?P<mod>" + _alternation(modifiers or ["(?!)"]) + r")[\s-]+$",
            re.IGNORECASE),
        led_future_cues=_cue_pattern(cues["future"], led=True),
        # The guard's look-behinds (at every word, before the trie) cost the past cues'
        # scan 40 %: the led pattern goes without, and `context` checks the guard at the
        # few cues found, going on from the next character where it fails, as the engine
        # did (the same cues).
        led_past_cues=_cue_pattern(cues["past"], cues.get("past_suffix"), led=True),
        led_past_guard=re.compile(cues["past_guard"]) if cues.get("past_guard") else None,
        led_future_guard=re.compile(cues["future_guard"]) if cues.get("future_guard") else None,
        firm_future=frozenset(" ".join(w.lower().split()) for w in cues.get("firm_future", [])),
        deadline_before=re.compile(
            _NOT_AFTER_WORD + "(?:" + _alternation(cues["deadline"]) + r")\s+$", re.IGNORECASE)
        if cues.get("deadline") else None,
        deadline_ends=frozenset(str(w)[-2:].lower() for w in cues.get("deadline", [])),
        deadline_perfect=re.compile(cues.get("deadline_perfect", "(?!)"), re.IGNORECASE),
        period_end=re.compile(cues["period_end"], re.IGNORECASE) if cues.get("period_end")
        else None,
        modifier_ends=frozenset(key.lower().rstrip(" -")[-2:] for key in modifiers),
        led_future_ascii=_cue_pattern(cues["future"], led=True, ascii_classes=True),
        led_past_ascii=_cue_pattern(cues["past"], cues.get("past_suffix"), led=True,
                                    ascii_classes=True),
        led_modifier=re.compile(
            _AFTER_NON_WORD + "(?P<mod>" + _alternation(modifiers or ["(?!)"]) + r")[\s-]+$",
            re.IGNORECASE),
    )


@functools.cache
def bundled() -> Lexicon:
    return build(load_data("timex.toml"))


def for_folder(folder: str | Path | None) -> Lexicon:
    """The bundled rules, with a folder's own rules tried first."""
    if override("timex.toml", folder) is None:
        return bundled()
    base = load_data("timex.toml")
    own = folder_data("timex.toml", folder) or {}

    def with_own_rules_first(merged: dict[str, Any]) -> Lexicon:
        if own.get("replace") is not True:  # else only the folder's rules (and its tables)
            local = merged["rule"][len(base["rule"]) :]
            merged = {**merged, "rule": local + base["rule"]}
        lexicon = build(merged)
        from viewer.core.timex.resolution import NORMALISERS  # which imports this module

        unknown = sorted({r.norm for r in lexicon.rules} - NORMALISERS.keys())
        if unknown:
            raise KeyError(f"unknown normaliser {', '.join(unknown)}")
        return lexicon

    return build_for_folder("timex.toml", folder, with_own_rules_first)
