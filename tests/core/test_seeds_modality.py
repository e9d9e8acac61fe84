"""Modality and speakers on the seeds, hand-checked: plans read as plans, accusations as claims
with the accuser as speaker, pronouns and quotes attributed to the right person."""

from __future__ import annotations

import re

import pytest

from tests.conftest import copy_seeds
from viewer.core.pipeline.folder_extraction import FolderExtraction, extract_folder

# "plan" as a verb: "negotiators plan for", "planned", not the noun in "a peace plan".
PLAN = re.compile(r"\b(?:will|plans?\s+(?:to|for)|planned|planning|set to|"
                  r"next (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b", re.IGNORECASE)
CLAIM = re.compile(r"\b(?:accus|alleg|claim)\w*", re.IGNORECASE)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> FolderExtraction:
    return extract_folder(copy_seeds(tmp_path_factory.mktemp("seeds")), use_cache=False)


def test_plans_are_planned_or_possible(seeds: FolderExtraction) -> None:
    plans = [e for e in seeds.events if PLAN.search(e.text)]
    assert len(plans) >= 8
    wrong = [(e.modality, e.text[:80]) for e in plans if e.modality not in ("planned", "possible")]
    assert not wrong


def test_accusations_are_claims_with_their_speaker(seeds: FolderExtraction) -> None:
    claims = [e for e in seeds.events if CLAIM.search(e.text)]
    assert len(claims) >= 2
    assert {(e.modality, e.speaker) for e in claims} == {
        ("claimed", "Volodymyr Zelensky"), ("claimed", "Russia")}


@pytest.mark.parametrize(("fragment", "speaker"), [
    ("He vowed to respond fairly", "Volodymyr Zelensky"),
    ("“The question for the Russians is", "Volodymyr Zelensky"),  # a quote after “…,” he said.
    ("Six others were admitted to hospital, he said", "Viacheslav Chaus"),
    ("Kremlin spokesperson Dmitry Peskov underscored", "Dmitry Peskov"),
    ("Ukrainian officials said dozens of missiles", "Ukraine"),
    ("Kyiv characterized the attacks", "Ukraine"),
    ("Russia continues to demand full control", "Russia"),
    ("as confirmed by Ukrainian President Volodymyr Zelensky", "Volodymyr Zelensky"),
    ("On Wednesday, Russian forces launched an attack", ""),
])
def test_seed_speakers(seeds: FolderExtraction, fragment: str, speaker: str) -> None:
    event = next(e for e in seeds.events if fragment in e.text)
    assert event.speaker == speaker
