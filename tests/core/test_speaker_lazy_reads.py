"""The speaker pass works out a sentence's subject and the titles of the people named only
when something asks for them, and gives the answers it gave when it worked them out at once:
counted in calls (a document whose sentences name their speakers asks for neither)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.core.test_speaker_short_paths import _speaker_inputs
from viewer.core.events.speaker_memory import SpeakerMemory
from viewer.core.events.speakers import find_speakers


def _inputs(text: str) -> tuple[Any, ...]:
    return _speaker_inputs(text, {})


def _counted(monkeypatch: pytest.MonkeyPatch, name: str) -> list[int]:
    calls = [0]
    original = getattr(SpeakerMemory, name)

    def counted(self: SpeakerMemory, *args: Any) -> Any:
        calls[0] += 1
        return original(self, *args)

    monkeypatch.setattr(SpeakerMemory, name, counted)
    return calls


NAMED = ("Date: 2024-06-01\n\nHealth Minister Samuel Kamba said the clinics would reopen. "
         "Kremlin spokesperson Dmitry Peskov said talks went on.\n")


def test_sentences_that_name_their_speaker_ask_for_no_subject_nor_title(
        monkeypatch: pytest.MonkeyPatch) -> None:
    subjects = _counted(monkeypatch, "_subject")
    titles = _counted(monkeypatch, "_titles")
    found = find_speakers(*_inputs(NAMED))
    assert [s.name if s else None for s in found][-2:] == ["Samuel Kamba", "Dmitry Peskov"]
    assert subjects[0] == 0
    assert titles[0] == 0


def test_a_bare_title_reads_the_titles_named_before_it() -> None:
    text = NAMED.replace("talks went on.", "talks went on. The minister added that it was so.")
    found = find_speakers(*_inputs(text))
    assert found[-1] is not None and found[-1].name == "Samuel Kamba"


def test_a_pronoun_still_finds_the_sentence_subject() -> None:
    text = ("Date: 2024-06-01\n\nPresident William Ruto visited the port on Monday. "
            "The clinics would reopen, according to him.\n")
    found = find_speakers(*_inputs(text))
    assert found[-1] is not None and found[-1].name == "William Ruto"
