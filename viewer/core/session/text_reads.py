"""Sentences of many rows, a document's text read once for all its rows.

Kept apart from `columns` (which only hands over the rows' documents and offsets): the
reader may read several documents' texts in one query (`prefetch`), and is asked for them a
part at a time, so a walk over every sentence (a first text search) never holds every text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

PREFETCH_DOCUMENTS = 32  # documents whose texts are asked for together (half the cache's)


def sentences(text_of: Callable[[str, int, int], str], documents: Sequence[str],
              starts: Sequence[int], ends: Sequence[int]) -> list[str]:
    """`text_of(documents[i], starts[i], ends[i])` for every i, grouped by document."""
    groups: dict[str, list[int]] = {}  # a document at a time: its text is read
    for at, document in enumerate(documents):  # once however scattered its rows are
        groups.setdefault(document, []).append(at)
    texts = [""] * len(documents)
    prefetch = getattr(text_of, "prefetch", None)  # texts read together, if it can
    names = list(groups)
    step = max(1, len(names) if prefetch is None else PREFETCH_DOCUMENTS)
    for first in range(0, len(names), step):
        part = names[first:first + step]
        if prefetch is not None and len(part) > 1:
            prefetch(part)
        for document in part:
            for at in groups[document]:
                texts[at] = text_of(document, starts[at], ends[at])
    return texts
