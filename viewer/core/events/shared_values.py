"""One object for each distinct value a document's events repeat.

A document's events repeat a few hundred distinct strings and tuples tens of thousands of
times: the reasons ("party:Russia:Moscow", "topic:strikes:missile*"), the topic and party
tuples, the sentences a long file says again. Each event built its own copies: the 26,000
events of a 2 MB generated article held 67,000 reason strings, 337 of them distinct, and
24,500 topic tuples, 101 of them distinct. Looking each new value up in a pool keeps the
first equal object and drops the copy; values are immutable, so sharing them changes
nothing but memory.
"""

from __future__ import annotations

from typing import Any


class Shared(dict[Any, Any]):
    """A pool for one document: `pool[value]` is the first value equal to `value` it saw.

    A lookup that finds its value stays in C (a method of our own cost 1.4 % of a 16 MB
    file's extraction); only a new value calls `__missing__`. For strings and tuples of
    strings only: values of other types that compare equal (1 and True) would stand in for
    one another.
    """

    __slots__ = ()

    def __missing__(self, value: Any) -> Any:
        self[value] = value
        return value
