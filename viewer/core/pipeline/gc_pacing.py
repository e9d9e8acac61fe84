"""Fewer full garbage collections while a folder is extracted.

Extraction allocates millions of small objects (tokens, matches, mentions, events) and keeps
many of them (a folder's events) alive until it ends. With Python's default thresholds a
full collection then walks the whole heap again and again: 6-9 % of extraction's CPU (1,000
generated articles, one process: 8.1 s with the defaults, 7.3-7.6 s with these). Extraction
makes almost no reference cycles, so collecting less often frees the same memory (the
process's peak RSS was the same, 99 MB).

Within one document nothing is collected at all (`held`): a long document's events, mentions
and timexes outlive every young collection of it, so each was walked once as young and once
more in the middle generation before it reached the old one, for nothing (the 16 MB file of
`bench.pathological` spent 1.6 s of its 33 s of CPU in collections, 1.2 s with `held`; the
cycles a document makes, a few hundred objects in all, wait for the next collection after it).
"""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Callable, Iterator
from typing import ParamSpec, TypeVar

THRESHOLDS = (50_000, 20, 10)  # allocations before a young collection; young, then middle
# collections before the next older one (the defaults are 700, 10, 10)

P = ParamSpec("P")
R = TypeVar("R")


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Raise the thresholds for the duration (never lower one), then put them back."""
    saved = gc.get_threshold()
    gc.set_threshold(*(max(own, ours) for own, ours in zip(saved, THRESHOLDS, strict=False)))
    try:
        yield
    finally:
        gc.set_threshold(*saved)


def paced(function: Callable[P, R]) -> Callable[P, R]:
    """`function` run with fewer collections."""

    @functools.wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with fewer_collections():
            return function(*args, **kwargs)

    return run


@contextlib.contextmanager
def held() -> Iterator[None]:
    """No automatic collection for the duration (one document's extraction); the collector
    runs again afterwards, as it was. Left as it is when it was off already."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def for_worker() -> None:
    """A worker process does nothing but extract: its thresholds stay raised."""
    gc.set_threshold(*THRESHOLDS)
