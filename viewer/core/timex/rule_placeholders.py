"""What each placeholder of a rule pattern stands for ({month}, {unit}, {zone}, ...).

The tables of `resources/timex.toml` turned into regular-expression text, once with the words
as a trie (the patterns compiled) and once as a plain list (which the rule index reads).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Alternation = Callable[[Any], str]


def zone_pattern(zones: dict[str, list[str]], alternation: Alternation) -> str:
    """Time zone abbreviations (capitals only) or names followed by "time"."""
    short = "|".join(re.escape(z) for z in sorted(zones.get("abbreviations", []), key=len,
                                                  reverse=True))
    names = alternation(zones.get("names", [])) if zones.get("names") else "(?!)"
    return (r"(?:(?-i:" + (short or "(?!)") + r")\b|" + names
            + r"(?:\s+(?:standard|daylight|summer))?\s+time\b)")


def places_of(tables: dict[str, Any], alternation: Alternation) -> dict[str, str]:
    """What each placeholder of a rule pattern stands for."""
    months = {k: int(v) for k, v in tables["months"].items()}
    full_months = [m for m in months if len(m) > 3 or m == "may"]
    weekdays = {k: int(v) for k, v in tables["weekdays"].items()}
    units = dict(tables["units"])
    plain_units = [u for u in units if u not in ("weekend", "weekends", "night", "nights")]
    numbers = {k: float(v) for k, v in tables["numbers"].items()}
    return {
        "month": alternation(months),
        "month_full": alternation(full_months),
        "weekday": alternation(weekdays),
        "weekday_full": alternation(w for w in weekdays if w.endswith("day")),
        "number": alternation(numbers),
        "number_word": alternation(k for k in numbers if not k.startswith(("a ", "an"))),
        "compound": r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ]"
        r"(?:one|two|three|four|five|six|seven|eight|nine)",
        "vague": alternation(tables["vague_numbers"]),
        "unit": alternation(units),
        "unit_plain": alternation(plain_units),
        "season": alternation(tables["seasons"]),
        "part": alternation(tables["parts_of_day"]),
        "ordinal": alternation(tables["ordinals"]),
        "holiday": alternation(tables["holidays"]),
        "fholiday": alternation(tables["floating_holidays"]),
        "ref": alternation(tables["references"]),
        "zone": zone_pattern(tables.get("time_zones", {}), alternation),
        "product": alternation(tables["year_products"]["words"]),
        "maker": alternation(tables["year_products"]["makers"]),
        "event_noun": alternation(tables["event_nouns"]["words"]),
        "year": r"(?:1[0-9]\d\d|20\d\d)",
        "day": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?",
    }
