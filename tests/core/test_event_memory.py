"""Memory of one long document's events grows with the events, and repeated values are held
once. Measured in bytes Python allocates (tracemalloc), never in RSS or time."""

from __future__ import annotations

import gc
import tracemalloc

from viewer.core.events.document_events import DocumentEvents
from viewer.core.events.document_extraction import extract_document
from viewer.core.events.gazetteer_build import load_gazetteer
from viewer.core.events.name_scan import NameScanner
from viewer.core.events.sentence_repeats import SentenceRepeats
from viewer.core.events.shared_values import Shared
from viewer.core.events.topics import load_taxonomy
from viewer.core.ingest.folder_reader import build_document
from viewer.core.model import Document
from viewer.core.timex import Tagger

ARTICLE = (
    "Russian forces struck Kharkiv on Monday, Ukrainian officials said. "
    "Kremlin spokesperson Dmitry Peskov told reporters in Moscow that talks with the "
    "United States would resume on 12 April 2024. "
    "The European Union said on Tuesday it would send aid to Ukraine after the strikes. "
    "Prime Minister Keir Starmer said Britain would host the talks next week. "
)


def _one_paragraph(copies: int) -> Document:
    text = " ".join(
        ARTICLE.replace("Monday", day) for _ in range(copies)
        for day in ("Monday", "Sunday", "Saturday"))
    doc = build_document("folder", "x.txt", text, side={"date": "2024-06-05"})
    assert isinstance(doc, Document)
    return doc


def _extract(doc: Document) -> DocumentEvents:
    return extract_document(doc, Tagger(), load_gazetteer(), load_taxonomy())


def test_repeated_values_are_one_object() -> None:
    """Each event built its own reason strings, topic and party tuples and sentence text: a
    2 MB article's 26,000 events held 67,000 reason strings, 337 of them distinct."""
    events = _extract(_one_paragraph(20)).events
    assert len(events) >= 20 * 3 * 4
    reasons = [w for e in events for w in e.why]
    for values in (reasons, [e.why for e in events], [e.topics for e in events],
                   [e.parties for e in events], [e.text for e in events]):
        assert len({id(v) for v in values}) == len(set(values))


def test_shared_keeps_the_first_equal_value() -> None:
    share = Shared()
    first = "-".join(["party", "Russia"])
    again = "-".join(["party", "Russia"])
    assert first is not again
    assert share[first] is first and share[again] is first and len(share) == 1


def _peak_bytes(copies: int) -> tuple[int, int]:
    """Peak bytes allocated while extracting, and the events found."""
    doc = _one_paragraph(copies)
    tagger, gazetteer, taxonomy = Tagger(), load_gazetteer(), load_taxonomy()
    extract_document(_one_paragraph(1), tagger, gazetteer, taxonomy)  # caches warmed
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        found = extract_document(doc, tagger, gazetteer, taxonomy)
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
    return peak, len(found.events)


def test_memory_of_one_long_paragraph_grows_with_its_events() -> None:
    """Four times the article may hold about four times the memory, never more: per-sentence
    copies of the paragraph (or of what came before) would show as a growing ratio."""
    small, small_events = _peak_bytes(5)
    large, large_events = _peak_bytes(20)
    assert large_events == 4 * small_events
    assert large / small < 4.6
    # 2.7 kB an event at the peak before repeated values were shared, 2.1 kB after, 1.8 kB
    # with names' places as arrays and repeated expressions and names interned
    assert large / large_events < 2000


def test_repeated_expressions_and_names_are_one_object() -> None:
    found = _extract(_one_paragraph(10))
    spans = [t.text for t in found.timexes]
    assert spans.count("12 April 2024") == 30
    assert len({id(s) for s in spans}) == len(set(spans))
    names = [n for mentions in found.mentions for m in mentions for n in m.tokens]
    assert names.count("Peskov") >= 30
    assert len({id(n) for n in names}) == len(set(names))


def test_names_places_take_a_few_bytes_each() -> None:
    """The scan of a document is kept while its sentences ask about it: as lists of tuples
    it held about 75 bytes a name (23 MB for a 16 MB file)."""
    scanner = NameScanner(["Russia", "Moscow", "United States", "Kyiv"])
    text = "Russia and the United States met in Moscow, not in Kyiv. " * 2000
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        assert len(scanner.spans(text, 0, 57)) == 4
        held = tracemalloc.get_traced_memory()[0] - base
    finally:
        tracemalloc.stop()
    assert held < 20 * 4 * 2000


def test_sentence_repeats_count_exactly_even_when_hashes_collide() -> None:
    said = ["a b", "c d", "a b", "e f", "c d", "a b", "e f"]
    expected = [0, 0, 1, 0, 1, 2, 1]
    for hash_of in (hash, lambda _text: 7, len):  # every text, or some, on one hash
        repeats = SentenceRepeats(said.__getitem__, hash_of)
        assert [repeats.seen(text, n) for n, text in enumerate(said)] == expected


def test_sentence_repeats_keep_only_texts_said_twice() -> None:
    said = [f"sentence {n}" for n in range(1000)] + ["sentence 5"]
    repeats = SentenceRepeats(said.__getitem__)
    assert [repeats.seen(text, n) for n, text in enumerate(said)][-1] == 1
    assert repeats._repeats == {"sentence 5": 2}
