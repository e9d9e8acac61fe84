"""The event scorer: speaker names compared after normalising, modality and speaker accuracy
counted only where annotated, undated events, unseen-story folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.events import same_speaker, score


@pytest.mark.parametrize(("gold", "got", "same"), [
    ("", "", True),
    ("", "Dmitry Peskov", False),
    ("Dmitry Peskov", "", False),
    ("Zelensky", "Volodymyr Zelenskyy", True),
    ("Volodymyr Zelensky", "Volodymyr Zelenskiy", True),
    ("Volodymyr Zelensky", "Oleksandr Zelensky", False),
    ("the Kremlin", "Kremlin", True),
    ("Ukraine's air force", "Ukraine air force", True),
    # A state's own officials or body are that state, as the unseen sample's README writes them.
    ("Ukrainian officials", "Ukrainian authorities", True),
    ("the Turkish foreign ministry", "Turkey", True),
    ("a Qatari official", "Qatar", True),
    ("Egyptian state media", "Egypt", False),
    ("Ukrainian officials", "Ukrainian media", False),
    ("Donald Trump; Vladimir Putin", "Vladimir Putin; Donald Trump", True),
    ("Donald Trump and Vladimir Putin", "Donald Trump", False),
    ("Zoë Müller", "Zoe Muller", True),
    ("WHO", "World Health Organization", True),
    ("the Kremlin", "Russia", True),
    ("US; EU", "United States; European Union", True),
    # A source named with a place or affiliation after it is that source.
    ("analysts", "Analysts in Shanghai", True),
    ("staff at the city hospital", "Staff at the city hospital in Aden", True),
    ("officials in Kyiv", "officials in Moscow", False),
    ("officials", "officials said", False),
])
def test_same_speaker(gold: str, got: str, same: bool) -> None:
    assert same_speaker(gold, got) is same


def test_modality_and_speaker_accuracy(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Date: 2026-02-17\n\nKremlin spokesperson Dmitry Peskov said Russia would respond to "
        "the strikes on Tuesday.\n\nRussian forces launched a drone attack on Kharkiv.\n\n"
        "Talks between the two delegations will resume in Geneva next week.\n",
        encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Negotiators from both sides met for six hours behind closed doors.\n", encoding="utf-8")
    sample = tmp_path / "annotations.toml"
    sample.write_text('''
[[event]]
doc = "a"
fragment = "Peskov said Russia would respond"
start = 2026-02-17
end = 2026-02-17
parties = ["Russia"]
modality = "planned"
speaker = "Peskov"

[[event]]
doc = "a"
fragment = "Russian forces launched"
start = 2026-02-17
end = 2026-02-17
parties = ["Russia", "Ukraine"]
modality = "happened"
speaker = ""

[[event]]
doc = "b"
fragment = "Negotiators from both sides met"
undated = true
parties = []

[[event]]
doc = "a"
fragment = "not in any article"
start = 2026-02-17
end = 2026-02-17
speaker = ""
''', encoding="utf-8")
    result = score(tmp_path, sample)
    assert (result.events, result.found) == (4, 3)
    assert result.date_exact == 3 and result.date_overlap == 3
    # The missing event counts as wrong for the speaker; it has no modality key.
    assert (result.modality_right, result.modality_events) == (2, 2)
    assert (result.speaker_right, result.speaker_events) == (2, 3)
