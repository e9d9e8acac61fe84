"""The benchmark's snapshot folder opens as an extracted folder would."""

from __future__ import annotations

from pathlib import Path

from bench.snapshot_folder import make
from viewer.core.events.topics import load_taxonomy
from viewer.core.session.loading import load


def test_the_snapshot_folder_keeps_the_bundled_topics(tmp_path: Path) -> None:
    """It saved an empty taxonomy: the 100,000-event folder opened with every topic named
    by its id ("public-opinion") and drawn grey, unlike any folder the app extracts."""
    make(tmp_path / "folder", 300)
    loaded = load(tmp_path / "folder", None, None, workers=1, use_snapshot=True)
    bundled = load_taxonomy()
    assert loaded.cached and not loaded.extracted  # opened from the saved columns
    used = set(loaded.columns.vocab["topics"].strings)
    assert used
    for topic_id in used:
        topic = loaded.topics.get(topic_id)
        expected = bundled.get(topic_id)
        assert topic is not None and expected is not None
        assert (topic.label, topic.color) == (expected.label, expected.color)
