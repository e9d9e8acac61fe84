"""One object for each distinct value a document's events repeat.

A document's events repeat a few hundred distinct strings and tuples tens of thousands of
times: the reasons ("party:Russia:Moscow", "topic:strikes:missile*"), the topic and party
tuples, the sentences a long file says again. Each event built its own copies: the 26,000
events of a 2 MB generated article held 67,000 reason strings, 337 of them distinct, and
24,500 topic tuples, 101 of them distinct. Handing each new value through `Shared` keeps
the first equal object and drops the copy; values are immutable, so sharing them changes
nothing but memory.
"""

from __future__ import annotations

from typing import Any, TypeVar

T = TypeVar("T")


class Shared:
    """A pool of values for one document: `share(value)` returns the first equal value seen
    (strings and tuples of strings only: values of other types that compare equal, like
    1 and True, would stand in for one another)."""

    __slots__ = ("_pool",)

    def __init__(self) -> None:
        self._pool: dict[Any, Any] = {}

    def __call__(self, value: T) -> T:
        found: T = self._pool.setdefault(value, value)
        return found

    def __len__(self) -> int:
        return len(self._pool)
