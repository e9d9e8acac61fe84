"""Temporal tagger: find time expressions and normalise them to TimeML TIMEX3 values.

Rules and tables are data (`resources/timex.toml`); this package is the engine that compiles
them into one pattern, scans a text once, and resolves each match against the document's
creation time, the tense of its clause and the narrative's latest date.
"""

from __future__ import annotations

from viewer.core.timex.model import Timex
from viewer.core.timex.tagger import Tagger, tag

__all__ = ["Tagger", "Timex", "tag"]
