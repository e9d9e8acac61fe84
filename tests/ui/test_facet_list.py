"""A facet with thousands of values lists the largest few hundred and keeps the checked."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from viewer.ui.filter_panel import MAX_VALUES, FacetList


def test_a_facet_of_many_values_lists_the_largest_and_the_checked(qapp: Any) -> None:
    facet = FacetList("documents")
    counts = {f"doc{i:05d}.txt": 5000 - i for i in range(5000)}
    facet.set_counts(counts)
    assert facet.count() == MAX_VALUES
    facet.item(0).setCheckState(facet.item(0).checkState().Checked)
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
    facet.item(1).setCheckState(facet.item(1).checkState().Checked)  # "b"
    for counts in ({"c": 9, "b": 1}, {"d": 7, "a": 6, "b": 2, "c": 1}, {"a": 5, "b": 4, "c": 3}):
        facet.set_counts(counts)
        shown = [(facet.item(i).toolTip(), facet.item(i).text())
                 for i in range(facet.count())]
        assert shown == [(v, f"{v}  ({counts[v]})") for v in sorted(
            counts, key=lambda v: -counts[v])]
        assert facet.checked() == frozenset({"b"})


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
    facet.item(4).setCheckState(Qt.CheckState.Checked)  # "e", in code
    for row in (1, 3, 3, 1, 1):  # "b" clicked on, "d" on and off again, "b" off and on
        rect = facet.visualItemRect(facet.item(row))
        option = QStyleOptionViewItem()
        option.initFrom(facet)
        option.rect = rect
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
        box = facet.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator,
                                           option, facet)
        QTest.mouseClick(facet.viewport(), Qt.MouseButton.LeftButton, pos=box.center())
    assert facet.item(1).checkState() == Qt.CheckState.Checked
    assert facet.item(3).checkState() == Qt.CheckState.Unchecked
    assert facet.checked() == frozenset({"b", "e"})
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
    facet.item(2).setCheckState(Qt.CheckState.Checked)  # "d3"
    model = facet.model()
    changes: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom, *_: changes.append((top.row(), bottom.row())))
    facet.set_counts({f"d{i}": 20 - i for i in range(6)})  # the same values, reversed
    assert changes == [(0, 5)]
    assert [facet.item(i).text() for i in range(6)] == [f"d{i}  ({20 - i})" for i in range(6)]
    assert [facet.item(i).toolTip() for i in range(6)] == [f"d{i}" for i in range(6)]
    assert facet.checked() == frozenset({"d3"})
    assert facet.item(3).checkState() == Qt.CheckState.Checked
    changes.clear()
    facet.set_counts({f"d{i}": 20 - i for i in range(6)})  # nothing moved: nothing said
    assert changes == []
    facet.set_counts({f"d{i}": 30 - i for i in range(9)})  # grows: rows added
    assert facet.count() == 9 and facet.visualItemRect(facet.item(8)).height() > 0
    facet.set_counts({"d0": 1, "d3": 1})  # shrinks: rows taken away, the check kept
    assert facet.count() == 2 and model.rowCount() == 2
    assert facet.checked() == frozenset({"d3"})


def test_the_kept_checked_values_are_what_the_items_show(qapp: Any) -> None:
    """The checked values are kept between filter changes: after counts that reorder the
    items, a check set on an item, `check`, and counts that drop a checked value, they are
    what the items' own check boxes say."""

    def shown(facet: FacetList) -> frozenset[str]:
        return frozenset(facet.item(i).toolTip() for i in range(facet.count())
                         if facet.item(i).checkState() == Qt.CheckState.Checked)

    facet = FacetList("parties")
    facet.set_counts({"a": 5, "b": 4, "c": 3})
    assert facet.checked() == shown(facet) == frozenset()
    facet.item(2).setCheckState(Qt.CheckState.Checked)  # "c", as a click sets it
    assert facet.checked() == shown(facet) == frozenset({"c"})
    facet.set_counts({"c": 9, "b": 1, "a": 2})  # "c" moves to the top, still checked
    assert facet.checked() == shown(facet) == frozenset({"c"})
    facet.item(2).setCheckState(Qt.CheckState.Checked)  # now "b"
    assert facet.checked() == shown(facet) == frozenset({"b", "c"})
    facet.check(frozenset({"a"}))
    assert facet.checked() == shown(facet) == frozenset({"a"})
    facet.set_counts({"b": 3, "c": 2})  # a plain mapping without "a": it is no longer listed
    assert facet.checked() == shown(facet) == frozenset()


def test_the_same_listing_again_sets_and_measures_nothing(
        qtbot: Any, monkeypatch: Any) -> None:
    """Counts that list the same values with the same counts and labels (the facet's own
    choice changed) leave the items alone; another count, label or check still shows, and
    a label only counts when a listed value shows it (the texts are compared, not the
    labels: the documents' labels are every title of the folder)."""
    facet = FacetList("parties")
    qtbot.addWidget(facet)
    facet.show()
    work: list[str] = []
    update, fit = FacetList._update_items, facet._sizes.fit

    def updating(self: FacetList, *args: Any) -> Any:
        work.append("items")
        return update(self, *args)

    monkeypatch.setattr(FacetList, "_update_items", updating)
    monkeypatch.setattr(facet._sizes, "fit", lambda texts: (work.append("fit"), fit(texts)))
    counts = {"Russia": 5, "Chad": 2, "Peru": 1}
    facet.set_counts(counts)
    assert work == ["items", "fit"]
    work.clear()
    facet.set_counts(dict(counts))
    assert work == []
    facet.item(1).setCheckState(Qt.CheckState.Checked)
    facet.set_counts(dict(counts))
    assert work == [] and facet.checked() == frozenset({"Chad"})
    facet.set_counts({**counts, "Chad": 3})
    assert work == ["items", "fit"] and facet.item(1).text() == "Chad  (3)"
    work.clear()
    facet.labels = {"Chad": "Republic of Chad"}
    facet.set_counts({**counts, "Chad": 3})
    assert work == ["items", "fit"] and facet.item(1).text() == "Republic of Chad  (3)"
    assert facet.checked() == frozenset({"Chad"})
    work.clear()
    facet.labels["Mali"] = "Republic of Mali"  # a label no listed value shows: no work
    facet.set_counts({**counts, "Chad": 3})
    assert work == []
    facet.labels["Peru"] = "Republic of Peru"  # a listed value's label, changed in place
    facet.set_counts({**counts, "Chad": 3})
    assert work == ["items", "fit"] and facet.item(2).text() == "Republic of Peru  (1)"
    facet.set_counts({"Russia": 5, "Peru": 1})  # Chad no longer listed: no longer checked
    assert [facet.item(i).text() for i in range(facet.count())] == [
        "Russia  (5)", "Republic of Peru  (1)"]
    assert facet.checked() == frozenset()


def test_a_reordered_list_sets_its_kept_items_without_asking_the_widget_for_them(
        qapp: Any, monkeypatch: Any) -> None:
    """The list keeps its items: a filter change that reorders 300 documents sets them
    without one `item(i)` call (each made a new wrapper), and every item shows its value."""
    facet = FacetList("documents")
    counts = {f"doc{i:05d}.txt": 1000 - i for i in range(400)}
    facet.set_counts(counts)
    asked: list[int] = []
    item = FacetList.item
    monkeypatch.setattr(FacetList, "item", lambda self, row: (asked.append(row),
                                                                 item(self, row))[1])
    reordered = {value: 1 + i for i, value in enumerate(counts)}  # smallest first now
    facet.set_counts(reordered)
    assert asked == [facet.count() - 1]  # the size sample only (`UniformItemSize`)
    monkeypatch.undo()
    shown = [(facet.item(i).toolTip(), facet.item(i).text()) for i in range(facet.count())]
    expected = sorted(reordered, key=lambda v: -reordered[v])[:MAX_VALUES]
    assert shown == [(v, f"{v}  ({reordered[v]})") for v in expected]
