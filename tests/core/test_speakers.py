"""Speakers against a table of short articles (tests/data/speaker_cases.toml), and their cost."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from tests.core.test_modality import count_lines
from viewer.core.events import speakers as speakers_module
from viewer.core.events.gazetteer_build import load_gazetteer
from viewer.core.events.people import find_people
from viewer.core.events.speakers import find_speakers
from viewer.core.ingest.folder_reader import build_document
from viewer.core.model import Document
from viewer.core.pipeline.folder_extraction import FolderExtraction, extract_folder

CASES = tomllib.loads(
    (Path(__file__).parents[1] / "data" / "speaker_cases.toml").read_text(encoding="utf-8")
)["case"]
EXPECTED = [(c["name"], e) for c in CASES for e in c["expect"]]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> FolderExtraction:
    root = tmp_path_factory.mktemp("speakers")
    for case in CASES:
        (root / f"{case['name']}.txt").write_text(
            f"Date: {case['date']}\n\n{case['text'].strip()}\n", encoding="utf-8")
    return extract_folder(root, use_cache=False)


@pytest.mark.parametrize(("name", "expect"), EXPECTED,
                         ids=[f"{n}:{e['fragment'][:24]}" for n, e in EXPECTED])
def test_speaker_table(folder: FolderExtraction, name: str, expect: dict[str, Any]) -> None:
    found = [e for e in folder.events
             if e.document == f"{name}.txt" and expect["fragment"] in e.text]
    assert found, f"no event with {expect['fragment']!r}"
    event = found[0]
    assert event.speaker == expect["speaker"]
    assert set(expect["parties"]) <= set(event.parties)
    if "modality" in expect:
        assert event.modality == expect["modality"]


def test_linear_in_document_length() -> None:
    paragraph = ("Kremlin spokesperson Dmitry Peskov said Russia would respond. “We are ready,” "
                 "he said. “But not now.” Ukrainian officials said the strike hit a hospital. "
                 "They added that two nurses died, according to the ministry.\n\n")
    gazetteer = load_gazetteer()

    def run(copies: int) -> int:
        doc = build_document(".", "x.txt", paragraph * copies)
        assert isinstance(doc, Document)
        spans = [(s.start, s.end, s.paragraph, False) for s in doc.sentences]
        parties = [gazetteer.mentions(doc.text, a, b) for a, b, _, _ in spans]
        people = [find_people(doc.text, [(a, b)], gazetteer, mentions=parties[i])
                  for i, (a, b, _, _) in enumerate(spans)]
        return count_lines(lambda: find_speakers(doc.text, spans, people, parties),
                           speakers_module.__file__)

    small, large = run(10), run(40)
    assert large < 4.5 * small
