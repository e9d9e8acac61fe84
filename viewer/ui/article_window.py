"""Which part of an article the detail pane shows: all of it, or a window around the event.

Why: Qt lays a paragraph out as one block, and a block's layout grows with its length; a
one-line file of one megabyte took two seconds to show, five megabytes ten (and, with a
format laid over each of its events one by one, minutes). An article longer than `LIMIT`
characters is shown as `LIMIT` characters around the selected event, cut at whitespace,
with a line before and after that says how much is left out; selecting an event outside the
window shows a window around that one. Kept free of Qt, so it is tested on plain strings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from viewer.core.events.document_events import Event

# The article's events whose sentence overlaps characters first..last: asked only when the
# pane inserts a window of the article, for that window (an article of 118,000 events made
# every one of them an object on each click, 0.4 s, to link the few shown).
Siblings = Callable[[int, int], Sequence[Event]]


def siblings_in(events: Sequence[Event]) -> Siblings:
    """`Siblings` over a list of an article's events."""
    return lambda first, last: [e for e in events
                                if e.char_start < last and e.char_end > first]

LIMIT = 60_000  # characters shown at once: a long-form article of ~10,000 words fits whole
SNAP = 200  # how far from a window's edge to look for whitespace to cut at


@dataclass(frozen=True, slots=True)
class ArticleWindow:
    """Characters `start`..`end` of an article, shown after `head` and before `tail`."""

    start: int
    end: int
    head: str = ""
    tail: str = ""

    def text(self, article: str) -> str:
        return self.head + article[self.start:self.end] + self.tail

    def shows(self, start: int, end: int) -> bool:
        """Whether a span of the article (an event's sentence) is inside the window; a span
        longer than the window counts when the window begins with it."""
        return self.start <= start < self.end and (end <= self.end or start == self.start)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any of a span of the article is shown."""
        return max(start, self.start) < min(end, self.end)

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """A span of the article as positions in the shown text, cut to the window (None
        when nothing of it is shown)."""
        if not self.overlaps(start, end):
            return None
        first, last = max(start, self.start), min(end, self.end)
        shift = len(self.head) - self.start
        return first + shift, last + shift


def window_around(article: str, start: int, end: int, limit: int = LIMIT) -> ArticleWindow:
    """The whole article when it is at most `limit` characters; else `limit` characters
    around the span `start`..`end` (from its start when it is longer than that), cut at
    whitespace near each edge, with the lines that say what is left out."""
    length = len(article)
    if length <= limit:
        return ArticleWindow(0, length)
    if end - start >= limit:
        first = start
    else:
        first = max(0, min(start - (limit - (end - start)) // 2, length - limit))
    last = min(length, first + limit)
    if first > 0:
        first = _cut_after_space(article, first, min(start, first + SNAP))
    if last < length:
        last = _cut_before_space(article, last, max(end, last - SNAP))
    head = (f"[… {first:,} characters of this article before this point are not shown; "
            "select an event there to see them]\n\n" if first > 0 else "")
    tail = (f"\n\n[… {length - last:,} more characters not shown; select an event there "
            "to see them]" if last < length else "")
    return ArticleWindow(first, last, head, tail)


def _cut_after_space(article: str, at: int, limit: int) -> int:
    """The first position after whitespace in `at`..`limit`, else `at`."""
    for position in range(at, limit):
        if article[position - 1].isspace():
            return position
    return at


def _cut_before_space(article: str, at: int, limit: int) -> int:
    """The last position in `limit`..`at` that ends before whitespace, else `at`."""
    for position in range(at, limit, -1):
        if article[position].isspace():
            return position
    return at
