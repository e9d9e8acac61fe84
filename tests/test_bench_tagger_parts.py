"""The tagger's parts bench: each part is timed in each round, and the resolutions it
replays are those of a run (one per expression the tagger found)."""

from __future__ import annotations

from pathlib import Path

from bench.tagger import DCT
from bench.tagger_parts import _failed_tries, _recorded, _tenses_given, parts
from viewer.core.timex import Tagger

ROOT = Path(__file__).resolve().parents[1]


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))[:2]]


def test_every_part_is_timed_in_every_round() -> None:
    times = parts(_texts(), rounds=2)
    assert next(iter(times)) == "tag (new tagger)"
    assert len(times) == 8
    assert all(len(values) == 2 and all(v >= 0 for v in values) for values in times.values())


def test_the_replayed_resolutions_are_one_per_expression() -> None:
    texts = _texts()
    tagger = Tagger()
    found = sum(len(tagger.tag(text, DCT)) for text in texts)
    calls = _recorded(texts)
    assert found > 0 and len(calls) >= found  # a match turned down is resolved too


def test_the_parts_taken_out_of_tagging_leave_its_expressions_as_they_are() -> None:
    """Answering the tenses from a first run, and not running the tries it saw fail,
    change what tagging costs, not what it finds: else the lines would compare tagging
    with something else."""
    texts = _texts()
    tagger = Tagger()
    expected = [tagger.tag(text, DCT) for text in texts]
    wrapped, skipped = _failed_tries(texts, tagger.lex)
    assert wrapped() == expected
    assert skipped() == expected
    assert _tenses_given(texts)() == expected
