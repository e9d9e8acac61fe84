"""The table model over a Session's columns shows the same rows, in the same order, as the
model over a list of events, without making an event per row."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from bench.synthetic import events as synthetic_events
from viewer.core.events.document_events import Event
from viewer.core.query import Filter
from viewer.core.session.columns import EventColumns
from viewer.core.session.filtering import ColumnIndex
from viewer.core.session.row_events import RowEvents
from viewer.ui.event_model import COLUMNS, EventTableModel
from viewer.ui.event_proxy import SPARSE, EventFilterProxy


def _proxies(count: int) -> tuple[EventFilterProxy, EventFilterProxy, RowEvents]:
    events = synthetic_events(count, seed=11, documents=count)  # text_of: one per document
    return _proxies_of(events)


def _proxies_of(events: list[Event], titles: dict[str, str] | None = None
                ) -> tuple[EventFilterProxy, EventFilterProxy, RowEvents]:
    """A list model's proxy and a column model's over the same events (one per document)."""
    texts = {e.document: e.text for e in events}
    columns = EventColumns.build(events, lambda doc, a, b: texts[doc][a:b])
    by_list, by_columns = EventTableModel(), EventTableModel()
    by_list.titles, by_columns.titles = dict(titles or {}), dict(titles or {})
    by_list.set_events(events)
    rows = RowEvents(columns)
    by_columns.set_events(rows)
    plain, fast = EventFilterProxy(), EventFilterProxy()
    plain.setSourceModel(by_list)
    fast.use_index(ColumnIndex(columns))
    fast.setSourceModel(by_columns)
    return plain, fast, rows


def test_column_model_filters_and_sorts_like_the_list_model(qapp: Any) -> None:
    plain, fast, rows = _proxies(1500)
    assert fast.rows == plain.rows
    for value in (Filter(parties=frozenset({"Russia"})), Filter(search="geneva"),
                  Filter(parties=frozenset({"Russia", "Ukraine"}), include_boilerplate=True),
                  Filter()):
        plain.set_filter(value)
        fast.set_filter(value)
        assert fast.rows == plain.rows
    for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
        plain.sort(0, order)
        fast.sort(0, order)
        assert fast.rows == plain.rows
    assert [fast.proxy_row_of_source(r) for r in range(50)] == [
        plain.proxy_row_of_source(r) for r in range(50)]
    event = rows[fast.rows[3]]
    assert fast.sourceModel().row_of[event.id] == fast.rows[3]
    assert len(rows._cache) < 100  # only the asked rows were made


def test_text_columns_sort_like_the_list_model_without_an_event_per_row(qapp: Any) -> None:
    """Sorted by any text column, either way, the column model gives the list model's order
    (casefolded texts, ties in row order and reversed when descending, titles for documents,
    disputes in words), from the columns: no Event is made per row (it took six seconds at
    100,000 rows)."""
    import dataclasses

    from viewer.ui.event_model import COLUMNS

    events = synthetic_events(1200, seed=7, documents=1200)  # text_of: one per document
    speakers = ("", "Ana Lima", "ana lima", "The Ministry", "Zed")
    flags = ((), ("date",), ("figure:prisoners",), ("parties", "date"))
    events = [dataclasses.replace(e, speaker=speakers[k % 5], conflict=flags[k % 4],
                                  tags=("Key", "b") if k % 3 == 0 else ("key",) if k % 3 else ())
              for k, e in enumerate(events)]
    titles = {e.document: f"Title {k % 7}" for k, e in enumerate(events[:30])}
    plain, fast, rows = _proxies_of(events, titles)
    for column in range(2, len(COLUMNS)):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            # every row sorted by the list model's keys (the list proxy sorts the rows in
            # their current order, so its ties follow the sort before: not compared)
            plain.sort_column, plain.sort_order = column, order
            expected = plain._sorted(list(range(len(events))))
            fast.sort(column, order)
            shown = set(fast.rows)
            assert list(fast.rows) == [r for r in expected if r in shown], (COLUMNS[column], order)
    assert len(rows._cache) < 100  # only rows asked for by the test were made


def test_column_order_puts_undated_last_and_ties_in_document_order(qapp: Any) -> None:
    """The packed sort key of the column model gives the list model's order with undated
    events, many events per document and equal days."""
    import dataclasses

    events = synthetic_events(900, seed=5, documents=60)
    events = [dataclasses.replace(e, start=None, end=None) if k % 7 == 0 else e
              for k, e in enumerate(events)]
    texts: dict[str, str] = {}
    for e in events:  # the sentences as slices of one text per document
        texts[e.document] = texts.get(e.document, "") + " " * 4000
    columns = EventColumns.build(events, lambda doc, a, b: texts[doc][a:b])
    by_list, by_columns = EventTableModel(), EventTableModel()
    by_list.set_events(events)
    by_columns.set_events(RowEvents(columns))
    plain, fast = EventFilterProxy(), EventFilterProxy()
    plain.setSourceModel(by_list)
    fast.use_index(ColumnIndex(columns))
    fast.setSourceModel(by_columns)
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        plain.sort(0, order)
        fast.sort(0, order)
        assert fast.rows == plain.rows


def test_proxy_answers_each_role_as_the_source_does_through_its_index(qapp: Any) -> None:
    """The proxy asks the source by row (no source index per cell and role); the answers
    and flags are the ones `data(mapToSource(index))` gave, and rows past the end give None."""
    from viewer.ui.roles import EventIdRole, EventRole, SortRole, SourceRowRole

    plain, fast, _rows = _proxies(300)
    roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
             Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole,
             Qt.ItemDataRole.DecorationRole, EventRole, EventIdRole, SourceRowRole, SortRole]
    for proxy in (plain, fast):
        proxy.set_filter(Filter(parties=frozenset({"Russia"})))
        source = proxy.sourceModel()
        assert 0 < proxy.rowCount() < source.rowCount()
        for row in range(0, proxy.rowCount(), 7):
            for column in range(proxy.columnCount()):
                index = proxy.index(row, column)
                for role in roles:
                    assert proxy.data(index, role) == source.data(proxy.mapToSource(index), role)
                assert proxy.flags(index) == source.flags(proxy.mapToSource(index))
        past = proxy.createIndex(proxy.rowCount() + 3, 0)
        assert proxy.data(past) is None
        assert proxy.flags(past) == source.flags(proxy.mapToSource(past))


def test_shown_rows_bring_the_mask_they_were_picked_with(qapp: Any) -> None:
    """The proxy hands on the filter's mask with the rows (the lanes read it rather than
    scatter the rows again): True exactly at the rows shown, after a filter and a sort."""
    import numpy as np

    from viewer.core.session.row_array import RowArray

    _plain, fast, rows = _proxies(1500)
    for change in (lambda: fast.set_filter(Filter(parties=frozenset({"Russia"}))),
                   lambda: fast.sort(0, Qt.SortOrder.DescendingOrder),
                   lambda: fast.set_filter(Filter())):
        change()
        shown = fast.rows
        assert isinstance(shown, RowArray) and shown.mask is not None
        assert np.array_equal(np.flatnonzero(shown.mask), np.sort(np.asarray(shown)))
        assert len(shown.mask) == len(rows)


def test_a_change_back_shows_the_rows_picked_before_until_an_edit_or_a_sort(
        qapp: Any, monkeypatch: Any) -> None:
    """Toggling a filter off and on again picks each filter's rows once; a sort or an edit in
    between picks them again, and the rows always equal the list model's."""
    import dataclasses

    plain, fast, rows = _proxies(1500)
    picked: list[int] = []
    ordered = EventFilterProxy._ordered

    def counted(self: EventFilterProxy, mask: Any) -> Any:
        if self is fast:
            picked.append(1)
        return ordered(self, mask)

    monkeypatch.setattr(EventFilterProxy, "_ordered", counted)
    russia = Filter(parties=frozenset({"Russia"}))

    def toggle(times: int) -> None:
        for _ in range(times):
            for value in (russia, Filter()):
                plain.set_filter(value)
                fast.set_filter(value)
                assert list(fast.rows) == list(plain.rows)

    toggle(1)
    picked.clear()
    toggle(3)
    assert not picked  # each filter's rows were picked once, in the first round
    for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
        plain.sort(0, order)
        fast.sort(0, order)
        picked.clear()
        toggle(1)
        assert len(picked) == 2  # in the new order: not the rows kept in the old one
        picked.clear()
        toggle(2)
        assert not picked
    row = next(r for r in range(len(rows)) if "Russia" in rows[r].parties)
    edited = dataclasses.replace(rows[row], parties=("Chad",))
    assert isinstance(fast.index_, ColumnIndex)
    fast.index_.edit({row: edited})  # the Session edits its index, then the model hears
    plain.sourceModel().replace_many({row: edited})
    fast.sourceModel().replace_many({row: edited})
    picked.clear()
    toggle(1)
    assert picked  # picked anew after the edit
    assert list(fast.rows) == list(plain.rows)


def test_a_filter_of_few_rows_keeps_the_table_order_in_every_sort(qapp: Any) -> None:
    """A filter keeping few rows reads them off each row's place in the order (`SPARSE`):
    the same rows in the same order as the list model's, ascending and descending, in every
    column, and after the order is made again."""
    plain, fast, _rows = _proxies(1500)
    few = Filter(parties=frozenset({"Russia"}), date_from=None, min_sources=2)
    fast.set_filter(few)
    assert 0 < len(fast.rows) * SPARSE < 1500  # the few-row path is the one tested
    for column in range(len(COLUMNS)):
        for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
            for proxy in (plain, fast):
                proxy.sort(column, order)
                proxy.set_filter(Filter())
                proxy.set_filter(few)
            assert fast._places is not None and fast._places[0] is fast._order_array
            assert list(fast.rows) == list(plain.rows), (column, order)
