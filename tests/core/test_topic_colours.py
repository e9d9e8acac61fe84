"""Discovered topics' colours stay apart from the taxonomy's and from each other's: the
tester saw Ceasefire and a discovered topic both green, Territory and another both brown."""

from __future__ import annotations

from viewer.core.events.topics import load_taxonomy
from viewer.core.pipeline.folder_topics import load_settings
from viewer.core.pipeline.topic_colours import colour_distance, distinct_colours


def test_distance_is_zero_for_equal_colours_and_large_for_opposites() -> None:
    assert colour_distance("#2ca02c", "#2CA02C") == 0
    assert colour_distance("#000000", "#ffffff") > 700
    assert colour_distance("#59a14f", "#2ca02c") < 100  # two greens a reader confuses


def test_every_discovered_colour_is_distinct_from_the_taxonomy_and_each_other() -> None:
    settings = load_settings()
    taxonomy = [t.color for t in load_taxonomy().topics]
    picked = distinct_colours(settings.colors, taxonomy, settings.min_color_distance)
    assert len(picked) >= settings.max_topics, "one colour per discovered topic"
    for index, colour in enumerate(picked):
        others = taxonomy + picked[:index]
        assert min(colour_distance(colour, o) for o in others) >= settings.min_color_distance


def test_no_distinct_candidate_falls_back_to_all_of_them() -> None:
    assert distinct_colours(["#2ca02c"], ["#2ca02c"], 50) == ["#2ca02c"]
