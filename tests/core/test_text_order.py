"""A text column's order from the columns is exactly the order the table showed before:
ascending by the shown text casefolded (a tuple's values joined by ", "), ties in row order;
on equal texts, empty values, non-ASCII text and long shared prefixes alike."""

from __future__ import annotations

import dataclasses
import itertools
import random

import numpy as np
import pytest

from bench.synthetic import events as synthetic_events
from viewer.core.events.document_events import Event
from viewer.core.session import text_order as text_order_module
from viewer.core.session.columns import EventColumns
from viewer.core.session.saved_orders import table_order
from viewer.core.session.text_order import Label, text_order

_WORDS = ("Russia", "russia", "Ukraine", "", "Ärzte", "ärzte", "Straße", "STRASSE", "a b",
          "a", "a, b", "ab", "Zeta", "éclair", "Éclair", "ﬁre", "FIRE", "İstanbul", "ı")
_PREFIX = "The ministry said on Monday that the talks in Geneva " * 3


def _varied(count: int, seed: int) -> list[Event]:
    """Events whose parties, topics, tags and sentences repeat, are empty, are non-ASCII and
    share long prefixes."""
    rng = random.Random(seed)
    base = synthetic_events(count, seed=seed, documents=count)
    out = []
    for event in base:
        def some() -> tuple[str, ...]:
            return tuple(rng.choice(_WORDS) for _ in range(rng.choice((0, 1, 1, 2, 3, 5))))
        ending = rng.choice(("", "a", "A", "b", "ß", "ss", "é", "E", "z" * 70, " ", "."))
        text = rng.choice(("", _PREFIX + ending, ending, rng.choice(_WORDS) + ending,
                           event.text))
        out.append(dataclasses.replace(
            event, parties=some(), topics=some(), tags=some(), text=text, char_start=0,
            char_end=len(text), speaker=rng.choice(_WORDS), modality=rng.choice(_WORDS)))
    return out


def _columns(events: list[Event]) -> EventColumns:
    texts = {e.document: e.text for e in events}
    return EventColumns.build(events, lambda doc, a, b: texts[doc][a:b])


def _as_before(events: list[Event], field: str, label: Label) -> list[int]:
    """The order as the table sorted events: a stable sort of the shown texts casefolded."""
    def shown(event: Event) -> str:
        value = getattr(event, field)
        if isinstance(value, tuple):
            return ", ".join(label(v) for v in value).casefold()
        return label(value).casefold() if field != "text" else str(value).casefold()
    keys = [shown(e) for e in events]
    return sorted(range(len(events)), key=keys.__getitem__)


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("field", ["parties", "topics", "tags", "text", "document",
                                   "modality", "speaker"])
def test_text_order_is_the_sorted_shown_texts(field: str, seed: int) -> None:
    events = _varied(600, seed)
    columns = _columns(events)
    label: Label = (lambda v: v.upper()) if field in ("parties", "document") else str
    found = text_order(columns, field, label)
    assert found.dtype == np.int32
    assert found.tolist() == _as_before(events, field, label)


@pytest.mark.parametrize("limit", [text_order_module.DENSE_LIMIT, 0])
def test_tuple_ranks_match_a_tuple_made_per_row(limit: int,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Tuples read as numbers (a table of them) and tuples grouped by hash alike."""
    monkeypatch.setattr(text_order_module, "DENSE_LIMIT", limit)
    columns = _columns(_varied(2000, 7))
    for field in ("parties", "topics", "tags"):
        fast = text_order_module._tuple_ranks(columns, field, str)
        slow = text_order_module._tuple_ranks_by_loop(columns, field, str)
        assert fast.tolist() == slow.tolist()
    events = _varied(700, 8)
    assert text_order(_columns(events), "topics").tolist() == _as_before(events, "topics", str)


def test_many_values_in_long_tuples_are_grouped_by_hash() -> None:
    """Tuples whose numbers would not fit the table (300 values, up to 6 in a row)."""
    rng = random.Random(5)
    words = [f"w{n % 250}" + ("é" if n % 7 == 0 else "") for n in range(300)]
    events = [dataclasses.replace(e, parties=tuple(rng.choice(words)
                                                   for _ in range(rng.choice((0, 1, 2, 6)))))
              for e in _varied(1500, 9)]
    columns = _columns(events)
    assert len(columns.vocab["parties"].strings) ** 6 > text_order_module.DENSE_LIMIT
    assert text_order(columns, "parties").tolist() == _as_before(events, "parties", str)


def test_rows_sharing_a_hash_are_grouped_in_python(monkeypatch: pytest.MonkeyPatch) -> None:
    """Different tuples with the same hash are never taken for one: a hash that is the same
    for every tuple of a length still gives the order."""
    events = _varied(500, 4)
    columns = _columns(events)
    monkeypatch.setattr(text_order_module, "_POWERS", np.zeros(64, dtype=np.uint64))
    monkeypatch.setattr(text_order_module, "DENSE_LIMIT", 0)
    assert text_order(columns, "parties").tolist() == _as_before(events, "parties", str)


def test_no_rows() -> None:
    columns = _columns([])
    for field in ("parties", "text", "speaker"):
        assert text_order(columns, field).tolist() == []


@pytest.mark.parametrize("seed", [4, 5])
def test_equal_texts_keep_the_order_given_as_ties(seed: int) -> None:
    """Sorted by parties, the events of one party follow the table's date order (given as
    `ties`), not the folder's row order."""
    events = _varied(300, seed)
    columns = _columns(events)
    by_date = table_order(columns)
    found = text_order(columns, "parties", ties=by_date).tolist()
    assert sorted(found) == list(range(len(events)))
    place = {row: n for n, row in enumerate(by_date.tolist())}

    def shown(row: int) -> str:
        return ", ".join(events[row].parties).casefold()
    assert [shown(r) for r in found] == sorted(shown(r) for r in found)
    for a, b in itertools.pairwise(found):
        if shown(a) == shown(b):
            assert place[a] < place[b]
