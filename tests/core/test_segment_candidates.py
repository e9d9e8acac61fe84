"""The scan for sentence-final punctuation: the same runs as the plain form of its pattern,
found by skipping along to the punctuation rather than trying the pattern everywhere."""

from __future__ import annotations

import importlib
import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.ingest import segment

# The pattern as first written: a run of full stops, question or exclamation marks, or one
# ellipsis character, then closing quotes or brackets, before white space or the end.
_PLAIN = re.compile(r"(?:[.!?]+|…)[\"'”’»)\]]*(?=(\s+|$))")
_CHARS = ".!?…\"'”’»)] \n\tab."

sre_compiler: Any = importlib.import_module("re._compiler")
sre_parser: Any = importlib.import_module("re._parser")


def _runs(pattern: re.Pattern[str], text: str) -> list[tuple[Any, ...]]:
    return [(m.span(), m.span(1), m.group()) for m in pattern.finditer(text)]


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_CHARS, max_size=16))
def test_the_scan_finds_what_the_plain_pattern_finds(text: str) -> None:
    assert _runs(segment._CANDIDATE, text) == _runs(_PLAIN, text)


def test_the_scan_finds_the_runs_news_writes() -> None:
    text = 'He left… Then "Why?" she asked!! (See above.) U.S. troops… …. Done.'
    assert _runs(segment._CANDIDATE, text) == _runs(_PLAIN, text)
    assert [m.group() for m in segment._CANDIDATE.finditer(text)] == [
        "…", '?"', "!!", ".)", ".", "…", ".", "."]


def test_the_scan_opens_with_a_character_set_the_engine_skips_along_to() -> None:
    """A pattern opening with a group of alternatives (as `_PLAIN` does) has no such set:
    the engine then tries the whole pattern at every character of the text."""
    def charset_prefix(pattern: re.Pattern[str]) -> Any:
        parsed = sre_parser.parse(pattern.pattern, pattern.flags)
        return sre_compiler._get_charset_prefix(parsed, pattern.flags | parsed.state.flags)

    assert charset_prefix(segment._CANDIDATE)
    assert not charset_prefix(_PLAIN)
