"""A facet with thousands of values lists the largest few hundred and keeps the checked."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from viewer.ui.filter_panel import MAX_VALUES, FacetList

_CHECK, _TIP = Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.ToolTipRole


def _tick(facet: FacetList, row: int) -> None:
    """Check `row`'s box as the view does on a click or the space key."""
    facet.model().setData(facet.model().index(row, 0), Qt.CheckState.Checked.value, _CHECK)


def _rows(facet: FacetList) -> list[tuple[str, str]]:
    """Each row's value (its tooltip) and text, as the view reads them."""
    model = facet.model()
    return [(model.index(i, 0).data(_TIP), model.index(i, 0).data()) for i in range(facet.count())]


def _ticked(facet: FacetList) -> frozenset[str]:
    """The values whose rows show a checked box."""
    model = facet.model()
    return frozenset(model.index(i, 0).data(_TIP) for i in range(facet.count())
                     if model.index(i, 0).data(_CHECK) == Qt.CheckState.Checked)


def test_a_facet_of_many_values_lists_the_largest_and_the_checked(qapp: Any) -> None:
    facet = FacetList("documents")
    counts = {f"doc{i:05d}.txt": 5000 - i for i in range(5000)}
    facet.set_counts(counts)
    assert facet.count() == MAX_VALUES
    _tick(facet, 0)
    facet.set_counts({**counts, "doc00000.txt": 1})  # now the smallest, but checked
    assert "doc00000.txt" in facet.checked()
    assert facet.count() == MAX_VALUES + 1
    assert "not listed" in facet.toolTip()


def test_items_reused_across_filter_changes_show_each_value_its_count_and_check(
        qapp: Any) -> None:
    """The list reuses its items when the values listed change: every item must still say
    its own value, its count and whether it is checked."""
    facet = FacetList("parties")
    facet.set_counts({"a": 5, "b": 4, "c": 3})
    _tick(facet, 1)  # "b"
    for counts in ({"c": 9, "b": 1}, {"d": 7, "a": 6, "b": 2, "c": 1}, {"a": 5, "b": 4, "c": 3}):
        facet.set_counts(counts)
        assert _rows(facet) == [(v, f"{v}  ({counts[v]})") for v in sorted(
            counts, key=lambda v: -counts[v])]
        assert facet.checked() == _ticked(facet) == frozenset({"b"})


def test_a_box_checked_by_a_click_is_among_the_checked(qtbot: Any) -> None:
    """`checked()` asks the model for the checked rows: a click on an item's box (the view
    stores the check its own way) and a check set in code are both found, an unchecked
    box is not."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    facet = FacetList("parties")
    qtbot.addWidget(facet)
    facet.resize(300, 400)
    facet.show()
    facet.set_counts({v: 10 - i for i, v in enumerate("abcdef")})
    _tick(facet, 4)  # "e", in code
    for row in (1, 3, 3, 1, 1):  # "b" clicked on, "d" on and off again, "b" off and on
        rect = facet.visualRect(facet.model().index(row, 0))
        option = QStyleOptionViewItem()
        option.initFrom(facet)
        option.rect = rect
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
        box = facet.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator,
                                           option, facet)
        QTest.mouseClick(facet.viewport(), Qt.MouseButton.LeftButton, pos=box.center())
    assert facet.checked() == _ticked(facet) == frozenset({"b", "e"})
    assert FacetList("topics").checked() == frozenset()


def test_a_reordered_list_tells_its_view_once_and_shows_what_it_holds(qtbot: Any) -> None:
    """A filter change that reorders the listed values reaches the view as one change of
    the rows that moved (each item's setters used to signal it three or four times), and
    rows added or taken away still reach it, so the view paints every item it holds."""
    facet = FacetList("documents")
    qtbot.addWidget(facet)
    facet.resize(300, 400)
    facet.show()
    facet.set_counts({f"d{i}": 10 + i for i in range(6)})
    _tick(facet, 2)  # "d3"
    model = facet.model()
    changes: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom, *_: changes.append((top.row(), bottom.row())))
    facet.set_counts({f"d{i}": 20 - i for i in range(6)})  # the same values, reversed
    assert changes == [(0, 5)]
    assert _rows(facet) == [(f"d{i}", f"d{i}  ({20 - i})") for i in range(6)]
    assert facet.checked() == _ticked(facet) == frozenset({"d3"})
    changes.clear()
    facet.set_counts({f"d{i}": 20 - i for i in range(6)})  # nothing moved: nothing said
    assert changes == []
    facet.set_counts({f"d{i}": 30 - i for i in range(9)})  # grows: rows added
    assert facet.count() == 9 and facet.visualRect(model.index(8, 0)).height() > 0
    facet.set_counts({"d0": 1, "d3": 1})  # shrinks: rows taken away, the check kept
    assert facet.count() == 2 and model.rowCount() == 2
    assert facet.checked() == frozenset({"d3"})


def test_the_kept_checked_values_are_what_the_items_show(qapp: Any) -> None:
    """The checked values are kept between filter changes: after counts that reorder the
    rows, a check set on a row, `check`, and counts that drop a checked value, they are
    what the rows' check boxes show."""
    shown = _ticked
    facet = FacetList("parties")
    facet.set_counts({"a": 5, "b": 4, "c": 3})
    assert facet.checked() == shown(facet) == frozenset()
    _tick(facet, 2)  # "c", as a click sets it
    assert facet.checked() == shown(facet) == frozenset({"c"})
    facet.set_counts({"c": 9, "b": 1, "a": 2})  # "c" moves to the top, still checked
    assert facet.checked() == shown(facet) == frozenset({"c"})
    _tick(facet, 2)  # now "b"
    assert facet.checked() == shown(facet) == frozenset({"b", "c"})
    facet.check(frozenset({"a"}))
    assert facet.checked() == shown(facet) == frozenset({"a"})
    facet.set_counts({"b": 3, "c": 2})  # a plain mapping without "a": it is no longer listed
    assert facet.checked() == shown(facet) == frozenset()


def test_the_same_listing_again_sets_and_measures_nothing(qtbot: Any) -> None:
    """Counts that list the same values with the same counts and labels (the facet's own
    choice changed) leave the rows alone; another count, label or check still shows, and
    a label only counts when a listed value shows it (the texts are compared, not the
    labels: the documents' labels are every title of the folder)."""
    facet = FacetList("parties")
    qtbot.addWidget(facet)
    facet.show()
    work: list[str] = []
    model, fit = facet.model(), facet._sizes.fit
    model.dataChanged.connect(lambda *_: work.append("rows"))
    model.rowsInserted.connect(lambda *_: work.append("rows"))
    facet._sizes.fit = lambda *rows: (work.append("fit"), fit(*rows))[1]  # type: ignore[method-assign]
    counts = {"Russia": 5, "Chad": 2, "Peru": 1}
    facet.set_counts(counts)
    assert work == ["rows", "fit"]
    work.clear()
    facet.set_counts(dict(counts))
    assert work == []
    _tick(facet, 1)
    work.clear()
    facet.set_counts(dict(counts))
    assert work == [] and facet.checked() == frozenset({"Chad"})
    facet.set_counts({**counts, "Chad": 3})
    assert work == ["rows", "fit"] and _rows(facet)[1] == ("Chad", "Chad  (3)")
    work.clear()
    facet.labels = {"Chad": "Republic of Chad"}
    facet.set_counts({**counts, "Chad": 3})
    assert work == ["rows", "fit"] and _rows(facet)[1] == ("Chad", "Republic of Chad  (3)")
    assert facet.checked() == _ticked(facet) == frozenset({"Chad"})
    work.clear()
    facet.labels["Mali"] = "Republic of Mali"  # a label no listed value shows: no work
    facet.set_counts({**counts, "Chad": 3})
    assert work == []
    facet.labels["Peru"] = "Republic of Peru"  # a listed value's label, changed in place
    facet.set_counts({**counts, "Chad": 3})
    assert work == ["rows", "fit"] and _rows(facet)[2] == ("Peru", "Republic of Peru  (1)")
    facet.set_counts({"Russia": 5, "Peru": 1})  # Chad no longer listed: no longer checked
    assert [text for _value, text in _rows(facet)] == ["Russia  (5)", "Republic of Peru  (1)"]
    assert facet.checked() == _ticked(facet) == frozenset()


def test_a_reordered_list_is_read_only_where_its_view_shows_it(
        qtbot: Any, monkeypatch: Any) -> None:
    """A filter change that reorders 300 documents sets no item: the view reads the rows it
    paints, and the widest rows' sizes are measured, not every row; every row still holds
    its value and text."""
    from types import MethodType

    from viewer.ui.facet_model import FacetModel

    facet = FacetList("documents")
    qtbot.addWidget(facet)
    facet.resize(300, 200)
    facet.show()
    counts = {f"doc{i:05d}.txt": 1000 - i for i in range(400)}
    facet.set_counts(counts)
    facet.viewport().repaint()
    asked: set[int] = set()
    data = FacetModel.data
    # on the instance: the bindings call a method the object itself holds, not a class's
    monkeypatch.setattr(facet.rows, "data", MethodType(lambda self, index, role=0: (
        asked.add(index.row()), data(self, index, role))[1], facet.rows))
    reordered = {value: 1 + i for i, value in enumerate(counts)}  # smallest first now
    facet.set_counts(reordered)
    facet.viewport().repaint()
    shown = facet.viewport().height() // facet.visualRect(facet.model().index(0, 0)).height()
    assert asked and len(asked) <= shown + 2 < 30
    monkeypatch.undo()
    expected = sorted(reordered, key=lambda v: -reordered[v])[:MAX_VALUES]
    assert _rows(facet) == [(v, f"{v}  ({reordered[v]})") for v in expected]
