"""Mark paragraphs that are page furniture rather than the article body.

Rules are data (`resources/boilerplate.toml`): single-line patterns, tail blocks that run to the
end of the page ("Related Articles"), and label lists ("Guests:" and the names under it). A line
rule may also mark its neighbour as a caption (`caption = "previous"` for a photo credit or a
gallery counter under a caption, `"next"` for an image above one), and may ask for case to count
(`case = true`, for subheadings in capitals). One structural cue needs no data: a paragraph
repeated verbatim (a headline printed twice) is marked as a duplicate so it yields no second
event.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from viewer.core.model import Paragraph
from viewer.core.resources import build_for_folder, load_data, override

_LIST_LINE_MAX = 160
_CAPTION_MAX = 400  # a neighbour longer than this is body text, not a caption
_MARKER_MAX = 60  # a credit or counter longer than this carries its own caption
_BULLET = ("•", "- ", "– ", "— ", "* ", "· ")
Rule = tuple[str, re.Pattern[str]]


@dataclass(frozen=True, slots=True)
class BoilerplateRules:
    line: tuple[Rule, ...]
    tail: tuple[Rule, ...]
    label_list: tuple[Rule, ...]
    caption_previous: frozenset[str] = frozenset()  # ids of line rules whose match has a
    caption_next: frozenset[str] = frozenset()  # caption just before / after it
    # Each list's rules as one expression (`combined`); None: tried one at a time.
    line_any: re.Pattern[str] | None = None
    tail_any: re.Pattern[str] | None = None
    label_list_any: re.Pattern[str] | None = None


def _compile(entries: list[dict[str, Any]]) -> tuple[Rule, ...]:
    return tuple((e["id"], re.compile(e["pattern"], 0 if e.get("case") else re.IGNORECASE))
                 for e in entries)


def combined(rules: tuple[Rule, ...]) -> re.Pattern[str] | None:
    """The rules as one alternation, each rule a named group in its own place: one match at
    a line's start then names the first rule that matches there (an alternation tries its
    branches in order, as `_first_match` tries the rules), where each paragraph cost a call
    per rule. None where they cannot be joined as written: no rules, a rule with groups of
    its own (their numbers and names would shift), or a flag that must open an expression."""
    if not rules or any(pattern.groups for _, pattern in rules):
        return None
    branches = "|".join(
        f"(?P<r{index}>(?{'i' if pattern.flags & re.IGNORECASE else ''}:{pattern.pattern}))"
        for index, (_, pattern) in enumerate(rules))
    try:
        joined = re.compile(branches)
    except re.error:
        return None
    return joined if joined.groups == len(rules) else None


def _rules_from(data: dict[str, list[dict[str, Any]]]) -> BoilerplateRules:
    lines = data.get("line", [])
    line, tail = _compile(lines), _compile(data.get("tail", []))
    label_list = _compile(data.get("label_list", []))
    return BoilerplateRules(
        line, tail, label_list,
        frozenset(e["id"] for e in lines if e.get("caption") == "previous"),
        frozenset(e["id"] for e in lines if e.get("caption") == "next"),
        combined(line), combined(tail), combined(label_list),
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
    return build_for_folder("boilerplate.toml", folder, _rules_from)


def _first_match(
    rules: tuple[tuple[str, re.Pattern[str]], ...], line: str,
    joined: re.Pattern[str] | None = None,
) -> str | None:
    """The id of the first rule that matches at the start of `line`; `joined`: the rules as
    one expression (`combined`), where they could be joined."""
    if joined is not None:
        found = joined.match(line)
        return rules[int(found.lastgroup[1:])][0] if found and found.lastgroup else None
    for rule_id, pattern in rules:
        if pattern.match(line):
            return rule_id
    return None


def mark_paragraphs(
    text: str, paras: list[Paragraph], rules: BoilerplateRules | None = None
) -> list[str | None]:
    """For each paragraph, the id of the rule that marks it as boilerplate, or None."""
    rules = rules or _bundled()
    reasons: list[str | None] = [None] * len(paras)
    seen: set[str] = set()
    list_reason: str | None = None
    pending_caption = -1
    for index, para in enumerate(paras):
        line = " ".join(text[para.start : para.end].split())
        tail = _first_match(rules.tail, line, rules.tail_any)
        if tail is not None:
            for rest in range(index, len(paras)):
                reasons[rest] = tail
            break
        label = _first_match(rules.label_list, line, rules.label_list_any)
        if label is not None:
            reasons[index] = label
            list_reason = label
            continue
        reason = _first_match(rules.line, line, rules.line_any)
        if list_reason is not None:
            gap = text[paras[index - 1].end : para.start].count("\n") > 1
            bullet = line.startswith(_BULLET)
            if reason or (gap and not bullet) or len(line) > _LIST_LINE_MAX or (
                    line[-1] in ".!\"”" and not bullet):
                list_reason = None
            else:
                reasons[index] = list_reason
                continue
        if reason is None:
            key = line.casefold()  # (`line` has its white space collapsed already)
            if key in seen and len(key) > 15:
                reason = "duplicate"
            seen.add(key)
        reasons[index] = reason
        if reason in rules.caption_previous and len(line) <= _MARKER_MAX:
            _caption_beside(text, paras, reasons, index)
        if reason in rules.caption_next and index + 1 < len(paras):
            pending_caption = index + 1
        elif pending_caption == index and reasons[index] is None:
            _caption(text, paras, reasons, index)
    return reasons


def _caption_beside(text: str, paras: list[Paragraph], reasons: list[str | None],
                    index: int) -> None:
    """A credit or gallery counter belongs to the caption it touches: the neighbour with
    fewer line breaks between them (the one above on a tie)."""
    before = text.count("\n", paras[index - 1].end, paras[index].start) if index else 99
    after = (text.count("\n", paras[index].end, paras[index + 1].start)
             if index + 1 < len(paras) else 99)
    if min(before, after) < 99:
        _caption(text, paras, reasons, index - 1 if before <= after else index + 1)


def _caption(text: str, paras: list[Paragraph], reasons: list[str | None], index: int) -> None:
    """Mark a short unmarked paragraph beside a photo credit, gallery counter or image."""
    para = paras[index]
    if reasons[index] is None and para.end - para.start <= _CAPTION_MAX:
        reasons[index] = "caption"


_PART_RULES = frozenset({"dateline"})  # line rules that also apply to a clause of a sentence


def furniture_clause(text: str) -> bool:
    """Whether a dated clause split off a sentence is furniture by itself: the dateline
    "JERUSALEM/GAZA, Feb 10 (Levant Wire)" before the lead's dash is where and when the
    story was filed, not an event (its day still serves as the story's news day)."""
    clause = text.strip()
    return any(rule_id in _PART_RULES and pattern.match(clause)
               for rule_id, pattern in _bundled().line)
