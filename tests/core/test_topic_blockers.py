"""Phrases that contain a cue but mean something else (`blocked_by` in topics.toml)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pytest

from viewer.core.events.topics import Taxonomy, _joined, build, load_taxonomy


@pytest.mark.parametrize(("sentence", "topic"), [
    ("Police fired tear gas at opposition supporters in Kisumu.", "energy"),
    ("Officers in gas masks dispersed the crowd.", "energy"),
    ("Tensions were heating up before the vote.", "energy"),
    ("The Supreme Court struck down the result in 2017.", "strikes"),
    ("Nurses began a hunger strike on Monday.", "strikes"),
    ("The electoral body announced the results.", "casualties"),
    ("The candidate said she was determined to win.", "security-guarantees"),
    ("He withdrew his bid and withdrawn from the race, aides said.", "territory"),
    # a verb sense of a cue's stem: showing something is no demonstration
    ("The two days of talks demonstrated how far apart the delegations remain.",
     "public-opinion"),
])
def test_a_blocking_phrase_hides_its_cue(sentence: str, topic: str) -> None:
    assert topic not in load_taxonomy().classify(sentence)


@pytest.mark.parametrize(("sentence", "topic"), [
    ("Gas deliveries through the pipeline resumed.", "energy"),
    ("Police fired tear gas while gas prices rose.", "energy"),  # the second "gas" still counts
    ("A drone strike hit the depot.", "strikes"),
    ("Heating was cut in the capital.", "energy"),
    ("Demonstrators marched on the ministry after the demonstration was banned.",
     "public-opinion"),
])
def test_the_cue_still_counts_elsewhere(sentence: str, topic: str) -> None:
    assert topic in load_taxonomy().classify(sentence)


def test_explain_names_the_cue_that_was_not_blocked() -> None:
    taxonomy = build({"topic": {"energy": {"cues": ["gas", "pipeline*"],
                                           "blocked_by": ["tear gas"]}}})
    assert taxonomy.explain("Tear gas near the pipelines.") == (("energy", "pipeline*"),)
    assert taxonomy.explain("Tear gas was fired.") == ()


def test_blocking_is_per_topic() -> None:
    taxonomy = build({"topic": {"energy": {"cues": ["gas"], "blocked_by": ["tear gas"]},
                                "protest": {"cues": ["tear gas"]}}})
    assert taxonomy.classify("Police fired tear gas.") == ("protest",)


@pytest.mark.parametrize("sentence", [
    "Talks on the second stage are due to open in Cairo next week.",
    "Mediators said phase two could begin once the lists were agreed.",
    "Both armies observed a humanitarian pause on Sunday.",
])
def test_a_truce_told_by_its_stages_or_as_a_pause_is_a_ceasefire(sentence: str) -> None:
    assert "ceasefire" in load_taxonomy().classify(sentence)


def _every_hit_weighed(taxonomy: Taxonomy, text: str) -> dict[int, str]:
    """The first unblocked cue of each topic, every hit weighed against every blocking
    phrase (what `_matches` does once a blocking phrase turns up)."""
    joined = _joined(text)
    hits = list(taxonomy.cues.iter(joined))
    found: dict[int, str] = {}
    for end, (owners, _, piece) in hits:
        start = end - len(piece) + 1
        for k in owners:
            blocked = any(k in blocks and b_end - len(b_piece) + 1 <= start and end <= b_end
                          for b_end, (_, blocks, b_piece) in hits)
            if not blocked:
                found.setdefault(k, piece)
    return found


def test_cues_are_taken_as_they_come_only_without_a_blocking_phrase() -> None:
    """A sentence without a blocking phrase keeps its hits in one pass; one with a blocking
    phrase anywhere (before or after its cues) gets the full reading."""
    taxonomy = load_taxonomy()
    rnd = random.Random(16)
    pieces = ["tear gas", "gas", "pipeline", "strike", "hunger strike", "struck down",
              "ceasefire", "talks", "heating up", "heating", "the", "police", "Gas", ",", "."]
    texts = ["Police fired tear gas while gas prices rose.", "Tear gas was fired.",
             *(" ".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 12)))
               for _ in range(3000))]
    blocked = 0
    for text in texts:
        assert taxonomy._matches(text) == _every_hit_weighed(taxonomy, text), text
        blocked += any(blocks for _, (_, blocks, _) in taxonomy.cues.iter(_joined(text)))
    assert blocked > 500


class _CountingCues:
    """An automaton that counts the hits it hands out."""

    def __init__(self, automaton: Any) -> None:
        self.automaton, self.hits = automaton, 0

    def iter(self, text: str) -> Iterator[Any]:
        for hit in self.automaton.iter(text):
            self.hits += 1
            yield hit


def test_a_long_sentence_is_read_at_most_twice() -> None:
    """The hits of a long sentence are gone through once, or twice when a blocking phrase
    comes late: the work stays linear in the sentence."""
    base = load_taxonomy()
    for tail in ("", " tear gas"):
        counting = _CountingCues(base.cues)
        taxonomy = Taxonomy(base.topics, base.longest_stem, counting)
        text = "Gas through the pipeline, a strike and talks. " * 5000 + tail
        hits = sum(1 for _ in base.cues.iter(_joined(text)))
        assert taxonomy.explain(text) == base.explain(text)
        assert counting.hits <= 2 * hits
        assert (counting.hits == hits) == (tail == "")


def test_explained_cues_are_kept_within_bounds() -> None:
    taxonomy = build({"topic": {f"t{k}": {"cues": [f"cue{k}"]} for k in range(300)}})
    for a in range(300):
        for b in range(a, min(300, a + 20)):
            pairs = taxonomy.explain(f"cue{a} and cue{b}")
            assert pairs == tuple(sorted({(f"t{a}", f"cue{a}"), (f"t{b}", f"cue{b}")},
                                         key=lambda p: int(p[0][1:])))
    assert len(taxonomy._explained) <= 4096
