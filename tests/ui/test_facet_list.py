"""A facet with thousands of values lists the largest few hundred and keeps the checked."""

from __future__ import annotations

from typing import Any

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
