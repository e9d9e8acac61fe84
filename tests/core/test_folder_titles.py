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
