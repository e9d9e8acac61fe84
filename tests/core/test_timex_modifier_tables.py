"""The words that name a part of a period are data (`resources/timex.toml`), not code."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.timex_find import find
from viewer.core.timex import tag
from viewer.core.timex.lexicon import bundled


def test_the_tables_are_read_from_the_resources() -> None:
    lexicon = bundled()
    assert lexicon.period_mods["the end of"] == "END"
    assert lexicon.period_mods["turn"] == "APPROX"
    assert lexicon.half_mods["latter"] == "END"


@pytest.mark.parametrize(("text", "surface", "value", "mod"), [
    ("Prices rose in early 2025.", "early 2025", "2025", "START"),
    ("The plant will open in mid-June.", "mid-June", "2026-06", "MID"),
    ("Sales were flat in the last half of the '80s.", "the last half of the '80s", "198",
     "END"),
    ("Output peaked in the first half of the eighties.", "the first half of the eighties",
     "198", "START"),
])
def test_modifiers_from_the_tables(text: str, surface: str, value: str, mod: str) -> None:
    found = find(tag(text, dt.date(2026, 3, 2)), surface)
    assert (found.value, found.mod) == (value, mod)
