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
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

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


@dataclass(frozen=True, slots=True)
class Resolved:
    """What each mention occurrence names, as codes into `found` (code 0: nobody)."""

    found: list[Found | None]
    answers: npt.NDArray[np.int32]  # per occurrence, in the order of the mentions' codes
    people: dict[str, str | None]  # the folder's people and their parties

    def keys(self) -> list[str]:
        """Each code's answer as one string (to compare answers of two opens)."""
        return ["" if f is None else f"{f[0]}\x1f{f[1] or ''}" for f in self.found]


def resolve_mentions(folder: str | Path | None, learned: Sequence[Learned],
                     mentions: CodedLists) -> Resolved:
    """What each mention occurrence names, and the folder's people with their parties.
    `learned`: every document's, in folder order."""
    registry = finished_registry(folder, merge_learned(learned))
    distinct = [mention_of(key) for key in mentions.strings]
    creating = {surname_key(m.tokens[-1]) for m in distinct if would_create(registry, m)}
    found: list[Found | None] = [None]
    index: dict[Found, int] = {}

    def code(answer: Found | None) -> int:
        if answer is None:
            return 0
        at = index.get(answer)
        if at is None:
            at = index[answer] = len(found)
            found.append(answer)
        return at

    # Read-only against the finished registry: nothing here creates anyone.
    settled = np.array([0 if surname_key(m.tokens[-1]) in creating
                        else code(as_found(registry.resolve(m))) for m in distinct] + [0],
                       dtype=np.int32)
    answers = settled[mentions.codes]
    ordered = [k for k, m in enumerate(distinct) if surname_key(m.tokens[-1]) in creating]
    if ordered:
        places: list[int] = np.flatnonzero(np.isin(
            mentions.codes, np.array(ordered, dtype=np.int32))).tolist()
        codes = mentions.codes
        final, (replayed,) = replay(registry, [[((0, at), distinct[int(codes[at])])
                                                for at in places]], spent=True)
        answers[places] = [code(replayed[(0, at)]) for at in places]
        registry = final
    return Resolved(found, answers, people_table(registry))
