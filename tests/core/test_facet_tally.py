"""Edits keep the last filter's facet counts and masks up to date from the edited rows alone:
the counts always equal a fresh count (and the object engine's), and an edit's work does not
grow with the folder."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import random

import numpy as np
import pytest

from bench.synthetic import events as synthetic_events
from tests.core.workcount import growth, lines_run
from viewer.core.events.document_events import Event
from viewer.core.query import FACETS, NO_VALUE, EventIndex, Filter
from viewer.core.session.columns import EventColumns
from viewer.core.session.facet_counts import FacetCounts, name_rank
from viewer.core.session.filtering import ColumnIndex

FILTERS = [
    Filter(),
    Filter(parties=frozenset({"Russia", NO_VALUE})),
    Filter(tags=frozenset({"key"}), include_boilerplate=True),
    Filter(topics=frozenset({"energy"}), parties=frozenset({"Ukraine"}), min_sources=2),
    Filter(search="geneva", include_hidden=True, date_from=dt.date(2024, 1, 1)),
]


def _index(events: list[Event]) -> ColumnIndex:
    texts = {e.document: e.text for e in events}
    return ColumnIndex(EventColumns.build(events, lambda doc, a, b: texts[doc][a:b]))


def _edited(event: Event, rnd: random.Random) -> Event:
    """A random analyst's correction: tags, parties, topics, a date, "not an event"."""
    choice = rnd.randrange(5)
    if choice == 0:
        return dataclasses.replace(event, tags=tuple(rnd.sample(("key", "check", "new"),
                                                                rnd.randrange(3))))
    if choice == 1:
        return dataclasses.replace(event, parties=tuple(rnd.sample(("Russia", "Chad"),
                                                                   rnd.randrange(3))))
    if choice == 2:
        return dataclasses.replace(event, topics=("energy",) if not event.topics else ())
    if choice == 3:
        day = None if rnd.random() < 0.3 else dt.date(2020 + rnd.randrange(8), 5, 1)
        return dataclasses.replace(event, start=day, end=day)
    return dataclasses.replace(event, not_event=not event.not_event)


@pytest.mark.parametrize("chosen", FILTERS)
def test_counts_and_rows_after_edits_equal_a_fresh_count(chosen: Filter) -> None:
    rnd = random.Random(11)
    events = synthetic_events(400, seed=8, documents=400)
    index = _index(events)
    index.counts(chosen)  # counted once; the edits below keep it up to date
    index.select(chosen)
    for _ in range(30):
        rows = rnd.sample(range(len(events)), rnd.choice((1, 1, 3)))
        updates = {row: _edited(events[row], rnd) for row in rows}
        index.edit(updates)
        for row, event in updates.items():
            events[row] = event
        fresh = _index(events)
        assert index.counts(chosen) == fresh.counts(chosen)
        assert index.rows(chosen) == fresh.rows(chosen) == EventIndex.build(events).rows(chosen)
        for facet in ("tags", "parties"):
            assert index.values(facet) == fresh.values(facet)
    assert index.counts(chosen) == EventIndex.build(events).counts(chosen)


def test_a_change_back_to_the_filter_before_reuses_its_counts_and_masks_until_an_edit(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Toggling between two filters counts and masks each once; an edit between the changes
    drops the one kept from before, so every answer still equals a fresh count."""
    rnd = random.Random(5)
    events = synthetic_events(400, seed=4, documents=400)
    index = _index(events)
    counted: list[Filter] = []
    masked: list[str] = []
    count, scalar = ColumnIndex._count, ColumnIndex.scalar_mask

    def counting(self: ColumnIndex, f: Filter) -> object:
        if self is index:  # not the fresh indexes' counts
            counted.append(f)
        return count(self, f)

    def masking(self: ColumnIndex, f: Filter, rows: object = None) -> object:
        if self is index and rows is None:
            masked.append("all")
        return scalar(self, f, rows)  # type: ignore[arg-type]

    monkeypatch.setattr(ColumnIndex, "_count", counting)
    monkeypatch.setattr(ColumnIndex, "scalar_mask", masking)
    for first, second in itertools.pairwise(FILTERS):
        counted.clear()
        masked.clear()
        for _ in range(3):  # there and back, three times
            for chosen in (first, second):
                fresh = _index(events)
                assert index.counts(chosen) == fresh.counts(chosen)
                assert index.rows(chosen) == fresh.rows(chosen)
        assert counted == [first, second] or counted == [second]  # `first` kept from before
        assert len(masked) <= 2
        row = rnd.randrange(len(events))
        update = {row: _edited(events[row], rnd)}
        index.edit(update)
        events[row] = update[row]
        for chosen in (first, second):  # the kept one dropped: counted again, as fresh
            assert index.counts(chosen) == _index(events).counts(chosen)
            assert index.rows(chosen) == _index(events).rows(chosen)


def test_a_facet_chosen_alone_is_counted_over_the_scalar_rows_once_until_an_edit(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Changing from one party to another (or to a topic) counts the chosen facet over the
    rows the scalar mask keeps once: later changes with the same toggles reuse it, another
    scalar part (a toggle, a search) counts it again, and an edit drops it. Every answer
    equals a fresh count."""
    from viewer.core.session import filtering

    rnd = random.Random(12)
    events = synthetic_events(400, seed=6, documents=400)
    index = _index(events)
    tallied: list[tuple[str, int]] = []
    tally_rows, tally_mask = filtering.tally_rows, filtering.tally_mask

    def counting(columns: object, name: str, rows: np.ndarray, size: int) -> object:
        tallied.append((name, len(rows)))
        return tally_rows(columns, name, rows, size)  # type: ignore[arg-type]

    def masked(columns: object, name: str, mask: np.ndarray, size: int,
               *empty: int | None) -> object:
        tallied.append((name, int(mask.sum())))
        return tally_mask(columns, name, mask, size, *empty)  # type: ignore[arg-type]

    monkeypatch.setattr(filtering, "tally_rows", counting)
    monkeypatch.setattr(filtering, "tally_mask", masked)
    parties = [p for p in index.values("parties") if p != NO_VALUE]
    topics = [t for t in index.values("topics") if t != NO_VALUE]
    assert len(parties) >= 3 and len(topics) >= 2
    filters = [Filter(parties=frozenset({p})) for p in parties[:3]] + [
        Filter(topics=frozenset({t})) for t in topics[:2]] + [
        Filter(parties=frozenset({parties[0]}), include_boilerplate=True),
        Filter(parties=frozenset({parties[1]}), include_boilerplate=True),
        Filter(parties=frozenset({parties[2]}), search="the")]
    for step, chosen in enumerate(filters):
        fresh = _index(events).counts(chosen)
        tallied.clear()
        assert index.counts(chosen) == fresh
        alone = [name for name, _rows in tallied
                 if name == ("parties" if chosen.parties else "topics")]
        # the first party and topic, and the first under each new scalar part, count it
        assert len(alone) == (1 if step in (0, 3, 5, 7) else 0), (step, tallied)
        if step == 4:
            row = rnd.randrange(len(events))
            update = {row: dataclasses.replace(events[row], parties=("Chad",))}
            index.edit(update)
            events[row] = update[row]
            again = Filter(parties=frozenset({parties[1]}))
            fresh = _index(events).counts(again)
            tallied.clear()
            assert index.counts(again) == fresh
            assert [name for name, _rows in tallied].count("parties") == 1  # dropped
    every = Filter(**{facet: frozenset({"x"}) for facet in FACETS})  # type: ignore[arg-type]
    assert filtering._scalar_part(every) == Filter()  # every facet left out of its key


def test_a_filter_with_the_same_scalar_part_reuses_its_scalar_mask_until_an_edit(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """From one party to another (or to a topic) the toggles, dates, sources and text are
    the same: their mask is made once and shared. Another scalar part makes its own. An
    edit gives the last filter a new scalar array (a reader holding rows picked with the
    old one must see they may be stale), and every answer equals a fresh one."""
    events = synthetic_events(400, seed=9, documents=400)
    index = _index(events)
    made: list[Filter] = []
    scalar_mask = ColumnIndex.scalar_mask

    def masking(self: ColumnIndex, f: Filter, rows: object = None) -> object:
        if self is index and rows is None:
            made.append(f)
        return scalar_mask(self, f, rows)  # type: ignore[arg-type]

    monkeypatch.setattr(ColumnIndex, "scalar_mask", masking)
    parties = [p for p in index.values("parties") if p != NO_VALUE]
    first, second = (Filter(parties=frozenset({p})) for p in parties[:2])
    topic = Filter(topics=frozenset({next(t for t in index.values("topics") if t != NO_VALUE)}))
    shared = index.masks(first)[0]
    assert index.masks(second)[0] is shared and index.masks(topic)[0] is shared
    assert made == [first]
    other = Filter(parties=first.parties, min_sources=2)
    assert index.masks(other)[0] is not shared and made == [first, other]
    for chosen in (first, second, topic, other):
        assert index.rows(chosen) == _index(events).rows(chosen)
    index.masks(second)
    row = next(r for r in range(len(events)) if shared[r])
    update = {row: dataclasses.replace(events[row], not_event=True)}
    index.edit(update)
    events[row] = update[row]
    after = index.masks(second)[0]
    assert after is not shared and not after[row]
    assert shared[row]  # the array a reader kept is left as it was
    for chosen in (second, first, topic):
        assert index.rows(chosen) == _index(events).rows(chosen)
        assert index.counts(chosen) == _index(events).counts(chosen)


def test_keeps_answers_select_for_some_rows() -> None:
    events = synthetic_events(300, seed=3, documents=300)
    index = _index(events)
    rows = np.arange(0, 300, 7, dtype=np.int64)
    for chosen in FILTERS:
        assert index.keeps(chosen, rows).tolist() == index.select(chosen)[rows].tolist()


def test_an_edit_does_work_in_proportion_to_its_rows_not_the_folder() -> None:
    chosen = Filter(parties=frozenset({"Russia"}))

    def work(copies: int) -> int:
        events = synthetic_events(2000 * copies, seed=5)
        index = _index(events)
        index.counts(chosen)
        index.select(chosen)
        counter = [0]
        tagged = {7: dataclasses.replace(events[7], tags=("key",)),
                  8: dataclasses.replace(events[8], parties=("Chad",))}
        lines_run(lambda: (index.edit(tagged), index.counts(chosen), index.select(chosen)),
                  counter)
        return counter[0]

    assert growth(work) < 1.2


def test_the_panel_listing_is_largest_first_then_by_name_and_keeps_checked_values() -> None:
    strings = ["beta", "Alpha", "gamma", "delta"]
    counts = FacetCounts(strings, {s: i for i, s in enumerate(strings)},
                         counted=np.array([3, 3, 0, 1, 5]), total=np.array([4, 3, 2, 0, 6]),
                         rank=np.array([1, 0, 3, 2, 4]), with_none=True)
    assert dict(counts) == {"beta": 3, "Alpha": 3, "gamma": 0, NO_VALUE: 5}
    assert counts.listing(10, frozenset()) == (["Alpha", "beta", NO_VALUE], 0)
    assert counts.listing(1, frozenset({"gamma", "beta"})) == (["Alpha", "beta", "gamma"], 3)
    for limit, checked in ((10, frozenset()), (1, frozenset({"gamma", "beta"}))):
        names, numbers, hidden = counts.counted_listing(limit, checked)
        assert (names, hidden) == counts.listing(limit, checked)
        assert numbers == [counts[name] for name in names]  # the counts read at once
    with pytest.raises(KeyError):
        counts["delta"]  # no event has it


def test_the_listing_picks_the_largest_as_a_full_sort_orders_them() -> None:
    """The listing partitions out its first values and sorts only them: the same names,
    counts and hidden count as sorting every value, with ties, "no value", checked values
    beyond the limit, a limit of none, some and more than every value, and counts beyond
    the packed key."""
    pick = random.Random(9)
    for case in range(300):
        size = pick.randint(0, 60)
        strings = [f"v{pick.randrange(40)}-{i}" for i in range(size)]
        total = np.array([pick.choice((0, 1, 5, 9)) for _ in range(size + 1)], dtype=np.int64)
        top = 1 << 40 if case % 50 == 0 else 6
        counted = np.array([min(t, pick.randint(0, top)) if t else 0 for t in total],
                           dtype=np.int64)
        if case % 50 == 0 and size:
            counted[0] = 1 << 40
            total[0] = max(1, int(total[0]))
        rank = name_rank(strings)
        counts = FacetCounts(strings, {s: i for i, s in enumerate(strings)}, counted, total,
                             rank, with_none=True)
        checked = frozenset(pick.sample([*strings, NO_VALUE], min(3, size)))
        for limit in (0, 1, 5, size, size + 3):
            wanted = np.zeros(size + 1, dtype=bool)
            for value in checked:
                wanted[size if value == NO_VALUE else strings.index(value)] = True
            shown = np.flatnonzero((total > 0) & ((counted > 0) | wanted))
            order = shown[np.lexsort((rank[shown], -counted[shown], shown == size))].tolist()
            name = [NO_VALUE if slot == size else strings[slot] for slot in range(size + 1)]
            more = sorted((name[slot], slot) for slot in order[limit:] if wanted[slot])
            expected = [name[slot] for slot in order[:limit]] + [n for n, _slot in more]
            numbers = [int(counted[slot]) for slot in order[:limit]] + [
                int(counted[slot]) for _n, slot in more]
            assert counts.counted_listing(limit, checked) == (
                expected, numbers, max(0, len(order) - limit))


@pytest.mark.parametrize("dtype", [np.uint8, np.int16, np.int32, np.int64])
def test_codes_in_is_isin_for_few_and_many_codes(dtype: type) -> None:
    """A few chosen codes are compared one by one, more go to np.isin: the same masks,
    -1 ("no value") and codes beyond the array's type included."""
    from viewer.core.session.facet_counts import FEW_CODES, codes_in

    rnd = np.random.default_rng(5)
    codes = rnd.integers(0, 120, 5000).astype(dtype)
    for wanted in ([], [3], [-1, 7], [119, 300], list(range(FEW_CODES)),
                   list(range(0, 120, 7))):
        chosen = np.asarray(wanted, dtype=np.int64)
        assert np.array_equal(codes_in(codes, chosen), np.isin(codes, chosen)), wanted


def test_codes_in_is_linear_in_the_codes() -> None:
    """Python lines per call do not grow with the codes (the array work does, once)."""
    from viewer.core.session.facet_counts import codes_in

    chosen = np.asarray([4, 9], dtype=np.int64)

    def work(size: int) -> int:
        counter = [0]
        lines_run(lambda: codes_in(np.zeros(1000 * size, np.int32), chosen), counter)
        return counter[0]

    assert work(4) == work(1)


def test_tally_rows_equals_the_codes_tally_for_every_facet_and_row_set() -> None:
    """The owner-free count of a facet over some rows equals the count of those rows'
    codes (rows with no value, repeated rows, no rows, all rows), and its Python work does
    not grow with the rows."""
    from viewer.core.session.facet_counts import codes_of_rows, tally, tally_rows
    from viewer.core.session.filtering import _FACET_FIELD

    rnd = np.random.default_rng(5)
    index = _index(synthetic_events(600, seed=3, documents=50))
    cols = index.columns
    row_sets = [np.arange(cols.size, dtype=np.int64), np.zeros(0, dtype=np.int64),
                np.sort(rnd.choice(cols.size, 77, replace=False)).astype(np.int64),
                rnd.integers(0, cols.size, 300).astype(np.int64)]
    for facet, name in _FACET_FIELD.items():
        size = len(cols.vocab[name].strings) if name in cols.vocab else 0
        for rows in row_sets:
            expected = tally(codes_of_rows(cols, name, rows)[0], size)
            assert np.array_equal(tally_rows(cols, name, rows, size), expected), facet

    def work(size: int) -> int:
        big = _index(synthetic_events(300 * size, seed=3, documents=50)).columns
        every = np.arange(big.size, dtype=np.int64)
        counter = [0]
        lines_run(lambda: [tally_rows(big, name, every, len(big.vocab[name].strings))
                           for name in ("parties", "topics", "document")], counter)
        return counter[0]

    assert work(4) == work(1)


def test_tally_mask_equals_the_rows_tally_for_every_facet_and_mask() -> None:
    """Counting a facet off a mask gives what counting the mask's rows gives (no row, every
    row, a few, about half, rows with no value), and its Python work does not grow with the
    rows: a search keeping half a million events is counted without a list of them."""
    from viewer.core.session.facet_counts import tally_mask, tally_rows
    from viewer.core.session.filtering import _FACET_FIELD

    rnd = np.random.default_rng(8)
    index = _index(synthetic_events(500, seed=4, documents=40))
    cols = index.columns
    masks = [np.ones(cols.size, dtype=bool), np.zeros(cols.size, dtype=bool),
             rnd.random(cols.size) < 0.05, rnd.random(cols.size) < 0.5,
             rnd.random(cols.size) < 0.95]
    for facet, name in _FACET_FIELD.items():
        size = len(cols.vocab[name].strings) if name in cols.vocab else 0
        for mask in masks:
            expected = tally_rows(cols, name, np.flatnonzero(mask).astype(np.int64), size)
            assert np.array_equal(tally_mask(cols, name, mask, size), expected), facet

    def work(size: int) -> int:
        big = _index(synthetic_events(300 * size, seed=4, documents=40)).columns
        half = np.arange(big.size) % 2 == 0
        counter = [0]
        lines_run(lambda: [tally_mask(big, name, half, len(big.vocab[name].strings))
                           for name in ("parties", "topics", "document")], counter)
        return counter[0]

    assert work(4) == work(1)


def test_a_search_keeping_about_half_the_rows_counts_as_row_lists_do(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The facet counts of filters keeping neither few nor most rows (counted off the mask:
    "th", "talks", "geneva" keep 44-49 % of these events) equal those counted from row
    lists, with and without a facet chosen beside them, and so do those of "a" (most rows)
    and of a party with "th" (fewer), whichever way they are counted."""
    from viewer.core.session import facet_counts

    events = synthetic_events(400, seed=9, documents=30)
    index = _index(events)
    party = next(p for p in index.values("parties") if p != NO_VALUE)
    filters = [Filter(search="th"), Filter(search="talks"), Filter(search="geneva"),
               Filter(search="a"), Filter(search="th", parties=frozenset({party})),
               Filter(search="th", include_boilerplate=True)]
    assert 0.4 < len(index.rows(filters[0])) / len(events) < 0.6
    masked = [index.counts(chosen) for chosen in filters]
    monkeypatch.setattr(facet_counts, "MASKED_SHARE", 1.0)  # never the mask
    listed = _index(events)
    for chosen, counts in zip(filters, masked, strict=True):
        assert counts == listed.counts(chosen), chosen
