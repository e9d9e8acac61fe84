"""The core filter's own operations."""

from __future__ import annotations

from viewer.core.query import Filter


def test_a_filter_follows_renamed_and_removed_values() -> None:
    chosen = Filter(tags=frozenset({"a", "b"}), parties=frozenset({"Russia"}))
    assert chosen.following([("tags", "a", "A")]).tags == {"A", "b"}
    assert chosen.following([("tags", "b", None)]).tags == {"a"}
    assert chosen.following([("tags", "c", "C")]) is chosen  # not chosen: nothing to follow
    assert chosen.following([("tags", "a", "A")]).parties == {"Russia"}
