"""Modality rules against a table of sentences (tests/data/modality_cases.toml), their folder
override, and their cost."""

from __future__ import annotations

import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from viewer.core.events import modality as modality_module
from viewer.core.events.modality import load_rules, modality_of, with_speaker
from viewer.core.resources import rule_problems

CASES = tomllib.loads(
    (Path(__file__).parents[1] / "data" / "modality_cases.toml").read_text(encoding="utf-8")
)["case"]


@pytest.mark.parametrize("case", CASES, ids=[c["sentence"][:40] for c in CASES])
def test_modality_table(case: dict[str, Any]) -> None:
    sentence = case["sentence"]
    anchor = sentence.index(case["anchor"]) if "anchor" in case else None
    found = modality_of(sentence, anchor, case.get("future", False))
    if case.get("spoken"):
        found = with_speaker(found)
    assert found == case["modality"]


def test_every_modality_has_a_case() -> None:
    modalities = load_rules().modality.values()
    assert set(modalities) <= {c["modality"] for c in CASES}


def test_with_speaker_makes_a_plain_statement_a_claim() -> None:
    assert with_speaker("happened") == "claimed"
    assert with_speaker("planned") == "planned"


def test_folder_rules_extend_or_replace(tmp_path: Path) -> None:
    local = tmp_path / ".timeline-viewer"
    local.mkdir()
    (local / "modality.toml").write_text(
        '[group.plan]\ncues = ["penciled in"]\n', encoding="utf-8")
    rules = load_rules(tmp_path)
    assert modality_of("The vote is penciled in for May.", rules=rules) == "planned"
    assert modality_of("Talks will resume.", rules=rules) == "planned"  # bundled cues stay
    (local / "modality.toml").write_text(
        'replace = true\nprecedence = ["rumour"]\n'
        '[group.rumour]\nmodality = "possible"\nscope = "clause"\ncues = ["rumoured"]\n',
        encoding="utf-8")
    rules = load_rules(tmp_path)
    assert modality_of("Talks will resume.", rules=rules) == "happened"
    assert modality_of("A deal is rumoured.", rules=rules) == "possible"


def count_lines(call: Callable[[], object], filename: str) -> int:
    """Lines of `filename` executed by `call`: an operation count that wall time can't skew."""
    count = 0

    def tracer(frame: FrameType, event: str, arg: object) -> Any:
        nonlocal count
        if frame.f_code.co_filename == filename:
            if event == "line":
                count += 1
            return tracer
        return tracer

    sys.settrace(tracer)
    try:
        call()
    finally:
        sys.settrace(None)
    return count


def test_linear_in_sentence_length() -> None:
    clause = "officials said the talks may resume, while Russia denied it had agreed to a truce"
    rules = load_rules()
    costs = [count_lines(lambda n=n: modality_of(", ".join([clause] * n), rules=rules),
                         modality_module.__file__) for n in (10, 40)]
    assert costs[1] < 4.5 * costs[0]


def test_joined_cues_stay_linear() -> None:
    """Each "and would" looks back a bounded stretch; the speech verb is found once per
    sentence, not once per cue."""
    clause = "the ministry said it regretted the step and would appeal and that it would wait"
    rules = load_rules()
    assert modality_of(clause, rules=rules) == "happened"
    costs = [count_lines(lambda n=n: modality_of(" ".join([clause] * n), rules=rules),
                         modality_module.__file__) for n in (10, 40)]
    assert costs[1] < 4.5 * costs[0]


def test_a_misshapen_folder_file_is_reported_not_fatal(tmp_path: Path) -> None:
    local = tmp_path / ".timeline-viewer"
    local.mkdir()
    (local / "modality.toml").write_text('precedence = "plan"\n', encoding="utf-8")
    (local / "speakers.toml").write_text("verbs = [", encoding="utf-8")
    assert {p.path.rsplit("/", 1)[-1] for p in rule_problems(tmp_path)} >= {
        "modality.toml", "speakers.toml"}
    assert modality_of("Talks will resume.", rules=load_rules(tmp_path)) == "planned"


def test_a_group_without_a_modality_is_harmless(tmp_path: Path) -> None:
    local = tmp_path / ".timeline-viewer"
    local.mkdir()
    (local / "modality.toml").write_text('[group.odd]\ncues = ["odd"]\n', encoding="utf-8")
    assert modality_of("An odd thing happened.", rules=load_rules(tmp_path)) == "happened"
