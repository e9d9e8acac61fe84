"""Lane names, shared by the window and every picture: titles and labels, not keys."""

from __future__ import annotations

from viewer.core.events.topics import load_taxonomy
from viewer.core.scene.lane_names import lane_namer


def test_lanes_are_named_as_a_person_reads_them() -> None:
    taxonomy = load_taxonomy()
    topic = taxonomy.topics[0]
    titles = {"002_8df9.txt": "Geneva talks resume"}
    assert lane_namer("topic", taxonomy)(topic.id) == topic.label
    assert lane_namer("topic", taxonomy)("not-a-topic") == "not-a-topic"
    assert lane_namer("document", taxonomy, titles)("002_8df9.txt") == "Geneva talks resume"
    assert lane_namer("document", taxonomy, titles)("untitled.txt") == "untitled.txt"
    assert lane_namer("document")("002_8df9.txt") == "002_8df9.txt"
    for mode in ("party", "tag"):
        assert lane_namer(mode, taxonomy, titles)("Ukraine") == "Ukraine"
