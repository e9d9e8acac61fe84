"""Mark paragraphs that are page furniture rather than the article body.

Rules are data (`resources/boilerplate.toml`): single-line patterns, tail blocks that run to the
end of the page ("Related Articles"), and label lists ("Guests:" and the names under it). One
structural cue needs no data: a paragraph repeated verbatim (a headline printed twice) is marked
as a duplicate so it yields no second event.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from viewer.core.model import Paragraph
from viewer.core.resources import load_data, override

_LIST_LINE_MAX = 160


@dataclass(frozen=True, slots=True)
class BoilerplateRules:
    line: tuple[tuple[str, re.Pattern[str]], ...]
    tail: tuple[tuple[str, re.Pattern[str]], ...]
    label_list: tuple[tuple[str, re.Pattern[str]], ...]


def _compile(entries: list[dict[str, str]]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((e["id"], re.compile(e["pattern"], re.IGNORECASE)) for e in entries)


def _rules_from(data: dict[str, list[dict[str, str]]]) -> BoilerplateRules:
    return BoilerplateRules(
        _compile(data.get("line", [])),
        _compile(data.get("tail", [])),
        _compile(data.get("label_list", [])),
    )


@functools.cache
def _bundled() -> BoilerplateRules:
    return _rules_from(load_data("boilerplate.toml"))


def load_rules(folder: str | Path | None = None) -> BoilerplateRules:
    """The bundled rules, or the folder's extension of them (compiled once per version of
    the folder's file, not once per document)."""
    local = override("boilerplate.toml", folder)
    if local is None:
        return _bundled()
    return _folder_rules(str(folder), local.stat().st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _folder_rules(folder: str, _changed: int) -> BoilerplateRules:
    return _rules_from(load_data("boilerplate.toml", folder))


def _first_match(
    rules: tuple[tuple[str, re.Pattern[str]], ...], line: str
) -> str | None:
    for rule_id, pattern in rules:
        if pattern.match(line):
            return rule_id
    return None


def _normal(line: str) -> str:
    return " ".join(line.split()).casefold()


def mark_paragraphs(
    text: str, paras: list[Paragraph], rules: BoilerplateRules | None = None
) -> list[str | None]:
    """For each paragraph, the id of the rule that marks it as boilerplate, or None."""
    rules = rules or _bundled()
    reasons: list[str | None] = [None] * len(paras)
    seen: set[str] = set()
    list_reason: str | None = None
    for index, para in enumerate(paras):
        line = " ".join(text[para.start : para.end].split())
        tail = _first_match(rules.tail, line)
        if tail is not None:
            for rest in range(index, len(paras)):
                reasons[rest] = tail
            break
        label = _first_match(rules.label_list, line)
        if label is not None:
            reasons[index] = label
            list_reason = label
            continue
        reason = _first_match(rules.line, line)
        if list_reason is not None:
            gap = text[paras[index - 1].end : para.start].count("\n") > 1
            if reason or gap or len(line) > _LIST_LINE_MAX or line[-1] in ".!?\"”":
                list_reason = None
            else:
                reasons[index] = list_reason
                continue
        if reason is None:
            key = _normal(line)
            if key in seen and len(key) > 15:
                reason = "duplicate"
            seen.add(key)
        reasons[index] = reason
    return reasons
