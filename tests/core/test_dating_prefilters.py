"""The quick tests before the dating stage's window searches only ever skip a window the
pattern cannot match: the same answer as the pattern on every window of real text."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.core.events import cues
from viewer.core.events.dating_prefilters import may_bound, may_subject_relative

_SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.mark.parametrize("text", [
    "The talks have stalled since March", "SINCE March", "ſince March",  # long s: "s" here
    "It was done By Friday", "up from 40 in", "compared  with 2.1% in",
    "Villagers who fled the fighting in", "WHO fled in", "whom", "nothing at all here",
])
def test_prefilters_on_crafted_windows(text: str) -> None:
    end = len(text)
    if cues.BOUND.search(text, 0, end):
        assert may_bound(text, 0, end)
    if cues.SUBJECT_RELATIVE.search(text, 0, end):
        assert may_subject_relative(text, 0, end)
    assert may_bound("ſince 2020 ", 0, 11)  # not ASCII: the pattern decides


def test_prefilters_agree_with_the_patterns_on_the_seeds() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(_SEEDS.rglob("*.txt"))][:40]
    assert texts
    skipped = 0
    for text in texts:
        for at in range(0, len(text), 7):
            lo = max(0, at - cues.BOUND_REACH)
            if not may_bound(text, lo, at):
                skipped += 1
                assert cues.BOUND.search(text, lo, at) is None
            lo = max(0, at - cues.SUBJECT_RELATIVE_REACH)
            if not may_subject_relative(text, lo, at):
                assert cues.SUBJECT_RELATIVE.search(text, lo, at) is None
    assert skipped  # the quick test does skip windows
