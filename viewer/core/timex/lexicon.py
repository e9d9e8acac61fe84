"""Compile the tagger's data file into one pattern, once.

Each rule becomes a named alternative `(?P<r7>…)` of a single regular expression; its own
named groups are prefixed (`r7__month`) so every rule keeps its names. Tried in file order at
each position, so the text is scanned once whatever the number of rules.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from viewer.core.resources import load_data

_GROUP = re.compile(r"\(\?P<(\w+)>")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    type: str
    norm: str
    prefix: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    pattern: re.Pattern[str]
    rules: dict[str, Rule]
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


def _alternation(words: Any) -> str:
    """A non-capturing group of the words, longest first, spaces matching any whitespace."""
    ordered = sorted({str(w).lower() for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


def _cue_pattern(words: list[str], suffix: str | None = None) -> re.Pattern[str]:
    parts = [re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)]
    if suffix:
        parts.append(suffix)
    return re.compile(r"(?<![\w'])(?:" + "|".join(parts) + r")(?![\w'])", re.IGNORECASE)


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
        "vague": _alternation(tables["vague_numbers"]),
        "unit": _alternation(units),
        "unit_plain": _alternation(plain_units),
        "season": _alternation(tables["seasons"]),
        "part": _alternation(tables["parts_of_day"]),
        "ordinal": _alternation(tables["ordinals"]),
        "holiday": _alternation(tables["holidays"]),
        "fholiday": _alternation(tables["floating_holidays"]),
        "ref": _alternation(tables["references"]),
        "year": r"(?:1[0-9]\d\d|20\d\d)",
        "day": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?",
    }
    rules: dict[str, Rule] = {}
    alternatives = []
    for index, entry in enumerate(data["rule"]):
        name = f"r{index}"
        body = _PLACEHOLDER.sub(lambda m: places[m.group(1)], entry["pattern"])
        body = _GROUP.sub(lambda m, n=name: f"(?P<{n}__{m.group(1)}>", body)
        if not body.startswith(("(?<", "(?:(?<")):
            body = r"(?<!\w)" + body  # rules with their own look-behind say where they start
        rules[name] = Rule(entry["id"], entry["type"], entry["norm"], name + "__")
        alternatives.append(f"(?P<{name}>{body})")
    pattern = re.compile("|".join(alternatives), re.IGNORECASE)
    cues = data["cues"]
    return Lexicon(
        pattern=pattern,
        rules=rules,
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
        past_cues=_cue_pattern(cues["past"], cues.get("past_suffix")),
    )


@functools.cache
def bundled() -> Lexicon:
    return build(load_data("timex.toml"))


def for_folder(folder: str | Path | None) -> Lexicon:
    """The bundled rules, with a folder's own rules tried first."""
    if folder is None or not (Path(folder) / ".timeline-viewer" / "timex.toml").is_file():
        return bundled()
    base = load_data("timex.toml")
    merged = load_data("timex.toml", folder)
    local = merged["rule"][len(base["rule"]) :]
    merged["rule"] = local + base["rule"]
    return build(merged)
