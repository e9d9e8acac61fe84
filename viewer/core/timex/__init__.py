"""Temporal tagger: find time expressions and normalise them to TimeML TIMEX3 values.

Rules and tables are data (`resources/timex.toml`); this package is the engine that compiles
them into one pattern, scans a text once, and resolves each match against the document's
creation time, the tense of its clause and the narrative's latest date.

The tagger is imported when first named: a window showing a folder from its snapshot reads
time expressions (`Timex`) but tags none, and importing the tagger's tables cost about a
tenth of a second before the first paint.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from viewer.core.timex.model import Timex

if TYPE_CHECKING:
    from viewer.core.timex.tagger import Tagger, tag

__all__ = ["Tagger", "Timex", "tag"]


def __getattr__(name: str) -> Any:
    """`Tagger` and `tag`, from the tagger's module on first use."""
    if name in ("Tagger", "tag"):
        return getattr(importlib.import_module("viewer.core.timex.tagger"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
