"""The trigger forms a process may never use are compiled only when first asked to match."""

from __future__ import annotations

import datetime as dt
import re

from viewer.core.resources import load_data
from viewer.core.timex import Tagger
from viewer.core.timex.deferred_pattern import DeferredPattern
from viewer.core.timex.lexicon import build


def test_deferred_pattern_matches_as_compiled() -> None:
    deferred = DeferredPattern(r"\bon (\w+)day\b", re.IGNORECASE)
    compiled = re.compile(deferred.pattern, deferred.flags)
    text = "Talks ended On Tuesday and resumed on Friday."
    assert deferred._compiled is None
    assert [m.span() for m in deferred.finditer(text)] == [
        m.span() for m in compiled.finditer(text)]
    assert deferred.search(text, 20).span() == compiled.search(text, 20).span()  # type: ignore[union-attr]
    assert deferred.match(text, 12) is not None and deferred.fullmatch(text) is None


def test_plain_text_leaves_the_other_triggers_uncompiled() -> None:
    lex = build(load_data("timex.toml"))
    found = Tagger(lex).tag("The ministers met on Tuesday and will meet again next week.",
                            dt.date(2024, 6, 5))
    assert [t.text for t in found] == ["Tuesday", "next week"]
    assert isinstance(lex.scan.trigger, DeferredPattern)
    assert isinstance(lex.scan.trigger_any_case, DeferredPattern)
    assert lex.scan.trigger._compiled is None and lex.scan.trigger_any_case._compiled is None
    Tagger(lex).tag("Le ministre est arrivé on Tuesday.", dt.date(2024, 6, 5))  # "é": Unicode
    assert lex.scan.trigger._compiled is not None
