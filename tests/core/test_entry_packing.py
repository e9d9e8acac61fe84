"""A file's snapshot entry is packed a block of events at a time: the same bytes as packing
the whole dict, without ever holding every event's dict and the whole JSON text. Measured in
bytes Python allocates (tracemalloc), never in RSS or time."""

from __future__ import annotations

import dataclasses
import gc
import json
import tracemalloc
import zlib
from collections.abc import Callable

import pytest

from viewer.core.events.document_events import DocumentEvents
from viewer.core.events.document_extraction import extract_document
from viewer.core.events.gazetteer_build import load_gazetteer
from viewer.core.events.topics import load_taxonomy
from viewer.core.ingest.folder_reader import build_document
from viewer.core.model import Document
from viewer.core.serialize import document_to_dict, extraction_to_dict, timex_to_list
from viewer.core.session import entry_packing
from viewer.core.session.entry_packing import pack_extraction
from viewer.core.session.snapshot import pack, unpack
from viewer.core.timex import Tagger

ARTICLE = (
    "Naval patrols stopped two freighters off Gdansk on Monday, Polish officials said. "
    "The harbour master, Ewa Lis, told reporters that inspections would end on 3 May 2025. "
    "Germany said on Tuesday it would send divers to survey the cable next week. "
)


def _extraction(copies: int) -> DocumentEvents:
    text = " ".join(ARTICLE.replace("Monday", day) for _ in range(copies)
                    for day in ("Monday", "Sunday")) or "Nothing was said."
    doc = build_document("folder", "x.txt", text, side={"date": "2025-04-02"})
    assert isinstance(doc, Document)
    return extract_document(doc, Tagger(), load_gazetteer(), load_taxonomy())


@pytest.mark.parametrize("block", [1, 2, 7, entry_packing.BLOCK])
def test_same_text_as_the_whole_dict(block: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(entry_packing, "BLOCK", block)
    result = _extraction(6)
    assert len(result.events) > 7 and result.timexes and any(result.mentions)
    whole = pack(extraction_to_dict(result))
    streamed = pack_extraction(result)
    assert zlib.decompress(streamed) == zlib.decompress(whole)
    assert unpack(streamed) == extraction_to_dict(result)


def test_document_without_events() -> None:
    result = _extraction(0)
    assert not result.events
    assert unpack(pack_extraction(result)) == extraction_to_dict(result)


def _peak(work: Callable[[], bytes]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_peak_is_a_block_not_the_document(monkeypatch: pytest.MonkeyPatch) -> None:
    """Packing the whole dict of a 16 MB article's 232,000 events peaked at over a gigabyte
    in the worker (the dicts, the JSON text and its bytes at once): three times what
    extracting the article needed."""
    monkeypatch.setattr(entry_packing, "BLOCK", 128)
    result = _extraction(300)
    assert len(result.events) > 10 * entry_packing.BLOCK
    whole = _peak(lambda: pack(extraction_to_dict(result)))
    streamed = _peak(lambda: pack_extraction(result))
    assert streamed * 4 < whole


@pytest.mark.parametrize("block", [1, 3, entry_packing.BLOCK])
def test_lean_entry_streamed_is_the_whole_dict(block: int,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(entry_packing, "BLOCK", block)
    for copies in (0, 5):
        result = _extraction(copies)
        whole = pack({"document": document_to_dict(result.document),
                      "timexes": [timex_to_list(t) for t in result.timexes]})
        lean = pack_extraction(result, events=False)
        assert zlib.decompress(lean) == zlib.decompress(whole)
        assert "events" not in unpack(lean)


@pytest.mark.parametrize(("block", "text_block"), [(1, 1), (3, 5), (entry_packing.BLOCK, 1 << 20)])
def test_document_streamed_is_its_whole_dict(block: int, text_block: int,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(entry_packing, "BLOCK", block)
    monkeypatch.setattr(entry_packing, "TEXT_BLOCK", text_block)
    odd = ('Quotes "inside", a tab\t, a \x00, \u00e9, \U0001f600 and a lone \udc80 stay '
           'as JSON writes them. ')
    for copies in (0, 4):
        result = _extraction(copies)
        doc = result.document
        for text in (doc.text, odd + doc.text):
            changed = dataclasses.replace(doc, text=text)
            assert "".join(entry_packing.document_text(changed)) == json.dumps(
                document_to_dict(changed), ensure_ascii=False, separators=(",", ":"))


def test_lean_entry_of_a_long_document_peaks_below_its_whole_dict(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A 16 MB article's lean entry made its text and sentences whole (their lists, the
    JSON text and its bytes): 114 MB at once, the peak of the open's process."""
    monkeypatch.setattr(entry_packing, "BLOCK", 128)
    monkeypatch.setattr(entry_packing, "TEXT_BLOCK", 4096)
    result = _extraction(300)
    assert len(result.document.sentences) > 10 * 128
    whole = _peak(lambda: pack({"document": document_to_dict(result.document),
                                "timexes": [timex_to_list(t) for t in result.timexes]}))
    lean = _peak(lambda: pack_extraction(result, events=False))
    assert lean * 4 < whole
