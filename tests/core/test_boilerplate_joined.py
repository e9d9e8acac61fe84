"""The boilerplate rules joined into one expression per list name the same rule for every
line as trying them one at a time, and cost one match a list for each paragraph."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from viewer.core.ingest import boilerplate, segment
from viewer.core.ingest.boilerplate import BoilerplateRules, combined
from viewer.core.ingest.folder_reader import load_folder

_LISTS = ("line", "tail", "label_list")


def _one_at_a_time(rules: BoilerplateRules) -> BoilerplateRules:
    return dataclasses.replace(rules, line_any=None, tail_any=None, label_list_any=None)


def test_bundled_rules_are_joined() -> None:
    rules = boilerplate.load_rules()
    for name in _LISTS:
        assert getattr(rules, f"{name}_any") is not None, name


def test_joined_rules_name_the_same_rule_on_every_seed_line(seeds_dir: Path) -> None:
    rules = boilerplate.load_rules()
    plain = _one_at_a_time(rules)
    docs = load_folder(seeds_dir).documents
    assert docs
    lines = [" ".join(doc.text[p.start : p.end].split())
             for doc in docs for p in doc.paragraphs]
    lines += ["Read More: a headline", "READ MORE:", "related", "Related Articles",
              "Guests:", "By Jane Doe", "Photo: Reuters", "[image]", "3 of 12", "",
              "SEOUL, March 3 (Wire) -", "Hashtags", "An ordinary sentence of the body."]
    for line in lines:
        for name in _LISTS:
            ruleset = getattr(rules, name)
            assert boilerplate._first_match(ruleset, line, getattr(rules, f"{name}_any")) \
                == boilerplate._first_match(ruleset, line), (name, line)
    for doc in docs:
        paras = list(doc.paragraphs)
        assert boilerplate.mark_paragraphs(doc.text, paras, rules) == \
            boilerplate.mark_paragraphs(doc.text, paras, plain)


def test_first_rule_in_order_wins_and_case_stays_per_rule() -> None:
    rules = (("shout", re.compile(r"^[A-Z ]+$")),
             ("word", re.compile(r"^news\b", re.IGNORECASE)),
             ("any", re.compile(r"^n", re.IGNORECASE)))
    joined = combined(rules)
    assert joined is not None
    for line in ("NEWS", "News today", "nothing", "Other", "NEWS today"):
        assert boilerplate._first_match(rules, line, joined) == \
            boilerplate._first_match(rules, line), line


def test_rules_that_cannot_be_joined_are_tried_one_at_a_time() -> None:
    grouped = (("twice", re.compile(r"^(\w+) \1$")),)
    flagged = (("verbose", re.compile(r"(?x) ^ a  b")),)
    assert combined(grouped) is None  # a back reference: its group's number would shift
    assert combined(flagged) is None  # a flag that must open the expression
    assert combined(()) is None
    folder_rules = boilerplate._rules_from({"line": [{"id": "twice", "pattern": r"^(\w+) \1$"}]})
    assert folder_rules.line_any is None
    assert boilerplate.mark_paragraphs("go go", segment.paragraphs("go go"),
                                       folder_rules) == ["twice"]


class _Counting:
    """A joined expression that counts its matches."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.calls = pattern, 0

    def match(self, line: str) -> re.Match[str] | None:
        self.calls += 1
        return self.pattern.match(line)


def test_one_match_per_list_for_each_paragraph() -> None:
    rules = boilerplate.load_rules()
    counters = {name: _Counting(getattr(rules, f"{name}_any")) for name in _LISTS}
    counted = dataclasses.replace(rules, **{f"{name}_any": counter
                                            for name, counter in counters.items()})
    paragraphs = 2_000
    text = "\n\n".join(f"Officials met on day {n} to discuss the plan." for n in range(paragraphs))
    paras = segment.paragraphs(text)
    assert len(paras) == paragraphs
    assert boilerplate.mark_paragraphs(text, paras, counted) == [None] * paragraphs
    # a tail and a label list match no body line: each list is asked once a paragraph
    for name, counter in counters.items():
        assert counter.calls == paragraphs, name
