"""Words for people: counts ("1 event", "2 events") and shortened sentences."""

from __future__ import annotations


def plural(count: int, noun: str, many: str | None = None) -> str:
    """`count` and the noun, singular only for exactly one."""
    return f"{count:,} {noun if count == 1 else many or noun + 's'}"


def snippet(text: str, limit: int) -> str:
    """`text` on one line in at most `limit` characters, cut at a word's end and marked "…"
    when shortened: a cut with no mark ("of Tuesday's presi") read as the whole sentence
    with a typo. A first word longer than half the room is cut where it must be."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    space = text.rfind(" ", 0, limit)  # the cut leaves room for the "…"
    head = text[:space] if space > limit // 2 else text[:limit - 1]
    return head.rstrip(" ,;:") + "…"
