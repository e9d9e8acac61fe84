"""The replay bench records what extraction hands the speaker and people stages, puts the
stages back, and replays each on its own inputs to the same answers."""

from __future__ import annotations

import shutil
from pathlib import Path

from bench.stage_replay import _STAGES, measure, record
from viewer.core.events import document_extraction, sentence_readings

ROOT = Path(__file__).resolve().parents[1]


def _folder(tmp_path: Path) -> Path:
    for path in sorted((ROOT / "seeds").glob("*.txt"))[:3]:
        shutil.copy(path, tmp_path / path.name)
    shutil.copy(ROOT / "seeds" / "timeline-viewer.ini", tmp_path / "timeline-viewer.ini")
    return tmp_path


def test_the_stages_are_replayed_and_put_back(tmp_path: Path) -> None:
    before = [getattr(module, name) for pairs in _STAGES.values() for module, name in pairs]
    out = measure(_folder(tmp_path), rounds=1)
    assert [getattr(module, name) for pairs in _STAGES.values()
            for module, name in pairs] == before
    speakers, people = out["stages"]["speakers"], out["stages"]["people"]
    assert speakers["calls"] == 2 * 3  # one find and one add per document
    assert speakers["sentences"] == people["sentences"] > 0
    assert people["calls"] > 0 and speakers["min_cpu_s"] > 0


def test_a_replay_gives_the_answers_of_the_extraction(tmp_path: Path) -> None:
    """The recorded inputs are those the stages saw: replayed, they give the same speakers
    and names (`add_speakers`' lists were copied before it changed them)."""
    _, _, calls = record(_folder(tmp_path))
    for name, (args, kwargs) in calls["speakers"]:
        if name == "find_speakers":
            first = document_extraction.find_speakers(*args, **kwargs)
            assert first == document_extraction.find_speakers(*args, **kwargs)
            assert any(found is not None for found in first)
        else:
            events = list(args[0])
            document_extraction.add_speakers(events, list(args[1]), *args[2:], **kwargs)
            assert len(events) == len(args[0])
    for name, (args, kwargs) in calls["people"]:
        if name == "people_by_sentence":
            assert len(sentence_readings.people_by_sentence(*args, **kwargs)) == len(args[1])
