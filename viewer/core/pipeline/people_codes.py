"""The people registry of a folder from per-document summaries and coded mentions.

One process over the whole folder learns every document's people in order, settles names, then
resolves every mention in order. Here each document's learned people come from its summary
(`merge_learned` in folder order is that one pass), and mentions are resolved once per distinct
mention (words, evidence, title's party) rather than once per occurrence. Only mentions under
a surname some mention would create a person for depend on order; those alone are replayed,
occurrence by occurrence in folder order (`people_reduce` explains why that is exact).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from viewer.core.events.people import surname_key
from viewer.core.pipeline.coded_lists import CodedLists
from viewer.core.pipeline.document_summary import mention_of
from viewer.core.pipeline.people_reduce import (
    Found,
    Learned,
    as_found,
    finished_registry,
    merge_learned,
    people_table,
    replay,
    would_create,
)


def resolve_mentions(folder: str | Path | None, learned: Sequence[Learned],
                     mentions: CodedLists
                     ) -> tuple[list[Found | None], dict[str, str | None]]:
    """What each mention occurrence (in the order of `mentions.codes`) names, and the
    folder's people with their parties. `learned`: every document's, in folder order."""
    registry = finished_registry(folder, merge_learned(learned))
    distinct = [mention_of(key) for key in mentions.strings]
    creating = {surname_key(m.tokens[-1]) for m in distinct if would_create(registry, m)}
    ordered = [k for k, m in enumerate(distinct) if surname_key(m.tokens[-1]) in creating]
    # Read-only against the finished registry: nothing here creates anyone.
    settled = [None if surname_key(m.tokens[-1]) in creating else as_found(registry.resolve(m))
               for m in distinct]
    codes: list[int] = mentions.codes.tolist()
    answers: list[Found | None] = [settled[c] for c in codes]
    if ordered:
        replayed = np.flatnonzero(np.isin(mentions.codes, np.array(ordered, dtype=np.int32)))
        places: list[int] = replayed.tolist()
        final, (found,) = replay(registry, [[((0, at), distinct[codes[at]]) for at in places]])
        for at in places:
            answers[at] = found[(0, at)]
        registry = final
    return answers, people_table(registry)
