"""Compile the tagger's data file into one pattern, once.

Each rule becomes a named alternative `(?P<r7>…)` of a single regular expression; its own
named groups are prefixed (`r7__month`) so every rule keeps its names. Tried in file order at
each position, so the text is scanned once whatever the number of rules.
"""

from __future__ import annotations

import functools
import importlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from viewer.core.resources import build_for_folder, folder_data, load_data, override

_GROUP = re.compile(r"\(\?P<(\w+)>")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    type: str
    norm: str
    pattern: re.Pattern[str]
    glued: bool


@dataclass(frozen=True, slots=True)
class Lexicon:
    rules: tuple[Rule, ...]
    by_word: dict[str, tuple[int, ...]]
    by_digit: tuple[int, ...]
    by_quote: tuple[int, ...]
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


def _strip_lookaround(pattern: str) -> str:
    """The pattern without look-ahead/behind groups, whose words never start a match."""
    out: list[str] = []
    index = 0
    while index < len(pattern):
        if pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), index) and (
            index == 0 or pattern[index - 1] != "\\"
        ):
            depth = 0
            while index < len(pattern):
                char = pattern[index]
                if char == "\\":
                    index += 2
                    continue
                depth += char == "("
                depth -= char == ")"
                index += 1
                if depth == 0:
                    break
            continue
        out.append(pattern[index])
        index += 1
    return "".join(out)


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


def _alternation(words: Any) -> str:
    """A non-capturing group of the words, longest first, spaces matching any whitespace."""
    ordered = sorted({str(w).lower() for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


def _cue_pattern(words: list[str], suffix: str | None = None,
                 guard: str | None = None) -> re.Pattern[str]:
    """The cue words (and a suffix pattern), each not right after what `guard` rules out."""
    parts = [re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)]
    if suffix:
        parts.append(suffix)
    return re.compile(r"(?<![\w'])" + (guard or "") + "(?:" + "|".join(parts) + r")(?![\w'])",
                      re.IGNORECASE)


def _zone(zones: dict[str, list[str]]) -> str:
    """Time zone abbreviations (capitals only) or names followed by "time"."""
    short = "|".join(re.escape(z) for z in sorted(zones.get("abbreviations", []), key=len,
                                                  reverse=True))
    names = _alternation(zones.get("names", [])) if zones.get("names") else "(?!)"
    return (r"(?:(?-i:" + (short or "(?!)") + r")\b|" + names
            + r"(?:\s+(?:standard|daylight|summer))?\s+time\b)")


def build(data: dict[str, Any]) -> Lexicon:
    tables = data["tables"]
    months = {k: int(v) for k, v in tables["months"].items()}
    full_months = [m for m in months if len(m) > 3 or m == "may"]
    weekdays = {k: int(v) for k, v in tables["weekdays"].items()}
    units = dict(tables["units"])
    plain_units = [u for u in units if u not in ("weekend", "weekends", "night", "nights")]
    numbers = {k: float(v) for k, v in tables["numbers"].items()}
    places = {
        "month": _alternation(months),
        "month_full": _alternation(full_months),
        "weekday": _alternation(weekdays),
        "weekday_full": _alternation(w for w in weekdays if w.endswith("day")),
        "number": _alternation(numbers),
        "number_word": _alternation(k for k in numbers if not k.startswith(("a ", "an"))),
        "compound": r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ]"
        r"(?:one|two|three|four|five|six|seven|eight|nine)",
        "vague": _alternation(tables["vague_numbers"]),
        "unit": _alternation(units),
        "unit_plain": _alternation(plain_units),
        "season": _alternation(tables["seasons"]),
        "part": _alternation(tables["parts_of_day"]),
        "ordinal": _alternation(tables["ordinals"]),
        "holiday": _alternation(tables["holidays"]),
        "fholiday": _alternation(tables["floating_holidays"]),
        "ref": _alternation(tables["references"]),
        "zone": _zone(tables.get("time_zones", {})),
        "year": r"(?:1[0-9]\d\d|20\d\d)",
        "day": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?",
    }
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
        rules.append(Rule(entry["id"], entry["type"], entry["norm"], pattern, glued))
        if glued:
            continue
        # Index the rule under every word it could start with (a superset: any word written
        # outside a look-around), so a scan tries only the rules that can match at a word.
        visible = _strip_lookaround(body)
        visible = re.sub(r"\(\?P<\w+>", "(", visible)
        visible = re.sub(r"\\[a-zA-Z]", " ", visible).lower()
        for word in set(re.findall(r"[a-z]+", visible)):
            by_word.setdefault(word, []).append(index)
        if re.search(r"\\d|\[[^\]]*\d", body):
            by_digit.append(index)
        if "'" in visible or "’" in visible:
            by_quote.append(index)
    cues = data["cues"]
    modifiers = {" ".join(k.split()): (str(v[0]), str(v[1]))
                 for k, v in tables.get("span_modifiers", {}).items()}
    return Lexicon(
        rules=tuple(rules),
        by_word={w: tuple(sorted(ix)) for w, ix in by_word.items()},
        by_digit=tuple(by_digit),
        by_quote=tuple(by_quote),
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
        references=dict(tables["references"]),
        future_cues=_cue_pattern(cues["future"]),
        past_cues=_cue_pattern(cues["past"], cues.get("past_suffix"), cues.get("past_guard")),
        modifiers=modifiers,
        modifier_before=re.compile(
            r"(?<![\w'])(?P<mod>" + _alternation(modifiers or ["(?!)"]) + r")[\s-]+$",
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
        from viewer.core.timex.tagger import NORMALISERS  # the tagger imports this module

        unknown = sorted({r.norm for r in lexicon.rules} - NORMALISERS.keys())
        if unknown:
            raise KeyError(f"unknown normaliser {', '.join(unknown)}")
        return lexicon

    return build_for_folder("timex.toml", folder, with_own_rules_first)
