"""A folder's own titles (`people.toml`) count when its articles are extracted: names were
read with the bundled titles, and the speaker rules took the folder's titles only when it
also had a `speakers.toml`."""

from __future__ import annotations

from pathlib import Path

from viewer.core.pipeline.folder_extraction import extract_folder


def test_a_folder_title_is_not_part_of_the_name(tmp_path: Path) -> None:
    (tmp_path / ".timeline-viewer").mkdir()
    (tmp_path / ".timeline-viewer" / "people.toml").write_text('titles = ["Warlord"]\n')
    (tmp_path / "a.txt").write_text(
        "Date: 2026-01-05\n\nFighting flared near the town on Monday.\n\n"
        "Warlord Amadou Keita said his men would hold the bridge. "
        "Keita added that talks had failed.\n")
    found = extract_folder(tmp_path, workers=1, use_cache=False)
    assert set(found.people) == {"Amadou Keita"}
    said = [e for e in found.events if "bridge" in e.text]
    assert [e.people for e in said] == [("Amadou Keita",)]
    assert [e.speaker for e in said] == ["Amadou Keita"]  # the speaker rules hold them too


def test_a_leader_of_the_folder_keeps_the_state_it_gives(tmp_path: Path) -> None:
    """The office rule gives "Prime Minister X" the state named just before unless X is a
    known leader; it read the bundled leaders only, so a folder's own were never known."""
    from viewer.core.events.gazetteer_build import load_gazetteer
    from viewer.core.events.state_bodies import office_states

    text = "Egypt hosted the talks. Prime Minister Amara Quell said the deal would hold."
    start = text.index("Prime")
    bundled = office_states(load_gazetteer(), text, start, len(text), {"Egypt": 0})
    assert [party for _, _, party in bundled] == ["Egypt"]
    (tmp_path / ".timeline-viewer").mkdir()
    (tmp_path / ".timeline-viewer" / "people.toml").write_text(
        '[leaders]\n"Amara Quell" = "Ghana"\n')
    gazetteer = load_gazetteer(tmp_path)
    assert {"Amara", "Quell"} <= gazetteer.leader_names
    assert "Putin" in gazetteer.leader_names  # the bundled leaders stay
    assert office_states(gazetteer, text, start, len(text), {"Egypt": 0}) == []
    # leaders of another shape name no leader; the bundled ones stand
    (tmp_path / ".timeline-viewer" / "people.toml").write_text('leaders = ["Amara Quell"]\n')
    names = load_gazetteer(tmp_path).leader_names
    assert "Quell" not in names and "Putin" in names
