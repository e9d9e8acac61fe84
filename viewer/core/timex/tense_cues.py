"""Where a sentence's tense cues are, found with scans the engine runs fast.

One pattern of all past cues ("said", "took place", any "-ed" verb) matched with
IGNORECASE at every word of a sentence; folding case costs the engine as much again, and
the "-ed" test runs on every word the listed cues miss. So the listed cues are matched in
the lowercased sentence without IGNORECASE, and the "-ed" verbs (whose case matters: no
"United") with a pattern of their own in the text itself; the two lists are merged as the
one pattern would have chosen (a listed cue first where both start, no cue inside another).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from viewer.core.timex.rule_index import trie_pattern

Cues = tuple[list[int], list[int]]  # starts, ends of one kind of cue's matches
_START, _END = r"(?<![\w'])", r"(?![\w'])"


@dataclass(frozen=True, slots=True)
class CueScan:
    future: re.Pattern[str]  # in lowercased text
    past_words: re.Pattern[str]  # in lowercased text
    past_suffix: re.Pattern[str] | None  # in the text itself


def compile_cues(cues: dict[str, Any]) -> CueScan:
    """The scans for the `[cues]` table: future and past words, the past guard and suffix."""
    guard = cues.get("past_guard") or ""
    suffix = cues.get("past_suffix")

    def words(listed: list[str]) -> str:
        return trie_pattern({str(w).lower() for w in listed})

    return CueScan(
        future=re.compile(_START + "(?:" + words(cues["future"]) + ")" + _END),
        past_words=re.compile(_START + guard + "(?:" + words(cues["past"]) + ")" + _END),
        past_suffix=(re.compile(_START + guard + "(?:" + suffix + ")" + _END, re.IGNORECASE)
                     if suffix else None),
    )


def cue_spans(scan: CueScan, text: str, left: int, right: int) -> tuple[Cues, Cues] | None:
    """Future and past cues in the sentence text[left:right] (a break before `left`), as
    one IGNORECASE pattern of each kind finds them; None for the rare sentence whose
    lowercase is not as long as it is (offsets would not line up)."""
    folded = text[left:right].lower()
    if len(folded) != right - left:
        return None
    future: Cues = ([], [])
    for cue in scan.future.finditer(folded):
        future[0].append(cue.start() + left)
        future[1].append(cue.end() + left)
    listed = [(m.start() + left, m.end() + left) for m in scan.past_words.finditer(folded)]
    if scan.past_suffix is None:
        found = listed
    else:
        verbs = [m.span() for m in scan.past_suffix.finditer(text, left, right)]
        found = _merge(listed, verbs) if verbs else listed
    return future, ([start for start, _ in found], [end for _, end in found])


def _merge(listed: list[tuple[int, int]], verbs: list[tuple[int, int]]
           ) -> list[tuple[int, int]]:
    """The matches one pattern (listed cue, else verb) would find: each list is in order and
    without overlaps; a listed cue wins where both start, and none starts inside another (a
    verb is one word, so no listed cue starts inside it)."""
    out: list[tuple[int, int]] = []
    reached, i, j = -1, 0, 0
    while i < len(listed) or j < len(verbs):
        if j == len(verbs) or (i < len(listed) and listed[i][0] <= verbs[j][0]):
            span, i = listed[i], i + 1
        else:
            span, j = verbs[j], j + 1
        if span[0] >= reached:
            out.append(span)
            reached = span[1]
    return out
