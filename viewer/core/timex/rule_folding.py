"""A rule's pattern for the lowercased text: the same matches, without ignoring case.

A rule is compiled to ignore case, and the engine then lowers each character it compares
and cannot skip an alternative by its first character (it does so only for plain
literals and sets): a rule that fails, or an "about |nearly |some |..." it skips, enters
every alternative. Matched against the lowercased text (which the tagger's scan reads
already), the rule with its letters lowered and case no longer ignored finds the same
spans and the same groups, lowercased: a third less time in the rules' own matches
(`Tagger` uses it for rules whose value never reads the case of their words).

That holds where lowering the text changes only what ignoring case would not tell apart:
`lowered_folding` says so of a text (every character beyond ASCII without a case, and
none that ignoring case reads as a letter it is not: "ı" and "ſ" match "i" and "s").
A pattern that cannot be folded so (a part that minds case, a back-reference, a class
of letters beyond ASCII) gets None and is matched as it is.
"""

from __future__ import annotations

import copy
import functools
import importlib
import re
from typing import Any

from viewer.core.timex.rule_index import ascii_reading, parsed

# The standard library's regex parser and compiler (no public equivalent): a parse tree
# is compiled as `re.compile` would compile the pattern it was parsed from.
_sre: Any = importlib.import_module("re._constants")
_parser: Any = importlib.import_module("re._parser")
_compiler: Any = importlib.import_module("re._compiler")

_ASCII_BYTES = bytes(range(128))
_READ_AS_LETTERS = ("ı", "ſ")  # caseless, yet matched as "i" and "s" when case is ignored


class _Unfoldable(Exception):
    """The pattern holds something this module does not fold."""


@functools.lru_cache(maxsize=1024)
def folded_pattern(body: str) -> re.Pattern[str] | None:
    """`body` (compiled elsewhere with re.IGNORECASE) for text lowercased as `str.lower`
    does, without ignoring case; None when it cannot be folded. Built from the parse the
    rule index reads (`rule_index.parsed`), which is left as it is; kept as `re.compile`
    keeps the rules' own patterns, for a folder's rules built on the bundled ones."""
    try:
        tree = parsed(body)
        state = copy.copy(tree.state)
        state.flags &= ~re.IGNORECASE
        folded = _fold(tree, state)
    except (_Unfoldable, re.error):
        return None
    pattern: re.Pattern[str] = _compiler.compile(folded, state.flags)
    return pattern


def _lower(code: int) -> int:
    char = chr(code)
    if char.isascii():
        return ord(char.lower())
    if char.lower() == char == char.upper() and char not in _READ_AS_LETTERS:
        return code  # a dash, a curly quote: nothing to fold
    raise _Unfoldable(char)


def _fold_set(items: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    folded: list[tuple[Any, Any]] = []
    for op, arg in items:
        if op is _sre.LITERAL:
            folded.append((op, _lower(arg)))
        elif op is _sre.RANGE:
            low, high = arg
            if high >= 128:
                raise _Unfoldable("a range beyond ASCII")
            codes = sorted({_lower(code) for code in range(low, high + 1)})
            folded.extend((_sre.LITERAL, code) for code in codes)
        elif op in (_sre.NEGATE, _sre.CATEGORY):
            folded.append((op, arg))  # a class of the lowered character, as ignoring case
        else:
            raise _Unfoldable(op)
    return folded


def _fold(pattern: Any, state: Any) -> Any:
    """A copy of a parsed (sub)pattern, all of which ignores case, with its letters
    lowered, in the parse state `state`."""
    items: list[tuple[Any, Any]] = []
    for op, arg in pattern.data:
        if op in (_sre.LITERAL, _sre.NOT_LITERAL):
            items.append((op, _lower(arg)))
        elif op is _sre.IN:
            items.append((op, _fold_set(arg)))
        elif op is _sre.BRANCH:
            items.append((op, (arg[0], [_fold(branch, state) for branch in arg[1]])))
        elif op is _sre.SUBPATTERN:
            if arg[2] & re.IGNORECASE:
                raise _Unfoldable("a part that minds case")
            items.append((op, (*arg[:3], _fold(arg[3], state))))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            items.append((op, (arg[0], arg[1], _fold(arg[2], state))))
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            items.append((op, (arg[0], _fold(arg[1], state))))
        elif op is _sre.ATOMIC_GROUP:
            items.append((op, _fold(arg, state)))
        elif op in (_sre.ANY, _sre.AT):
            items.append((op, arg))
        else:
            raise _Unfoldable(op)
    return _parser.SubPattern(state, items)


def lowered_folding(text: str) -> tuple[str, bool, bool]:
    """`text.lower()`; whether ASCII classes (\\w, \\d, \\s) read it as Unicode ones do
    (no character beyond ASCII is a letter, digit or white space: curly quotes and dashes
    are none, in either reading); and whether folded patterns find in it what the rules
    find in `text` (`folded_pattern`). Where no character beyond ASCII has a lower case,
    lowering the UTF-8 bytes, which changes only A-Z, gives the same string: a third of
    the time of `str.lower` on text that holds such characters."""
    if text.isascii():
        return text.lower(), True, True
    data = text.encode("utf-8", "surrogatepass")
    wide = set(data.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass"))
    if any(c.lower() != c for c in wide):
        lowered = text.lower()
        return lowered, ascii_reading(lowered), False
    return (data.lower().decode("utf-8", "surrogatepass"),
            not any(c.isalnum() or c.isspace() for c in wide),
            not any(c in wide for c in _READ_AS_LETTERS))
