"""The anchors' automaton is built once per taxonomy, not once per document summarised (a
worker summarises every document with the same taxonomy: building it each time was a third of
the summaries' CPU), and counts what the anchors built afresh count."""

from __future__ import annotations

from collections import Counter

import pytest

from viewer.core.events import topics
from viewer.core.events.topics import anchor_taxonomy, combine, load_taxonomy, make_topic
from viewer.core.pipeline.folder_topics import anchor_hits

TEXTS = ["Troops shelled the town after the ceasefire collapsed.",
         "Negotiators met in Doha for the prisoner swap talks.",
         "Inflation rose and the central bank raised interest rates.",
         "Nothing here at all."]


def test_built_once_per_taxonomy(monkeypatch: pytest.MonkeyPatch) -> None:
    taxonomy = load_taxonomy()
    anchor_taxonomy.cache_clear()
    built: list[int] = []
    real = topics._automaton

    def counted(found: tuple[topics.Topic, ...]) -> object:
        built.append(len(found))
        return real(found)

    monkeypatch.setattr(topics, "_automaton", counted)
    for _ in range(50):  # as 50 documents' summaries do
        anchor_hits(taxonomy, TEXTS)
    assert len(built) == 1


def test_counts_as_anchors_built_afresh() -> None:
    taxonomy = load_taxonomy()
    fresh = combine([make_topic(t.id, t.label, t.color, t.anchors, blockers=t.blockers)
                     for t in taxonomy.topics if t.anchors])
    expected: Counter[str] = Counter()
    for text in TEXTS:
        expected.update(fresh.classify(text))
    assert expected  # the texts do find anchored topics
    assert anchor_hits(taxonomy, TEXTS) == expected
    assert anchor_taxonomy(taxonomy) == fresh
