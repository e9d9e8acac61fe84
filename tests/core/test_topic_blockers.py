"""Phrases that contain a cue but mean something else (`blocked_by` in topics.toml)."""

from __future__ import annotations

import pytest

from viewer.core.events.topics import build, load_taxonomy


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
