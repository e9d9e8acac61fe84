"""What a lane is called, in one place for the window, every picture and the HTML report.

A lane's key is what the events carry: a party's or tag's name, a topic's id, an article's
file path. A person reads a topic's label and an article's title; the pictures once named
lanes on their own and showed file names where the window showed titles."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from viewer.core.events.topics import Taxonomy


def lane_namer(mode: str, taxonomy: Taxonomy | None = None,
               titles: Mapping[str, str] | None = None) -> Callable[[str], str]:
    """A lane key's name in `mode`: a topic's label, an article's title (its file path when
    it has none); parties and tags are named by their keys."""
    if mode == "topic" and taxonomy is not None:
        labels = {topic.id: topic.label for topic in taxonomy.topics}
        return lambda key: labels.get(key) or key
    if mode == "document" and titles is not None:
        return lambda key: titles.get(key) or key
    return lambda key: key
