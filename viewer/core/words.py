"""Counts in words: "1 event", "2 events"."""

from __future__ import annotations


def plural(count: int, noun: str, many: str | None = None) -> str:
    """`count` and the noun, singular only for exactly one."""
    return f"{count:,} {noun if count == 1 else many or noun + 's'}"
