"""Disjoint sets of ids, each named by its smallest member: the one union-find behind joining
clusters (near-date conflicts, the analyst's links, the Dask engine's star rounds).

Path halving keeps every `root` call short whatever order the unions come in; a root that
only follows its parents without shortening them grows a chain when joins arrive in falling
id order, and each later look-up then walks it.
"""

from __future__ import annotations

from collections.abc import KeysView


class MinRootForest:
    """Ids joined into groups; a group's root is its smallest id."""

    __slots__ = ("parent",)

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def root(self, x: str) -> str:
        """The smallest id of `x`'s group (`x` joins the forest alone if it was not in it)."""
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: str, b: str) -> bool:
        """Join the groups of `a` and `b`; False when they were one already."""
        ra, rb = self.root(a), self.root(b)
        if ra == rb:
            return False
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        return True

    def ids(self) -> KeysView[str]:
        """Every id the forest has seen."""
        return self.parent.keys()
