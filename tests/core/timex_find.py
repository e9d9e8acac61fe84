"""Finding one tagged expression by its text, for the tagger's example tests."""

from __future__ import annotations

from viewer.core.timex import Timex


def find(timexes: list[Timex], surface: str) -> Timex:
    """The expression tagged with exactly `surface`; fails listing what was tagged."""
    for timex in timexes:
        if timex.text == surface:
            return timex
    raise AssertionError(f"{surface!r} not tagged in {[(t.text, t.value) for t in timexes]}")
