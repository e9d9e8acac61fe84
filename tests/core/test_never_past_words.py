"""Words that end like a past verb but never are one ("two hundred", "each deceased hostage")
do not put a sentence in the past, so a present-tense sentence with one is not carried onto
the narrative's day."""

from __future__ import annotations

from pathlib import Path

from viewer.core.events.cues import PAST
from viewer.core.pipeline.folder_extraction import extract_folder


def test_the_listed_words_are_not_past_and_verbs_still_are() -> None:
    for text in ("two hundred people", "each deceased hostage", "the sacred grove",
                 "a rugged coast"):
        assert PAST.search(text) is None, text
    for text in ("the ministers agreed", "it was upheld", "they vowed", "he needed help"):
        assert PAST.search(text) is not None, text


def test_a_present_sentence_with_hundred_does_not_take_the_days_before(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "date 2026-05-08 The convoy crossed into the valley on Tuesday, officials said. "
        "Under the deal, the agency sends two hundred trucks for each convoy.\n")
    events = extract_folder(tmp_path, use_cache=False).events
    tuesday = [e for e in events if e.text.startswith("The convoy")]
    present = [e for e in events if e.text.startswith("Under the deal")]
    assert tuesday and tuesday[0].start is not None
    assert all(e.start != tuesday[0].start for e in present)
