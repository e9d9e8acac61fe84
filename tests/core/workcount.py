"""Count the work a call does, so growth with input size is tested without a clock.

Two counts, added together: Python lines executed (catches loops written in Python) and the
characters of text handed to regular-expression calls (catches a C-level scan repeated per
item, such as a search from the start of a paragraph at every full stop).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType, ModuleType
from typing import Any


class CountingPattern:
    """Stands in for a compiled pattern and counts the characters each call may scan."""

    def __init__(self, pattern: re.Pattern[str], counter: list[int]) -> None:
        self._pattern = pattern
        self._counter = counter

    def _span(self, text: str, pos: int = 0, endpos: int | None = None) -> None:
        end = len(text) if endpos is None else min(endpos, len(text))
        self._counter[0] += max(0, end - pos)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        self._span(text, pos, endpos)
        return self._pattern.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        # A match is anchored: count what it consumed, not the rest of the text.
        found = self._pattern.match(text, pos, endpos)
        self._counter[0] += 1 + (found.end() - pos if found else 0)
        return found

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        self._span(text, pos, endpos)
        return self._pattern.finditer(text, pos, endpos)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pattern, name)


@contextmanager
def counting_patterns(module: ModuleType, counter: list[int]) -> Iterator[None]:
    """Replace every module-level compiled pattern of `module` with a counting one."""
    saved = {k: v for k, v in vars(module).items() if isinstance(v, re.Pattern)}
    try:
        for name, pattern in saved.items():
            setattr(module, name, CountingPattern(pattern, counter))
        yield
    finally:
        for name, pattern in saved.items():
            setattr(module, name, pattern)


def lines_run(call: Callable[[], object], counter: list[int]) -> None:
    """Run `call`, adding the number of Python lines it executes to the counter."""

    def trace(frame: FrameType, event: str, arg: object) -> Any:
        if event == "line":
            counter[0] += 1
        return trace

    sys.settrace(trace)
    try:
        call()
    finally:
        sys.settrace(None)


def growth(work: Callable[[int], int], small: int = 1, large: int = 4) -> float:
    """How much more work `large` copies of an input cost than `small` copies (after a first
    run, so loading rules and filling caches is not counted)."""
    work(small)
    return work(large) / max(1, work(small))


def count_sorts(monkeypatch: Any) -> list[int]:
    """From now on, count NumPy's argsort and lexsort calls (in the returned one-item list):
    a path that must reuse a saved or cached order asserts the count stays 0."""
    import numpy as np

    sorts = [0]
    real = np.argsort

    def counted(*args: Any, **kwargs: Any) -> Any:
        sorts[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(np, "argsort", counted)
    monkeypatch.setattr(np, "lexsort", counted)
    return sorts


def work_extracting(text: str, date: str, *modules: ModuleType) -> int:
    """Lines run, and pattern calls made by `modules`, while one document of `text` dated
    `date` is extracted."""
    import contextlib

    from viewer.core.events.document_extraction import extract_document
    from viewer.core.events.gazetteer_build import load_gazetteer
    from viewer.core.events.topics import load_taxonomy
    from viewer.core.ingest.folder_reader import build_document
    from viewer.core.model import Document
    from viewer.core.timex import Tagger

    counter = [0]
    doc = build_document("folder", "x.txt", text, side={"date": date})
    assert isinstance(doc, Document)
    tagger, gazetteer, taxonomy = Tagger(), load_gazetteer(), load_taxonomy()
    with contextlib.ExitStack() as patterns:
        for module in modules:
            patterns.enter_context(counting_patterns(module, counter))
        lines_run(lambda: extract_document(doc, tagger, gazetteer, taxonomy), counter)
    return counter[0]
